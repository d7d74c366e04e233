"""datetime formatting and parsing: repr and str, isoformat (with timespec and UTC
offsets), strftime through C's strftime with %f, %z and %Z filled in by datetime,
f-string format specs, ctime and timetuple; and back again with fromisoformat
(3.11 reads most ISO 8601 forms) and strptime."""
from datetime import date, datetime, time, timedelta, timezone, tzinfo, UTC

d = date(2024, 2, 29)
dt = datetime(2024, 2, 29, 13, 5, 9, 120000)
aware = datetime(2024, 2, 29, 13, 5, 9, tzinfo=timezone(timedelta(hours=-5), "EST"))
t = time(7, 3, 0, 5)

# repr shows what you would type; str is the ISO form.
for x in (d, dt, aware, t, datetime(2024, 1, 1), time(12, 30), time(0, 0, 1, fold=1),
          datetime(2024, 1, 1, 6, tzinfo=UTC), timedelta(days=2, seconds=5)):
    print(repr(x), "|", x)
print(repr(timezone.utc), repr(timezone(timedelta(minutes=90))), repr(timezone(timedelta(0), "Z")))
print(timezone(timedelta(hours=5, minutes=30)), timezone(-timedelta(hours=3, seconds=1)), timezone.min, timezone.max)

# isoformat: a separator and a precision.
print(dt.isoformat(), dt.isoformat(" "), dt.isoformat(timespec="minutes"), dt.isoformat("_", "milliseconds"))
print([t.isoformat(spec) for spec in ("auto", "hours", "minutes", "seconds", "milliseconds", "microseconds")])
print(aware.isoformat(), datetime(2024, 1, 1, tzinfo=timezone(timedelta(seconds=-3661))).isoformat())
print(time(1, 2, tzinfo=timezone(timedelta(hours=2))).isoformat(), d.isoformat(), str(d))

# strftime: C's directives, plus %f (microseconds), %z (offset) and %Z (zone name).
print(dt.strftime("%Y-%m-%d %H:%M:%S.%f | %a %A %b %B | %j %U %W %w | %I%p %y %%"))
print(aware.strftime("%H:%M %z %Z"), "[" + dt.strftime("%z%Z") + "]", d.strftime("%d/%m/%Y %H:%M"))
print(t.strftime("%H:%M:%S.%f %Y-%m-%d"), datetime(2024, 1, 1, tzinfo=UTC).strftime("%z %Z"))
print(dt.strftime("%c | %x | %X"), d.ctime(), dt.ctime())
print(f"{d:%A, %d %B %Y}", f"{dt:%H:%M}", f"{t:%I:%M %p}", f"{d}", format(dt, ""), "{:%Y}".format(d))
print(d.timetuple())
print(aware.utctimetuple().tm_hour, aware.timetuple().tm_isdst, dt.timetuple().tm_yday)

# fromisoformat reads dates, week dates, times, fractions and offsets.
for s in ("2024-02-29", "20240229", "2024-W09-4", "2024W094", "2024-02-29T13:05", "2024-02-29 13:05:09.12",
          "2024-02-29T130509,5", "2024-02-29T13:05:09Z", "2024-02-29T13:05:09+05:30",
          "2024-02-29T13:05:09-0800", "2024-02-29T13:05:09.123456789+00:00"):
    print(f"{s!r:40} -> {datetime.fromisoformat(s)!r}")
print(date.fromisoformat("2024-W01"), time.fromisoformat("T07:03:00.000005"), time.fromisoformat("0703+01"))

# strptime: each directive matches text as CPython's regular expressions do.
for s, fmt in [("2024-02-29 13:05:09", "%Y-%m-%d %H:%M:%S"),
               ("29 Feb 2024, 1:05 PM", "%d %b %Y, %I:%M %p"),
               ("thursday 29 FEBRUARY 24", "%A %d %B %y"),
               ("2024-02-29T13:05:09.12+0530", "%Y-%m-%dT%H:%M:%S.%f%z"),
               ("2024 060", "%Y %j"), ("2024 9 4", "%G %V %u"), ("2024 08 4", "%Y %W %w"),
               ("12:00 am", "%I:%M %p"), ("  7/4/76", " %m/%d/%y"),
               ("Thu Feb 29 13:05:09 2024", "%c"), ("10%", "%d%%")]:
    print(f"{s!r:32} {fmt!r:28} -> {datetime.strptime(s, fmt)!r}")

# A tzinfo subclass supplies utcoffset(), dst() and tzname().
class Fixed(tzinfo):
    def __init__(self, hours, name):
        self.offset, self.name = timedelta(hours=hours), name
    def utcoffset(self, dt):
        return self.offset
    def dst(self, dt):
        return timedelta(0)
    def tzname(self, dt):
        return self.name
    def __repr__(self):
        return f"Fixed({self.name!r})"

tokyo = datetime(2024, 1, 1, 9, tzinfo=Fixed(9, "JST"))
print(tokyo, repr(tokyo), tokyo.strftime("%H:%M %Z (%z)"), tokyo.tzname(), tokyo.dst())
print(tokyo.astimezone(timezone.utc), datetime(2024, 1, 1, tzinfo=timezone.utc).astimezone(Fixed(-4, "X")))
print(tokyo == datetime(2024, 1, 1, tzinfo=UTC), tokyo.timetz(), tokyo.time(), tokyo.date())
