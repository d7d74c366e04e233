# Syntax error: invalid syntax in the middle of a file (two expressions without an operator); exit 1.
print("this line must not run")
x = 1 2
