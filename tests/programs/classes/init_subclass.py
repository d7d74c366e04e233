# __init_subclass__: a base class hears of each class derived from it (a class method
# whether or not it says so), with the class statement's keywords; object's, at the
# end of the super() chain, takes none.
class Plugin:
    registry = {}

    def __init_subclass__(cls, name=None, **kwargs):
        super().__init_subclass__(**kwargs)
        cls.plugin_name = name or cls.__name__.lower()
        Plugin.registry[cls.plugin_name] = cls
        print("registered", cls.plugin_name, cls.__qualname__)


class Csv(Plugin, name="csv"):
    pass


class Json(Plugin):
    pass


class Strict(Json, name="strict-json"):
    pass


print(sorted(Plugin.registry), Strict.plugin_name, Json.plugin_name)
print(type(Plugin.__dict__["__init_subclass__"]).__name__)

opts = {"name": "from-dict"}


class FromDict(Plugin, **opts):
    pass


print(FromDict.plugin_name)

try:
    class Bad(Plugin, colour="red"):
        pass
except TypeError as e:
    print("TypeError:", e)

try:
    class NoHook(flavour=1):
        pass
except TypeError as e:
    print("TypeError:", e)


class Counted:
    count = 0

    def __init_subclass__(cls):
        Counted.count += 1
        cls.id = Counted.count


class One(Counted):
    pass


class Two(Counted):
    pass


class Three(Two):
    pass


print(One.id, Two.id, Three.id, Counted.count, hasattr(Counted, "id"))
object.__init_subclass__()
try:
    Counted.__init_subclass__(1)
except TypeError as e:
    print("TypeError:", e)
