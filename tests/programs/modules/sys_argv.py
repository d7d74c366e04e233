# sys.argv holds the script name as given on the command line (the harness passes no extra arguments).
import sys
print(sys.argv)
print(len(sys.argv), sys.argv[0])
print(type(sys.argv).__name__)
print(sys.getrecursionlimit())
sys.setrecursionlimit(2000)
print(sys.getrecursionlimit())
print(sys.version.startswith("3.11"))
