# string for Baton: the character-class constants and capwords. (Template and
# Formatter are left out.)

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
