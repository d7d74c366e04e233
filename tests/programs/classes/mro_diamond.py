# C3 method resolution order: a diamond and a deeper hierarchy observed through cooperative super() chains.
class A:
    def who(self):
        return ["A"]
    def hello(self):
        print("A.hello")
class B(A):
    def who(self):
        return ["B"] + super().who()
    def hello(self):
        print("B.hello")
        super().hello()
class C(A):
    def who(self):
        return ["C"] + super().who()
    def hello(self):
        print("C.hello")
        super().hello()
class D(B, C):
    def who(self):
        return ["D"] + super().who()
    def hello(self):
        print("D.hello")
        super().hello()
print(D().who())
D().hello()
class X:
    def who(self): return ["X"] + super().who()
class Y:
    def who(self): return ["Y"] + super().who()
class Z:
    def who(self): return ["Z"]
class K1(X, Y):
    def who(self): return ["K1"] + super().who()
class K2(Y, Z):
    def who(self): return ["K2"] + super().who()
class K3(X, Z):
    def who(self): return ["K3"] + super().who()
class M(K1, K2, K3):
    def who(self): return ["M"] + super().who()
print(M().who())
print(K1.who(M()), K2().who(), super(K1, M()).who())
class Init1:
    def __init__(self):
        print("Init1")
        super().__init__()
class Init2:
    def __init__(self):
        print("Init2")
        super().__init__()
class Both(Init1, Init2):
    def __init__(self):
        print("Both")
        super().__init__()
Both()
try:
    class Bad(A, B):
        pass
except TypeError as e:
    print("TypeError:", e)
