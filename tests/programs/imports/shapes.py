# helper: a module imported by the programs in this folder (not run on its own).
print("shapes module loading")
PI = 3.14159
_private = "hidden"
def area(r):
    return PI * r * r
class Square:
    def __init__(self, side):
        self.side = side
    def area(self):
        return self.side ** 2
counter = 0
def bump():
    global counter
    counter += 1
    return counter
