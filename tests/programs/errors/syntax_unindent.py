# Syntax error: a dedent that matches no outer indentation level; IndentationError with exit 1.
def f():
        x = 1
    return x
