//! Unit tests of the parser: AST shapes, CPython's error messages and positions, the
//! conformance corpus, and stress inputs (deep nesting, huge files).

use super::*;

fn ok(src: &str) -> Module {
    match parse_module(src) {
        Ok(m) => m,
        Err(e) => panic!("{:?} failed: {:?}", src, e),
    }
}

fn err(src: &str) -> SyntaxError {
    match parse_module(src) {
        Ok(m) => panic!("{:?} parsed: {:?}", src, m),
        Err(e) => e,
    }
}

fn expr(src: &str) -> Expr {
    let m = ok(src);
    match m.body.into_iter().next().map(|s| s.kind) {
        Some(StmtKind::Expr(e)) => e,
        other => panic!("not an expression statement: {:?}", other),
    }
}

/// (message, 1-based line, 1-based column) as CPython reports them.
fn check(src: &str, msg: &str, line: usize, col: usize) {
    let e = err(src);
    assert_eq!(e.msg, msg, "message for {:?}", src);
    let (l, c) = e.line_col(src);
    assert_eq!((l, c), (line, col), "position for {:?} ({})", src, msg);
}

#[test]
fn conformance_corpus() {
    let mut dirs = Vec::new();
    if let Ok(d) = std::env::var("BATON_CONFORMANCE") {
        dirs.push(std::path::PathBuf::from(d));
    }
    dirs.push("/work/shared/conformance/cases".into());
    dirs.push(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/conformance/cases"));
    let Some(dir) = dirs.into_iter().find(|d| d.is_dir()) else {
        println!("conformance cases not found; skipping");
        return;
    };
    let mut n = 0;
    let mut failures = Vec::new();
    for entry in std::fs::read_dir(&dir).expect("readable dir") {
        let path = entry.expect("dir entry").path();
        if path.extension().and_then(|e| e.to_str()) != Some("py") {
            continue;
        }
        let src = std::fs::read_to_string(&path).expect("readable file");
        n += 1;
        if let Err(e) = parse_module(&src) {
            failures.push(e.render(&path.display().to_string(), &src));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} failed:\n{}",
        failures.len(),
        n,
        failures.join("\n")
    );
    println!("parsed {} conformance files", n);
}

#[test]
fn statements() {
    ok("");
    ok("# only a comment\n\n   # another\n");
    ok("x = 1; y = 2;\n");
    ok("a = b = c = 0\nx, *y = z\n[a, b] = c\nx.y = 1\nx[1:2] = 3\n");
    ok("x += 1\nx **= 2\nx //= 3\nx >>= 1\nx <<= 1\nx @= y\nx: int = 1\ny: list\n");
    ok("del a, b[1], c.d\nglobal a, b\nassert x, 'm'\nraise\nraise E from None\n");
    ok("import a.b as c, d\nfrom m import (a, b as c,)\nfrom m import *\n");
    ok("if a:\n  pass\nelif b:\n  pass\nelse:\n  pass\n");
    ok("while x:\n  break\nelse:\n  continue\n");
    ok("for i, (a, b) in x:\n  pass\nelse:\n  pass\n");
    ok("try:\n  pass\nexcept (A, B) as e:\n  pass\nexcept C:\n  pass\nexcept:\n  pass\nelse:\n  pass\nfinally:\n  pass\n");
    ok("try:\n  pass\nfinally:\n  pass\n");
    ok("with a as b, c:\n  pass\nasync def f():\n  async with a as (b, c):\n    pass\n  async for x in y:\n    await z\n");
    ok("@d\n@e.f(1)\ndef f(a, b=1, /, c=2, *args, d, e=3, **kw) -> int:\n  return a\n");
    ok("def f(a: int, *, b: str = 'x'):\n  yield\n  yield from g\n  x = yield 1\n  y = (yield)\n");
    ok("class A(B, metaclass=M):\n  x = 1\n  def m(self): return self\n");
    ok("@dec\nclass A: pass\n");
    ok("match = 5\nprint(match)\ncase = 1\n");
    ok("f = lambda: 0\ng = lambda x, *a, y=1, **k: x\n");
    ok("f = lambda *, a: a\ng = lambda a, /, b=2: a\nh = lambda *a, **k: 0\n");
    ok("x = *a, b\nreturn_ = [*a]\nfor x in *a, b: pass\ndel x,\ny = a[*b]\n");
    ok("if x: pass\nelse: pass\n");
    let m = ok("with (a as b, c as d,):\n  pass\nwith (a, b):\n  pass\nwith (a) as b:\n  pass\n");
    let StmtKind::With { items, .. } = &m.body[0].kind else {
        panic!()
    };
    assert_eq!(items.len(), 2);
    let StmtKind::With { items, .. } = &m.body[1].kind else {
        panic!()
    };
    assert_eq!(items.len(), 2);
    let StmtKind::With { items, .. } = &m.body[2].kind else {
        panic!()
    };
    assert_eq!(items.len(), 1);
    ok("async def f():\n  async with (a as b,\n      c as d):\n    pass\n");
    ok("x = [\n  1,\n  2,\n]\n");
    ok("x = 1 \\\n  + 2\n");
    ok("if x:\n\n  # comment\n  y\n");
    ok("def f():\n\tif x:\n\t\treturn 1\n");
    let m = ok("@d\ndef f():\n  pass\n");
    let s = &m.body[0];
    assert_eq!(s.span.start, 3, "FunctionDef span starts at 'def'");
    let StmtKind::FunctionDef(f) = &s.kind else {
        panic!()
    };
    assert_eq!(f.decorators.len(), 1);
}

#[test]
fn params() {
    let m = ok("def f(a, b=1, /, c=2, *args, d, e=3, **kw): pass\n");
    let StmtKind::FunctionDef(f) = &m.body[0].kind else {
        panic!()
    };
    let p = &f.params;
    assert_eq!(p.args.len(), 3);
    assert_eq!(p.posonly, 2);
    assert_eq!(p.defaults.len(), 2);
    assert_eq!(p.vararg.as_ref().map(|v| v.name.as_str()), Some("args"));
    assert_eq!(p.kwonlyargs.len(), 2);
    assert!(p.kw_defaults[0].is_none() && p.kw_defaults[1].is_some());
    assert_eq!(p.kwarg.as_ref().map(|v| v.name.as_str()), Some("kw"));
}

#[test]
fn expressions() {
    let e = expr("-2**2");
    let ExprKind::UnaryOp {
        op: UnaryOp::USub,
        operand,
    } = e.kind
    else {
        panic!()
    };
    assert!(matches!(
        operand.kind,
        ExprKind::BinOp { op: BinOp::Pow, .. }
    ));
    let e = expr("await x ** 2");
    let ExprKind::BinOp {
        left,
        op: BinOp::Pow,
        ..
    } = e.kind
    else {
        panic!()
    };
    assert!(matches!(left.kind, ExprKind::Await(_)));
    let e = expr("2 ** 3 ** 2");
    let ExprKind::BinOp { right, .. } = e.kind else {
        panic!()
    };
    assert!(matches!(right.kind, ExprKind::BinOp { op: BinOp::Pow, .. }));
    let e = expr("a and b and c");
    let ExprKind::BoolOp { values, .. } = e.kind else {
        panic!()
    };
    assert_eq!(values.len(), 3);
    let e = expr("a < b <= c not in d is not e");
    let ExprKind::Compare { ops, .. } = e.kind else {
        panic!()
    };
    assert_eq!(ops, vec![CmpOp::Lt, CmpOp::LtE, CmpOp::NotIn, CmpOp::IsNot]);
    let e = expr("f(a, *b, c=1, **d)");
    let ExprKind::Call { args, keywords, .. } = e.kind else {
        panic!()
    };
    assert_eq!(args.len(), 2);
    assert_eq!(keywords.len(), 2);
    assert!(matches!(
        expr("f(x for x in y)").kind,
        ExprKind::Call { .. }
    ));
    assert!(matches!(expr("()").kind, ExprKind::Tuple(ref v) if v.is_empty()));
    assert!(matches!(expr("(1,)").kind, ExprKind::Tuple(ref v) if v.len() == 1));
    assert!(matches!(expr("(1)").kind, ExprKind::Constant(_)));
    assert!(matches!(expr("{}").kind, ExprKind::Dict { .. }));
    assert!(matches!(expr("{1}").kind, ExprKind::Set(_)));
    assert!(matches!(expr("{**a, 'b': 1,}").kind, ExprKind::Dict { .. }));
    assert!(matches!(
        expr("{k: v for k, v in x if k}").kind,
        ExprKind::DictComp { .. }
    ));
    assert!(matches!(
        expr("{x async for x in y}").kind,
        ExprKind::SetComp { .. }
    ));
    assert!(matches!(
        expr("[x for y in z for x in y if x if y]").kind,
        ExprKind::ListComp { .. }
    ));
    assert!(matches!(
        expr("(x for x in y)").kind,
        ExprKind::GeneratorExp { .. }
    ));
    assert!(matches!(expr("[*a, *b]").kind, ExprKind::List(_)));
    assert!(matches!(expr("a if b else c").kind, ExprKind::IfExp { .. }));
    assert!(matches!(
        expr("lambda x=1: x").kind,
        ExprKind::Lambda { .. }
    ));
    let e = expr("a[1:2, ::3, 4]");
    let ExprKind::Subscript { index, .. } = e.kind else {
        panic!()
    };
    assert!(matches!(index.kind, ExprKind::Tuple(ref v) if v.len() == 3));
    assert!(matches!(expr("x.y.z").kind, ExprKind::Attribute { .. }));
    assert!(matches!(
        expr("...").kind,
        ExprKind::Constant(Constant::Ellipsis)
    ));
    assert!(matches!(expr("0xFF").kind, ExprKind::Constant(Constant::Int(ref s)) if s == "0xFF"));
}

#[test]
fn strings_and_fstrings() {
    let e = expr("'a' \"b\" '''c'''");
    assert!(matches!(e.kind, ExprKind::Constant(Constant::Str(ref s)) if s == "abc"));
    let e = expr("f'x{a!r:>{w}}y{{z}}' 'q'");
    let ExprKind::JoinedStr(parts) = e.kind else {
        panic!()
    };
    assert_eq!(parts.len(), 3);
    assert!(matches!(&parts[0], FStringPart::Literal(s) if s == "x"));
    let FStringPart::Formatted {
        value,
        conversion,
        spec,
        debug_text,
    } = &parts[1]
    else {
        panic!()
    };
    assert_eq!(*conversion, Some('r'));
    assert!(debug_text.is_none());
    assert_eq!(value.span.start, 4);
    let spec = spec.as_ref().expect("spec");
    assert!(matches!(&spec[0], FStringPart::Literal(s) if s == ">"));
    assert!(matches!(&spec[1], FStringPart::Formatted { .. }));
    assert!(matches!(&parts[2], FStringPart::Literal(s) if s == "y{z}q"));
    let e = expr("f'{x = }'");
    let ExprKind::JoinedStr(parts) = e.kind else {
        panic!()
    };
    let FStringPart::Formatted {
        conversion,
        debug_text,
        ..
    } = &parts[0]
    else {
        panic!()
    };
    assert_eq!(debug_text.as_deref(), Some("x = "));
    assert_eq!(*conversion, Some('r'));
    let e = expr("f'{x=:>10}'");
    let ExprKind::JoinedStr(parts) = e.kind else {
        panic!()
    };
    let FStringPart::Formatted { conversion, .. } = &parts[0] else {
        panic!()
    };
    assert_eq!(*conversion, None);
    let e = expr("f'a\\n{x}\\x41{{' rf'\\n{y}'");
    let ExprKind::JoinedStr(parts) = e.kind else {
        panic!()
    };
    assert!(matches!(&parts[0], FStringPart::Literal(s) if s == "a\n"));
    assert!(matches!(&parts[2], FStringPart::Literal(s) if s == "A{\\n"));
    assert!(matches!(&parts[3], FStringPart::Formatted { .. }));
    ok("f'{a[\"k\"]} {b!s} {c!a} {d:,.2f} {e:%} {f(1, 2)} {x if y else z} {a == b}'\n");
    ok("f'''{\n  a +\n  b\n}'''\n");
    ok("rf'\\d{x}' fr'{y}\\n'\n");
    check("f'{}'", "f-string: empty expression not allowed", 1, 6);
    check("f'}'", "f-string: single '}' is not allowed", 1, 5);
    assert_eq!(
        err("f'{x!z}'").msg,
        "f-string: invalid conversion character: expected 's', 'r', or 'a'"
    );
    assert_eq!(err("f'{x'").msg, "f-string: expecting '}'");
    assert_eq!(err("f'{a b}'").msg, "f-string: invalid syntax");
    assert_eq!(
        err("f'{a\\n}'").msg,
        "f-string expression part cannot include a backslash"
    );
}

#[test]
fn error_messages() {
    check("if x\n  pass", "expected ':'", 1, 5);
    check(
        "if x:\npass",
        "expected an indented block after 'if' statement on line 1",
        2,
        1,
    );
    check(
        "def f():\nx",
        "expected an indented block after function definition on line 1",
        2,
        1,
    );
    check(
        "class A:\nx",
        "expected an indented block after class definition on line 1",
        2,
        1,
    );
    check(
        "try:\n  x\nexcept:\ny",
        "expected an indented block after 'except' statement on line 3",
        4,
        1,
    );
    check(
        "if x:\n  y\nelse:\nz",
        "expected an indented block after 'else' statement on line 3",
        4,
        1,
    );
    check(
        "if x:\n  y\nelif z:\nz",
        "expected an indented block after 'elif' statement on line 3",
        4,
        1,
    );
    check(
        "for x in y:\nz",
        "expected an indented block after 'for' statement on line 1",
        2,
        1,
    );
    check(
        "while x:\ny",
        "expected an indented block after 'while' statement on line 1",
        2,
        1,
    );
    check(
        "with a:\nb",
        "expected an indented block after 'with' statement on line 1",
        2,
        1,
    );
    let e = err("if x:\n");
    assert_eq!(
        e.msg,
        "expected an indented block after 'if' statement on line 1"
    );
    assert_eq!(e.kind, SyntaxErrorKind::IndentationError);
    assert!(e.incomplete);
    check("print(1\nx = 2\n", "'(' was never closed", 1, 6);
    let e = err("x = (1,\n");
    assert!(e.incomplete);
    check("x = (1,\n", "'(' was never closed", 1, 5);
    check("x = [1, 2", "'[' was never closed", 1, 5);
    check(
        "1 = x",
        "cannot assign to literal here. Maybe you meant '==' instead of '='?",
        1,
        1,
    );
    check(
        "f() = 1",
        "cannot assign to function call here. Maybe you meant '==' instead of '='?",
        1,
        1,
    );
    check(
        "a + 1 = 2",
        "cannot assign to expression here. Maybe you meant '==' instead of '='?",
        1,
        1,
    );
    check(
        "... = 1",
        "cannot assign to ellipsis here. Maybe you meant '==' instead of '='?",
        1,
        1,
    );
    check("None = 1", "cannot assign to None", 1, 1);
    check("True = 1", "cannot assign to True", 1, 1);
    check("(a, 1) = x", "cannot assign to literal", 1, 5);
    check("for 1 in x: pass", "cannot assign to literal", 1, 5);
    check("del 1", "cannot delete literal", 1, 5);
    check(
        "a if b else c = 1",
        "cannot assign to conditional expression",
        1,
        1,
    );
    check("x < y = 1", "cannot assign to comparison", 1, 1);
    check("x and y = 1", "cannot assign to expression", 1, 1);
    check("lambda: 1 = 1", "cannot assign to lambda", 1, 1);
    check(
        "[x for x in y] = 1",
        "cannot assign to list comprehension here. Maybe you meant '==' instead of '='?",
        1,
        1,
    );
    check(
        "{1: 2} = 1",
        "cannot assign to dict literal here. Maybe you meant '==' instead of '='?",
        1,
        1,
    );
    check(
        "f'{x}' = 1",
        "cannot assign to f-string expression here. Maybe you meant '==' instead of '='?",
        1,
        1,
    );
    check(
        "x = yield = 3",
        "assignment to yield expression not possible",
        1,
        5,
    );
    check(
        "f() += 1",
        "'function call' is an illegal expression for augmented assignment",
        1,
        1,
    );
    check(
        "a, b += 1",
        "'tuple' is an illegal expression for augmented assignment",
        1,
        1,
    );
    check(
        "def f(x, x): pass",
        "duplicate argument 'x' in function definition",
        1,
        10,
    );
    check(
        "def f(a=1, b): pass",
        "non-default argument follows default argument",
        1,
        12,
    );
    check(
        "def f(*, **k): pass",
        "named arguments must follow bare *",
        1,
        7,
    );
    check(
        "f(a=1, b)",
        "positional argument follows keyword argument",
        1,
        9,
    );
    check(
        "f(**k, *a)",
        "iterable argument unpacking follows keyword argument unpacking",
        1,
        8,
    );
    check(
        "f(x for x in y, 1)",
        "Generator expression must be parenthesized",
        1,
        3,
    );
    check("x = 012", "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers", 1, 5);
    check(
        "(]",
        "closing parenthesis ']' does not match opening parenthesis '('",
        1,
        2,
    );
    check(")", "unmatched ')'", 1, 1);
    check(
        "x = \"abc",
        "unterminated string literal (detected at line 1)",
        1,
        5,
    );
    let e = err("x = '''abc\n\n");
    assert_eq!(
        e.msg,
        "unterminated triple-quoted string literal (detected at line 2)"
    );
    assert!(e.incomplete);
    check("x = 1 €", "invalid character '€' (U+20AC)", 1, 7);
    let e = err("  x = 1");
    assert_eq!(
        (e.msg.as_str(), e.kind),
        ("unexpected indent", SyntaxErrorKind::IndentationError)
    );
    let e = err("if x:\n    a\n  b");
    assert_eq!(e.msg, "unindent does not match any outer indentation level");
    check(
        "if x:\n    a\n  b",
        "unindent does not match any outer indentation level",
        3,
        4,
    );
    let e = err("if x:\n\ta\n        b");
    assert_eq!(e.kind, SyntaxErrorKind::TabError);
    assert_eq!(e.msg, "inconsistent use of tabs and spaces in indentation");
    check(
        "print \"x\"",
        "Missing parentheses in call to 'print'. Did you mean print(...)?",
        1,
        1,
    );
    check("x = 1 +", "invalid syntax", 1, 8);
    check("a b", "invalid syntax", 1, 3);
    check("f(**)", "invalid syntax", 1, 5);
    check("x += 1 = 2", "invalid syntax", 1, 8);
    check("x = $", "invalid syntax", 1, 5);
    // Tokenizer errors later in the file win over parser errors, as in CPython.
    check(
        "a b\nx = 'abc",
        "unterminated string literal (detected at line 2)",
        2,
        5,
    );
    check(
        "if x = 1:\n  pass",
        "invalid syntax. Maybe you meant '==' or ':=' instead of '='?",
        1,
        4,
    );
    check(
        "try:\n  pass\nx = 1",
        "expected 'except' or 'finally' block",
        3,
        1,
    );
    assert!(err("try:\n  pass\n").incomplete);
    check("x = 1 if 2", "expected 'else' after 'if' expression", 1, 5);
    check(
        "x = [1, 2 3]",
        "invalid syntax. Perhaps you forgot a comma?",
        1,
        9,
    );
    check("x = 0o8", "invalid digit '8' in octal literal", 1, 7);
    check("class A(x for x in y): pass", "invalid syntax", 1, 11);
    check("while x == 1\n  pass", "expected ':'", 1, 13);
    check(
        "def f():\n    pass\n\n\n  x = 1",
        "unindent does not match any outer indentation level",
        5,
        8,
    );
    check("x = {1: 2, 3}", "':' expected after dictionary key", 1, 12);
    check("x = {**a, b}", "':' expected after dictionary key", 1, 11);
    check(
        "x = {1: }",
        "expression expected after dictionary key and ':'",
        1,
        7,
    );
    ok("x = {1, 2}\ny = {1: 2, **z}\n");
    check(
        "f(**k, b)",
        "positional argument follows keyword argument unpacking",
        1,
        9,
    );
    check(
        "class A(a=1, b): pass",
        "positional argument follows keyword argument",
        1,
        15,
    );
    // Unsupported syntax.
    assert!(err("match x:\n  case 1: pass")
        .msg
        .contains("Baton does not support the match statement"));
    assert!(err("if (x := 1): pass")
        .msg
        .contains("Baton does not support assignment expressions"));
    assert!(err("try:\n  x\nexcept* E:\n  y").msg.contains("except*"));
    assert!(err("x = b'a'").msg.contains("Baton does not support bytes"));
    assert!(err("x = 1j").msg.contains("complex"));
}

#[test]
fn spans() {
    let src = "x = 1\nif y:\n    z = f(a)\n";
    let m = ok(src);
    assert_eq!(m.body[0].span, Span::new(0, 5));
    assert_eq!(m.body[1].span.start, 6);
    let StmtKind::If { body, .. } = &m.body[1].kind else {
        panic!()
    };
    assert_eq!(body[0].span.start, 16);
    let StmtKind::Assign { value, .. } = &body[0].kind else {
        panic!()
    };
    assert_eq!(value.span, Span::new(20, 24));
}

#[test]
fn stress() {
    let t = std::time::Instant::now();
    let e = err(&"(".repeat(10_000));
    assert_eq!(e.msg, "too many nested parentheses");
    let e = err(&"[".repeat(100_000));
    assert_eq!(e.msg, "too many nested parentheses");
    let deep = format!("x = {}1{}\n", "(".repeat(150), ")".repeat(150));
    ok(&deep);
    let unary = format!("x = {}1\n", "-".repeat(100_000));
    let e = err(&unary);
    assert_eq!(e.msg, "too many nested expressions");
    let chain = format!("x = 1{}\n", " + 1".repeat(100_000));
    assert!(parse_module(&chain).is_err());
    let big = "x = 1 + 2\n".repeat(200_000);
    let m = ok(&big);
    assert_eq!(m.body.len(), 200_000);
    let mut nested = String::new();
    for i in 0..120 {
        nested.push_str(&" ".repeat(i));
        nested.push_str("if x:\n");
    }
    nested.push_str(&" ".repeat(120));
    nested.push_str("pass\n");
    let e = err(&nested);
    assert_eq!(e.msg, "too many levels of indentation");
    assert!(
        t.elapsed().as_secs() < 20,
        "stress inputs too slow: {:?}",
        t.elapsed()
    );
}

/// Development aid: with BATON_DIFF_DIR set, prints `Kind|msg|line|col` (or OK) for each
/// `src_*.py` in that directory, in name order, for comparison with python3.
#[test]
fn diff_dir() {
    let Ok(dir) = std::env::var("BATON_DIFF_DIR") else {
        return;
    };
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .expect("readable dir")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with("src_"))
        })
        .collect();
    paths.sort();
    let mut out = String::new();
    for p in paths {
        let src = std::fs::read_to_string(&p).expect("readable file");
        match parse_module(&src) {
            Ok(m) if std::env::var("BATON_DIFF_STRS").is_ok() => {
                let text = match m.body.first().map(|s| &s.kind) {
                    Some(StmtKind::Expr(Expr {
                        kind: ExprKind::Constant(Constant::Str(v)),
                        ..
                    })) => v
                        .chars()
                        .map(|c| (c as u32).to_string())
                        .collect::<Vec<_>>()
                        .join(" "),
                    Some(StmtKind::Expr(e)) => dump(e),
                    _ => "?".into(),
                };
                out.push_str(&text);
                out.push('\n');
            }
            Ok(m) if std::env::var("BATON_DIFF_LINES").is_ok() => {
                let mut lines = Vec::new();
                let mut stack: Vec<&Stmt> = m.body.iter().rev().collect();
                while let Some(s) = stack.pop() {
                    lines.push(line_of(&src, s.span.start as usize).to_string());
                    let bodies: Vec<&Vec<Stmt>> = match &s.kind {
                        StmtKind::FunctionDef(f) => vec![&f.body],
                        StmtKind::ClassDef(c) => vec![&c.body],
                        StmtKind::If { body, orelse, .. }
                        | StmtKind::While { body, orelse, .. }
                        | StmtKind::For { body, orelse, .. } => vec![body, orelse],
                        StmtKind::With { body, .. } => vec![body],
                        StmtKind::Try {
                            body,
                            orelse,
                            finalbody,
                            handlers,
                        } => {
                            let mut v = vec![body];
                            v.extend(handlers.iter().map(|h| &h.body));
                            v.push(orelse);
                            v.push(finalbody);
                            v
                        }
                        _ => vec![],
                    };
                    for b in bodies.into_iter().rev() {
                        stack.extend(b.iter().rev());
                    }
                }
                out.push_str(&lines.join(" "));
                out.push('\n');
            }
            Ok(_) => out.push_str("OK\n"),
            Err(e) => {
                let (l, c) = e.line_col(&src);
                out.push_str(&format!("{}|{}|{}|{}\n", e.kind.name(), e.msg, l, c));
            }
        }
    }
    std::fs::write(std::path::Path::new(&dir).join("actual.txt"), out).expect("writable");
}

#[test]
fn incomplete_inputs() {
    for src in [
        "def f():\n",
        "x = (",
        "s = '''abc\n",
        "x = 1 + \\\n",
        "@dec\n",
        "if x:\n  pass\nelse:\n",
    ] {
        let e = err(src);
        assert!(e.incomplete, "{:?} should be incomplete: {:?}", src, e);
    }
    for src in ["x = 1 +\n", "a b\n", "x = 'abc\n"] {
        let e = err(src);
        assert!(!e.incomplete, "{:?} should be complete: {:?}", src, e);
    }
    // A later tokenizer error wins over an earlier grammar-action error.
    check(
        "1 = x\ny = 'abc",
        "unterminated string literal (detected at line 2)",
        2,
        5,
    );
}

#[test]
fn trailing_comment_backslash() {
    ok("x = 1  # ends with a backslash \\\n");
    ok("x = 1\r\nif x:\r\n    y = 2\r\n");
}

#[test]
fn bom_and_leading_blank_lines() {
    ok("\u{feff}x = 1\n");
    check("\n\n# c\nprint(1\nx = 2\n", "'(' was never closed", 4, 6);
    check(
        "\n\nx = (1 2 3",
        "invalid syntax. Perhaps you forgot a comma?",
        3,
        6,
    );
}

/// A compact dump of an expression in the same notation as the python3 script used to
/// produce `expr_dump` expectations (CPython's `ast` module names).
fn dump(e: &Expr) -> String {
    let list = |v: &[Expr]| {
        v.iter()
            .map(|x| format!(" {}", dump(x)))
            .collect::<String>()
    };
    let opt = |x: &Option<Box<Expr>>| x.as_ref().map(|x| dump(x)).unwrap_or("_".into());
    let gens = |gs: &[Comprehension]| {
        gs.iter()
            .map(|c| {
                format!(
                    " (for{} {} {}{})",
                    if c.is_async { " async" } else { "" },
                    dump(&c.target),
                    dump(&c.iter),
                    c.ifs
                        .iter()
                        .map(|i| format!(" if {}", dump(i)))
                        .collect::<String>()
                )
            })
            .collect::<String>()
    };
    fn fparts(parts: &[FStringPart]) -> String {
        let mut s = String::from("(F");
        for p in parts {
            match p {
                FStringPart::Literal(_) => s.push_str(" S"),
                FStringPart::Formatted {
                    value,
                    conversion,
                    spec,
                    ..
                } => s.push_str(&format!(
                    " (FV {} {} {})",
                    dump(value),
                    conversion.map(String::from).unwrap_or("_".into()),
                    spec.as_ref().map(|p| fparts(p)).unwrap_or("_".into())
                )),
            }
        }
        s.push(')');
        s
    }
    match &e.kind {
        ExprKind::Name(n) => n.clone(),
        ExprKind::Constant(c) => match c {
            Constant::None => "None".into(),
            Constant::True => "True".into(),
            Constant::False => "False".into(),
            Constant::Ellipsis => "...".into(),
            Constant::Int(s) => s.clone(),
            Constant::Float(_) => "F".into(),
            Constant::Str(_) => "S".into(),
        },
        ExprKind::BinOp { left, op, right } => format!("({:?} {} {})", op, dump(left), dump(right)),
        ExprKind::UnaryOp { op, operand } => format!("({:?} {})", op, dump(operand)),
        ExprKind::BoolOp { op, values } => format!("({:?}{})", op, list(values)),
        ExprKind::Compare {
            left,
            ops,
            comparators,
        } => format!(
            "(Cmp {}{})",
            dump(left),
            ops.iter()
                .zip(comparators)
                .map(|(o, c)| format!(" {:?} {}", o, dump(c)))
                .collect::<String>()
        ),
        ExprKind::Call {
            func,
            args,
            keywords,
        } => format!(
            "(Call {}{}{})",
            dump(func),
            list(args),
            keywords
                .iter()
                .map(|k| match &k.arg {
                    Some(a) => format!(" {}={}", a, dump(&k.value)),
                    None => format!(" **{}", dump(&k.value)),
                })
                .collect::<String>()
        ),
        ExprKind::Attribute { value, attr } => format!("(Attr {} {})", dump(value), attr),
        ExprKind::Subscript { value, index } => format!("(Sub {} {})", dump(value), dump(index)),
        ExprKind::Slice { lower, upper, step } => {
            format!("(Slice {} {} {})", opt(lower), opt(upper), opt(step))
        }
        ExprKind::Tuple(v) => format!("(Tuple{})", list(v)),
        ExprKind::List(v) => format!("(List{})", list(v)),
        ExprKind::Set(v) => format!("(Set{})", list(v)),
        ExprKind::Dict { keys, values } => format!(
            "(Dict{})",
            keys.iter()
                .zip(values)
                .map(|(k, v)| format!(
                    " {}:{}",
                    k.as_ref().map(dump).unwrap_or("**".into()),
                    dump(v)
                ))
                .collect::<String>()
        ),
        ExprKind::IfExp { test, body, orelse } => {
            format!("(IfExp {} {} {})", dump(test), dump(body), dump(orelse))
        }
        ExprKind::Lambda { body, .. } => format!("(Lambda {})", dump(body)),
        ExprKind::Await(x) => format!("(Await {})", dump(x)),
        ExprKind::Yield(x) => format!("(Yield {})", opt(x)),
        ExprKind::YieldFrom(x) => format!("(YieldFrom {})", dump(x)),
        ExprKind::Starred(x) => format!("(Star {})", dump(x)),
        ExprKind::ListComp { elt, generators } => {
            format!("(ListComp {}{})", dump(elt), gens(generators))
        }
        ExprKind::SetComp { elt, generators } => {
            format!("(SetComp {}{})", dump(elt), gens(generators))
        }
        ExprKind::GeneratorExp { elt, generators } => {
            format!("(GeneratorExp {}{})", dump(elt), gens(generators))
        }
        ExprKind::DictComp {
            key,
            value,
            generators,
        } => format!(
            "(DictComp {} {}{})",
            dump(key),
            dump(value),
            gens(generators)
        ),
        ExprKind::JoinedStr(parts) => fparts(parts),
    }
}

#[test]
fn expr_dump() {
    let cases = [
        ("not a == b", "(Not (Cmp a Eq b))"),
        ("a if b else c if d else e", "(IfExp b a (IfExp d c e))"),
        ("lambda: a if b else c", "(Lambda (IfExp b a c))"),
        ("x[a:b, c]", "(Sub x (Tuple (Slice a b _) c))"),
        ("x[::2]", "(Sub x (Slice _ _ 2))"),
        ("x[a:]", "(Sub x (Slice a _ _))"),
        ("-x ** -y", "(USub (Pow x (USub y)))"),
        ("a or b and c or not d", "(Or a (And b c) (Not d))"),
        ("a and b or c", "(Or (And a b) c)"),
        ("a < b < c", "(Cmp a Lt b Lt c)"),
        ("a is not b not in c", "(Cmp a IsNot b NotIn c)"),
        ("f(*a, b, k=1, **d)", "(Call f (Star a) b k=1 **d)"),
        ("a.b[c](d).e", "(Attr (Call (Sub (Attr a b) c) d) e)"),
        ("await a ** b", "(Pow (Await a) b)"),
        ("-await a", "(USub (Await a))"),
        (
            "a | b ^ c & d << e + f * g",
            "(BitOr a (BitXor b (BitAnd c (LShift d (Add e (Mult f g))))))",
        ),
        ("a - b - c", "(Sub (Sub a b) c)"),
        ("a ** b ** c", "(Pow a (Pow b c))"),
        ("~a + +b", "(Add (Invert a) (UAdd b))"),
        (
            "a @ b // c % d / e",
            "(Div (Mod (FloorDiv (MatMult a b) c) d) e)",
        ),
        (
            "[x for x in y if x for z in x]",
            "(ListComp x (for x y if x) (for z x))",
        ),
        (
            "{k: v for k, v in d.items()}",
            "(DictComp k v (for (Tuple k v) (Call (Attr d items))))",
        ),
        ("{*a, *b}", "(Set (Star a) (Star b))"),
        ("{**a, 'b': 1}", "(Dict **:a S:1)"),
        ("(x async for x in y)", "(GeneratorExp x (for async x y))"),
        ("f(x for x in y)", "(Call f (GeneratorExp x (for x y)))"),
        ("(yield)", "(Yield _)"),
        ("(yield from a)", "(YieldFrom a)"),
        ("(yield a, b)", "(Yield (Tuple a b))"),
        ("x, *y", "(Tuple x (Star y))"),
        ("[*a, b]", "(List (Star a) b)"),
        ("lambda x, *y, z=1, **w: x + y", "(Lambda (Add x y))"),
        (
            "f'{a!r:>{b}} {c}'",
            "(F (FV a r (F S (FV b _ _))) S (FV c _ _))",
        ),
        ("\"a\" 'b'", "S"),
        ("1 if 2 else 3", "(IfExp 2 1 3)"),
        ("a[b][c]", "(Sub (Sub a b) c)"),
        ("(a, b)[0]", "(Sub (Tuple a b) 0)"),
        ("not not a", "(Not (Not a))"),
        ("a in b in c", "(Cmp a In b In c)"),
        ("a == b is c", "(Cmp a Eq b Is c)"),
        ("-1", "(USub 1)"),
        ("f()()", "(Call (Call f))"),
    ];
    for (src, want) in cases {
        let m = ok(&format!("async def _():\n {}\n", src));
        let StmtKind::FunctionDef(f) = &m.body[0].kind else {
            panic!()
        };
        let StmtKind::Expr(e) = &f.body[0].kind else {
            panic!("{}", src)
        };
        assert_eq!(dump(e), want, "{}", src);
    }
}

#[test]
fn long_elif_chain() {
    let mut src = String::from("if x == 0:\n  pass\n");
    for i in 1..2_000 {
        src.push_str(&format!("elif x == {}:\n  pass\n", i));
    }
    ok(&src);
    ok(&format!("x = 1{}\n", " + 1".repeat(2500)));
}

#[test]
fn simple_fstring_fields_match_the_parser() {
    // The direct path for names and dotted names builds what the parser builds.
    for text in ["x", " x ", "a.b", "self.name.attr", "  _private ", "x1.y2"] {
        let fast = simple_fexpr(text, 7).map(|e| format!("{:?}", e));
        let relex = || tokenize(text, 7, Mode::Expr);
        let full = match parse_tokens(text, 7, &relex, true) {
            Ok(Top::Expr(e)) => format!("{:?}", e),
            _ => panic!("{:?} did not parse", text),
        };
        assert_eq!(fast.as_deref(), Some(full.as_str()), "{:?}", text);
    }
    for text in [
        "None", "x.None", "a . b", "x+1", "f()", "é", "a..b", "", "1", "x.", ".x",
    ] {
        assert!(simple_fexpr(text, 0).is_none(), "{:?}", text);
    }
}

/// Whole reports, compared with CPython 3.11's.
#[test]
fn reports_render_as_cpython_does() {
    let r = |src: &str| err(src).render("x.py", src);
    // An unexpected indent shows the line but no caret.
    assert_eq!(
        r("  x = 1\n"),
        "  File \"x.py\", line 1\n    x = 1\nIndentationError: unexpected indent\n"
    );
    // A print statement is underlined to its end.
    assert_eq!(
        r("print 'hello'\n"),
        "  File \"x.py\", line 1\n    print 'hello'\n    ^^^^^^^^^^^^^\n\
         SyntaxError: Missing parentheses in call to 'print'. Did you mean print(...)?\n"
    );
    assert_eq!(
        r("print 1, 2; x = 3\n"),
        "  File \"x.py\", line 1\n    print 1, 2; x = 3\n    ^^^^^^^^^^\n\
         SyntaxError: Missing parentheses in call to 'print'. Did you mean print(...)?\n"
    );
    assert_eq!(
        r("def f():\n    yield = 3\n"),
        "  File \"x.py\", line 2\n    yield = 3\n    ^^^^^\n\
         SyntaxError: assignment to yield expression not possible\n"
    );
}
