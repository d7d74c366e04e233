# The limits of an exception group's report, as CPython's: groups nested more than 10
# deep end in "... (max_group_depth is 10)"; a member never raised has no traceback,
# only its line; and a run of repeated traceback lines is folded into a count (which
# CPython writes without the box's margin).


def nest(depth):
    if depth == 0:
        return ValueError("bottom")
    try:
        raise ExceptionGroup(f"level {depth}", [nest(depth - 1), KeyError(depth)])
    except ExceptionGroup as e:
        return e


def recurse(n):
    if n == 0:
        raise ExceptionGroup("from deep recursion", [nest(12), TypeError("never raised")])
    recurse(n - 1)


recurse(8)
