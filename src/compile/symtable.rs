//! The symbol table: one scope per module, function, lambda, class body and
//! comprehension, with every name classified as local, global (explicit or implicit),
//! free or cell by Python's rules, plus each scope's kind flags (generator, coroutine,
//! async generator) and the compile-time SyntaxErrors that scoping can detect.
//!
//! Scopes are keyed by the address of the AST node that creates them (the `FunctionDef`,
//! the `ClassDef`, or the lambda / comprehension `Expr`), so code generation finds them
//! again while walking the same borrowed tree.

use crate::syntax::ast::*;
use crate::syntax::error::SyntaxError;
use ahash::{AHashMap as HashMap, AHashSet as HashSet};
use std::borrow::Cow;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ScopeKind {
    Module,
    Function,
    Lambda,
    Class,
    Comprehension,
}

impl ScopeKind {
    pub fn is_function_like(self) -> bool {
        matches!(
            self,
            ScopeKind::Function | ScopeKind::Lambda | ScopeKind::Comprehension
        )
    }
}

/// How a name is resolved in one scope.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Resolution {
    Local,
    GlobalExplicit,
    GlobalImplicit,
    Free,
    Cell,
}

const DEF_LOCAL: u8 = 1;
const DEF_PARAM: u8 = 2;
const DEF_GLOBAL: u8 = 4;
const DEF_NONLOCAL: u8 = 8;
const USE: u8 = 16;
const DEF_ANNOT: u8 = 32;

#[derive(Clone, Debug)]
pub struct Symbol {
    pub name: String,
    flags: u8,
    pub resolution: Resolution,
}

impl Symbol {
    /// Bound in its own scope: assigned, imported, defined, deleted or a parameter.
    pub fn is_bound(&self) -> bool {
        self.flags & (DEF_LOCAL | DEF_PARAM) != 0
    }

    /// Declared `global` in its scope.
    pub fn is_declared_global(&self) -> bool {
        self.flags & DEF_GLOBAL != 0
    }
}

#[derive(Debug)]
pub struct Scope {
    pub kind: ScopeKind,
    pub name: String,
    pub parent: Option<usize>,
    /// Symbols in first-seen order.
    pub symbols: Vec<Symbol>,
    /// Symbol positions by name, once there are too many symbols to search.
    index: Option<HashMap<String, usize>>,
    /// Parameter names in varnames order (positional, kw-only, *args, **kwargs).
    pub params: Vec<String>,
    pub is_async: bool,
    pub has_yield: bool,
    /// Contains `await` or `async for/with` (only comprehensions care: they become async).
    pub has_await: bool,
    /// Class scopes: a method uses `super` or `__class__`.
    pub needs_class_cell: bool,
    /// Free variables in first-seen order (for classes these pass through to methods).
    pub freevars: Vec<String>,
    /// Cell variables in first-seen order.
    pub cellvars: Vec<String>,
    comp_kind: &'static str,
    nonlocal_spans: HashMap<String, Span>,
    global_spans: HashMap<String, Span>,
}

impl Scope {
    fn new(kind: ScopeKind, name: &str, parent: Option<usize>) -> Scope {
        Scope {
            kind,
            name: name.to_string(),
            parent,
            symbols: Vec::new(),
            index: None,
            params: Vec::new(),
            is_async: false,
            has_yield: false,
            has_await: false,
            needs_class_cell: false,
            freevars: Vec::new(),
            cellvars: Vec::new(),
            comp_kind: "",
            nonlocal_spans: HashMap::new(),
            global_spans: HashMap::new(),
        }
    }

    /// Where `name` is in `symbols`: a linear search while there are few (most scopes),
    /// the index after that.
    fn position(&self, name: &str) -> Option<usize> {
        match &self.index {
            Some(index) => index.get(name).copied(),
            None => self.symbols.iter().position(|s| s.name == name),
        }
    }

    pub fn lookup(&self, name: &str) -> Option<&Symbol> {
        self.position(name).map(|i| &self.symbols[i])
    }

    /// How `name` resolves here (names never seen are implicit globals, or for class
    /// scopes, looked up by name).
    pub fn resolve(&self, name: &str) -> Resolution {
        self.lookup(name)
            .map(|s| s.resolution)
            .unwrap_or(Resolution::GlobalImplicit)
    }

    pub fn is_generator(&self) -> bool {
        self.has_yield
    }

    /// A coroutine (async def without yield, or an async comprehension).
    pub fn is_coroutine(&self) -> bool {
        (self.is_async || self.has_await_comp()) && !self.has_yield
    }

    fn has_await_comp(&self) -> bool {
        self.kind == ScopeKind::Comprehension && self.has_await
    }

    pub fn is_async_generator(&self) -> bool {
        (self.is_async || self.has_await_comp()) && self.has_yield
    }

    fn add(&mut self, name: &str, flag: u8) -> u8 {
        if let Some(i) = self.position(name) {
            let old = self.symbols[i].flags;
            self.symbols[i].flags |= flag;
            old
        } else {
            if let Some(index) = &mut self.index {
                index.insert(name.to_string(), self.symbols.len());
            }
            self.symbols.push(Symbol {
                name: name.to_string(),
                flags: flag,
                resolution: Resolution::GlobalImplicit,
            });
            if self.index.is_none() && self.symbols.len() > 16 {
                let index = self
                    .symbols
                    .iter()
                    .enumerate()
                    .map(|(i, s)| (s.name.clone(), i))
                    .collect();
                self.index = Some(index);
            }
            0
        }
    }
}

/// All scopes of one module; scope 0 is the module.
#[derive(Debug)]
pub struct SymbolTable {
    pub scopes: Vec<Scope>,
    by_node: HashMap<usize, usize>,
}

impl SymbolTable {
    /// The scope created by the AST node at this address.
    pub fn scope_of<T>(&self, node: &T) -> Option<usize> {
        self.by_node.get(&(node as *const T as usize)).copied()
    }
}

/// Python's private-name mangling: inside class `C` (and functions nested in it), a name
/// `__x` that does not end with `__` becomes `_C__x` (leading underscores of the class
/// name stripped; no mangling when nothing is left).
pub(crate) fn mangle<'a>(private: Option<&str>, name: &'a str) -> Cow<'a, str> {
    if let Some(class) = private {
        let stripped = class.trim_start_matches('_');
        if name.starts_with("__")
            && !name.ends_with("__")
            && !name.contains('.')
            && !stripped.is_empty()
        {
            return Cow::Owned(format!("_{}{}", stripped, name));
        }
    }
    Cow::Borrowed(name)
}

/// Builds and analyses the symbol table of a module.
pub fn build(module: &Module) -> Result<SymbolTable, SyntaxError> {
    build_with(module, false)
}

/// The symbol table for `baton check`, which reports misplaced `await`, `async for`,
/// `async with` and async comprehensions itself (all of them, not only the first):
/// those errors are not raised here, every other one is.
pub fn build_lenient(module: &Module) -> Result<SymbolTable, SyntaxError> {
    build_with(module, true)
}

/// Like `build`, for REPL input (CPython's `PyCF_ALLOW_TOP_LEVEL_AWAIT`): `await`,
/// `async for`, `async with` and async comprehensions are allowed in the module scope
/// itself, which then compiles to a coroutine.
pub fn build_top_level_await(module: &Module) -> Result<SymbolTable, SyntaxError> {
    build_opts(module, false, true)
}

fn build_with(module: &Module, lenient: bool) -> Result<SymbolTable, SyntaxError> {
    build_opts(module, lenient, false)
}

fn build_opts(
    module: &Module,
    lenient: bool,
    top_level_await: bool,
) -> Result<SymbolTable, SyntaxError> {
    let mut b = Builder {
        scopes: vec![Scope::new(ScopeKind::Module, "<module>", None)],
        by_node: HashMap::new(),
        cur: 0,
        private: None,
        lenient,
        top_level_await,
    };
    for s in &module.body {
        b.stmt(s)?;
    }
    let mut st = SymbolTable {
        scopes: b.scopes,
        by_node: b.by_node,
    };
    analyze(&mut st, 0, &HashSet::new())?;
    Ok(st)
}

/// Where a statement's source ends for CPython: at the end of its last statement
/// (a compound statement's own span runs on over the line break and the comment
/// after its body).
fn statement_extent(s: &Stmt) -> Span {
    fn last_end(body: &[Stmt]) -> Option<u32> {
        body.last().map(|s| statement_extent(s).end)
    }
    let end = match &s.kind {
        StmtKind::If { body, orelse, .. }
        | StmtKind::While { body, orelse, .. }
        | StmtKind::For { body, orelse, .. } => last_end(orelse).or_else(|| last_end(body)),
        StmtKind::Try {
            body,
            handlers,
            orelse,
            finalbody,
        } => last_end(finalbody)
            .or_else(|| last_end(orelse))
            .or_else(|| handlers.last().and_then(|h| last_end(&h.body)))
            .or_else(|| last_end(body)),
        StmtKind::With { body, .. } => last_end(body),
        StmtKind::FunctionDef(f) => last_end(&f.body),
        StmtKind::ClassDef(c) => last_end(&c.body),
        _ => None,
    };
    Span::new(s.span.start as usize, end.unwrap_or(s.span.end) as usize)
}

fn err(msg: impl Into<String>, span: Span) -> SyntaxError {
    SyntaxError::new(msg, span.start as usize).with_end(span.end as usize)
}

struct Builder {
    scopes: Vec<Scope>,
    by_node: HashMap<usize, usize>,
    cur: usize,
    /// The enclosing class name, for private-name mangling.
    private: Option<String>,
    /// Skip the async-context errors (see `build_lenient`).
    lenient: bool,
    /// `await` and friends are allowed in the module scope (REPL input).
    top_level_await: bool,
}

impl Builder {
    fn scope(&mut self) -> &mut Scope {
        &mut self.scopes[self.cur]
    }

    fn push<T>(&mut self, node: &T, kind: ScopeKind, name: &str) -> usize {
        let id = self.scopes.len();
        self.scopes.push(Scope::new(kind, name, Some(self.cur)));
        self.by_node.insert(node as *const T as usize, id);
        self.cur = id;
        id
    }

    fn def(&mut self, name: &str, span: Span) -> Result<(), SyntaxError> {
        let _ = span;
        let name = mangle(self.private.as_deref(), name);
        self.scope().add(&name, DEF_LOCAL);
        Ok(())
    }

    fn use_name(&mut self, name: &str) {
        let kind = self.scope().kind;
        let mangled = mangle(self.private.as_deref(), name);
        self.scope().add(&mangled, USE);
        if name == "super" && kind.is_function_like() {
            self.scope().add("__class__", USE);
        }
    }

    fn stmts(&mut self, body: &[Stmt]) -> Result<(), SyntaxError> {
        for s in body {
            self.stmt(s)?;
        }
        Ok(())
    }

    fn stmt(&mut self, s: &Stmt) -> Result<(), SyntaxError> {
        match &s.kind {
            StmtKind::Expr(e) => self.expr(e)?,
            StmtKind::Assign { targets, value } => {
                self.expr(value)?;
                for t in targets {
                    self.target(t)?;
                }
            }
            StmtKind::AugAssign { target, value, .. } => {
                self.expr(value)?;
                if let ExprKind::Name(n) = &target.kind {
                    self.use_name(n);
                }
                self.target(target)?;
            }
            StmtKind::AnnAssign { target, value, .. } => {
                if let Some(v) = value {
                    self.expr(v)?;
                }
                if let ExprKind::Name(n) = &target.kind {
                    let n: &str = &mangle(self.private.as_deref(), n);
                    let old = self.scope().lookup(n).map(|s| s.flags).unwrap_or(0);
                    if self.scope().kind != ScopeKind::Module {
                        if old & DEF_GLOBAL != 0 {
                            return Err(err(
                                format!("annotated name '{}' can't be global", n),
                                s.span,
                            ));
                        }
                        if old & DEF_NONLOCAL != 0 {
                            return Err(err(
                                format!("annotated name '{}' can't be nonlocal", n),
                                s.span,
                            ));
                        }
                    }
                    self.scope().add(n, DEF_ANNOT);
                    if value.is_some() {
                        self.def(n, target.span)?;
                    }
                } else {
                    self.target(target)?;
                }
            }
            StmtKind::Pass | StmtKind::Break | StmtKind::Continue => {}
            StmtKind::Return(v) => {
                if !self.scope().kind.is_function_like() {
                    return Err(err("'return' outside function", s.span));
                }
                if let Some(v) = v {
                    self.expr(v)?;
                }
            }
            StmtKind::Delete(ts) => {
                for t in ts {
                    self.target(t)?;
                }
            }
            StmtKind::Global(names) => {
                for n in names {
                    let n: &str = &mangle(self.private.as_deref(), n);
                    let old = self.scope().lookup(n).map(|s| s.flags).unwrap_or(0);
                    if old & DEF_PARAM != 0 {
                        return Err(err(format!("name '{}' is parameter and global", n), s.span));
                    }
                    if old & DEF_NONLOCAL != 0 {
                        return Err(err(format!("name '{}' is nonlocal and global", n), s.span));
                    }
                    if old & DEF_ANNOT != 0 {
                        return Err(err(
                            format!("annotated name '{}' can't be global", n),
                            s.span,
                        ));
                    }
                    if old & DEF_LOCAL != 0 {
                        return Err(err(
                            format!("name '{}' is assigned to before global declaration", n),
                            s.span,
                        ));
                    }
                    if old & USE != 0 {
                        return Err(err(
                            format!("name '{}' is used prior to global declaration", n),
                            s.span,
                        ));
                    }
                    self.scope().add(n, DEF_GLOBAL);
                    self.scope().global_spans.insert(n.to_string(), s.span);
                }
            }
            StmtKind::Nonlocal(names) => {
                if self.scope().kind == ScopeKind::Module {
                    return Err(err(
                        "nonlocal declaration not allowed at module level",
                        s.span,
                    ));
                }
                for n in names {
                    let n: &str = &mangle(self.private.as_deref(), n);
                    let old = self.scope().lookup(n).map(|s| s.flags).unwrap_or(0);
                    if old & DEF_PARAM != 0 {
                        return Err(err(
                            format!("name '{}' is parameter and nonlocal", n),
                            s.span,
                        ));
                    }
                    if old & DEF_GLOBAL != 0 {
                        // CPython points at the global statement.
                        let span = self.scope().global_spans.get(n).copied().unwrap_or(s.span);
                        return Err(err(format!("name '{}' is nonlocal and global", n), span));
                    }
                    if old & DEF_ANNOT != 0 {
                        return Err(err(
                            format!("annotated name '{}' can't be nonlocal", n),
                            s.span,
                        ));
                    }
                    if old & DEF_LOCAL != 0 {
                        return Err(err(
                            format!("name '{}' is assigned to before nonlocal declaration", n),
                            s.span,
                        ));
                    }
                    if old & USE != 0 {
                        return Err(err(
                            format!("name '{}' is used prior to nonlocal declaration", n),
                            s.span,
                        ));
                    }
                    self.scope().add(n, DEF_NONLOCAL);
                    self.scope().nonlocal_spans.insert(n.to_string(), s.span);
                }
            }
            StmtKind::Assert { test, msg } => {
                self.expr(test)?;
                if let Some(m) = msg {
                    self.expr(m)?;
                }
            }
            StmtKind::If { test, body, orelse } | StmtKind::While { test, body, orelse } => {
                self.expr(test)?;
                self.stmts(body)?;
                self.stmts(orelse)?;
            }
            StmtKind::For {
                is_async,
                target,
                iter,
                body,
                orelse,
            } => {
                if *is_async {
                    self.check_async(statement_extent(s), "for")?;
                }
                self.expr(iter)?;
                self.target(target)?;
                self.stmts(body)?;
                self.stmts(orelse)?;
            }
            StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
            } => {
                self.stmts(body)?;
                for h in handlers {
                    if let Some(t) = &h.typ {
                        self.expr(t)?;
                    }
                    if let Some(n) = &h.name {
                        self.def(n, h.span)?;
                    }
                    self.stmts(&h.body)?;
                }
                self.stmts(orelse)?;
                self.stmts(finalbody)?;
            }
            StmtKind::Raise { exc, cause } => {
                if let Some(e) = exc {
                    self.expr(e)?;
                }
                if let Some(c) = cause {
                    self.expr(c)?;
                }
            }
            StmtKind::With {
                is_async,
                items,
                body,
            } => {
                if *is_async {
                    self.check_async(statement_extent(s), "with")?;
                }
                for it in items {
                    self.expr(&it.context)?;
                    if let Some(t) = &it.target {
                        self.target(t)?;
                    }
                }
                self.stmts(body)?;
            }
            StmtKind::FunctionDef(f) => {
                for d in &f.decorators {
                    self.expr(d)?;
                }
                self.params_defaults(&f.params)?;
                self.def(&f.name, s.span)?;
                let parent = self.cur;
                self.push(&**f, ScopeKind::Function, &f.name);
                self.scope().is_async = f.is_async;
                self.params(&f.params)?;
                self.stmts(&f.body)?;
                self.cur = parent;
            }
            StmtKind::ClassDef(c) => {
                for d in &c.decorators {
                    self.expr(d)?;
                }
                for b in &c.bases {
                    self.expr(b)?;
                }
                for k in &c.keywords {
                    self.expr(&k.value)?;
                }
                self.def(&c.name, s.span)?;
                let parent = self.cur;
                self.push(&**c, ScopeKind::Class, &c.name);
                let saved = self.private.replace(c.name.clone());
                self.stmts(&c.body)?;
                self.private = saved;
                self.cur = parent;
            }
            StmtKind::Import(aliases) => {
                for a in aliases {
                    let stored = match &a.asname {
                        Some(n) => n.as_str(),
                        None => a.name.split('.').next().unwrap_or(&a.name),
                    };
                    self.def(stored, a.span)?;
                }
            }
            StmtKind::ImportFrom { names, .. } => {
                for a in names {
                    let stored = a.asname.as_deref().unwrap_or(&a.name);
                    if stored != "*" {
                        self.def(stored, a.span)?;
                    }
                }
            }
        }
        Ok(())
    }

    /// Top-level await applies here: the module scope of a REPL input.
    fn module_await_ok(&self, scope: usize) -> bool {
        self.top_level_await && self.scopes[scope].kind == ScopeKind::Module
    }

    fn check_async(&mut self, span: Span, what: &str) -> Result<(), SyntaxError> {
        if self.module_await_ok(self.cur) {
            self.scope().is_async = true;
            return Ok(());
        }
        let sc = &self.scopes[self.cur];
        if self.lenient || (sc.kind == ScopeKind::Function && sc.is_async) {
            return Ok(());
        }
        Err(err(
            format!("'async {}' outside async function", what),
            span,
        ))
    }

    fn params_defaults(&mut self, p: &Parameters) -> Result<(), SyntaxError> {
        for d in &p.defaults {
            self.expr(d)?;
        }
        for d in p.kw_defaults.iter().flatten() {
            self.expr(d)?;
        }
        Ok(())
    }

    fn params(&mut self, p: &Parameters) -> Result<(), SyntaxError> {
        let all = p
            .args
            .iter()
            .chain(p.kwonlyargs.iter())
            .chain(p.vararg.iter())
            .chain(p.kwarg.iter());
        for a in all {
            let name = mangle(self.private.as_deref(), &a.name);
            if self.scope().add(&name, DEF_PARAM) & DEF_PARAM != 0 {
                return Err(err(
                    format!("duplicate argument '{}' in function definition", a.name),
                    a.span,
                ));
            }
            self.scope().params.push(name.into_owned());
        }
        Ok(())
    }

    fn target(&mut self, t: &Expr) -> Result<(), SyntaxError> {
        match &t.kind {
            ExprKind::Name(n) => self.def(n, t.span),
            ExprKind::Tuple(items) | ExprKind::List(items) => {
                for i in items {
                    self.target(i)?;
                }
                Ok(())
            }
            ExprKind::Starred(inner) => self.target(inner),
            _ => self.expr(t),
        }
    }

    fn exprs(&mut self, es: &[Expr]) -> Result<(), SyntaxError> {
        for e in es {
            self.expr(e)?;
        }
        Ok(())
    }

    fn expr(&mut self, e: &Expr) -> Result<(), SyntaxError> {
        match &e.kind {
            ExprKind::BoolOp { values, .. } => self.exprs(values)?,
            ExprKind::BinOp { left, right, .. } => {
                self.expr(left)?;
                self.expr(right)?;
            }
            ExprKind::UnaryOp { operand, .. } => self.expr(operand)?,
            ExprKind::Lambda { params, body } => {
                self.params_defaults(params)?;
                let parent = self.cur;
                self.push(e, ScopeKind::Lambda, "<lambda>");
                self.params(params)?;
                self.expr(body)?;
                self.cur = parent;
            }
            ExprKind::IfExp { test, body, orelse } => {
                self.expr(test)?;
                self.expr(body)?;
                self.expr(orelse)?;
            }
            ExprKind::Dict { keys, values } => {
                for k in keys.iter().flatten() {
                    self.expr(k)?;
                }
                self.exprs(values)?;
            }
            ExprKind::Set(items) | ExprKind::List(items) | ExprKind::Tuple(items) => {
                self.exprs(items)?
            }
            ExprKind::ListComp { elt, generators } => {
                self.comp(e, "<listcomp>", "list comprehension", &[elt], generators)?
            }
            ExprKind::SetComp { elt, generators } => {
                self.comp(e, "<setcomp>", "set comprehension", &[elt], generators)?
            }
            ExprKind::DictComp {
                key,
                value,
                generators,
            } => self.comp(
                e,
                "<dictcomp>",
                "dict comprehension",
                &[key, value],
                generators,
            )?,
            ExprKind::GeneratorExp { elt, generators } => {
                self.comp(e, "<genexpr>", "generator expression", &[elt], generators)?
            }
            ExprKind::Await(v) => {
                if self.module_await_ok(self.cur) {
                    self.scope().is_async = true;
                }
                let sc = &self.scopes[self.cur];
                match sc.kind {
                    _ if self.lenient => {}
                    ScopeKind::Module if sc.is_async => {}
                    ScopeKind::Module | ScopeKind::Class => {
                        return Err(err("'await' outside function", e.span))
                    }
                    ScopeKind::Function if !sc.is_async => {
                        return Err(err("'await' outside async function", e.span))
                    }
                    ScopeKind::Lambda => return Err(err("'await' outside async function", e.span)),
                    _ => {}
                }
                self.scope().has_await = true;
                self.expr(v)?;
            }
            ExprKind::Yield(v) => {
                self.yield_check(e.span)?;
                if let Some(v) = v {
                    self.expr(v)?;
                }
            }
            ExprKind::YieldFrom(v) => {
                self.yield_check(e.span)?;
                if self.scopes[self.cur].is_async {
                    return Err(err("'yield from' inside async function", e.span));
                }
                self.expr(v)?;
            }
            ExprKind::Compare {
                left, comparators, ..
            } => {
                self.expr(left)?;
                self.exprs(comparators)?;
            }
            ExprKind::Call {
                func,
                args,
                keywords,
            } => {
                self.expr(func)?;
                self.exprs(args)?;
                for k in keywords {
                    self.expr(&k.value)?;
                }
            }
            ExprKind::JoinedStr(parts) => self.fparts(parts)?,
            ExprKind::Constant(_) => {}
            ExprKind::Attribute { value, .. } => self.expr(value)?,
            ExprKind::Subscript { value, index } => {
                self.expr(value)?;
                self.expr(index)?;
            }
            ExprKind::Starred(v) => self.expr(v)?,
            ExprKind::Name(n) => self.use_name(n),
            ExprKind::Slice { lower, upper, step } => {
                for x in [lower, upper, step].into_iter().flatten() {
                    self.expr(x)?;
                }
            }
        }
        Ok(())
    }

    fn fparts(&mut self, parts: &[FStringPart]) -> Result<(), SyntaxError> {
        for p in parts {
            if let FStringPart::Formatted { value, spec, .. } = p {
                self.expr(value)?;
                if let Some(s) = spec {
                    self.fparts(s)?;
                }
            }
        }
        Ok(())
    }

    fn yield_check(&mut self, span: Span) -> Result<(), SyntaxError> {
        let sc = &self.scopes[self.cur];
        match sc.kind {
            ScopeKind::Module | ScopeKind::Class => Err(err("'yield' outside function", span)),
            ScopeKind::Comprehension => Err(err(format!("'yield' inside {}", sc.comp_kind), span)),
            _ => {
                self.scope().has_yield = true;
                Ok(())
            }
        }
    }

    fn comp(
        &mut self,
        e: &Expr,
        name: &str,
        kind: &'static str,
        elts: &[&Expr],
        gens: &[Comprehension],
    ) -> Result<(), SyntaxError> {
        let Some(first) = gens.first() else {
            return Ok(());
        };
        self.expr(&first.iter)?;
        let parent = self.cur;
        self.push(e, ScopeKind::Comprehension, name);
        self.scope().comp_kind = kind;
        self.scope().add(".0", DEF_PARAM);
        self.scope().params.push(".0".to_string());
        for (i, g) in gens.iter().enumerate() {
            if i > 0 {
                self.expr(&g.iter)?;
            }
            if g.is_async {
                self.scope().has_await = true;
            }
            self.target(&g.target)?;
            self.exprs(&g.ifs)?;
        }
        for x in elts {
            self.expr(x)?;
        }
        if name == "<genexpr>" {
            self.scope().has_yield = true;
        }
        let is_async = self.scopes[self.cur].has_await;
        self.cur = parent;
        if is_async && name != "<genexpr>" {
            // An async list/set/dict comprehension is awaited by its enclosing scope.
            let p = &self.scopes[parent];
            let ok = match p.kind {
                ScopeKind::Function => p.is_async,
                ScopeKind::Module if self.module_await_ok(parent) => {
                    self.scopes[parent].is_async = true;
                    true
                }
                ScopeKind::Comprehension => true,
                _ => false,
            };
            if !ok && !self.lenient {
                return Err(err(
                    "asynchronous comprehension outside of an asynchronous function",
                    e.span,
                ));
            }
            self.scope().has_await = true;
        }
        Ok(())
    }
}

/// Resolves every symbol of scope `id` given the names bound by enclosing function
/// scopes; returns the names that are free in this scope (to be provided by a parent).
fn analyze(
    st: &mut SymbolTable,
    id: usize,
    bound: &HashSet<String>,
) -> Result<HashSet<String>, SyntaxError> {
    let kind = st.scopes[id].kind;
    let children: Vec<usize> = (id + 1..st.scopes.len())
        .filter(|&c| st.scopes[c].parent == Some(id))
        .collect();
    // The names bound for the children (most scopes have none: nothing to collect then).
    let need_bound = !children.is_empty() && kind != ScopeKind::Module;
    let mut free: HashSet<String> = HashSet::new();
    let mut locals: HashSet<String> = HashSet::new();
    let mut globals: HashSet<String> = HashSet::new();
    {
        let sc = &mut st.scopes[id];
        for sym in sc.symbols.iter_mut() {
            let f = sym.flags;
            sym.resolution = if f & DEF_GLOBAL != 0 {
                if need_bound {
                    globals.insert(sym.name.clone());
                }
                Resolution::GlobalExplicit
            } else if f & DEF_NONLOCAL != 0 {
                if !bound.contains(&sym.name) {
                    let span = sc
                        .nonlocal_spans
                        .get(&sym.name)
                        .copied()
                        .unwrap_or_default();
                    return Err(err(
                        format!("no binding for nonlocal '{}' found", sym.name),
                        span,
                    ));
                }
                free.insert(sym.name.clone());
                Resolution::Free
            } else if f & (DEF_LOCAL | DEF_PARAM) != 0 {
                if kind == ScopeKind::Module {
                    Resolution::GlobalImplicit
                } else {
                    if need_bound {
                        locals.insert(sym.name.clone());
                    }
                    Resolution::Local
                }
            } else if kind != ScopeKind::Module && bound.contains(&sym.name) {
                free.insert(sym.name.clone());
                Resolution::Free
            } else {
                Resolution::GlobalImplicit
            };
        }
    }
    let mut newbound: HashSet<String> = HashSet::new();
    if need_bound {
        newbound = bound.clone();
        for g in &globals {
            newbound.remove(g);
        }
        if kind == ScopeKind::Class {
            newbound.insert("__class__".to_string());
        } else {
            newbound.extend(locals.iter().cloned());
        }
    }
    let mut child_free: Vec<String> = Vec::new();
    for c in children {
        let mut cf: Vec<String> = analyze(st, c, &newbound)?.into_iter().collect();
        cf.sort();
        for n in cf {
            if !child_free.contains(&n) {
                child_free.push(n);
            }
        }
    }
    let sc = &mut st.scopes[id];
    for n in child_free {
        match kind {
            ScopeKind::Class => {
                if n == "__class__" {
                    sc.needs_class_cell = true;
                } else {
                    free.insert(n);
                }
            }
            ScopeKind::Module => {}
            _ => match sc.position(&n) {
                Some(i) if sc.symbols[i].resolution == Resolution::Local => {
                    sc.symbols[i].resolution = Resolution::Cell;
                }
                Some(i) if sc.symbols[i].resolution == Resolution::Cell => {}
                Some(i) => {
                    if sc.symbols[i].resolution != Resolution::Free {
                        sc.symbols[i].resolution = Resolution::Free;
                    }
                    free.insert(n);
                }
                None => {
                    sc.add(&n, 0);
                    let i = sc.symbols.len() - 1;
                    sc.symbols[i].resolution = Resolution::Free;
                    free.insert(n);
                }
            },
        }
    }
    // Deterministic cell / free orders: symbols in first-seen order, then the rest.
    let mut cells = Vec::new();
    let mut frees = Vec::new();
    for s in &sc.symbols {
        match s.resolution {
            Resolution::Cell => cells.push(s.name.clone()),
            Resolution::Free => frees.push(s.name.clone()),
            _ => {}
        }
    }
    if kind == ScopeKind::Class {
        let mut extra: Vec<&String> = free.iter().filter(|n| !frees.contains(n)).collect();
        extra.sort();
        frees.extend(extra.into_iter().cloned());
        if sc.needs_class_cell {
            cells.push("__class__".to_string());
        }
    }
    sc.cellvars = cells;
    sc.freevars = frees;
    Ok(free)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sp() -> Span {
        Span::default()
    }
    fn name(n: &str) -> Expr {
        Expr::new(sp(), ExprKind::Name(n.into()))
    }
    fn st(k: StmtKind) -> Stmt {
        Stmt::new(sp(), k)
    }
    fn assign(t: &str, v: Expr) -> Stmt {
        st(StmtKind::Assign {
            targets: vec![name(t)],
            value: v,
        })
    }
    fn func(n: &str, args: &[&str], body: Vec<Stmt>) -> Stmt {
        st(StmtKind::FunctionDef(Box::new(FunctionDef {
            name: n.into(),
            is_async: false,
            params: Parameters {
                args: args
                    .iter()
                    .map(|a| Param {
                        name: a.to_string(),
                        annotation: None,
                        span: sp(),
                    })
                    .collect(),
                ..Default::default()
            },
            body,
            decorators: vec![],
            returns: None,
        })))
    }

    #[test]
    fn closure_classification() {
        // def f(a):
        //     b = 1
        //     def g(): return a + b + c
        let m = Module {
            body: vec![func(
                "f",
                &["a"],
                vec![
                    assign("b", name("one")),
                    func(
                        "g",
                        &[],
                        vec![st(StmtKind::Return(Some(Expr::new(
                            sp(),
                            ExprKind::Tuple(vec![name("a"), name("b"), name("c")]),
                        ))))],
                    ),
                ],
            )],
        };
        let t = build(&m).unwrap();
        let f = &t.scopes[1];
        assert_eq!(f.resolve("a"), Resolution::Cell);
        assert_eq!(f.resolve("b"), Resolution::Cell);
        assert_eq!(f.resolve("g"), Resolution::Local);
        assert_eq!(f.cellvars, vec!["a", "b"]);
        let g = &t.scopes[2];
        assert_eq!(g.resolve("a"), Resolution::Free);
        assert_eq!(g.resolve("c"), Resolution::GlobalImplicit);
        assert_eq!(g.freevars, vec!["a", "b"]);
        assert_eq!(t.scopes[0].resolve("f"), Resolution::GlobalImplicit);
    }

    #[test]
    fn class_scope_passes_through_and_super_cell() {
        // def f():
        //     x = 1
        //     class C:
        //         x = 2
        //         def m(self): return super(), x
        let m = Module {
            body: vec![func(
                "f",
                &[],
                vec![
                    assign("x", name("one")),
                    st(StmtKind::ClassDef(Box::new(ClassDef {
                        name: "C".into(),
                        bases: vec![],
                        keywords: vec![],
                        decorators: vec![],
                        body: vec![
                            assign("x", name("two")),
                            func(
                                "m",
                                &["self"],
                                vec![st(StmtKind::Return(Some(Expr::new(
                                    sp(),
                                    ExprKind::Tuple(vec![
                                        Expr::new(
                                            sp(),
                                            ExprKind::Call {
                                                func: Box::new(name("super")),
                                                args: vec![],
                                                keywords: vec![],
                                            },
                                        ),
                                        name("x"),
                                    ]),
                                ))))],
                            ),
                        ],
                    }))),
                ],
            )],
        };
        let t = build(&m).unwrap();
        assert_eq!(t.scopes[1].resolve("x"), Resolution::Cell);
        let c = &t.scopes[2];
        assert!(c.needs_class_cell);
        assert_eq!(c.cellvars, vec!["__class__"]);
        assert_eq!(c.freevars, vec!["x"]);
        assert_eq!(c.resolve("x"), Resolution::Local);
        let m = &t.scopes[3];
        assert_eq!(m.resolve("__class__"), Resolution::Free);
        assert_eq!(m.resolve("x"), Resolution::Free);
    }

    #[test]
    fn scoping_errors() {
        let m = Module {
            body: vec![st(StmtKind::Nonlocal(vec!["x".into()]))],
        };
        assert_eq!(
            build(&m).unwrap_err().msg,
            "nonlocal declaration not allowed at module level"
        );
        let m = Module {
            body: vec![func(
                "f",
                &[],
                vec![
                    assign("x", name("y")),
                    st(StmtKind::Global(vec!["x".into()])),
                ],
            )],
        };
        assert_eq!(
            build(&m).unwrap_err().msg,
            "name 'x' is assigned to before global declaration"
        );
        let m = Module {
            body: vec![func("f", &["a", "a"], vec![])],
        };
        assert_eq!(
            build(&m).unwrap_err().msg,
            "duplicate argument 'a' in function definition"
        );
        let m = Module {
            body: vec![func(
                "f",
                &[],
                vec![st(StmtKind::Nonlocal(vec!["q".into()]))],
            )],
        };
        assert_eq!(
            build(&m).unwrap_err().msg,
            "no binding for nonlocal 'q' found"
        );
        let m = Module {
            body: vec![st(StmtKind::Return(None))],
        };
        assert_eq!(build(&m).unwrap_err().msg, "'return' outside function");
    }
}
