# Syntax error: a block header without an indented body; IndentationError "expected an indented block".
print("this line must not run")
if True:
print("no indent")
