"""print() writes to sys.stdout as it is when print runs: a program may replace it
with any object that has a write() method, and put the real one back."""
import sys
class Cap:
    def __init__(self): self.parts = []
    def write(self, s): self.parts.append(s); return len(s)
    def flush(self): pass
cap = Cap()
sys.stdout = cap
print("hidden", 1, sep="-")
print("more", flush=True)
sys.stdout = sys.__stdout__
print(cap.parts)
