# 2**100000 computes fine; str() of it raises CPython 3.11's ValueError about the 4300-digit limit; set_int_max_str_digits lifts it.
import sys
big = 2 ** 100000
print(big % 1000, big > 10 ** 30000)
try:
    s = str(big)
except ValueError as e:
    print("ValueError:", e)
try:
    int("1" * 5000)
except ValueError as e:
    print("ValueError:", e)
print(len(str(10 ** 4299)))
sys.set_int_max_str_digits(0)
s = str(big)
print(len(s), s[:20], s[-20:])
print(int("1" * 5000) % 97)
sys.set_int_max_str_digits(5000)
print(len(str(10 ** 4999)))
try:
    str(10 ** 5000)
except ValueError as e:
    print("ValueError:", e)
