# differential: no
# Metaclasses are not in Baton: `metaclass=` in a class statement is a SyntaxError
# that says so (CPython runs this).
class Meta(type):
    pass


class Model(metaclass=Meta):
    pass
