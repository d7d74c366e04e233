//! Unit tests of the compiler on hand-built ASTs: disassembly snapshots, code object
//! shapes (names, cells, flags, qualnames) and compile-time SyntaxErrors.

use super::code::{CodeObject, Instr};
use super::*;
use crate::syntax::ast::*;
use crate::vm::value::Value;

/// Builds spans from a source text: `at(src, "needle")` spans the first occurrence.
struct Src(&'static str);

impl Src {
    fn at(&self, needle: &str) -> Span {
        let s = self.0.find(needle).expect("needle in source");
        Span::new(s, s + needle.len())
    }
    fn nth(&self, needle: &str, n: usize) -> Span {
        let mut from = 0;
        let mut s = 0;
        for _ in 0..=n {
            s = from + self.0[from..].find(needle).expect("needle in source");
            from = s + 1;
        }
        Span::new(s, s + needle.len())
    }
}

fn e(span: Span, kind: ExprKind) -> Expr {
    Expr::new(span, kind)
}
fn name(span: Span, n: &str) -> Expr {
    e(span, ExprKind::Name(n.into()))
}
fn int(span: Span, v: &str) -> Expr {
    e(span, ExprKind::Constant(Constant::Int(v.into())))
}
fn s(span: Span, kind: StmtKind) -> Stmt {
    Stmt::new(span, kind)
}
fn call(span: Span, f: Expr, args: Vec<Expr>) -> Expr {
    e(
        span,
        ExprKind::Call {
            func: Box::new(f),
            args,
            keywords: vec![],
        },
    )
}
fn assign(span: Span, t: Expr, v: Expr) -> Stmt {
    s(
        span,
        StmtKind::Assign {
            targets: vec![t],
            value: v,
        },
    )
}
fn param(span: Span, n: &str) -> Param {
    Param {
        name: n.into(),
        annotation: None,
        span,
    }
}
fn def(span: Span, n: &str, is_async: bool, params: Vec<Param>, body: Vec<Stmt>) -> Stmt {
    s(
        span,
        StmtKind::FunctionDef(Box::new(FunctionDef {
            name: n.into(),
            is_async,
            params: Parameters {
                args: params,
                ..Default::default()
            },
            body,
            decorators: vec![],
            returns: None,
        })),
    )
}

fn compile(src: &str, body: Vec<Stmt>) -> Result<Rc<CodeObject>, SyntaxError> {
    let m = Module { body };
    let mut r = SimpleResolver::default();
    compile_module(&m, src, "t.py", &mut r)
}

fn nested(code: &CodeObject, i: usize) -> Rc<CodeObject> {
    code.consts
        .iter()
        .filter_map(|c| match c {
            Value::Code(c) => Some(c.clone()),
            _ => None,
        })
        .nth(i)
        .expect("nested code object")
}

#[test]
fn module_snapshot() {
    let src = Src("x = 1\nprint(x + 2)\n");
    let body = vec![
        assign(
            src.at("x = 1"),
            name(src.at("x"), "x"),
            int(src.at("1"), "1"),
        ),
        s(
            src.at("print(x + 2)"),
            StmtKind::Expr(call(
                src.at("print(x + 2)"),
                name(src.at("print"), "print"),
                vec![e(
                    src.at("x + 2"),
                    ExprKind::BinOp {
                        left: Box::new(name(src.nth("x", 1), "x")),
                        op: BinOp::Add,
                        right: Box::new(int(src.at("2"), "2")),
                    },
                )],
            )),
        ),
    ];
    let code = compile(src.0, body).unwrap();
    let expected = "\
Disassembly of <code object <module> at \"t.py\", line 1>:
   1           0 LoadConst           0 (1)
               1 StoreGlobal         0 (x)
   2           2 LoadGlobal          1 (print)
               3 LoadGlobal          0 (x)
               4 LoadConst           1 (2)
               5 Binary              Add
               6 CallFunction        1
               7 Pop
               8 LoadConst           2 (None)
               9 ReturnValue
";
    assert_eq!(dis::disassemble(&code), expected);
    assert!(code.flags.module);
    assert!(code.stacksize >= 3);
    assert_eq!(code.lines.len(), code.instrs.len());
}

#[test]
fn closure_and_generator_snapshot() {
    // def f(a):
    //     def g():
    //         yield a
    //     return g
    let src = Src("def f(a):\n    def g():\n        yield a\n    return g\n");
    let g = def(
        src.at("def g():\n        yield a"),
        "g",
        false,
        vec![],
        vec![s(
            src.at("yield a"),
            StmtKind::Expr(e(
                src.at("yield a"),
                ExprKind::Yield(Some(Box::new(name(src.nth("a", 1), "a")))),
            )),
        )],
    );
    let f = def(
        src.at("def f(a):\n    def g():\n        yield a\n    return g"),
        "f",
        false,
        vec![param(src.nth("a", 0), "a")],
        vec![
            g,
            s(
                src.at("return g"),
                StmtKind::Return(Some(name(src.nth("g", 1), "g"))),
            ),
        ],
    );
    let code = compile(src.0, vec![f]).unwrap();
    let f = nested(&code, 0);
    assert_eq!(f.cellvars.len(), 1);
    assert_eq!(f.cell2arg, vec![(0, 0)]);
    assert_eq!(f.argcount, 1);
    let g = nested(&f, 0);
    assert_eq!(g.qualname.as_str(), "f.<locals>.g");
    assert!(g.flags.generator);
    assert_eq!(g.firstlineno, 2);
    let expected = "\
Disassembly of <code object f at \"t.py\", line 1>:
   2           0 LoadClosure         0 (a)
               1 BuildTuple          1
               2 LoadConst           1 (<code object g at \"t.py\", line 2>)
               3 MakeFunction        8 (closure)
               4 StoreFast           1 (g)
   4           5 LoadFast            1 (g)
               6 ReturnValue

Disassembly of <code object g at \"t.py\", line 2>:
   3           0 LoadDeref           0 (a)
               1 YieldValue  >> suspend
               2 Pop
               3 LoadConst           0 (None)
               4 ReturnValue
";
    assert_eq!(dis::disassemble(&f), expected);
}

#[test]
fn return_through_finally_inlines_the_final_body() {
    // def f():
    //     try:
    //         return 1
    //     finally:
    //         g()
    let src = Src("def f():\n    try:\n        return 1\n    finally:\n        g()\n");
    let body = vec![def(
        src.at("def f():"),
        "f",
        false,
        vec![],
        vec![s(
            src.at("try:"),
            StmtKind::Try {
                body: vec![s(
                    src.at("return 1"),
                    StmtKind::Return(Some(int(src.at("1"), "1"))),
                )],
                handlers: vec![],
                orelse: vec![],
                finalbody: vec![s(
                    src.at("g()"),
                    StmtKind::Expr(call(src.at("g()"), name(src.at("g()"), "g"), vec![])),
                )],
            },
        )],
    )];
    let code = compile(src.0, body).unwrap();
    let f = nested(&code, 0);
    use Instr::*;
    assert_eq!(
        &f.instrs[..8],
        &[
            SetupFinally(12),
            LoadConst(1),
            PopBlock,
            LoadGlobal(0),
            CallFunction(0),
            Pop,
            ReturnValue,
            PopBlock
        ]
    );
    assert_eq!(f.instrs.last(), Some(&ReturnValue));
}

#[test]
fn interactive_returns_last_expression() {
    let src = Src("1 + 2");
    let m = Module {
        body: vec![s(
            src.at("1 + 2"),
            StmtKind::Expr(e(
                src.at("1 + 2"),
                ExprKind::BinOp {
                    left: Box::new(int(src.at("1"), "1")),
                    op: BinOp::Add,
                    right: Box::new(int(src.at("2"), "2")),
                },
            )),
        )],
    };
    let mut r = SimpleResolver::default();
    let code = compile_module_interactive(&m, src.0, "<stdin>", &mut r).unwrap();
    use Instr::*;
    assert_eq!(
        code.instrs,
        vec![LoadConst(0), LoadConst(1), Binary(BinOp::Add), ReturnValue]
    );
}

#[test]
fn big_int_constants() {
    let src = Src("x = 0x1_0000_0000_0000_0000");
    let body = vec![assign(
        src.at(src.0),
        name(src.at("x"), "x"),
        int(src.at("0x"), "0x10000000000000000"),
    )];
    let code = compile(src.0, body).unwrap();
    match &code.consts[0] {
        Value::BigInt(b) => assert_eq!(b.to_string(), "18446744073709551616"),
        other => panic!("expected a BigInt, got {:?}", other),
    }
}

fn error_of(src: &str, body: Vec<Stmt>) -> (String, (usize, usize)) {
    let err = compile(src, body).unwrap_err();
    let lc = err.line_col(src);
    (err.msg, lc)
}

#[test]
fn loop_control_errors() {
    let src = Src("break");
    assert_eq!(
        error_of(src.0, vec![s(src.at("break"), StmtKind::Break)]),
        ("'break' outside loop".to_string(), (1, 1))
    );
    // while x:
    //     def f():
    //         continue
    let src = Src("while x:\n    def f():\n        continue\n");
    let body = vec![s(
        src.at("while"),
        StmtKind::While {
            test: Box::new(name(src.at("x"), "x")),
            body: vec![def(
                src.at("def f"),
                "f",
                false,
                vec![],
                vec![s(src.at("continue"), StmtKind::Continue)],
            )],
            orelse: vec![],
        },
    )];
    assert_eq!(
        error_of(src.0, body),
        ("'continue' not properly in loop".to_string(), (3, 9))
    );
}

#[test]
fn async_errors() {
    // def f():
    //     await x
    let src = Src("def f():\n    await x\n");
    let body = vec![def(
        src.at("def f"),
        "f",
        false,
        vec![],
        vec![s(
            src.at("await x"),
            StmtKind::Expr(e(
                src.at("await x"),
                ExprKind::Await(Box::new(name(src.at("x"), "x"))),
            )),
        )],
    )];
    assert_eq!(
        error_of(src.0, body),
        ("'await' outside async function".to_string(), (2, 5))
    );
    // async def f():
    //     yield 1
    //     return 2
    let src = Src("async def f():\n    yield 1\n    return 2\n");
    let body = vec![def(
        src.at("async def f"),
        "f",
        true,
        vec![],
        vec![
            s(
                src.at("yield 1"),
                StmtKind::Expr(e(
                    src.at("yield 1"),
                    ExprKind::Yield(Some(Box::new(int(src.at("1"), "1")))),
                )),
            ),
            s(
                src.at("return 2"),
                StmtKind::Return(Some(int(src.at("2"), "2"))),
            ),
        ],
    )];
    assert_eq!(
        error_of(src.0, body),
        ("'return' with value in async generator".to_string(), (3, 5))
    );
    let src = Src("yield");
    let body = vec![s(
        src.at("yield"),
        StmtKind::Expr(e(src.at("yield"), ExprKind::Yield(None))),
    )];
    assert_eq!(
        error_of(src.0, body),
        ("'yield' outside function".to_string(), (1, 1))
    );
}

#[test]
fn async_def_flags_and_method_qualname() {
    // class C:
    //     async def m(self):
    //         return super()
    let src = Src("class C:\n    async def m(self):\n        return super()\n");
    let m = def(
        src.at("async def m"),
        "m",
        true,
        vec![param(src.at("self"), "self")],
        vec![s(
            src.at("return super()"),
            StmtKind::Return(Some(call(
                src.at("super()"),
                name(src.at("super"), "super"),
                vec![],
            ))),
        )],
    );
    let body = vec![s(
        src.at("class C"),
        StmtKind::ClassDef(Box::new(ClassDef {
            name: "C".into(),
            bases: vec![],
            keywords: vec![],
            body: vec![m],
            decorators: vec![],
        })),
    )];
    let code = compile(src.0, body).unwrap();
    let c = nested(&code, 0);
    assert!(c.flags.class_body);
    assert_eq!(c.qualname.as_str(), "C");
    assert_eq!(c.cellvars[0].as_str(), "__class__");
    let m = nested(&c, 0);
    assert_eq!(m.qualname.as_str(), "C.m");
    assert!(m.flags.coroutine && !m.flags.generator);
    use Instr::*;
    assert_eq!(
        m.instrs,
        vec![
            LoadGlobal(0),
            LoadDeref(0),
            LoadFast(0),
            CallFunction(2),
            ReturnValue
        ]
    );
    let text = dis::disassemble(&code);
    assert!(
        text.contains("StoreName           1 (__classcell__)"),
        "{}",
        text
    );
}

#[test]
fn verifier_rejects_broken_block_discipline() {
    use super::codegen::verify;
    let src = Src("x");
    let mut code = (*compile(src.0, vec![]).unwrap()).clone_for_test();
    assert!(verify(&code).is_ok());
    code.instrs = vec![Instr::LoadConst(0), Instr::PopBlock, Instr::ReturnValue];
    code.lines = vec![1, 1, 1];
    assert!(verify(&code).unwrap_err().contains("PopBlock"));
    code.instrs = vec![Instr::LoadConst(0), Instr::LoadConst(0), Instr::ReturnValue];
    assert!(verify(&code).unwrap_err().contains("depth 2"));
}

#[test]
fn return_in_finally_during_return_drops_the_pending_value() {
    // def h():
    //     try:
    //         return 1
    //     finally:
    //         return 2
    let src = Src("def h():\n    try:\n        return 1\n    finally:\n        return 2\n");
    let body = vec![def(
        src.at("def h"),
        "h",
        false,
        vec![],
        vec![s(
            src.at("try:"),
            StmtKind::Try {
                body: vec![s(
                    src.at("return 1"),
                    StmtKind::Return(Some(int(src.at("1"), "1"))),
                )],
                handlers: vec![],
                orelse: vec![],
                finalbody: vec![s(
                    src.at("return 2"),
                    StmtKind::Return(Some(int(src.at("2"), "2"))),
                )],
            },
        )],
    )];
    let code = compile(src.0, body).unwrap();
    verify(&code).unwrap();
    let h = nested(&code, 0);
    use Instr::*;
    assert_eq!(
        &h.instrs[..6],
        &[
            SetupFinally(12),
            LoadConst(1),
            PopBlock,
            LoadConst(2),
            RotTwo,
            Pop
        ]
    );
}

trait CloneForTest {
    fn clone_for_test(&self) -> CodeObject;
}

impl CloneForTest for CodeObject {
    fn clone_for_test(&self) -> CodeObject {
        CodeObject {
            module: self.module.clone(),
            name: self.name.clone(),
            qualname: self.qualname.clone(),
            filename: self.filename.clone(),
            firstlineno: self.firstlineno,
            flags: self.flags,
            argcount: self.argcount,
            posonlyargcount: self.posonlyargcount,
            kwonlyargcount: self.kwonlyargcount,
            instrs: self.instrs.clone(),
            lines: self.lines.clone(),
            spans: self.spans.clone(),
            consts: self.consts.clone(),
            names: self.names.clone(),
            varnames: self.varnames.clone(),
            cellvars: self.cellvars.clone(),
            freevars: self.freevars.clone(),
            cell2arg: self.cell2arg.clone(),
            global_names: self.global_names.clone(),
            stacksize: self.stacksize,
            quick: Vec::new(),
            fast_argc: u32::MAX,
            caches: Box::default(),
            init_stores: None,
            hidden_from_tracebacks: Default::default(),
            iterable_coroutine: Default::default(),
        }
        .finish()
    }
}

fn compile_src(src: &str) -> Result<Rc<CodeObject>, SyntaxError> {
    let m = crate::syntax::parse_module(src).expect("test source parses");
    let mut r = SimpleResolver::default();
    compile_module(&m, src, "t.py", &mut r)
}

#[test]
fn private_names_are_mangled_inside_classes() {
    let src = "class C:\n    def m(self, __p, *, __k=1):\n        self.__a = __p\n        return dict(__x=1)\n    def __priv(self): pass\n";
    let code = compile_src(src).unwrap();
    let c = nested(&code, 0);
    let names: Vec<&str> = c.names.iter().map(|n| n.as_str()).collect();
    assert!(names.contains(&"_C__priv"), "{:?}", names);
    let m = nested(&c, 0);
    let vars: Vec<&str> = m.varnames.iter().map(|n| n.as_str()).collect();
    assert_eq!(vars, ["self", "_C__p", "_C__k"]);
    assert_eq!(m.names[0].as_str(), "_C__a");
    let text = dis::disassemble(&code);
    assert!(text.contains("('__x',)"), "{}", text);
    assert!(text.contains("'_C__k'"), "{}", text);
}

#[test]
fn scoping_errors_from_source() {
    let cases = [
        (
            "def g():\n x=1\n def f():\n  global x\n  nonlocal x\n",
            "name 'x' is nonlocal and global",
            4,
        ),
        (
            "def f():\n global x\n x: int = 1\n",
            "annotated name 'x' can't be global",
            3,
        ),
        (
            "def f():\n [x async for x in y]\n",
            "asynchronous comprehension outside of an asynchronous function",
            2,
        ),
        (
            "[(yield) for x in y]\n",
            "'yield' inside list comprehension",
            1,
        ),
        (
            "async def f():\n yield from x\n",
            "'yield from' inside async function",
            2,
        ),
        (
            "for x in y:\n pass\nelse:\n continue\n",
            "'continue' not properly in loop",
            4,
        ),
        (
            "def f():\n async with x: pass\n",
            "'async with' outside async function",
            2,
        ),
    ];
    for (src, msg, line) in cases {
        let e = compile_src(src).unwrap_err();
        assert_eq!((e.msg.as_str(), e.line_col(src).0), (msg, line), "{}", src);
    }
}

#[test]
fn constant_reprs() {
    use dis::repr;
    assert_eq!(repr(&Value::Float(1e16)), "1e+16");
    assert_eq!(repr(&Value::Float(1e-5)), "1e-05");
    assert_eq!(repr(&Value::Float(0.1)), "0.1");
    assert_eq!(repr(&Value::Float(3.0)), "3.0");
    assert_eq!(repr(&Value::Float(1.5e300)), "1.5e+300");
    assert_eq!(repr(&Value::str("it's\n")), "\"it's\\n\"");
    assert_eq!(repr(&Value::tuple(vec![Value::Int(1)])), "(1,)");
}

#[test]
fn docstrings() {
    let code = compile_src(
        "class C:\n    'cdoc'\n    def f(self):\n        'fdoc'\n    def g(self): pass\n",
    )
    .unwrap();
    let c = nested(&code, 0);
    assert!(dis::disassemble(&c).contains("StoreName           0 (__doc__)"));
    let f = nested(&c, 0);
    assert!(matches!(&f.consts[0], Value::Str(s) if s.as_str() == "fdoc"));
    let g = nested(&c, 1);
    assert!(matches!(&g.consts[0], Value::None));
}

#[test]
fn deep_expressions_compile_on_an_8mb_stack() {
    let n = 2900;
    let src = format!(
        "x = {}1{}\ny = {}\nz = {}1\n",
        "(".repeat(190),
        ")".repeat(190),
        vec!["1"; n].join(" + "),
        "-".repeat(n)
    );
    let h = std::thread::Builder::new()
        .stack_size(8 << 20)
        .spawn(move || compile_src(&src).is_ok())
        .unwrap();
    assert!(h.join().unwrap());
}
