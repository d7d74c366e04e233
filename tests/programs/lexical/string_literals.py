# String literals: quotes, escapes, raw strings, triple-quoted, implicit concatenation.
print('single', "double", 'it\'s', "say \"hi\"")
print("tab:\tend", "back\\slash", "nl:\nnext")
print("hex \x41\x42 octal \101\102 unicode \u00e9 \U0001F600 bell-free")
print(r"raw \n stays", r'C:\path\to', len(r"\n"))
print("""triple
  double""")
print('''triple 'single' with "quotes"''')
print("implicit" " " 'concatenation')
s = "line one\
 continued"
print(s)
print(repr("quote'"), repr('dq"'), repr("both'\""), repr("tab\tnl\n\\"))
print(repr("\x00\x7f\x1b"), repr("é"), len("é"))
print("" == '', len(""), len("""a
b"""))
