# json: JSON encoding and decoding for Baton, written in Baton.
#
# It behaves as CPython 3.11's json module does, C accelerator included: `dumps` without
# `indent` follows the C encoder (whose out-of-range float error does not name the
# value), `iterencode`, `dump` and indented output follow json.encoder's Python encoder
# (same chunks, same messages), and decoding follows the C scanner (its positions and
# messages, "Invalid control character at" among them). Baton has no `re`, so strings
# are scanned with str methods and loops.
#
# Where Baton's objects differ from CPython's, the encoder looks through the difference:
# IntEnum and StrEnum members (not int/str instances in Baton) encode as their values,
# collections' OrderedDict, defaultdict and Counter (not dict subclasses here) as
# objects, and a namedtuple (not a tuple subclass) as an array. A Baton str cannot hold
# a lone surrogate, so decoding one ("\ud800" alone) raises NotImplementedError.

__version__ = '2.0.9'
__all__ = [
    'dump', 'dumps', 'load', 'loads',
    'JSONDecoder', 'JSONDecodeError', 'JSONEncoder',
]

_INF = float('inf')
_NEG_INF = float('-inf')
_NAN = float('nan')


# ---------------------------------------------------------------------------
# Strings

_ESCAPES = {
    '"': '\\"', '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t',
    '\b': '\\b', '\f': '\\f',
}
for _i in range(0x20):
    _ESCAPES.setdefault(chr(_i), '\\u{0:04x}'.format(_i))
_ASCII_ESCAPES = dict(_ESCAPES)
_ASCII_ESCAPES['\x7f'] = '\\u007f'
_ESCAPE_TABLE = str.maketrans(_ESCAPES)
_ASCII_TABLE = str.maketrans(_ASCII_ESCAPES)
del _i


def _encode_basestring(s):
    """`s` as a JSON string, escaping only '"', '\\' and the control characters."""
    if s.isprintable() and '"' not in s and '\\' not in s:
        return '"' + s + '"'
    return '"' + s.translate(_ESCAPE_TABLE) + '"'


def _encode_basestring_ascii(s):
    """`s` as a JSON string of ASCII characters only: anything else is written as a
    \\uXXXX escape (a surrogate pair beyond the Basic Multilingual Plane)."""
    if s.isascii():
        if s.isprintable() and '"' not in s and '\\' not in s:
            return '"' + s + '"'
        return '"' + s.translate(_ASCII_TABLE) + '"'
    parts = ['"']
    for c in s:
        n = ord(c)
        if n < 0x80:
            parts.append(_ASCII_ESCAPES.get(c, c))
        elif n < 0x10000:
            parts.append('\\u{0:04x}'.format(n))
        else:
            n -= 0x10000
            parts.append('\\u{0:04x}\\u{1:04x}'.format(
                0xd800 | ((n >> 10) & 0x3ff), 0xdc00 | (n & 0x3ff)))
    parts.append('"')
    return ''.join(parts)


def _as_cpython_sees(o):
    """How CPython's json would classify an object that Baton builds differently:
    ('int', text) for an IntEnum member, ('str', value) for a StrEnum member, ('dict',
    o) for collections' mappings, ('list', o) for a namedtuple, or None."""
    # Only the class is asked, so that no instance __getattr__ runs.
    cls = type(o)
    if hasattr(cls, '_member_value_'):
        import enum
        if isinstance(o, enum.IntEnum):
            return ('int', int.__repr__(o._value_))
        if isinstance(o, enum.StrEnum):
            return ('str', o._value_)
        return None
    if (hasattr(cls, '_fields') and hasattr(cls, '_make') and
            hasattr(cls, '_field_defaults') and hasattr(cls, '_asdict')):
        return ('list', o)
    if hasattr(cls, 'items') and hasattr(cls, 'popitem') and hasattr(cls, 'setdefault'):
        import collections
        if isinstance(o, collections._MappingBase):
            return ('dict', o)
    return None


# ---------------------------------------------------------------------------
# Encoding

class JSONEncoder:
    """Turns Python objects into JSON text: dict -> object, list and tuple -> array,
    str -> string, int and float -> number, True/False -> true/false, None -> null.
    Subclass it and override `default` to encode other objects."""

    __module__ = 'json.encoder'

    item_separator = ', '
    key_separator = ': '

    def __init__(self, *, skipkeys=False, ensure_ascii=True,
                 check_circular=True, allow_nan=True, sort_keys=False,
                 indent=None, separators=None, default=None):
        self.skipkeys = skipkeys
        self.ensure_ascii = ensure_ascii
        self.check_circular = check_circular
        self.allow_nan = allow_nan
        self.sort_keys = sort_keys
        self.indent = indent
        if separators is not None:
            self.item_separator, self.key_separator = separators
        elif indent is not None:
            self.item_separator = ','
        if default is not None:
            self.default = default

    def default(self, o):
        raise TypeError(f'Object of type {o.__class__.__name__} '
                        f'is not JSON serializable')

    def encode(self, o):
        if isinstance(o, str):
            if self.ensure_ascii:
                return _encode_basestring_ascii(o)
            return _encode_basestring(o)
        chunks = self.iterencode(o, _one_shot=True)
        if not isinstance(chunks, (list, tuple)):
            chunks = list(chunks)
        return ''.join(chunks)

    def iterencode(self, o, _one_shot=False):
        markers = {} if self.check_circular else None
        encstr = _encode_basestring_ascii if self.ensure_ascii else _encode_basestring
        if _one_shot and self.indent is None:
            encode = _make_oneshot_encoder(
                markers, self.default, encstr, self.key_separator,
                self.item_separator, self.sort_keys, self.skipkeys, self.allow_nan)
        else:
            encode = _make_iterencode(
                markers, self.default, encstr, self.indent, self.key_separator,
                self.item_separator, self.sort_keys, self.skipkeys, self.allow_nan)
        return encode(o, 0)


def _make_oneshot_encoder(markers, default, encstr, key_sep, item_sep,
                          sort_keys, skipkeys, allow_nan):
    """The whole text at once, as CPython's C encoder makes it for `dumps` without
    an indent: chunks appended to a list by plain recursion, returned joined as a
    one-element list."""

    def floatstr(o):
        if o != o:
            text = 'NaN'
        elif o == _INF:
            text = 'Infinity'
        elif o == _NEG_INF:
            text = '-Infinity'
        else:
            return float.__repr__(o)
        if not allow_nan:
            raise ValueError('Out of range float values are not JSON compliant')
        return text

    def enc(o, out):
        if isinstance(o, str):
            out.append(encstr(o))
        elif o is None:
            out.append('null')
        elif o is True:
            out.append('true')
        elif o is False:
            out.append('false')
        elif isinstance(o, int):
            out.append(int.__repr__(o))
        elif isinstance(o, float):
            out.append(floatstr(o))
        elif isinstance(o, (list, tuple)):
            enc_list(o, out)
        elif isinstance(o, dict):
            enc_dict(o, out)
        else:
            enc_other(o, out)

    def enc_other(o, out):
        seen = _as_cpython_sees(o)
        if seen is not None:
            kind, value = seen
            if kind == 'int':
                out.append(value)
            elif kind == 'str':
                out.append(encstr(value))
            elif kind == 'dict':
                enc_dict(value, out)
            else:
                enc_list(value, out)
            return
        if markers is not None:
            marker = id(o)
            if marker in markers:
                raise ValueError('Circular reference detected')
            markers[marker] = o
        enc(default(o), out)
        if markers is not None:
            del markers[marker]

    def enc_list(lst, out):
        if not lst:
            out.append('[]')
            return
        if markers is not None:
            marker = id(lst)
            if marker in markers:
                raise ValueError('Circular reference detected')
            markers[marker] = lst
        out.append('[')
        first = True
        for value in lst:
            if first:
                first = False
            else:
                out.append(item_sep)
            if isinstance(value, str):
                out.append(encstr(value))
            elif isinstance(value, (list, tuple)):
                enc_list(value, out)
            elif isinstance(value, dict):
                enc_dict(value, out)
            else:
                enc(value, out)
        out.append(']')
        if markers is not None:
            del markers[marker]

    def enc_dict(dct, out):
        if not dct:
            out.append('{}')
            return
        if markers is not None:
            marker = id(dct)
            if marker in markers:
                raise ValueError('Circular reference detected')
            markers[marker] = dct
        out.append('{')
        first = True
        items = sorted(dct.items()) if sort_keys else dct.items()
        for key, value in items:
            key = _key_text(key, floatstr, skipkeys)
            if key is None:
                continue
            if first:
                first = False
            else:
                out.append(item_sep)
            out.append(encstr(key))
            out.append(key_sep)
            if isinstance(value, str):
                out.append(encstr(value))
            elif isinstance(value, (list, tuple)):
                enc_list(value, out)
            elif isinstance(value, dict):
                enc_dict(value, out)
            else:
                enc(value, out)
        out.append('}')
        if markers is not None:
            del markers[marker]

    def encode(o, _current_indent_level):
        out = []
        try:
            if isinstance(o, (list, tuple)):
                enc_list(o, out)
            elif isinstance(o, dict):
                enc_dict(o, out)
            else:
                enc(o, out)
        except RecursionError as err:
            # The C encoder's wording (for arrays too).
            if err.args == ('maximum recursion depth exceeded',):
                raise RecursionError('maximum recursion depth exceeded '
                                     'while encoding a JSON object') from None
            raise
        return [''.join(out)]

    return encode


def _key_text(key, floatstr, skipkeys):
    """A dict key as the text of a JSON object's name: str as it is, floats, bools,
    None and ints as JSON writes them, anything else by `_coerce_odd_key` (None:
    skip the item)."""
    if isinstance(key, str):
        return key
    if isinstance(key, float):
        return floatstr(key)
    if key is True:
        return 'true'
    if key is False:
        return 'false'
    if key is None:
        return 'null'
    if isinstance(key, int):
        return int.__repr__(key)
    return _coerce_odd_key(key, skipkeys)


def _coerce_odd_key(key, skipkeys):
    """A dict key that is none of str, int, float, bool or None: its text if CPython
    would take it (an IntEnum or StrEnum member), None to skip it, or TypeError."""
    seen = _as_cpython_sees(key)
    if seen is not None and seen[0] in ('int', 'str'):
        return seen[1]
    if skipkeys:
        return None
    raise TypeError(f'keys must be str, int, float, bool or None, '
                    f'not {key.__class__.__name__}')


def _make_iterencode(markers, default, encstr, indent, key_sep, item_sep,
                     sort_keys, skipkeys, allow_nan):
    """A generator of chunks, as json.encoder's Python encoder yields them (used by
    `iterencode`, `dump` and whenever there is an indent)."""
    if indent is not None and not isinstance(indent, str):
        indent = ' ' * indent

    def floatstr(o):
        if o != o:
            text = 'NaN'
        elif o == _INF:
            text = 'Infinity'
        elif o == _NEG_INF:
            text = '-Infinity'
        else:
            return float.__repr__(o)
        if not allow_nan:
            raise ValueError('Out of range float values are not JSON compliant: '
                             + repr(o))
        return text

    def scalar(o):
        # The text of a str, None, bool, int or float; None for anything else.
        if isinstance(o, str):
            return encstr(o)
        if o is None:
            return 'null'
        if o is True:
            return 'true'
        if o is False:
            return 'false'
        if isinstance(o, int):
            return int.__repr__(o)
        if isinstance(o, float):
            return floatstr(o)
        if isinstance(o, (list, tuple, dict)):
            return None
        seen = _as_cpython_sees(o)
        if seen is not None:
            kind, value = seen
            if kind == 'int':
                return value
            if kind == 'str':
                return encstr(value)
        return None

    def container(o, level):
        # The chunks of a list, tuple or dict (or what CPython takes for one).
        if isinstance(o, (list, tuple)):
            return iter_list(o, level)
        if isinstance(o, dict):
            return iter_dict(o, level)
        return iter_any(o, level)

    def iter_list(lst, level):
        if not lst:
            yield '[]'
            return
        if markers is not None:
            marker = id(lst)
            if marker in markers:
                raise ValueError('Circular reference detected')
            markers[marker] = lst
        buf = '['
        if indent is not None:
            level += 1
            newline_indent = '\n' + indent * level
            separator = item_sep + newline_indent
            buf += newline_indent
        else:
            newline_indent = None
            separator = item_sep
        first = True
        for value in lst:
            if first:
                first = False
            else:
                buf = separator
            text = scalar(value)
            if text is not None:
                yield buf + text
            else:
                yield buf
                yield from container(value, level)
        if newline_indent is not None:
            level -= 1
            yield '\n' + indent * level
        yield ']'
        if markers is not None:
            del markers[marker]

    def iter_dict(dct, level):
        if not dct:
            yield '{}'
            return
        if markers is not None:
            marker = id(dct)
            if marker in markers:
                raise ValueError('Circular reference detected')
            markers[marker] = dct
        yield '{'
        if indent is not None:
            level += 1
            newline_indent = '\n' + indent * level
            separator = item_sep + newline_indent
            yield newline_indent
        else:
            newline_indent = None
            separator = item_sep
        first = True
        items = sorted(dct.items()) if sort_keys else dct.items()
        for key, value in items:
            key = _key_text(key, floatstr, skipkeys)
            if key is None:
                continue
            if first:
                first = False
            else:
                yield separator
            yield encstr(key)
            yield key_sep
            text = scalar(value)
            if text is not None:
                yield text
            else:
                yield from container(value, level)
        if newline_indent is not None:
            level -= 1
            yield '\n' + indent * level
        yield '}'
        if markers is not None:
            del markers[marker]

    def iter_any(o, level):
        try:
            text = scalar(o)
            if text is not None:
                yield text
                return
            if isinstance(o, (list, tuple)):
                yield from iter_list(o, level)
                return
            if isinstance(o, dict):
                yield from iter_dict(o, level)
                return
            seen = _as_cpython_sees(o)
            if seen is not None:
                # A mapping or a namedtuple (scalar() took the enum members).
                kind, value = seen
                if kind == 'dict':
                    yield from iter_dict(value, level)
                else:
                    yield from iter_list(value, level)
                return
            if markers is not None:
                marker = id(o)
                if marker in markers:
                    raise ValueError('Circular reference detected')
                markers[marker] = o
            o = default(o)
            yield from iter_any(o, level)
            if markers is not None:
                del markers[marker]
        except RecursionError as err:
            # CPython's wording when its generators nest too deep.
            if err.args != ('maximum recursion depth exceeded',):
                raise
            raise RecursionError('maximum recursion depth exceeded '
                                 'while calling a Python object') from None

    return iter_any


_default_encoder = JSONEncoder()


def dumps(obj, *, skipkeys=False, ensure_ascii=True, check_circular=True,
          allow_nan=True, cls=None, indent=None, separators=None,
          default=None, sort_keys=False, **kw):
    """`obj` as a JSON formatted str."""
    if (not skipkeys and ensure_ascii and check_circular and allow_nan and
            cls is None and indent is None and separators is None and
            default is None and not sort_keys and not kw):
        return _default_encoder.encode(obj)
    if cls is None:
        cls = JSONEncoder
    return cls(
        skipkeys=skipkeys, ensure_ascii=ensure_ascii,
        check_circular=check_circular, allow_nan=allow_nan, indent=indent,
        separators=separators, default=default, sort_keys=sort_keys,
        **kw).encode(obj)


def dump(obj, fp, *, skipkeys=False, ensure_ascii=True, check_circular=True,
         allow_nan=True, cls=None, indent=None, separators=None,
         default=None, sort_keys=False, **kw):
    """Writes `obj` as JSON to `fp` (anything with a `write(str)` method), chunk by
    chunk."""
    if (not skipkeys and ensure_ascii and check_circular and allow_nan and
            cls is None and indent is None and separators is None and
            default is None and not sort_keys and not kw):
        iterable = _default_encoder.iterencode(obj)
    else:
        if cls is None:
            cls = JSONEncoder
        iterable = cls(
            skipkeys=skipkeys, ensure_ascii=ensure_ascii,
            check_circular=check_circular, allow_nan=allow_nan, indent=indent,
            separators=separators, default=default, sort_keys=sort_keys,
            **kw).iterencode(obj)
    for chunk in iterable:
        fp.write(chunk)


# ---------------------------------------------------------------------------
# Decoding

class JSONDecodeError(ValueError):
    """A ValueError that also says where in the document parsing failed: `msg` (the
    message alone), `doc`, `pos` (an index into doc), `lineno` and `colno`."""

    __module__ = 'json.decoder'

    def __init__(self, msg, doc, pos):
        lineno = doc.count('\n', 0, pos) + 1
        colno = pos - doc.rfind('\n', 0, pos)
        errmsg = '%s: line %d column %d (char %d)' % (msg, lineno, colno, pos)
        ValueError.__init__(self, errmsg)
        self.msg = msg
        self.doc = doc
        self.pos = pos
        self.lineno = lineno
        self.colno = colno

    def __reduce__(self):
        return self.__class__, (self.msg, self.doc, self.pos)


_CONSTANTS = {
    '-Infinity': _NEG_INF,
    'Infinity': _INF,
    'NaN': _NAN,
}

_BACKSLASH = {
    '"': '"', '\\': '\\', '/': '/',
    'b': '\b', 'f': '\f', 'n': '\n', 'r': '\r', 't': '\t',
}

_HEX_DIGITS = '0123456789abcdefABCDEF'
_WHITESPACE = ' \t\n\r'
_DIGITS = '0123456789'


def _hex4(s, pos):
    """The value of the four hex digits at s[pos:pos + 4], or -1."""
    esc = s[pos:pos + 4]
    for c in esc:
        if c not in _HEX_DIGITS:
            return -1
    return int(esc, 16)


def _next_quote_or_backslash(s, pos, n):
    """The index of the first '"' or '\\' in s at or after pos, or n. It searches
    slices of s, growing ones: a search from a position inside a long non-ASCII str
    costs as much as the text before it, a slice does not."""
    width = 64
    while pos < n:
        window = s[pos:pos + width]
        quote = window.find('"')
        backslash = window.find('\\', 0, len(window) if quote < 0 else quote)
        if backslash >= 0:
            return pos + backslash
        if quote >= 0:
            return pos + quote
        pos += width
        if width < 4096:
            width *= 2
    return n


def _scanstring(s, end, strict=True):
    """Decodes the JSON string whose opening quote is at s[end - 1]; returns the str
    and the index just past its closing quote."""
    begin = end - 1
    n = len(s)
    chunks = []
    lone = None
    while True:
        stop = _next_quote_or_backslash(s, end, n)
        chunk = s[end:stop]
        if strict and not chunk.isprintable():
            i = 0
            for c in chunk:
                if c <= '\x1f':
                    raise JSONDecodeError('Invalid control character at', s, end + i)
                i += 1
        if stop == n:
            raise JSONDecodeError('Unterminated string starting at', s, begin)
        if chunk:
            chunks.append(chunk)
        if s[stop] == '"':
            if lone is not None:
                raise NotImplementedError(
                    f'Baton strings cannot hold a lone surrogate: \\u{lone[0]:04x} '
                    f'(char {lone[1]} of the JSON document)')
            return ''.join(chunks), stop + 1
        # A backslash escape.
        esc = stop + 1
        if esc == n:
            raise JSONDecodeError('Unterminated string starting at', s, begin)
        c = s[esc]
        if c != 'u':
            char = _BACKSLASH.get(c)
            if char is None:
                raise JSONDecodeError('Invalid \\escape', s, stop)
            chunks.append(char)
            end = esc + 1
            continue
        end = esc + 5
        if end >= n:
            raise JSONDecodeError('Invalid \\uXXXX escape', s, esc)
        code = _hex4(s, esc + 1)
        if code < 0:
            raise JSONDecodeError('Invalid \\uXXXX escape', s, esc)
        if 0xd800 <= code <= 0xdbff and end + 6 < n and s[end] == '\\' and s[end + 1] == 'u':
            low = _hex4(s, end + 2)
            if low < 0:
                raise JSONDecodeError('Invalid \\uXXXX escape', s, end + 1)
            if 0xdc00 <= low <= 0xdfff:
                code = 0x10000 + (((code - 0xd800) << 10) | (low - 0xdc00))
                end += 6
        if 0xd800 <= code <= 0xdfff:
            # CPython keeps it; a Baton str cannot. Errors later in the string win.
            if lone is None:
                lone = (code, esc - 1)
            continue
        chunks.append(chr(code))


def _make_scanner(decoder):
    """`scan_once(s, idx)`: the value that starts at s[idx] and the index after it,
    or StopIteration(idx) when no value starts there. The hooks are read from the
    decoder once, here, as CPython's C scanner does."""
    object_hook = decoder.object_hook
    object_pairs_hook = decoder.object_pairs_hook
    parse_float = decoder.parse_float
    parse_int = decoder.parse_int
    parse_constant = decoder.parse_constant
    strict = decoder.strict
    default_float = parse_float is float
    default_int = parse_int is int

    def number(s, idx, n):
        start = idx
        if s[idx] == '-':
            idx += 1
            if idx >= n:
                raise StopIteration(start)
        c = s[idx]
        if '1' <= c <= '9':
            idx += 1
            while idx < n and s[idx] in _DIGITS:
                idx += 1
        elif c == '0':
            idx += 1
        else:
            raise StopIteration(start)
        is_float = False
        if idx < n - 1 and s[idx] == '.' and s[idx + 1] in _DIGITS:
            is_float = True
            idx += 2
            while idx < n and s[idx] in _DIGITS:
                idx += 1
        if idx < n - 1 and (s[idx] == 'e' or s[idx] == 'E'):
            e_start = idx
            idx += 1
            if idx < n - 1 and (s[idx] == '-' or s[idx] == '+'):
                idx += 1
            while idx < n and s[idx] in _DIGITS:
                idx += 1
            if s[idx - 1] in _DIGITS:
                is_float = True
            else:
                idx = e_start
        text = s[start:idx]
        if is_float:
            return (float(text) if default_float else parse_float(text)), idx
        return (int(text) if default_int else parse_int(text)), idx

    def array(s, idx, n):
        # s[idx - 1] is the '['.
        values = []
        while idx < n and s[idx] in _WHITESPACE:
            idx += 1
        if idx >= n or s[idx] != ']':
            try:
                while True:
                    c = s[idx] if idx < n else ''
                    if c == '"':
                        value, idx = _scanstring(s, idx + 1, strict)
                    elif c == '[':
                        value, idx = array(s, idx + 1, n)
                    elif c == '{':
                        value, idx = obj(s, idx + 1, n)
                    else:
                        value, idx = scan_once(s, idx)
                    values.append(value)
                    while idx < n and s[idx] in _WHITESPACE:
                        idx += 1
                    if idx < n and s[idx] == ']':
                        break
                    if idx >= n or s[idx] != ',':
                        raise JSONDecodeError("Expecting ',' delimiter", s, idx)
                    idx += 1
                    while idx < n and s[idx] in _WHITESPACE:
                        idx += 1
            except RecursionError as err:
                # CPython's wording, naming the container it could not enter. (No
                # call here: this frame is at the recursion limit.)
                if err.args != ('maximum recursion depth exceeded',):
                    raise
                c = s[idx] if idx < n else ''
                kind = 'object' if c == '{' else 'array'
                raise RecursionError('maximum recursion depth exceeded while decoding '
                                     f'a JSON {kind} from a unicode string') from None
        return values, idx + 1

    def obj(s, idx, n):
        # s[idx - 1] is the '{'.
        pairs = [] if object_pairs_hook is not None else None
        result = {}
        while idx < n and s[idx] in _WHITESPACE:
            idx += 1
        if idx >= n or s[idx] != '}':
            try:
                while True:
                    if idx >= n or s[idx] != '"':
                        raise JSONDecodeError(
                            'Expecting property name enclosed in double quotes', s, idx)
                    key, idx = _scanstring(s, idx + 1, strict)
                    while idx < n and s[idx] in _WHITESPACE:
                        idx += 1
                    if idx >= n or s[idx] != ':':
                        raise JSONDecodeError("Expecting ':' delimiter", s, idx)
                    idx += 1
                    while idx < n and s[idx] in _WHITESPACE:
                        idx += 1
                    c = s[idx] if idx < n else ''
                    if c == '"':
                        value, idx = _scanstring(s, idx + 1, strict)
                    elif c == '[':
                        value, idx = array(s, idx + 1, n)
                    elif c == '{':
                        value, idx = obj(s, idx + 1, n)
                    else:
                        value, idx = scan_once(s, idx)
                    if pairs is not None:
                        pairs.append((key, value))
                    else:
                        result[key] = value
                    while idx < n and s[idx] in _WHITESPACE:
                        idx += 1
                    if idx < n and s[idx] == '}':
                        break
                    if idx >= n or s[idx] != ',':
                        raise JSONDecodeError("Expecting ',' delimiter", s, idx)
                    idx += 1
                    while idx < n and s[idx] in _WHITESPACE:
                        idx += 1
            except RecursionError as err:
                # CPython's wording, naming the container it could not enter. (No
                # call here: this frame is at the recursion limit.)
                if err.args != ('maximum recursion depth exceeded',):
                    raise
                c = s[idx] if idx < n else ''
                kind = 'array' if c == '[' else 'object'
                raise RecursionError('maximum recursion depth exceeded while decoding '
                                     f'a JSON {kind} from a unicode string') from None
        idx += 1
        if pairs is not None:
            return object_pairs_hook(pairs), idx
        if object_hook is not None:
            return object_hook(result), idx
        return result, idx

    def scan_once(s, idx):
        if idx < 0:
            raise ValueError('idx cannot be negative')
        n = len(s)
        if idx >= n:
            raise StopIteration(idx)
        c = s[idx]
        if c == '"':
            return _scanstring(s, idx + 1, strict)
        if c == '{':
            return obj(s, idx + 1, n)
        if c == '[':
            return array(s, idx + 1, n)
        if c == 'n':
            if s[idx:idx + 4] == 'null':
                return None, idx + 4
        elif c == 't':
            if s[idx:idx + 4] == 'true':
                return True, idx + 4
        elif c == 'f':
            if s[idx:idx + 5] == 'false':
                return False, idx + 5
        elif c == 'N':
            if s[idx:idx + 3] == 'NaN':
                return parse_constant('NaN'), idx + 3
        elif c == 'I':
            if s[idx:idx + 8] == 'Infinity':
                return parse_constant('Infinity'), idx + 8
        elif c == '-':
            if s[idx:idx + 9] == '-Infinity':
                return parse_constant('-Infinity'), idx + 9
        return number(s, idx, n)

    return scan_once


def _skip_whitespace(s, idx):
    n = len(s)
    while idx < n and s[idx] in _WHITESPACE:
        idx += 1
    return idx


class JSONDecoder:
    """Turns JSON text into Python objects: object -> dict, array -> list, string ->
    str, number -> int or float, true/false -> True/False, null -> None, and also
    NaN, Infinity and -Infinity -> float."""

    __module__ = 'json.decoder'

    def __init__(self, *, object_hook=None, parse_float=None, parse_int=None,
                 parse_constant=None, strict=True, object_pairs_hook=None):
        self.object_hook = object_hook
        self.parse_float = parse_float or float
        self.parse_int = parse_int or int
        self.parse_constant = parse_constant or _CONSTANTS.__getitem__
        self.strict = strict
        self.object_pairs_hook = object_pairs_hook
        self.memo = {}
        self.scan_once = _make_scanner(self)

    def decode(self, s):
        """The Python value of the JSON document `s` (a str)."""
        if not isinstance(s, str):
            raise TypeError(f"expected string or bytes-like object, got "
                            f"'{type(s).__name__}'")
        obj, end = self.raw_decode(s, idx=_skip_whitespace(s, 0))
        end = _skip_whitespace(s, end)
        if end != len(s):
            raise JSONDecodeError('Extra data', s, end)
        return obj

    def raw_decode(self, s, idx=0):
        """Decodes the JSON value that starts at s[idx]; returns it and the index
        where it ends, ignoring anything after it."""
        try:
            obj, end = self.scan_once(s, idx)
        except StopIteration as err:
            raise JSONDecodeError('Expecting value', s, err.value) from None
        return obj, end


_default_decoder = JSONDecoder()


def loads(s, *, cls=None, object_hook=None, parse_float=None, parse_int=None,
          parse_constant=None, object_pairs_hook=None, **kw):
    """The Python value of the JSON document `s`."""
    if isinstance(s, str):
        if s.startswith('\ufeff'):
            raise JSONDecodeError('Unexpected UTF-8 BOM (decode using utf-8-sig)',
                                  s, 0)
    else:
        raise TypeError(f'the JSON object must be str, bytes or bytearray, '
                        f'not {s.__class__.__name__}')
    if (cls is None and object_hook is None and parse_int is None and
            parse_float is None and parse_constant is None and
            object_pairs_hook is None and not kw):
        return _default_decoder.decode(s)
    if cls is None:
        cls = JSONDecoder
    if object_hook is not None:
        kw['object_hook'] = object_hook
    if object_pairs_hook is not None:
        kw['object_pairs_hook'] = object_pairs_hook
    if parse_float is not None:
        kw['parse_float'] = parse_float
    if parse_int is not None:
        kw['parse_int'] = parse_int
    if parse_constant is not None:
        kw['parse_constant'] = parse_constant
    return cls(**kw).decode(s)


def load(fp, *, cls=None, object_hook=None, parse_float=None, parse_int=None,
         parse_constant=None, object_pairs_hook=None, **kw):
    """The Python value of the JSON document read from `fp` (anything with a
    `read()` method)."""
    return loads(fp.read(), cls=cls, object_hook=object_hook,
                 parse_float=parse_float, parse_int=parse_int,
                 parse_constant=parse_constant,
                 object_pairs_hook=object_pairs_hook, **kw)
