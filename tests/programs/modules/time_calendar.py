"""time's calendar side: struct_time from gmtime() and localtime(), strftime() (C's
formats, as in the asyncio docs' `time.strftime('%X')`), asctime(), ctime() and
mktime(), and CPython's checks on time tuples. (UTC times only, so the output is
the same in every time zone.)"""
import time

epoch = time.gmtime(0)
print(epoch)
print(epoch.tm_year, epoch.tm_wday, epoch.tm_yday, epoch[0], epoch[-1], epoch[:3], len(epoch))
print(list(epoch) == [1970, 1, 1, 0, 0, 0, 3, 1, 0], epoch == (1970, 1, 1, 0, 0, 0, 3, 1, 0))
print(epoch.tm_zone, epoch.tm_gmtoff)
year, month, day, *_ = time.gmtime(10**9)
print(year, month, day)

# Seconds are floored, before or after the epoch.
print(time.gmtime(1.9).tm_sec, time.gmtime(-1.5)[:6])

moon = time.gmtime(-14182940)  # 1969-07-20 20:17:40 UTC
print(time.strftime("%Y-%m-%d %H:%M:%S", moon))
print(time.strftime("%a %A %b %B %d %j %U %W %w %y %p %I %%", moon))
print(time.strftime("%c | %x | %X | %D | %T | %R | %e", moon))
print(time.asctime(moon))
print(time.asctime((2020, 1, 2, 3, 4, 5, 6, 7, 0)))
print(repr(time.strftime("", moon)))
# A 9-tuple works where a struct_time does; 0 stands for the first month and day.
print(time.strftime("%Y-%m-%d", (2024, 0, 0, 0, 0, 0, 0, 0, 0)))
print(time.struct_time((2020, 1, 2, 3, 4, 5, 6, 7, 0)))

# mktime() is localtime()'s inverse, whatever the local zone.
t = 1_234_567_890
print(time.mktime(time.localtime(t)) == t, type(time.ctime(t)), len(time.ctime(t)))
print(type(time.strftime("%X")), len(time.strftime("%X")))

for call in (
    lambda: time.strftime("%Y", (2020, 13, 1, 0, 0, 0, 0, 1, 0)),
    lambda: time.strftime("%Y", (2020, 1, 1, 24, 0, 0, 0, 1, 0)),
    lambda: time.strftime("%Y", (1, 2)),
    lambda: time.strftime("%Y", None),
    lambda: time.strftime(5),
    lambda: time.struct_time((1, 2)),
    lambda: time.gmtime(float("nan")),
    lambda: time.gmtime(1e20),
    lambda: time.gmtime("now"),
    lambda: time.mktime("x"),
    lambda: time.sleep("1"),
    lambda: setattr(epoch, "tm_year", 2000),
):
    try:
        call()
    except (TypeError, ValueError, OverflowError, AttributeError) as e:
        print(type(e).__name__, e)
