# string for Baton: the character-class constants, capwords and Template. Written in
# Baton, behaving as CPython 3.11's.
#
# Baton has no `re` module, so Template scans for its placeholders by hand: a
# subclass may change `delimiter`, but one that sets its own `idpattern`,
# `braceidpattern`, `flags` or `pattern` raises NotImplementedError when it is made.
# (Formatter is left out.)

__all__ = ['ascii_letters', 'ascii_lowercase', 'ascii_uppercase', 'capwords',
           'digits', 'hexdigits', 'octdigits', 'printable', 'punctuation',
           'whitespace', 'Template']

whitespace = " \t\n\r\x0b\x0c"
ascii_lowercase = "abcdefghijklmnopqrstuvwxyz"
ascii_uppercase = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
ascii_letters = ascii_lowercase + ascii_uppercase
digits = "0123456789"
hexdigits = digits + "abcdef" + "ABCDEF"
octdigits = "01234567"
punctuation = r"""!"#$%&'()*+,-./:;<=>?@[\]^_`{|}~"""
printable = digits + ascii_letters + punctuation + whitespace


def capwords(s, sep=None):
    """Each word capitalised, the words joined by `sep` (a space when it is None,
    after splitting on runs of whitespace)."""
    return (sep or " ").join(word.capitalize() for word in s.split(sep))


_ID_START = frozenset('_' + ascii_letters)
_ID_CHARS = frozenset('_' + ascii_letters + digits)
_DEFAULT_IDPATTERN = r'(?a:[_a-z][_a-z0-9]*)'

# What a placeholder scan finds: (kind, start, end, name, invalid_at) with kind one
# of these, `start:end` the text it covers and `invalid_at` where CPython's pattern
# puts its empty `invalid` group (just after the delimiter).
_ESCAPED, _NAMED, _BRACED, _INVALID = 'escaped', 'named', 'braced', 'invalid'
_sentinel_dict = {}


def _identifier_end(text, i):
    """The end of the identifier that starts at text[i], or i when none does."""
    if i >= len(text) or text[i] not in _ID_START:
        return i
    j = i + 1
    while j < len(text) and text[j] in _ID_CHARS:
        j += 1
    return j


class Template:
    """A string class for supporting $-substitutions."""

    delimiter = '$'
    idpattern = _DEFAULT_IDPATTERN
    braceidpattern = None
    flags = None

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        if ('pattern' in cls.__dict__ or cls.idpattern != _DEFAULT_IDPATTERN
                or cls.braceidpattern is not None or cls.flags is not None):
            raise NotImplementedError(
                "Baton's string.Template supports a custom delimiter only (Baton has no "
                "re module for idpattern, braceidpattern, flags or pattern)")

    def __init__(self, template):
        self.template = template

    def _scan(self):
        """The placeholders of the template, left to right."""
        text = self.template
        delim = self.delimiter
        width = len(delim)
        found = []
        i = text.find(delim)
        while i >= 0:
            after = i + width
            if text.startswith(delim, after):
                found.append((_ESCAPED, i, after + width, None, None))
                i = text.find(delim, after + width)
                continue
            end = _identifier_end(text, after)
            if end > after:
                found.append((_NAMED, i, end, text[after:end], None))
                i = text.find(delim, end)
                continue
            if text.startswith('{', after):
                end = _identifier_end(text, after + 1)
                if end > after + 1 and text.startswith('}', end):
                    found.append((_BRACED, i, end + 1, text[after + 1:end], None))
                    i = text.find(delim, end + 1)
                    continue
            found.append((_INVALID, i, after, None, after))
            i = text.find(delim, after)
        return found

    def _invalid(self, at):
        lines = self.template[:at].splitlines(keepends=True)
        if not lines:
            colno = 1
            lineno = 1
        else:
            colno = at - len(''.join(lines[:-1]))
            lineno = len(lines)
        raise ValueError('Invalid placeholder in string: line %d, col %d' % (lineno, colno))

    def _render(self, mapping, kws, safe):
        text = self.template
        pieces = []
        last = 0
        for kind, start, end, name, invalid_at in self._scan():
            pieces.append(text[last:start])
            last = end
            if kind == _ESCAPED:
                pieces.append(self.delimiter)
            elif kind == _INVALID:
                if not safe:
                    self._invalid(invalid_at)
                pieces.append(text[start:end])
            else:
                try:
                    if kws is not None and name in kws:
                        value = kws[name]
                    else:
                        value = mapping[name]
                except KeyError:
                    if not safe:
                        raise
                    pieces.append(text[start:end])
                else:
                    pieces.append(str(value))
        pieces.append(text[last:])
        return ''.join(pieces)

    def substitute(self, mapping=_sentinel_dict, /, **kws):
        if mapping is _sentinel_dict:
            return self._render(kws, None, False)
        return self._render(mapping, kws or None, False)

    def safe_substitute(self, mapping=_sentinel_dict, /, **kws):
        if mapping is _sentinel_dict:
            return self._render(kws, None, True)
        return self._render(mapping, kws or None, True)

    def is_valid(self):
        for kind, start, end, name, invalid_at in self._scan():
            if kind == _INVALID:
                return False
        return True

    def get_identifiers(self):
        ids = []
        for kind, start, end, name, invalid_at in self._scan():
            if name is not None and name not in ids:
                ids.append(name)
        return ids
