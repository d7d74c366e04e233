"""Baton's asyncio: the event loop, Future, Task, sleep and run, and the combinators
gather, wait, wait_for, shield, timeout and as_completed.  Locks, queues and TaskGroup
live in asyncio.locks, asyncio.queues and asyncio.taskgroups, imported on first use.

It follows CPython 3.11's Lib/asyncio step for step (FIFO ready queue, timers by
deadline then insertion, done-callbacks through the ready queue, Task.__step/__wakeup),
so the same program interleaves exactly as under CPython.  The hot core is native, in
the `_asyncio` module (src/runtime): the loop cycle, Task step and wake-up, Future
creation, await, result and callbacks, the timer heap and the clock; the classes here
hold the state those natives read and write.  Baton adds a deadlock report: when
nothing is ready and no timer is pending while the loop runs, the waiting tasks are
listed on stderr and the process exits with status 1.
"""

import _asyncio
import sys

CancelledError = _asyncio.CancelledError
InvalidStateError = _asyncio.InvalidStateError
TimeoutError = TimeoutError

_monotonic = _asyncio.monotonic
_new_future = _asyncio.new_future
_new_task = _asyncio.new_task
_current_task_of = _asyncio.current_task
_wait_native = _asyncio.wait
_trace = _asyncio.trace
# Set with --trace/--trace-json/--timeline: the lifecycle events raised from here.
_tracing = _asyncio.tracing()

FIRST_COMPLETED = 'FIRST_COMPLETED'
FIRST_EXCEPTION = 'FIRST_EXCEPTION'
ALL_COMPLETED = 'ALL_COMPLETED'

_PENDING = 'PENDING'
_CANCELLED = 'CANCELLED'
_FINISHED = 'FINISHED'


_CoroutineType = _asyncio.coroutine_type()


def _gen():
    yield


_GeneratorType = type(_gen())


def iscoroutine(obj):
    return type(obj) is _CoroutineType


def isfuture(obj):
    return getattr(type(obj), '_asyncio_future_blocking', None) is not None and \
        obj._asyncio_future_blocking is not None


def _isawaitable(obj):
    return iscoroutine(obj) or hasattr(type(obj), '__await__')


# ---------------------------------------------------------------- heap of timers

_heappush = _asyncio.heappush
_heappop = _asyncio.heappop


# ---------------------------------------------------------------- reprs

def _format_coroutine(coro):
    name = getattr(coro, '__qualname__', None) or getattr(coro, '__name__', '?')
    name = name + '()'
    code = getattr(coro, 'cr_code', None)
    frame = getattr(coro, 'cr_frame', None)
    if code is None:
        return name
    if frame is not None:
        lineno = getattr(frame, 'f_lineno', None)
        if lineno is None:
            chain = _asyncio.suspension(coro)
            lineno = chain[0][1] if chain else code.co_firstlineno
        return f'{name} running at {code.co_filename}:{lineno}'
    return f'{name} done, defined at {code.co_filename}:{code.co_firstlineno}'


def _short_repr(obj):
    r = repr(obj)
    if len(r) > 30 and isinstance(obj, str):
        r = r[:13] + '...' + r[-14:]
    return r


def _format_callback(cb, args=()):
    name = getattr(cb, '__qualname__', None)
    if name is None:
        name = repr(cb)
    if name == 'task_wakeup' or name == 'task_step':
        name = 'Task.' + name
    text = name + '(' + ', '.join(_short_repr(a) for a in args) + ')'
    code = getattr(cb, '__code__', None)
    if code is not None:
        text += f' at {code.co_filename}:{code.co_firstlineno}'
    return text


def _future_repr_info(fut):
    info = [fut._state.lower()]
    if fut._state == _FINISHED:
        if fut._exception is not None:
            info.append(f'exception={fut._exception!r}')
        else:
            r = repr(fut._result)
            if len(r) > 30:
                r = r[:13] + '...' + r[-14:]
            info.append(f'result={r}')
    if fut._callbacks:
        cbs = [_format_callback(cb) for cb in _callback_list(fut)]
        if len(cbs) > 2:
            cbs = [cbs[0], f'<{len(cbs) - 2} more>', cbs[-1]]
        info.append('cb=[' + ', '.join(cbs) + ']')
    return info


# ---------------------------------------------------------------- handles

class Handle:
    """A callback scheduled with call_soon."""

    def __init__(self, callback, args, loop, context=None):
        self._callback = callback
        self._args = args
        self._loop = loop
        self._cancelled = False

    def __repr__(self):
        info = [type(self).__name__]
        if self._cancelled:
            info.append('cancelled')
        if self._callback is not None:
            info.append(_format_callback(self._callback, self._args))
        return '<' + ' '.join(info) + '>'

    def cancel(self):
        if not self._cancelled:
            self._cancelled = True
            self._callback = None
            self._args = None

    def cancelled(self):
        return self._cancelled

    def get_context(self):
        return None

    def _run(self):
        try:
            self._callback(*self._args)
        except (SystemExit, KeyboardInterrupt):
            raise
        except BaseException as exc:
            cb = _format_callback(self._callback, self._args)
            self._loop.call_exception_handler({
                'message': f'Exception in callback {cb}',
                'exception': exc,
                'handle': self,
            })


class TimerHandle(Handle):
    """A callback scheduled with call_later or call_at."""

    def __init__(self, when, callback, args, loop, context=None):
        super().__init__(callback, args, loop, context)
        self._when = when
        self._scheduled = False

    def __repr__(self):
        info = [type(self).__name__]
        if self._cancelled:
            info.append('cancelled')
        info.append(f'when={self._when}')
        if self._callback is not None:
            info.append(_format_callback(self._callback, self._args))
        return '<' + ' '.join(info) + '>'

    def when(self):
        return self._when

    def cancel(self):
        if not self._cancelled:
            self._loop._timer_handle_cancelled(self)
        super().cancel()


# ---------------------------------------------------------------- the event loop

_running_loop = None
_event_loop = None
_event_loop_set_called = False


def _get_running_loop():
    return _running_loop


def get_running_loop():
    if _running_loop is None:
        raise RuntimeError('no running event loop')
    return _running_loop


def get_event_loop():
    global _event_loop
    if _running_loop is not None:
        return _running_loop
    if _event_loop is None and not _event_loop_set_called:
        _event_loop = new_event_loop()
    if _event_loop is None:
        raise RuntimeError("There is no current event loop in thread 'MainThread'.")
    return _event_loop


def set_event_loop(loop):
    global _event_loop, _event_loop_set_called
    _event_loop_set_called = True
    _event_loop = loop


def new_event_loop():
    return BaseEventLoop()


def _run_until_complete_cb(fut):
    if not fut.cancelled():
        exc = fut.exception()
        if isinstance(exc, (SystemExit, KeyboardInterrupt)):
            return
    fut._loop.stop()


class BaseEventLoop:
    """The event loop: a FIFO ready queue and a heap of timers."""

    def __init__(self):
        self._ready = []
        self._scheduled = []
        self._timer_seq = 0
        self._timer_cancelled_count = 0
        self._stopping = False
        self._closed = False
        self._running = False
        self._exception_handler = None
        self._debug = False

    def __repr__(self):
        return f'<_UnixSelectorEventLoop running={self._running} ' \
               f'closed={self._closed} debug={self._debug}>'

    def time(self):
        return _monotonic()

    def _check_closed(self):
        if self._closed:
            raise RuntimeError('Event loop is closed')

    def _check_running(self):
        if self._running:
            raise RuntimeError('This event loop is already running')
        if _running_loop is not None:
            raise RuntimeError('Cannot run the event loop while another loop is running')

    def is_running(self):
        return self._running

    def is_closed(self):
        return self._closed

    def get_debug(self):
        return self._debug

    def set_debug(self, enabled):
        self._debug = enabled

    def create_future(self):
        return _new_future(self)

    def create_task(self, coro, *, name=None, context=None):
        self._check_closed()
        if type(coro) is _CoroutineType:
            return _new_task(self, coro, name)
        return Task(coro, loop=self, name=name)

    def _check_callback(self, callback, method):
        if iscoroutine(callback) or not callable(callback):
            raise TypeError(f'a callable object was expected by {method}(), got {callback!r}')

    def call_soon(self, callback, *args, context=None):
        self._check_closed()
        if self._debug:
            self._check_callback(callback, 'call_soon')
        handle = Handle(callback, args, self)
        self._ready.append(handle)
        return handle

    def call_later(self, delay, callback, *args, context=None):
        if delay is None:
            raise TypeError('delay must not be None')
        return self.call_at(self.time() + delay, callback, *args)

    def call_at(self, when, callback, *args, context=None):
        if when is None:
            raise TypeError('when cannot be None')
        self._check_closed()
        if self._debug:
            self._check_callback(callback, 'call_at')
        timer = TimerHandle(when, callback, args, self)
        self._timer_seq += 1
        _heappush(self._scheduled, (when, self._timer_seq, timer))
        timer._scheduled = True
        if _tracing:
            _trace('timer', timer, when)
        return timer

    def _timer_handle_cancelled(self, handle):
        if handle._scheduled:
            self._timer_cancelled_count += 1

    def stop(self):
        self._stopping = True

    def close(self):
        if self._running:
            raise RuntimeError('Cannot close a running event loop')
        if self._closed:
            return
        self._closed = True
        self._ready.clear()
        self._scheduled.clear()

    @property
    def _current_task(self):
        # The task this loop runs a step of (kept natively, as CPython's
        # _current_tasks).
        return _current_task_of(self)

    def run_forever(self):
        global _running_loop
        self._check_closed()
        self._check_running()
        self._running = True
        _running_loop = self
        _asyncio.set_running_loop(self)
        try:
            _asyncio.run_forever(self)
        finally:
            self._stopping = False
            self._running = False
            _running_loop = None
            _asyncio.set_running_loop(None)

    def run_until_complete(self, future):
        self._check_closed()
        self._check_running()
        new_task = not isfuture(future)
        future = ensure_future(future, loop=self)
        if new_task:
            future._log_destroy_pending = False
        future.add_done_callback(_run_until_complete_cb)
        try:
            self.run_forever()
        except BaseException:
            if new_task and future.done() and not future.cancelled():
                future.exception()
            raise
        finally:
            future.remove_done_callback(_run_until_complete_cb)
        if not future.done():
            raise RuntimeError('Event loop stopped before Future completed.')
        return future.result()

    def _run_once(self):
        _asyncio.run_once(self)

    async def shutdown_asyncgens(self):
        pass

    async def shutdown_default_executor(self):
        pass

    def set_exception_handler(self, handler):
        self._exception_handler = handler

    def get_exception_handler(self):
        return self._exception_handler

    def default_exception_handler(self, context):
        message = context.get('message') or 'Unhandled exception in event loop'
        lines = [message]
        for key in sorted(context):
            if key in ('message', 'exception'):
                continue
            lines.append(f'{key}: {context[key]!r}')
        print('\n'.join(lines), file=sys.stderr)
        exc = context.get('exception')
        if exc is not None:
            print(_asyncio.format_exception(exc), end='', file=sys.stderr)

    def call_exception_handler(self, context):
        if self._exception_handler is None:
            self.default_exception_handler(context)
        else:
            self._exception_handler(self, context)


# ---------------------------------------------------------------- deadlocks

def _frame_location(entry):
    return f'{entry._code.co_filename}:{entry._line} in {entry._code.co_qualname}()'


def _user_frames(call_stack):
    """The entries of a task's call stack outside the stdlib, innermost first (or
    the outermost stdlib frame when the task never left the stdlib)."""
    user = [e for e in call_stack if not e._code.co_filename.startswith('<stdlib>')]
    if not user and call_stack:
        user = [call_stack[-1]]
    return user


# The waits of asyncio.locks and asyncio.queues, named after the primitive: a task
# whose innermost coroutine is one of these, suspended on a plain Future, waits on it.
_WAIT_POINTS = {
    '<stdlib>/asyncio.locks.py': ('Event.wait', 'Lock.acquire', 'Condition.wait',
                                  'Semaphore.acquire'),
    '<stdlib>/asyncio.queues.py': ('Queue.put', 'Queue.get'),
}


def _describe_waiter(fut, task=None):
    """What `task` waits on, `fut` (its _fut_waiter)."""
    if fut is None:
        return 'nothing (it will never be woken)'
    if isinstance(fut, Task):
        return f'task {fut.get_name()!r}'
    if type(fut) is Future and task is not None:
        chain = _asyncio.suspension(task._coro)
        if chain:
            filename, _, qualname = chain[-1]
            if qualname in _WAIT_POINTS.get(filename, ()):
                return qualname + '()'
    return repr(fut)


def _deadlock(loop):
    sys.stdout.flush()
    _asyncio.deadlock_exit(_deadlock_report(loop))


def _deadlock_report(loop):
    lines = ['Deadlock: no task can make progress (nothing is ready and no timer is pending).']
    pending = [t for t in _asyncio.live_tasks() if t._loop is loop and not t.done()]
    # awaits[t]: the pending tasks t waits for, read off the call graph's awaited-by links
    awaits = {}
    for t in pending:
        awaits[t] = {}
    # (the links of _awaited_by, gathered in one pass over the tasks)
    for t in pending:
        if t._fut_waiter is not None:
            for u in _waited_futures(t._fut_waiter):
                if u in awaits and u is not t:
                    awaits[t][u] = None
    for u in pending:
        for waiter in [u._baton_waiter] + list(u._baton_awaited_by or ()):
            if waiter in awaits:
                awaits[waiter][u] = None
    from asyncio.graph import _call_stack
    for t in pending:
        frames = _user_frames(_call_stack(t))
        where = _frame_location(frames[0]) if frames else '<unknown>'
        lines.append(f'  task {t.get_name()!r} is suspended at {where}')
        for entry in frames[1:]:
            lines.append(f'    awaited from {_frame_location(entry)}')
        lines.append(f'    waiting on {_describe_waiter(t._fut_waiter, t)}')
        through = [u for u in awaits[t] if u is not t._fut_waiter]
        if through:
            names = ', '.join(f'task {u.get_name()!r}' for u in through[:8])
            if len(through) > 8:
                names += f' and {len(through) - 8} more'
            lines.append(f'    which waits for {names}')
    for cycle in _find_cycles(pending, awaits):
        names = ' -> '.join(repr(c.get_name()) for c in cycle + [cycle[0]])
        lines.append(f'  cycle: {names}')
    if not pending:
        lines.append('  the loop is running but nothing is scheduled and no task exists')
    return '\n'.join(lines)


def _find_cycles(pending, awaits):
    """The cycles of the awaits links, by one depth-first search over all tasks: a
    link back to a task on the current path closes a cycle."""
    cycles = []
    state = {}
    for root in pending:
        if root in state:
            continue
        path = [root]
        at = {root: 0}
        state[root] = 'on path'
        todo = [iter(awaits[root])]
        while todo:
            nxt = next(todo[-1], None)
            if nxt is None:
                todo.pop()
                done = path.pop()
                state[done] = 'done'
                del at[done]
            elif nxt not in state:
                state[nxt] = 'on path'
                at[nxt] = len(path)
                path.append(nxt)
                todo.append(iter(awaits.get(nxt, ())))
            elif state[nxt] == 'on path':
                cycles.append(path[at[nxt]:])
    return cycles


# ---------------------------------------------------------------- Future

def _finalize(fut):
    # What CPython's Task.__del__ and Future.__del__ report; src/runtime/finalize.rs
    # calls this when the last reference to a Future or Task goes.
    if isinstance(fut, Task) and fut._state == _PENDING and \
            getattr(fut, '_log_destroy_pending', True):
        fut._log_destroy_pending = False
        fut._loop.call_exception_handler({
            'task': fut,
            'message': 'Task was destroyed but it is pending!',
        })
    if fut._log_traceback:
        fut._log_traceback = False
        fut._loop.call_exception_handler({
            'message': f'{type(fut).__name__} exception was never retrieved',
            'exception': fut._exception,
            'future': fut,
        })


_asyncio.set_finalizer(_finalize)


# A Future's callbacks as a list or tuple: `_callbacks` is the empty tuple, the one
# callback itself, a Task standing for its own wake-up (given as the bound method
# task.__wakeup), or a list of two or more (src/runtime/task.rs).
_callback_list = _asyncio.callback_list


class Future:
    """A value that becomes available later; awaiting it suspends the awaiting task."""

    # The defaults live here, not in every instance's dict (a Future stores only what
    # differs; see _callback_list for the forms of `_callbacks`).
    _asyncio_future_blocking = False
    _baton_awaited_by = None
    _baton_waiter = None
    _state = _PENDING
    _result = None
    _exception = None
    _callbacks = ()
    _cancel_message = None
    _cancelled_exc = None
    _log_traceback = False

    def __init__(self, *, loop=None):
        if loop is None:
            loop = get_event_loop()
        self._loop = loop
        self._callbacks = ()
        if _tracing:
            _trace('future', self)

    def __repr__(self):
        return '<' + type(self).__name__ + ' ' + ' '.join(self._repr_info()) + '>'

    def _repr_info(self):
        return _future_repr_info(self)

    def get_loop(self):
        return self._loop

    def _make_cancelled_error(self):
        if self._cancelled_exc is not None:
            exc = self._cancelled_exc
            self._cancelled_exc = None
            return exc
        if self._cancel_message is None:
            return CancelledError()
        return CancelledError(self._cancel_message)

    def cancel(self, msg=None):
        if self._log_traceback:
            self._log_traceback = False
        if self._state != _PENDING:
            return False
        if _tracing and not isinstance(self, Task):
            _trace('cancel', self, msg)
        self._state = _CANCELLED
        self._cancel_message = msg
        self._schedule_callbacks()
        return True

    def _schedule_callbacks(self):
        callbacks = _callback_list(self)
        if _tracing:
            _trace('resolved', self, callbacks)
        if not callbacks:
            return
        self._callbacks = ()
        ready = self._loop._ready
        for cb in callbacks:
            ready.append((cb, self))

    cancelled = _asyncio.future_cancelled
    done = _asyncio.future_done

    result = _asyncio.future_result
    exception = _asyncio.future_exception

    add_done_callback = _asyncio.future_add_done_callback

    def remove_done_callback(self, fn):
        callbacks = _callback_list(self)
        filtered = [f for f in callbacks if f != fn]
        removed = len(callbacks) - len(filtered)
        if removed:
            self._callbacks = filtered if filtered else ()
        return removed

    set_result = _asyncio.future_set_result

    def set_exception(self, exception):
        if self._state != _PENDING:
            raise InvalidStateError('invalid state')
        if isinstance(exception, type):
            exception = exception()
        if type(exception) is StopIteration:
            raise TypeError('StopIteration interacts badly with generators '
                            'and cannot be raised into a Future')
        self._exception = exception
        self._state = _FINISHED
        self._schedule_callbacks()
        self._log_traceback = True

    __await__ = _asyncio.future_await
    __iter__ = __await__


# ---------------------------------------------------------------- who awaits whom
#
# CPython 3.14's `_asyncio_awaited_by` links, for the call graph (asyncio.graph) and the
# deadlock report.  Links that cost nothing to read off the tasks are not stored: a
# Task blocked on a Future awaits it (`_fut_waiter`), and a Task blocked on a gather
# awaits each of its pending children (CPython links the task that called gather();
# here it is the task that awaits it, the same task in every ordinary program).
# shield and TaskGroup make a link that lasts until the awaited future is done: the
# first one is the attribute `_baton_waiter` (one store on the hot path, ignored once
# the future is done), any further one goes through future_add_to_awaited_by, whose
# dict keeps the links in the order they were made.

def _note_waiter(fut, waiter):
    """Links `fut` to the task that awaits it until it is done (gather, shield,
    TaskGroup); returns True when the link went to the dict and must be discarded."""
    if fut._baton_waiter is None or fut._baton_waiter is waiter:
        fut._baton_waiter = waiter
        return False
    future_add_to_awaited_by(fut, waiter)
    return True


def future_add_to_awaited_by(fut, waiter):
    if isinstance(fut, Future) and isinstance(waiter, Future):
        if fut._baton_awaited_by is None:
            fut._baton_awaited_by = {}
        fut._baton_awaited_by[waiter] = None


def future_discard_from_awaited_by(fut, waiter):
    if isinstance(fut, Future) and isinstance(waiter, Future):
        if fut._baton_awaited_by is not None:
            fut._baton_awaited_by.pop(waiter, None)


def _awaited_by(fut):
    """The Futures and Tasks that await `fut`."""
    waiters = []
    pending = fut._state == _PENDING
    first = fut._baton_waiter
    if first is not None and pending:
        waiters.append(first)
    for waiter in fut._baton_awaited_by or ():
        if waiter not in waiters:
            waiters.append(waiter)
    for task in _asyncio.live_tasks():
        if task in waiters or task.done():
            continue
        waits_on = task._fut_waiter
        if waits_on is fut:
            waiters.append(task)
        elif pending and type(waits_on) is _GatheringFuture:
            if any(f is fut for f in _waited_futures(waits_on)):
                waiters.append(task)
    return waiters


def _waited_futures(fut):
    """`fut` and, through gathers (nested ones too), every future it waits for."""
    out = []
    todo = [fut]
    while todo:
        f = todo.pop()
        out.append(f)
        if type(f) is _GatheringFuture:
            todo.extend(reversed(f._children))
    return out


def _set_result_unless_cancelled(fut, result):
    if fut._state == _PENDING:
        fut.set_result(result)


# ---------------------------------------------------------------- Task

def _enter_task(loop, task):
    current = _current_task_of(loop)
    if current is not None:
        raise RuntimeError(f'Cannot enter into task {task!r} while another '
                           f'task {current!r} is being executed.')
    _asyncio.set_current_task(loop, task)


def _leave_task(loop, task):
    current = _current_task_of(loop)
    if current is not task:
        raise RuntimeError(f'Leaving task {task!r} does not match '
                           f'the current task {current!r}.')
    _asyncio.set_current_task(loop, None)


class Task(Future):
    """A coroutine wrapped in a Future, driven by the event loop one step at a time."""

    _must_cancel = False
    _fut_waiter = None
    _num_cancels_requested = 0

    def __init__(self, coro, *, loop=None, name=None, context=None):
        super().__init__(loop=loop)
        if type(coro) is not _CoroutineType:
            raise TypeError(f'a coroutine was expected, got {coro!r}')
        if name is None:
            # The number N of "Task-N": get_name() makes the string when asked.
            self._name = _asyncio.next_task_name()
        else:
            self._name = str(name)
        self._coro = coro
        self._fut_waiter = None
        if self._loop._closed:
            raise RuntimeError('Event loop is closed')
        self._loop._ready.append(self)
        _asyncio.register_task(self)
        if _tracing:
            _trace('task', self)

    def _repr_info(self):
        info = _future_repr_info(self)
        if self._must_cancel:
            info[0] = 'cancelling'
        info.insert(1, f'name={self.get_name()!r}')
        info.insert(2, f'coro=<{_format_coroutine(self._coro)}>')
        if self._fut_waiter is not None:
            info.insert(3, f'wait_for={self._fut_waiter!r}')
        return info

    def get_coro(self):
        return self._coro

    def get_context(self):
        return None

    def get_name(self):
        name = self._name
        if type(name) is int:
            return f'Task-{name}'
        return name

    def set_name(self, value):
        self._name = str(value)

    def set_result(self, result):
        raise RuntimeError('Task does not support set_result operation')

    def set_exception(self, exception):
        raise RuntimeError('Task does not support set_exception operation')

    def get_stack(self, *, limit=None):
        return []

    def cancel(self, msg=None):
        if self._log_traceback:
            self._log_traceback = False
        if self._state != _PENDING:
            return False
        if _tracing:
            _trace('cancel', self, msg)
        self._num_cancels_requested += 1
        if self._fut_waiter is not None:
            if self._fut_waiter.cancel(msg=msg):
                return True
        self._must_cancel = True
        self._cancel_message = msg
        return True

    def cancelling(self):
        return self._num_cancels_requested

    def uncancel(self):
        if self._num_cancels_requested > 0:
            self._num_cancels_requested -= 1
        return self._num_cancels_requested

    _step = _asyncio.task_step
    _wakeup = _asyncio.task_wakeup


def _task_set_exception(task, exc):
    Future.set_exception(task, exc)


def _task_cancel(task, msg):
    Future.cancel(task, msg)


def _report_callback_error(loop, what, exc):
    context = {'exception': exc}
    if isinstance(what, Task):
        context['message'] = 'Exception in callback Task.task_step()'
    else:
        if isinstance(what, tuple):
            what = Handle(what[0], (what[1],), loop)
        context['message'] = f'Exception in callback {_format_callback(what._callback, what._args)}'
        context['handle'] = what
    loop.call_exception_handler(context)


_asyncio.setup(Future, Task, None, Future._make_cancelled_error,
               _task_set_exception, _task_cancel, _report_callback_error, _deadlock)


def current_task(loop=None):
    if loop is None:
        loop = get_running_loop()
    return _current_task_of(loop)


def all_tasks(loop=None):
    if loop is None:
        loop = get_running_loop()
    return {t for t in _asyncio.live_tasks() if t._loop is loop and not t.done()}


def create_task(coro, *, name=None, context=None):
    loop = _running_loop
    if loop is None:
        raise RuntimeError('no running event loop')
    if type(coro) is _CoroutineType and not loop._closed:
        if name is not None:
            # CPython makes the task with a default name, then renames it: a
            # named task takes a number of "Task-N" all the same.
            _asyncio.next_task_name()
        return _new_task(loop, coro, name)
    task = loop.create_task(coro, name=name)
    if name is not None:
        _asyncio.next_task_name()
    return task


def ensure_future(coro_or_future, *, loop=None):
    if isfuture(coro_or_future):
        if loop is not None and loop is not coro_or_future._loop:
            raise ValueError('The future belongs to a different loop than '
                             'the one specified as the loop argument')
        return coro_or_future
    if not iscoroutine(coro_or_future):
        if _isawaitable(coro_or_future):
            coro_or_future = _wrap_awaitable(coro_or_future)
        else:
            raise TypeError('An asyncio.Future, a coroutine or an awaitable '
                            'is required')
    if loop is None:
        loop = get_event_loop()
    return loop.create_task(coro_or_future)


async def _wrap_awaitable(awaitable):
    return await awaitable


# ---------------------------------------------------------------- sleep and run

class _Sleep0:
    __await__ = _asyncio.sleep0_await


_sleep0 = _Sleep0()
# (`await _sleep0` needs no iterator object: src/runtime/selfawait.rs)
_asyncio.set_sleep0_class(_Sleep0)


async def sleep(delay, result=None):
    if delay <= 0:
        await _sleep0
        return result
    loop = get_running_loop()
    future = _new_future(loop)
    if _tracing:
        _trace('sleep', future, delay)
    h = loop.call_later(delay, _set_result_unless_cancelled, future, result)
    try:
        return await future
    finally:
        h.cancel()


def _cancel_all_tasks(loop):
    to_cancel = all_tasks(loop)
    if not to_cancel:
        return
    for task in to_cancel:
        task.cancel()
    loop.run_until_complete(gather(*to_cancel, return_exceptions=True))
    for task in to_cancel:
        if task.cancelled():
            continue
        if task.exception() is not None:
            loop.call_exception_handler({
                'message': 'unhandled exception during asyncio.run() shutdown',
                'exception': task.exception(),
                'task': task,
            })


class Runner:
    """A context manager that runs coroutines on one event loop and closes it."""

    def __init__(self, *, debug=None, loop_factory=None):
        self._state = 'created'
        self._debug = debug
        self._loop_factory = loop_factory
        self._loop = None

    def __enter__(self):
        self._lazy_init()
        return self

    def __exit__(self, exc_type, exc_val, exc_tb):
        self.close()

    def close(self):
        if self._state != 'initialized':
            return
        loop = self._loop
        try:
            _cancel_all_tasks(loop)
            loop.run_until_complete(loop.shutdown_asyncgens())
            loop.run_until_complete(loop.shutdown_default_executor())
        finally:
            set_event_loop(None)
            loop.close()
            self._loop = None
            self._state = 'closed'

    def get_loop(self):
        self._lazy_init()
        return self._loop

    def run(self, coro, *, context=None):
        if not iscoroutine(coro):
            raise ValueError(f'a coroutine was expected, got {coro!r}')
        if _running_loop is not None:
            raise RuntimeError('Runner.run() cannot be called from a running event loop')
        self._lazy_init()
        task = self._loop.create_task(coro)
        return self._loop.run_until_complete(task)

    def _lazy_init(self):
        if self._state == 'closed':
            raise RuntimeError('Runner is closed')
        if self._state == 'initialized':
            return
        if self._loop_factory is None:
            self._loop = new_event_loop()
            set_event_loop(self._loop)
        else:
            self._loop = self._loop_factory()
        if self._debug is not None:
            self._loop.set_debug(self._debug)
        self._state = 'initialized'


def run(main, *, debug=None):
    if _running_loop is not None:
        raise RuntimeError('asyncio.run() cannot be called from a running event loop')
    with Runner(debug=debug) as runner:
        return runner.run(main)


# ---------------------------------------------------------------- gather, shield

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
    cur_task = _current_task_of(loop) if loop is _running_loop else None
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
    return _as_completed_iter(len(todo), _wait_for_one)


def _as_completed_iter(n, one):
    for _ in range(n):
        yield one()


# ---------------------------------------------------------------- timeouts

class Timeout:
    """An async context manager that cancels the enclosing task at a deadline."""

    def __init__(self, when):
        self._state = 'created'
        self._timeout_handler = None
        self._task = None
        self._when = when

    def when(self):
        return self._when

    def reschedule(self, when):
        if self._state != 'active':
            raise RuntimeError(f'Cannot change state of {self._state} Timeout')
        self._when = when
        if self._timeout_handler is not None:
            self._timeout_handler.cancel()
        if when is None:
            self._timeout_handler = None
        else:
            loop = get_running_loop()
            if when <= loop.time():
                self._timeout_handler = loop.call_soon(self._on_timeout)
            else:
                self._timeout_handler = loop.call_at(when, self._on_timeout)

    def expired(self):
        return self._state in ('expiring', 'expired')

    def __repr__(self):
        info = ['']
        if self._state == 'active':
            when = round(self._when, 3) if self._when is not None else None
            info.append(f'when={when}')
        return f"<Timeout [{self._state}]{' '.join(info)}>"

    async def __aenter__(self):
        self._state = 'active'
        self._task = current_task()
        if self._task is None:
            raise RuntimeError('Timeout should be used inside a task')
        self.reschedule(self._when)
        return self

    async def __aexit__(self, exc_type, exc_val, exc_tb):
        if self._timeout_handler is not None:
            self._timeout_handler.cancel()
            self._timeout_handler = None
        if self._state == 'expiring':
            self._state = 'expired'
            if self._task.uncancel() == 0 and exc_type is CancelledError:
                raise TimeoutError from exc_val
        elif self._state == 'active':
            self._state = 'finished'
        return None

    def _on_timeout(self):
        self._task.cancel()
        self._state = 'expiring'
        self._timeout_handler = None


def timeout(delay):
    loop = get_running_loop()
    return Timeout(loop.time() + delay if delay is not None else None)


def timeout_at(when):
    return Timeout(when)


# ---------------------------------------------------------------- the rest, in Baton

# Locks, queues, TaskGroup and the call-graph helpers live in submodules that most
# programs never touch, so they are imported on first use rather than here: compiling
# them would be a third of `import asyncio`.  The module `__getattr__` (PEP 562) runs
# for a name this module does not define yet; it imports the submodule that defines
# it and binds that submodule's public names as globals here, after which they are
# ordinary attributes (`asyncio.Lock`, `from asyncio import Queue`).

def __getattr__(name):
    global Event, Lock, Condition, Semaphore, BoundedSemaphore
    global Queue, PriorityQueue, LifoQueue, QueueEmpty, QueueFull, TaskGroup
    global capture_call_graph, format_call_graph, print_call_graph
    global FrameCallGraphEntry, FutureCallGraph, locks, queues, taskgroups, graph
    if name in ('Event', 'Lock', 'Condition', 'Semaphore', 'BoundedSemaphore', 'locks'):
        import asyncio.locks as locks
        from asyncio.locks import Event, Lock, Condition, Semaphore, BoundedSemaphore
    elif name in ('Queue', 'PriorityQueue', 'LifoQueue', 'QueueEmpty', 'QueueFull',
                  'queues'):
        import asyncio.queues as queues
        from asyncio.queues import Queue, PriorityQueue, LifoQueue, QueueEmpty, QueueFull
    elif name in ('TaskGroup', 'taskgroups'):
        import asyncio.taskgroups as taskgroups
        from asyncio.taskgroups import TaskGroup
    elif name in ('capture_call_graph', 'format_call_graph', 'print_call_graph',
                  'FrameCallGraphEntry', 'FutureCallGraph', 'graph'):
        import asyncio.graph as graph
        from asyncio.graph import capture_call_graph, format_call_graph, print_call_graph
        from asyncio.graph import FrameCallGraphEntry, FutureCallGraph
    else:
        raise AttributeError(f"module 'asyncio' has no attribute '{name}'")
    import asyncio
    return getattr(asyncio, name)
