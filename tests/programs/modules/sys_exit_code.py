# sys.exit(3): finally blocks run, output so far is kept, the process exits with status 3 and no traceback.
import sys
print("before exit")
try:
    sys.exit(3)
finally:
    print("finally runs on the way out")
print("never printed")
