//! Expressions back to source text, for the annotations of a module compiled with
//! `from __future__ import annotations` (PEP 563): each annotation is kept as the
//! string CPython's compiler makes of it (`'dict[str, list[int]]'`, `'int | None'`),
//! spaced and parenthesised by operator precedence rather than as it was written.

use crate::syntax::ast::{BinOp, BoolOpKind, CmpOp, Constant, Expr, ExprKind, UnaryOp};

/// Binding strength, weakest first (CPython's `ast_unparse.c` levels).
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Prec {
    Tuple,
    Test,
    Or,
    And,
    Not,
    Cmp,
    BitOr,
    BitXor,
    BitAnd,
    Shift,
    Arith,
    Term,
    Factor,
    Power,
    Await,
    Atom,
}

impl Prec {
    fn above(self) -> Prec {
        match self {
            Prec::Tuple => Prec::Test,
            Prec::Test => Prec::Or,
            Prec::Or => Prec::And,
            Prec::And => Prec::Not,
            Prec::Not => Prec::Cmp,
            Prec::Cmp => Prec::BitOr,
            Prec::BitOr => Prec::BitXor,
            Prec::BitXor => Prec::BitAnd,
            Prec::BitAnd => Prec::Shift,
            Prec::Shift => Prec::Arith,
            Prec::Arith => Prec::Term,
            Prec::Term => Prec::Factor,
            Prec::Factor => Prec::Power,
            Prec::Power => Prec::Await,
            Prec::Await | Prec::Atom => Prec::Atom,
        }
    }
}

/// `e` as source text, or the kind of expression that cannot be written back
/// (comprehensions, lambdas, f-strings: Baton does not unparse those).
pub fn unparse(e: &Expr) -> Result<String, &'static str> {
    let mut out = String::new();
    write(&mut out, e, Prec::Test)?;
    Ok(out)
}

fn bin_op(op: BinOp) -> (&'static str, Prec) {
    match op {
        BinOp::Add => ("+", Prec::Arith),
        BinOp::Sub => ("-", Prec::Arith),
        BinOp::Mult => ("*", Prec::Term),
        BinOp::MatMult => ("@", Prec::Term),
        BinOp::Div => ("/", Prec::Term),
        BinOp::FloorDiv => ("//", Prec::Term),
        BinOp::Mod => ("%", Prec::Term),
        BinOp::Pow => ("**", Prec::Power),
        BinOp::LShift => ("<<", Prec::Shift),
        BinOp::RShift => (">>", Prec::Shift),
        BinOp::BitOr => ("|", Prec::BitOr),
        BinOp::BitXor => ("^", Prec::BitXor),
        BinOp::BitAnd => ("&", Prec::BitAnd),
    }
}

fn cmp_op(op: CmpOp) -> &'static str {
    match op {
        CmpOp::Eq => "==",
        CmpOp::NotEq => "!=",
        CmpOp::Lt => "<",
        CmpOp::LtE => "<=",
        CmpOp::Gt => ">",
        CmpOp::GtE => ">=",
        CmpOp::Is => "is",
        CmpOp::IsNot => "is not",
        CmpOp::In => "in",
        CmpOp::NotIn => "not in",
    }
}

/// Writes `e`, in parentheses when it binds more weakly than its place needs.
fn write(out: &mut String, e: &Expr, need: Prec) -> Result<(), &'static str> {
    let open = |out: &mut String, own: Prec| {
        if own < need {
            out.push('(');
        }
    };
    let close = |out: &mut String, own: Prec| {
        if own < need {
            out.push(')');
        }
    };
    match &e.kind {
        ExprKind::Name(n) => out.push_str(n),
        ExprKind::Constant(c) => constant(out, c),
        ExprKind::Attribute { value, attr } => {
            // `1 .real`: an int literal needs a space before the dot.
            let int_literal = matches!(value.kind, ExprKind::Constant(Constant::Int(_)));
            write(out, value, Prec::Atom)?;
            out.push_str(if int_literal { " ." } else { "." });
            out.push_str(attr);
        }
        ExprKind::Subscript { value, index } => {
            write(out, value, Prec::Atom)?;
            out.push('[');
            match &index.kind {
                ExprKind::Tuple(items) if !items.is_empty() => sequence(out, items, true)?,
                _ => write(out, index, Prec::Tuple)?,
            }
            out.push(']');
        }
        ExprKind::BinOp { left, op, right } => {
            let (symbol, own) = bin_op(*op);
            // `**` groups to the right, the others to the left.
            let (l, r) = if *op == BinOp::Pow {
                (own.above(), own)
            } else {
                (own, own.above())
            };
            open(out, own);
            write(out, left, l)?;
            out.push_str(&format!(" {} ", symbol));
            write(out, right, r)?;
            close(out, own);
        }
        ExprKind::UnaryOp { op, operand } => {
            let (symbol, own) = match op {
                UnaryOp::Not => ("not ", Prec::Not),
                UnaryOp::Invert => ("~", Prec::Factor),
                UnaryOp::UAdd => ("+", Prec::Factor),
                UnaryOp::USub => ("-", Prec::Factor),
            };
            open(out, own);
            out.push_str(symbol);
            write(out, operand, own)?;
            close(out, own);
        }
        ExprKind::BoolOp { op, values } => {
            let (symbol, own) = match op {
                BoolOpKind::And => (" and ", Prec::And),
                BoolOpKind::Or => (" or ", Prec::Or),
            };
            open(out, own);
            for (i, v) in values.iter().enumerate() {
                if i > 0 {
                    out.push_str(symbol);
                }
                write(out, v, own.above())?;
            }
            close(out, own);
        }
        ExprKind::Compare {
            left,
            ops,
            comparators,
        } => {
            open(out, Prec::Cmp);
            write(out, left, Prec::Cmp.above())?;
            for (op, c) in ops.iter().zip(comparators) {
                out.push_str(&format!(" {} ", cmp_op(*op)));
                write(out, c, Prec::Cmp.above())?;
            }
            close(out, Prec::Cmp);
        }
        ExprKind::IfExp { test, body, orelse } => {
            open(out, Prec::Test);
            write(out, body, Prec::Test.above())?;
            out.push_str(" if ");
            write(out, test, Prec::Test.above())?;
            out.push_str(" else ");
            write(out, orelse, Prec::Test)?;
            close(out, Prec::Test);
        }
        ExprKind::Call {
            func,
            args,
            keywords,
        } => {
            write(out, func, Prec::Atom)?;
            out.push('(');
            let mut first = true;
            for a in args {
                if !std::mem::take(&mut first) {
                    out.push_str(", ");
                }
                write(out, a, Prec::Test)?;
            }
            for k in keywords {
                if !std::mem::take(&mut first) {
                    out.push_str(", ");
                }
                match &k.arg {
                    Some(name) => {
                        out.push_str(name);
                        out.push('=');
                    }
                    None => out.push_str("**"),
                }
                write(out, &k.value, Prec::Test)?;
            }
            out.push(')');
        }
        ExprKind::Starred(inner) => {
            out.push('*');
            write(out, inner, Prec::BitOr)?;
        }
        ExprKind::List(items) => {
            out.push('[');
            sequence(out, items, false)?;
            out.push(']');
        }
        ExprKind::Tuple(items) => {
            if items.is_empty() {
                out.push_str("()");
            } else {
                open(out, Prec::Tuple);
                sequence(out, items, true)?;
                close(out, Prec::Tuple);
            }
        }
        ExprKind::Set(items) => {
            out.push('{');
            sequence(out, items, false)?;
            out.push('}');
        }
        ExprKind::Dict { keys, values } => {
            out.push('{');
            for (i, (k, v)) in keys.iter().zip(values).enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                match k {
                    Some(k) => {
                        write(out, k, Prec::Test)?;
                        out.push_str(": ");
                    }
                    None => out.push_str("**"),
                }
                write(out, v, Prec::Test)?;
            }
            out.push('}');
        }
        ExprKind::Slice { lower, upper, step } => {
            if let Some(l) = lower {
                write(out, l, Prec::Test)?;
            }
            out.push(':');
            if let Some(u) = upper {
                write(out, u, Prec::Test)?;
            }
            if let Some(s) = step {
                out.push(':');
                write(out, s, Prec::Test)?;
            }
        }
        ExprKind::Await(inner) => {
            open(out, Prec::Await);
            out.push_str("await ");
            write(out, inner, Prec::Atom)?;
            close(out, Prec::Await);
        }
        ExprKind::Lambda { .. } => return Err("lambda"),
        ExprKind::ListComp { .. }
        | ExprKind::SetComp { .. }
        | ExprKind::DictComp { .. }
        | ExprKind::GeneratorExp { .. } => return Err("comprehension"),
        ExprKind::JoinedStr(_) => return Err("f-string"),
        ExprKind::Yield(_) | ExprKind::YieldFrom(_) => return Err("yield expression"),
    }
    Ok(())
}

/// Items separated by commas; a one-item tuple keeps its trailing comma.
fn sequence(out: &mut String, items: &[Expr], tuple: bool) -> Result<(), &'static str> {
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        write(out, item, Prec::Test)?;
    }
    if tuple && items.len() == 1 {
        out.push(',');
    }
    Ok(())
}

fn constant(out: &mut String, c: &Constant) {
    match c {
        Constant::None => out.push_str("None"),
        Constant::True => out.push_str("True"),
        Constant::False => out.push_str("False"),
        Constant::Ellipsis => out.push_str("..."),
        Constant::Int(text) => match crate::compile::codegen::parse_int(text) {
            Some(crate::vm::value::Value::Int(i)) => out.push_str(&i.to_string()),
            Some(crate::vm::value::Value::BigInt(b)) => out.push_str(&b.to_string()),
            _ => out.push_str(text),
        },
        Constant::Float(x) => out.push_str(&crate::vm::format::float_repr(*x)),
        Constant::Str(s) => out.push_str(&crate::vm::format::str_repr(s)),
    }
}

#[cfg(test)]
mod tests {
    use super::unparse;
    use crate::syntax::ast::StmtKind;

    /// The annotation of `x: <source>`, unparsed.
    fn annotation(source: &str) -> String {
        let module = crate::syntax::parse_module(&format!("x: {}\n", source))
            .unwrap_or_else(|e| panic!("{source}: {e:?}"));
        let StmtKind::AnnAssign { annotation, .. } = &module.body[0].kind else {
            panic!("not an annotated assignment");
        };
        unparse(annotation).unwrap_or_else(|kind| format!("<{kind}>"))
    }

    #[test]
    fn spacing_and_precedence_are_cpythons() {
        // Each expected string is what CPython 3.11 stores under PEP 563.
        let cases = [
            ("dict[str,  list[int]]", "dict[str, list[int]]"),
            ("int|None", "int | None"),
            ("'Node'", "'Node'"),
            ("tuple[int, ...]", "tuple[int, ...]"),
            ("tuple[()]", "tuple[()]"),
            ("Callable[[int, str], bool]", "Callable[[int, str], bool]"),
            ("(a + b) * c", "(a + b) * c"),
            ("a + (b * c)", "a + b * c"),
            ("a - (b - c)", "a - (b - c)"),
            ("(a ** b) ** c", "(a ** b) ** c"),
            ("-x ** 2", "-x ** 2"),
            ("0xff", "255"),
            ("typing.Optional[ int ]", "typing.Optional[int]"),
            ("f(x, *ys, k=1, **kw)", "f(x, *ys, k=1, **kw)"),
            ("a if b else c", "a if b else c"),
            ("not a and b", "not a and b"),
            ("x[1:2, ::3]", "x[1:2, ::3]"),
            ("(x,)", "(x,)"),
        ];
        for (source, want) in cases {
            assert_eq!(annotation(source), want, "unparsing {source}");
        }
    }

    #[test]
    fn comprehensions_lambdas_and_fstrings_are_refused() {
        assert_eq!(annotation("[y for y in z]"), "<comprehension>");
        assert_eq!(annotation("lambda: 1"), "<lambda>");
        assert_eq!(annotation("f'{x}'"), "<f-string>");
    }
}
