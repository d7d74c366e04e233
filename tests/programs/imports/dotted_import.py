# `import a.b` loads the submodule but binds the top-level package `a`; `import a.b as c`
# binds the submodule itself.
import asyncio.locks
import asyncio.queues as q

print(type(asyncio).__name__, asyncio.__name__)
print(asyncio.locks.Lock.__name__, asyncio.locks.Lock is asyncio.Lock)
print(q.__name__, q.Queue is asyncio.Queue)
