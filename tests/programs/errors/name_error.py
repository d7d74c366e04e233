# Uncaught NameError for an undefined name at module level after some output; exit 1.
print("defined things work")
undefined_function_xyz()
