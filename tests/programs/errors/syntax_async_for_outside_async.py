# `async for` at module level is a SyntaxError ("outside async function"), reported
# before anything runs. CPython underlines the whole statement: on one line, up to
# the end of its last statement (the comment after it is not underlined).
print("this line must not run")
events = ["start", "stop"]
async for event in events: print(event)  # a comment
