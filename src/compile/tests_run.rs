//! End-to-end tests of the compiler: real source through the parser and the compiler,
//! checked by the bytecode verifier and run on the test interpreter (testvm.rs), with
//! the output CPython 3.11 prints for the same program.

use super::testvm::{repr, Vm};
use super::*;

fn run(src: &str) -> String {
    let m =
        crate::syntax::parse_module(src).unwrap_or_else(|e| panic!("{}", e.render("t.py", src)));
    let mut r = SimpleResolver::default();
    let code = compile_module(&m, src, "t.py", &mut r)
        .unwrap_or_else(|e| panic!("{}", e.render("t.py", src)));
    if let Err(e) = verify(&code) {
        panic!("{}\n{}", e, dis::disassemble(&code));
    }
    let mut vm = Vm::new(r.names.clone());
    if let Err(e) = vm.run(code.clone(), vec![], &[], &[]) {
        panic!("uncaught {}\noutput so far:\n{}", repr(&e), vm.out);
    }
    vm.out
}

#[test]
fn control_flow_matches_cpython() {
    let src = r#"def f(n):
    out = []
    for i in range(n):
        try:
            if i == 1:
                continue
            if i == 3:
                break
            out.append(i)
        finally:
            out.append(-i)
    else:
        out.append(99)
    return out
print(f(5), f(1))
def g():
    try:
        return 1
    finally:
        print("fin")
print(g())
def h():
    for i in range(3):
        try:
            return i
        finally:
            if i == 0:
                continue
    return -1
print(h())
def k(x):
    try:
        try:
            raise ValueError("a")
        except KeyError:
            print("no")
        except ValueError as e:
            print("yes", e)
            raise KeyError("b")
        finally:
            print("inner fin")
    except KeyError as e:
        print("outer", e)
    return 1 < x <= 3, 1 < x < 2
print(k(2))
a, *b, c = [1, 2, 3, 4]
print(a, b, c)
print([x * y for x in range(3) for y in range(x) if y], [*b, *b], (*b, a))
def fin():
    try:
        return 1
    finally:
        return 2
print(fin())
def clos():
    v = 1
    def inner(d):
        nonlocal v
        v += d
        return v
    return inner
c = clos()
print(c(2), c(3))
i = 0
while i < 10:
    i += 1
    if i % 2: continue
    if i > 6: break
    print(i)
else:
    print("no")
print(f"{i}-{a!r}-{'s'!r}")
x = [1, 2]
x[0] += 5
print(x, 3 in x, 6 in x and 1 or 0, not x or 7)
def deflt(a, b=10, *args):
    return a + b
print(deflt(1), deflt(1, 2))
def nested_loops():
    r = []
    for i in range(3):
        for j in range(3):
            try:
                if j == 1:
                    break
                r.append((i, j))
            except ValueError:
                pass
            finally:
                r.append("f")
        else:
            r.append("never")
    return r
print(nested_loops())
def exc_name():
    e = 5
    try:
        raise ValueError("v")
    except ValueError as e:
        pass
    try:
        return e
    except UnboundLocalError:
        return "unbound"
print(exc_name())
def reraise():
    try:
        try:
            raise KeyError("k")
        finally:
            print("cleanup")
    except (ValueError, KeyError) as err:
        return "got " + str_(err)
def str_(e):
    return f"{e}"
print(reraise())
def ret_in_except():
    for i in range(3):
        try:
            raise ValueError("x")
        except ValueError:
            if i == 1:
                return i
            continue
        finally:
            print("f", i)
print(ret_in_except())
"#;
    let expected = r#"[0, 0, -1, 2, -2, -3] [0, 0, 99]
fin
1
1
yes a
inner fin
outer 'b'
(True, False)
1 [2, 3] 4
[2] [2, 3, 2, 3] (2, 3, 1)
2
3 6
2
4
6
8-1-'s'
[6, 2] False 1 7
11 3
[(0, 0), 'f', 'f', (1, 0), 'f', 'f', (2, 0), 'f', 'f']
unbound
cleanup
got 'k'
f 0
f 1
1
"#;
    assert_eq!(run(src), expected);
}

#[test]
fn with_blocks_match_cpython() {
    // Run by CPython with this context manager in front:
    // class CM:
    //     def __init__(self, name): self.name = name
    //     def __enter__(self): return self.name
    //     def __exit__(self, t, e, tb):
    //         print("exit", "None" if e is None else f"{type(e).__name__}({e})")
    //         return e is not None and str(e) == "suppress"
    // cm = CM
    let src = r#"def w1():
    for i in range(3):
        with cm("a") as n:
            if i == 0:
                continue
            if i == 1:
                break
    with cm("b") as n, cm("c") as m:
        print(n, m)
    with cm("d"):
        raise ValueError("suppress")
    print("after suppress")
    try:
        with cm("e"):
            raise ValueError("boom")
    except ValueError as e:
        print("caught", e)
    with cm("f") as n:
        try:
            return n
        finally:
            print("finally in with")
print(w1())
"#;
    let expected = r#"exit None
exit None
b c
exit None
exit None
exit ValueError(suppress)
after suppress
exit ValueError(boom)
caught boom
finally in with
exit None
f
"#;
    assert_eq!(run(src), expected);
}

#[test]
fn generators_match_cpython() {
    let src = r#"def count(n):
    i = 0
    while i < n:
        x = yield i
        if x:
            print("sent", x)
        i += 1
    return "done"
def deleg():
    r = yield from count(3)
    print("result", r)
    yield from [10, 20]
    try:
        yield 99
    finally:
        print("gen finally")
for v in deleg():
    print(v)
print([x + 1 for x in count(4)], [*count(2)])
g = (a * b for a in range(3) for b in range(a) if b)
print([v for v in g])
def early():
    for v in count(5):
        if v == 2:
            return v
print(early())
def lam():
    f = lambda x: (yield x)
    for v in f(7):
        print("lam", v)
lam()
"#;
    let expected = r#"0
1
2
result done
10
20
99
gen finally
[1, 2, 3, 4] [0, 1]
[2]
2
lam 7
"#;
    assert_eq!(run(src), expected);
}
