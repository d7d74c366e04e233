# Notes (add_note) in an uncaught exception group's report: the group's own notes
# under its line, each member's under its line inside its compartment (nested groups
# too), every line of a note in the box's margin (the empty line a note ending in a
# line break leaves is written without the margin, as CPython writes it). A group
# made by split() keeps the notes of the group it came from.


def fetch(name):
    err = ConnectionError(f"{name} refused")
    err.add_note(f"host: {name}.example")
    err.add_note("retried 3 times\nlast attempt at t=0.3\n")
    raise err


def fetch_all(names):
    errors = []
    for name in names:
        try:
            fetch(name)
        except ConnectionError as e:
            errors.append(e)
    group = ExceptionGroup("some hosts failed", errors)
    group.add_note(f"{len(errors)} of {len(names)} hosts")
    return group


try:
    raise fetch_all(["alpha", "beta"])
except ExceptionGroup as group:
    group.add_note("while syncing the mirrors")
    match, rest = group.split(lambda e: "alpha" in str(e))
    print(match.__notes__, rest.__notes__)
    print([e.__notes__[0] for e in group.exceptions])

inner = fetch_all(["gamma"])
outer = ExceptionGroup("sync failed", [inner, ValueError("bad config")])
outer.exceptions[1].add_note("in mirrors.ini")
outer.add_note("giving up")
raise outer
