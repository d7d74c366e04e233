# _strptime: datetime.strptime's parser (CPython keeps it in a module of the same
# name): the format's directives become patterns matched with backtracking as
# CPython's regular expressions match them, and the fields found become a time
# tuple. Split out of stdlib/datetime.py, which imports it on first use.
import time as _timemod
from datetime import date, _is_leap, _DAYNAMES, _MONTHNAMES

# ---------------------------------------------------------------- strptime

def _alts(spec):
    """A directive's regex alternatives ('3[0-1]|[1-2]\\d|...') as lists of
    character tests: a string of allowed characters, or None for any digit."""
    out = []
    for alt in spec.split('|'):
        seq = []
        i = 0
        while i < len(alt):
            c = alt[i]
            if c == '[':
                seq.append(''.join(chr(k) for k in range(ord(alt[i + 1]), ord(alt[i + 3]) + 1)))
                i += 5
            elif c == '\\':
                seq.append(None)
                i += 2
            else:
                seq.append(c)
                i += 1
        out.append(seq)
    return out


# The regular expressions of CPython's _strptime, for the digit directives.
_DIGIT_REGEX = {
    'd': "3[0-1]|[1-2]\\d|0[1-9]|[1-9]| [1-9]",
    'H': "2[0-3]|[0-1]\\d|\\d",
    'I': "1[0-2]|0[1-9]|[1-9]",
    'G': "\\d\\d\\d\\d",
    'j': "36[0-6]|3[0-5]\\d|[1-2]\\d\\d|0[1-9]\\d|00[1-9]|[1-9]\\d|0[1-9]|[1-9]",
    'm': "1[0-2]|0[1-9]|[1-9]",
    'M': "[0-5]\\d|\\d",
    'S': "6[0-1]|[0-5]\\d|\\d",
    'U': "5[0-3]|[0-4]\\d|\\d",
    'W': "5[0-3]|[0-4]\\d|\\d",
    'w': "[0-6]",
    'u': "[1-7]",
    'V': "5[0-3]|0[1-9]|[1-4]\\d|\\d",
    'y': "\\d\\d",
    'Y': "\\d\\d\\d\\d",
}
_DIGIT_DIRECTIVES = {k: _alts(v) for k, v in _DIGIT_REGEX.items()}
_Z_REGEX = "[+-]\\d\\d:?[0-5]\\d(:?[0-5]\\d(\\.\\d{1,6})?)?|(?-i:Z)"     # (2 inner groups)

_F_WEEKDAYS = ('monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday',
               'sunday')
_F_MONTHS = ('', 'january', 'february', 'march', 'april', 'may', 'june', 'july',
             'august', 'september', 'october', 'november', 'december')


def _by_length(names):
    return sorted(names, key=len, reverse=True)


_NAME_DIRECTIVES = {
    'A': _by_length(_F_WEEKDAYS),
    'a': [d.lower() for d in _DAYNAMES],
    'B': _by_length(_F_MONTHS[1:]),
    'b': [m.lower() for m in _MONTHNAMES[1:]],
    'p': ['am', 'pm'],
}
_EXPANSIONS = {'c': '%a %b %d %H:%M:%S %Y', 'x': '%m/%d/%y', 'X': '%H:%M:%S'}
_REGEX_CHARS = '\\.^$*+?(){}[]|'        # what _strptime escapes in a format
_RE_ESCAPED = '()[]{}?*+-|^$\\.&~# \t\n\r\v\f'    # what re.escape escapes


_ZONES = {}


def _zone_names():
    """The names %Z matches: UTC, GMT and the local zone's, longest first."""
    key = (_timemod.tzname, _timemod.daylight)
    names = _ZONES.get(key)
    if names is None:
        names = {'utc', 'gmt', key[0][0].lower()}
        if key[1]:
            names.add(key[0][1].lower())
        names = _ZONES[key] = tuple(_by_length(sorted(names)))
    return names


_FORMATS = {}


class error(Exception):
    """re.error, which CPython's strptime lets out for a directive used twice."""

    __module__ = 're'

    def __init__(self, msg, pos):
        super().__init__(f"{msg} at position {pos}")
        self.msg = msg
        self.pos = pos


_ReError = error
del error


def _escaped_len(text, specials):
    return len(text) + sum(1 for c in text if c in specials)


def _group_len(k, zones):
    """The length of directive k's regex group, '(?P<k>...)'."""
    if k in _DIGIT_REGEX:
        body = len(_DIGIT_REGEX[k])
    elif k == 'f':
        body = len('[0-9]{1,6}')
    elif k == 'z':
        body = len(_Z_REGEX)
    else:
        names = zones if k == 'Z' else _NAME_DIRECTIVES[k]
        body = sum(_escaped_len(nm, _RE_ESCAPED) for nm in names) + len(names) - 1
    return 7 + body



def _compile(fmt, zones, state=None):
    """The format as tokens: ('lit', text), ('ws',) or ('dir', letter), with
    CPython's errors; `state` follows the regex CPython would build (its length,
    its groups) to report a directive used twice as re does."""
    if state is None:
        state = [0, 0, {}]
    tokens = []
    i, n = 0, len(fmt)
    lit = []
    while i < n:
        c = fmt[i]
        if c == '%':
            if i + 1 >= n:
                raise ValueError(f"stray % in format '{fmt}'")
            k = fmt[i + 1]
            if k.isspace() or k in _REGEX_CHARS:
                raise ValueError(f"'%' is a bad directive in format '{fmt}'")
            i += 2
            if k == '%':
                lit.append('%')
                state[0] += 1
                continue
            if lit:
                tokens.append(('lit', ''.join(lit)))
                lit = []
            if k in _EXPANSIONS:
                tokens.extend(_compile(_EXPANSIONS[k], zones, state))
                continue
            if not (k in _DIGIT_REGEX or k in _NAME_DIRECTIVES or k in 'fzZ'):
                raise ValueError(f"'{k}' is a bad directive in format '{fmt}'")
            state[1] += 1
            if k in state[2]:
                raise _ReError(f"redefinition of group name {k!r} as group {state[1]}; "
                               f"was group {state[2][k]}", state[0] + 4)
            state[2][k] = state[1]
            state[0] += _group_len(k, zones)
            if k == 'z':
                state[1] += 2
            tokens.append(('dir', k))
        elif c.isspace():
            if lit:
                tokens.append(('lit', ''.join(lit)))
                lit = []
            while i < n and fmt[i].isspace():
                i += 1
            tokens.append(('ws',))
            state[0] += 3                   # '\\s+'
        else:
            lit.append(c)
            state[0] += 2 if c in _REGEX_CHARS else 1
            i += 1
    if lit:
        tokens.append(('lit', ''.join(lit)))
    return tokens


def _ends(tok, s, i, zones):
    """The positions where token `tok` can end when it starts at s[i], in the
    order the regex would try them."""
    kind = tok[0]
    n = len(s)
    if kind == 'lit':
        t = tok[1]
        j = i + len(t)
        if j <= n and (s[i:j] == t or s[i:j].lower() == t.lower()):
            return (j,)
        return ()
    if kind == 'ws':
        j = i
        while j < n and s[j].isspace():
            j += 1
        return range(j, i, -1)
    k = tok[1]
    alts = _DIGIT_DIRECTIVES.get(k)
    if alts is not None:
        out = []
        for alt in alts:
            j = i
            for test in alt:
                if j >= n:
                    break
                c = s[j]
                if test is None:
                    if not c.isdecimal():
                        break
                elif c not in test:
                    break
                j += 1
            else:
                if j not in out:
                    out.append(j)
        return out
    names = _NAME_DIRECTIVES.get(k)
    if names is None and k == 'Z':
        names = zones
    if names is not None:
        low = s[i:i + len(names[0])].lower()      # (the longest name comes first)
        return [i + len(nm) for nm in names if low.startswith(nm)]
    if k == 'f':
        j = i
        while j < n and j - i < 6 and '0' <= s[j] <= '9':
            j += 1
        return range(j, i, -1)
    # 'z': [+-]\d\d:?[0-5]\d(:?[0-5]\d(\.\d{1,6})?)?|Z
    out = []
    if i + 2 < n and s[i] in '+-' and s[i + 1].isdecimal() and s[i + 2].isdecimal():
        p = i + 3
        for q in ((p + 1, p) if p < n and s[p] == ':' else (p,)):
            if not (q + 1 < n and '0' <= s[q] <= '5' and s[q + 1].isdecimal()):
                continue
            r = q + 2
            for t in ((r + 1, r) if r < n and s[r] == ':' else (r,)):
                if t + 1 < n and '0' <= s[t] <= '5' and s[t + 1].isdecimal():
                    u = t + 2
                    if u < n and s[u] == '.':
                        v = u + 1
                        while v < n and v - u <= 6 and s[v].isdecimal():
                            v += 1
                        out.extend(range(v, u + 1, -1))
                    out.append(u)
            out.append(r)
    if i < n and s[i] == 'Z':
        out.append(i + 1)
    return out


def _match(tokens, s, zones):
    """Match the tokens at the start of s as re.match would (each token's
    alternatives in order, backtracking): (end, {directive: text}) or None."""
    groups = {}
    stack = []                  # per matched token: (its start, alternatives left)
    pos = 0
    while len(stack) < len(tokens):
        stack.append((pos, iter(_ends(tokens[len(stack)], s, pos, zones))))
        while True:             # the top token's next alternative, or backtrack
            start, alts = stack[-1]
            pos = next(alts, None)
            if pos is not None:
                break
            stack.pop()
            if not stack:
                return None
        tok = tokens[len(stack) - 1]
        if tok[0] == 'dir':
            groups[tok[1]] = s[start:pos]
    return pos, groups


def _strptime(data, fmt):
    """(time tuple, microseconds, offset microseconds), as CPython's _strptime."""
    zones = _zone_names()
    tokens = _FORMATS.get((fmt, zones))
    if tokens is None:
        if len(_FORMATS) > 50:
            _FORMATS.clear()
        tokens = _FORMATS[(fmt, zones)] = _compile(fmt, zones)
    found = _match(tokens, data, zones)
    if found is None:
        raise ValueError(f"time data {data!r} does not match format {fmt!r}")
    end, groups = found
    if end != len(data):
        raise ValueError(f"unconverted data remains: {data[end:]}")
    iso_year = year = None
    month = day = 1
    hour = minute = second = fraction = 0
    gmtoff = None
    gmtoff_fraction = 0
    iso_week = week_of_year = week_start = None
    weekday = julian = None
    for key in groups:
        v = groups[key]
        if key == 'y':
            year = int(v)
            year += 2000 if year <= 68 else 1900
        elif key == 'Y':
            year = int(v)
        elif key == 'G':
            iso_year = int(v)
        elif key == 'm':
            month = int(v)
        elif key == 'B':
            month = _F_MONTHS.index(v.lower())
        elif key == 'b':
            month = [None, 'jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep',
                     'oct', 'nov', 'dec'].index(v.lower())
        elif key == 'd':
            day = int(v)
        elif key == 'H':
            hour = int(v)
        elif key == 'I':
            hour = int(v)
            ampm = groups.get('p', '').lower()
            if ampm in ('', 'am'):
                if hour == 12:
                    hour = 0
            elif ampm == 'pm' and hour != 12:
                hour += 12
        elif key == 'M':
            minute = int(v)
        elif key == 'S':
            second = int(v)
        elif key == 'f':
            fraction = int(v + '0' * (6 - len(v)))
        elif key == 'A':
            weekday = _F_WEEKDAYS.index(v.lower())
        elif key == 'a':
            weekday = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].index(v.lower())
        elif key == 'w':
            weekday = int(v)
            weekday = 6 if weekday == 0 else weekday - 1
        elif key == 'u':
            weekday = int(v) - 1
        elif key == 'j':
            julian = int(v)
        elif key == 'U' or key == 'W':
            week_of_year = int(v)
            week_start = 6 if key == 'U' else 0
        elif key == 'V':
            iso_week = int(v)
        elif key == 'z':
            z = v
            if z == 'Z':
                gmtoff = 0
            else:
                if z[3] == ':':
                    z = z[:3] + z[4:]
                    if len(z) > 5:
                        if z[5] != ':':
                            raise ValueError(f"Inconsistent use of : in {v}")
                        z = z[:5] + z[6:]
                gmtoff = int(z[1:3]) * 3600 + int(z[3:5]) * 60 + int(z[5:7] or 0)
                rest = z[8:]
                gmtoff_fraction = int(rest + '0' * (6 - len(rest)))
                if z.startswith('-'):
                    gmtoff = -gmtoff
                    gmtoff_fraction = -gmtoff_fraction
    if year is None and iso_year is not None:
        if iso_week is None or weekday is None:
            raise ValueError("ISO year directive '%G' must be used with the ISO week "
                             "directive '%V' and a weekday directive ('%A', '%a', "
                             "'%w', or '%u').")
        if julian is not None:
            raise ValueError("Day of the year directive '%j' is not compatible with "
                             "ISO year directive '%G'. Use '%Y' instead.")
    elif week_of_year is None and iso_week is not None:
        if weekday is None:
            raise ValueError("ISO week directive '%V' must be used with the ISO year "
                             "directive '%G' and a weekday directive ('%A', '%a', "
                             "'%w', or '%u').")
        raise ValueError("ISO week directive '%V' is incompatible with the year "
                         "directive '%Y'. Use the ISO year '%G' instead.")
    leap_year_fix = False
    if year is None and month == 2 and day == 29:
        year = 1904
        leap_year_fix = True
    elif year is None:
        year = 1900
    if julian is None and weekday is not None:
        if week_of_year is not None:
            first = date(year, 1, 1).weekday()
            wd = weekday
            if week_start != 0:
                first = (first + 1) % 7
                wd = (wd + 1) % 7
            if week_of_year == 0:
                julian = 1 + wd - first
            else:
                julian = 1 + (7 - first) % 7 + 7 * (week_of_year - 1) + wd
        elif iso_year is not None and iso_week is not None:
            ordinal = iso_week * 7 + weekday + 1 - (date(iso_year, 1, 4).isoweekday() + 3)
            if ordinal < 1:
                ordinal += date(iso_year, 1, 1).toordinal()
                iso_year -= 1
                ordinal -= date(iso_year, 1, 1).toordinal()
            year, julian = iso_year, ordinal
        if julian is not None and julian <= 0:
            year -= 1
            julian += 366 if _is_leap(year) else 365
    if julian is None:
        julian = date(year, month, day).toordinal() - date(year, 1, 1).toordinal() + 1
    else:
        r = date.fromordinal(julian - 1 + date(year, 1, 1).toordinal())
        year, month, day = r._year, r._month, r._day
    if weekday is None:
        weekday = date(year, month, day).weekday()
    tzname = groups.get('Z')
    if leap_year_fix:
        year = 1900
    return ((year, month, day, hour, minute, second, weekday, julian, -1, tzname, gmtoff),
            fraction, gmtoff_fraction)
