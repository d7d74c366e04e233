//! Code generation for expressions: operators, calls (plain, method, keyword and
//! `*`/`**` forms, zero-argument `super()`), displays with unpacking, comprehensions as
//! nested code objects, f-strings, constants, lambdas, `await`, `yield`, `yield from`.

use super::{err, Compiler, FnBody, Label, NameOp};
use crate::compile::code::Instr;
use crate::compile::symtable::Resolution;
use crate::syntax::ast::*;
use crate::syntax::error::SyntaxError;
use crate::vm::value::Value;
use num_bigint::BigInt;

impl<'a, 'g> Compiler<'a, 'g> {
    pub(crate) fn expr(&mut self, e: &'a Expr) -> Result<(), SyntaxError> {
        self.at(e.span, |c| c.expr_inner(e))
    }

    fn expr_inner(&mut self, e: &'a Expr) -> Result<(), SyntaxError> {
        match &e.kind {
            ExprKind::BoolOp { op, values } => {
                let end = self.new_label();
                for (i, v) in values.iter().enumerate() {
                    self.expr(v)?;
                    if i + 1 < values.len() {
                        self.emit(match op {
                            BoolOpKind::And => Instr::JumpIfFalseOrPop(end),
                            BoolOpKind::Or => Instr::JumpIfTrueOrPop(end),
                        });
                    }
                }
                self.bind(end);
            }
            ExprKind::BinOp { left, op, right } => {
                self.expr(left)?;
                self.expr(right)?;
                self.emit(Instr::Binary(*op));
            }
            ExprKind::UnaryOp { op, operand } => {
                self.expr(operand)?;
                self.emit(Instr::Unary(*op));
            }
            ExprKind::Lambda { params, body } => {
                let flags = self.defaults(params)?;
                let Some(scope) = self.st.scope_of(e) else {
                    return Err(err("internal: lambda scope missing", e.span));
                };
                let code =
                    self.function_code(scope, "<lambda>", params, FnBody::Expr(body), e.span)?;
                self.make_function(code, flags, e.span)?;
            }
            ExprKind::IfExp { test, body, orelse } => {
                let els = self.new_label();
                let end = self.new_label();
                self.jump_if(test, false, els)?;
                self.expr(body)?;
                self.emit(Instr::Jump(end));
                self.bind(els);
                self.expr(orelse)?;
                self.bind(end);
            }
            ExprKind::Dict { keys, values } => self.dict_display(keys, values)?,
            ExprKind::Set(items) => self.sequence_display(items, Seq::Set)?,
            ExprKind::List(items) => self.sequence_display(items, Seq::List)?,
            ExprKind::Tuple(items) => {
                if !items.is_empty()
                    && items
                        .iter()
                        .all(|i| matches!(i.kind, ExprKind::Constant(_)))
                {
                    let mut vals = Vec::with_capacity(items.len());
                    for i in items {
                        if let ExprKind::Constant(c) = &i.kind {
                            vals.push(self.constant(c, i.span)?);
                        }
                    }
                    self.load_const(Value::tuple(vals));
                } else {
                    self.sequence_display(items, Seq::Tuple)?;
                }
            }
            ExprKind::ListComp { elt, generators } => {
                self.comprehension(e, Comp::List(elt), generators)?
            }
            ExprKind::SetComp { elt, generators } => {
                self.comprehension(e, Comp::Set(elt), generators)?
            }
            ExprKind::DictComp {
                key,
                value,
                generators,
            } => self.comprehension(e, Comp::Dict(key, value), generators)?,
            ExprKind::GeneratorExp { elt, generators } => {
                self.comprehension(e, Comp::Gen(elt), generators)?
            }
            ExprKind::Await(v) => {
                self.expr(v)?;
                self.emit_await();
            }
            ExprKind::Yield(v) => {
                match v {
                    Some(v) => self.expr(v)?,
                    None => self.load_const(Value::None),
                }
                self.emit(Instr::YieldValue);
            }
            ExprKind::YieldFrom(v) => {
                self.expr(v)?;
                self.emit(Instr::GetYieldFromIter);
                self.load_const(Value::None);
                self.emit(Instr::YieldFrom);
            }
            ExprKind::Compare {
                left,
                ops,
                comparators,
            } => self.compare(left, ops, comparators)?,
            ExprKind::Call {
                func,
                args,
                keywords,
            } => {
                self.check_caller(func, e.span);
                self.call(func, args, keywords)?
            }
            ExprKind::JoinedStr(parts) => self.fstring(parts)?,
            ExprKind::Constant(c) => {
                let v = self.constant(c, e.span)?;
                self.load_const(v);
            }
            ExprKind::Attribute { value, attr } => {
                self.expr(value)?;
                let i = self.attr_index(attr);
                self.at(self.attr_span(e.span, attr), |c| c.emit(Instr::LoadAttr(i)));
            }
            ExprKind::Subscript { value, index } => {
                self.check_subscript(value, index, e.span);
                self.expr(value)?;
                self.expr(index)?;
                self.emit(Instr::BinarySubscr);
            }
            ExprKind::Starred(_) => {
                return Err(err("can't use starred expression here", e.span));
            }
            ExprKind::Name(n) => self.name_op(n, NameOp::Load, e.span)?,
            ExprKind::Slice { lower, upper, step } => {
                for part in [lower, upper] {
                    match part {
                        Some(x) => self.expr(x)?,
                        None => self.load_const(Value::None),
                    }
                }
                match step {
                    Some(s) => {
                        self.expr(s)?;
                        self.emit(Instr::BuildSlice(3));
                    }
                    None => self.emit(Instr::BuildSlice(2)),
                }
            }
        }
        Ok(())
    }

    /// The value of a literal constant.
    pub(crate) fn constant(&mut self, c: &Constant, span: Span) -> Result<Value, SyntaxError> {
        Ok(match c {
            Constant::None => Value::None,
            Constant::True => Value::Bool(true),
            Constant::False => Value::Bool(false),
            Constant::Ellipsis => Value::Ellipsis,
            Constant::Float(f) => Value::Float(*f),
            Constant::Str(s) => self.str_value(s),
            Constant::Int(text) => {
                parse_int(text).ok_or_else(|| err("invalid integer literal", span))?
            }
        })
    }

    /// Jumps to `target` when `e`'s truth equals `when`; falls through otherwise.
    pub(crate) fn jump_if(
        &mut self,
        e: &'a Expr,
        when: bool,
        target: Label,
    ) -> Result<(), SyntaxError> {
        match &e.kind {
            ExprKind::UnaryOp {
                op: UnaryOp::Not,
                operand,
            } => return self.jump_if(operand, !when, target),
            ExprKind::BoolOp { op, values } if !values.is_empty() => {
                let is_and = *op == BoolOpKind::And;
                // `a and b` jumps-if-false when any is false; jumps-if-true only if all.
                if is_and != when {
                    // Short-circuit to target on the first decisive value.
                    for v in values {
                        self.jump_if(v, when, target)?;
                    }
                } else {
                    let skip = self.new_label();
                    let last = values.len() - 1;
                    for v in &values[..last] {
                        self.jump_if(v, !when, skip)?;
                    }
                    self.jump_if(&values[last], when, target)?;
                    self.bind(skip);
                }
                return Ok(());
            }
            ExprKind::Constant(c) => {
                // `while True:` and friends: no test at all.
                let truth = match c {
                    Constant::None | Constant::False => Some(false),
                    Constant::True | Constant::Ellipsis => Some(true),
                    Constant::Int(t) => parse_int(t).map(|v| !matches!(v, Value::Int(0))),
                    Constant::Float(f) => Some(*f != 0.0),
                    Constant::Str(s) => Some(!s.is_empty()),
                };
                if let Some(t) = truth {
                    if t == when {
                        self.emit(Instr::Jump(target));
                    }
                    return Ok(());
                }
            }
            _ => {}
        }
        self.expr(e)?;
        self.emit(if when {
            Instr::PopJumpIfTrue(target)
        } else {
            Instr::PopJumpIfFalse(target)
        });
        Ok(())
    }

    fn compare(
        &mut self,
        left: &'a Expr,
        ops: &[CmpOp],
        comps: &'a [Expr],
    ) -> Result<(), SyntaxError> {
        self.expr(left)?;
        if ops.len() == 1 && comps.len() == 1 {
            self.expr(&comps[0])?;
            self.emit(Instr::Compare(ops[0]));
            return Ok(());
        }
        let n = ops.len().min(comps.len());
        if n == 0 {
            return Ok(());
        }
        let cleanup = self.new_label();
        let end = self.new_label();
        for i in 0..n - 1 {
            self.expr(&comps[i])?;
            self.emit(Instr::Dup);
            self.emit(Instr::RotThree);
            self.emit(Instr::Compare(ops[i]));
            self.emit(Instr::JumpIfFalseOrPop(cleanup));
        }
        self.expr(&comps[n - 1])?;
        self.emit(Instr::Compare(ops[n - 1]));
        self.emit(Instr::Jump(end));
        self.bind(cleanup);
        self.emit(Instr::RotTwo);
        self.emit(Instr::Pop);
        self.bind(end);
        Ok(())
    }

    /// Zero-argument `super()` inside a method: compiled as `super(__class__, first)`.
    fn zero_arg_super(&mut self, func: &'a Expr) -> Result<bool, SyntaxError> {
        let u = self.u();
        if !u.kind.is_function_like() {
            return Ok(false);
        }
        let sc = &self.st.scopes[u.scope];
        if !matches!(sc.resolve("__class__"), Resolution::Free | Resolution::Cell) {
            return Ok(false);
        }
        let Some(first) = sc.params.first().cloned() else {
            return Ok(false);
        };
        if u.argcount == 0 {
            return Ok(false);
        }
        let Some(cell) = self.cell_index("__class__") else {
            return Ok(false);
        };
        self.expr(func)?;
        self.emit(Instr::LoadDeref(cell));
        self.name_op(&first, NameOp::Load, func.span)?;
        self.emit(Instr::CallFunction(2));
        Ok(true)
    }

    fn call(
        &mut self,
        func: &'a Expr,
        args: &'a [Expr],
        keywords: &'a [Keyword],
    ) -> Result<(), SyntaxError> {
        let has_star = args.iter().any(|a| matches!(a.kind, ExprKind::Starred(_)))
            || keywords.iter().any(|k| k.arg.is_none());
        self.no_repeated_keywords(keywords)?;
        if !has_star && keywords.is_empty() {
            if let ExprKind::Attribute { value, attr } = &func.kind {
                self.expr(value)?;
                let i = self.attr_index(attr);
                // (Over several lines, both the lookup and the call are reported from
                // the method's name on, as CPython 3.11 does.)
                let name = self.attr_span(func.span, attr);
                let call = self.u().pos.1;
                self.at(name, |c| c.emit(Instr::LoadMethod(i)));
                for a in args {
                    self.expr(a)?;
                }
                let call = if name == func.span {
                    call
                } else {
                    Span::new(name.start as usize, call.end as usize)
                };
                self.at(call, |c| c.emit(Instr::CallMethod(args.len() as u32)));
                return Ok(());
            }
            if args.is_empty()
                && matches!(&func.kind, ExprKind::Name(n) if n == "super")
                && self.zero_arg_super(func)?
            {
                return Ok(());
            }
        }
        self.expr(func)?;
        if !has_star {
            for a in args {
                self.expr(a)?;
            }
            if keywords.is_empty() {
                self.emit(Instr::CallFunction(args.len() as u32));
            } else {
                let mut names = Vec::with_capacity(keywords.len());
                for k in keywords {
                    self.expr(&k.value)?;
                    names.push(self.str_value(k.arg.as_deref().unwrap_or("")));
                }
                self.load_const(Value::tuple(names));
                self.emit(Instr::CallFunctionKw((args.len() + keywords.len()) as u32));
            }
            return Ok(());
        }
        // Positional arguments as one tuple; a lone `*xs` goes as it is (the call
        // makes it a tuple, as CPython's CALL_FUNCTION_EX does, and names itself if
        // `xs` cannot be iterated).
        match args {
            [Expr {
                kind: ExprKind::Starred(inner),
                ..
            }] => self.expr(inner)?,
            _ => {
                self.starred_list(args)?;
                self.emit(Instr::ListToTuple);
            }
        }
        if keywords.is_empty() {
            self.emit(Instr::CallFunctionEx(0));
            return Ok(());
        }
        self.keywords_dict(keywords)?;
        self.emit(Instr::CallFunctionEx(1));
        Ok(())
    }

    /// CPython's SyntaxError for a keyword given twice (`f(a=1, a=2)`).
    pub(super) fn no_repeated_keywords(&self, keywords: &[Keyword]) -> Result<(), SyntaxError> {
        for (i, k) in keywords.iter().enumerate() {
            if let Some(name) = &k.arg {
                if keywords[..i].iter().any(|o| o.arg.as_deref() == Some(name)) {
                    return Err(err(format!("keyword argument repeated: {}", name), k.span));
                }
            }
        }
        Ok(())
    }

    /// `[] -> [dict]`: keyword arguments (`k=v` and `**mapping`) as one dict, runs of
    /// `k=v` a BuildMap merged in (a key given twice is a TypeError, as in a call).
    pub(super) fn keywords_dict(&mut self, keywords: &'a [Keyword]) -> Result<(), SyntaxError> {
        let mut have_dict = false;
        let mut i = 0;
        while i < keywords.len() {
            match &keywords[i].arg {
                Some(_) => {
                    let mut n = 0;
                    while i < keywords.len() {
                        let Some(name) = &keywords[i].arg else { break };
                        self.load_str(name);
                        self.expr(&keywords[i].value)?;
                        n += 1;
                        i += 1;
                    }
                    self.emit(Instr::BuildMap(n));
                    if have_dict {
                        self.emit(Instr::DictMerge(1));
                    }
                    have_dict = true;
                }
                None => {
                    if !have_dict {
                        self.emit(Instr::BuildMap(0));
                        have_dict = true;
                    }
                    self.expr(&keywords[i].value)?;
                    self.emit(Instr::DictMerge(1));
                    i += 1;
                }
            }
        }
        Ok(())
    }

    /// `[] -> [list]` of items where `Starred` entries are spliced in.
    fn starred_list(&mut self, items: &'a [Expr]) -> Result<(), SyntaxError> {
        let lead = items
            .iter()
            .take_while(|a| !matches!(a.kind, ExprKind::Starred(_)))
            .count();
        for a in &items[..lead] {
            self.expr(a)?;
        }
        self.emit(Instr::BuildList(lead as u32));
        for a in &items[lead..] {
            match &a.kind {
                ExprKind::Starred(inner) => {
                    self.expr(inner)?;
                    self.emit(Instr::ListExtend(1));
                }
                _ => {
                    self.expr(a)?;
                    self.emit(Instr::ListAppend(1));
                }
            }
        }
        Ok(())
    }

    fn sequence_display(&mut self, items: &'a [Expr], kind: Seq) -> Result<(), SyntaxError> {
        let has_star = items.iter().any(|a| matches!(a.kind, ExprKind::Starred(_)));
        if !has_star {
            for a in items {
                self.expr(a)?;
            }
            let n = items.len() as u32;
            self.emit(match kind {
                Seq::List => Instr::BuildList(n),
                Seq::Tuple => Instr::BuildTuple(n),
                Seq::Set => Instr::BuildSet(n),
            });
            return Ok(());
        }
        match kind {
            Seq::List => self.starred_list(items)?,
            Seq::Tuple => {
                self.starred_list(items)?;
                self.emit(Instr::ListToTuple);
            }
            Seq::Set => {
                let lead = items
                    .iter()
                    .take_while(|a| !matches!(a.kind, ExprKind::Starred(_)))
                    .count();
                for a in &items[..lead] {
                    self.expr(a)?;
                }
                self.emit(Instr::BuildSet(lead as u32));
                for a in &items[lead..] {
                    match &a.kind {
                        ExprKind::Starred(inner) => {
                            self.expr(inner)?;
                            self.emit(Instr::SetUpdate(1));
                        }
                        _ => {
                            self.expr(a)?;
                            self.emit(Instr::SetAdd(1));
                        }
                    }
                }
            }
        }
        Ok(())
    }

    fn dict_display(
        &mut self,
        keys: &'a [Option<Expr>],
        values: &'a [Expr],
    ) -> Result<(), SyntaxError> {
        let lead = keys
            .iter()
            .take_while(|k| k.is_some())
            .count()
            .min(values.len());
        for (k, v) in keys[..lead].iter().zip(values.iter()) {
            if let Some(k) = k {
                self.expr(k)?;
            }
            self.expr(v)?;
        }
        self.emit(Instr::BuildMap(lead as u32));
        for (k, v) in keys[lead..].iter().zip(values[lead..].iter()) {
            match k {
                Some(k) => {
                    self.expr(k)?;
                    self.expr(v)?;
                    self.emit(Instr::MapAdd(1));
                }
                None => {
                    self.expr(v)?;
                    self.emit(Instr::DictUpdate(1));
                }
            }
        }
        Ok(())
    }

    fn fstring(&mut self, parts: &'a [FStringPart]) -> Result<(), SyntaxError> {
        if parts.is_empty() {
            self.load_str("");
            return Ok(());
        }
        if let [FStringPart::Literal(s)] = parts {
            self.load_str(s);
            return Ok(());
        }
        let mut n = 0;
        for p in parts {
            match p {
                FStringPart::Literal(s) => {
                    self.load_str(s);
                    n += 1;
                }
                FStringPart::Formatted {
                    value,
                    conversion,
                    spec,
                    debug_text,
                } => {
                    if let Some(t) = debug_text {
                        self.load_str(t);
                        n += 1;
                    }
                    self.expr(value)?;
                    let mut conv = match conversion {
                        Some('s') => 1,
                        Some('r') => 2,
                        Some('a') => 3,
                        _ => 0,
                    };
                    if debug_text.is_some() && conversion.is_none() && spec.is_none() {
                        conv = 2;
                    }
                    if let Some(spec) = spec {
                        self.fstring(spec)?;
                        conv |= 4;
                    }
                    self.emit(Instr::FormatValue(conv));
                    n += 1;
                }
            }
        }
        if n != 1 {
            self.emit(Instr::BuildString(n));
        }
        Ok(())
    }

    fn comprehension(
        &mut self,
        e: &'a Expr,
        comp: Comp<'a>,
        gens: &'a [Comprehension],
    ) -> Result<(), SyntaxError> {
        let Some(first) = gens.first() else {
            return Err(err("comprehension without a 'for'", e.span));
        };
        let Some(scope) = self.st.scope_of(e) else {
            return Err(err("internal: comprehension scope missing", e.span));
        };
        let name = match comp {
            Comp::List(_) => "<listcomp>",
            Comp::Set(_) => "<setcomp>",
            Comp::Dict(..) => "<dictcomp>",
            Comp::Gen(_) => "<genexpr>",
        };
        let qualname = self.qualname_for(name);
        let line = self.line_of(e.span.start);
        self.enter(scope, name, qualname, line);
        self.unit().argcount = 1;
        match comp {
            Comp::List(_) => self.emit(Instr::BuildList(0)),
            Comp::Set(_) => self.emit(Instr::BuildSet(0)),
            Comp::Dict(..) => self.emit(Instr::BuildMap(0)),
            Comp::Gen(_) => {}
        }
        self.comp_level(&comp, gens, 0)?;
        if matches!(comp, Comp::Gen(_)) {
            self.load_const(Value::None);
        }
        self.emit(Instr::ReturnValue);
        let code = self.leave()?;
        let is_async = code.flags.coroutine;
        self.make_function(code, 0, e.span)?;
        self.expr(&first.iter)?;
        self.emit(if first.is_async {
            Instr::GetAiter
        } else {
            Instr::GetIter
        });
        self.emit(Instr::CallFunction(1));
        if is_async {
            self.emit_await();
        }
        Ok(())
    }

    fn comp_level(
        &mut self,
        comp: &Comp<'a>,
        gens: &'a [Comprehension],
        level: usize,
    ) -> Result<(), SyntaxError> {
        let Some(g) = gens.get(level) else {
            let depth = gens.len() as u32 + 1;
            match comp {
                Comp::List(elt) => {
                    self.expr(elt)?;
                    self.emit(Instr::ListAppend(depth));
                }
                Comp::Set(elt) => {
                    self.expr(elt)?;
                    self.emit(Instr::SetAdd(depth));
                }
                Comp::Dict(k, v) => {
                    self.expr(k)?;
                    self.expr(v)?;
                    self.emit(Instr::MapAdd(depth));
                }
                Comp::Gen(elt) => {
                    self.expr(elt)?;
                    self.emit(Instr::YieldValue);
                    self.emit(Instr::Pop);
                }
            }
            return Ok(());
        };
        if level == 0 {
            self.name_op(".0", NameOp::Load, g.iter.span)?;
        } else {
            self.expr(&g.iter)?;
            self.emit(if g.is_async {
                Instr::GetAiter
            } else {
                Instr::GetIter
            });
        }
        let start = self.new_label();
        let end = self.new_label();
        self.bind(start);
        if g.is_async {
            self.emit(Instr::SetupFinally(end));
            self.emit(Instr::GetAnext);
            self.load_const(Value::None);
            self.emit(Instr::YieldFrom);
            self.emit(Instr::PopBlock);
        } else {
            self.emit(Instr::ForIter(end));
        }
        self.store(&g.target)?;
        // A failed filter goes to the loop's own backward `Jump`, never straight back
        // to `start`: the only backward jumps are unconditional `Jump`s, which is where
        // the run loop checks for Ctrl-C and counts steps (`vm/budget.rs`).
        let next = self.new_label();
        for cond in &g.ifs {
            self.jump_if(cond, false, next)?;
        }
        self.comp_level(comp, gens, level + 1)?;
        self.bind(next);
        self.emit(Instr::Jump(start));
        self.bind(end);
        if g.is_async {
            self.emit(Instr::EndAsyncFor);
        }
        Ok(())
    }
}

#[derive(Clone, Copy)]
enum Seq {
    List,
    Tuple,
    Set,
}

enum Comp<'a> {
    List(&'a Expr),
    Set(&'a Expr),
    Dict(&'a Expr, &'a Expr),
    Gen(&'a Expr),
}

/// Parses an int literal (prefix `0x`/`0o`/`0b` or decimal, underscores removed).
pub(crate) fn parse_int(text: &str) -> Option<Value> {
    let t: String = text.chars().filter(|&c| c != '_').collect();
    let lower = t.to_ascii_lowercase();
    let (digits, radix) = if let Some(d) = lower.strip_prefix("0x") {
        (d, 16)
    } else if let Some(d) = lower.strip_prefix("0o") {
        (d, 8)
    } else if let Some(d) = lower.strip_prefix("0b") {
        (d, 2)
    } else {
        (lower.as_str(), 10)
    };
    if digits.is_empty() {
        return None;
    }
    if let Ok(i) = i64::from_str_radix(digits, radix) {
        return Some(Value::Int(i));
    }
    BigInt::parse_bytes(digits.as_bytes(), radix).map(Value::bigint)
}
