# Layout: indentation blocks, implicit line joining, backslash continuation, semicolons, comments.
x = 1; y = 2; z = 3  # comment after statements
print(x, y, z)
total = (1 +
         2 +
         3)
print(total)
items = [
    1,
    2,  # comment inside brackets

    3,
]
print(items)
value = 10 + \
    20
print(value)
if x:
    if y:
        print("nested")
    else:
        print("never")
# a comment line
        # an indented comment line
print("after")
def f(): return "one-liner"
print(f())
if True: print("inline if")
for i in range(2): print("inline for", i)
while False: pass
print(..., Ellipsis is ...)
