# Syntax error: a parenthesis never closed; nothing runs, SyntaxError "'(' was never closed" with exit 1.
print("this line must not run")
result = max(1,
             2
