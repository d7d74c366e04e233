//! Annotations, evaluated where CPython 3.11 evaluates them: a module's and a class
//! body's `name: T` go into its `__annotations__` dict (made by `SetupAnnotations`
//! when the body has one), other annotated targets at those levels have `T`
//! evaluated and dropped, and annotations inside functions are not evaluated at all;
//! a def's parameter and return annotations become its `__annotations__`. Under
//! `from __future__ import annotations` each kept annotation is its source text
//! instead (`compile::unparse`), and the dropped ones are not evaluated.

use super::{err, Compiler, NameOp};
use crate::compile::code::Instr;
use crate::compile::symtable::{mangle, ScopeKind};
use crate::compile::unparse::unparse;
use crate::syntax::ast::*;
use crate::syntax::error::SyntaxError;

/// Does this module or class body annotate a simple name anywhere outside nested
/// defs and classes (CPython's `find_ann`)?
pub(super) fn annotates(body: &[Stmt]) -> bool {
    body.iter().any(|s| match &s.kind {
        StmtKind::AnnAssign { .. } => true,
        StmtKind::If { body, orelse, .. }
        | StmtKind::While { body, orelse, .. }
        | StmtKind::For { body, orelse, .. } => annotates(body) || annotates(orelse),
        StmtKind::Try {
            body,
            handlers,
            orelse,
            finalbody,
        } => {
            annotates(body)
                || handlers.iter().any(|h| annotates(&h.body))
                || annotates(orelse)
                || annotates(finalbody)
        }
        StmtKind::With { body, .. } => annotates(body),
        _ => false,
    })
}

impl<'a, 'g> Compiler<'a, 'g> {
    /// `SetupAnnotations` at the start of a module or class body that annotates.
    pub(super) fn setup_annotations(&mut self, body: &[Stmt]) {
        if annotates(body) {
            self.emit(Instr::SetupAnnotations);
        }
    }

    /// `target: annotation [= value]` (the statement at `span`).
    pub(super) fn ann_assign(
        &mut self,
        target: &'a Expr,
        annotation: &'a Expr,
        value: Option<&'a Expr>,
        span: Span,
    ) -> Result<(), SyntaxError> {
        if let Some(v) = value {
            self.expr(v)?;
            self.store(target)?;
        } else {
            // Without a value, the parts of the target are still evaluated.
            match &target.kind {
                ExprKind::Attribute { value, .. } => {
                    self.expr(value)?;
                    self.emit(Instr::Pop);
                }
                ExprKind::Subscript { value, index } => {
                    self.expr(value)?;
                    self.emit(Instr::Pop);
                    self.expr(index)?;
                    self.emit(Instr::Pop);
                }
                _ => {}
            }
        }
        // The annotation is evaluated last, and only at module and class level.
        if !matches!(self.u().kind, ScopeKind::Module | ScopeKind::Class) {
            return Ok(());
        }
        // `(x): int` is not a simple name: its parenthesis opens the statement.
        let simple = match &target.kind {
            ExprKind::Name(n) if target.span.start == span.start => Some(n),
            _ => None,
        };
        match simple {
            Some(name) => {
                self.annotation_value(annotation)?;
                self.name_op("__annotations__", NameOp::Load, span)?;
                let key = mangle(self.private.as_deref(), name);
                self.load_str(&key);
                self.emit(Instr::StoreSubscr);
            }
            None if !self.future_annotations => {
                self.expr(annotation)?;
                self.emit(Instr::Pop);
            }
            None => {}
        }
        Ok(())
    }

    /// Pushes a def's annotations as a dict, in CPython's order (the parameters
    /// after `/`, those before it, `*args`, the keyword-only ones, `**kwargs`, then
    /// `return`); returns the MakeFunction flag bit (4), or 0 when there are none.
    pub(super) fn function_annotations(
        &mut self,
        p: &'a Parameters,
        returns: Option<&'a Expr>,
    ) -> Result<u32, SyntaxError> {
        let (before_slash, after_slash) = p.args.split_at(p.posonly);
        let params = after_slash
            .iter()
            .chain(before_slash)
            .chain(p.vararg.as_ref())
            .chain(&p.kwonlyargs)
            .chain(p.kwarg.as_ref());
        let mut n = 0;
        for param in params {
            if let Some(a) = &param.annotation {
                let key = mangle(self.private.as_deref(), &param.name);
                self.load_str(&key);
                self.annotation_value(a)?;
                n += 1;
            }
        }
        if let Some(r) = returns {
            self.load_str("return");
            self.annotation_value(r)?;
            n += 1;
        }
        if n == 0 {
            return Ok(0);
        }
        self.emit(Instr::BuildMap(n));
        Ok(4)
    }

    /// Pushes an annotation kept in `__annotations__`: its value, or its source
    /// text under `from __future__ import annotations`.
    fn annotation_value(&mut self, e: &'a Expr) -> Result<(), SyntaxError> {
        if !self.future_annotations {
            return self.expr(e);
        }
        match unparse(e) {
            Ok(text) => {
                self.load_str(&text);
                Ok(())
            }
            Err(kind) => Err(err(
                format!(
                    "Baton does not support a {} in an annotation under \
                     'from __future__ import annotations'",
                    kind
                ),
                e.span,
            )),
        }
    }
}
