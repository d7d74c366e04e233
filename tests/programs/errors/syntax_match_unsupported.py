# The match statement is outside Baton's language: Baton rejects the file with a SyntaxError saying it is not supported.
# differential: no
print("this line must not run in Baton")
command = "go"
match command:
    case "go":
        print("going")
    case _:
        print("other")
