# The call graph: which task awaits which, through which coroutine frames.
# asyncio.format_call_graph() (new in Python 3.14; print_call_graph prints the same)
# starts with the running task and its frames, innermost first, then lists the tasks
# that await it, each with the frames it is suspended in. Task ids change from run to
# run, so this example masks them.
# differential: no
# (python3.11 has no asyncio.format_call_graph: it arrived in Python 3.14.)
import asyncio


def without_ids(text):
    out = []
    for part in text.split('id=0x'):
        if out:
            part = '<id>' + part[part.index(')'):]
        out.append(part)
    return 'id='.join(out)


async def fetch(name):
    await asyncio.sleep(0)
    print(without_ids(asyncio.format_call_graph()))
    return name


async def worker(name):
    return await fetch(name)


async def both():
    return await asyncio.gather(worker('a'), worker('b'))


async def main():
    results = await asyncio.create_task(both(), name='both')
    print(results)


asyncio.run(main())
