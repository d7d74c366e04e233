# Syntax error: assignment to a literal, with CPython's "cannot assign to literal" wording; exit 1.
print("this line must not run")
1 = x
