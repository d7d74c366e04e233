"""The Baton half of the REPL (src/repl/): the event loop every input runs in (kept
running, as in `python -m asyncio`, so tasks go on between prompts), the task that runs
an input containing `await`, and the text of %tasks and %state. Compiled into a
private module at start; nothing here is visible from the prompt."""

import asyncio
import _asyncio
import inspect

loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
# The prompt lives inside the running loop, as the asyncio REPL's console does.
asyncio._running_loop = loop
loop._running = True


class _Quitter:
    # exit() and quit(), as CPython's site module adds them for interactive use.
    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return f'Use {self.name}() or Ctrl-D (i.e. EOF) to exit'

    def __call__(self, code=None):
        raise SystemExit(code)


class _Helper:
    def __repr__(self):
        return 'Type %help for help with the REPL (Baton has no help() on objects).'

    def __call__(self, *args):
        print(repr(self))


exit = _Quitter('exit')
quit = _Quitter('quit')
help = _Helper()


def cancel(task):
    return task.cancel()


def deadlock_report():
    return asyncio._deadlock_report(loop)


def _where(coro):
    chain = _asyncio.suspension(coro)
    if not chain:
        return '-', []
    filename, line, name = chain[0]
    inner = [f'{n}()' for f, l, n in chain[1:]]
    return f'{filename}:{line} in {name}()', inner


def _describe_waiter(fut, task):
    # asyncio.deadlock is compiled on first use, not at every start of the REPL.
    from asyncio.deadlock import _describe_waiter as describe
    return describe(fut, task)


def _waits(task):
    if task.done():
        return '-'
    waiter = task._fut_waiter
    if waiter is None:
        return 'nothing (ready to run)'
    return _describe_waiter(waiter, task)


def _task_state(task):
    if task.cancelled():
        return 'cancelled'
    if task.done():
        return 'failed' if task.exception() is not None else 'done'
    if loop._current_task is task:
        return 'running'
    if task._must_cancel:
        return 'cancelling'
    if task._fut_waiter is None:
        return 'ready'
    return 'waiting'


def tasks_table(extra):
    tasks = [t for t in _asyncio.live_tasks() if t._loop is loop and not t.done()]
    for t in extra:
        if t not in tasks:
            tasks.append(t)
    if not tasks:
        return 'no tasks'
    rows = [('name', 'state', 'suspended at', 'awaits')]
    for t in tasks:
        if t.done():
            where, inner = '-', []
        else:
            where, inner = _where(t._coro)
        waits = _waits(t)
        if inner and not t.done():
            waits = ' -> '.join(inner) + ' -> ' + waits
        rows.append((t.get_name(), _task_state(t), where, waits))
    widths = [max(len(r[i]) for r in rows) for i in range(3)]
    lines = []
    for r in rows:
        cells = [r[i].ljust(widths[i]) for i in range(3)] + [r[3]]
        lines.append('  '.join(cells).rstrip())
    return '\n'.join(lines)


def _kind(obj):
    kind = type(obj).__name__
    if kind == 'coroutine':
        return 'cr_', inspect.getcoroutinestate(obj)
    if kind == 'generator':
        return 'gi_', inspect.getgeneratorstate(obj)
    if kind == 'async_generator':
        return 'ag_', inspect.getasyncgenstate(obj)
    return None, None


def state(obj):
    task = None
    if isinstance(obj, asyncio.Task):
        task = obj
        obj = obj.get_coro()
    prefix, st = _kind(obj)
    if prefix is None:
        raise TypeError(f'%state needs a coroutine, generator, async generator or Task, '
                        f'not {type(obj).__name__}')
    code = getattr(obj, prefix + 'code')
    frame = getattr(obj, prefix + 'frame')
    lines = [f'{type(obj).__name__} {code.co_qualname}  ({code.co_filename}, defined at line {code.co_firstlineno})']
    if task is not None:
        lines.append(f'  task:     {task.get_name()!r} ({_task_state(task)})')
    lines.append(f'  state:    {st}')
    if frame is None:
        lines.append('  frame:    none (finished)')
        return '\n'.join(lines)
    lines.append(f'  line:     {frame.f_lineno}')
    lines.append(f'  f_lasti:  {frame.f_lasti}')
    local_vars = frame.f_locals
    if local_vars:
        lines.append('  locals:')
        for name, value in local_vars.items():
            text = repr(value)
            if len(text) > 200:
                text = text[:197] + '...'
            lines.append(f'    {name} = {text}')
    else:
        lines.append('  locals:   (none)')
    awaits = getattr(obj, prefix + ('yieldfrom' if prefix == 'gi_' else 'await'), None)
    chain = []
    cur = awaits
    while _kind(cur)[0] is not None and len(chain) < 20:
        chain.append(repr(cur))
        nxt = None
        for attr in ('cr_await', 'gi_yieldfrom'):
            if hasattr(cur, attr):
                nxt = getattr(cur, attr)
                break
        cur = nxt
    if task is not None and not task.done() and task._fut_waiter is not None:
        chain.append(_describe_waiter(task._fut_waiter, task))
    if chain:
        lines.append('  awaits:   ' + '\n         -> '.join(chain))
    elif st.endswith('SUSPENDED'):
        lines.append('  awaits:   nothing (suspended at a bare yield)')
    else:
        lines.append('  awaits:   nothing')
    return '\n'.join(lines)
