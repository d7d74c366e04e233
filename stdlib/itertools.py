# itertools for Baton: the iterator building blocks of CPython 3.11's module, written in
# Baton. `count` and `repeat` are classes with CPython's reprs; the others are
# generators behind a function that checks the arguments (and takes `iter()` of each
# iterable) when it is called, as CPython's constructors do, so errors appear at the
# same place. Their type is `generator` rather than `itertools.chain` and the like
# (docs/language.md).

import sys


def _index(value, message):
    """`value` as a non-negative int (a bool counts), or None; anything else is
    `ValueError(message)`."""
    if value is None:
        return None
    if not isinstance(value, int) or value < 0 or value > sys.maxsize:
        raise ValueError(message)
    return int(value)


def _r_argument(r):
    """The `r` of permutations and combinations."""
    if type(r) is not int and type(r) is not bool:
        raise TypeError("Expected int as r")
    if r < 0:
        raise ValueError("r must be non-negative")
    return int(r)


class count:
    """`count(start=0, step=1)`: start, start + step, start + 2 * step, ... forever."""

    def __init__(self, start=0, step=1):
        for n in (start, step):
            if not isinstance(n, (int, float)):
                raise TypeError("a number is required")
        self._next = start
        self._step = step

    def __iter__(self):
        return self

    def __next__(self):
        value = self._next
        self._next = value + self._step
        return value

    def __repr__(self):
        step = self._step
        if type(step) is int and step == 1:
            return "count(" + repr(self._next) + ")"
        return "count(" + repr(self._next) + ", " + repr(step) + ")"


class repeat:
    """`repeat(object[, times])`: the object again and again, forever or `times`
    times."""

    def __init__(self, *args, **kwargs):
        if len(args) + len(kwargs) > 2:
            raise TypeError("repeat() takes at most 2 arguments (" + str(len(args) + len(kwargs)) + " given)")
        if args:
            obj = args[0]
        elif "object" in kwargs:
            obj = kwargs.pop("object")
        else:
            raise TypeError("repeat() missing required argument 'object' (pos 1)")
        times = args[1] if len(args) > 1 else kwargs.pop("times", None)
        for name in kwargs:
            raise TypeError("repeat() got an unexpected keyword argument '" + name + "'")
        if times is not None:
            if not isinstance(times, int):
                raise TypeError("'" + type(times).__name__ + "' object cannot be interpreted as an integer")
            times = max(int(times), 0)
        self._object = obj
        self._left = times

    def __iter__(self):
        return self

    def __next__(self):
        if self._left is None:
            return self._object
        if self._left == 0:
            raise StopIteration
        self._left -= 1
        return self._object

    def __repr__(self):
        if self._left is None:
            return "repeat(" + repr(self._object) + ")"
        return "repeat(" + repr(self._object) + ", " + str(self._left) + ")"


def cycle(iterable):
    """`cycle('AB')`: A B A B ... (the items saved on the first pass)."""
    return _cycle(iter(iterable))


def _cycle(it):
    saved = []
    for item in it:
        yield item
        saved.append(item)
    while saved:
        for item in saved:
            yield item


def accumulate(iterable, func=None, *, initial=None):
    """Running totals (or running results of `func(total, item)`), starting from
    `initial` when it is given."""
    return _accumulate(iter(iterable), func, initial)


def _accumulate(it, func, total):
    if total is None:
        for total in it:
            break
        else:
            return
    yield total
    for item in it:
        total = total + item if func is None else func(total, item)
        yield total


def chain(*iterables):
    """The items of each iterable in turn."""
    return _chain(iter(iterables))


def _chain(iterables):
    for iterable in iterables:
        yield from iterable


def _from_iterable(iterables):
    """`chain.from_iterable([[1, 2], [3]])`: chain over an iterable of iterables."""
    return _chain(iter(iterables))


chain.from_iterable = _from_iterable


def compress(data, selectors):
    """The items of `data` whose selector is true."""
    return _compress(iter(data), iter(selectors))


def _compress(data, selectors):
    for item, keep in zip(data, selectors):
        if keep:
            yield item


def dropwhile(predicate, iterable):
    """The items from the first one for which `predicate` is false on."""
    return _dropwhile(predicate, iter(iterable))


def _dropwhile(predicate, it):
    for item in it:
        if not predicate(item):
            yield item
            break
    yield from it


def takewhile(predicate, iterable):
    """The items up to (not including) the first one for which `predicate` is false."""
    return _takewhile(predicate, iter(iterable))


def _takewhile(predicate, it):
    for item in it:
        if not predicate(item):
            return
        yield item


def filterfalse(predicate, iterable):
    """The items for which `predicate` (or, when it is None, the item itself) is
    false."""
    return _filterfalse(predicate, iter(iterable))


def _filterfalse(predicate, it):
    for item in it:
        if not (item if predicate is None else predicate(item)):
            yield item


def starmap(function, iterable):
    """`function(*args)` for each tuple of arguments."""
    return _starmap(function, iter(iterable))


def _starmap(function, it):
    for args in it:
        # (tuple() first: a non-iterable is "'int' object is not iterable", as in
        # CPython, rather than a call's complaint.)
        yield function(*tuple(args))


def pairwise(iterable):
    """Overlapping pairs: `pairwise('ABC')` is AB, BC."""
    return _pairwise(iter(iterable))


def _pairwise(it):
    for previous in it:
        break
    else:
        return
    for item in it:
        yield previous, item
        previous = item


def islice(iterable, *args):
    """`islice(it, stop)` or `islice(it, start, stop[, step])`: the items a slice
    `[start:stop:step]` would take, without a sequence."""
    if not args:
        raise TypeError("islice expected at least 2 arguments, got 1")
    if len(args) > 3:
        raise TypeError("islice expected at most 4 arguments, got " + str(len(args) + 1))
    it = iter(iterable)
    if len(args) == 1:
        start, step = 0, 1
        stop = _index(args[0], "Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.")
    else:
        message = "Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize."
        start = _index(args[0], message)
        stop = _index(args[1], message)
        step = args[2] if len(args) == 3 else None
        if step is not None:
            if not isinstance(step, int) or step <= 0:
                raise ValueError("Step for islice() must be a positive integer or None.")
        start = start or 0
        step = step or 1
    return _islice(it, start, stop, step)


def _islice(it, start, stop, step):
    # As CPython's: the items before the next one wanted are read and dropped (even
    # past `stop`, when `start` is), then none is read once `stop` items have been.
    count = 0
    wanted = start
    while True:
        while count < wanted:
            for _ in it:
                break
            else:
                return
            count += 1
        if stop is not None and count >= stop:
            return
        for item in it:
            break
        else:
            return
        count += 1
        yield item
        wanted += step
        if stop is not None and wanted > stop:
            wanted = stop


def groupby(iterable, key=None):
    """Runs of consecutive items with the same key, as `(key, group)` pairs; a
    group shares the underlying iterator, so moving on to the next pair ends it."""
    return _groupby(_Grouping(iter(iterable), key))


class _Grouping:
    """What `groupby`'s pairs and groups share: the iterator, the item it was last
    at and that item's key, and which group is current."""

    def __init__(self, it, key):
        self.it = it
        self.key = key
        self.item = None
        self.item_key = None
        self.at_end = False
        self.has_item = False
        self.group = 0

    def advance(self):
        """Moves to the next item; False at the end."""
        for item in self.it:
            self.item = item
            self.item_key = item if self.key is None else self.key(item)
            self.has_item = True
            return True
        self.at_end = True
        self.has_item = False
        return False


def _groupby(state):
    while True:
        if not state.has_item and not state.advance():
            return
        key = state.item_key
        state.group += 1
        yield key, _group(state, state.group, key)
        # Skip what the group left unread.
        while state.has_item and state.item_key == key:
            if not state.advance():
                return


def _group(state, number, key):
    while state.group == number and state.has_item and state.item_key == key:
        item = state.item
        yield item
        if state.group != number:
            return
        state.has_item = False
        if not state.advance():
            return


def zip_longest(*iterables, fillvalue=None):
    """Like `zip`, until the longest iterable ends, the others' places filled with
    `fillvalue`."""
    return _zip_longest([iter(it) for it in iterables], fillvalue)


def _zip_longest(iterators, fillvalue):
    live = len(iterators)
    if not live:
        return
    while True:
        row = []
        for i, it in enumerate(iterators):
            if it is None:
                row.append(fillvalue)
                continue
            for item in it:
                row.append(item)
                break
            else:
                live -= 1
                if not live:
                    return
                iterators[i] = None
                row.append(fillvalue)
        yield tuple(row)


def tee(iterable, n=2):
    """`n` independent iterators over one iterable (each item read from it once)."""
    if not isinstance(n, int):
        raise TypeError("'" + type(n).__name__ + "' object cannot be interpreted as an integer")
    if n < 0:
        raise ValueError("n must be >= 0")
    source = iter(iterable)
    start = _TeeLink()
    return tuple(_tee(source, start) for _ in range(n))


class _TeeLink:
    """One item of a `tee`'s stream: its value and the link after it (None until some
    iterator has read that far)."""

    def __init__(self):
        self.value = None
        self.next = None


class _tee:
    def __init__(self, source, link):
        self._source = source
        self._link = link

    def __iter__(self):
        return self

    def __next__(self):
        link = self._link
        if link.next is None:
            link.value = next(self._source)
            link.next = _TeeLink()
        self._link = link.next
        return link.value


def product(*iterables, repeat=1):
    """The Cartesian product: `product('AB', range(2))` is A0 A1 B0 B1."""
    if not isinstance(repeat, int):
        raise TypeError("'" + type(repeat).__name__ + "' object cannot be interpreted as an integer")
    if repeat < 0:
        raise ValueError("repeat argument cannot be negative")
    pools = [tuple(it) for it in iterables] * repeat
    return _product(pools)


def _product(pools):
    if any(len(pool) == 0 for pool in pools):
        return
    indices = [0] * len(pools)
    while True:
        yield tuple(pool[i] for pool, i in zip(pools, indices))
        # The odometer: the last wheel turns, carrying into the ones before it.
        k = len(pools) - 1
        while k >= 0:
            indices[k] += 1
            if indices[k] < len(pools[k]):
                break
            indices[k] = 0
            k -= 1
        if k < 0:
            return


def permutations(iterable, r=None):
    """Ordered arrangements of `r` items (all of them by default), in lexicographic
    order of position."""
    pool = tuple(iterable)
    r = len(pool) if r is None else _r_argument(r)
    return _permutations(pool, r)


def _permutations(pool, r):
    n = len(pool)
    if r > n:
        return
    chosen = []
    used = [False] * n

    # Depth-first over positions, with an explicit stack of next candidates.
    candidates = [0]
    while candidates:
        depth = len(candidates) - 1
        if depth == r:
            yield tuple(pool[i] for i in chosen)
            candidates.pop()
            if chosen:
                used[chosen.pop()] = False
            continue
        i = candidates[-1]
        while i < n and used[i]:
            i += 1
        if i == n:
            candidates.pop()
            if chosen:
                used[chosen.pop()] = False
            continue
        candidates[-1] = i + 1
        used[i] = True
        chosen.append(i)
        candidates.append(0)


def combinations(iterable, r):
    """`r`-item selections in the order of the input, without repeats."""
    pool = tuple(iterable)
    return _combinations(pool, _r_argument(r), False)


def combinations_with_replacement(iterable, r):
    """`r`-item selections in the order of the input, an item as often as wanted."""
    pool = tuple(iterable)
    return _combinations(pool, _r_argument(r), True)


def _combinations(pool, r, replace):
    n = len(pool)
    if (r > n and not replace) or (n == 0 and r > 0):
        return
    step = 0 if replace else 1
    indices = [k * step for k in range(r)]
    while True:
        yield tuple(pool[i] for i in indices)
        # The rightmost index that can still move right, then the ones after it
        # restart just after it.
        k = r - 1
        while k >= 0 and indices[k] == (n - 1 if replace else n - r + k):
            k -= 1
        if k < 0:
            return
        indices[k] += 1
        for j in range(k + 1, r):
            indices[j] = indices[j - 1] + step
