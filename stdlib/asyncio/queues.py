"""asyncio.queues for Baton: Queue (FIFO), PriorityQueue and LifoQueue with
QueueEmpty/QueueFull, as CPython 3.11's Lib/asyncio/queues.py: blocked getters and
putters are served in the order they started waiting.
"""

import _asyncio
from asyncio import _heappush, _heappop, _class_getitem
from asyncio.locks import Event, _LoopBound


# Takes waiters out of a dict of waiting Futures, in order, until one is not done,
# and sets that one's result to None (the loop of CPython's _wakeup_next).
_wake_next = _asyncio.wake_next


class QueueEmpty(Exception):
    """Raised when Queue.get_nowait() is called on an empty Queue."""


class QueueFull(Exception):
    """Raised when the Queue.put_nowait() method is called on a full Queue."""



class Queue(_LoopBound):
    """A FIFO queue for tasks; get() waits while empty, put() while full."""

    __class_getitem__ = classmethod(_class_getitem)

    def __init__(self, maxsize=0):
        # The list-and-head fast path (put() and get() doing what put_nowait() and
        # get_nowait() do, in line) serves a queue whose class keeps Queue's own
        # storage and methods (_init, _put, _get, qsize, empty, full, put_nowait,
        # get_nowait, _wakeup_next); a subclass that overrides one of them gets its methods
        # called, as CPython calls them.  Stored on the instance: the hot paths read
        # it from the instance dict.
        cls = type(self)
        self._fifo = (cls._init is Queue._init and cls._put is Queue._put and
                      cls._get is Queue._get and cls.qsize is Queue.qsize and
                      cls.empty is Queue.empty and cls.full is Queue.full and
                      cls.put_nowait is Queue.put_nowait and
                      cls.get_nowait is Queue.get_nowait and
                      cls._wakeup_next is Queue._wakeup_next)
        self._maxsize = maxsize
        self._getters = {}
        self._putters = {}
        self._unfinished_tasks = 0
        self._finished = Event()
        self._finished.set()
        self._init(maxsize)

    def _init(self, maxsize):
        self._queue = []
        self._head = 0

    def _get(self):
        q = self._queue
        item = q[self._head]
        q[self._head] = None
        self._head += 1
        if self._head > 32 and self._head * 2 > len(q):
            del q[:self._head]
            self._head = 0
        return item

    def _put(self, item):
        self._queue.append(item)

    def _wakeup_next(self, waiters):
        if waiters:
            _wake_next(waiters)

    def __repr__(self):
        return f'<{type(self).__name__} at {hex(id(self))} {self._format()}>'

    def __str__(self):
        return f'<{type(self).__name__} {self._format()}>'

    def _format(self):
        result = f'maxsize={self._maxsize!r}'
        if self.qsize():
            result += f' _queue={self._items()!r}'
        if self._getters:
            result += f' _getters[{len(self._getters)}]'
        if self._putters:
            result += f' _putters[{len(self._putters)}]'
        if self._unfinished_tasks:
            result += f' tasks={self._unfinished_tasks}'
        return result

    def _items(self):
        return self._queue[self._head:]

    def qsize(self):
        return len(self._queue) - self._head

    @property
    def maxsize(self):
        return self._maxsize

    def empty(self):
        return self.qsize() == 0

    def full(self):
        if self._maxsize <= 0:
            return False
        return self.qsize() >= self._maxsize

    async def put(self, item):
        if self._fifo and self._maxsize <= 0:
            # Never full.
            return self._append_tail(item)
        while self.full():
            putter = self._get_loop().create_future()
            self._putters[putter] = None
            try:
                await putter
            except BaseException:
                putter.cancel()
                if putter in self._putters:
                    del self._putters[putter]
                if not self.full() and not putter.cancelled():
                    self._wakeup_next(self._putters)
                raise
        return self.put_nowait(item)

    def put_nowait(self, item):
        if not self._fifo:
            if self.full():
                raise QueueFull
            self._put(item)
            self._unfinished_tasks += 1
            self._finished.clear()
            self._wakeup_next(self._getters)
            return
        if self._maxsize > 0 and len(self._queue) - self._head >= self._maxsize:
            raise QueueFull
        self._append_tail(item)

    def _append_tail(self, item):
        # put_nowait() for a FIFO queue with room.
        self._queue.append(item)
        self._unfinished_tasks += 1
        self._finished._value = False
        getters = self._getters
        if getters:
            _wake_next(getters)

    async def get(self):
        fifo = self._fifo
        while self._head >= len(self._queue) if fifo else self.empty():
            getter = self._get_loop().create_future()
            self._getters[getter] = None
            try:
                await getter
            except BaseException:
                getter.cancel()
                if getter in self._getters:
                    del self._getters[getter]
                if not self.empty() and not getter.cancelled():
                    self._wakeup_next(self._getters)
                raise
        if not fifo:
            return self.get_nowait()
        return self._take_head()

    def get_nowait(self):
        if not self._fifo:
            if self.empty():
                raise QueueEmpty
            item = self._get()
            self._wakeup_next(self._putters)
            return item
        if self._head >= len(self._queue):
            raise QueueEmpty
        return self._take_head()

    def _take_head(self):
        # The first item of a FIFO queue that has one; the list is compacted once
        # more than half of it is taken.
        q = self._queue
        head = self._head
        item = q[head]
        q[head] = None
        head += 1
        if head > 32 and head * 2 > len(q):
            del q[:head]
            head = 0
        self._head = head
        putters = self._putters
        if putters:
            _wake_next(putters)
        return item

    def task_done(self):
        if self._unfinished_tasks <= 0:
            raise ValueError('task_done() called too many times')
        self._unfinished_tasks -= 1
        if self._unfinished_tasks == 0:
            self._finished.set()

    async def join(self):
        if self._unfinished_tasks > 0:
            await self._finished.wait()


class PriorityQueue(Queue):
    """A Queue that hands out the smallest item first."""

    def _init(self, maxsize):
        self._queue = []

    def _put(self, item):
        _heappush(self._queue, item)

    def _get(self):
        return _heappop(self._queue)

    def _items(self):
        return self._queue

    def qsize(self):
        return len(self._queue)


class LifoQueue(Queue):
    """A Queue that hands out the most recently added item first."""

    def _init(self, maxsize):
        self._queue = []

    def _put(self, item):
        self._queue.append(item)

    def _get(self):
        return self._queue.pop()

    def _items(self):
        return self._queue

    def qsize(self):
        return len(self._queue)
