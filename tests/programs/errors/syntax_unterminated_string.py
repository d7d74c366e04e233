# Syntax error: an unterminated single-quoted string literal; exit 1.
print("this line must not run")
s = 'never closed
