# try/except/else/finally: execution order, finally on return/break/continue, re-raise, nested handlers.
def run(fail):
    try:
        print("try", fail)
        if fail:
            raise ValueError("bad")
    except ValueError as e:
        print("except", e)
    else:
        print("else")
    finally:
        print("finally")
run(False)
run(True)
def finally_return():
    try:
        return "from try"
    finally:
        print("finally before return")
print(finally_return())
def finally_overrides():
    try:
        return 1
    finally:
        return 2
print(finally_overrides())
for i in range(3):
    try:
        if i == 0:
            continue
        if i == 2:
            break
        print("body", i)
    finally:
        print("finally", i)
try:
    try:
        raise KeyError("inner")
    except KeyError:
        print("handling, then re-raise")
        raise
except KeyError as e:
    print("outer caught", repr(e))
try:
    raise IndexError("tuple handler")
except (TypeError, IndexError) as e:
    print("caught by tuple:", type(e).__name__, e)
try:
    {}["missing"]
except LookupError as e:
    print("caught by base class:", type(e).__name__, e)
try:
    [][1]
except Exception as e:
    print(type(e).__name__, e)
e = "before"
try:
    raise ValueError("x")
except ValueError as e:
    pass
try:
    print(e)
except NameError as err:
    print("NameError:", err)
def swallow():
    try:
        1 / 0
    except ZeroDivisionError:
        return "swallowed"
    finally:
        print("cleanup")
print(swallow())
