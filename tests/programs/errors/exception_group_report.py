# An uncaught exception group is reported as CPython 3.11 draws it (PEP 654): a box
# with each sub-exception's own traceback in a numbered compartment, groups nested in
# groups, a member's cause chain inside its compartment, and at most 15 members shown
# ("and 2 more exceptions"). The group here is the context of a later error, so the
# whole box sits above "During handling of the above exception".


def convert(text):
    try:
        return int(text)
    except ValueError as e:
        raise TypeError(f"not a number: {text!r}") from e


errors = []
for i in range(17):
    try:
        if i == 2:
            convert("x")
        raise OSError(i)
    except Exception as e:
        errors.append(e)

try:
    raise ExceptionGroup("inner", [ValueError(1), ExceptionGroup("deep", [KeyError(2)])])
except ExceptionGroup as e:
    errors.append(e)

print(len(errors), "errors collected")
try:
    raise ExceptionGroup("many", errors)
except ExceptionGroup as group:
    print(group)
    raise IndexError("while reporting")
