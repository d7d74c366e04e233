# Strings made only of name characters are interned, as CPython interns them: the same
# text in two modules is one object. Other strings are separate objects. Attribute
# names work the same whether they come from the source or are built at run time.
import names_helper

g = "hello"
s = "hello world"
print(names_helper.GREETING is g, names_helper.SENTENCE is s, names_helper.SENTENCE == s)
b = names_helper.Box()
print(b.payload, getattr(b, "pay" + "load"), vars(b))
setattr(b, "pay" + "load", 2)
b.extra = 3
print(b.payload, b.extra, sorted(vars(b)))
print(names_helper.GREETING.upper(), "".join(["hel", "lo"]) == names_helper.GREETING)
