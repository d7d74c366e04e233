# The time module: the clocks, sleep and the C library's calendar conversions are
# native (_time, src/modules/time.rs); struct_time and the checks CPython makes on
# time tuples are here.
from _time import (time, time_ns, monotonic, monotonic_ns, perf_counter,
                   perf_counter_ns, process_time, process_time_ns, sleep,
                   timezone, altzone, daylight, tzname)
import _time

_FIELDS = ('tm_year', 'tm_mon', 'tm_mday', 'tm_hour', 'tm_min', 'tm_sec',
           'tm_wday', 'tm_yday', 'tm_isdst')
_DAYS = ('Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun')
_MONTHS = ('Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct',
           'Nov', 'Dec')


class struct_time:
    """The time value sequence that gmtime(), localtime() and strptime() return:
    nine fields by position or by name, plus tm_zone and tm_gmtoff by name."""

    n_sequence_fields = 9
    n_fields = 11
    n_unnamed_fields = 0

    def __init__(self, seq):
        values = tuple(seq)
        if not 9 <= len(values) <= 11:
            size = "at least" if len(values) < 9 else "at most"
            count = 9 if len(values) < 9 else 11
            raise TypeError(f"time.struct_time() takes an {size} {count}-sequence "
                            f"({len(values)}-sequence given)")
        object.__setattr__(self, '_values', values[:9])
        object.__setattr__(self, 'tm_zone', values[9] if len(values) > 9 else None)
        object.__setattr__(self, 'tm_gmtoff', values[10] if len(values) > 10 else None)

    def __getattr__(self, name):
        if name in _FIELDS:
            return self._values[_FIELDS.index(name)]
        raise AttributeError(f"'time.struct_time' object has no attribute '{name}'")

    def __setattr__(self, name, value):
        raise AttributeError("readonly attribute")

    def __getitem__(self, index):
        return self._values[index]

    def __len__(self):
        return 9

    def __iter__(self):
        return iter(self._values)

    def __contains__(self, value):
        return value in self._values

    def __eq__(self, other):
        if isinstance(other, struct_time):
            other = other._values
        return self._values == other

    def __ne__(self, other):
        return not self == other

    def __lt__(self, other):
        return self._values < _as_tuple(other)

    def __le__(self, other):
        return self._values <= _as_tuple(other)

    def __gt__(self, other):
        return self._values > _as_tuple(other)

    def __ge__(self, other):
        return self._values >= _as_tuple(other)

    def __hash__(self):
        return hash(self._values)

    def __add__(self, other):
        return self._values + _as_tuple(other)

    def count(self, value):
        return self._values.count(value)

    def index(self, value, *args):
        return self._values.index(value, *args)

    def __repr__(self):
        fields = ', '.join(f'{name}={value!r}' for name, value in zip(_FIELDS, self._values))
        return f'time.struct_time({fields})'

    def __reduce__(self):
        return (struct_time, (self._values, {'tm_zone': self.tm_zone,
                                             'tm_gmtoff': self.tm_gmtoff}))


def _as_tuple(value):
    return value._values if isinstance(value, struct_time) else value


def localtime(seconds=None):
    """The local time for `seconds` since the epoch (now when None)."""
    return struct_time(_time.localtime(seconds))


def gmtime(seconds=None):
    """The UTC time for `seconds` since the epoch (now when None)."""
    return struct_time(_time.gmtime(seconds))


def _time_tuple(t, who):
    """The nine fields of a struct_time or 9-tuple, with CPython's TypeErrors."""
    if isinstance(t, struct_time):
        return list(t._values), t.tm_zone, t.tm_gmtoff
    if not isinstance(t, tuple):
        raise TypeError("Tuple or struct_time argument required")
    if len(t) != 9:
        raise TypeError(f"{who}(): illegal time tuple argument")
    return list(t), None, None


def _checked(t, who):
    """The fields of `t`, checked and normalized as CPython's strftime and asctime
    check them (0 stands for the first month, day of the month and day of the year;
    the DST flag is clamped to -1..1)."""
    fields, zone, gmtoff = _time_tuple(t, who)
    year, mon, mday, hour, minute, sec, wday, yday, isdst = fields
    if mon == 0:
        mon = 1
    if mday == 0:
        mday = 1
    if yday == 0:
        yday = 1
    if not 1 <= mon <= 12:
        raise ValueError("month out of range")
    if not 1 <= mday <= 31:
        raise ValueError("day of month out of range")
    if not 0 <= hour <= 23:
        raise ValueError("hour out of range")
    if not 0 <= minute <= 59:
        raise ValueError("minute out of range")
    if not 0 <= sec <= 61:
        raise ValueError("seconds out of range")
    if wday < 0:
        raise ValueError("day of week out of range")
    if not 1 <= yday <= 366:
        raise ValueError("day of year out of range")
    isdst = max(-1, min(1, isdst))
    return [year, mon, mday, hour, minute, sec, wday % 7, yday, isdst], zone, gmtoff


_NOW = object()


def strftime(format, t=_NOW):
    """`t` (a struct_time or 9-tuple; the local time now when absent) formatted as
    C's strftime formats it."""
    if not isinstance(format, str):
        raise TypeError(f"strftime() argument 1 must be str, not {type(format).__name__}")
    if t is _NOW:
        t = localtime()
    fields, zone, gmtoff = _checked(t, 'strftime')
    return _time.strftime(format, *fields, zone, gmtoff)


def asctime(t=_NOW):
    """`t` (the local time now when absent) as 'Sun Jun 20 23:21:05 1993'."""
    if t is _NOW:
        t = localtime()
    fields = _checked(t, 'asctime')[0]
    year, mon, mday, hour, minute, sec, wday = fields[:7]
    return f'{_DAYS[wday]} {_MONTHS[mon - 1]} {mday:2d} {hour:02d}:{minute:02d}:{sec:02d} {year}'


def ctime(seconds=None):
    """The local time for `seconds` since the epoch, as asctime() shows it."""
    return asctime(localtime(seconds))


def mktime(t):
    """Seconds since the epoch for a local time (a struct_time or 9-tuple)."""
    fields = _time_tuple(t, 'mktime')[0]
    return _time.mktime(*fields)
