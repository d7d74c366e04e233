//! Control flow that leaves or protects a region: `break`, `continue`, `return` (with
//! block-stack unwinding: PopBlock, inlined finally bodies, `__exit__` calls, PopExcept,
//! popping `for` iterators), try/except/else/finally, `with` / `async with` and
//! `async for`.

use super::{err, Compiler, FBlock, NameOp};
use crate::compile::code::Instr;
use crate::syntax::ast::*;
use crate::syntax::error::SyntaxError;
use crate::vm::value::Value;

impl<'a, 'g> Compiler<'a, 'g> {
    // ---- leaving blocks -------------------------------------------------------------

    /// Emits the code that leaves one block (`preserve_tos`: a return value is on top).
    pub(super) fn unwind_one(
        &mut self,
        fb: &FBlock<'a>,
        preserve_tos: bool,
    ) -> Result<(), SyntaxError> {
        match fb {
            FBlock::Loop { has_iter, .. } => {
                if *has_iter {
                    if preserve_tos {
                        self.emit(Instr::RotTwo);
                    }
                    self.emit(Instr::Pop);
                }
            }
            FBlock::TryExcept => self.emit(Instr::PopBlock),
            FBlock::Finally(body) => {
                self.emit(Instr::PopBlock);
                let line = self.u().pos;
                if preserve_tos {
                    self.unit().fblocks.push(FBlock::PopValue);
                }
                self.stmts(body)?;
                if preserve_tos {
                    self.unit().fblocks.pop();
                }
                self.restore_line(line);
            }
            FBlock::PopValue => {
                if preserve_tos {
                    self.emit(Instr::RotTwo);
                }
                self.emit(Instr::Pop);
            }
            FBlock::HandlerBody(name) => {
                if name.is_some() {
                    self.emit(Instr::PopBlock);
                }
                self.emit(Instr::PopExcept);
                if let Some(n) = name {
                    self.clear_name(n)?;
                }
            }
            FBlock::FinallyHandler => {
                if preserve_tos {
                    self.emit(Instr::RotTwo);
                }
                self.emit(Instr::Pop);
                self.emit(Instr::PopExcept);
            }
            FBlock::With { is_async, span } => self.at(*span, |c| {
                c.emit(Instr::PopBlock);
                if preserve_tos {
                    c.emit(Instr::RotTwo);
                }
                c.call_exit_none(*is_async);
            }),
        }
        Ok(())
    }

    /// `[exit] -> []`: calls `exit(None, None, None)` (awaiting it for async with).
    pub(super) fn call_exit_none(&mut self, is_async: bool) {
        self.load_const(Value::None);
        self.load_const(Value::None);
        self.load_const(Value::None);
        self.emit(Instr::CallFunction(3));
        if is_async {
            self.emit_await();
        }
        self.emit(Instr::Pop);
    }

    pub(crate) fn emit_await(&mut self) {
        self.emit(Instr::GetAwaitable);
        self.load_const(Value::None);
        self.emit(Instr::YieldFrom);
    }

    /// Unwinds blocks from the top; with `to_loop`, stops at (and returns) the innermost
    /// loop without unwinding it.
    pub(super) fn unwind_stack(
        &mut self,
        preserve_tos: bool,
        to_loop: bool,
    ) -> Result<Option<FBlock<'a>>, SyntaxError> {
        let Some(top) = self.unit().fblocks.pop() else {
            return Ok(None);
        };
        if to_loop && matches!(top, FBlock::Loop { .. }) {
            self.unit().fblocks.push(top.clone());
            return Ok(Some(top));
        }
        self.unwind_one(&top, preserve_tos)?;
        let r = self.unwind_stack(preserve_tos, to_loop);
        self.unit().fblocks.push(top);
        r
    }

    pub(super) fn break_continue(&mut self, is_break: bool, span: Span) -> Result<(), SyntaxError> {
        let Some(FBlock::Loop {
            has_iter,
            cont,
            brk,
        }) = self.unwind_stack(false, true)?
        else {
            return Err(err(
                if is_break {
                    "'break' outside loop"
                } else {
                    "'continue' not properly in loop"
                },
                span,
            ));
        };
        if is_break {
            if has_iter {
                self.emit(Instr::Pop);
            }
            self.emit(Instr::Jump(brk));
        } else {
            self.emit(Instr::Jump(cont));
        }
        Ok(())
    }

    pub(super) fn return_stmt(
        &mut self,
        v: Option<&'a Expr>,
        span: Span,
    ) -> Result<(), SyntaxError> {
        let sc = &self.st.scopes[self.u().scope];
        if v.is_some() && sc.is_async_generator() {
            return Err(err("'return' with value in async generator", span));
        }
        match v {
            Some(v) => {
                self.expr(v)?;
                self.unwind_stack(true, false)?;
            }
            None => {
                self.unwind_stack(false, false)?;
                self.load_const(Value::None);
            }
        }
        self.emit(Instr::ReturnValue);
        Ok(())
    }

    /// `name = None; del name` after an `except ... as name` clause.
    pub(super) fn clear_name(&mut self, name: &str) -> Result<(), SyntaxError> {
        self.load_const(Value::None);
        self.name_op(name, NameOp::Store, Span::default())?;
        self.name_op(name, NameOp::Delete, Span::default())
    }

    // ---- try / with / async for -----------------------------------------------------

    pub(super) fn try_except(
        &mut self,
        body: &'a [Stmt],
        handlers: &'a [ExceptHandler],
        orelse: &'a [Stmt],
    ) -> Result<(), SyntaxError> {
        let handler = self.new_label();
        let end = self.new_label();
        self.emit(Instr::SetupFinally(handler));
        self.unit().fblocks.push(FBlock::TryExcept);
        self.stmts(body)?;
        self.unit().fblocks.pop();
        self.emit(Instr::PopBlock);
        self.stmts(orelse)?;
        self.emit(Instr::Jump(end));
        self.bind(handler);
        for h in handlers {
            self.set_line(h.span);
            let next = self.new_label();
            if let Some(t) = &h.typ {
                self.expr(t)?;
                self.emit(Instr::JumpIfNotExcMatch(next));
            }
            match &h.name {
                Some(n) => {
                    self.name_op(n, NameOp::Store, h.span)?;
                    let cleanup = self.new_label();
                    self.emit(Instr::SetupFinally(cleanup));
                    self.unit().fblocks.push(FBlock::HandlerBody(Some(n)));
                    self.stmts(&h.body)?;
                    self.unit().fblocks.pop();
                    self.emit(Instr::PopBlock);
                    self.emit(Instr::PopExcept);
                    self.clear_name(n)?;
                    self.emit(Instr::Jump(end));
                    self.bind(cleanup);
                    self.clear_name(n)?;
                    self.emit(Instr::Reraise);
                }
                None => {
                    self.emit(Instr::Pop);
                    self.unit().fblocks.push(FBlock::HandlerBody(None));
                    self.stmts(&h.body)?;
                    self.unit().fblocks.pop();
                    self.emit(Instr::PopExcept);
                    self.emit(Instr::Jump(end));
                }
            }
            self.bind(next);
        }
        self.emit(Instr::Reraise);
        self.bind(end);
        Ok(())
    }

    pub(super) fn try_finally(
        &mut self,
        body: &'a [Stmt],
        handlers: &'a [ExceptHandler],
        orelse: &'a [Stmt],
        finalbody: &'a [Stmt],
    ) -> Result<(), SyntaxError> {
        let handler = self.new_label();
        let end = self.new_label();
        self.emit(Instr::SetupFinally(handler));
        self.unit().fblocks.push(FBlock::Finally(finalbody));
        if handlers.is_empty() {
            self.stmts(body)?;
        } else {
            self.try_except(body, handlers, orelse)?;
        }
        self.unit().fblocks.pop();
        self.emit(Instr::PopBlock);
        self.stmts(finalbody)?;
        self.emit(Instr::Jump(end));
        self.bind(handler);
        self.unit().fblocks.push(FBlock::FinallyHandler);
        self.stmts(finalbody)?;
        self.unit().fblocks.pop();
        self.emit(Instr::Reraise);
        self.bind(end);
        Ok(())
    }

    pub(super) fn with(
        &mut self,
        items: &'a [WithItem],
        body: &'a [Stmt],
        is_async: bool,
        span: Span,
    ) -> Result<(), SyntaxError> {
        let Some((item, rest)) = items.split_first() else {
            return self.stmts(body);
        };
        let handler = self.new_label();
        let end = self.new_label();
        self.expr(&item.context)?;
        if is_async {
            self.emit(Instr::BeforeAsyncWith);
            self.emit_await();
            self.emit(Instr::SetupAsyncWith(handler));
        } else {
            self.emit(Instr::SetupWith(handler));
        }
        match &item.target {
            Some(t) => self.store(t)?,
            None => self.emit(Instr::Pop),
        }
        self.unit().fblocks.push(FBlock::With { is_async, span });
        if rest.is_empty() {
            self.stmts(body)?;
        } else {
            self.with(rest, body, is_async, span)?;
        }
        self.unit().fblocks.pop();
        // `__exit__` runs at the `with` statement, as CPython reports it (on every
        // way out: here, in the handler, and on a `return`/`break` through the body).
        self.at(span, |c| {
            c.emit(Instr::PopBlock);
            c.call_exit_none(is_async);
            c.emit(Instr::Jump(end));
            // Handler: [exit, exc]
            c.bind(handler);
            let suppress = c.new_label();
            c.emit(Instr::WithExceptStart);
            if is_async {
                c.emit_await();
            }
            c.emit(Instr::PopJumpIfTrue(suppress));
            c.emit(Instr::Reraise);
            c.bind(suppress);
            c.emit(Instr::Pop);
            c.emit(Instr::PopExcept);
            c.emit(Instr::Pop);
        });
        self.bind(end);
        Ok(())
    }

    pub(super) fn async_for(
        &mut self,
        target: &'a Expr,
        iter: &'a Expr,
        body: &'a [Stmt],
        orelse: &'a [Stmt],
    ) -> Result<(), SyntaxError> {
        let start = self.new_label();
        let handler = self.new_label();
        let end = self.new_label();
        self.expr(iter)?;
        self.emit(Instr::GetAiter);
        self.bind(start);
        self.emit(Instr::SetupFinally(handler));
        self.emit(Instr::GetAnext);
        self.load_const(Value::None);
        self.emit(Instr::YieldFrom);
        self.emit(Instr::PopBlock);
        self.unit().fblocks.push(FBlock::Loop {
            has_iter: true,
            cont: start,
            brk: end,
        });
        self.store(target)?;
        self.stmts(body)?;
        self.unit().fblocks.pop();
        self.emit(Instr::Jump(start));
        self.bind(handler);
        self.emit(Instr::EndAsyncFor);
        self.stmts(orelse)?;
        self.bind(end);
        Ok(())
    }
}
