# The async call graph (CPython 3.14's asyncio.capture_call_graph, format_call_graph,
# print_call_graph): which task awaits which, through which coroutine frames. Task ids
# are masked so the output is deterministic.
# differential: no
# (python3.11 has no asyncio.capture_call_graph: it arrived in Python 3.14.)
import asyncio


def masked(text):
    """Task ids change from run to run, and stdlib line numbers with every edit."""
    out = []
    for line in text.split('\n'):
        if '<stdlib>' in line:
            line = line[:line.index(', line ')] + ', line <n>, in ' + line.split(', in ')[-1]
        while 'id=0x' in line:
            i = line.index('id=0x')
            j = i + 5
            while j < len(line) and line[j] in '0123456789abcdef':
                j += 1
            line = line[:i] + 'id=<id>' + line[j:]
        out.append(line)
    return '\n'.join(out)


def show(*futures, **kwargs):
    print(masked(asyncio.format_call_graph(*futures, depth=2, **kwargs)))


class Collect:
    """A file-like object for print_call_graph(file=...)."""

    def __init__(self):
        self.parts = []

    def write(self, text):
        self.parts.append(text)


tasks = []


def from_plain_function(**kwargs):
    # a plain function in the middle of the stack has its own entry
    show(**kwargs)


async def child():
    tasks.append(asyncio.current_task())
    print('-- the current task, from inside it')
    show()
    print('-- through a plain function')
    from_plain_function()
    print('-- limit=1 keeps the outermost frame of each stack')
    from_plain_function(limit=1)
    print('-- limit=0: only who awaits whom')
    show(limit=0)
    await asyncio.sleep(0)


async def leaf(event):
    await event.wait()


async def middle(event):
    await leaf(event)


async def gathered():
    await asyncio.sleep(0)
    print('-- a gathered task is awaited by the task that called gather()')
    show()


async def main():
    tasks.append(asyncio.current_task())
    event = asyncio.Event()
    async with asyncio.TaskGroup() as group:
        group.create_task(child(), name='child')
        waiter = group.create_task(middle(event), name='waiter')
        tasks.append(waiter)
        await asyncio.sleep(0)
        print('-- a suspended task: its await chain, innermost first')
        show(waiter)
        print('-- limit=-1 keeps the innermost frame')
        show(waiter, limit=-1)
        graph = asyncio.capture_call_graph(waiter)
        print(type(graph).__name__, graph.future is waiter, len(graph.call_stack))
        for entry in graph.call_stack:
            print(' ', type(entry).__name__, entry.frame.f_code.co_qualname)
        print(len(graph.awaited_by), graph.awaited_by[0].future is tasks[0])
        print(graph == asyncio.capture_call_graph(waiter))
        event.set()
    await asyncio.gather(gathered(), gathered())
    future = asyncio.get_running_loop().create_future()
    print('-- a plain Future: no call stack, nobody awaits it yet')
    print(masked(asyncio.format_call_graph(future)))
    print('-- future_add_to_awaited_by links it by hand, until discarded')
    asyncio.future_add_to_awaited_by(future, tasks[0])
    print(masked(asyncio.format_call_graph(future)))
    asyncio.future_discard_from_awaited_by(future, tasks[0])
    print(masked(asyncio.format_call_graph(future)))
    print('-- print_call_graph writes to a file, with a newline at the end')
    out = Collect()
    asyncio.print_call_graph(file=out, limit=1)
    print(repr(masked(''.join(out.parts))))
    try:
        asyncio.capture_call_graph(42)
    except TypeError as e:
        print('TypeError:', e)


asyncio.run(main())
try:
    asyncio.print_call_graph()
except RuntimeError as e:
    print('RuntimeError:', e)
