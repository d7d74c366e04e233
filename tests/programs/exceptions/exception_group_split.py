# Exception groups (PEP 654): the constructor's checks, and split/subgroup/derive,
# which take a group apart by an exception type, a tuple of them or a predicate,
# keeping the nesting and copying traceback, cause, context and notes; the way to
# sort out a TaskGroup's failures without except* (which Baton does not support).
eg = ExceptionGroup("many", [ValueError(1), TypeError(2), ExceptionGroup("inner", [ValueError(3), KeyError(4)])])
print(eg, repr(eg), eg.exceptions, eg.message)
try:
    BaseExceptionGroup("x", [KeyboardInterrupt()]).__class__
except Exception as e: print(e)
print(type(BaseExceptionGroup("x", [ValueError()])).__name__)
try: ExceptionGroup("x", [KeyboardInterrupt()])
except TypeError as e: print(e)
try: ExceptionGroup("x", [])
except ValueError as e: print(e)
try: ExceptionGroup(1, [ValueError()])
except TypeError as e: print(e)
def make():
    try:
        raise ExceptionGroup("outer", [ValueError(1), TypeError(2),
                                       ExceptionGroup("inner", [ValueError(3), KeyError(4)])])
    except ExceptionGroup as eg:
        return eg

eg = make()
eg.__notes__ = ["a note"]
m, r = eg.split(ValueError)
print(repr(m), repr(r))
print(m.__notes__, r.__traceback__ is not None, m.__traceback__ is eg.__traceback__ if False else "")
print(repr(eg.subgroup((TypeError, KeyError))), eg.subgroup(OSError), eg.subgroup(Exception) is eg)
print(repr(eg.split(lambda e: isinstance(e, ValueError) and e.args[0] > 1)))
m, r = eg.split(BaseException)
print(m is eg, r)
print(repr(eg.derive([KeyError("x")])), type(eg.derive([KeyboardInterrupt()])).__name__)
try: eg.split(3)
except TypeError as e: print(e)
try: eg.split("ValueError")
except TypeError as e: print(e)
for bad in [lambda: ExceptionGroup("x"), lambda: ExceptionGroup("x", ValueError()), lambda: ExceptionGroup("x", [1]), lambda: ExceptionGroup("x", {ValueError()})]:
    try: bad()
    except (TypeError, ValueError) as e: print(type(e).__name__, e)
class MyEG(ExceptionGroup):
    pass
try: MyEG("m", [KeyboardInterrupt()])
except TypeError as e: print(e)
g = MyEG("m", [ValueError()])
print(type(g.derive([ValueError()])).__name__, type(g.subgroup(ValueError)).__name__)
import asyncio
async def fail(n):
    raise ValueError(n) if n % 2 else KeyError(n)
async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            for i in range(4):
                tg.create_task(fail(i))
    except ExceptionGroup as eg:
        values, rest = eg.split(ValueError)
        print(sorted(e.args[0] for e in values.exceptions), sorted(e.args[0] for e in rest.exceptions))
asyncio.run(main())
