# Importing a module that does not exist: ModuleNotFoundError (a subclass of ImportError) with CPython's message.
try:
    import missing_module_xyz
except ModuleNotFoundError as e:
    print("ModuleNotFoundError:", e, "| name:", e.name)
try:
    from another_missing import thing
except ImportError as e:
    print(type(e).__name__, e)
print(issubclass(ModuleNotFoundError, ImportError))
import missing
