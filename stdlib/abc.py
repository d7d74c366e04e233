# abc for Baton: ABC, abstractmethod, update_abstractmethods, and the older
# abstractclassmethod, abstractstaticmethod and abstractproperty.
#
# CPython finds a class's abstract methods in its metaclass, ABCMeta, and refuses to
# instantiate a class that has any in object.__new__. Baton has no metaclasses, so
# `ABC.__init_subclass__` collects them into `__abstractmethods__` when a subclass is
# made, and `ABC.__new__` refuses the instance with CPython 3.11's message.
#
# Differences: `type(C)` of an ABC subclass is `type`, not ABCMeta (`ABCMeta` is only
# a name here: `metaclass=` is a SyntaxError in Baton), and virtual subclasses
# (`C.register(X)`, `__subclasshook__`) are not provided: `register` raises
# NotImplementedError rather than leave isinstance answering differently.


def abstractmethod(funcobj):
    """A decorator indicating abstract methods.

    A class that derives from ABC cannot be instantiated unless all of its abstract
    methods are overridden. Use it innermost: `@property` or `@classmethod` above it.
    """
    funcobj.__isabstractmethod__ = True
    return funcobj


def abstractclassmethod(callable):
    """A decorator indicating abstract classmethods (deprecated: use classmethod
    with abstractmethod)."""
    callable.__isabstractmethod__ = True
    return classmethod(callable)


def abstractstaticmethod(callable):
    """A decorator indicating abstract staticmethods (deprecated: use staticmethod
    with abstractmethod)."""
    callable.__isabstractmethod__ = True
    return staticmethod(callable)


def abstractproperty(fget=None, fset=None, fdel=None, doc=None):
    """A decorator indicating abstract properties (deprecated: use property with
    abstractmethod)."""
    if fget is not None:
        fget.__isabstractmethod__ = True
    return property(fget, fset, fdel, doc)


def _is_abstract(value):
    """Is `value` (a class attribute as it sits in the class's dict) abstract?"""
    if isinstance(value, property):
        return any(getattr(f, '__isabstractmethod__', False)
                   for f in (value.fget, value.fset, value.fdel) if f is not None)
    if isinstance(value, (classmethod, staticmethod)):
        return bool(getattr(value.__func__, '__isabstractmethod__', False))
    return bool(getattr(value, '__isabstractmethod__', False))


def _raw_attr(cls, name):
    """`name` as it sits in the dict of the first class of cls's MRO that has it."""
    for klass in cls.__mro__:
        namespace = klass.__dict__
        if name in namespace:
            return namespace[name]
    return None


# Each ABC subclass's abstract method names, by class (a class attribute would be
# inherited by a subclass made without ABC.__init_subclass__ running).
_abstracts = {}


def _abstracts_of(cls):
    names = _abstracts.get(cls)
    if names is None:
        names = _compute(cls)
    return names


def _compute(cls):
    names = {name for name, value in cls.__dict__.items() if _is_abstract(value)}
    for base in cls.__bases__:
        if base is object or not issubclass(base, ABC):
            continue
        for name in _abstracts_of(base):
            if _is_abstract(_raw_attr(cls, name)):
                names.add(name)
    names = frozenset(names)
    _abstracts[cls] = names
    cls.__abstractmethods__ = names
    return names


def update_abstractmethods(cls):
    """Recalculate the set of abstract methods of an abstract class (after methods
    were added to it), and return the class."""
    if isinstance(cls, type) and issubclass(cls, ABC):
        _compute(cls)
    return cls


class ABCMeta:
    """Metaclass for defining Abstract Base Classes (ABCs).

    Baton has no metaclasses: subclass ABC instead of writing metaclass=ABCMeta.
    """

    def __new__(cls, *args, **kwargs):
        raise NotImplementedError('Baton does not support metaclasses: subclass abc.ABC '
                                  'instead of using ABCMeta')


class ABC:
    """Helper class that provides a standard way to create an ABC using
    inheritance.
    """
    __slots__ = ()

    def __init_subclass__(cls, /, **kwargs):
        super().__init_subclass__(**kwargs)
        _compute(cls)

    def __new__(cls, *args, **kwargs):
        names = _abstracts.get(cls)
        if names is None:
            names = _abstracts_of(cls)
        if names:
            names = sorted(names)
            raise TypeError(f"Can't instantiate abstract class {cls.__name__} with abstract "
                            f"method{'s' if len(names) > 1 else ''} {', '.join(names)}")
        following = super().__new__
        if following is not object.__new__:
            # A base after ABC in the MRO makes instances its own way (an exception).
            return following(cls, *args, **kwargs)
        if (args or kwargs) and cls.__init__ is object.__init__:
            raise TypeError(f'{cls.__name__}() takes no arguments')
        return object.__new__(cls)

    @classmethod
    def register(cls, subclass):
        """Register a virtual subclass of an ABC (not in Baton)."""
        raise NotImplementedError('Baton does not support virtual subclasses '
                                  '(ABC.register): subclass the ABC instead')


ABC.__abstractmethods__ = frozenset()
_abstracts[ABC] = frozenset()


def get_cache_token():
    """The current ABC cache token (virtual subclass registrations, none in Baton)."""
    return 0
