"""Concrete date/time types: timedelta, date, time, datetime, tzinfo and timezone.

Baton's datetime, written to behave as CPython 3.11's (its C module _datetime):
the same values, reprs, formats and error messages. Local time comes from the
time module (localtime/mktime), so it follows TZ as CPython's does."""

import time as _timemod
import _time

__all__ = ("date", "datetime", "time", "timedelta", "timezone", "tzinfo",
           "MINYEAR", "MAXYEAR", "UTC")

MINYEAR = 1
MAXYEAR = 9999
_MAXORDINAL = 3652059                  # date.max.toordinal()
_EPOCH_SECONDS = 719163 * 86400         # 1970-01-01 in seconds since 0001-01-01
_US_PER_DAY = 86400000000
_MAX_FOLD_SECONDS = 86400

_DIM = (0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
_DBM = (0, 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334)
_MONTHNAMES = (None, "Jan", "Feb", "Mar", "Apr", "May", "Jun",
               "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_DAYNAMES = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_NA = object()      # "argument not given"


# ---------------------------------------------------------------- calendar math

def _is_leap(y):
    return y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)


def _days_in_month(y, m):
    if m == 2 and y % 4 == 0 and (y % 100 != 0 or y % 400 == 0):
        return 29
    return _DIM[m]


def _ymd2ord(y, m, d):
    """Proleptic Gregorian ordinal; 0001-01-01 is day 1."""
    n = y - 1
    n = n * 365 + n // 4 - n // 100 + n // 400 + _DBM[m] + d
    if m > 2 and y % 4 == 0 and (y % 100 != 0 or y % 400 == 0):
        n += 1
    return n


def _ord2ymd(n):
    """Ordinal -> (year, month, day), by 400-, 100-, 4- and 1-year cycles."""
    n -= 1
    n400, n = divmod(n, 146097)
    n100, n = divmod(n, 36524)
    n4, n = divmod(n, 1461)
    n1, n = divmod(n, 365)
    year = n400 * 400 + n100 * 100 + n4 * 4 + n1 + 1
    if n1 == 4 or n100 == 4:
        return year - 1, 12, 31
    leap = n1 == 3 and (n4 != 24 or n100 == 3)
    month = (n + 50) >> 5           # an estimate, exact or one too large
    before = _DBM[month] + (1 if month > 2 and leap else 0)
    if before > n:
        month -= 1
        before -= _DIM[month] + (1 if month == 2 and leap else 0)
    return year, month, n - before + 1


def _iso_week1_monday(year):
    first = _ymd2ord(year, 1, 1)
    wd = (first + 6) % 7
    monday = first - wd
    if wd > 3:
        monday += 7
    return monday


def _iso_to_ymd(year, week, day):
    """(ISO year, week, weekday) -> (y, m, d), or an error code as C's."""
    if week <= 0 or week >= 53:
        ok = False
        if week == 53:
            first = (_ymd2ord(year, 1, 1) + 6) % 7
            ok = first == 3 or (first == 2 and _is_leap(year))
        if not ok:
            return -2
    if day <= 0 or day >= 8:
        return -3
    return _ord2ymd(_iso_week1_monday(year) + (week - 1) * 7 + day - 1)


# ---------------------------------------------------------------- helpers

def _tn(x):
    """The type name as CPython's messages show it ('datetime.date', 'int')."""
    t = type(x)
    return _TPNAMES.get(t) or t.__name__


def _argtn(x):
    """The type name as C's argument parsing shows it ('None' for None)."""
    return 'None' if x is None else _tn(x)


def _field(attr, owner):
    """A read-only property for a field kept in `attr` of a `owner` object."""
    def setter(self, value):
        if owner is None:       # (timedelta's fields are C struct members)
            raise AttributeError("readonly attribute")
        raise AttributeError(f"attribute '{attr[1:]}' of '{owner}' objects is not writable")
    return property(lambda self: getattr(self, attr), setter)


def _builtin(x):
    return type(x).__module__ == 'builtins'


def _binop(op, a, b):
    raise TypeError(f"unsupported operand type(s) for {op}: '{_tn(a)}' and '{_tn(b)}'")


def _cmperr(op, a, b):
    raise TypeError(f"'{op}' not supported between instances of '{_tn(a)}' and '{_tn(b)}'")


# A three-way comparison result c (-1, 0, 1) as the answer to `op`.
_OPS = {'<': lambda c: c < 0, '<=': lambda c: c <= 0, '>': lambda c: c > 0,
        '>=': lambda c: c >= 0, '==': lambda c: c == 0, '!=': lambda c: c != 0}


def _cmp3(a, b):
    return 0 if a == b else -1 if a < b else 1


def _no_compare(self, other, op):
    """What comparing with an unrelated type gives: ==/!= defer to identity,
    ordering a built-in value raises CPython's TypeError."""
    if op != '==' and op != '!=' and _builtin(other):
        _cmperr(op, self, other)
    return NotImplemented


def _comparisons(cls):
    """Give cls the six comparison methods it lacks, each asking its
    _compare(other, op)."""
    def __eq__(self, other):
        return self._compare(other, '==')

    def __ne__(self, other):
        return self._compare(other, '!=')

    def __lt__(self, other):
        return self._compare(other, '<')

    def __le__(self, other):
        return self._compare(other, '<=')

    def __gt__(self, other):
        return self._compare(other, '>')

    def __ge__(self, other):
        return self._compare(other, '>=')

    for f in (__eq__, __ne__, __lt__, __le__, __gt__, __ge__):
        if f.__name__ not in cls.__dict__:
            setattr(cls, f.__name__, f)
    return cls


def _cint(v):
    """An argument as C's "i" format converts it."""
    if type(v) is not int:
        if isinstance(v, int):
            v = int(v)
        elif hasattr(type(v), '__index__'):
            v = type(v).__index__(v)
        else:
            raise TypeError(f"'{_tn(v)}' object cannot be interpreted as an integer")
    if v > 2147483647 or v < -2147483648:
        if v > 9223372036854775807 or v < -9223372036854775808:
            raise OverflowError("Python int too large to convert to C long")
        if v > 0:
            raise OverflowError("signed integer is greater than maximum")
        raise OverflowError("signed integer is less than minimum")
    return v


def _missing(name, pos):
    raise TypeError(f"function missing required argument '{name}' (pos {pos})")


def _check_date(y, m, d):
    if type(y) is not int or type(m) is not int or type(d) is not int:
        y = _cint(y)
        m = _cint(m)
        d = _cint(d)
    if y < 1 or y > 9999 or m < 1 or m > 12 or d < 1 or d > 28:
        _cint(y), _cint(m), _cint(d)     # C converts all three first
        if y < 1 or y > 9999:
            raise ValueError(f"year {y} is out of range")
        if m < 1 or m > 12:
            raise ValueError("month must be in 1..12")
        if d < 1 or d > _days_in_month(y, m):
            raise ValueError("day is out of range for month")
    return y, m, d


def _check_time(h, mi, s, us, fold):
    if (type(h) is not int or type(mi) is not int or type(s) is not int
            or type(us) is not int or type(fold) is not int):
        h, mi, s, us, fold = _cint(h), _cint(mi), _cint(s), _cint(us), _cint(fold)
    if not (0 <= h <= 23 and 0 <= mi <= 59 and 0 <= s <= 59 and 0 <= us <= 999999
            and 0 <= fold <= 1):
        _cint(h), _cint(mi), _cint(s), _cint(us), _cint(fold)
    if h < 0 or h > 23:
        raise ValueError("hour must be in 0..23")
    if mi < 0 or mi > 59:
        raise ValueError("minute must be in 0..59")
    if s < 0 or s > 59:
        raise ValueError("second must be in 0..59")
    if us < 0 or us > 999999:
        raise ValueError("microsecond must be in 0..999999")
    if fold != 0 and fold != 1:
        raise ValueError("fold must be either 0 or 1")
    return h, mi, s, us, fold


def _check_tzinfo(tz):
    if tz is not None and not isinstance(tz, tzinfo):
        raise TypeError("tzinfo argument must be None or of a tzinfo subclass, "
                        f"not type '{_tn(tz)}'")


def _check_offset(off, name):
    """What a tzinfo's utcoffset()/dst() returned, checked as CPython checks it."""
    if off is None:
        return None
    if not isinstance(off, timedelta):
        raise TypeError(f"tzinfo.{name}() must return None or timedelta, "
                        f"not '{_tn(off)}'")
    d = off._days
    if d < -1 or d >= 1 or (d == -1 and off._seconds == 0 and off._microseconds < 1):
        raise ValueError("offset must be a timedelta strictly between "
                         "-timedelta(hours=24) and timedelta(hours=24).")
    return off


def _call_tzname(tz, arg):
    if tz is None:
        return None
    name = tz.tzname(arg)
    if name is not None and not isinstance(name, str):
        raise TypeError(f"tzinfo.tzname() must return None or a string, not '{_tn(name)}'")
    return name


def _format_offset(off, sep):
    """+HH<sep>MM[<sep>SS[.ffffff]] for an offset, '' for None."""
    if off is None:
        return ''
    if off._days < 0:
        sign = '-'
        off = -off
    else:
        sign = '+'
    us = off._microseconds
    mm, ss = divmod(off._seconds, 60)
    hh, mm = divmod(mm, 60)
    if us:
        return f'{sign}{hh:02d}{sep}{mm:02d}{sep}{ss:02d}.{us:06d}'
    if ss:
        return f'{sign}{hh:02d}{sep}{mm:02d}{sep}{ss:02d}'
    return f'{sign}{hh:02d}{sep}{mm:02d}'


def _format_time(hh, mm, ss, us, timespec, argno):
    if not isinstance(timespec, str):
        raise TypeError(f"isoformat() argument {argno} must be str, not {_argtn(timespec)}")
    if timespec == 'auto':
        timespec = 'microseconds' if us else 'seconds'
    if timespec == 'microseconds':
        return f'{hh:02d}:{mm:02d}:{ss:02d}.{us:06d}'
    if timespec == 'seconds':
        return f'{hh:02d}:{mm:02d}:{ss:02d}'
    if timespec == 'milliseconds':
        return f'{hh:02d}:{mm:02d}:{ss:02d}.{us // 1000:03d}'
    if timespec == 'minutes':
        return f'{hh:02d}:{mm:02d}'
    if timespec == 'hours':
        return f'{hh:02d}'
    raise ValueError('Unknown timespec value')


def _wrap_strftime(obj, fmt, tt, tzarg):
    """C's strftime of the time tuple `tt`, after %z, %Z and %f are replaced
    from `obj` (its UTC offset, zone name and microseconds)."""
    if not isinstance(fmt, str):
        raise TypeError(f"strftime() argument 1 must be str, not {_argtn(fmt)}")
    if '\0' in fmt:
        fmt = fmt[:fmt.index('\0')]      # C reads the format up to a NUL
    if '%' in fmt and ('z' in fmt or 'Z' in fmt or 'f' in fmt):
        out = []
        i, n = 0, len(fmt)
        zrep = Zrep = None
        while i < n:
            ch = fmt[i]
            i += 1
            if ch != '%' or i == n:
                out.append(ch)
                continue
            ch = fmt[i]
            i += 1
            if ch == 'f':
                out.append(f'{getattr(obj, "_microsecond", 0):06d}')
            elif ch == 'z':
                if zrep is None:
                    tz = getattr(obj, '_tzinfo', None)
                    zrep = '' if tz is None else _format_offset(
                        _check_offset(tz.utcoffset(tzarg), 'utcoffset'), '')
                out.append(zrep)
            elif ch == 'Z':
                if Zrep is None:
                    name = _call_tzname(getattr(obj, '_tzinfo', None), tzarg)
                    Zrep = '' if name is None else name.replace('%', '%%')
                out.append(Zrep)
            else:
                out.append('%')
                out.append(ch)
        fmt = ''.join(out)
    return _time.strftime(fmt, *tt, None, None)


def _divide_and_round(a, b):
    """a / b rounded to the nearest int, ties to even."""
    q, r = divmod(a, b)
    r *= 2
    if (r > b if b > 0 else r < b) or (r == b and q % 2 == 1):
        q += 1
    return q


def _ratio(x):
    """x.as_integer_ratio() with the messages C's datetime gives."""
    if x != x:
        raise ValueError("cannot convert NaN to integer ratio")
    if x in (float('inf'), float('-inf')):
        raise OverflowError("cannot convert Infinity to integer ratio")
    return x.as_integer_ratio()


def _modf(x):
    """C's modf: (fraction, integer part), both floats with x's sign."""
    if x != x:
        return x, x
    if x in (float('inf'), float('-inf')):
        return 0.0, x
    ip = float(int(x))
    return x - ip, ip


# ---------------------------------------------------------------- timedelta

def _td(d, s, us, cls=None):
    """A timedelta (or a `cls` instance) from normalized fields (no checks)."""
    self = object.__new__(cls or timedelta)
    self._days = d
    self._seconds = s
    self._microseconds = us
    return self


def _td_from_us(us, cls=None):
    """A timedelta of `us` microseconds, range-checked as CPython's."""
    s, us = divmod(us, 1000000)
    d, s = divmod(s, 86400)
    if d > 999999999 or d < -999999999:
        if d > 2147483647 or d < -2147483648:
            raise OverflowError("Python int too large to convert to C int")
        raise OverflowError(f"days={d}; must have magnitude <= 999999999")
    return _td(d, s, us, cls)


_TD_FACTORS = (('microseconds', 1), ('milliseconds', 1000), ('seconds', 1000000),
               ('minutes', 60000000), ('hours', 3600000000), ('days', 86400000000),
               ('weeks', 604800000000))


@_comparisons
class timedelta:
    """A duration: days, seconds (0..86399) and microseconds (0..999999)."""

    def __new__(cls, days=0, seconds=0, microseconds=0, milliseconds=0,
                minutes=0, hours=0, weeks=0):
        if (type(days) is int and type(seconds) is int and type(microseconds) is int
                and type(milliseconds) is int and type(minutes) is int
                and type(hours) is int and type(weeks) is int):
            us = (((weeks * 7 + days) * 24 + hours) * 60 + minutes) * 60 + seconds
            us = us * 1000000 + milliseconds * 1000 + microseconds
            if 0 <= us < _US_PER_DAY:
                s, us = divmod(us, 1000000)
                return _td(0, s, us, cls)
            return _td_from_us(us, cls)
        # C's delta_new: exact sums of the integral parts, the float fractions
        # gathered in `leftover` and rounded half to even at the end.
        args = (microseconds, milliseconds, seconds, minutes, hours, days, weeks)
        total = 0
        leftover = 0.0
        for (name, factor), num in zip(_TD_FACTORS, args):
            if isinstance(num, int):
                total += num * factor
            elif isinstance(num, float):
                frac, ip = _modf(num)
                total += int(ip) * factor
                if frac != 0.0:
                    frac, ip = _modf(float(factor) * frac)
                    total += int(ip)
                    leftover += frac
            else:
                raise TypeError(f"unsupported type for timedelta {name} component: "
                                f"{_tn(num)}")
        if leftover:
            whole = float(round(leftover))
            if abs(whole - leftover) == 0.5:
                odd = total & 1
                whole = 2.0 * round((leftover + odd) * 0.5) - odd
            total += int(whole)
        return _td_from_us(total, cls)

    days = _field('_days', None)
    seconds = _field('_seconds', None)
    microseconds = _field('_microseconds', None)

    def total_seconds(self):
        return ((self._days * 86400 + self._seconds) * 1000000 + self._microseconds) / 10**6

    def _us(self):
        return (self._days * 86400 + self._seconds) * 1000000 + self._microseconds

    def __repr__(self):
        args = []
        if self._days:
            args.append(f'days={self._days}')
        if self._seconds:
            args.append(f'seconds={self._seconds}')
        if self._microseconds:
            args.append(f'microseconds={self._microseconds}')
        return f"{_tn(self)}({', '.join(args) or '0'})"

    def __str__(self):
        mm, ss = divmod(self._seconds, 60)
        hh, mm = divmod(mm, 60)
        s = f'{hh}:{mm:02d}:{ss:02d}'
        if self._microseconds:
            s += f'.{self._microseconds:06d}'
        d = self._days
        if d:
            s = f"{d} day{'' if d == 1 or d == -1 else 's'}, {s}"
        return s

    def __add__(self, other):
        if isinstance(other, timedelta):
            return _td_from_us(self._us() + other._us())
        if _builtin(other):
            _binop('+', self, other)
        return NotImplemented

    def __radd__(self, other):
        if isinstance(other, timedelta):
            return _td_from_us(self._us() + other._us())
        _binop('+', other, self)

    def __sub__(self, other):
        if isinstance(other, timedelta):
            return _td_from_us(self._us() - other._us())
        if _builtin(other):
            _binop('-', self, other)
        return NotImplemented

    def __rsub__(self, other):
        if isinstance(other, timedelta):
            return _td_from_us(other._us() - self._us())
        _binop('-', other, self)

    def __neg__(self):
        return _td_from_us(-self._us())

    def __pos__(self):
        return _td(self._days, self._seconds, self._microseconds)

    def __abs__(self):
        return -self if self._days < 0 else +self

    def __mul__(self, other):
        if isinstance(other, int):
            return _td_from_us(self._us() * other)
        if isinstance(other, float):
            n, d = _ratio(other)
            return _td_from_us(_divide_and_round(self._us() * n, d))
        if isinstance(other, (str, list, tuple)):
            raise TypeError(f"can't multiply sequence by non-int of type '{_tn(self)}'")
        if _builtin(other):
            _binop('*', self, other)
        return NotImplemented

    def __rmul__(self, other):
        if isinstance(other, (int, float)):
            return self.__mul__(other)
        if isinstance(other, (str, list, tuple)):
            raise TypeError(f"can't multiply sequence by non-int of type '{_tn(self)}'")
        _binop('*', other, self)

    def __floordiv__(self, other):
        if isinstance(other, timedelta):
            d = other._us()
            if d == 0:
                raise ZeroDivisionError("integer division or modulo by zero")
            return self._us() // d
        if isinstance(other, int):
            if other == 0:
                raise ZeroDivisionError("integer division or modulo by zero")
            return _td_from_us(self._us() // other)
        if _builtin(other):
            _binop('//', self, other)
        return NotImplemented

    def __truediv__(self, other):
        if isinstance(other, timedelta):
            d = other._us()
            if d == 0:
                raise ZeroDivisionError("division by zero")
            return self._us() / d
        if isinstance(other, int):
            if other == 0:
                raise ZeroDivisionError("integer division or modulo by zero")
            return _td_from_us(_divide_and_round(self._us(), other))
        if isinstance(other, float):
            n, d = _ratio(other)
            if n == 0:
                raise ZeroDivisionError("integer division or modulo by zero")
            return _td_from_us(_divide_and_round(self._us() * d, n))
        if _builtin(other):
            _binop('/', self, other)
        return NotImplemented

    def __mod__(self, other):
        if isinstance(other, timedelta):
            d = other._us()
            if d == 0:
                raise ZeroDivisionError("integer modulo by zero")
            return _td_from_us(self._us() % d)
        if _builtin(other):
            _binop('%', self, other)
        return NotImplemented

    def __divmod__(self, other):
        if isinstance(other, timedelta):
            d = other._us()
            if d == 0:
                raise ZeroDivisionError("integer division or modulo by zero")
            q, r = divmod(self._us(), d)
            return q, _td_from_us(r)
        if _builtin(other):
            _binop('divmod()', self, other)
        return NotImplemented

    def __rfloordiv__(self, other):
        _binop('//', other, self)

    def __rtruediv__(self, other):
        _binop('/', other, self)

    def __rmod__(self, other):
        _binop('%', other, self)

    def __rdivmod__(self, other):
        _binop('divmod()', other, self)

    def _compare(self, other, op):
        if isinstance(other, timedelta):
            return _OPS[op](_cmp3(self._us(), other._us()))
        return _no_compare(self, other, op)

    def __eq__(self, other):
        if type(other) is timedelta:
            return (self._days == other._days and self._seconds == other._seconds
                    and self._microseconds == other._microseconds)
        return self._compare(other, '==')

    def __lt__(self, other):
        if type(other) is timedelta:
            return ((self._days, self._seconds, self._microseconds)
                    < (other._days, other._seconds, other._microseconds))
        return self._compare(other, '<')

    def __hash__(self):
        return hash((self._days, self._seconds, self._microseconds))

    def __bool__(self):
        return self._days != 0 or self._seconds != 0 or self._microseconds != 0

    def __reduce__(self):
        return (type(self), (self._days, self._seconds, self._microseconds))


timedelta.min = _td(-999999999, 0, 0)
timedelta.max = _td(999999999, 86399, 999999)
timedelta.resolution = _td(0, 0, 1)


# ---------------------------------------------------------------- date

def _date(y, m, d):
    self = object.__new__(date)
    self._year = y
    self._month = m
    self._day = d
    return self


def _date_of(cls, y, m, d):
    """A `cls` instance (date or a subclass) for checked fields."""
    if cls is date:
        return _date(y, m, d)
    return cls(y, m, d)


def _timestamp_to_time_t(t):
    """C's _PyTime_ObjectToTime_t, rounding down."""
    if isinstance(t, float):
        if t != t:
            raise ValueError("Invalid value NaN (not a number)")
        if not -9.223372036854776e18 <= t < 9.223372036854776e18:
            raise OverflowError("timestamp out of range for platform time_t")
        return int(t // 1)
    return _time_t(t)


def _time_t(t):
    """An integer timestamp as C's time_t."""
    if not isinstance(t, int):
        if hasattr(type(t), '__index__'):
            t = type(t).__index__(t)
        else:
            raise TypeError(f"'{_tn(t)}' object cannot be interpreted as an integer")
    if t > 9223372036854775807 or t < -9223372036854775808:
        raise OverflowError("timestamp out of range for platform time_t")
    return int(t)


def _timestamp_to_timeval(t):
    """C's _PyTime_ObjectToTimeval: (seconds, microseconds), half to even."""
    if isinstance(t, float):
        if t != t:
            raise ValueError("Invalid value NaN (not a number)")
        frac, ip = _modf(t)
        frac = float(round(frac * 1e6))
        if frac >= 1e6:
            frac -= 1e6
            ip += 1.0
        elif frac < 0:
            frac += 1e6
            ip -= 1.0
        if not -9.223372036854776e18 <= ip < 9.223372036854776e18:
            raise OverflowError("timestamp out of range for platform time_t")
        return int(ip), int(frac)
    return _time_t(t), 0


_localtime = _time.localtime


@_comparisons
class date:
    """A date in the proleptic Gregorian calendar: year, month, day."""

    def __new__(cls, year=_NA, month=_NA, day=_NA):
        if day is _NA:
            _missing(*(('year', 1) if year is _NA else ('month', 2) if month is _NA
                       else ('day', 3)))
        year, month, day = _check_date(year, month, day)
        self = object.__new__(cls)
        self._year = year
        self._month = month
        self._day = day
        return self

    # Alternate constructors.
    @classmethod
    def fromtimestamp(cls, t):
        tm = _localtime(_timestamp_to_time_t(t))
        return cls(tm[0], tm[1], tm[2])

    @classmethod
    def today(cls):
        return cls.fromtimestamp(_timemod.time())

    @classmethod
    def fromordinal(cls, n):
        n = _cint(n)
        if n < 1:
            raise ValueError("ordinal must be >= 1")
        y, m, d = _ord2ymd(n)
        if y > 9999:
            raise ValueError(f"year {y} is out of range")
        return _date_of(cls, y, m, d)

    @classmethod
    def fromisoformat(cls, s):
        if not isinstance(s, str):
            raise TypeError("fromisoformat: argument must be str")
        if (len(s) == 10 and s[4] == '-' and s[7] == '-' and s.isascii()
                and (s[:4] + s[5:7] + s[8:]).isdigit()):       # the usual YYYY-MM-DD
            return _date_of(cls, *_check_date(int(s[:4]), int(s[5:7]), int(s[8:])))
        p = _IsoParser(s)
        ymd = p.date(p.n) if p.n in (7, 8, 10) else None
        if ymd is None:
            raise ValueError(f"Invalid isoformat string: {s!r}")
        return _date_of(cls, *_check_date(*ymd))

    @classmethod
    def fromisocalendar(cls, year, week, day):
        year, week, day = _cint(year), _cint(week), _cint(day)
        if year < 1 or year > 9999:
            raise ValueError(f"Year is out of range: {year}")
        r = _iso_to_ymd(year, week, day)
        if r == -2:
            raise ValueError(f"Invalid week: {week}")
        if r == -3:
            raise ValueError(f"Invalid day: {day} (range is [1, 7])")
        return _date_of(cls, *_check_date(*r))

    # Fields.
    year = _field('_year', 'datetime.date')
    month = _field('_month', 'datetime.date')
    day = _field('_day', 'datetime.date')

    def __repr__(self):
        return f"{_tn(self)}({self._year}, {self._month}, {self._day})"

    def isoformat(self):
        return f"{self._year:04d}-{self._month:02d}-{self._day:02d}"

    def __str__(self):
        return self.isoformat()

    def ctime(self):
        wd = (_ymd2ord(self._year, self._month, self._day) + 6) % 7
        return (f"{_DAYNAMES[wd]} {_MONTHNAMES[self._month]} {self._day:2d} "
                f"00:00:00 {self._year:04d}")

    def _tt(self, hh=0, mm=0, ss=0, dst=-1):
        y, m, d = self._year, self._month, self._day
        wd = (_ymd2ord(y, m, d) + 6) % 7
        yd = _DBM[m] + d + (1 if m > 2 and _is_leap(y) else 0)
        return (y, m, d, hh, mm, ss, wd, yd, dst)

    def strftime(self, format):
        if not isinstance(format, str):
            raise TypeError(f"strftime() argument 1 must be str, not {_argtn(format)}")
        tt = self._tt() if type(self) is date else tuple(self.timetuple())
        return _wrap_strftime(self, format, tt, None)

    def __format__(self, fmt):
        if not isinstance(fmt, str):
            raise TypeError(f"__format__() argument 1 must be str, not {_argtn(fmt)}")
        if fmt:
            return self.strftime(fmt)
        return str(self)

    def timetuple(self):
        return _timemod.struct_time(self._tt())

    def toordinal(self):
        return _ymd2ord(self._year, self._month, self._day)

    def weekday(self):
        return (_ymd2ord(self._year, self._month, self._day) + 6) % 7

    def isoweekday(self):
        return (_ymd2ord(self._year, self._month, self._day) + 6) % 7 + 1

    def isocalendar(self):
        y = self._year
        n = _ymd2ord(y, self._month, self._day)
        week1 = _iso_week1_monday(y)
        week, day = divmod(n - week1, 7)
        if week < 0:
            y -= 1
            week, day = divmod(n - _iso_week1_monday(y), 7)
        elif week >= 52 and n >= _iso_week1_monday(y + 1):
            y += 1
            week = 0
        return _IsoCalendarDate(y, week + 1, day + 1)

    def replace(self, year=_NA, month=_NA, day=_NA):
        y = self._year if year is _NA else year
        m = self._month if month is _NA else month
        d = self._day if day is _NA else day
        return _date_of(type(self), *_check_date(y, m, d))

    # Comparisons: a date never equals a datetime, and cannot be ordered with one.
    def _compare(self, other, op):
        if isinstance(other, date):
            if isinstance(other, datetime):
                if op == '==' or op == '!=':
                    return op == '!='
                raise TypeError("can't compare datetime.datetime to datetime.date")
            return _OPS[op](_cmp3((self._year, self._month, self._day),
                                  (other._year, other._month, other._day)))
        return _no_compare(self, other, op)

    def __lt__(self, other):
        if type(other) is date:
            return ((self._year, self._month, self._day)
                    < (other._year, other._month, other._day))
        return self._compare(other, '<')

    def __hash__(self):
        return hash((self._year, self._month, self._day))

    # Arithmetic with timedelta (whole days only).
    def __add__(self, other):
        if isinstance(other, timedelta):
            n = _ymd2ord(self._year, self._month, self._day) + other._days
            if n < 1 or n > _MAXORDINAL:
                raise OverflowError("date value out of range")
            return _date_of(type(self), *_ord2ymd(n))
        if _builtin(other) or isinstance(other, date):
            _binop('+', self, other)
        return NotImplemented

    def __radd__(self, other):
        if isinstance(other, timedelta):
            return self.__add__(other)
        _binop('+', other, self)

    def __sub__(self, other):
        if isinstance(other, timedelta):
            n = _ymd2ord(self._year, self._month, self._day) - other._days
            if n < 1 or n > _MAXORDINAL:
                raise OverflowError("date value out of range")
            return _date_of(type(self), *_ord2ymd(n))
        if isinstance(other, date) and not isinstance(other, datetime):
            return _td(_ymd2ord(self._year, self._month, self._day)
                       - _ymd2ord(other._year, other._month, other._day), 0, 0)
        if _builtin(other) or isinstance(other, date):
            _binop('-', self, other)
        return NotImplemented

    def __rsub__(self, other):
        _binop('-', other, self)

    def __reduce__(self):
        return (type(self), (self._year, self._month, self._day))


date.min = _date(1, 1, 1)
date.max = _date(9999, 12, 31)
date.resolution = _td(1, 0, 0)


@_comparisons
class IsoCalendarDate:
    """What date.isocalendar() returns: (year, week, weekday), by position or name.
    (CPython's is a tuple subclass; Baton cannot subclass tuple.)"""

    def __init__(self, year, week, weekday):
        self._t = (year, week, weekday)

    year = property(lambda self: self._t[0])
    week = property(lambda self: self._t[1])
    weekday = property(lambda self: self._t[2])

    def __getitem__(self, i):
        return self._t[i]

    def __len__(self):
        return 3

    def __iter__(self):
        return iter(self._t)

    def __contains__(self, x):
        return x in self._t

    def _compare(self, other, op):
        o = other._t if isinstance(other, _IsoCalendarDate) else other
        if not isinstance(o, tuple):
            return _no_compare(self, other, op)
        return _OPS[op](_cmp3(self._t, o))

    def __hash__(self):
        return hash(self._t)

    def __add__(self, other):
        return self._t + (other._t if isinstance(other, _IsoCalendarDate) else other)

    def count(self, x):
        return self._t.count(x)

    def index(self, x, *args):
        return self._t.index(x, *args)

    def __repr__(self):
        y, w, d = self._t
        return f"datetime.IsoCalendarDate(year={y}, week={w}, weekday={d})"


_IsoCalendarDate = IsoCalendarDate
del IsoCalendarDate         # (not a public name of the module, as in CPython)


# ---------------------------------------------------------------- tzinfo, timezone

class tzinfo:
    """Abstract base class for time zone info objects."""

    def tzname(self, dt):
        raise NotImplementedError("a tzinfo subclass must implement tzname()")

    def utcoffset(self, dt):
        raise NotImplementedError("a tzinfo subclass must implement utcoffset()")

    def dst(self, dt):
        raise NotImplementedError("a tzinfo subclass must implement dst()")

    def fromutc(self, dt):
        """datetime in UTC -> datetime in local time (the default algorithm)."""
        if not isinstance(dt, datetime):
            raise TypeError("fromutc: argument must be a datetime")
        if dt._tzinfo is not self:
            raise ValueError("fromutc: dt.tzinfo is not self")
        off = dt.utcoffset()
        if off is None:
            raise ValueError("fromutc: non-None utcoffset() result required")
        dst = dt.dst()
        if dst is None:
            raise ValueError("fromutc: non-None dst() result required")
        dt = dt + (off - dst)
        dst = _check_offset(dt._tzinfo.dst(dt), 'dst')
        if dst is None:
            raise ValueError("fromutc: tz.dst() gave inconsistent results; cannot convert")
        if dst:
            dt = dt + dst
        return dt

    def __reduce__(self):
        return (type(self), ())


def _tz_arg(dt, meth):
    if dt is not None and not isinstance(dt, datetime):
        raise TypeError(f"{meth}(dt) argument must be a datetime instance or None, "
                        f"not {_tn(dt)}")


class timezone(tzinfo):
    """A fixed offset from UTC, with an optional name."""

    def __new__(cls, offset=_NA, name=_NA):
        if offset is _NA:
            _missing('offset', 1)
        if not isinstance(offset, timedelta):
            raise TypeError(f"timezone() argument 1 must be datetime.timedelta, not {_argtn(offset)}")
        if name is _NA:
            name = None
            if not offset:
                return timezone.utc
        elif not isinstance(name, str):
            raise TypeError(f"timezone() argument 2 must be str, not {_argtn(name)}")
        d = offset._days
        if d < -1 or d >= 1 or (d == -1 and offset._seconds == 0 and offset._microseconds < 1):
            raise ValueError("offset must be a timedelta strictly between "
                             "-timedelta(hours=24) and timedelta(hours=24), "
                             f"not {offset!r}.")
        return _timezone(offset, name, cls)

    def utcoffset(self, dt):
        _tz_arg(dt, 'utcoffset')
        return self._offset

    def dst(self, dt):
        _tz_arg(dt, 'dst')
        return None

    def tzname(self, dt):
        _tz_arg(dt, 'tzname')
        return self._str()

    def _str(self):
        if self._name is not None:
            return self._name
        off = self._offset
        if self is _UTC or not off:
            return 'UTC'
        return 'UTC' + _format_offset(off, ':')

    def __str__(self):
        return self._str()

    def fromutc(self, dt):
        if not isinstance(dt, datetime):
            raise TypeError("fromutc: argument must be a datetime")
        if dt._tzinfo is not self:
            raise ValueError("fromutc: dt.tzinfo is not self")
        return dt + self._offset

    def __repr__(self):
        if self is _UTC:
            return f'{_tn(self)}.utc'
        if self._name is None:
            return f'{_tn(self)}({self._offset!r})'
        return f'{_tn(self)}({self._offset!r}, {self._name!r})'

    def __eq__(self, other):
        if isinstance(other, timezone):
            return self._offset == other._offset
        return NotImplemented

    def __ne__(self, other):
        if isinstance(other, timezone):
            return self._offset != other._offset
        return NotImplemented

    def __hash__(self):
        return hash(self._offset)

    def __lt__(self, other):
        _cmperr('<', self, other)

    def __le__(self, other):
        _cmperr('<=', self, other)

    def __gt__(self, other):
        _cmperr('>', self, other)

    def __ge__(self, other):
        _cmperr('>=', self, other)

    def __getinitargs__(self):
        return (self._offset,) if self._name is None else (self._offset, self._name)

    def __reduce__(self):
        return (type(self), self.__getinitargs__())


def _timezone(offset, name, cls=timezone):
    self = object.__new__(cls)
    self._offset = offset
    self._name = name
    return self


_UTC = _timezone(_td(0, 0, 0), None)
timezone.utc = _UTC
timezone.min = _timezone(_td(-1, 60, 0), None)
timezone.max = _timezone(_td(0, 86340, 0), None)
UTC = _UTC


# ---------------------------------------------------------------- time

def _time_obj(cls, h, mi, s, us, tz, fold):
    if cls is time:
        self = object.__new__(time)
        self._hour = h
        self._minute = mi
        self._second = s
        self._microsecond = us
        self._tzinfo = tz
        self._fold = fold
        return self
    return cls(h, mi, s, us, tz, fold=fold)


@_comparisons
class time:
    """A time of day: hour, minute, second, microsecond, tzinfo and fold."""

    def __new__(cls, hour=0, minute=0, second=0, microsecond=0, tzinfo=None, *, fold=0):
        hour, minute, second, microsecond, fold = _check_time(
            hour, minute, second, microsecond, fold)
        if tzinfo is not None:
            _check_tzinfo(tzinfo)
        self = object.__new__(cls)
        self._hour = hour
        self._minute = minute
        self._second = second
        self._microsecond = microsecond
        self._tzinfo = tzinfo
        self._fold = fold
        return self

    hour = _field('_hour', 'datetime.time')
    minute = _field('_minute', 'datetime.time')
    second = _field('_second', 'datetime.time')
    microsecond = _field('_microsecond', 'datetime.time')
    tzinfo = _field('_tzinfo', 'datetime.time')
    fold = _field('_fold', 'datetime.time')

    @classmethod
    def fromisoformat(cls, s):
        if not isinstance(s, str):
            raise TypeError("fromisoformat: argument must be str")
        p = _IsoParser(s)
        start = 1 if p.s[0] == 'T' else 0
        r = p.time(start, p.n)
        if r is None:
            raise ValueError(f"Invalid isoformat string: {s!r}")
        h, mi, sec, us, tz = r
        h, mi, sec, us, f = _check_time(h, mi, sec, us, 0)
        return _time_obj(cls, h, mi, sec, us, tz, 0)

    def utcoffset(self):
        if self._tzinfo is None:
            return None
        return _check_offset(self._tzinfo.utcoffset(None), 'utcoffset')

    def dst(self):
        if self._tzinfo is None:
            return None
        return _check_offset(self._tzinfo.dst(None), 'dst')

    def tzname(self):
        return _call_tzname(self._tzinfo, None)

    def __repr__(self):
        h, m, s, us = self._hour, self._minute, self._second, self._microsecond
        if us:
            r = f"{_tn(self)}({h}, {m}, {s}, {us}"
        elif s:
            r = f"{_tn(self)}({h}, {m}, {s}"
        else:
            r = f"{_tn(self)}({h}, {m}"
        if self._tzinfo is not None:
            r += f", tzinfo={self._tzinfo!r}"
        if self._fold:
            r += ", fold=1"
        return r + ")"

    def isoformat(self, timespec='auto'):
        s = _format_time(self._hour, self._minute, self._second, self._microsecond,
                         timespec, 1)
        if self._tzinfo is not None:
            s += _format_offset(self.utcoffset(), ':')
        return s

    def __str__(self):
        return self.isoformat()

    def strftime(self, format):
        tt = (1900, 1, 1, self._hour, self._minute, self._second, 0, 1, -1)
        return _wrap_strftime(self, format, tt, None)

    def __format__(self, fmt):
        if not isinstance(fmt, str):
            raise TypeError(f"__format__() argument 1 must be str, not {_argtn(fmt)}")
        if fmt:
            return self.strftime(fmt)
        return str(self)

    def replace(self, hour=_NA, minute=_NA, second=_NA, microsecond=_NA, tzinfo=_NA,
                *, fold=_NA):
        h = self._hour if hour is _NA else hour
        mi = self._minute if minute is _NA else minute
        s = self._second if second is _NA else second
        us = self._microsecond if microsecond is _NA else microsecond
        tz = self._tzinfo if tzinfo is _NA else tzinfo
        f = self._fold if fold is _NA else fold
        h, mi, s, us, f = _check_time(h, mi, s, us, f)
        _check_tzinfo(tz)
        return _time_obj(type(self), h, mi, s, us, tz, f)

    def _compare(self, other, op):
        if not isinstance(other, time):
            return _no_compare(self, other, op)
        a = (self._hour, self._minute, self._second, self._microsecond)
        b = (other._hour, other._minute, other._second, other._microsecond)
        if self._tzinfo is not other._tzinfo:
            o1, o2 = self.utcoffset(), other.utcoffset()
            if not (o1 == o2):
                if o1 is None or o2 is None:
                    if op == '==' or op == '!=':
                        return op == '!='
                    raise TypeError("can't compare offset-naive and offset-aware times")
                # Both aware: compare in UTC (whole seconds of the offsets, as C's).
                a = (a[0] * 3600 + a[1] * 60 + a[2] - o1._days * 86400 - o1._seconds, a[3])
                b = (b[0] * 3600 + b[1] * 60 + b[2] - o2._days * 86400 - o2._seconds, b[3])
        return _OPS[op](_cmp3(a, b))

    def __hash__(self):
        t = self
        if self._fold:
            t = self.replace(fold=0)
        off = t.utcoffset()
        if not off:
            return hash((t._hour, t._minute, t._second, t._microsecond))
        h, m = divmod(t._hour * 60 + t._minute - off // _td(0, 60, 0), 60)
        if 0 <= h < 24:
            return hash((h, m, t._second, t._microsecond))
        return hash((h, m, t._second, t._microsecond, 'x'))

    def __bool__(self):
        return True

    def __add__(self, other):
        if _builtin(other) or isinstance(other, (timedelta, date, time)):
            _binop('+', self, other)
        return NotImplemented

    def __radd__(self, other):
        _binop('+', other, self)

    def __sub__(self, other):
        if _builtin(other) or isinstance(other, (timedelta, date, time)):
            _binop('-', self, other)
        return NotImplemented

    def __rsub__(self, other):
        _binop('-', other, self)

    def __reduce__(self):
        return (type(self), (self._hour, self._minute, self._second,
                             self._microsecond, self._tzinfo))


time.min = _time_obj(time, 0, 0, 0, 0, None, 0)
time.max = _time_obj(time, 23, 59, 59, 999999, None, 0)
time.resolution = _td(0, 0, 1)


# ---------------------------------------------------------------- datetime

def _dt(cls, y, m, d, hh, mi, ss, us, tz, fold):
    """A `cls` instance for checked fields (the constructor for subclasses)."""
    if cls is datetime:
        self = object.__new__(datetime)
        self._year = y
        self._month = m
        self._day = d
        self._hour = hh
        self._minute = mi
        self._second = ss
        self._microsecond = us
        self._tzinfo = tz
        self._fold = fold
        return self
    if fold:
        return cls(y, m, d, hh, mi, ss, us, tz, fold=fold)
    return cls(y, m, d, hh, mi, ss, us, tz)


def _utc_to_seconds(y, m, d, hh, mi, ss):
    if y < 1 or y > 9999:
        raise ValueError(f"year {y} is out of range")
    return ((_ymd2ord(y, m, d) * 24 + hh) * 60 + mi) * 60 + ss


def _local(u):
    """The local wall time (seconds since 0001-01-01) at UTC time u."""
    tm = _localtime(u - _EPOCH_SECONDS)
    return _utc_to_seconds(tm[0], tm[1], tm[2], tm[3], tm[4], tm[5])


def _local_to_seconds(y, m, d, hh, mi, ss, fold):
    """Solve local(u) == t for u: C's local_to_seconds (gaps and folds included)."""
    t = _utc_to_seconds(y, m, d, hh, mi, ss)
    a = _local(t) - t
    u1 = t - a
    t1 = _local(u1)
    if t1 == t:
        u2 = u1 + _MAX_FOLD_SECONDS if fold else u1 - _MAX_FOLD_SECONDS
        b = _local(u2) - u2
        if a == b:
            return u1
    else:
        b = t1 - u1
    u2 = t - b
    t2 = _local(u2)
    if t2 == t:
        return u2
    if t1 == t:
        return u1
    return min(u1, u2) if fold else max(u1, u2)


def _local_timezone(ts):
    """The local zone at timestamp ts, as a fixed-offset timezone with its name."""
    tm = _localtime(ts)
    return _timezone(_td_from_us(tm[10] * 1000000), tm[9])


def _from_timet_us(cls, timet, us, tz, local):
    tm = _localtime(timet) if local else _time.gmtime(timet)
    y, m, d, hh, mi, ss = tm[0], tm[1], tm[2], tm[3], tm[4], tm[5]
    if ss > 59:
        ss = 59
    fold = 0
    if local and tz is None:
        # A fold: the same wall time came max_fold_seconds earlier with another offset.
        result = _utc_to_seconds(y, m, d, hh, mi, ss)
        probe = _local(_EPOCH_SECONDS + timet - _MAX_FOLD_SECONDS)
        trans = result - probe - _MAX_FOLD_SECONDS
        if trans < 0:
            if _local(_EPOCH_SECONDS + timet + trans) == result:
                fold = 1
    if y < 1 or y > 9999:
        raise ValueError(f"year {y} is out of range")
    return _dt(cls, y, m, d, hh, mi, ss, us, tz, fold)


def _normalize(y, m, d, hh, mi, ss, us):
    """Carry overflowing fields into the larger ones (d may be any int)."""
    if us < 0 or us > 999999:
        c, us = divmod(us, 1000000)
        ss += c
    if ss < 0 or ss > 59:
        c, ss = divmod(ss, 60)
        mi += c
    if mi < 0 or mi > 59:
        c, mi = divmod(mi, 60)
        hh += c
    if hh < 0 or hh > 23:
        c, hh = divmod(hh, 24)
        d += c
    if d < 1 or d > 28:
        if d < 1 or d > _days_in_month(y, m):
            n = _ymd2ord(y, m, 1) + d - 1
            if n < 1 or n > _MAXORDINAL:
                raise OverflowError("date value out of range")
            y, m, d = _ord2ymd(n)
    return y, m, d, hh, mi, ss, us


class datetime(date):
    """A date with a time of day: date fields plus time fields, tzinfo and fold."""

    def __new__(cls, year=_NA, month=_NA, day=_NA, hour=0, minute=0, second=0,
                microsecond=0, tzinfo=None, *, fold=0):
        if day is _NA:
            _missing(*(('year', 1) if year is _NA else ('month', 2) if month is _NA
                       else ('day', 3)))
        year, month, day = _check_date(year, month, day)
        hour, minute, second, microsecond, fold = _check_time(
            hour, minute, second, microsecond, fold)
        if tzinfo is not None and not isinstance(tzinfo, _tzinfo_cls):
            _check_tzinfo(tzinfo)
        self = object.__new__(cls)
        self._year = year
        self._month = month
        self._day = day
        self._hour = hour
        self._minute = minute
        self._second = second
        self._microsecond = microsecond
        self._tzinfo = tzinfo
        self._fold = fold
        return self

    hour = _field('_hour', 'datetime.datetime')
    minute = _field('_minute', 'datetime.datetime')
    second = _field('_second', 'datetime.datetime')
    microsecond = _field('_microsecond', 'datetime.datetime')
    tzinfo = _field('_tzinfo', 'datetime.datetime')
    fold = _field('_fold', 'datetime.datetime')

    # Alternate constructors.
    @classmethod
    def fromtimestamp(cls, t, tz=None):
        _check_tzinfo(tz)
        timet, us = _timestamp_to_timeval(t)
        result = _from_timet_us(cls, timet, us, tz, tz is None)
        if tz is not None:
            result = tz.fromutc(result)
        return result

    @classmethod
    def utcfromtimestamp(cls, t):
        timet, us = _timestamp_to_timeval(t)
        return _from_timet_us(cls, timet, us, None, False)

    @classmethod
    def now(cls, tz=None):
        _check_tzinfo(tz)
        timet, ns = divmod(_timemod.time_ns(), 1000000000)
        result = _from_timet_us(cls, timet, ns // 1000, tz, tz is None)
        if tz is not None:
            result = tz.fromutc(result)
        return result

    @classmethod
    def utcnow(cls):
        timet, ns = divmod(_timemod.time_ns(), 1000000000)
        return _from_timet_us(cls, timet, ns // 1000, None, False)

    @classmethod
    def combine(cls, date, time, tzinfo=_NA):
        if not isinstance(date, _date_cls):
            raise TypeError(f"combine() argument 1 must be datetime.date, not {_argtn(date)}")
        if not isinstance(time, _time_cls):
            raise TypeError(f"combine() argument 2 must be datetime.time, not {_argtn(time)}")
        if tzinfo is _NA:
            tzinfo = time._tzinfo
        else:
            _check_tzinfo(tzinfo)
        return _dt(cls, date._year, date._month, date._day, time._hour, time._minute,
                   time._second, time._microsecond, tzinfo, time._fold)

    @classmethod
    def fromisoformat(cls, s):
        if not isinstance(s, str):
            raise TypeError("fromisoformat: argument must be str")
        n = len(s)
        if ((n == 19 or n == 26) and s[4] == '-' and s[7] == '-' and s[13] == ':'
                and s[16] == ':' and (n == 19 or s[19] == '.') and s.isascii()
                and (s[:4] + s[5:7] + s[8:10] + s[11:13] + s[14:16] + s[17:19]
                     + s[20:]).isdigit()):
            # The usual YYYY-MM-DDTHH:MM:SS[.ffffff], as the full parser reads it.
            y, m, d = _check_date(int(s[:4]), int(s[5:7]), int(s[8:10]))
            hh, mi, ss, us, f = _check_time(int(s[11:13]), int(s[14:16]), int(s[17:19]),
                                            int(s[20:]) if n == 26 else 0, 0)
            return _dt(cls, y, m, d, hh, mi, ss, us, None, 0)
        p = _IsoParser(s)
        sep = p.separator()
        ymd = p.date(sep)
        r = (0, 0, 0, 0, None)
        if ymd is not None and p.n > sep:
            r = p.time(sep + 1, p.n)
        if ymd is None or r is None:
            raise ValueError(f"Invalid isoformat string: {s!r}")
        y, m, d = _check_date(*ymd)
        h, mi, sec, us, tz = r
        h, mi, sec, us, f = _check_time(h, mi, sec, us, 0)
        return _dt(cls, y, m, d, h, mi, sec, us, tz, 0)

    @classmethod
    def strptime(cls, *args):
        if len(args) != 2:
            raise TypeError(f"strptime() takes exactly 2 arguments ({len(args)} given)")
        s, fmt = args
        if not isinstance(s, str):
            raise TypeError(f"strptime() argument 1 must be str, not {_argtn(s)}")
        if not isinstance(fmt, str):
            raise TypeError(f"strptime() argument 2 must be str, not {_argtn(fmt)}")
        from _strptime import _strptime
        tt, fraction, gmtoff_fraction = _strptime(s, fmt)
        tzname, gmtoff = tt[-2:]
        a = tt[:6] + (fraction,)
        if gmtoff is not None:
            delta = timedelta(seconds=gmtoff, microseconds=gmtoff_fraction)
            a += (timezone(delta, tzname) if tzname else timezone(delta),)
        return cls(*a)

    # Components.
    def date(self):
        return _date(self._year, self._month, self._day)

    def time(self):
        return _time_obj(_time_cls, self._hour, self._minute, self._second,
                         self._microsecond, None, self._fold)

    def timetz(self):
        return _time_obj(_time_cls, self._hour, self._minute, self._second,
                         self._microsecond, self._tzinfo, self._fold)

    def replace(self, year=_NA, month=_NA, day=_NA, hour=_NA, minute=_NA, second=_NA,
                microsecond=_NA, tzinfo=_NA, *, fold=_NA):
        y, m, d = _check_date(self._year if year is _NA else year,
                              self._month if month is _NA else month,
                              self._day if day is _NA else day)
        hh, mi, ss, us, f = _check_time(
            self._hour if hour is _NA else hour,
            self._minute if minute is _NA else minute,
            self._second if second is _NA else second,
            self._microsecond if microsecond is _NA else microsecond,
            self._fold if fold is _NA else fold)
        tz = self._tzinfo if tzinfo is _NA else tzinfo
        _check_tzinfo(tz)
        return _dt(type(self), y, m, d, hh, mi, ss, us, tz, f)

    def utcoffset(self):
        if self._tzinfo is None:
            return None
        return _check_offset(self._tzinfo.utcoffset(self), 'utcoffset')

    def dst(self):
        if self._tzinfo is None:
            return None
        return _check_offset(self._tzinfo.dst(self), 'dst')

    def tzname(self):
        return _call_tzname(self._tzinfo, self)

    def _local_seconds(self):
        return _local_to_seconds(self._year, self._month, self._day, self._hour,
                                 self._minute, self._second, self._fold)

    def timestamp(self):
        if self._tzinfo is None:
            return (self._local_seconds() - _EPOCH_SECONDS) + self._microsecond / 1e6
        return (self - _EPOCH).total_seconds()

    def astimezone(self, tz=None):
        _check_tzinfo(tz)
        own = self._tzinfo
        if own is None:
            own = _local_timezone(self._local_seconds() - _EPOCH_SECONDS)
        if own is tz:
            return self
        off = _check_offset(own.utcoffset(self), 'utcoffset')
        if off is None:
            own = _local_timezone(self._local_seconds() - _EPOCH_SECONDS)
            if own is tz:
                return self
            off = own.utcoffset(self)
        u = self - off
        u = _dt(type(u), u._year, u._month, u._day, u._hour, u._minute, u._second,
                u._microsecond, None, 0)
        if tz is None:
            tz = _local_timezone((u - _EPOCH_NAIVE) // _td(0, 1, 0))
        u._tzinfo = tz
        return tz.fromutc(u)

    def timetuple(self):
        dst = -1
        if self._tzinfo is not None:
            off = self.dst()
            if off is not None:
                dst = 1 if off else 0
        return _timemod.struct_time(self._tt(self._hour, self._minute, self._second, dst))

    def utctimetuple(self):
        u = self
        if self._tzinfo is not None:
            off = self.utcoffset()
            if off is not None:
                u = self - off
        return _timemod.struct_time(u._tt(u._hour, u._minute, u._second, 0))

    def __repr__(self):
        r = f"{_tn(self)}({self._year}, {self._month}, {self._day}, {self._hour}, {self._minute}"
        if self._microsecond:
            r += f", {self._second}, {self._microsecond}"
        elif self._second:
            r += f", {self._second}"
        if self._fold:
            r += ", fold=1"
        if self._tzinfo is not None:
            r += f", tzinfo={self._tzinfo!r}"
        return r + ")"

    def isoformat(self, sep='T', timespec='auto'):
        if not isinstance(sep, str) or len(sep) != 1:
            what = 'str' if isinstance(sep, str) else _argtn(sep)
            raise TypeError(f"isoformat() argument 1 must be a unicode character, not {what}")
        s = (f"{self._year:04d}-{self._month:02d}-{self._day:02d}{sep}"
             + _format_time(self._hour, self._minute, self._second, self._microsecond,
                            timespec, 2))
        if self._tzinfo is not None:
            s += _format_offset(self.utcoffset(), ':')
        return s

    def __str__(self):
        return self.isoformat(' ')

    def ctime(self):
        wd = (_ymd2ord(self._year, self._month, self._day) + 6) % 7
        return (f"{_DAYNAMES[wd]} {_MONTHNAMES[self._month]} {self._day:2d} "
                f"{self._hour:02d}:{self._minute:02d}:{self._second:02d} {self._year:04d}")

    def strftime(self, format):
        if not isinstance(format, str):
            raise TypeError(f"strftime() argument 1 must be str, not {_argtn(format)}")
        if self._tzinfo is None and type(self) is datetime:
            tt = self._tt(self._hour, self._minute, self._second)
        else:
            tt = tuple(self.timetuple())        # as C's, which calls timetuple()
        return _wrap_strftime(self, format, tt, self)

    # Comparisons: naive with naive, aware with aware (by UTC time).
    def _compare(self, other, op):
        if not isinstance(other, datetime):
            if isinstance(other, date):
                if op == '==' or op == '!=':
                    return op == '!='
                raise TypeError("can't compare datetime.datetime to datetime.date")
            return _no_compare(self, other, op)
        a = (self._year, self._month, self._day, self._hour, self._minute,
             self._second, self._microsecond)
        b = (other._year, other._month, other._day, other._hour, other._minute,
             other._second, other._microsecond)
        eq = op == '==' or op == '!='
        if self._tzinfo is not other._tzinfo:
            o1, o2 = self.utcoffset(), other.utcoffset()
            if (o1 is None) != (o2 is None):
                if eq:
                    return op == '!='
                raise TypeError("can't compare offset-naive and offset-aware datetimes")
            if o1 is not None and not (o1 == o2):
                diff = self - other
                a, b = (diff._days, diff._seconds, diff._microseconds), (0, 0, 0)
            if eq and a == b and _pep495(self, other, o1, o2):
                return op == '!='       # (in a fold or gap: never equal across zones)
        return _OPS[op](_cmp3(a, b))

    def __lt__(self, other):
        if type(other) is datetime and self._tzinfo is other._tzinfo:
            return ((self._year, self._month, self._day, self._hour, self._minute,
                     self._second, self._microsecond)
                    < (other._year, other._month, other._day, other._hour, other._minute,
                       other._second, other._microsecond))
        return self._compare(other, '<')

    def __gt__(self, other):
        if type(other) is datetime and self._tzinfo is other._tzinfo:
            return ((self._year, self._month, self._day, self._hour, self._minute,
                     self._second, self._microsecond)
                    > (other._year, other._month, other._day, other._hour, other._minute,
                       other._second, other._microsecond))
        return self._compare(other, '>')

    def __hash__(self):
        t = self
        if self._fold:
            t = self.replace(fold=0)
        off = t.utcoffset()
        if off is None:
            return hash((t._year, t._month, t._day, t._hour, t._minute, t._second,
                         t._microsecond))
        days = _ymd2ord(t._year, t._month, t._day)
        secs = t._hour * 3600 + t._minute * 60 + t._second
        return hash(timedelta(days, secs, t._microsecond) - off)

    # Arithmetic.
    def _add(self, td, sign):
        y, m, d, hh, mi, ss, us = _normalize(
            self._year, self._month, self._day + sign * td._days, self._hour,
            self._minute, self._second + sign * td._seconds,
            self._microsecond + sign * td._microseconds)
        return _dt(type(self), y, m, d, hh, mi, ss, us, self._tzinfo, 0)

    def __add__(self, other):
        if isinstance(other, timedelta):
            return self._add(other, 1)
        if _builtin(other) or isinstance(other, date):
            _binop('+', self, other)
        return NotImplemented

    def __radd__(self, other):
        if isinstance(other, timedelta):
            return self._add(other, 1)
        _binop('+', other, self)

    def __sub__(self, other):
        if isinstance(other, datetime):
            o1 = o2 = None
            if self._tzinfo is not other._tzinfo:
                o1, o2 = self.utcoffset(), other.utcoffset()
                if (o1 is None) != (o2 is None):
                    raise TypeError("can't subtract offset-naive and offset-aware datetimes")
            days = (_ymd2ord(self._year, self._month, self._day)
                    - _ymd2ord(other._year, other._month, other._day))
            secs = ((self._hour - other._hour) * 3600 + (self._minute - other._minute) * 60
                    + self._second - other._second)
            us = ((days * 86400 + secs) * 1000000 + self._microsecond - other._microsecond)
            if o1 is not None and not (o1 == o2):
                us -= o1._us() - o2._us()
            return _td_from_us(us)
        if isinstance(other, timedelta):
            return self._add(other, -1)
        if _builtin(other) or isinstance(other, date):
            _binop('-', self, other)
        return NotImplemented

    def __rsub__(self, other):
        _binop('-', other, self)

    def __reduce__(self):
        return (type(self), (self._year, self._month, self._day, self._hour,
                             self._minute, self._second, self._microsecond,
                             self._tzinfo))


def _flip_offset(dt):
    tz = dt._tzinfo
    if tz is None or type(tz) is timezone:
        return None, False
    flip = _dt(datetime, dt._year, dt._month, dt._day, dt._hour, dt._minute, dt._second,
               dt._microsecond, tz, 1 - dt._fold)
    return flip.utcoffset(), True


def _pep495(a, b, o1, o2):
    """PEP 495: datetimes in a fold or gap never compare equal across zones."""
    f, real = _flip_offset(a)
    if real and f != o1:
        return True
    f, real = _flip_offset(b)
    return real and f != o2


def _copy(self):
    """copy.copy(): a new object with the same fields (CPython's copies by pickling)."""
    if self is _UTC:
        return self
    new = object.__new__(type(self))
    new.__dict__.update(self.__dict__)
    return new


def _deepcopy(self, memo):
    if self is _UTC:
        return self
    import copy
    new = object.__new__(type(self))
    memo[id(self)] = new
    for k, v in self.__dict__.items():
        new.__dict__[k] = copy.deepcopy(v, memo)
    return new


for _cls in (timedelta, date, time, timezone):
    _cls.__copy__ = _copy
    _cls.__deepcopy__ = _deepcopy
del _cls

_date_cls = date
_time_cls = time
_tzinfo_cls = tzinfo

datetime.min = _dt(datetime, 1, 1, 1, 0, 0, 0, 0, None, 0)
datetime.max = _dt(datetime, 9999, 12, 31, 23, 59, 59, 999999, None, 0)
datetime.resolution = _td(0, 0, 1)

_EPOCH = _dt(datetime, 1970, 1, 1, 0, 0, 0, 0, _UTC, 0)
_EPOCH_NAIVE = _dt(datetime, 1970, 1, 1, 0, 0, 0, 0, None, 0)

_TPNAMES = {timedelta: 'datetime.timedelta', date: 'datetime.date',
            time: 'datetime.time', datetime: 'datetime.datetime',
            tzinfo: 'datetime.tzinfo', timezone: 'datetime.timezone',
            _IsoCalendarDate: 'datetime.IsoCalendarDate'}


# ---------------------------------------------------------------- ISO 8601 parsing

def _utf8_len(c):
    o = ord(c)
    return 1 if o < 0x80 else 2 if o < 0x800 else 3 if o < 0x10000 else 4


class _IsoParser:
    """CPython's C parser for fromisoformat(), which reads a NUL-terminated
    UTF-8 buffer: positions count bytes, and reading past the end sees NULs."""

    def __init__(self, s):
        if not s.isascii():
            s = ''.join(c if ord(c) < 128 else '\x80' * _utf8_len(c) for c in s)
        self.n = len(s)
        self.s = s + '\0' * 16

    def digits(self, p, count):
        """(value, new position) of `count` ASCII digits at p, or None."""
        s = self.s
        v = 0
        for i in range(p, p + count):
            c = s[i]
            if c < '0' or c > '9':
                return None
            v = v * 10 + ord(c) - 48
        return v, p + count

    def separator(self):
        """Where the date ends in a datetime string (C's guess)."""
        s, n = self.s, self.n
        if n == 7:
            return 7
        if s[4] == '-':
            if s[5] == 'W':
                if n < 8:
                    return -1
                if n > 8 and s[8] == '-':
                    if n == 9:
                        return -1
                    if n > 10 and '0' <= s[10] <= '9':
                        return 8
                    return 10
                return 8
            return 10
        if s[4] == 'W':
            i = 7
            while i < n and '0' <= s[i] <= '9':
                i += 1
            if i < 9:
                return i
            return 7 if i % 2 == 0 else 8
        return 8

    def date(self, length):
        """(y, m, d) from the date at the start, or None."""
        if length < 0:
            return None
        r = self.digits(0, 4)
        if r is None:
            return None
        year, p = r
        s = self.s
        sep = s[p] == '-'
        if sep:
            p += 1
        if s[p] == 'W':
            r = self.digits(p + 1, 2)
            if r is None:
                return None
            week, p = r
            day = 1
            if p < length:
                if sep:
                    if s[p] != '-':
                        return None
                    p += 1
                r = self.digits(p, 1)
                if r is None:
                    return None
                day = r[0]
            r = _iso_to_ymd(year, week, day)
            return None if type(r) is int else r
        r = self.digits(p, 2)
        if r is None:
            return None
        month, p = r
        if sep:
            if s[p] != '-':
                return None
            p += 1
        r = self.digits(p, 2)
        if r is None:
            return None
        return year, month, r[0]

    def hms(self, p, end):
        """C's parse_hh_mm_ss_ff: (code, [h, m, s, us]); code < 0 on error, 1 when
        something other than the end of the string follows."""
        s = self.s
        vals = [0, 0, 0, 0]
        has_sep = True
        for i in range(3):
            r = self.digits(p, 2)
            if r is None:
                return -3, vals
            vals[i], p = r
            c = s[p]
            p += 1
            if i == 0:
                has_sep = c == ':'
            if p >= end:
                return (1 if c != '\0' else 0), vals
            if has_sep and c == ':':
                continue
            if c == '.' or c == ',':
                break
            if not has_sep:
                p -= 1
            else:
                return -4, vals
        count = min(end - p, 6)
        if count <= 0:
            return -3, vals     # (C reads out of bounds here; CPython rejects it)
        r = self.digits(p, count)
        if r is None:
            return -3, vals
        vals[3], p = r
        vals[3] *= (1, 100000, 10000, 1000, 100, 10, 1)[count]
        while '0' <= s[p] <= '9':
            p += 1
        return (1 if s[p] != '\0' else 0), vals

    def time(self, start, end):
        """(h, m, s, us, tzinfo) from the time at `start`, or None."""
        s = self.s
        tzpos = start
        while True:
            if s[tzpos] in 'Z+-':
                break
            tzpos += 1
            if tzpos >= end:
                break
        rv, vals = self.hms(start, tzpos)
        if rv < 0:
            return None
        if tzpos >= end:
            if rv == 1:
                return None
            return vals[0], vals[1], vals[2], vals[3], None
        if s[tzpos] == 'Z':
            if s[tzpos + 1] != '\0':
                return None
            return vals[0], vals[1], vals[2], vals[3], _UTC
        sign = -1 if s[tzpos] == '-' else 1
        rv, tz = self.hms(tzpos + 1, end)
        if rv:
            return None
        off = sign * (tz[0] * 3600 + tz[1] * 60 + tz[2])
        if off == 0:
            tzinfo = _UTC
        else:
            tzinfo = timezone(_td_from_us(off * 1000000 + sign * tz[3]))
        return vals[0], vals[1], vals[2], vals[3], tzinfo
