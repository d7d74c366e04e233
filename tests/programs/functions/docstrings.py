# __doc__: a def's docstring (a string literal as its first statement), a class's, a
# method's through the class and through an instance; None for a function whose first
# statement is not a string literal, and for a lambda.
def h():
    "Say."
    pass
def n():
    x = "not doc"
    return x
l = lambda: "s"
class C:
    "cdoc"
    def m(self):
        """mdoc"""
async def a():
    "adoc"
print(h.__doc__, n.__doc__, l.__doc__, C.__doc__, C.m.__doc__, C().m.__doc__, a.__doc__)
