//! Unit tests of `baton check` on small sources: Python's scoping rules (no false
//! positives), the three kinds of finding, and their positions.

use super::check_source;

fn messages(src: &str) -> Vec<String> {
    check_source(src)
        .into_iter()
        .map(|f| format!("{}:{}: {}", f.line, f.col, f.message))
        .collect()
}

fn clean(src: &str) {
    assert_eq!(messages(src), Vec::<String>::new(), "source:\n{}", src);
}

#[test]
fn scoping_without_false_positives() {
    clean("x = 1\nprint(x, len([]))\n");
    clean("def f():\n    return later\nlater = 1\n");
    clean("if False:\n    maybe = 1\nprint(maybe)\n");
    clean("def f():\n    global g\n    g = 1\nf()\nprint(g)\n");
    clean("def outer():\n    a = 1\n    def inner():\n        nonlocal a\n        a += 1\n        return a\n    return inner\n");
    clean("def outer():\n    a = 1\n    return lambda: a\n");
    clean("class C:\n    x = 1\n    y = x + 1\n    print(__module__, __qualname__)\n    def m(self):\n        return __class__, super()\n");
    clean("def f():\n    class C:\n        y = z\n    z = 2\n    return C\n");
    clean("print([y for y in range(3) if y], {k: v for k, v in {}.items()}, (i for i in ()))\n");
    clean("import asyncio\nimport os.path as p\nfrom sys import argv as a, exit\nprint(asyncio, p, a, exit)\n");
    clean("try:\n    pass\nexcept Exception as e:\n    print(e)\nctx = None\nwith ctx as (a, b):\n    print(a, b)\nfor i, *rest in []:\n    print(i, rest)\n");
    clean("x = 1\ndel x\n");
    clean("print(__name__, __file__, __doc__)\n");
    clean("class P:\n    __secret = 1\n    def get(self):\n        return self.__secret\n");
    clean("def f(a, *args, b=1, **kw):\n    return a, args, b, kw\n");
    clean("def f(x: int = 0) -> str:\n    y: Undefined\n    return str(x)\n");
    clean("print(f'{len([])!r:>{10}}')\n");
}

#[test]
fn undefined_names() {
    assert_eq!(
        messages("print(zqxw)\n"),
        ["1:7: name 'zqxw' is used but never defined"]
    );
    // the closest visible name is suggested: a local first, then a global, then a
    // builtin (`True`, `False` and `None` count as builtins, as in CPython)
    assert_eq!(
        messages("total = 1\ndef f(count):\n    return cont + totl\nprint(nope)\n"),
        [
            "3:12: name 'cont' is used but never defined; did you mean 'count'?",
            "3:19: name 'totl' is used but never defined; did you mean 'total'?",
            "4:7: name 'nope' is used but never defined; did you mean 'None'?",
        ]
    );
    // a method cannot see the class body's names
    assert_eq!(
        messages("class C:\n    x = 1\n    def m(self):\n        return x\n"),
        ["4:16: name 'x' is used but never defined"]
    );
    // a comprehension in a class body sees the class only through its first iterable
    assert_eq!(
        messages("class C:\n    n = 3\n    xs = [n for _ in range(n)]\n"),
        ["3:11: name 'n' is used but never defined"]
    );
    // `global` without any assignment defines nothing
    assert_eq!(
        messages("def f():\n    global g\n    return g\n"),
        ["3:12: name 'g' is used but never defined"]
    );
    assert_eq!(
        messages("print(open)\n"),
        ["1:7: 'open' is a Python builtin that Baton does not support"]
    );
    assert_eq!(
        messages("def f(x: Missing):\n    pass\n"),
        ["1:10: name 'Missing' is used but never defined"]
    );
}

#[test]
fn discarded_coroutines() {
    let msg = "coroutine 'fetch' is created here but never awaited; did you mean \
               `await fetch()` or `asyncio.create_task(fetch())`?";
    assert_eq!(
        messages("async def fetch():\n    pass\nasync def main():\n    fetch()\n    await fetch()\n    t = fetch()\n"),
        [format!("4:5: {}", msg)]
    );
    // rebound, decorated or shadowed: not known to be a coroutine function
    clean("async def fetch():\n    pass\nfetch = print\nfetch()\n");
    clean("def deco(f):\n    return f\n@deco\nasync def fetch():\n    pass\nfetch()\n");
    clean("async def fetch():\n    pass\ndef main(fetch):\n    fetch()\n");
    // a nested async def counts too
    assert_eq!(
        messages("def main():\n    async def job():\n        pass\n    job()\n"),
        ["4:5: coroutine 'job' is created here but never awaited; did you mean `await job()` or `asyncio.create_task(job())`?"]
    );
}

#[test]
fn await_outside_async_functions_all_reported() {
    assert_eq!(
        messages("import asyncio\nawait asyncio.sleep(0)\ndef f():\n    await asyncio.sleep(0)\n    g = lambda: await x\nclass C:\n    await f()\n"),
        [
            "2:1: SyntaxError: 'await' outside function",
            "4:5: SyntaxError: 'await' outside async function",
            "5:17: SyntaxError: 'await' outside async function",
            "5:23: name 'x' is used but never defined",
            "7:5: SyntaxError: 'await' outside function",
        ]
    );
    assert_eq!(
        messages("def f(xs):\n    async for x in xs:\n        pass\n    async with xs:\n        pass\n    return [await x for x in xs]\n"),
        [
            "2:5: SyntaxError: 'async for' outside async function",
            "4:5: SyntaxError: 'async with' outside async function",
            "6:12: SyntaxError: asynchronous comprehension outside of an asynchronous function",
        ]
    );
    // legal: an async generator expression anywhere, await inside async def
    clean("def f(xs):\n    return (await x for x in xs)\nasync def g(xs):\n    return [await x for x in xs]\n");
}

#[test]
fn syntax_errors() {
    assert_eq!(
        messages("x = (1,\n"),
        ["1:5: SyntaxError: '(' was never closed"]
    );
    assert_eq!(
        messages("for x in y:\nbreak\n"),
        ["2:1: IndentationError: expected an indented block after 'for' statement on line 1"]
    );
    assert_eq!(
        messages("break\n"),
        ["1:1: SyntaxError: 'break' outside loop"]
    );
    assert_eq!(
        messages("def f():\n    nonlocal q\n"),
        ["2:5: SyntaxError: no binding for nonlocal 'q' found"]
    );
}
