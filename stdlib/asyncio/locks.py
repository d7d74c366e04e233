"""asyncio.locks for Baton: Event, Lock, Condition, Semaphore, BoundedSemaphore and Barrier, as
CPython 3.11's Lib/asyncio/locks.py (waiters woken in FIFO order, cancellation-safe),
plus the loop binding every primitive shares.
"""

import _asyncio
from asyncio import CancelledError


class _LoopBound:
    _loop = None

    # The running loop, which the primitive binds to on first use and must keep
    # using (native: src/runtime/mod.rs).
    _get_loop = _asyncio.loop_bound_get_loop


class _ContextManagerMixin:
    async def __aenter__(self):
        await self.acquire()
        return None

    async def __aexit__(self, exc_type, exc, tb):
        self.release()


class Event(_LoopBound):
    """An event flag: wait() blocks until set() is called."""

    # CPython keeps every waiter in one deque until it resumes. Here `_waiters` holds
    # the waiters since the last set(); set() hands that list over and counts its
    # entries in `_woken` until each has resumed, so a woken waiter costs nothing
    # while it waits for its turn. The count of waiters is len(_waiters) + _woken.

    def __init__(self):
        self._waiters = []
        self._woken = 0
        self._value = False

    def __repr__(self):
        extra = 'set' if self._value else 'unset'
        n = len(self._waiters) + self._woken
        if n:
            extra = f'{extra}, waiters:{n}'
        return f'<asyncio.locks.Event object at {hex(id(self))} [{extra}]>'

    def is_set(self):
        return self._value

    def set(self):
        if not self._value:
            self._value = True
            waiters = self._waiters
            if waiters:
                self._waiters = []
                self._woken += len(waiters)
                for fut in waiters:
                    if not fut.done():
                        fut.set_result(True)

    def clear(self):
        self._value = False

    async def wait(self):
        if self._value:
            return True
        fut = self._get_loop().create_future()
        self._waiters.append(fut)
        try:
            await fut
            return True
        finally:
            # Only set() gives the Future a result, after it took the list.
            if fut.done() and not fut.cancelled():
                self._woken -= 1
            elif fut in self._waiters:
                self._waiters.remove(fut)
            else:
                self._woken -= 1


class Lock(_ContextManagerMixin, _LoopBound):
    """A mutual exclusion lock for tasks."""

    def __init__(self):
        self._waiters = None
        self._locked = False

    def __repr__(self):
        extra = 'locked' if self._locked else 'unlocked'
        if self._waiters:
            extra = f'{extra}, waiters:{len(self._waiters)}'
        return f'<asyncio.locks.Lock object at {hex(id(self))} [{extra}]>'

    def locked(self):
        return self._locked

    async def acquire(self):
        if not self._locked and (self._waiters is None or
                                 all(w.cancelled() for w in self._waiters)):
            self._locked = True
            return True
        if self._waiters is None:
            self._waiters = {}
        fut = self._get_loop().create_future()
        self._waiters[fut] = None
        try:
            try:
                await fut
            finally:
                del self._waiters[fut]
        except CancelledError:
            if not self._locked:
                self._wake_up_first()
            raise
        self._locked = True
        return True

    def release(self):
        if self._locked:
            self._locked = False
            self._wake_up_first()
        else:
            raise RuntimeError('Lock is not acquired.')

    def _wake_up_first(self):
        if not self._waiters:
            return
        fut = next(iter(self._waiters))
        if not fut.done():
            fut.set_result(True)


class Condition(_ContextManagerMixin, _LoopBound):
    """Tasks wait() until another task notify()s them, holding the lock around both."""

    def __init__(self, lock=None):
        if lock is None:
            lock = Lock()
        self._lock = lock
        self.locked = lock.locked
        self.acquire = lock.acquire
        self.release = lock.release
        self._waiters = {}

    def __repr__(self):
        extra = 'locked' if self.locked() else 'unlocked'
        if self._waiters:
            extra = f'{extra}, waiters:{len(self._waiters)}'
        return f'<asyncio.locks.Condition object at {hex(id(self))} [{extra}]>'

    async def wait(self):
        if not self.locked():
            raise RuntimeError('cannot wait on un-acquired lock')
        self.release()
        try:
            fut = self._get_loop().create_future()
            self._waiters[fut] = None
            try:
                await fut
                return True
            finally:
                del self._waiters[fut]
        finally:
            err = None
            while True:
                try:
                    await self.acquire()
                    break
                except CancelledError as e:
                    err = e
            if err:
                raise err

    async def wait_for(self, predicate):
        result = predicate()
        while not result:
            await self.wait()
            result = predicate()
        return result

    def notify(self, n=1):
        if not self.locked():
            raise RuntimeError('cannot notify on un-acquired lock')
        idx = 0
        for fut in self._waiters:
            if idx >= n:
                break
            if not fut.done():
                idx += 1
                fut.set_result(False)

    def notify_all(self):
        self.notify(len(self._waiters))


class Semaphore(_ContextManagerMixin, _LoopBound):
    """A counter of available slots; acquire() blocks while it is zero."""

    def __init__(self, value=1):
        if value < 0:
            raise ValueError('Semaphore initial value must be >= 0')
        self._waiters = None
        self._value = value

    def __repr__(self):
        extra = 'locked' if self.locked() else f'unlocked, value:{self._value}'
        if self._waiters:
            extra = f'{extra}, waiters:{len(self._waiters)}'
        return f'<asyncio.locks.{type(self).__name__} object at {hex(id(self))} [{extra}]>'

    def locked(self):
        return self._value == 0 or (
            any(not w.cancelled() for w in (self._waiters or ())))

    async def acquire(self):
        if not self.locked():
            self._value -= 1
            return True
        if self._waiters is None:
            self._waiters = {}
        fut = self._get_loop().create_future()
        self._waiters[fut] = None
        try:
            try:
                await fut
            finally:
                del self._waiters[fut]
        except CancelledError:
            if not fut.cancelled():
                self._value += 1
                self._wake_up_next()
            raise
        if self._value > 0:
            self._wake_up_next()
        return True

    def release(self):
        self._value += 1
        self._wake_up_next()

    def _wake_up_next(self):
        if not self._waiters:
            return
        for fut in self._waiters:
            if not fut.done():
                self._value -= 1
                fut.set_result(True)
                return


class BoundedSemaphore(Semaphore):
    """A Semaphore that refuses to be released more often than acquired."""

    def __init__(self, value=1):
        self._bound_value = value
        super().__init__(value)

    def release(self):
        if self._value >= self._bound_value:
            raise ValueError('BoundedSemaphore released too many times')
        super().release()




class BrokenBarrierError(RuntimeError):
    """A Barrier was aborted or reset while a task waited at it."""

    __module__ = 'asyncio.exceptions'


# A Barrier's phases: it fills with waiting tasks, drains them once the last party
# arrives (new arrivals wait for the draining to end), resets (waiters are sent
# away with BrokenBarrierError, then it fills again), or is broken for good.
_FILLING = 'filling'
_DRAINING = 'draining'
_RESETTING = 'resetting'
_BROKEN = 'broken'


class Barrier(_LoopBound):
    """`parties` tasks wait() until all of them have arrived, then all go on; each
    gets its arrival index (0 to parties - 1). Reusable, as CPython 3.11's."""

    def __init__(self, parties):
        if parties < 1:
            raise ValueError('parties must be > 0')
        self._cond = Condition()
        self._parties = parties
        self._state = _FILLING
        self._count = 0

    def __repr__(self):
        extra = self._state
        if not self.broken:
            extra += f', waiters:{self.n_waiting}/{self.parties}'
        return f'<asyncio.locks.Barrier object at {hex(id(self))} [{extra}]>'

    async def __aenter__(self):
        return await self.wait()

    async def __aexit__(self, *args):
        pass

    async def wait(self):
        async with self._cond:
            # Arrivals during a drain or reset wait for it to end.
            await self._cond.wait_for(lambda: self._state not in (_DRAINING, _RESETTING))
            if self._state == _BROKEN:
                raise BrokenBarrierError('Barrier aborted')
            index = self._count
            self._count += 1
            try:
                if index + 1 == self._parties:
                    # The last party: everyone waiting goes.
                    self._state = _DRAINING
                    self._cond.notify_all()
                else:
                    await self._cond.wait_for(lambda: self._state != _FILLING)
                    if self._state in (_BROKEN, _RESETTING):
                        raise BrokenBarrierError('Abort or reset of barrier')
                return index
            finally:
                self._count -= 1
                if self._count == 0:
                    # The last to leave ends a drain or a reset.
                    if self._state in (_DRAINING, _RESETTING):
                        self._state = _FILLING
                    self._cond.notify_all()

    async def reset(self):
        async with self._cond:
            self._state = _RESETTING if self._count > 0 else _FILLING
            self._cond.notify_all()

    async def abort(self):
        async with self._cond:
            self._state = _BROKEN
            self._cond.notify_all()

    @property
    def parties(self):
        return self._parties

    @property
    def n_waiting(self):
        return self._count if self._state == _FILLING else 0

    @property
    def broken(self):
        return self._state == _BROKEN
