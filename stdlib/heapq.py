# heapq for Baton: a binary min-heap kept in a list (heap[k] <= heap[2k+1] and
# heap[2k+2]). The sift steps are the ones CPython's heapq uses, so a heap built by the
# same calls has the same layout, and the functions raise CPython's errors.


def _check(heap, name, which="argument 1"):
    if not isinstance(heap, list):
        raise TypeError(name + "() " + which + " must be list, not " + type(heap).__name__)


def _sift_toward_root(heap, top, pos):
    """Moves heap[pos] up toward `top` past every parent greater than it."""
    item = heap[pos]
    while pos > top:
        parent_pos = (pos - 1) >> 1
        parent = heap[parent_pos]
        if item < parent:
            heap[pos] = parent
            pos = parent_pos
            continue
        break
    heap[pos] = item


def _sift_toward_leaves(heap, pos):
    """Refills position `pos`: the smaller child moves up until a leaf is reached,
    then the item that was at `pos` goes there and moves back up as far as it must
    (fewer comparisons than stopping on the way down)."""
    end = len(heap)
    top = pos
    item = heap[pos]
    child = 2 * pos + 1
    while child < end:
        right = child + 1
        if right < end and not heap[child] < heap[right]:
            child = right
        heap[pos] = heap[child]
        pos = child
        child = 2 * pos + 1
    heap[pos] = item
    _sift_toward_root(heap, top, pos)


def heappush(heap, item):
    """Pushes `item`, keeping the heap invariant."""
    _check(heap, "heappush")
    heap.append(item)
    _sift_toward_root(heap, 0, len(heap) - 1)


def heappop(heap):
    """Pops the smallest item."""
    _check(heap, "heappop")
    if not heap:
        raise IndexError("index out of range")
    last = heap.pop()
    if heap:
        smallest = heap[0]
        heap[0] = last
        _sift_toward_leaves(heap, 0)
        return smallest
    return last


def heapreplace(heap, item):
    """Pops the smallest item, then pushes `item` (the heap never shrinks)."""
    _check(heap, "heapreplace")
    if not heap:
        raise IndexError("index out of range")
    smallest = heap[0]
    heap[0] = item
    _sift_toward_leaves(heap, 0)
    return smallest


def heappushpop(heap, item):
    """Pushes `item`, then pops the smallest item (faster than the two calls)."""
    _check(heap, "heappushpop")
    if heap and heap[0] < item:
        item, heap[0] = heap[0], item
        _sift_toward_leaves(heap, 0)
    return item


def heapify(x):
    """Rearranges the list `x` into a heap, in place."""
    _check(x, "heapify", "argument")
    for i in reversed(range(len(x) // 2)):
        _sift_toward_leaves(x, i)


def nsmallest(n, iterable, key=None):
    """The `n` smallest items, smallest first: `sorted(iterable, key=key)[:n]`."""
    return sorted(iterable, key=key)[:max(n, 0)]


def nlargest(n, iterable, key=None):
    """The `n` largest items, largest first:
    `sorted(iterable, key=key, reverse=True)[:n]`."""
    return sorted(iterable, key=key, reverse=True)[:max(n, 0)]


def merge(*iterables, key=None, reverse=False):
    """The items of sorted iterables in one sorted stream, read lazily; equal items
    come in the order of their iterables."""
    return _merge([iter(it) for it in iterables], key, reverse)


def _merge(iterators, key, reverse):
    # One entry per iterable that has items left: [its next item's key, its item].
    heads = []
    for order, it in enumerate(iterators):
        for item in it:
            heads.append([item if key is None else key(item), item, order, it])
            break
    while heads:
        best = 0
        for i in range(1, len(heads)):
            k = heads[i][0]
            if (k > heads[best][0]) if reverse else (k < heads[best][0]):
                best = i
        head = heads[best]
        yield head[1]
        for item in head[3]:
            head[0] = item if key is None else key(item)
            head[1] = item
            break
        else:
            heads.pop(best)
