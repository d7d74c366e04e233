# An exception raised while handling another: traceback shows "During handling of the above exception".
class Resource:
    def close(self):
        raise AttributeError("close failed")
def work():
    r = Resource()
    try:
        [1, 2, 3][10]
    except IndexError:
        r.close()
print("working")
work()
