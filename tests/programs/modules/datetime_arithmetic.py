"""datetime arithmetic: timedelta normalizes whatever it is given into days, seconds
(0..86399) and microseconds (0..999999), rounding float fractions half to even; it
adds, scales, divides and compares. Dates and datetimes move by timedeltas and
subtract to timedeltas; aware datetimes subtract and compare by their UTC times."""
from datetime import date, datetime, time, timedelta, timezone, MINYEAR, MAXYEAR

# Normalization: every keyword ends up as (days, seconds, microseconds).
for td in (timedelta(hours=36), timedelta(minutes=-1), timedelta(weeks=1, days=-7, seconds=-1),
           timedelta(milliseconds=1500), timedelta(days=1.5, hours=0.25),
           timedelta(microseconds=-1), timedelta()):
    print(repr(td), "|", td, "|", td.days, td.seconds, td.microseconds)

# Float fractions of a microsecond round half to even, as CPython's C code does.
print([str(timedelta(microseconds=x)) for x in (0.5, 1.5, 2.5, -0.5, -1.5)])
print(timedelta(seconds=0.1, milliseconds=0.0005), timedelta(days=1e-12), timedelta(hours=1 / 3))

# Arithmetic between timedeltas, and with numbers.
a, b = timedelta(hours=25, minutes=30), timedelta(minutes=40)
print(a + b, a - b, b - a, -a, +a, abs(b - a))
print(a * 2, 3 * b, a * 0.1, 1.5 * b, a / 4, a / 0.7)
print(a / b, a // b, a % b, divmod(a, b), a // 7, divmod(-a, b))
print(timedelta(microseconds=5) / 2, timedelta(microseconds=7) / 2, timedelta(microseconds=-5) // 2)
print(a.total_seconds(), timedelta(microseconds=1).total_seconds(), timedelta.max.total_seconds())
print(a > b, a == timedelta(seconds=91800), a != b, sorted([a, b, -b]), bool(timedelta()), bool(b))
print(sum([a, b, b], timedelta()), max(a, b), timedelta(days=1) == timedelta(hours=24))
print(timedelta.min, "|", timedelta.max, "|", timedelta.resolution)
print({timedelta(hours=24): "one day"}[timedelta(days=1)])

# Dates move by whole days; the rest of a timedelta is ignored.
d = date(2020, 2, 28)
print(d + timedelta(days=1), d + timedelta(days=2), d - timedelta(days=59), d + timedelta(hours=47))
print(date(2021, 1, 1) - date(2020, 1, 1), date(2020, 1, 1) - date(2021, 1, 1))
print(d.toordinal(), date.fromordinal(d.toordinal() + 366), d.weekday(), d.isoweekday())
print(d.isocalendar(), d.isocalendar().week, tuple(date(2021, 1, 3).isocalendar()))
print([str(date(y, 1, 1).isocalendar()[:2]) for y in (2015, 2016, 2020, 2021, 2026)])
print(date.fromisocalendar(2020, 53, 7), date.fromisocalendar(2021, 1, 1))
print(sorted([date(2020, 5, 1), date(2019, 12, 31), date(2020, 1, 15)]))
print(date.min, date.max, date.resolution, MINYEAR, MAXYEAR, date(1, 1, 1).toordinal())

# Datetimes carry the time of day: overflowing fields carry into the date.
dt = datetime(2020, 12, 31, 23, 59, 59, 999999)
print(dt + timedelta(microseconds=1), dt - timedelta(days=366), dt + timedelta(hours=-48.5))
print(datetime(2020, 3, 1) - datetime(2020, 2, 28, 12), datetime(2020, 1, 1) - dt)
print(dt.date(), dt.time(), dt.replace(year=2021, microsecond=0), dt.replace(day=1) < dt)
print(datetime.combine(date(2020, 1, 1), time(12, 30)), datetime.min, datetime.max)
print(sorted([datetime(2020, 1, 1, 12), datetime(2020, 1, 1), datetime(2019, 6, 1, 23, 59)]))

# Aware datetimes: subtraction and comparison go through UTC.
ist = timezone(timedelta(hours=5, minutes=30))
utc_noon = datetime(2020, 6, 1, 12, tzinfo=timezone.utc)
india = datetime(2020, 6, 1, 17, 30, tzinfo=ist)
print(utc_noon == india, utc_noon - india, india - datetime(2020, 6, 1, tzinfo=timezone.utc))
print(india.astimezone(timezone.utc), utc_noon.astimezone(ist), india.utcoffset(), india.tzname())
print(hash(utc_noon) == hash(india), len({utc_noon, india}), india + timedelta(hours=12))
print(india.timestamp(), datetime(1970, 1, 1, tzinfo=timezone.utc).timestamp())
print(datetime.fromtimestamp(1_000_000_000, timezone.utc), datetime.fromtimestamp(-1.25, ist))
print(datetime.utcfromtimestamp(1_600_000_000.5), datetime.fromtimestamp(0.0000015, timezone.utc))

# Local time follows the TZ environment; these relations hold in any zone.
ts = 1_600_000_000
local = datetime.fromtimestamp(ts)
print(local.timestamp() == ts, local.tzinfo, local.astimezone().utcoffset() is not None)
print(date.fromtimestamp(ts) == local.date(), type(datetime.now()).__name__, type(date.today()).__name__)
print(abs(datetime.now(timezone.utc) - datetime.now().astimezone()) < timedelta(seconds=5))

# Times of day have no arithmetic, but compare (aware ones by their UTC offsets).
print(time(9, 30) < time(10), time(12, tzinfo=ist) == time(6, 30, tzinfo=timezone.utc), time(0) or "falsy")
print(time.min, time.max, time.resolution, max(time(1), time(23, 59)))
