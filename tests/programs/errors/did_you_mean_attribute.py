# An uncaught AttributeError suggests the closest attribute of the object (what dir()
# lists: its own attributes, then its class's), as CPython 3.11 does. The exception
# records `name` and `obj`; a handler sees the plain message.
class Account:
    def __init__(self):
        self.balance = 10

    def deposit(self, n):
        self.balance += n


acct = Account()
try:
    [].apend(1)
except AttributeError as e:
    print("caught:", e, "| name:", e.name, "| obj:", e.obj)
acct.deposit(5)
print(acct.balance)
acct.deposti(5)
