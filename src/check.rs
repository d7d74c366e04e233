//! `baton check FILE`: finds mistakes without running the program. It parses and
//! compiles the file and reports, one `file:line:col: message` line each:
//! - syntax errors (the parser's and the compiler's, in CPython's wording);
//! - every `await`, `async for`, `async with` and async comprehension outside an async
//!   function (the compiler stops at the first; the checker lists them all);
//! - a call of an `async def` function of the same module whose result is discarded
//!   (a statement `fetch()`), which CPython only notices when the coroutine is
//!   garbage-collected;
//! - names that are never defined: not bound in any scope the use can see, not a
//!   module global (bound anywhere at module level, or through `global` in a
//!   function) and not a builtin. Python's scoping rules decide what a use can see
//!   (the symbol table of `compile::symtable`); a name bound only on some paths still
//!   counts as defined. The closest defined name is suggested, by the rule of the
//!   runtime's "Did you mean" (`vm::suggestions`).

use crate::compile::symtable::{self, mangle, Resolution, ScopeKind, SymbolTable};
use crate::syntax::ast::*;
use crate::syntax::error::line_col;
use std::collections::{HashMap, HashSet};

/// One problem found in a file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    pub line: usize,
    pub col: usize,
    pub message: String,
}

/// Names every module has besides its own bindings.
const MODULE_NAMES: &[&str] = &[
    "__name__",
    "__file__",
    "__doc__",
    "__builtins__",
    "__spec__",
    "__loader__",
    "__package__",
    "__annotations__",
];

/// CPython 3.11 builtins that Baton does not have: naming one is reported as such
/// rather than as a name nothing defines.
const PYTHON_ONLY_BUILTINS: &[&str] = &[
    "BlockingIOError",
    "BrokenPipeError",
    "BufferError",
    "BytesWarning",
    "ChildProcessError",
    "ConnectionAbortedError",
    "ConnectionError",
    "ConnectionRefusedError",
    "ConnectionResetError",
    "EncodingWarning",
    "EnvironmentError",
    "FileExistsError",
    "FloatingPointError",
    "FutureWarning",
    "IOError",
    "ImportWarning",
    "InterruptedError",
    "IsADirectoryError",
    "NotADirectoryError",
    "PendingDeprecationWarning",
    "PermissionError",
    "ProcessLookupError",
    "ReferenceError",
    "ResourceWarning",
    "SyntaxWarning",
    "SystemError",
    "UnicodeDecodeError",
    "UnicodeEncodeError",
    "UnicodeTranslateError",
    "UnicodeWarning",
    "__build_class__",
    "__debug__",
    "__import__",
    "breakpoint",
    "bytearray",
    "bytes",
    "compile",
    "complex",
    "copyright",
    "credits",
    "dir",
    "eval",
    "exec",
    "exit",
    "globals",
    "help",
    "license",
    "locals",
    "memoryview",
    "open",
    "quit",
];

/// Checks one source file; the findings come sorted by position.
pub fn check_source(source: &str) -> Vec<Finding> {
    let module = match crate::syntax::parse_module(source) {
        Ok(m) => m,
        Err(e) => {
            let (line, col) = e.line_col(source);
            return vec![Finding {
                line,
                col,
                message: format!("{}: {}", e.kind.name(), e.msg),
            }];
        }
    };
    let mut raw: Vec<(usize, String)> = Vec::new();
    let table = match symtable::build_lenient(&module) {
        Ok(t) => Some(t),
        Err(e) => {
            raw.push((e.offset, format!("{}: {}", e.kind.name(), e.msg)));
            None
        }
    };
    let mut checker = Checker::new(table.as_ref());
    checker.future_annotations = module.future_annotations();
    for s in &module.body {
        checker.stmt(s);
    }
    checker.report_discarded();
    raw.append(&mut checker.findings);
    if table.is_some() {
        let mut globals = crate::compile::SimpleResolver::default();
        if let Err(e) = crate::compile::compile_module(&module, source, "<check>", &mut globals) {
            if !raw.iter().any(|(at, _)| *at == e.offset) {
                raw.push((e.offset, format!("{}: {}", e.kind.name(), e.msg)));
            }
        }
    }
    let mut findings: Vec<Finding> = raw
        .into_iter()
        .map(|(at, message)| {
            let (line, col) = line_col(source, at);
            Finding { line, col, message }
        })
        .collect();
    findings.sort_by_key(|f| (f.line, f.col));
    findings.dedup();
    findings
}

/// The builtins a Baton program can name (those of Baton's own VM).
fn builtin_names() -> HashSet<String> {
    let vm = crate::vm::Vm::new();
    vm.builtins
        .names()
        .into_iter()
        .map(|(name, _)| name.as_str().to_string())
        .collect()
}

/// Where an `await` would be: what the checker needs to know about the enclosing code.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Ctx {
    Module,
    Class,
    Function { is_async: bool },
    Lambda,
    Comprehension { genexp: bool, has_await: bool },
}

/// How a name is bound in one scope, for the discarded-coroutine check.
#[derive(Default)]
struct Bindings {
    async_defs: u32,
    others: u32,
}

struct Checker<'a> {
    table: Option<&'a SymbolTable>,
    /// The symbol-table scope being walked (0, the module, when there is no table).
    cur: usize,
    ctx: Vec<Ctx>,
    private: Option<String>,
    findings: Vec<(usize, String)>,
    module_defines: HashSet<String>,
    builtins: HashSet<String>,
    bindings: HashMap<(usize, String), Bindings>,
    /// Expression statements `name(...)`: (scope, mangled name, offset, name).
    calls: Vec<(usize, String, usize, String)>,
    /// `from __future__ import annotations`: no annotation is evaluated.
    future_annotations: bool,
}

impl<'a> Checker<'a> {
    fn new(table: Option<&'a SymbolTable>) -> Checker<'a> {
        let mut module_defines = HashSet::new();
        if let Some(st) = table {
            for (i, sc) in st.scopes.iter().enumerate() {
                for sym in &sc.symbols {
                    let global = i == 0 || sym.is_declared_global();
                    if global && sym.is_bound() {
                        module_defines.insert(sym.name.clone());
                    }
                }
            }
        }
        Checker {
            table,
            cur: 0,
            ctx: vec![Ctx::Module],
            private: None,
            findings: Vec::new(),
            module_defines,
            builtins: if table.is_some() {
                builtin_names()
            } else {
                HashSet::new()
            },
            bindings: HashMap::new(),
            calls: Vec::new(),
            future_annotations: false,
        }
    }

    fn top(&self) -> Ctx {
        self.ctx.last().copied().unwrap_or(Ctx::Module)
    }

    fn error(&mut self, at: u32, msg: &str) {
        self.findings
            .push((at as usize, format!("SyntaxError: {}", msg)));
    }

    /// Enters the scope the symbol table made for `node` (if there is a table).
    fn enter<T>(&mut self, node: &T, ctx: Ctx) -> usize {
        let saved = self.cur;
        if let Some(id) = self.table.and_then(|st| st.scope_of(node)) {
            self.cur = id;
        }
        self.ctx.push(ctx);
        saved
    }

    fn leave(&mut self, saved: usize) -> Ctx {
        self.cur = saved;
        self.ctx.pop().unwrap_or(Ctx::Module)
    }

    // ---- names ------------------------------------------------------------------

    fn module_has(&self, name: &str) -> bool {
        self.module_defines.contains(name)
            || self.builtins.contains(name)
            || MODULE_NAMES.contains(&name)
    }

    /// The scope where a use of `name` in the current scope finds its binding:
    /// `Some(scope)` for a local or enclosing function scope, `Some(0)` for a module
    /// global, `None` when nothing binds it (a builtin, or undefined).
    fn binding_scope(&self, st: &SymbolTable, name: &str) -> Option<usize> {
        let mut id = self.cur;
        loop {
            let sc = &st.scopes[id];
            let visible = id == self.cur || sc.kind != ScopeKind::Class;
            if let Some(sym) = sc.lookup(name).filter(|_| visible) {
                if sym.is_declared_global() {
                    return self.module_defines.contains(name).then_some(0);
                }
                if sc.kind == ScopeKind::Module {
                    return self.module_defines.contains(name).then_some(0);
                }
                if sym.is_bound() || (name == "__class__" && sym.resolution == Resolution::Free) {
                    // `__class__` is the implicit cell of a method's class
                    return Some(id);
                }
                if id == self.cur
                    && sc.kind != ScopeKind::Class
                    && sym.resolution != Resolution::Free
                {
                    return self.module_defines.contains(name).then_some(0);
                }
            }
            if sc.kind == ScopeKind::Module {
                return self.module_defines.contains(name).then_some(0);
            }
            match sc.parent {
                Some(p) => id = p,
                None => return None,
            }
        }
    }

    fn use_name(&mut self, name: &str, at: u32) {
        let Some(st) = self.table else { return };
        let mangled = mangle(self.private.as_deref(), name);
        if self.binding_scope(st, &mangled).is_some() || self.module_has(&mangled) {
            return;
        }
        if self.top() == Ctx::Class && (name == "__module__" || name == "__qualname__") {
            return;
        }
        let message = if PYTHON_ONLY_BUILTINS.contains(&name) {
            format!("'{}' is a Python builtin that Baton does not support", name)
        } else {
            match self.suggest(st, name) {
                Some(near) => format!(
                    "name '{}' is used but never defined; did you mean '{}'?",
                    name, near
                ),
                None => format!("name '{}' is used but never defined", name),
            }
        };
        self.findings.push((at as usize, message));
    }

    /// A defined name close to `name` (`vm::suggestions`' rule), looked for as the
    /// running program's NameError would: the names bound in the scopes this use
    /// sees, innermost first, then the module's (alphabetically), then the builtins.
    fn suggest(&self, st: &SymbolTable, name: &str) -> Option<String> {
        use crate::vm::suggestions::{closest_name, CPYTHON_BUILTINS};
        let mut id = self.cur;
        loop {
            let sc = &st.scopes[id];
            if sc.kind == ScopeKind::Module {
                break;
            }
            if id == self.cur || sc.kind != ScopeKind::Class {
                let bound: Vec<&str> = sc
                    .symbols
                    .iter()
                    .filter(|s| s.is_bound())
                    .map(|s| s.name.as_str())
                    .collect();
                if let Some(near) = closest_name(name, &bound) {
                    return Some(near.to_string());
                }
            }
            match sc.parent {
                Some(p) => id = p,
                None => break,
            }
        }
        let mut globals: Vec<&str> = self.module_defines.iter().map(String::as_str).collect();
        globals.sort_unstable();
        if let Some(near) = closest_name(name, &globals) {
            return Some(near.to_string());
        }
        let builtins: Vec<&str> = CPYTHON_BUILTINS
            .iter()
            .copied()
            .filter(|b| self.builtins.contains(*b) || matches!(*b, "True" | "False" | "None"))
            .collect();
        closest_name(name, &builtins).map(str::to_string)
    }

    fn bind(&mut self, name: &str, async_def: bool) {
        let mangled = mangle(self.private.as_deref(), name);
        let scope = match self.table {
            Some(st) => st.scopes[self.cur]
                .lookup(&mangled)
                .filter(|s| s.is_declared_global())
                .map_or(self.cur, |_| 0),
            None => self.cur,
        };
        let b = self
            .bindings
            .entry((scope, mangled.into_owned()))
            .or_default();
        if async_def {
            b.async_defs += 1;
        } else {
            b.others += 1;
        }
    }

    /// Reports the expression statements that call a same-module `async def`
    /// function (bound by nothing else) and drop the coroutine.
    fn report_discarded(&mut self) {
        let Some(st) = self.table else { return };
        let calls = std::mem::take(&mut self.calls);
        for (scope, mangled, at, name) in calls {
            let saved = self.cur;
            self.cur = scope;
            let found = self.binding_scope(st, &mangled);
            self.cur = saved;
            let Some(found) = found else { continue };
            let only_async = self
                .bindings
                .get(&(found, mangled))
                .is_some_and(|b| b.async_defs > 0 && b.others == 0);
            if only_async {
                self.findings.push((
                    at,
                    format!(
                        "coroutine '{n}' is created here but never awaited; did you mean \
                         `await {n}()` or `asyncio.create_task({n}())`?",
                        n = name
                    ),
                ));
            }
        }
    }

    // ---- statements ----------------------------------------------------------------

    fn stmts(&mut self, body: &[Stmt]) {
        for s in body {
            self.stmt(s);
        }
    }

    fn check_async_stmt(&mut self, s: &Stmt, what: &str) {
        if self.top() != (Ctx::Function { is_async: true }) {
            self.error(
                s.span.start,
                &format!("'async {}' outside async function", what),
            );
        }
    }

    fn stmt(&mut self, s: &Stmt) {
        match &s.kind {
            StmtKind::Expr(e) => {
                if let ExprKind::Call { func, .. } = &e.kind {
                    if let ExprKind::Name(n) = &func.kind {
                        let mangled = mangle(self.private.as_deref(), n);
                        self.calls.push((
                            self.cur,
                            mangled.into_owned(),
                            e.span.start as usize,
                            n.clone(),
                        ));
                    }
                }
                self.expr(e);
            }
            StmtKind::Assign { targets, value } => {
                self.expr(value);
                for t in targets {
                    self.target(t);
                }
            }
            StmtKind::AugAssign { target, value, .. } => {
                self.expr(value);
                if let ExprKind::Name(n) = &target.kind {
                    self.use_name(n, target.span.start);
                }
                self.target(target);
            }
            StmtKind::AnnAssign {
                target,
                annotation,
                value,
            } => {
                if let Some(v) = value {
                    self.expr(v);
                }
                // CPython evaluates annotations at module and class level only
                if matches!(self.top(), Ctx::Module | Ctx::Class) {
                    self.annotation(annotation);
                }
                match &target.kind {
                    ExprKind::Name(n) if value.is_some() => self.bind(n, false),
                    ExprKind::Name(_) => {}
                    _ => self.target(target),
                }
            }
            StmtKind::Pass | StmtKind::Break | StmtKind::Continue => {}
            StmtKind::Return(v) => {
                if let Some(v) = v {
                    self.expr(v);
                }
            }
            StmtKind::Delete(ts) => {
                for t in ts {
                    self.target(t);
                }
            }
            StmtKind::Global(names) => {
                for n in names {
                    // a function that rebinds a global makes it more than an async def
                    let mangled = mangle(self.private.as_deref(), n);
                    self.bindings
                        .entry((0, mangled.into_owned()))
                        .or_default()
                        .others += 1;
                }
            }
            StmtKind::Nonlocal(_) => {}
            StmtKind::Assert { test, msg } => {
                self.expr(test);
                if let Some(m) = msg {
                    self.expr(m);
                }
            }
            StmtKind::If { test, body, orelse } | StmtKind::While { test, body, orelse } => {
                self.expr(test);
                self.stmts(body);
                self.stmts(orelse);
            }
            StmtKind::For {
                is_async,
                target,
                iter,
                body,
                orelse,
            } => {
                if *is_async {
                    self.check_async_stmt(s, "for");
                }
                self.expr(iter);
                self.target(target);
                self.stmts(body);
                self.stmts(orelse);
            }
            StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
            } => {
                self.stmts(body);
                for h in handlers {
                    if let Some(t) = &h.typ {
                        self.expr(t);
                    }
                    if let Some(n) = &h.name {
                        self.bind(n, false);
                    }
                    self.stmts(&h.body);
                }
                self.stmts(orelse);
                self.stmts(finalbody);
            }
            StmtKind::Raise { exc, cause } => {
                if let Some(e) = exc {
                    self.expr(e);
                }
                if let Some(c) = cause {
                    self.expr(c);
                }
            }
            StmtKind::With {
                is_async,
                items,
                body,
            } => {
                if *is_async {
                    self.check_async_stmt(s, "with");
                }
                for it in items {
                    self.expr(&it.context);
                    if let Some(t) = &it.target {
                        self.target(t);
                    }
                }
                self.stmts(body);
            }
            StmtKind::FunctionDef(f) => self.function(f),
            StmtKind::ClassDef(c) => {
                self.exprs(&c.decorators);
                self.exprs(&c.bases);
                for k in &c.keywords {
                    self.expr(&k.value);
                }
                self.bind(&c.name, false);
                let saved = self.enter(&**c, Ctx::Class);
                let private = self.private.replace(c.name.clone());
                self.stmts(&c.body);
                self.private = private;
                self.leave(saved);
            }
            StmtKind::Import(aliases) => {
                for a in aliases {
                    let stored = match &a.asname {
                        Some(n) => n.as_str(),
                        None => a.name.split('.').next().unwrap_or(&a.name),
                    };
                    self.bind(stored, false);
                }
            }
            StmtKind::ImportFrom { names, .. } => {
                for a in names {
                    self.bind(a.asname.as_deref().unwrap_or(&a.name), false);
                }
            }
        }
    }

    fn function(&mut self, f: &FunctionDef) {
        self.exprs(&f.decorators);
        self.defaults(&f.params);
        self.annotations(&f.params);
        if let Some(r) = &f.returns {
            self.annotation(r);
        }
        self.bind(&f.name, f.is_async && f.decorators.is_empty());
        let saved = self.enter(
            f,
            Ctx::Function {
                is_async: f.is_async,
            },
        );
        self.params(&f.params);
        self.stmts(&f.body);
        self.leave(saved);
    }

    fn defaults(&mut self, p: &Parameters) {
        self.exprs(&p.defaults);
        for d in p.kw_defaults.iter().flatten() {
            self.expr(d);
        }
    }

    /// Parameter annotations are evaluated where the `def` runs.
    fn annotations(&mut self, p: &Parameters) {
        let all = p
            .args
            .iter()
            .chain(p.kwonlyargs.iter())
            .chain(p.vararg.iter())
            .chain(p.kwarg.iter());
        for a in all {
            if let Some(ann) = &a.annotation {
                self.annotation(ann);
            }
        }
    }

    /// An annotation where CPython evaluates one, unless the module has
    /// `from __future__ import annotations`.
    fn annotation(&mut self, ann: &Expr) {
        if !self.future_annotations {
            self.expr(ann);
        }
    }

    fn params(&mut self, p: &Parameters) {
        let all = p
            .args
            .iter()
            .chain(p.kwonlyargs.iter())
            .chain(p.vararg.iter())
            .chain(p.kwarg.iter());
        for a in all {
            self.bind(&a.name, false);
        }
    }

    fn target(&mut self, t: &Expr) {
        match &t.kind {
            ExprKind::Name(n) => self.bind(n, false),
            ExprKind::Tuple(items) | ExprKind::List(items) => {
                for i in items {
                    self.target(i);
                }
            }
            ExprKind::Starred(inner) => self.target(inner),
            _ => self.expr(t),
        }
    }

    // ---- expressions -------------------------------------------------------------

    fn exprs(&mut self, es: &[Expr]) {
        for e in es {
            self.expr(e);
        }
    }

    fn expr(&mut self, e: &Expr) {
        match &e.kind {
            ExprKind::Name(n) => self.use_name(n, e.span.start),
            ExprKind::BoolOp { values, .. } => self.exprs(values),
            ExprKind::BinOp { left, right, .. } => {
                self.expr(left);
                self.expr(right);
            }
            ExprKind::UnaryOp { operand, .. } => self.expr(operand),
            ExprKind::Lambda { params, body } => {
                self.defaults(params);
                let saved = self.enter(e, Ctx::Lambda);
                self.params(params);
                self.expr(body);
                self.leave(saved);
            }
            ExprKind::IfExp { test, body, orelse } => {
                self.expr(test);
                self.expr(body);
                self.expr(orelse);
            }
            ExprKind::Dict { keys, values } => {
                for k in keys.iter().flatten() {
                    self.expr(k);
                }
                self.exprs(values);
            }
            ExprKind::Set(items) | ExprKind::List(items) | ExprKind::Tuple(items) => {
                self.exprs(items)
            }
            ExprKind::ListComp { elt, generators } | ExprKind::SetComp { elt, generators } => {
                self.comp(e, &[elt], generators, false)
            }
            ExprKind::GeneratorExp { elt, generators } => self.comp(e, &[elt], generators, true),
            ExprKind::DictComp {
                key,
                value,
                generators,
            } => self.comp(e, &[key, value], generators, false),
            ExprKind::Await(v) => {
                match self.top() {
                    Ctx::Module | Ctx::Class => {
                        self.error(e.span.start, "'await' outside function")
                    }
                    Ctx::Function { is_async: false } | Ctx::Lambda => {
                        self.error(e.span.start, "'await' outside async function")
                    }
                    Ctx::Comprehension { genexp, .. } => {
                        if let Some(top) = self.ctx.last_mut() {
                            *top = Ctx::Comprehension {
                                genexp,
                                has_await: true,
                            };
                        }
                    }
                    Ctx::Function { is_async: true } => {}
                }
                self.expr(v);
            }
            ExprKind::Yield(v) => {
                if let Some(v) = v {
                    self.expr(v);
                }
            }
            ExprKind::YieldFrom(v) => self.expr(v),
            ExprKind::Compare {
                left, comparators, ..
            } => {
                self.expr(left);
                self.exprs(comparators);
            }
            ExprKind::Call {
                func,
                args,
                keywords,
            } => {
                self.expr(func);
                self.exprs(args);
                for k in keywords {
                    self.expr(&k.value);
                }
            }
            ExprKind::JoinedStr(parts) => self.fstring(parts),
            ExprKind::Constant(_) => {}
            ExprKind::Attribute { value, .. } => self.expr(value),
            ExprKind::Subscript { value, index } => {
                self.expr(value);
                self.expr(index);
            }
            ExprKind::Starred(v) => self.expr(v),
            ExprKind::Slice { lower, upper, step } => {
                for part in [lower, upper, step].into_iter().flatten() {
                    self.expr(part);
                }
            }
        }
    }

    fn fstring(&mut self, parts: &[FStringPart]) {
        for p in parts {
            if let FStringPart::Formatted { value, spec, .. } = p {
                self.expr(value);
                if let Some(spec) = spec {
                    self.fstring(spec);
                }
            }
        }
    }

    /// A comprehension: the first iterable is evaluated outside, the rest inside its
    /// own scope; a list, set or dict comprehension that awaits must itself sit in an
    /// async function (or another comprehension).
    fn comp(&mut self, e: &Expr, elts: &[&Expr], gens: &[Comprehension], genexp: bool) {
        let Some(first) = gens.first() else { return };
        self.expr(&first.iter);
        let saved = self.enter(
            e,
            Ctx::Comprehension {
                genexp,
                has_await: false,
            },
        );
        for (i, g) in gens.iter().enumerate() {
            if i > 0 {
                self.expr(&g.iter);
            }
            if g.is_async {
                if let Some(top) = self.ctx.last_mut() {
                    *top = Ctx::Comprehension {
                        genexp,
                        has_await: true,
                    };
                }
            }
            self.target(&g.target);
            self.exprs(&g.ifs);
        }
        for x in elts {
            self.expr(x);
        }
        let done = self.leave(saved);
        let awaits = matches!(
            done,
            Ctx::Comprehension {
                has_await: true,
                ..
            }
        );
        if awaits && !genexp {
            match self.top() {
                Ctx::Function { is_async: true } => {}
                Ctx::Comprehension { genexp, .. } => {
                    if let Some(top) = self.ctx.last_mut() {
                        *top = Ctx::Comprehension {
                            genexp,
                            has_await: true,
                        };
                    }
                }
                _ => self.error(
                    e.span.start,
                    "asynchronous comprehension outside of an asynchronous function",
                ),
            }
        }
    }
}

#[cfg(test)]
mod tests;
