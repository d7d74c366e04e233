# The walrus operator := is outside Baton's language: a SyntaxError saying it is not supported.
# differential: no
if (n := 10) > 5:
    print("walrus", n)
