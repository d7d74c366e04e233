# Syntax error: an unexpected indent; nothing runs, IndentationError with exit 1.
print("this line must not run")
x = 1
    y = 2
