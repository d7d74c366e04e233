"""Baton's asyncio: the event loop, Future, Task, sleep and run.  The combinators
(gather, shield, wait, wait_for, as_completed) live in asyncio.tasks, imported at the
end of this module; timeout and timeout_at in asyncio.timeouts, locks, queues and
TaskGroup in asyncio.locks, asyncio.queues and asyncio.taskgroups, and the deadlock
report in asyncio.deadlock are imported on first use, so that `import asyncio`
compiles none of them.

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
    # As CPython 3.11's: coroutines, generators (the old generator-based coroutines),
    # and any object whose class has the coroutine methods (collections.abc.Coroutine).
    t = type(obj)
    if t is _CoroutineType or t is _GeneratorType:
        return True
    for name in ('__await__', 'send', 'throw', 'close'):
        if getattr(t, name, None) is None:
            return False
    return True


def iscoroutinefunction(func):
    # An `async def` function, or a method or static/class method of one (as
    # inspect.iscoroutinefunction, without importing inspect).
    while hasattr(func, '__func__'):
        func = func.__func__
    code = getattr(func, '__code__', None)
    return code is not None and bool(code.co_flags & 0x80)


def isfuture(obj):
    return getattr(type(obj), '_asyncio_future_blocking', None) is not None and \
        obj._asyncio_future_blocking is not None


def _isawaitable(obj):
    return iscoroutine(obj) or hasattr(type(obj), '__await__')


def _class_getitem(cls, item):
    # `__class_getitem__` of Future, Task and the queues (CPython's
    # `classmethod(GenericAlias)`): `asyncio.Future[int]` is a types.GenericAlias.
    from types import GenericAlias
    return GenericAlias(cls, item)


# ---------------------------------------------------------------- heap of timers

_heappush = _asyncio.heappush
_heappop = _asyncio.heappop


# ---------------------------------------------------------------- reprs

def _format_coroutine(coro):
    # A coroutine, a generator, or another object with the coroutine methods (an
    # async generator's asend() awaitable): what CPython 3.11's says of each.
    name = getattr(coro, '__qualname__', None) or getattr(coro, '__name__', None) \
        or f'<{type(coro).__name__} without __name__>'
    name = name + '()'
    code = getattr(coro, 'cr_code', None) or getattr(coro, 'gi_code', None)
    frame = getattr(coro, 'gi_frame', None) or getattr(coro, 'cr_frame', None)
    if code is None:
        running = getattr(coro, 'cr_running', None)
        if running is None:
            running = getattr(coro, 'gi_running', False)
        return name + ' running' if running else name
    if frame is not None:
        lineno = getattr(frame, 'f_lineno', None)
        if lineno is None:
            chain = _asyncio.suspension(coro)
            lineno = chain[0][1] if chain else code.co_firstlineno
        return f'{name} running at {code.co_filename}:{lineno}'
    return f'{name} done, defined at {code.co_filename}:{code.co_firstlineno}'


def _limited_repr(obj):
    # reprlib.repr: the repr with long strings, deep or long containers and long
    # reprs shortened (reprlib is imported the first time a repr needs it).
    from reprlib import repr as limited
    return limited(obj)


def _format_callback(cb, args=()):
    # CPython's format_helpers._format_callback_source: the call and where the
    # function was defined (the helpers are in asyncio.graph, compiled when first
    # needed: a repr or a callback's error).
    from asyncio.graph import _format_callback_call, _function_source
    text = _format_callback_call(cb, args, None)
    source = _function_source(cb)
    if source:
        text += f' at {source[0]}:{source[1]}'
    return text


def _future_repr_info(fut):
    info = [fut._state.lower()]
    if fut._state == _FINISHED:
        if fut._exception is not None:
            info.append(f'exception={fut._exception!r}')
        else:
            info.append(f'result={_limited_repr(fut._result)}')
    if fut._callbacks:
        cbs = [_format_callback(cb) for cb in _callback_list(fut)]
        if len(cbs) > 2:
            cbs = [cbs[0], f'<{len(cbs) - 2} more>', cbs[-1]]
        info.append('cb=[' + ', '.join(cbs) + ']')
    return info


def _task_repr_info(task):
    info = _future_repr_info(task)
    if task.cancelling() and not task.done():
        info[0] = 'cancelling'
    info.insert(1, f'name={task.get_name()!r}')
    info.insert(2, f'coro=<{_format_coroutine(task._coro)}>')
    if task._fut_waiter is not None:
        info.insert(3, f'wait_for={task._fut_waiter!r}')
    return info


# The Futures and the Tasks whose repr is being made (by id): a repr reached again
# while it is being made (a Future whose result is itself) shows '...', as
# CPython's reprlib.recursive_repr on base_futures._future_repr and
# base_tasks._task_repr, one set for each.
_future_reprs_running = set()
_task_reprs_running = set()


def _guarded_repr(running, obj, info):
    key = id(obj)
    if key in running:
        return '...'
    running.add(key)
    try:
        return '<' + type(obj).__name__ + ' ' + ' '.join(info(obj)) + '>'
    finally:
        running.discard(key)


# ---------------------------------------------------------------- handles

class Handle:
    """A callback scheduled with call_soon."""

    __module__ = 'asyncio.events'

    def __init__(self, callback, args, loop, context=None):
        self._callback = callback
        self._args = args
        self._loop = loop
        self._cancelled = False

    def _repr_info(self):
        info = [type(self).__name__]
        if self._cancelled:
            info.append('cancelled')
        if self._callback is not None:
            info.append(_format_callback(self._callback, self._args))
        return info

    def __repr__(self):
        return '<' + ' '.join(self._repr_info()) + '>'

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

    __module__ = 'asyncio.events'

    def __init__(self, when, callback, args, loop, context=None):
        super().__init__(callback, args, loop, context)
        self._when = when
        self._scheduled = False

    def _repr_info(self):
        info = super()._repr_info()
        info.insert(2 if self._cancelled else 1, f'when={self._when}')
        return info

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


@_asyncio.native_frame    # C in CPython: its error points at the caller
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
    return _UnixSelectorEventLoop()


def _run_until_complete_cb(fut):
    if not fut.cancelled():
        exc = fut.exception()
        if isinstance(exc, (SystemExit, KeyboardInterrupt)):
            return
    fut._loop.stop()


class AbstractEventLoop:
    """The base of every event loop class, for isinstance checks."""

    # (Each loop class reads as CPython's, from the module that defines it there.)
    __module__ = 'asyncio.events'


class BaseEventLoop(AbstractEventLoop):
    """The event loop: a FIFO ready queue and a heap of timers."""

    __module__ = 'asyncio.base_events'

    _task_factory = None

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
        self._task_factory = None
        self.slow_callback_duration = 0.1

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
        if self._task_factory is not None:
            # (Made without a name, then named: a default name's number is taken.)
            task = self._task_factory(self, coro)
            if name is not None:
                task.set_name(name)
            return task
        if type(coro) is _CoroutineType:
            return _new_task(self, coro, name)
        return Task(coro, loop=self, name=name)

    def set_task_factory(self, factory):
        if factory is not None and not callable(factory):
            raise TypeError('task factory must be a callable or None')
        self._task_factory = factory

    def get_task_factory(self):
        return self._task_factory

    def _check_callback(self, callback, method):
        if iscoroutine(callback) or not callable(callback):
            raise TypeError(f'a callable object was expected by {method}(), got {callback!r}')

    def run_in_executor(self, executor, func, *args):
        raise NotImplementedError(_NO_THREADS.format('loop.run_in_executor()'))

    def call_soon(self, callback, *args, context=None):
        self._check_closed()
        if self._debug:
            self._check_callback(callback, 'call_soon')
        handle = Handle(callback, args, self)
        self._ready.append(handle)
        return handle

    def call_soon_threadsafe(self, callback, *args, context=None):
        # One thread: call_soon (CPython's also wakes the selector, which has
        # nothing to wake here).
        self._check_closed()
        if self._debug:
            self._check_callback(callback, 'call_soon_threadsafe')
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
        old_finalizer = _asyncio.set_asyncgen_finalizer(self._asyncgen_finalizer_hook)
        try:
            _asyncio.run_forever(self)
        finally:
            self._stopping = False
            self._running = False
            _running_loop = None
            _asyncio.set_running_loop(None)
            _asyncio.set_asyncgen_finalizer(old_finalizer)

    def _asyncgen_finalizer_hook(self, agen):
        # An async generator abandoned while this loop runs: closed in a task, so
        # that its `finally` can await. (Through a coroutine: Baton's aclose()
        # awaitable is no coroutine to Task.)
        if not self.is_closed():
            self.call_soon(self.create_task, _aclose_abandoned(agen))

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
        # An error in the handler is logged, never raised: the loop goes on.
        if self._exception_handler is None:
            try:
                self.default_exception_handler(context)
            except (SystemExit, KeyboardInterrupt):
                raise
            except BaseException as exc:
                _log_error('Exception in default exception handler', exc)
        else:
            try:
                self._exception_handler(self, context)
            except (SystemExit, KeyboardInterrupt):
                raise
            except BaseException as exc:
                try:
                    self.default_exception_handler({
                        'message': 'Unhandled error in exception handler',
                        'exception': exc,
                        'context': context,
                    })
                except (SystemExit, KeyboardInterrupt):
                    raise
                except BaseException as exc2:
                    _log_error('Exception in default exception handler while handling '
                               'an unexpected error in custom exception handler', exc2)


def _log_error(message, exc):
    # What asyncio's logger.error(message, exc_info=True) writes on stderr.
    print(message, file=sys.stderr)
    print(_asyncio.format_exception(exc), end='', file=sys.stderr)


class BaseSelectorEventLoop(BaseEventLoop):
    __module__ = 'asyncio.selector_events'


class _UnixSelectorEventLoop(BaseSelectorEventLoop):
    """The loop `new_event_loop()` makes: CPython's classes on Unix, so that
    `type(loop)` and its MRO read as there (the work is all BaseEventLoop's)."""

    __module__ = 'asyncio.unix_events'


SelectorEventLoop = _UnixSelectorEventLoop


# ---------------------------------------------------------------- deadlocks
# The report lives in asyncio.deadlock, imported when there is one to make.

def _deadlock(loop):
    sys.stdout.flush()
    _asyncio.deadlock_exit(_deadlock_report(loop))


def _deadlock_report(loop):
    from asyncio.deadlock import _deadlock_report as report
    return report(loop)

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
_traceback_entries = _asyncio.traceback_entries


class Future:
    """A value that becomes available later; awaiting it suspends the awaiting task."""

    # C classes in CPython: `<class '_asyncio.Future'>`.
    __module__ = '_asyncio'

    __class_getitem__ = classmethod(_class_getitem)

    # The defaults live here, not in every instance's dict (a Future stores only what
    # differs; see _callback_list for the forms of `_callbacks`).
    _asyncio_future_blocking = False
    _baton_awaited_by = None
    _baton_waiter = None
    _state = _PENDING
    _result = None
    _exception = None
    _exception_tb = None
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
        return _guarded_repr(_future_reprs_running, self, _future_repr_info)

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
        # (The traceback it has now: the one it is raised with the first time.)
        self._exception_tb = _traceback_entries(exception)
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

    __module__ = '_asyncio'

    _must_cancel = False
    _fut_waiter = None
    _num_cancels_requested = 0

    def __init__(self, coro, *, loop=None, name=None, context=None):
        super().__init__(loop=loop)
        if not iscoroutine(coro):
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

    def __repr__(self):
        return _guarded_repr(_task_reprs_running, self, _task_repr_info)

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

    # (The helpers live in asyncio.graph, with the call graph's frames: compiled
    # when first asked for.)
    def get_stack(self, *, limit=None):
        from asyncio.graph import _task_get_stack
        return _task_get_stack(self, limit)

    def print_stack(self, *, limit=None, file=None):
        from asyncio.graph import _task_print_stack
        return _task_print_stack(self, limit, file)

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
    # (The context's keys in the order CPython's Handle._run makes them.)
    if isinstance(what, Task):
        context = {'message': 'Exception in callback Task.task_step()', 'exception': exc}
    else:
        if isinstance(what, tuple):
            what = Handle(what[0], (what[1],), loop)
        context = {
            'message': f'Exception in callback {_format_callback(what._callback, what._args)}',
            'exception': exc,
            'handle': what,
        }
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
    if loop._task_factory is not None:
        return loop.create_task(coro, name=name)
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


_NO_THREADS = ('{} is not supported: Baton runs every task on one thread and has no '
               'thread pool to run a blocking function in')


def to_thread(func, *args, **kwargs):
    raise NotImplementedError(_NO_THREADS.format('asyncio.to_thread()'))


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
    from asyncio.tasks import gather
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


async def _aclose_abandoned(agen):
    await agen.aclose()


class Runner:
    """A context manager that runs coroutines on one event loop and closes it."""

    __module__ = 'asyncio.runners'

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
        # While the task runs, the first Ctrl-C cancels it (its `finally` blocks and
        # `except CancelledError` run) and a second one raises KeyboardInterrupt at
        # once; a task ended by that cancellation ends the run with KeyboardInterrupt.
        self._interrupt_count = 0

        def on_interrupt():
            self._interrupt_count += 1
            if self._interrupt_count == 1 and not task.done():
                task.cancel()
                return
            raise KeyboardInterrupt()

        previous = _asyncio.set_interrupt_handler(on_interrupt)
        try:
            return self._loop.run_until_complete(task)
        except CancelledError:
            if self._interrupt_count > 0 and task.uncancel() == 0:
                raise KeyboardInterrupt()
            raise
        finally:
            _asyncio.set_interrupt_handler(previous)

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


# ---------------------------------------------------------------- the rest, in Baton

# The combinators, timeouts, locks, queues, TaskGroup and the call-graph helpers live
# in submodules, imported on first use rather than here: compiling them would be more
# than half of `import asyncio`, which a program that only calls `asyncio.run` pays
# at every start.  The module `__getattr__` (PEP 562) runs
# for a name this module does not define yet; it imports the submodule that defines
# it and binds that submodule's public names as globals here, after which they are
# ordinary attributes (`asyncio.Lock`, `from asyncio import Queue`).

def __getattr__(name):
    global Event, Lock, Condition, Semaphore, BoundedSemaphore, Barrier, BrokenBarrierError
    global Queue, PriorityQueue, LifoQueue, QueueEmpty, QueueFull, TaskGroup
    global capture_call_graph, format_call_graph, print_call_graph
    global FrameCallGraphEntry, FutureCallGraph, locks, queues, taskgroups, graph
    global timeout, timeout_at, Timeout, timeouts
    if name in ('timeout', 'timeout_at', 'Timeout', 'timeouts'):
        import asyncio.timeouts as timeouts
        from asyncio.timeouts import timeout, timeout_at, Timeout
    elif name in ('Event', 'Lock', 'Condition', 'Semaphore', 'BoundedSemaphore', 'Barrier',
                  'BrokenBarrierError', 'locks'):
        import asyncio.locks as locks
        from asyncio.locks import Event, Lock, Condition, Semaphore, BoundedSemaphore
        from asyncio.locks import Barrier, BrokenBarrierError
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


# The combinators are imported with asyncio itself, as CPython's package imports its
# tasks module: most programs gather, and a first gather deep inside a program would
# compile them while its tasks are alive, adding the compiler's working memory to the
# program's peak.
import asyncio.tasks as tasks
from asyncio.tasks import gather, shield, wait, wait_for, as_completed, _GatheringFuture
