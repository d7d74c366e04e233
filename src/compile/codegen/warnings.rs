//! The compiler's SyntaxWarnings, as CPython 3.11 gives them for code that can only
//! fail: calling a literal (`[(1, 2) (3, 4)]`: "'tuple' object is not callable; perhaps
//! you missed a comma?"), subscripting one that has no items (`None[0]`), or indexing
//! a sequence literal with something that is no int or slice (`[[1, 2] [0, 1]]`). The
//! program still compiles and runs (and then fails where CPython's does); the warning
//! goes to whoever compiles (`GlobalResolver::warn`), which prints it before the
//! program runs.

use super::Compiler;
use crate::syntax::ast::*;

/// The type a literal expression certainly has (CPython's `infer_type`), by name;
/// None for anything whose type is only known when it runs.
fn literal_type(e: &Expr) -> Option<&'static str> {
    Some(match &e.kind {
        ExprKind::Tuple(_) => "tuple",
        ExprKind::List(_) | ExprKind::ListComp { .. } => "list",
        ExprKind::Dict { .. } | ExprKind::DictComp { .. } => "dict",
        ExprKind::Set(_) | ExprKind::SetComp { .. } => "set",
        ExprKind::GeneratorExp { .. } => "generator",
        ExprKind::Lambda { .. } => "function",
        ExprKind::JoinedStr(_) => "str",
        ExprKind::Constant(c) => constant_type(c),
        // `-1`, `+2.5`, `~3`: CPython folds these into constants first.
        ExprKind::UnaryOp { operand, .. } => match &operand.kind {
            ExprKind::Constant(c @ (Constant::Int(_) | Constant::Float(_))) => constant_type(c),
            _ => return None,
        },
        _ => return None,
    })
}

fn constant_type(c: &Constant) -> &'static str {
    match c {
        Constant::None => "NoneType",
        Constant::True | Constant::False => "bool",
        Constant::Ellipsis => "ellipsis",
        Constant::Int(_) => "int",
        Constant::Float(_) => "float",
        Constant::Str(_) => "str",
    }
}

impl Compiler<'_, '_> {
    /// `func(...)` where `func` is a literal that cannot be called.
    pub(super) fn check_caller(&mut self, func: &Expr, at: Span) {
        if matches!(func.kind, ExprKind::Lambda { .. }) {
            return;
        }
        if let Some(t) = literal_type(func) {
            self.warn(
                at,
                format!("'{t}' object is not callable; perhaps you missed a comma?"),
            );
        }
    }

    /// `value[index]` (read) where `value` is a literal with no items, or a sequence
    /// literal and `index` a literal that is no int or slice.
    pub(super) fn check_subscript(&mut self, value: &Expr, index: &Expr, at: Span) {
        let value_type = literal_type(value);
        let has_no_items = match &value.kind {
            ExprKind::Constant(c) => !matches!(c, Constant::Str(_)),
            ExprKind::UnaryOp { .. } => value_type.is_some(),
            ExprKind::Set(_)
            | ExprKind::SetComp { .. }
            | ExprKind::GeneratorExp { .. }
            | ExprKind::Lambda { .. } => true,
            _ => false,
        };
        if has_no_items {
            if let Some(t) = value_type {
                self.warn(
                    at,
                    format!("'{t}' object is not subscriptable; perhaps you missed a comma?"),
                );
            }
            return;
        }
        let Some(index_type) = literal_type(index) else {
            return;
        };
        if matches!(index_type, "int" | "bool") {
            return;
        }
        let is_sequence = matches!(
            value.kind,
            ExprKind::Constant(Constant::Str(_))
                | ExprKind::Tuple(_)
                | ExprKind::List(_)
                | ExprKind::ListComp { .. }
                | ExprKind::JoinedStr(_)
        );
        if let (true, Some(t)) = (is_sequence, value_type) {
            self.warn(
                at,
                format!(
                    "{t} indices must be integers or slices, not {index_type}; perhaps you missed a comma?"
                ),
            );
        }
    }

    /// Reports a SyntaxWarning at the line where `at` starts.
    fn warn(&mut self, at: Span, message: String) {
        let line = self.line_of(at.start);
        self.globals.warn(line, message);
    }
}
