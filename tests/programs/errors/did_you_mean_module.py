# A misspelt function of a module: the suggestion comes from the module's names, and
# asyncio's own lazy loading of its submodules stays out of the traceback.
import asyncio


async def main():
    await asyncio.sleeep(0.1)


asyncio.run(main())
