# Syntax error: an unterminated triple-quoted string reported at the line where it starts; exit 1.
print("this line must not run")
doc = """starts here
and never
ends
