# A class-level annotation is evaluated when the class body runs, so a name it uses
# must exist then: this one does not, and the class statement raises NameError.
class Config:
    retries: int = 3
    backend: Backend


print("not reached")
