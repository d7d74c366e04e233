//! Code generation: walks the AST with the symbol table and emits one `CodeObject` per
//! module, function, lambda, class body and comprehension. This file owns the
//! compilation units (constants, names, labels, line table, stack depth), name
//! resolution to instructions, and every statement; expressions are in `codegen/expr.rs`.
//!
//! Control flow that leaves a protected region (`break`, `continue`, `return`) unwinds
//! the compiler's block stack (`FBlock`) as CPython 3.8 did: it pops handler blocks,
//! inlines `finally` bodies, calls `__exit__` of `with` blocks, leaves except handlers
//! and pops `for` iterators.

mod annotations;
mod expr;
mod flow;
mod stackdepth;
mod warnings;

pub(crate) use expr::parse_int;

use super::code::{CodeFlags, CodeObject, Instr};
use super::smallmap::SmallMap;
use super::symtable::{mangle, Resolution, ScopeKind, SymbolTable};
use super::GlobalResolver;
use crate::syntax::ast::*;
use crate::syntax::error::SyntaxError;
use crate::vm::value::{PyStr, Value};
use ahash::AHashMap as HashMap;
use std::rc::Rc;

pub(crate) type Label = u32;

#[derive(Clone, Copy, PartialEq, Eq, Hash)]
enum ConstKey {
    None,
    True,
    False,
    Ellipsis,
    Int(i64),
    Float(u64),
    Str(u32),
}

/// A block of the compiler's block stack: what must be undone when control leaves it.
#[derive(Clone)]
enum FBlock<'a> {
    /// A loop; `has_iter` when an iterator sits on the stack (for / async for).
    Loop {
        has_iter: bool,
        cont: Label,
        brk: Label,
    },
    /// The body of a try with except clauses (a SetupFinally block is active).
    TryExcept,
    /// The body of a try with a finally (a SetupFinally block is active).
    Finally(&'a [Stmt]),
    /// The body of an except clause (an ExceptHandler block is active); with a name,
    /// a cleanup SetupFinally is active too and the name is deleted on exit.
    HandlerBody(Option<&'a str>),
    /// The exceptional copy of a finally body: `[exc]` on the stack, ExceptHandler active.
    FinallyHandler,
    /// The body of a with block: `[exit]` on the stack, a handler block active;
    /// leaving it calls `__exit__`, reported at the `with` statement (`span`).
    With { is_async: bool, span: Span },
    /// A finally body inlined while a return value waits on the stack under it: leaving
    /// it by `break`/`continue`/`return` drops that value.
    PopValue,
}

/// A source position of emitted code: its line, and the extent of its node.
pub(crate) type Pos = (u32, Span);

/// One code object under construction.
struct Unit<'a> {
    scope: usize,
    kind: ScopeKind,
    name: String,
    qualname: String,
    firstlineno: u32,
    flags: CodeFlags,
    argcount: u32,
    posonlyargcount: u32,
    kwonlyargcount: u32,
    instrs: Vec<Instr>,
    lines: Vec<u32>,
    /// The source extent of the node each instruction was emitted for.
    spans: Vec<Span>,
    consts: Vec<Value>,
    const_index: SmallMap<ConstKey, u32>,
    names: Vec<Rc<PyStr>>,
    name_index: SmallMap<u32, u32>,
    varnames: Vec<Rc<PyStr>>,
    var_index: SmallMap<String, u32>,
    cellvars: Vec<String>,
    freevars: Vec<String>,
    global_names: Vec<(u32, Rc<PyStr>)>,
    labels: Vec<u32>,
    fblocks: Vec<FBlock<'a>>,
    /// Where instructions emitted now come from: the line and the node's extent.
    pos: Pos,
}

pub(crate) struct Compiler<'a, 'g> {
    st: SymbolTable,
    filename: Rc<str>,
    line_starts: Vec<usize>,
    globals: &'g mut dyn GlobalResolver,
    units: Vec<Unit<'a>>,
    /// Interned strings of the whole compilation, with an id for constant keys.
    strs: HashMap<String, (u32, Rc<PyStr>)>,
    global_slots: HashMap<String, u32>,
    /// The enclosing class name, for private-name mangling.
    private: Option<String>,
    /// The module has `from __future__ import annotations`: annotations are kept as
    /// their source text (`codegen/annotations.rs`).
    future_annotations: bool,
}

pub(crate) fn err(msg: impl Into<String>, span: Span) -> SyntaxError {
    SyntaxError::new(msg, span.start as usize).with_end(span.end as usize)
}

fn is_jump(i: &Instr) -> bool {
    matches!(
        i,
        Instr::Jump(_)
            | Instr::PopJumpIfFalse(_)
            | Instr::PopJumpIfTrue(_)
            | Instr::JumpIfFalseOrPop(_)
            | Instr::JumpIfTrueOrPop(_)
            | Instr::ForIter(_)
            | Instr::SetupFinally(_)
            | Instr::JumpIfNotExcMatch(_)
            | Instr::SetupWith(_)
            | Instr::SetupAsyncWith(_)
    )
}

fn jump_target(i: &Instr) -> Option<u32> {
    match *i {
        Instr::Jump(t)
        | Instr::PopJumpIfFalse(t)
        | Instr::PopJumpIfTrue(t)
        | Instr::JumpIfFalseOrPop(t)
        | Instr::JumpIfTrueOrPop(t)
        | Instr::ForIter(t)
        | Instr::SetupFinally(t)
        | Instr::JumpIfNotExcMatch(t)
        | Instr::SetupWith(t)
        | Instr::SetupAsyncWith(t) => Some(t),
        _ => None,
    }
}

pub(crate) fn set_target(i: &mut Instr, t: u32) {
    match i {
        Instr::Jump(x)
        | Instr::PopJumpIfFalse(x)
        | Instr::PopJumpIfTrue(x)
        | Instr::JumpIfFalseOrPop(x)
        | Instr::JumpIfTrueOrPop(x)
        | Instr::ForIter(x)
        | Instr::SetupFinally(x)
        | Instr::JumpIfNotExcMatch(x)
        | Instr::SetupWith(x)
        | Instr::SetupAsyncWith(x) => *x = t,
        _ => {}
    }
}

/// Checks the stack and block discipline of one code object (see `stackdepth::verify`),
/// and that every backward jump is an unconditional `Jump` (the run loop checks for
/// Ctrl-C and counts budget steps there only).
pub(crate) fn verify(code: &CodeObject) -> Result<(), String> {
    for (pc, i) in code.instrs.iter().enumerate() {
        if let Some(t) = jump_target(i) {
            if (t as usize) <= pc && !matches!(i, Instr::Jump(_)) {
                return Err(format!("backward {:?} at {}", i, pc));
            }
        }
    }
    stackdepth::verify(&code.instrs)
}

/// Jump targets of an instruction, for the disassembler.
pub(crate) fn target_of(i: &Instr) -> Option<u32> {
    jump_target(i)
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum NameOp {
    Load,
    Store,
    Delete,
}

impl<'a, 'g> Compiler<'a, 'g> {
    pub(crate) fn new(
        st: SymbolTable,
        source: &str,
        filename: &str,
        globals: &'g mut dyn GlobalResolver,
    ) -> Self {
        let mut line_starts = vec![0];
        line_starts.extend(source.match_indices('\n').map(|(i, _)| i + 1));
        Compiler {
            st,
            filename: filename.into(),
            line_starts,
            globals,
            units: Vec::new(),
            // Sized from the source (about one distinct string per 50 bytes of
            // asyncio), which saves rehashing them several times as the map grows.
            strs: HashMap::with_capacity(source.len() / 50),
            global_slots: HashMap::with_capacity(source.len() / 200),
            private: None,
            future_annotations: false,
        }
    }

    pub(crate) fn line_of(&self, offset: u32) -> u32 {
        let off = offset as usize;
        match self.line_starts.binary_search(&off) {
            Ok(i) => i as u32 + 1,
            Err(i) => i as u32,
        }
    }

    fn intern(&mut self, s: &str) -> (u32, Rc<PyStr>) {
        if let Some(v) = self.strs.get(s) {
            return v.clone();
        }
        let id = self.strs.len() as u32;
        let v = (id, crate::vm::intern::intern_if_name_like(s));
        self.strs.insert(s.to_string(), v.clone());
        v
    }

    fn unit(&mut self) -> &mut Unit<'a> {
        self.units
            .last_mut()
            .expect("a compilation unit is always active")
    }

    fn u(&self) -> &Unit<'a> {
        self.units
            .last()
            .expect("a compilation unit is always active")
    }

    // ---- emitting -------------------------------------------------------------------

    pub(crate) fn emit(&mut self, i: Instr) {
        let u = self.unit();
        let (line, span) = u.pos;
        u.instrs.push(i);
        u.lines.push(line);
        u.spans.push(span);
    }

    pub(crate) fn new_label(&mut self) -> Label {
        let u = self.unit();
        u.labels.push(u32::MAX);
        (u.labels.len() - 1) as Label
    }

    pub(crate) fn bind(&mut self, l: Label) {
        let u = self.unit();
        u.labels[l as usize] = u.instrs.len() as u32;
    }

    /// Instructions emitted from now on come from the node at `span`; returns where
    /// they came from before, for `restore_line`.
    pub(crate) fn set_line(&mut self, span: Span) -> Pos {
        let line = self.line_of(span.start);
        let u = self.unit();
        std::mem::replace(&mut u.pos, (line, span))
    }

    pub(crate) fn restore_line(&mut self, pos: Pos) {
        self.unit().pos = pos;
    }

    /// Runs `f` with the instructions it emits reported at the node at `span`.
    pub(crate) fn at<R>(&mut self, span: Span, f: impl FnOnce(&mut Self) -> R) -> R {
        let pos = self.set_line(span);
        let r = f(self);
        self.restore_line(pos);
        r
    }

    fn add_const_keyed(&mut self, key: Option<ConstKey>, v: Value) -> u32 {
        let u = self.unit();
        if let Some(k) = key {
            if let Some(i) = u.const_index.get(&k) {
                return i;
            }
            u.const_index.insert(k, u.consts.len() as u32);
        }
        u.consts.push(v);
        (u.consts.len() - 1) as u32
    }

    pub(crate) fn load_const(&mut self, v: Value) {
        let key = match &v {
            Value::None => Some(ConstKey::None),
            Value::Bool(true) => Some(ConstKey::True),
            Value::Bool(false) => Some(ConstKey::False),
            Value::Ellipsis => Some(ConstKey::Ellipsis),
            Value::Int(i) => Some(ConstKey::Int(*i)),
            Value::Float(f) => Some(ConstKey::Float(f.to_bits())),
            Value::Str(s) => {
                let s = s.as_str().to_string();
                return self.load_str(&s);
            }
            _ => None,
        };
        let i = self.add_const_keyed(key, v);
        self.emit(Instr::LoadConst(i));
    }

    pub(crate) fn str_value(&mut self, s: &str) -> Value {
        Value::Str(self.intern(s).1)
    }

    pub(crate) fn load_str(&mut self, s: &str) {
        let (id, rc) = self.intern(s);
        let i = self.add_const_keyed(Some(ConstKey::Str(id)), Value::Str(rc));
        self.emit(Instr::LoadConst(i));
    }

    pub(crate) fn name_index(&mut self, s: &str) -> u32 {
        let (id, rc) = self.intern(s);
        let u = self.unit();
        if let Some(i) = u.name_index.get(&id) {
            return i;
        }
        let i = u.names.len() as u32;
        u.names.push(rc);
        u.name_index.insert(id, i);
        i
    }

    /// names[] index of an attribute name (mangled inside classes).
    pub(crate) fn attr_index(&mut self, attr: &str) -> u32 {
        if attr.starts_with("__") {
            let m = mangle(self.private.as_deref(), attr);
            return self.name_index(&m);
        }
        self.name_index(attr)
    }

    fn var_index(&mut self, s: &str) -> u32 {
        if let Some(i) = self.u().var_index.get(s) {
            return i;
        }
        let rc = self.intern(s).1;
        let u = self.unit();
        let i = u.varnames.len() as u32;
        u.varnames.push(rc);
        u.var_index.insert(s.to_string(), i);
        i
    }

    fn global_slot(&mut self, s: &str) -> u32 {
        let slot = match self.global_slots.get(s) {
            Some(&slot) => slot,
            None => {
                let slot = self.globals.slot(s);
                self.global_slots.insert(s.to_string(), slot);
                slot
            }
        };
        let rc = self.intern(s).1;
        let u = self.unit();
        if !u.global_names.iter().any(|(g, _)| *g == slot) {
            u.global_names.push((slot, rc));
        }
        slot
    }

    /// Index of a cell or free variable in `cellvars ++ freevars`.
    fn cell_index(&self, name: &str) -> Option<u32> {
        let u = self.u();
        if let Some(i) = u.cellvars.iter().position(|c| c == name) {
            return Some(i as u32);
        }
        u.freevars
            .iter()
            .position(|c| c == name)
            .map(|i| (i + u.cellvars.len()) as u32)
    }

    pub(crate) fn name_op(
        &mut self,
        name: &str,
        op: NameOp,
        span: Span,
    ) -> Result<(), SyntaxError> {
        let mangled;
        let name = if name.starts_with("__") {
            mangled = mangle(self.private.as_deref(), name);
            &mangled
        } else {
            name
        };
        let kind = self.u().kind;
        let res = self.st.scopes[self.u().scope].resolve(name);
        match kind {
            ScopeKind::Module => {
                let slot = self.global_slot(name);
                self.emit(match op {
                    NameOp::Load => Instr::LoadGlobal(slot),
                    NameOp::Store => Instr::StoreGlobal(slot),
                    NameOp::Delete => Instr::DeleteGlobal(slot),
                });
            }
            ScopeKind::Class => match res {
                Resolution::GlobalExplicit => {
                    let slot = self.global_slot(name);
                    self.emit(match op {
                        NameOp::Load => Instr::LoadGlobal(slot),
                        NameOp::Store => Instr::StoreGlobal(slot),
                        NameOp::Delete => Instr::DeleteGlobal(slot),
                    });
                }
                Resolution::Free | Resolution::Cell => {
                    let Some(i) = self.cell_index(name) else {
                        return Err(err(format!("internal: no cell for '{}'", name), span));
                    };
                    self.emit(match op {
                        NameOp::Load => Instr::LoadClassDeref(i),
                        NameOp::Store => Instr::StoreDeref(i),
                        NameOp::Delete => Instr::DeleteDeref(i),
                    });
                }
                _ => {
                    let i = self.name_index(name);
                    self.emit(match op {
                        NameOp::Load => Instr::LoadName(i),
                        NameOp::Store => Instr::StoreName(i),
                        NameOp::Delete => Instr::DeleteName(i),
                    });
                }
            },
            _ => match res {
                Resolution::Local => {
                    let i = self.var_index(name);
                    self.emit(match op {
                        NameOp::Load => Instr::LoadFast(i),
                        NameOp::Store => Instr::StoreFast(i),
                        NameOp::Delete => Instr::DeleteFast(i),
                    });
                }
                Resolution::Free | Resolution::Cell => {
                    let Some(i) = self.cell_index(name) else {
                        return Err(err(format!("internal: no cell for '{}'", name), span));
                    };
                    self.emit(match op {
                        NameOp::Load => Instr::LoadDeref(i),
                        NameOp::Store => Instr::StoreDeref(i),
                        NameOp::Delete => Instr::DeleteDeref(i),
                    });
                }
                Resolution::GlobalExplicit | Resolution::GlobalImplicit => {
                    let slot = self.global_slot(name);
                    self.emit(match op {
                        NameOp::Load => Instr::LoadGlobal(slot),
                        NameOp::Store => Instr::StoreGlobal(slot),
                        NameOp::Delete => Instr::DeleteGlobal(slot),
                    });
                }
            },
        }
        Ok(())
    }

    // ---- units ----------------------------------------------------------------------

    /// Starts a code object for symbol-table scope `scope`.
    fn enter(&mut self, scope: usize, name: &str, qualname: String, firstlineno: u32) {
        let sc = &self.st.scopes[scope];
        let kind = sc.kind;
        let flags = CodeFlags {
            generator: sc.is_generator() && !sc.is_async_generator(),
            coroutine: sc.is_coroutine(),
            async_generator: sc.is_async_generator(),
            class_body: kind == ScopeKind::Class,
            module: kind == ScopeKind::Module,
            ..Default::default()
        };
        let params = sc.params.clone();
        let cellvars = sc.cellvars.clone();
        let freevars = sc.freevars.clone();
        let locals: Vec<String> = sc
            .symbols
            .iter()
            .filter(|s| s.resolution == Resolution::Local)
            .map(|s| s.name.clone())
            .collect();
        self.units.push(Unit {
            scope,
            kind,
            name: name.to_string(),
            qualname,
            firstlineno,
            flags,
            argcount: 0,
            posonlyargcount: 0,
            kwonlyargcount: 0,
            instrs: Vec::with_capacity(64),
            lines: Vec::with_capacity(64),
            spans: Vec::with_capacity(64),
            consts: Vec::new(),
            const_index: SmallMap::default(),
            names: Vec::new(),
            name_index: SmallMap::default(),
            varnames: Vec::new(),
            var_index: SmallMap::default(),
            cellvars,
            freevars,
            global_names: Vec::new(),
            labels: Vec::new(),
            fblocks: Vec::new(),
            pos: (firstlineno, Span::new(0, 0)),
        });
        if kind.is_function_like() {
            for p in params.iter().chain(locals.iter()) {
                self.var_index(p);
            }
        }
    }

    /// Finishes the innermost unit into a code object.
    fn leave(&mut self) -> Result<Rc<CodeObject>, SyntaxError> {
        let Some(mut u) = self.units.pop() else {
            return Err(SyntaxError::new("internal: no unit", 0));
        };
        for i in u.instrs.iter_mut() {
            if is_jump(i) {
                if let Some(l) = jump_target(i) {
                    let t = u.labels.get(l as usize).copied().unwrap_or(u32::MAX);
                    if t == u32::MAX {
                        return Err(SyntaxError::new("internal: unbound label", 0));
                    }
                    set_target(i, t);
                }
            }
        }
        let stacksize = stackdepth::stack_depth(&u.instrs);
        // The units start with room for 64 instructions; the code object keeps no slack.
        u.instrs.shrink_to_fit();
        u.lines.shrink_to_fit();
        u.spans.shrink_to_fit();
        let mut cell2arg = Vec::new();
        let sc = &self.st.scopes[u.scope];
        for (ci, c) in u.cellvars.iter().enumerate() {
            if let Some(pi) = sc.params.iter().position(|p| p == c) {
                cell2arg.push((ci as u32, pi as u32));
            }
        }
        let cellvars = u.cellvars.iter().map(|c| self.intern(c).1).collect();
        let freevars = u.freevars.iter().map(|c| self.intern(c).1).collect();
        let name = self.intern(&u.name).1;
        let qualname = self.intern(&u.qualname).1;
        Ok(Rc::new(
            CodeObject {
                module: self.globals.module(),
                name,
                qualname,
                filename: self.filename.clone(),
                firstlineno: u.firstlineno,
                flags: u.flags,
                argcount: u.argcount,
                posonlyargcount: u.posonlyargcount,
                kwonlyargcount: u.kwonlyargcount,
                instrs: u.instrs,
                lines: u.lines,
                spans: u.spans,
                consts: u.consts,
                names: u.names,
                varnames: u.varnames,
                cellvars,
                freevars,
                cell2arg,
                global_names: u.global_names,
                stacksize,
                quick: Vec::new(),
                fast_argc: u32::MAX,
                caches: Box::default(),
                init_stores: None,
                hidden_from_tracebacks: Default::default(),
                iterable_coroutine: Default::default(),
            }
            .finish(),
        ))
    }

    fn qualname_for(&self, name: &str) -> String {
        let u = self.u();
        match u.kind {
            ScopeKind::Module => name.to_string(),
            ScopeKind::Class => format!("{}.{}", u.qualname, name),
            _ => {
                let m = mangle(self.private.as_deref(), name);
                if self.st.scopes[u.scope].resolve(&m) == Resolution::GlobalExplicit {
                    name.to_string()
                } else {
                    format!("{}.<locals>.{}", u.qualname, name)
                }
            }
        }
    }

    /// Compiles a whole module (scope 0).
    pub(crate) fn compile_module(
        &mut self,
        m: &'a Module,
        interactive: bool,
    ) -> Result<Rc<CodeObject>, SyntaxError> {
        self.enter(0, "<module>", "<module>".to_string(), 1);
        self.future_annotations = m.future_annotations();
        self.setup_annotations(&m.body);
        let n = m.body.len();
        for (i, s) in m.body.iter().enumerate() {
            if interactive && i + 1 == n {
                if let StmtKind::Expr(e) = &s.kind {
                    self.set_line(s.span);
                    self.expr(e)?;
                    self.emit(Instr::ReturnValue);
                    return self.leave();
                }
            }
            self.stmt(s)?;
        }
        self.load_const(Value::None);
        self.emit(Instr::ReturnValue);
        self.leave()
    }

    /// Pushes the closure tuple for a nested code object's free variables; returns the
    /// MakeFunction flag bit (8) if any.
    fn closure(&mut self, code: &CodeObject, span: Span) -> Result<u32, SyntaxError> {
        if code.freevars.is_empty() {
            return Ok(0);
        }
        for f in &code.freevars {
            let Some(i) = self.cell_index(f.as_str()) else {
                return Err(err(format!("internal: no cell for '{}'", f.as_str()), span));
            };
            self.emit(Instr::LoadClosure(i));
        }
        self.emit(Instr::BuildTuple(code.freevars.len() as u32));
        Ok(8)
    }

    pub(crate) fn make_function(
        &mut self,
        code: Rc<CodeObject>,
        mut flags: u32,
        span: Span,
    ) -> Result<(), SyntaxError> {
        flags |= self.closure(&code, span)?;
        let i = self.add_const_keyed(None, Value::Code(code));
        self.emit(Instr::LoadConst(i));
        self.emit(Instr::MakeFunction(flags));
        Ok(())
    }

    /// Defaults tuple and kw-only defaults dict; returns the MakeFunction flags.
    fn defaults(&mut self, p: &'a Parameters) -> Result<u32, SyntaxError> {
        let mut flags = 0;
        if !p.defaults.is_empty() {
            for d in &p.defaults {
                self.expr(d)?;
            }
            self.emit(Instr::BuildTuple(p.defaults.len() as u32));
            flags |= 1;
        }
        let mut n = 0;
        for (a, d) in p.kwonlyargs.iter().zip(p.kw_defaults.iter()) {
            if let Some(d) = d {
                let key = mangle(self.private.as_deref(), &a.name);
                self.load_str(&key);
                self.expr(d)?;
                n += 1;
            }
        }
        if n > 0 {
            self.emit(Instr::BuildMap(n));
            flags |= 2;
        }
        Ok(flags)
    }

    /// Compiles a function-like body (def or lambda) into a code object.
    pub(crate) fn function_code(
        &mut self,
        scope: usize,
        name: &str,
        p: &'a Parameters,
        body: FnBody<'a>,
        span: Span,
    ) -> Result<Rc<CodeObject>, SyntaxError> {
        let qualname = self.qualname_for(name);
        let line = self.line_of(span.start);
        self.enter(scope, name, qualname, line);
        {
            let u = self.unit();
            u.argcount = p.args.len() as u32;
            u.posonlyargcount = p.posonly as u32;
            u.kwonlyargcount = p.kwonlyargs.len() as u32;
            u.flags.varargs = p.vararg.is_some();
            u.flags.varkeywords = p.kwarg.is_some();
        }
        match body {
            FnBody::Stmts(stmts) => {
                // consts[0] of a def is its docstring, or None (as in CPython 3.11).
                match docstring(stmts) {
                    Some(d) => {
                        let (id, rc) = self.intern(d);
                        self.add_const_keyed(Some(ConstKey::Str(id)), Value::Str(rc));
                    }
                    None => {
                        self.add_const_keyed(Some(ConstKey::None), Value::None);
                    }
                }
                for s in stmts {
                    self.stmt(s)?;
                }
                let ends = matches!(
                    stmts.last(),
                    Some(Stmt {
                        kind: StmtKind::Return(_),
                        ..
                    })
                );
                if !ends {
                    self.load_const(Value::None);
                    self.emit(Instr::ReturnValue);
                }
            }
            FnBody::Expr(e) => {
                self.set_line(e.span);
                self.expr(e)?;
                if self.st.scopes[scope].is_generator() {
                    self.emit(Instr::Pop);
                    self.load_const(Value::None);
                }
                self.emit(Instr::ReturnValue);
            }
        }
        self.leave()
    }

    // ---- statements -----------------------------------------------------------------

    fn stmts(&mut self, body: &'a [Stmt]) -> Result<(), SyntaxError> {
        for s in body {
            self.stmt(s)?;
        }
        Ok(())
    }

    fn stmt(&mut self, s: &'a Stmt) -> Result<(), SyntaxError> {
        self.set_line(s.span);
        match &s.kind {
            StmtKind::Expr(e) => {
                if matches!(e.kind, ExprKind::Constant(_)) {
                    return Ok(());
                }
                self.expr(e)?;
                self.emit(Instr::Pop);
            }
            StmtKind::Assign { targets, value } => {
                self.expr(value)?;
                for (i, t) in targets.iter().enumerate() {
                    if i + 1 < targets.len() {
                        self.emit(Instr::Dup);
                    }
                    self.store(t)?;
                }
            }
            StmtKind::AugAssign { target, op, value } => self.aug_assign(target, *op, value)?,
            StmtKind::AnnAssign {
                target,
                annotation,
                value,
            } => self.ann_assign(target, annotation, value.as_deref(), s.span)?,
            StmtKind::Pass => {}
            StmtKind::Break => self.break_continue(true, s.span)?,
            StmtKind::Continue => self.break_continue(false, s.span)?,
            StmtKind::Return(v) => self.return_stmt(v.as_ref(), s.span)?,
            StmtKind::Delete(ts) => {
                for t in ts {
                    self.delete(t)?;
                }
            }
            StmtKind::Global(_) | StmtKind::Nonlocal(_) => {}
            StmtKind::Assert { test, msg } => {
                let end = self.new_label();
                self.jump_if(test, true, end)?;
                // The failure is reported at the test, as CPython does.
                self.at(test.span, |c| {
                    c.emit(Instr::LoadAssertionError);
                    if let Some(m) = msg {
                        c.expr(m)?;
                        c.emit(Instr::CallFunction(1));
                    }
                    c.emit(Instr::Raise(1));
                    Ok::<_, SyntaxError>(())
                })?;
                self.bind(end);
            }
            StmtKind::If { test, body, orelse } => {
                let end = self.new_label();
                let els = if orelse.is_empty() {
                    end
                } else {
                    self.new_label()
                };
                self.jump_if(test, false, els)?;
                self.stmts(body)?;
                if !orelse.is_empty() {
                    self.emit(Instr::Jump(end));
                    self.bind(els);
                    self.stmts(orelse)?;
                }
                self.bind(end);
            }
            StmtKind::While { test, body, orelse } => {
                let start = self.new_label();
                let els = self.new_label();
                let end = self.new_label();
                self.bind(start);
                self.jump_if(test, false, els)?;
                self.unit().fblocks.push(FBlock::Loop {
                    has_iter: false,
                    cont: start,
                    brk: end,
                });
                self.stmts(body)?;
                self.unit().fblocks.pop();
                self.emit(Instr::Jump(start));
                self.bind(els);
                self.stmts(orelse)?;
                self.bind(end);
            }
            StmtKind::For {
                is_async,
                target,
                iter,
                body,
                orelse,
            } => {
                if *is_async {
                    self.async_for(target, iter, body, orelse)?;
                } else {
                    let start = self.new_label();
                    let els = self.new_label();
                    let end = self.new_label();
                    self.expr(iter)?;
                    self.emit(Instr::GetIter);
                    self.bind(start);
                    self.emit(Instr::ForIter(els));
                    self.unit().fblocks.push(FBlock::Loop {
                        has_iter: true,
                        cont: start,
                        brk: end,
                    });
                    self.store(target)?;
                    self.stmts(body)?;
                    self.unit().fblocks.pop();
                    self.emit(Instr::Jump(start));
                    self.bind(els);
                    self.stmts(orelse)?;
                    self.bind(end);
                }
            }
            StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
            } => {
                if finalbody.is_empty() {
                    self.try_except(body, handlers, orelse)?;
                } else {
                    self.try_finally(body, handlers, orelse, finalbody)?;
                }
            }
            StmtKind::Raise { exc, cause } => {
                let mut n = 0;
                if let Some(e) = exc {
                    self.expr(e)?;
                    n = 1;
                    if let Some(c) = cause {
                        self.expr(c)?;
                        n = 2;
                    }
                }
                self.emit(Instr::Raise(n));
            }
            StmtKind::With {
                is_async,
                items,
                body,
            } => self.with(items, body, *is_async, s.span)?,
            StmtKind::FunctionDef(f) => self.function_def(f, s.span)?,
            StmtKind::ClassDef(c) => self.class_def(c, s.span)?,
            StmtKind::Import(aliases) => {
                for a in aliases {
                    let i = self.name_index(&a.name);
                    self.emit(Instr::ImportName(i));
                    let stored = match &a.asname {
                        Some(n) => n.as_str(),
                        None => {
                            // `import a.b` loads `a.b` but binds the package `a`, as
                            // Python does.
                            let top = a.name.split('.').next().unwrap_or(&a.name);
                            if top != a.name {
                                self.emit(Instr::Pop);
                                let t = self.name_index(top);
                                self.emit(Instr::ImportName(t));
                            }
                            top
                        }
                    };
                    self.name_op(stored, NameOp::Store, a.span)?;
                }
            }
            StmtKind::ImportFrom {
                module,
                names,
                level,
            } => {
                if module == "__future__" {
                    // Compiler directives (`annotations`, ...): nothing to run.
                    return Ok(());
                }
                if *level > 0 {
                    return Err(err("Baton does not support relative imports", s.span));
                }
                let i = self.name_index(module);
                self.emit(Instr::ImportName(i));
                for a in names {
                    if a.name == "*" {
                        return Err(err("Baton does not support 'from ... import *'", a.span));
                    }
                    let i = self.name_index(&a.name);
                    self.emit(Instr::ImportFrom(i));
                    let stored = a.asname.as_deref().unwrap_or(&a.name);
                    self.name_op(stored, NameOp::Store, a.span)?;
                }
                self.emit(Instr::Pop);
            }
        }
        Ok(())
    }

    fn function_def(&mut self, f: &'a FunctionDef, span: Span) -> Result<(), SyntaxError> {
        for d in &f.decorators {
            self.expr(d)?;
        }
        let flags =
            self.defaults(&f.params)? | self.function_annotations(&f.params, f.returns.as_ref())?;
        let Some(scope) = self.st.scope_of(f) else {
            return Err(err("internal: function scope missing", span));
        };
        let first = first_line_span(&f.decorators, span);
        let code = self.function_code(scope, &f.name, &f.params, FnBody::Stmts(&f.body), first)?;
        self.make_function(code, flags, span)?;
        self.apply_decorators(&f.decorators);
        self.name_op(&f.name, NameOp::Store, span)
    }

    fn class_def(&mut self, c: &'a ClassDef, span: Span) -> Result<(), SyntaxError> {
        if let Some(k) = c
            .keywords
            .iter()
            .find(|k| k.arg.as_deref() == Some("metaclass"))
        {
            return Err(err("Baton does not support metaclasses", k.span));
        }
        self.no_repeated_keywords(&c.keywords)?;
        for d in &c.decorators {
            self.expr(d)?;
        }
        let Some(scope) = self.st.scope_of(c) else {
            return Err(err("internal: class scope missing", span));
        };
        let qualname = self.qualname_for(&c.name);
        let line = self.line_of(first_line_span(&c.decorators, span).start);
        self.enter(scope, &c.name, qualname, line);
        self.setup_annotations(&c.body);
        if let Some(doc) = docstring(&c.body) {
            let doc = doc.to_string();
            self.load_str(&doc);
            let i = self.name_index("__doc__");
            self.emit(Instr::StoreName(i));
        }
        let saved = self.private.replace(c.name.clone());
        let body = self.stmts(&c.body);
        self.private = saved;
        body?;
        if self.st.scopes[scope].needs_class_cell {
            let Some(i) = self.cell_index("__class__") else {
                return Err(err("internal: no __class__ cell", span));
            };
            self.emit(Instr::LoadClosure(i));
            let n = self.name_index("__classcell__");
            self.emit(Instr::StoreName(n));
        }
        self.emit(Instr::LoadLocals);
        self.emit(Instr::ReturnValue);
        let code = self.leave()?;
        self.set_line(span);
        self.make_function(code, 0, span)?;
        self.load_str(&c.name);
        for b in &c.bases {
            self.expr(b)?;
        }
        if c.keywords.is_empty() {
            self.emit(Instr::BuildClass(c.bases.len() as u32));
        } else {
            self.keywords_dict(&c.keywords)?;
            self.emit(Instr::BuildClassKw(c.bases.len() as u32));
        }
        self.apply_decorators(&c.decorators);
        self.name_op(&c.name, NameOp::Store, span)
    }

    /// Calls the decorators on the definition on top of the stack, innermost first,
    /// each call reported at its decorator.
    fn apply_decorators(&mut self, decorators: &'a [Expr]) {
        for d in decorators.iter().rev() {
            self.at(d.span, |c| c.emit(Instr::CallFunction(1)));
        }
    }

    /// Where an attribute access `value.attr` at `span` is reported: the whole node,
    /// or, when it runs over several lines, just the name after the dot (CPython 3.11
    /// moves the start to the line of the name).
    pub(crate) fn attr_span(&self, span: Span, attr: &str) -> Span {
        // (The line after the start's begins at `line_starts[start line]`.)
        let next_line = self.line_starts.get(self.line_of(span.start) as usize);
        if next_line.is_none_or(|&next| next > span.end as usize) {
            return span;
        }
        Span {
            start: span.end.saturating_sub(attr.len() as u32).max(span.start),
            end: span.end,
        }
    }

    // ---- targets --------------------------------------------------------------------

    /// Stores the value on top of the stack into target `t`; a failing store is
    /// reported at the target (CPython's position for it).
    pub(crate) fn store(&mut self, t: &'a Expr) -> Result<(), SyntaxError> {
        self.at(t.span, |c| c.store_at(t))
    }

    fn store_at(&mut self, t: &'a Expr) -> Result<(), SyntaxError> {
        match &t.kind {
            ExprKind::Name(n) => self.name_op(n, NameOp::Store, t.span)?,
            ExprKind::Attribute { value, attr } => {
                self.expr(value)?;
                let i = self.attr_index(attr);
                self.at(self.attr_span(t.span, attr), |c| {
                    c.emit(Instr::StoreAttr(i))
                });
            }
            ExprKind::Subscript { value, index } => {
                self.expr(value)?;
                self.expr(index)?;
                self.emit(Instr::StoreSubscr);
            }
            ExprKind::Tuple(items) | ExprKind::List(items) => {
                let mut star = None;
                for (i, it) in items.iter().enumerate() {
                    if matches!(it.kind, ExprKind::Starred(_)) {
                        if star.is_some() {
                            return Err(err("multiple starred expressions in assignment", it.span));
                        }
                        star = Some(i);
                    }
                }
                match star {
                    Some(i) => {
                        let after = items.len() - i - 1;
                        if i > 255 || after > 255 {
                            return Err(err(
                                "too many expressions in star-unpacking assignment",
                                t.span,
                            ));
                        }
                        self.emit(Instr::UnpackEx(i as u32 | ((after as u32) << 8)));
                    }
                    None => self.emit(Instr::UnpackSequence(items.len() as u32)),
                }
                for it in items {
                    match &it.kind {
                        ExprKind::Starred(inner) => self.store(inner)?,
                        _ => self.store(it)?,
                    }
                }
            }
            ExprKind::Starred(_) => {
                return Err(err(
                    "starred assignment target must be in a list or tuple",
                    t.span,
                ))
            }
            _ => return Err(err("cannot assign to expression", t.span)),
        }
        Ok(())
    }

    /// `del t`, reported at the target when it fails.
    fn delete(&mut self, t: &'a Expr) -> Result<(), SyntaxError> {
        self.at(t.span, |c| c.delete_at(t))
    }

    fn delete_at(&mut self, t: &'a Expr) -> Result<(), SyntaxError> {
        match &t.kind {
            ExprKind::Name(n) => self.name_op(n, NameOp::Delete, t.span)?,
            ExprKind::Attribute { value, attr } => {
                self.expr(value)?;
                let i = self.attr_index(attr);
                self.at(self.attr_span(t.span, attr), |c| {
                    c.emit(Instr::DeleteAttr(i))
                });
            }
            ExprKind::Subscript { value, index } => {
                self.expr(value)?;
                self.expr(index)?;
                self.emit(Instr::DeleteSubscr);
            }
            ExprKind::Tuple(items) | ExprKind::List(items) => {
                for it in items {
                    self.delete(it)?;
                }
            }
            _ => return Err(err("cannot delete expression", t.span)),
        }
        Ok(())
    }

    fn aug_assign(
        &mut self,
        target: &'a Expr,
        op: BinOp,
        value: &'a Expr,
    ) -> Result<(), SyntaxError> {
        match &target.kind {
            ExprKind::Name(n) => {
                self.name_op(n, NameOp::Load, target.span)?;
                self.expr(value)?;
                self.emit(Instr::InplaceBinary(op));
                self.name_op(n, NameOp::Store, target.span)?;
            }
            ExprKind::Attribute { value: obj, attr } => {
                self.expr(obj)?;
                self.emit(Instr::Dup);
                let i = self.attr_index(attr);
                self.emit(Instr::LoadAttr(i));
                self.expr(value)?;
                self.emit(Instr::InplaceBinary(op));
                self.emit(Instr::RotTwo);
                self.emit(Instr::StoreAttr(i));
            }
            ExprKind::Subscript { value: obj, index } => {
                self.expr(obj)?;
                self.expr(index)?;
                self.emit(Instr::DupTwo);
                self.emit(Instr::BinarySubscr);
                self.expr(value)?;
                self.emit(Instr::InplaceBinary(op));
                self.emit(Instr::RotThree);
                self.emit(Instr::StoreSubscr);
            }
            _ => {
                return Err(err(
                    "'expression' is an illegal expression for augmented assignment",
                    target.span,
                ))
            }
        }
        Ok(())
    }
}

/// The span whose line is a definition's `firstlineno`: its first decorator, if any.
fn first_line_span(decorators: &[Expr], span: Span) -> Span {
    match decorators.first() {
        Some(d) if d.span.start < span.start => d.span,
        _ => span,
    }
}

/// The docstring of a module, def or class body: a leading string-literal statement.
pub(crate) fn docstring(body: &[Stmt]) -> Option<&str> {
    match body.first() {
        Some(Stmt {
            kind:
                StmtKind::Expr(Expr {
                    kind: ExprKind::Constant(Constant::Str(s)),
                    ..
                }),
            ..
        }) => Some(s),
        _ => None,
    }
}

/// The body of a function-like code object.
pub(crate) enum FnBody<'a> {
    Stmts(&'a [Stmt]),
    Expr(&'a Expr),
}
