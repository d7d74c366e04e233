# time: only differences and types are printed (monotonic, perf_counter, time), sleep(0.01) waits at least that long.
import time
t0 = time.monotonic()
p0 = time.perf_counter()
time.sleep(0.01)
t1 = time.monotonic()
p1 = time.perf_counter()
print(type(t0).__name__, t1 - t0 >= 0.009, p1 - p0 >= 0.009, t1 - t0 < 5)
print(time.time() > 1_600_000_000, type(time.time()).__name__)
time.sleep(0)
print("slept zero")
