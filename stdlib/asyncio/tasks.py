"""asyncio.tasks for Baton: the task combinators, gather, shield, wait, wait_for and
as_completed, as in CPython's Lib/asyncio/tasks.py (Task itself is part of the native
core, in asyncio). asyncio imports it at its end, as CPython's package does.
"""

import _asyncio
from asyncio import ALL_COMPLETED, FIRST_COMPLETED, FIRST_EXCEPTION, _CANCELLED, _PENDING
from asyncio import CancelledError, Future, current_task, ensure_future, get_event_loop
from asyncio import get_running_loop, iscoroutine, isfuture, _current_task_of, _note_waiter
from asyncio import future_discard_from_awaited_by, _get_running_loop


class _GatheringFuture(Future):
    def __init__(self, children, *, loop):
        super().__init__(loop=loop)
        self._children = children
        self._cancel_requested = False

    def cancel(self, msg=None):
        if self.done():
            return False
        ret = False
        for child in self._children:
            if child.cancel(msg=msg):
                ret = True
        if ret:
            self._cancel_requested = True
        return ret


_future_error = _asyncio.future_error
_gather_outcome = _asyncio.gather_outcome
_gather_results = _asyncio.gather_results
_gather_loop = _asyncio.gather_loop
_OTHER = object()


def gather(*coros_or_futures, return_exceptions=False):
    if not coros_or_futures:
        loop = get_event_loop()
        outer = loop.create_future()
        outer.set_result([])
        return outer

    nfuts = 0
    nfinished = 0
    children = []
    outer = None

    # (_future_error: a done child's exception, read directly for a plain Future or
    # Task, else through fut.exception(); _gather_outcome: a plain child's entry in
    # the results, or the marker for another kind.)
    def _done_callback(fut):
        nonlocal nfinished
        nfinished += 1
        if outer is None or outer._state != _PENDING:
            if fut._state != _CANCELLED:
                _future_error(fut)
            return
        if not return_exceptions:
            if fut._state == _CANCELLED:
                outer.set_exception(fut._make_cancelled_error())
                return
            exc = _future_error(fut)
            if exc is not None:
                outer.set_exception(exc)
                return
        if nfinished == nfuts:
            # (All exact Futures and Tasks: their entries in one native step.)
            results = _gather_results(children)
            if results is None:
                results = []
                for f in children:
                    res = _gather_outcome(f, _OTHER)
                    if res is _OTHER:
                        if f._state == _CANCELLED:
                            res = CancelledError('' if f._cancel_message is None else f._cancel_message)
                        else:
                            res = f.exception()
                            if res is None:
                                res = f.result()
                    results.append(res)
            if outer._cancel_requested:
                outer.set_exception(fut._make_cancelled_error())
            else:
                outer.set_result(results)

    loop = _gather_loop(coros_or_futures)
    if loop is not None:
        # Each argument a plain Future or Task of one loop, none twice: each is its own
        # child, and the argument tuple serves as the children.
        children = coros_or_futures
        nfuts = len(children)
        for fut in children:
            fut.add_done_callback(_done_callback)
        outer = _GatheringFuture(children, loop=loop)
        return outer

    arg_to_fut = {}
    for arg in coros_or_futures:
        if arg not in arg_to_fut:
            if isinstance(arg, Future) and (loop is None or arg._loop is loop):
                fut = arg
            else:
                fut = ensure_future(arg, loop=loop)
                if fut is not arg:
                    fut._log_destroy_pending = False
            if loop is None:
                loop = fut._loop
            nfuts += 1
            arg_to_fut[arg] = fut
            fut.add_done_callback(_done_callback)
        else:
            fut = arg_to_fut[arg]
        children.append(fut)
    outer = _GatheringFuture(children, loop=loop)
    return outer


def shield(arg):
    inner = ensure_future(arg)
    if inner.done():
        return inner
    loop = inner._loop
    outer = loop.create_future()
    cur_task = _current_task_of(loop) if loop is _get_running_loop() else None
    if cur_task is not None:
        _note_waiter(inner, cur_task)

    def _inner_done_callback(inner):
        if cur_task is not None and inner._baton_awaited_by is not None:
            future_discard_from_awaited_by(inner, cur_task)
        if outer.cancelled():
            if not inner.cancelled():
                inner.exception()
            return
        if inner.cancelled():
            outer.cancel()
        else:
            exc = inner.exception()
            if exc is not None:
                outer.set_exception(exc)
            else:
                outer.set_result(inner.result())

    def _outer_done_callback(outer):
        if not inner.done():
            inner.remove_done_callback(_inner_done_callback)

    inner.add_done_callback(_inner_done_callback)
    outer.add_done_callback(_outer_done_callback)
    return outer


# ---------------------------------------------------------------- wait, wait_for, as_completed

def _release_waiter(waiter, *args):
    if not waiter.done():
        waiter.set_result(None)


async def wait(fs, *, timeout=None, return_when=ALL_COMPLETED):
    if isfuture(fs) or iscoroutine(fs):
        raise TypeError(f'expect a list of futures, not {type(fs).__name__}')
    if not fs:
        raise ValueError('Set of Tasks/Futures is empty.')
    if return_when not in (FIRST_COMPLETED, FIRST_EXCEPTION, ALL_COMPLETED):
        raise ValueError(f'Invalid return_when value: {return_when}')
    loop = get_running_loop()
    fs = set(fs)
    if any(iscoroutine(f) for f in fs):
        raise TypeError('Passing coroutines is forbidden, use tasks explicitly.')
    return await _wait(fs, timeout, return_when, loop)


async def _wait(fs, timeout, return_when, loop):
    waiter = loop.create_future()
    timeout_handle = None
    if timeout is not None:
        timeout_handle = loop.call_later(timeout, _release_waiter, waiter)
    counter = len(fs)

    def _on_completion(f):
        nonlocal counter
        counter -= 1
        if (counter <= 0 or return_when == FIRST_COMPLETED or
                return_when == FIRST_EXCEPTION and (not f.cancelled() and
                                                    f.exception() is not None)):
            if timeout_handle is not None:
                timeout_handle.cancel()
            if not waiter.done():
                waiter.set_result(None)

    for f in fs:
        f.add_done_callback(_on_completion)
    try:
        await waiter
    finally:
        if timeout_handle is not None:
            timeout_handle.cancel()
        for f in fs:
            f.remove_done_callback(_on_completion)
    done, pending = set(), set()
    for f in fs:
        if f.done():
            done.add(f)
        else:
            pending.add(f)
    return done, pending


async def _cancel_and_wait(fut, loop):
    waiter = loop.create_future()

    def cb(f):
        _release_waiter(waiter)

    fut.add_done_callback(cb)
    try:
        fut.cancel()
        await waiter
    finally:
        fut.remove_done_callback(cb)


async def wait_for(fut, timeout):
    loop = get_running_loop()
    if timeout is None:
        return await fut
    if timeout <= 0:
        fut = ensure_future(fut, loop=loop)
        if fut.done():
            return fut.result()
        await _cancel_and_wait(fut, loop=loop)
        try:
            return fut.result()
        except CancelledError as exc:
            raise TimeoutError() from exc
    waiter = loop.create_future()
    timeout_handle = loop.call_later(timeout, _release_waiter, waiter)

    def cb(f):
        _release_waiter(waiter)

    fut = ensure_future(fut, loop=loop)
    fut.add_done_callback(cb)
    try:
        try:
            await waiter
        except CancelledError:
            if fut.done():
                return fut.result()
            else:
                fut.remove_done_callback(cb)
                await _cancel_and_wait(fut, loop=loop)
                raise
        if fut.done():
            return fut.result()
        else:
            fut.remove_done_callback(cb)
            await _cancel_and_wait(fut, loop=loop)
            try:
                return fut.result()
            except CancelledError as exc:
                raise TimeoutError() from exc
    finally:
        timeout_handle.cancel()


def as_completed(fs, *, timeout=None):
    # A generator, as in CPython 3.11: nothing (not even the argument check) happens
    # until the first next(); the futures are made from the awaitables then.
    if isfuture(fs) or iscoroutine(fs):
        raise TypeError(f'expect an iterable of futures, not {type(fs).__name__}')
    from asyncio.queues import Queue
    done = Queue()
    loop = get_event_loop()
    todo = {}
    for f in set(fs):
        todo[ensure_future(f, loop=loop)] = None
    timeout_handle = None

    # The timer handle, held in a cell that its own callback reaches, is let go once
    # it has fired or been cancelled: Baton has no cycle collector (DESIGN, invariant 5).
    def _on_timeout():
        nonlocal timeout_handle
        timeout_handle = None
        for f in todo:
            f.remove_done_callback(_on_completion)
            done.put_nowait(None)
        todo.clear()

    def _on_completion(f):
        nonlocal timeout_handle
        if not todo:
            return
        del todo[f]
        done.put_nowait(f)
        if not todo and timeout_handle is not None:
            timeout_handle.cancel()
            timeout_handle = None

    async def _wait_for_one():
        f = await done.get()
        if f is None:
            raise TimeoutError
        return f.result()

    for f in todo:
        f.add_done_callback(_on_completion)
    if todo and timeout is not None:
        timeout_handle = loop.call_later(timeout, _on_timeout)
    for _ in range(len(todo)):
        yield _wait_for_one()
