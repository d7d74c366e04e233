# Uncaught custom exception with a multi-argument args tuple and a module-level raise.
class ConfigError(Exception):
    pass
print("checking config")
raise ConfigError("missing key", "port")
