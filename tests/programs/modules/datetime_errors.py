"""datetime's errors: the ValueErrors for fields out of range and for text that is
not ISO 8601 or does not match a strptime format, the TypeErrors for mixing naive
and aware datetimes or unsupported operands, and the OverflowErrors at the edges of
the representable range, each with CPython's message."""
from datetime import date, datetime, time, timedelta, timezone, tzinfo

def attempt(label, thunk):
    try:
        result = thunk()
    except (ValueError, TypeError, OverflowError, ZeroDivisionError, NotImplementedError,
            AttributeError) as e:
        print(f"{label:40} {type(e).__name__}: {e}")
    else:
        print(f"{label:40} -> {result!r}")

print("-- constructors")
attempt("date(2023, 2, 29)", lambda: date(2023, 2, 29))
attempt("date(2024, 13, 1)", lambda: date(2024, 13, 1))
attempt("date(0, 1, 1)", lambda: date(0, 1, 1))
attempt("date(10000, 1, 1)", lambda: date(10000, 1, 1))
attempt("date(2024, 1)", lambda: date(2024, 1))
attempt("date(2024.0, 1, 1)", lambda: date(2024.0, 1, 1))
attempt("date('2024', 1, 1)", lambda: date("2024", 1, 1))
attempt("date(2**40, 1, 1)", lambda: date(2**40, 1, 1))
attempt("time(24)", lambda: time(24))
attempt("time(12, 60)", lambda: time(12, 60))
attempt("time(0, 0, 60)", lambda: time(0, 0, 60))
attempt("time(microsecond=10**6)", lambda: time(microsecond=10**6))
attempt("time(fold=2)", lambda: time(fold=2))
attempt("datetime(2024, 1, 1, tzinfo='UTC')", lambda: datetime(2024, 1, 1, tzinfo="UTC"))
attempt("date.fromordinal(0)", lambda: date.fromordinal(0))
attempt("date.fromisocalendar(2021, 53, 1)", lambda: date.fromisocalendar(2021, 53, 1))
attempt("date.fromisocalendar(2020, 1, 8)", lambda: date.fromisocalendar(2020, 1, 8))
attempt("date(2024, 1, 31).replace(month=2)", lambda: date(2024, 1, 31).replace(month=2))

print("-- timedelta")
attempt("timedelta(days=10**9)", lambda: timedelta(days=10**9))
attempt("timedelta(days=10**10)", lambda: timedelta(days=10**10))
attempt("timedelta(hours='1')", lambda: timedelta(hours="1"))
attempt("timedelta(seconds=float('nan'))", lambda: timedelta(seconds=float("nan")))
attempt("timedelta.max + timedelta(1)", lambda: timedelta.max + timedelta(1))
attempt("timedelta(1) * 2e9", lambda: timedelta(1) * 2e9)
attempt("timedelta(1) / 0", lambda: timedelta(1) / 0)
attempt("timedelta(1) // timedelta(0)", lambda: timedelta(1) // timedelta(0))
attempt("timedelta(1) % timedelta(0)", lambda: timedelta(1) % timedelta(0))
attempt("timedelta(1) / timedelta(0)", lambda: timedelta(1) / timedelta(0))
attempt("timedelta(1) * float('inf')", lambda: timedelta(1) * float("inf"))
attempt("timedelta(1) + 1", lambda: timedelta(1) + 1)
attempt("1 - timedelta(1)", lambda: 1 - timedelta(1))
attempt("timedelta(1) < 5", lambda: timedelta(1) < 5)
attempt("timedelta(1) == 86400", lambda: timedelta(1) == 86400)
attempt("timedelta(1).days = 2", lambda: setattr(timedelta(1), "days", 2))

print("-- arithmetic and comparisons")
naive, aware = datetime(2024, 1, 1), datetime(2024, 1, 1, tzinfo=timezone.utc)
attempt("naive < aware", lambda: naive < aware)
attempt("naive == aware", lambda: naive == aware)
attempt("aware - naive", lambda: aware - naive)
attempt("time(1) < time(1, tzinfo=utc)", lambda: time(1) < time(1, tzinfo=timezone.utc))
attempt("date < datetime", lambda: date(2024, 1, 1) < naive)
attempt("date == datetime", lambda: date(2024, 1, 1) == naive)
attempt("datetime - date", lambda: naive - date(2024, 1, 1))
attempt("date + 1", lambda: date(2024, 1, 1) + 1)
attempt("date < '2024-01-01'", lambda: date(2024, 1, 1) < "2024-01-01")
attempt("date + date", lambda: date(2024, 1, 1) + date(2024, 1, 1))
attempt("time + timedelta", lambda: time(12) + timedelta(hours=1))
attempt("date.max + timedelta(1)", lambda: date.max + timedelta(1))
attempt("datetime.min - timedelta(1)", lambda: datetime.min - timedelta(microseconds=1))
attempt("date.year = 2000", lambda: setattr(date(2024, 1, 1), "year", 2000))

print("-- parsing")
attempt("date.fromisoformat('2024-1-1')", lambda: date.fromisoformat("2024-1-1"))
attempt("date.fromisoformat('2024-02-30')", lambda: date.fromisoformat("2024-02-30"))
attempt("datetime.fromisoformat('2024-01-01T25')", lambda: datetime.fromisoformat("2024-01-01T25"))
attempt("datetime.fromisoformat('01/02/2024')", lambda: datetime.fromisoformat("01/02/2024"))
attempt("datetime.fromisoformat('...+24:00')", lambda: datetime.fromisoformat("2024-01-01T00:00+24:00"))
attempt("time.fromisoformat('12:3')", lambda: time.fromisoformat("12:3"))
attempt("date.fromisoformat(20240101)", lambda: date.fromisoformat(20240101))
attempt("strptime('2024-01-01', '%Y/%m/%d')", lambda: datetime.strptime("2024-01-01", "%Y/%m/%d"))
attempt("strptime('2024-01-01 extra', '%Y-%m-%d')", lambda: datetime.strptime("2024-01-01 extra", "%Y-%m-%d"))
attempt("strptime('2024', '%Y %Q')", lambda: datetime.strptime("2024", "%Y %Q"))
attempt("strptime('2024', '%Y%')", lambda: datetime.strptime("2024", "%Y%"))
attempt("strptime('31 2', '%d %m')", lambda: datetime.strptime("31 2", "%d %m"))
attempt("strptime('2024 10', '%Y %V')", lambda: datetime.strptime("2024 10", "%Y %V"))
attempt("strptime('+05:3015', '%z')", lambda: datetime.strptime("+05:3015", "%z"))
attempt("strptime(2024, '%Y')", lambda: datetime.strptime(2024, "%Y"))

print("-- formatting and time zones")
attempt("isoformat(timespec='nanoseconds')", lambda: naive.isoformat(timespec="nanoseconds"))
attempt("isoformat(sep='--')", lambda: naive.isoformat(sep="--"))
attempt("strftime(None)", lambda: naive.strftime(None))
attempt("format(date, 5)", lambda: date(2024, 1, 1).__format__(5))
attempt("timezone(3600)", lambda: timezone(3600))
attempt("timezone(timedelta(hours=24))", lambda: timezone(timedelta(hours=24)))
attempt("timezone.utc.utcoffset(5)", lambda: timezone.utc.utcoffset(5))
attempt("timezone.utc.fromutc(naive)", lambda: timezone.utc.fromutc(naive))
attempt("tzinfo().utcoffset(None)", lambda: tzinfo().utcoffset(None))

class Broken(tzinfo):
    def utcoffset(self, dt):
        return timedelta(hours=25)
    def tzname(self, dt):
        return 42

attempt("utcoffset() of 25 hours", lambda: datetime(2024, 1, 1, tzinfo=Broken()).utcoffset())
attempt("tzname() returning 42", lambda: datetime(2024, 1, 1, tzinfo=Broken()).tzname())
attempt("astimezone(Broken())", lambda: aware.astimezone(Broken()))
attempt("datetime.fromtimestamp(1e20)", lambda: datetime.fromtimestamp(1e20))
attempt("datetime.fromtimestamp('now')", lambda: datetime.fromtimestamp("now"))
attempt("datetime.combine(1, time())", lambda: datetime.combine(1, time()))
