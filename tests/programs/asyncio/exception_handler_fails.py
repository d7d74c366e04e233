# An exception raised by a custom exception handler does not propagate: the loop
# logs "Unhandled error in exception handler" with the original context and the
# handler's traceback on stderr, and goes on. A loop whose default handler fails
# logs "Exception in default exception handler" instead.
import asyncio


# CPython names this file by its absolute path in reprs, Baton by the path it was
# given: print only the file name.
HERE = __file__[:__file__.rindex('/') + 1]


def tidy(text):
    return text.replace(HERE, '')


def failing_handler(loop, context):
    print('handler called with', tidy(context['message']))
    raise RuntimeError('handler failed')


def bad_callback():
    raise ValueError('callback failed')


async def main():
    loop = asyncio.get_running_loop()
    loop.set_exception_handler(failing_handler)
    loop.call_exception_handler({'message': 'direct call'})
    print('still running after a direct call')

    # A failing callback goes to the handler too, and the loop runs on.
    loop.call_soon(bad_callback)
    loop.call_soon(print, 'the next callback runs')
    await asyncio.sleep(0)
    await asyncio.sleep(0)

    # SystemExit and KeyboardInterrupt raised by a handler do propagate.
    def exiting_handler(loop, context):
        raise SystemExit(3)

    loop.set_exception_handler(exiting_handler)
    try:
        loop.call_exception_handler({'message': 'exit please'})
    except SystemExit as e:
        print('SystemExit propagated:', e.code)
    loop.set_exception_handler(None)
    print('main done')


asyncio.run(main())


class BrokenDefault(asyncio.SelectorEventLoop):
    def default_exception_handler(self, context):
        raise KeyError(context['message'])


async def second():
    loop = asyncio.get_running_loop()
    loop.call_exception_handler({'message': 'no handler set'})
    print('the default handler failed quietly')

    def handler(loop, context):
        raise RuntimeError('custom handler failed too')

    loop.set_exception_handler(handler)
    loop.call_exception_handler({'message': 'both fail'})
    print('second done')


with asyncio.Runner(loop_factory=BrokenDefault) as runner:
    runner.run(second())
