"""asyncio.graph for Baton: the async call graph of CPython 3.14 (capture_call_graph,
format_call_graph, print_call_graph and the FrameCallGraphEntry and FutureCallGraph
records), with CPython's API and output format.

A Future's graph holds the frames its coroutine awaits through (innermost first) and,
recursively, the graphs of the Futures and Tasks that await it.  The frames come from
the native `_asyncio.awaiting_frames` and `_asyncio.running_frames`
(src/runtime/callgraph.rs); who awaits whom comes from `asyncio._awaited_by`.  The
deadlock report in asyncio.py reads the same data (`_call_stack`, and the links of
`_awaited_by` gathered in one pass).

Also here, as rarely needed as the call graph and so compiled only on first use:
`Task.get_stack()` and `Task.print_stack()` (CPython's base_tasks helpers), which read
the same frames, and the formatting of callbacks for reprs (CPython's
asyncio.format_helpers).

Where Baton differs: a plain function has no frame object in Baton, so its entry's
`frame` is a `_PlainFrame` (f_code, f_lineno); the records are not frozen; a cycle of
awaits is cut where it repeats instead of recursing without end.
"""

import _asyncio
import sys
from asyncio import Future, Task, current_task, _get_running_loop, _awaited_by
from asyncio import _limited_repr


class _PlainFrame:
    """Where a plain function (no frame object in Baton) stands in a call stack."""

    f_generator = None
    f_back = None

    def __init__(self, code, lineno):
        self.f_code = code
        self.f_lineno = lineno

    def __repr__(self):
        return (f'<frame at {id(self):#x}, file {self.f_code.co_filename!r}, '
                f'line {self.f_lineno}, code {self.f_code.co_name}>')


class FrameCallGraphEntry:
    """FrameCallGraphEntry(frame): one frame of a call stack."""

    def __init__(self, frame):
        self.frame = frame

    def __repr__(self):
        return f'FrameCallGraphEntry(frame={self.frame!r})'

    def __eq__(self, other):
        if type(other) is not type(self):
            return NotImplemented
        return self.frame is other.frame or self.frame == other.frame

    def __hash__(self):
        return hash((self.frame,))


class FutureCallGraph:
    """FutureCallGraph(future, call_stack, awaited_by): a Future, the frames its
    coroutine stands in (innermost first), and the graphs of whoever awaits it."""

    def __init__(self, future, call_stack, awaited_by):
        self.future = future
        self.call_stack = call_stack
        self.awaited_by = awaited_by

    def __repr__(self):
        return (f'FutureCallGraph(future={self.future!r}, '
                f'call_stack={self.call_stack!r}, awaited_by={self.awaited_by!r})')

    def __eq__(self, other):
        if type(other) is not type(self):
            return NotImplemented
        return (self.future is other.future and self.call_stack == other.call_stack
                and self.awaited_by == other.awaited_by)

    def __hash__(self):
        return hash((self.future, self.call_stack, self.awaited_by))


def _entry(row):
    """A FrameCallGraphEntry from a native row (frame, code, line, tag)."""
    frame, code, line, tag = row
    if frame is None:
        frame = _PlainFrame(code, line)
    entry = FrameCallGraphEntry(frame)
    entry._code = code
    entry._line = line
    entry._tag = tag
    return entry


def _check_future(future):
    if not isinstance(future, Future):
        raise TypeError(f'{future!r} object does not appear to be compatible '
                        f'with asyncio.Future')


def _trim(stack, limit):
    if limit is None:
        return stack
    if limit > 0:
        return stack[:limit]
    if limit < 0:
        return stack[limit:]
    return stack


def _call_stack(future, limit=None):
    """The call stack of a Future that is not running: its coroutine's await chain,
    innermost first (the deadlock report reads it too)."""
    stack = []
    get_coro = getattr(future, 'get_coro', None)
    if get_coro is not None and limit != 0:
        coro = get_coro()
        if coro is not None:
            stack = [_entry(row) for row in _asyncio.awaiting_frames(coro)]
    stack = _trim(stack, limit)
    stack.reverse()
    return tuple(stack)


def _graph_for_future(future, limit, seen):
    """The graph of a Future that is not running."""
    _check_future(future)
    return FutureCallGraph(future, _call_stack(future, limit), _awaiters(future, limit, seen))


def _awaiters(future, limit, seen):
    seen = seen + [future]
    graphs = []
    for waiter in _awaited_by(future):
        if not any(waiter is s for s in seen):
            graphs.append(_graph_for_future(waiter, limit, seen))
    return tuple(graphs)


def capture_call_graph(future=None, /, *, depth=1, limit=None):
    """Capture the async call graph for the current task or the provided Future.

    Returns a FutureCallGraph(future, call_stack, awaited_by), or None when no
    future is given and no task is running.  `depth` skips frames from the top of
    the current task's stack; `limit` keeps at most abs(limit) entries of each call
    stack (positive: those nearest the invocation point; 0: none).
    """
    loop = _get_running_loop()
    if future is not None:
        if loop is None or future is not current_task(loop):
            return _graph_for_future(future, limit, [])
    else:
        if loop is None:
            raise RuntimeError('capture_call_graph() is called outside of a running '
                               'event loop and no *future* to introspect was provided')
        future = current_task(loop)
    if future is None:
        return None
    _check_future(future)
    stack = []
    if limit != 0:
        stack = [_entry(row) for row in _asyncio.running_frames(depth)]
    awaited_by = _awaiters(future, limit, [])
    if limit is not None:
        stack = _trim(stack, -limit)
    return FutureCallGraph(future, tuple(stack), awaited_by)


def _entry_line(entry):
    """`|   File 'NAME', line N, in [async ]QUALNAME()` for one call stack entry."""
    frame = entry.frame
    code = getattr(entry, '_code', None) or frame.f_code
    line = getattr(entry, '_line', None)
    if line is None:
        line = frame.f_lineno
    tag = getattr(entry, '_tag', None)
    if tag is None:
        tag = '' if isinstance(frame, _PlainFrame) else 'async'
    what = f'{tag} {code.co_qualname}()' if tag else f'{code.co_qualname}()'
    return f'  |   File {code.co_filename!r}, line {line}, in {what}'


def _render(graph, lines, level):
    indent = '    ' * level
    future = graph.future
    if isinstance(future, Task):
        lines.append(f'{indent}* Task(name={future.get_name()!r}, id={id(future):#x})')
    else:
        lines.append(f'{indent}* Future(id={id(future):#x})')
    if graph.call_stack:
        lines.append(f'{indent}  + Call stack:')
        for entry in graph.call_stack:
            lines.append(indent + _entry_line(entry))
    if graph.awaited_by:
        lines.append(f'{indent}  + Awaited by:')
        for parent in graph.awaited_by:
            _render(parent, lines, level + 1)


def format_call_graph(future=None, /, *, depth=1, limit=None):
    """Return the async call graph of `future` (default: the current task) as text."""
    graph = capture_call_graph(future, depth=depth + 1, limit=limit)
    if graph is None:
        return ''
    lines = []
    _render(graph, lines, 0)
    return '\n'.join(lines)


def print_call_graph(future=None, /, *, file=None, depth=1, limit=None):
    """Print the async call graph for the current task or the provided Future."""
    text = format_call_graph(future, depth=depth + 1, limit=limit)
    if file is None or file is sys.stdout or file is sys.stderr:
        print(text, file=file)
    else:
        # print() here writes only to sys.stdout and sys.stderr; any other file gets
        # the two writes print(text, file=file) makes in CPython
        file.write(text)
        file.write('\n')


# ---------------------------------------------------------------- Task.get_stack

def _task_get_stack(task, limit):
    # CPython's base_tasks._task_get_stack: the suspended coroutine's frame (and
    # those it was called from, while it runs), the innermost `limit`; for a task
    # that failed, the frames of its exception's traceback, the outermost `limit`.
    frames = []
    coro = task._coro
    if hasattr(coro, 'cr_frame'):
        f = coro.cr_frame
    elif hasattr(coro, 'gi_frame'):
        f = coro.gi_frame
    elif hasattr(coro, 'ag_frame'):
        f = coro.ag_frame
    else:
        f = None
    if f is not None:
        while f is not None:
            if limit is not None:
                if limit <= 0:
                    break
                limit -= 1
            frames.append(f)
            f = f.f_back
        frames.reverse()
    elif task._exception is not None:
        for code, lineno, _, _ in _asyncio.traceback_entries(task._exception):
            if limit is not None:
                if limit <= 0:
                    break
                limit -= 1
            # (A traceback holds code and line pairs, not frames.)
            frames.append(_PlainFrame(code, lineno))
    return frames


def _task_print_stack(task, limit, file):
    # CPython's base_tasks._task_print_stack, to the letter: with file=None the
    # heading and the exception line go to stdout (print's default) and the frames
    # to stderr (traceback.print_list's).
    extracted = []
    for f in task.get_stack(limit=limit):
        code = f.f_code
        extracted.append((code.co_filename, f.f_lineno, code.co_name))
    exc = task._exception
    if not extracted:
        print(f'No stack for {task!r}', file=file)
    elif exc is not None:
        print(f'Traceback for {task!r} (most recent call last):', file=file)
    else:
        print(f'Stack for {task!r} (most recent call last):', file=file)
    out = sys.stderr if file is None else file
    for text in _format_stack_entries(extracted):
        print(text, file=out, end='')
    if exc is not None:
        for text in _format_exception_only(exc):
            print(text, file=file, end='')


def _format_stack_entries(extracted):
    # traceback.StackSummary.format: an entry and its source line; more than three
    # of the same entry in a row become a count.
    result = []
    last = None
    count = 0
    for filename, lineno, name in extracted:
        if (filename, lineno, name) != last:
            if count > 3:
                count -= 3
                result.append(f'  [Previous line repeated {count} more '
                              f'time{"s" if count > 1 else ""}]\n')
            last = (filename, lineno, name)
            count = 0
        count += 1
        if count > 3:
            continue
        text = f'  File "{filename}", line {lineno}, in {name}\n'
        line = _asyncio.source_line(filename, lineno).strip()
        if line:
            text += f'    {line}\n'
        result.append(text)
    if count > 3:
        count -= 3
        result.append(f'  [Previous line repeated {count} more '
                      f'time{"s" if count > 1 else ""}]\n')
    return result


def _format_exception_only(exc):
    # traceback.format_exception_only(type(exc), exc): `Type: message` (the module
    # named unless builtins or __main__), then the notes.
    cls = type(exc)
    name = cls.__qualname__
    if cls.__module__ not in ('__main__', 'builtins'):
        name = cls.__module__ + '.' + name
    try:
        text = str(exc)
    except Exception:
        text = '<exception str() failed>'
    lines = [f'{name}: {text}\n' if text else f'{name}\n']
    notes = getattr(exc, '__notes__', None)
    if isinstance(notes, (list, tuple)):
        for note in notes:
            try:
                note = str(note)
            except Exception:
                note = '<note str() failed>'
            lines.extend(part + '\n' for part in note.split('\n'))
    elif notes is not None:
        try:
            lines.append(repr(notes) + '\n')
        except Exception:
            lines.append('<__notes__ repr() failed>\n')
    return lines


# ---------------------------------------------------------------- formatting callbacks
# CPython's asyncio.format_helpers, for the reprs of Handles and Futures and the
# messages about failed callbacks (asyncio._format_callback).

def _unwrap(func):
    # inspect.unwrap: through the `__wrapped__` of decorators made with
    # functools.wraps, to the function they wrap.
    f = func
    memo = {id(f)}
    limit = sys.getrecursionlimit()
    while not isinstance(func, type) and hasattr(func, '__wrapped__'):
        func = func.__wrapped__
        if id(func) in memo or len(memo) >= limit:
            raise ValueError(f'wrapper loop when unwrapping {f!r}')
        memo.add(id(func))
    return func


_FunctionType = type(_unwrap)


def _partial_class():
    # functools.partial, when functools has been imported (no partial exists before).
    functools = sys.modules.get('functools')
    return None if functools is None else functools.partial


def _function_source(func):
    # Where a callback was defined: (filename, line) of a function, also through
    # decorators and functools.partial; None for anything else.
    func = _unwrap(func)
    if isinstance(func, _FunctionType):
        code = func.__code__
        return code.co_filename, code.co_firstlineno
    functools = sys.modules.get('functools')
    if functools is not None:
        if isinstance(func, functools.partial):
            return _function_source(func.func)
        partialmethod = getattr(functools, 'partialmethod', None)
        if partialmethod is not None and isinstance(func, partialmethod):
            return _function_source(func.func)
    return None


def _format_args_and_kwargs(args, kwargs):
    items = [_limited_repr(arg) for arg in args or ()]
    if kwargs:
        items.extend(f'{k}={_limited_repr(v)}' for k, v in kwargs.items())
    return '(' + ', '.join(items) + ')'


def _format_callback_call(func, args, kwargs, suffix=''):
    # A callback and its arguments as a call; a functools.partial shows the function
    # it calls with its own arguments, then the call's.
    partial = _partial_class()
    if partial is not None and isinstance(func, partial):
        suffix = _format_args_and_kwargs(args, kwargs) + suffix
        return _format_callback_call(func.func, func.args, func.keywords, suffix)
    if getattr(func, '__qualname__', None):
        name = func.__qualname__
    elif getattr(func, '__name__', None):
        name = func.__name__
    else:
        name = repr(func)
    if name == 'task_wakeup' or name == 'task_step':
        name = 'Task.' + name
    return name + _format_args_and_kwargs(args, kwargs) + suffix
