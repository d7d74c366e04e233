"""asyncio.deadlock for Baton: the report printed when no task can make progress
(nothing is ready and no timer is pending), where CPython would hang. Imported only
then (`asyncio._deadlock`, the REPL's report), so that `import asyncio` does not
compile it.
"""

import _asyncio
from asyncio import Future, Task, _waited_futures


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
