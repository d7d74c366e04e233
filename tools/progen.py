#!/usr/bin/env python3
# progen: the differential program generator. It writes random but valid, deterministic
# Baton programs (expressions, statements, functions, closures, classes, exceptions,
# generators, and asyncio code with create_task, sleep(0), gather, Queue, Event and
# cancellation), runs each on Baton and on python3 (CPython 3.11, the oracle), compares
# stdout and the exit status (and the exception line when both fail), and shrinks a
# disagreeing program to a small reproduction.
#
#   tools/progen.py run --baton target/release/baton --seed 1 --count 10000
#   tools/progen.py show --seed 1 --index 17      # print one program
#
# Determinism by construction: no id()/addresses, no sets of strings printed unsorted,
# no wall clock, only sleep(0). Program i of seed S is a pure function of (S, i).
import argparse
import os
import random
import re
import subprocess
import sys
import tempfile

INT_LITS = [0, 1, 2, 3, 5, 7, -1, -3, 10, 16, 100, 255, 1000, -128, 2**31, 2**63 - 1,
            -2**63, 2**64, 10**20, -(10**18)]
FLOAT_LITS = ["0.5", "1.5", "-2.25", "3.0", "0.1", "1e10", "-0.0", "2.5e-3", "123.456"]
STR_LITS = ["''", "'a'", "'abc'", "'Hello, World'", "' x y '", "'a,b,c'", "'ünï'",
            "'42'", "'-7'", "'tab\\tnew\\nline'", '"quo\'te"', "'aAbB'"]
SPECS = ["", ">6", "<4", "^7", "06d", "x", "X", "o", "b", ",", "+d", " d", "_", "#x"]
FSPECS = [".2f", ".3e", "g", ".1%", "10.4f", "<8.2f", ",.2f", "+.1f", ".0f"]


class Gen:
    def __init__(self, seed):
        self.r = random.Random(seed)
        self.n = 0

    def fresh(self, prefix):
        self.n += 1
        return "%s%d" % (prefix, self.n)

    def chance(self, p):
        return self.r.random() < p

    def pick(self, xs):
        return self.r.choice(xs)

    # ---- expressions: each returns source text of a value of the given type ----

    def int_e(self, env, d=0):
        r = self.r
        ivars = [v for v, t in env.items() if t == "int"]
        if d >= 3 or self.chance(0.3):
            if ivars and self.chance(0.5):
                return self.pick(ivars)
            return str(self.pick(INT_LITS) if self.chance(0.6) else r.randint(-50, 50))
        k = r.randint(0, 15)
        a = self.int_e(env, d + 1)
        if k <= 5:
            op = self.pick(["+", "-", "*", "//", "%", "&", "|", "^"])
            return "(%s %s %s)" % (a, op, self.int_e(env, d + 1))
        if k == 6:
            return "(%s %s %d)" % (a, self.pick(["<<", ">>"]), r.randint(0, 70))
        if k == 7:
            return "(%s ** %d)" % (a, r.randint(0, 4))
        if k == 8:
            return "%s(%s)" % (self.pick(["-", "~", "abs", "+"]), a)
        if k == 9:
            return "len(%s)" % self.pick([self.str_e(env, d + 1), self.list_e(env, d + 1)])
        if k == 10:
            return "%s(%s, %s)" % (self.pick(["min", "max"]), a, self.int_e(env, d + 1))
        if k == 11:
            return "(%s if %s else %s)" % (a, self.bool_e(env, d + 1), self.int_e(env, d + 1))
        if k == 12:
            return "sum(%s)" % self.list_e(env, d + 1)
        if k == 13:
            return "%s[%s]" % (self.list_e(env, d + 1), r.randint(-4, 4))
        if k == 14:
            return "int(%s)" % self.pick(["str(%s)" % a, "'%d'" % r.randint(-999, 999),
                                          self.float_e(env, d + 1), "True"])
        return "round(%s)" % self.float_e(env, d + 1)

    def float_e(self, env, d=0):
        if d >= 3 or self.chance(0.35):
            return self.pick(FLOAT_LITS)
        k = self.r.randint(0, 5)
        if k == 0:
            return "(%s / %s)" % (self.int_e(env, d + 1), self.int_e(env, d + 1))
        if k == 1:
            return "float(%s)" % self.int_e(env, d + 1)
        if k == 2:
            return "(%s %s %s)" % (self.float_e(env, d + 1), self.pick(["+", "-", "*", "/", "//", "%"]),
                                   self.float_e(env, d + 1))
        if k == 3:
            return "round(%s, %d)" % (self.float_e(env, d + 1), self.r.randint(0, 3))
        if k == 4:
            return "(%s * %s)" % (self.float_e(env, d + 1), self.int_e(env, d + 1))
        return "abs(%s)" % self.float_e(env, d + 1)

    def str_e(self, env, d=0):
        r = self.r
        svars = [v for v, t in env.items() if t == "str"]
        if d >= 3 or self.chance(0.3):
            if svars and self.chance(0.5):
                return self.pick(svars)
            return self.pick(STR_LITS)
        k = r.randint(0, 14)
        s = self.str_e(env, d + 1)
        if k == 0:
            return "(%s + %s)" % (s, self.str_e(env, d + 1))
        if k == 1:
            return "(%s * %d)" % (s, r.randint(-1, 3))
        if k == 2:
            return "%s.%s()" % (s, self.pick(["upper", "lower", "strip", "lstrip", "rstrip"]))
        if k == 3:
            return "%s.replace(%s, %s)" % (s, self.pick(["'a'", "','", "' '"]), self.pick(["'xy'", "''"]))
        if k == 4:
            return "%s[%d:%d]" % (s, r.randint(-5, 5), r.randint(-5, 8))
        if k == 5:
            return "%s[::%d]" % (s, self.pick([-1, 2, -2, 3]))
        if k == 6:
            return "str(%s)" % self.pick([self.int_e(env, d + 1), self.float_e(env, d + 1),
                                          self.list_e(env, d + 1), self.bool_e(env, d + 1)])
        if k == 7:
            return "repr(%s)" % self.pick([s, self.float_e(env, d + 1), self.list_e(env, d + 1)])
        if k == 8:
            return 'f"{%s:%s}"' % (self.field(self.int_e(env, d + 1)), self.pick(SPECS))
        if k == 9:
            return 'f"<{%s:%s}>"' % (self.field(self.float_e(env, d + 1)), self.pick(FSPECS))
        if k == 10:
            return "%s.join(%s)" % (self.pick(["'-'", "''", "', '"]),
                                    "map(str, %s)" % self.list_e(env, d + 1))
        if k == 11:
            return "%s.%s(%d, %s)" % (s, self.pick(["ljust", "rjust", "center"]), r.randint(0, 9),
                                      self.pick(["'*'", "' '"]))
        if k == 12:
            return 'f"{%s!r}:{%s}"' % (self.field(s), self.field(self.int_e(env, d + 1)))
        if k == 13:
            return "%s.zfill(%d)" % (s, r.randint(0, 8))
        return "%s[%d]" % (s, r.randint(-3, 3))

    def bool_e(self, env, d=0):
        r = self.r
        if d >= 3 or self.chance(0.2):
            return self.pick(["True", "False"])
        k = r.randint(0, 8)
        if k <= 2:
            return "(%s %s %s)" % (self.int_e(env, d + 1), self.pick(["<", "<=", "==", "!=", ">", ">="]),
                                   self.int_e(env, d + 1))
        if k == 3:
            return "(%s < %s <= %s)" % (self.int_e(env, d + 1), self.int_e(env, d + 1), self.int_e(env, d + 1))
        if k == 4:
            return "(%s in %s)" % (self.int_e(env, d + 1), self.list_e(env, d + 1))
        if k == 5:
            return "(%s in %s)" % (self.pick(["'a'", "'b'", "','", "''"]), self.str_e(env, d + 1))
        if k == 6:
            return "(not %s)" % self.bool_e(env, d + 1)
        if k == 7:
            return "(%s %s %s)" % (self.bool_e(env, d + 1), self.pick(["and", "or"]), self.bool_e(env, d + 1))
        return "%s.%s()" % (self.str_e(env, d + 1), self.pick(["isdigit", "isalpha"]))

    def list_e(self, env, d=0):
        r = self.r
        lvars = [v for v, t in env.items() if t == "list"]
        if d >= 3 or self.chance(0.3):
            if lvars and self.chance(0.5):
                return self.pick(lvars)
            return "[%s]" % ", ".join(str(r.randint(-9, 20)) for _ in range(r.randint(0, 5)))
        k = r.randint(0, 9)
        if k == 0:
            return "list(range(%d, %d, %d))" % (r.randint(-5, 5), r.randint(-5, 12), self.pick([1, 2, 3, -1, -2]))
        if k == 1:
            return "sorted(%s%s)" % (self.list_e(env, d + 1), self.pick(["", ", reverse=True", ", key=abs"]))
        if k == 2:
            return "(%s + %s)" % (self.list_e(env, d + 1), self.list_e(env, d + 1))
        if k == 3:
            return "%s[%d:%d]" % (self.list_e(env, d + 1), r.randint(-4, 3), r.randint(-3, 6))
        if k == 4:
            return "[x %s %s for x in %s if x %% %d]" % (self.pick(["+", "*", "-"]), r.randint(0, 4),
                                                         self.list_e(env, d + 1), r.randint(1, 3))
        if k == 5:
            return "list(reversed(%s))" % self.list_e(env, d + 1)
        if k == 6:
            return "list(map(abs, %s))" % self.list_e(env, d + 1)
        if k == 7:
            return "[%s, %s]" % (self.int_e(env, d + 1), self.int_e(env, d + 1))
        if k == 8:
            return "(%s * %d)" % (self.list_e(env, d + 1), r.randint(0, 2))
        return "[len(w) for w in %s.split(%s)]" % (self.str_e(env, d + 1), self.pick(["','", "' '", ""]))

    def field(self, e):
        """`e` if it may stand in a 3.11 f-string field written with double quotes."""
        return "0" if ('"' in e or "\\" in e or "{" in e or ":" in e) else e

    def any_e(self, env):
        return self.pick([self.int_e, self.str_e, self.bool_e, self.list_e, self.float_e])(env)

    # ---- statement helpers ----

    def guarded_print(self, e, ind="", label=None):
        """A print of `e` that reports any exception in CPython's words."""
        lab = "%r, " % label if label else ""
        return [ind + "try:",
                ind + "    print(%s%s)" % (lab, e),
                ind + "except Exception as e:",
                ind + "    print(%stype(e).__name__, e)" % lab]

    # ---- chunks: independent pieces of a program, each a list of lines ----

    def c_exprs(self):
        env = {}
        lines = []
        for _ in range(self.r.randint(2, 6)):
            name = self.fresh("v")
            t = self.pick(["int", "str", "list"])
            e = {"int": self.int_e, "str": self.str_e, "list": self.list_e}[t](env)
            lines += ["try:", "    %s = %s" % (name, e), "except Exception as e:",
                      "    print('init', type(e).__name__, e)",
                      "    %s = %s" % (name, {"int": "0", "str": "'s'", "list": "[1, 2]"}[t])]
            env[name] = t
            lines += self.guarded_print(self.any_e(env), label=name)
        return lines

    def c_flow(self):
        r = self.r
        x, i = self.fresh("acc"), self.fresh("i")
        env = {x: "int", i: "int"}
        lines = ["%s = %d" % (x, r.randint(-5, 5))]
        lines += ["for %s in %s:" % (i, self.pick(["range(%d)" % r.randint(0, 12),
                                                   "range(%d, %d, %d)" % (r.randint(-3, 3), r.randint(4, 15),
                                                                          r.randint(1, 3)),
                                                   "[3, 1, 4, 1, 5, 9, 2, 6]"])),
                  "    if %s %% %d == 0:" % (i, r.randint(2, 4)),
                  "        %s += %s" % (x, self.pick([i, "%s * 2" % i, "1"])),
                  "    elif %s > %d:" % (i, r.randint(3, 10)),
                  "        %s" % self.pick(["break", "continue", "%s -= 1" % x]),
                  "    else:",
                  "        %s = %s ^ %s" % (x, x, i),
                  "else:",
                  "    print('no break', %s)" % x,
                  "print('flow', %s, %s)" % (x, i)]
        n = self.fresh("n")
        lines += ["%s = %d" % (n, r.randint(0, 30)),
                  "while %s > 0:" % n,
                  "    %s -= %d" % (n, r.randint(1, 7)),
                  "    if %s == %d:" % (n, r.randint(0, 10)),
                  "        print('hit', %s)" % n,
                  "        break",
                  "else:",
                  "    print('while done', %s)" % n]
        env[n] = "int"
        lines += self.guarded_print(self.int_e(env), label="after")
        a, b, c = self.fresh("a"), self.fresh("b"), self.fresh("c")
        lines += self.guarded_print("%s" % self.pick(["[%s for %s in range(%d) for %s in range(%s)]" % (
            "(%s, %s)" % (a, b), a, r.randint(0, 4), b, a),
            "{%s: %s * %s for %s in range(%d) if %s != %d}" % (a, a, a, a, r.randint(0, 6), a, r.randint(0, 3)),
            "sorted({%s %% %d for %s in range(%d)})" % (a, r.randint(1, 5), a, r.randint(0, 20))]))
        lines += ["try:",
                  "    %s, *%s, %s = %s" % (a, b, c, self.list_e(env)),
                  "    print('unpack', %s, %s, %s)" % (a, b, c),
                  "except Exception as e:",
                  "    print(type(e).__name__, e)"]
        return lines

    def c_func(self):
        r = self.r
        f = self.fresh("f")
        env = {"a": "int", "b": "int", "k": "int"}
        body = self.int_e(env)
        lines = ["def %s(a, b=%d, *args, k=%d, **kw):" % (f, r.randint(-3, 3), r.randint(0, 5)),
                 "    if args:",
                 "        a = a + len(args)",
                 "    if kw:",
                 "        return sorted(kw.items())",
                 "    return %s" % body]
        calls = ["%s(%d)" % (f, r.randint(-5, 5)), "%s(%d, %d)" % (f, r.randint(-5, 5), r.randint(-5, 5)),
                 "%s(1, 2, 3, 4)" % f, "%s(b=1, a=2)" % f, "%s(1, k=%d)" % (f, r.randint(-2, 2)),
                 "%s(1, z=3, y=4)" % f, "%s()" % f, "%s(1, 2, a=3)" % f, "%s(*[1, 2], **{'k': 5})" % f,
                 "%s(1, b=2, b2=3)" % f, "%s(**{'a': 7})" % f]
        for c in r.sample(calls, r.randint(2, 5)):
            lines += self.guarded_print(c, label=c)
        g = self.fresh("counter")
        lines += ["def %s(start):" % g,
                  "    total = start",
                  "    def step(by=1):",
                  "        nonlocal total",
                  "        total += by",
                  "        return total",
                  "    return step",
                  "s = %s(%d)" % (g, r.randint(0, 9)),
                  "print([s(), s(%d), s()])" % r.randint(-3, 3),
                  "fs = [lambda x, i=i: x * i for i in range(%d)]" % r.randint(1, 5),
                  "print([h(%d) for h in fs])" % r.randint(1, 4)]
        rec = self.fresh("fib")
        lines += ["def %s(n):" % rec,
                  "    return n if n < 2 else %s(n - 1) + %s(n - 2)" % (rec, rec),
                  "print(%s(%d))" % (rec, r.randint(0, 15))]
        return lines

    def c_class(self):
        r = self.r
        A, B = self.fresh("A"), self.fresh("B")
        lines = ["class %s:" % A,
                 "    kind = %s" % self.pick(STR_LITS),
                 "    def __init__(self, x):",
                 "        self.x = x",
                 "    def __repr__(self):",
                 "        return '%s(' + repr(self.x) + ')'" % A,
                 "    def __eq__(self, other):",
                 "        return isinstance(other, %s) and self.x == other.x" % A,
                 "    def grow(self, n=1):",
                 "        self.x = self.x + n",
                 "        return self",
                 "    @property",
                 "    def double(self):",
                 "        return self.x * 2",
                 "    @classmethod",
                 "    def make(cls, v):",
                 "        return cls(v)",
                 "    @staticmethod",
                 "    def helper(a, b):",
                 "        return a - b",
                 "class %s(%s):" % (B, A),
                 "    def grow(self, n=1):",
                 "        super().grow(n * %d)" % r.randint(1, 3),
                 "        return self",
                 "    def __len__(self):",
                 "        return %d" % r.randint(0, 5)]
        if self.chance(0.5):
            lines += ["    def __lt__(self, other):",
                      "        return self.x < other.x"]
        objs = ["%s(%d)" % (self.pick([A, B]), r.randint(-5, 5)) for _ in range(3)]
        lines += ["objs = [%s]" % ", ".join(objs),
                  "print(objs, [o.double for o in objs])",
                  "print(objs[0] == objs[1], objs[0] == %s(%d), objs[0] != 3)" % (A, r.randint(-5, 5)),
                  "print(%s.make(%d).grow(%d), %s.make(1).grow(), %s.helper(5, 2))" % (
                      B, r.randint(0, 9), r.randint(0, 9), A, B),
                  "print(isinstance(objs[2], %s), issubclass(%s, %s), type(objs[0]).__name__, %s.kind)" % (
                      A, B, A, B)]
        for e in ["objs[0].missing", "%s.nope" % A, "len(%s(1))" % A, "len(%s(1))" % B,
                  "sorted(objs)", "objs[0] < objs[1]", "%s(1, 2)" % A, "%s()" % B,
                  "getattr(objs[1], 'x', 'dflt')", "hasattr(objs[1], 'double')"]:
            if self.chance(0.4):
                lines += self.guarded_print(e, label=e)
        return lines

    def c_exc(self):
        r = self.r
        E, F = self.fresh("MyError"), self.fresh("Other")
        f = self.fresh("risky")
        lines = ["class %s(Exception):" % E,
                 "    pass",
                 "class %s(%s):" % (F, E),
                 "    def __str__(self):",
                 "        return 'other:' + repr(self.args)",
                 "def %s(n):" % f,
                 "    try:",
                 "        if n == 0:",
                 "            raise %s('zero', n)" % E,
                 "        if n == 1:",
                 "            raise %s(n)" % F,
                 "        if n == 2:",
                 "            return 10 // (n - 2)",
                 "        if n == 3:",
                 "            return [1][n]",
                 "        if n == 4:",
                 "            return {'a': 1}['b']",
                 "        if n == 5:",
                 "            try:",
                 "                int('x%d')" % r.randint(0, 9),
                 "            except ValueError as e:",
                 "                raise %s('wrapped') from e" % E,
                 "        return n",
                 "    except %s as e:" % self.pick([F, "(%s, KeyError)" % F]),
                 "        print('inner caught', type(e).__name__, e)",
                 "        %s" % self.pick(["raise", "return -1", "pass"]),
                 "    else:",
                 "        print('no error', n)",
                 "    finally:",
                 "        print('finally', n)"]
        for n in r.sample(range(7), r.randint(3, 7)):
            lines += ["try:",
                      "    print('result', %s(%d))" % (f, n),
                      "except %s as e:" % E,
                      "    print('caught', type(e).__name__, e.args, repr(e.__cause__), e.__context__ is e.__cause__)",
                      "except Exception as e:",
                      "    print('other', type(e).__name__, e, repr(e))"]
        lines += ["try:",
                  "    try:",
                  "        raise KeyError(%s)" % self.pick(["'k'", "1", "(1, 2)"]),
                  "    finally:",
                  "        print('cleanup')",
                  "except LookupError as e:",
                  "    print('lookup', repr(e), str(e))"]
        return lines

    def c_gen(self):
        r = self.r
        g, h = self.fresh("gen"), self.fresh("outer")
        lines = ["def %s(n):" % g,
                 "    try:",
                 "        for i in range(n):",
                 "            got = yield i * %d" % r.randint(1, 3),
                 "            if got is not None:",
                 "                print('got', got)",
                 "        return 'done%d'" % r.randint(0, 9),
                 "    finally:",
                 "        print('gen finally', n)",
                 "def %s():" % h,
                 "    r = yield from %s(%d)" % (g, r.randint(0, 3)),
                 "    print('delegate returned', r)",
                 "    yield r",
                 "print(list(%s(%d)))" % (g, r.randint(0, 5)),
                 "print(list(%s()))" % h,
                 "it = %s(%d)" % (g, r.randint(2, 5)),
                 "print(next(it), it.send(%s), next(it))" % self.pick(["'x'", "None", "5"]),
                 "it.close()",
                 "print('closed')",
                 "it = %s(1)" % g,
                 "print(next(it))",
                 "try:",
                 "    next(it)",
                 "except StopIteration as e:",
                 "    print('stop', e.value)",
                 "print(sum(x * x for x in range(%d) if x %% 2), list(zip('abc', %s(5))))" % (r.randint(0, 9), g)]
        if self.chance(0.5):
            lines += ["it = %s(3)" % g,
                      "next(it)",
                      "try:",
                      "    it.throw(ValueError('thrown'))",
                      "except ValueError as e:",
                      "    print('throw came back', e)"]
        return lines

    def c_async_tasks(self):
        r = self.r
        main, worker = self.fresh("amain"), self.fresh("worker")
        nw = r.randint(1, 4)
        lines = ["async def %s(name, n, fail):" % worker,
                 "    total = 0",
                 "    for i in range(n):",
                 "        print(name, 'step', i)",
                 "        total += i",
                 "        await asyncio.sleep(0)",
                 "    if fail:",
                 "        raise ValueError(name)",
                 "    return (name, total)",
                 "async def %s():" % main]
        specs = [("w%d" % k, r.randint(0, 4), self.chance(0.25)) for k in range(nw)]
        mode = r.randint(0, 2)
        if mode == 0:
            lines += ["    tasks = [asyncio.create_task(%s(%r, %d, %r)) for _ in [0]][:0]" % (worker, "x", 0, False)]
            for name, n, fail in specs:
                lines.append("    tasks.append(asyncio.create_task(%s(%r, %d, %r)))" % (worker, name, n, fail))
            lines += ["    print('created', len(tasks))",
                      "    res = await asyncio.gather(*tasks, return_exceptions=True)",
                      "    print([r if isinstance(r, tuple) else repr(r) for r in res])"]
        elif mode == 1:
            lines += ["    try:",
                      "        res = await asyncio.gather(%s)" % ", ".join(
                          "%s(%r, %d, %r)" % (worker, n_, k, f) for n_, k, f in specs),
                      "        print('gathered', res)",
                      "    except ValueError as e:",
                      "        print('gather failed', e)",
                      "    await asyncio.sleep(0)",
                      "    await asyncio.sleep(0)"]
        else:
            lines += ["    t = asyncio.create_task(%s('solo', %d, False))" % (worker, r.randint(0, 3)),
                      "    print('before await', t.done())",
                      "    print('awaited', await t, t.done())",
                      "    c = %s('direct', %d, %r)" % (worker, r.randint(0, 2), self.chance(0.3)),
                      "    try:",
                      "        print(await c)",
                      "    except ValueError as e:",
                      "        print('direct failed', repr(e))"]
        lines += ["    print('main done')",
                  "asyncio.run(%s())" % main]
        return lines

    def c_async_queue(self):
        r = self.r
        main = self.fresh("qmain")
        lines = ["async def %s():" % main,
                 "    q = asyncio.Queue(%d)" % r.randint(0, 3),
                 "    async def producer(name, items):",
                 "        for it in items:",
                 "            await q.put((name, it))",
                 "            print(name, 'put', it, q.qsize())",
                 "    async def consumer(name):",
                 "        try:",
                 "            while True:",
                 "                item = await q.get()",
                 "                print(name, 'got', item)",
                 "                %s" % self.pick(["await asyncio.sleep(0)", "pass"]),
                 "                q.task_done()",
                 "        except asyncio.CancelledError:",
                 "            print(name, 'cancelled')",
                 "            raise",
                 "    consumers = [asyncio.create_task(consumer('c' + str(i))) for i in range(" +
                 "%d)]" % r.randint(1, 3),
                 "    await asyncio.gather(%s)" % ", ".join(
                     "producer('p%d', %s)" % (k, list(range(r.randint(0, 4)))) for k in range(r.randint(1, 3))),
                 "    await q.join()",
                 "    print('joined', q.empty())",
                 "    for c in consumers:",
                 "        c.cancel()",
                 "    res = await asyncio.gather(*consumers, return_exceptions=True)",
                 "    print([type(x).__name__ for x in res], [c.cancelled() for c in consumers])",
                 "    try:",
                 "        q.get_nowait()",
                 "    except asyncio.QueueEmpty:",
                 "        print('empty')",
                 "asyncio.run(%s())" % main]
        return lines

    def c_async_event(self):
        r = self.r
        main = self.fresh("emain")
        nw = r.randint(1, 4)
        lines = ["async def %s():" % main,
                 "    ev = asyncio.Event()",
                 "    async def waiter(i):",
                 "        print('waiting', i, ev.is_set())",
                 "        await ev.wait()",
                 "        print('woke', i)",
                 "        return i * %d" % r.randint(1, 5),
                 "    async def setter():",
                 "        for _ in range(%d):" % r.randint(0, 3),
                 "            await asyncio.sleep(0)",
                 "        print('setting')",
                 "        ev.set()",
                 "    ws = [asyncio.create_task(waiter(i)) for i in range(%d)]" % nw,
                 "    s = asyncio.create_task(setter())",
                 "    print(await asyncio.gather(*ws), await s)",
                 "    ev.clear()",
                 "    print('cleared', ev.is_set())",
                 "asyncio.run(%s())" % main]
        return lines

    def c_async_cancel(self):
        r = self.r
        main = self.fresh("cmain")
        swallow = self.chance(0.3)
        lines = ["async def %s():" % main,
                 "    async def loop(name):",
                 "        i = 0",
                 "        try:",
                 "            while True:",
                 "                await asyncio.sleep(0)",
                 "                i += 1",
                 "                print(name, 'tick', i)",
                 "        except asyncio.CancelledError as e:",
                 "            print(name, 'cancelled at', i, e.args)",
                 "            %s" % ("return 'swallowed'" if swallow else "raise"),
                 "        finally:",
                 "            print(name, 'finally')",
                 "    t = asyncio.create_task(loop('L'))",
                 "    for _ in range(%d):" % r.randint(0, 4),
                 "        await asyncio.sleep(0)",
                 "    print('cancel returns', t.cancel(%s))" % self.pick(["", "'stop'", "msg='bye'"]),
                 "    print('cancel again', t.cancel())",
                 "    try:",
                 "        print('result', await t)",
                 "    except asyncio.CancelledError:",
                 "        print('main saw CancelledError')",
                 "    print(t.done(), t.cancelled())",
                 "    async def child():",
                 "        await asyncio.sleep(0)",
                 "        return 'child'",
                 "    c = asyncio.create_task(child())",
                 "    c.cancel()",
                 "    r = await asyncio.gather(c, return_exceptions=True)",
                 "    print(type(r[0]).__name__)",
                 "asyncio.run(%s())" % main]
        return lines

    def c_dict(self):
        r = self.r
        d = self.fresh("d")
        env = {}
        keys = [self.pick(["'a'", "'b'", "'c'", "1", "2", "(1, 2)", "True", "-1"]) for _ in range(r.randint(0, 5))]
        lines = ["%s = {%s}" % (d, ", ".join("%s: %s" % (k, self.int_e(env)) for k in keys)),
                 "%s['z'] = %s" % (d, self.int_e(env)),
                 "print(%s, len(%s), list(%s.keys()), list(%s.values()))" % (d, d, d, d),
                 "print(%s.get('a'), %s.get('q', 0), %s.pop('z'), %s.setdefault('n', []))" % (d, d, d, d),
                 "%s.update({'a': 100, 3: 4})" % d,
                 "print(sorted(%s.items(), key=repr))" % d,
                 "for k, v in %s.items():" % d,
                 "    print(repr(k), v)",
                 "s = {%s}" % ", ".join(str(r.randint(0, 9)) for _ in range(r.randint(1, 6))),
                 "s.add(%d)" % r.randint(0, 9),
                 "s.discard(%d)" % r.randint(0, 9),
                 "print(sorted(s), sorted(s | {1, 2}), sorted(s & {1, 2, 3}), sorted(s - {0}), len(s))"]
        for e in ["%s['missing']" % d, "%s[(1, 2)]" % d, "%s.pop('nope')" % d, "{}.popitem()", "s.remove(99)",
                  "[1, 2].index(5)", "%s[[1]]" % d, "'abc'.index('z')", "(1, 2)[5]", "'x' + 1", "1 + 'x'",
                  "None()", "len(5)", "int('1.5')", "[].pop()", "{1: 2}[3]"]:
            if self.chance(0.3):
                lines += self.guarded_print(e, label=e)
        return lines

    def ending(self):
        r = self.r
        k = r.randint(0, 9)
        if k == 0:
            return ["raise %s(%s)" % (self.pick(["ValueError", "KeyError", "RuntimeError", "TypeError"]),
                                      self.pick(STR_LITS))]
        if k == 1:
            return ["import sys", "sys.exit(%d)" % r.randint(0, 5)]
        if k == 2:
            return ["print(%s)" % self.int_e({})]
        return []

    CHUNKS = ["c_exprs", "c_exprs", "c_flow", "c_func", "c_class", "c_exc", "c_gen", "c_dict",
              "c_async_tasks", "c_async_queue", "c_async_event", "c_async_cancel"]

    def program(self):
        """A list of chunks (each a list of lines); chunks are independent."""
        chunks = [["import asyncio"]]
        for _ in range(self.r.randint(2, 5)):
            chunks.append(getattr(self, self.pick(self.CHUNKS))())
        end = self.ending()
        if end:
            chunks.append(end)
        return chunks


def program_text(chunks):
    return "\n".join(line for c in chunks for line in c) + "\n"


def generate(seed, index):
    return Gen(seed * 1_000_003 + index).program()


# ---- running and comparing ----

def run_one(cmd, path, timeout):
    try:
        p = subprocess.run(cmd + [path], capture_output=True, timeout=timeout,
                           cwd=os.path.dirname(path),
                           env=dict(os.environ, PYTHONHASHSEED="0", PYTHONDONTWRITEBYTECODE="1"))
        return p.returncode, p.stdout, p.stderr
    except subprocess.TimeoutExpired:
        return "timeout", b"", b""


def last_line(b):
    """The exception line of a traceback, without a "Did you mean" hint (the
    generator checks the exception itself; the hints have tests of their own). The
    compiler's SyntaxWarnings (a `file:line: SyntaxWarning: ...` line and the source
    line under it) are left out: the generator calls literals on purpose, and python3
    runs with them ignored."""
    lines = []
    skip_source = False
    for line in b.decode("utf-8", "replace").strip().splitlines():
        if re.match(r"^.*:\d+: SyntaxWarning: ", line):
            skip_source = True
            continue
        if skip_source and line.startswith("  "):
            skip_source = False
            continue
        skip_source = False
        lines.append(line)
    line = lines[-1] if lines else ""
    return re.sub(r"\. Did you mean: .*\?$", "", line)


def outcome(cmd, text, workdir, timeout):
    path = os.path.join(workdir, "prog.py")
    with open(path, "w") as f:
        f.write(text)
    code, out, err = run_one(cmd, path, timeout)
    # An uncaught exception (status 1): its last line (type and message) must agree too.
    tail = last_line(err) if code == 1 else ""
    return code, out, tail


def disagree(baton_cmd, py_cmd, text, workdir, timeout):
    """None when both agree, else a description."""
    b = outcome(baton_cmd, text, workdir, timeout)
    p = outcome(py_cmd, text, workdir, timeout)
    if b == p:
        return None
    if p[0] == "timeout":
        return None  # the oracle itself did not finish: not a program we can judge
    return (b, p)


def is_valid_python(text):
    import warnings
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            compile(text, "prog.py", "exec")
        return True
    except SyntaxError:
        return False


def shrink(chunks, still_fails):
    """Greedy shrinking: drop whole chunks, then single lines (keeping the program
    valid Python), while the disagreement persists."""
    lines_of = [list(c) for c in chunks]
    changed = True
    while changed:
        changed = False
        for i in range(len(lines_of) - 1, -1, -1):
            cand = lines_of[:i] + lines_of[i + 1:]
            if still_fails(program_text(cand)):
                lines_of = cand
                changed = True
    flat = [line for c in lines_of for line in c]
    changed = True
    while changed:
        changed = False
        for i in range(len(flat) - 1, -1, -1):
            if i >= len(flat):
                continue
            # Drop the line, or the line with the indented block under it.
            j = i + 1
            ind = len(flat[i]) - len(flat[i].lstrip())
            while j < len(flat) and len(flat[j]) - len(flat[j].lstrip()) > ind:
                j += 1
            for cut in {(i, i + 1), (i, j)}:
                cand = flat[:cut[0]] + flat[cut[1]:]
                text = "\n".join(cand) + "\n"
                if is_valid_python(text) and still_fails(text):
                    flat = cand
                    changed = True
                    break
    return "\n".join(flat) + "\n"


def describe(diff):
    (bc, bo, bt), (pc, po, pt) = diff
    msg = []
    if bc != pc:
        msg.append("exit status: baton %s, python3 %s" % (bc, pc))
    if bo != po:
        bl, pl = bo.decode("utf-8", "replace").splitlines(), po.decode("utf-8", "replace").splitlines()
        for k in range(max(len(bl), len(pl))):
            x = bl[k] if k < len(bl) else "<end of output>"
            y = pl[k] if k < len(pl) else "<end of output>"
            if x != y:
                msg.append("stdout line %d: baton %r, python3 %r" % (k + 1, x, y))
                break
    if bt != pt:
        msg.append("exception: baton %r, python3 %r" % (bt, pt))
    return "; ".join(msg)


def check(args, baton_cmd, py_cmd, idx, work):
    """Runs program `idx`; returns the lines to report (empty when it agrees)."""
    chunks = generate(args.seed, idx)
    text = program_text(chunks)
    if not is_valid_python(text):
        return ["INVALID seed %d index %d: the generator wrote a program python3 rejects" % (args.seed, idx)]
    diff = disagree(baton_cmd, py_cmd, text, work, args.timeout)
    if diff is None:
        return []
    out = ["DISAGREE seed %d index %d: %s" % (args.seed, idx, describe(diff))]
    if args.no_shrink:
        small = text
    else:
        small = shrink(chunks, lambda t: disagree(baton_cmd, py_cmd, t, work, args.timeout) is not None)
    out.append("---- shrunk reproduction ----\n%s----" % small)
    if args.keep:
        os.makedirs(args.keep, exist_ok=True)
        with open(os.path.join(args.keep, "seed%d_%d.py" % (args.seed, idx)), "w") as f:
            f.write(small)
    return out


def cmd_run(args):
    import concurrent.futures
    import threading
    baton_cmd = [os.path.abspath(args.baton)]
    py_cmd = [args.python, "-X", "utf8", "-W", "ignore::SyntaxWarning"]
    failures = 0
    done = 0
    with tempfile.TemporaryDirectory(prefix="progen") as work:
        local = threading.local()

        def job(idx):
            if not hasattr(local, "dir"):
                local.dir = tempfile.mkdtemp(dir=work)
            return check(args, baton_cmd, py_cmd, idx, local.dir)

        indices = range(args.start, args.start + args.count)
        with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
            # Results are reported in program order, whatever order they finish in.
            for report in pool.map(job, indices):
                done += 1
                if report:
                    failures += 1
                    print("\n".join(report), flush=True)
                    if failures >= args.max_failures:
                        pool.shutdown(wait=False, cancel_futures=True)
                        break
                if args.progress and done % args.progress == 0:
                    print("progen: %d programs, %d disagreement(s) so far" % (done, failures), flush=True)
    print("progen: %d programs from seed %d (index %d..%d), %d disagreement(s)" % (
        done, args.seed, args.start, args.start + done - 1, failures), flush=True)
    return 1 if failures else 0


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    sub = ap.add_subparsers(dest="cmd", required=True)
    run = sub.add_parser("run", help="generate, run on baton and python3, compare")
    run.add_argument("--baton", required=True)
    run.add_argument("--python", default="python3")
    run.add_argument("--seed", type=int, default=1)
    run.add_argument("--start", type=int, default=0)
    run.add_argument("--count", type=int, default=200)
    run.add_argument("--timeout", type=float, default=20.0)
    run.add_argument("--keep", help="directory to save shrunk reproductions in")
    run.add_argument("--no-shrink", action="store_true")
    run.add_argument("--max-failures", type=int, default=20)
    run.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    run.add_argument("--progress", type=int, default=0, help="report every N programs")
    show = sub.add_parser("show", help="print one generated program")
    show.add_argument("--seed", type=int, default=1)
    show.add_argument("--index", type=int, default=0)
    args = ap.parse_args()
    if args.cmd == "show":
        sys.stdout.write(program_text(generate(args.seed, args.index)))
        return 0
    return cmd_run(args)


if __name__ == "__main__":
    sys.exit(main())
