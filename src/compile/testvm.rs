//! A deliberately tiny bytecode interpreter used only by the compiler's tests: it runs
//! compiled programs over a handful of value types (ints, strs, lists, tuples, functions
//! with closures, exceptions as (type, message)) with the block-stack protocol of
//! code.rs, so tests can compare printed output with CPython's. It is not the VM.

use super::code::{CodeObject, Instr};
use crate::syntax::ast::{BinOp, CmpOp, UnaryOp};
use crate::vm::value::Value;
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

#[derive(Clone, Debug)]
pub enum V {
    Undef,
    None,
    Bool(bool),
    Int(i64),
    Str(String),
    List(Rc<RefCell<Vec<V>>>),
    Tuple(Vec<V>),
    Iter(Rc<RefCell<(Vec<V>, usize)>>),
    Func(Rc<Func>),
    Code(Rc<CodeObject>),
    Cell(Rc<RefCell<V>>),
    Builtin(String),
    Bound(Box<V>, String),
    Exc(String, String),
    Gen(Rc<RefCell<Frame>>),
}

/// A frame; generators keep theirs between resumptions.
#[derive(Debug)]
pub struct Frame {
    code: Rc<CodeObject>,
    locals: Vec<V>,
    cells: Vec<Rc<RefCell<V>>>,
    st: Vec<V>,
    blocks: Vec<(bool, u32, usize)>,
    ip: usize,
    started: bool,
    done: bool,
}

pub enum Exit {
    Return(V),
    Yield(V),
}

#[derive(Debug)]
pub struct Func {
    code: Rc<CodeObject>,
    defaults: Vec<V>,
    closure: Vec<Rc<RefCell<V>>>,
}

pub struct Vm {
    pub out: String,
    globals: HashMap<u32, V>,
    names: Vec<String>,
}

type R<T> = Result<T, V>;

fn exc(t: &str, m: &str) -> V {
    V::Exc(t.into(), m.into())
}

fn truthy(v: &V) -> bool {
    match v {
        V::None | V::Undef => false,
        V::Bool(b) => *b,
        V::Int(i) => *i != 0,
        V::Str(s) => !s.is_empty(),
        V::List(l) => !l.borrow().is_empty(),
        V::Tuple(t) => !t.is_empty(),
        _ => true,
    }
}

pub fn repr(v: &V) -> String {
    match v {
        V::Str(s) => format!("'{}'", s),
        other => str_of(other),
    }
}

fn str_of(v: &V) -> String {
    match v {
        V::None => "None".into(),
        V::Bool(b) => if *b { "True" } else { "False" }.into(),
        V::Int(i) => i.to_string(),
        V::Str(s) => s.clone(),
        V::List(l) => format!(
            "[{}]",
            l.borrow().iter().map(repr).collect::<Vec<_>>().join(", ")
        ),
        V::Tuple(t) if t.len() == 1 => format!("({},)", repr(&t[0])),
        V::Tuple(t) => format!("({})", t.iter().map(repr).collect::<Vec<_>>().join(", ")),
        V::Exc(t, m) if t == "KeyError" => format!("'{}'", m),
        V::Exc(_, m) => m.clone(),
        other => format!("{:?}", other),
    }
}

fn eq(a: &V, b: &V) -> bool {
    match (a, b) {
        (V::Int(x), V::Int(y)) => x == y,
        (V::Str(x), V::Str(y)) => x == y,
        (V::None, V::None) => true,
        (V::Bool(x), V::Bool(y)) => x == y,
        _ => false,
    }
}

fn items(v: &V) -> R<Vec<V>> {
    match v {
        V::List(l) => Ok(l.borrow().clone()),
        V::Tuple(t) => Ok(t.clone()),
        V::Iter(it) => {
            let it = it.borrow();
            Ok(it.0[it.1..].to_vec())
        }
        _ => Err(exc("TypeError", "not iterable")),
    }
}

fn conv(v: &Value) -> V {
    match v {
        Value::None => V::None,
        Value::Bool(b) => V::Bool(*b),
        Value::Int(i) => V::Int(*i),
        Value::Str(s) => V::Str(s.as_str().into()),
        Value::Tuple(t) => V::Tuple(t.iter().map(conv).collect()),
        Value::Code(c) => V::Code(c.clone()),
        _ => V::Undef,
    }
}

fn int_op(op: BinOp, a: &V, b: &V) -> R<V> {
    Ok(match (op, a, b) {
        (BinOp::Add, V::Int(x), V::Int(y)) => V::Int(x + y),
        (BinOp::Sub, V::Int(x), V::Int(y)) => V::Int(x - y),
        (BinOp::Mult, V::Int(x), V::Int(y)) => V::Int(x * y),
        (BinOp::Mod, V::Int(x), V::Int(y)) => V::Int(x.rem_euclid(*y)),
        (BinOp::FloorDiv, V::Int(x), V::Int(y)) => V::Int(x.div_euclid(*y)),
        (BinOp::Add, V::Str(x), V::Str(y)) => V::Str(format!("{}{}", x, y)),
        (BinOp::Add, V::List(x), V::List(y)) => {
            let mut v = x.borrow().clone();
            v.extend(y.borrow().iter().cloned());
            V::List(Rc::new(RefCell::new(v)))
        }
        _ => return Err(exc("TypeError", "unsupported operand")),
    })
}

impl Vm {
    pub fn new(names: Vec<String>) -> Vm {
        Vm {
            out: String::new(),
            globals: HashMap::new(),
            names,
        }
    }

    fn call(&mut self, f: V, args: Vec<V>) -> R<V> {
        match f {
            V::Func(func) => self.run(func.code.clone(), args, &func.defaults, &func.closure),
            V::Builtin(n) => match n.as_str() {
                "print" => {
                    let s: Vec<String> = args.iter().map(str_of).collect();
                    self.out.push_str(&s.join(" "));
                    self.out.push('\n');
                    Ok(V::None)
                }
                "range" => {
                    let n = match args.first() {
                        Some(V::Int(n)) => *n,
                        _ => 0,
                    };
                    Ok(V::List(Rc::new(RefCell::new((0..n).map(V::Int).collect()))))
                }
                "len" => Ok(V::Int(items(&args[0])?.len() as i64)),
                "__exit__" => {
                    // The test context manager: reports how it was left and suppresses
                    // exceptions whose message is "suppress".
                    let what = match &args[1] {
                        V::Exc(t, m) => format!("{}({})", t, m),
                        _ => "None".into(),
                    };
                    self.out.push_str(&format!("exit {}\n", what));
                    Ok(V::Bool(matches!(&args[1], V::Exc(_, m) if m == "suppress")))
                }
                _ => Ok(V::Exc(
                    n.clone(),
                    args.first().map(str_of).unwrap_or_default(),
                )),
            },
            V::Bound(obj, m) => match (*obj, m.as_str()) {
                (V::List(l), "append") => {
                    l.borrow_mut().push(args[0].clone());
                    Ok(V::None)
                }
                _ => Err(exc("AttributeError", &m)),
            },
            _ => Err(exc("TypeError", "not callable")),
        }
    }

    pub fn run(
        &mut self,
        code: Rc<CodeObject>,
        args: Vec<V>,
        defaults: &[V],
        closure: &[Rc<RefCell<V>>],
    ) -> R<V> {
        let mut locals = vec![V::Undef; code.varnames.len()];
        let argc = code.argcount as usize;
        for (i, a) in args.iter().enumerate().take(argc) {
            locals[i] = a.clone();
        }
        for (i, slot) in locals.iter_mut().enumerate().take(argc).skip(args.len()) {
            let k = i + defaults.len() - argc;
            *slot = defaults.get(k).cloned().unwrap_or(V::Undef);
        }
        let mut cells: Vec<Rc<RefCell<V>>> = code
            .cellvars
            .iter()
            .map(|_| Rc::new(RefCell::new(V::Undef)))
            .collect();
        for &(c, a) in &code.cell2arg {
            *cells[c as usize].borrow_mut() = locals[a as usize].clone();
        }
        cells.extend(closure.iter().cloned());
        let mut frame = Frame {
            code: code.clone(),
            locals,
            cells,
            st: Vec::new(),
            blocks: Vec::new(),
            ip: 0,
            started: false,
            done: false,
        };
        if code.flags.generator {
            return Ok(V::Gen(Rc::new(RefCell::new(frame))));
        }
        match self.exec(&mut frame)? {
            Exit::Return(v) => Ok(v),
            Exit::Yield(_) => Err(exc("RuntimeError", "yield outside generator")),
        }
    }

    /// Resumes a generator with a sent value.
    fn resume(&mut self, g: &Rc<RefCell<Frame>>, sent: V) -> R<Exit> {
        let mut fr = g.borrow_mut();
        if fr.done {
            return Ok(Exit::Return(V::None));
        }
        if fr.started {
            fr.st.push(sent);
        }
        fr.started = true;
        let r = self.exec(&mut fr);
        if !matches!(r, Ok(Exit::Yield(_))) {
            fr.done = true;
        }
        r
    }

    fn exec(&mut self, fr: &mut Frame) -> R<Exit> {
        use Instr::*;
        let code = fr.code.clone();
        let locals = &mut fr.locals;
        let cells = &fr.cells;
        let mut st = std::mem::take(&mut fr.st);
        let mut blocks = std::mem::take(&mut fr.blocks);
        let mut ip = fr.ip;
        macro_rules! pop {
            () => {
                st.pop().expect("stack underflow")
            };
        }
        loop {
            let instr = code.instrs[ip];
            ip += 1;
            let r: R<Option<Exit>> = (|| {
                match instr {
                    Nop => {}
                    Pop => {
                        pop!();
                    }
                    Dup => st.push(st.last().cloned().expect("dup")),
                    DupTwo => {
                        let n = st.len();
                        st.push(st[n - 2].clone());
                        st.push(st[n - 1].clone());
                    }
                    RotTwo => {
                        let n = st.len();
                        st.swap(n - 1, n - 2);
                    }
                    RotThree => {
                        let v = pop!();
                        let n = st.len();
                        st.insert(n - 2, v);
                    }
                    RotFour => {
                        let v = pop!();
                        let n = st.len();
                        st.insert(n - 3, v);
                    }
                    LoadConst(i) => st.push(conv(&code.consts[i as usize])),
                    LoadFast(i) => match &locals[i as usize] {
                        V::Undef => return Err(exc("UnboundLocalError", "unbound")),
                        v => st.push(v.clone()),
                    },
                    StoreFast(i) => locals[i as usize] = pop!(),
                    DeleteFast(i) => locals[i as usize] = V::Undef,
                    LoadDeref(i) | LoadClassDeref(i) => st.push(cells[i as usize].borrow().clone()),
                    StoreDeref(i) => *cells[i as usize].borrow_mut() = pop!(),
                    DeleteDeref(i) => *cells[i as usize].borrow_mut() = V::Undef,
                    LoadClosure(i) => st.push(V::Cell(cells[i as usize].clone())),
                    LoadGlobal(s) => {
                        let v = match self.globals.get(&s) {
                            Some(v) => v.clone(),
                            None => V::Builtin(self.names[s as usize].clone()),
                        };
                        st.push(v);
                    }
                    StoreGlobal(s) => {
                        let v = pop!();
                        self.globals.insert(s, v);
                    }
                    DeleteGlobal(s) => {
                        self.globals.remove(&s);
                    }
                    LoadMethod(i) => {
                        let o = pop!();
                        st.push(V::Bound(
                            Box::new(o),
                            code.names[i as usize].as_str().into(),
                        ));
                        st.push(V::Undef);
                    }
                    CallMethod(n) => {
                        let args = st.split_off(st.len() - n as usize);
                        let _self = pop!();
                        let f = pop!();
                        let r = self.call(f, args)?;
                        st.push(r);
                    }
                    BinarySubscr => {
                        let k = pop!();
                        let o = pop!();
                        match (&o, &k) {
                            (V::List(_) | V::Tuple(_), V::Int(i)) => {
                                let it = items(&o)?;
                                let i = if *i < 0 { it.len() as i64 + i } else { *i };
                                st.push(
                                    it.get(i as usize)
                                        .cloned()
                                        .ok_or_else(|| exc("IndexError", "index"))?,
                                );
                            }
                            _ => return Err(exc("TypeError", "subscript")),
                        }
                    }
                    StoreSubscr => {
                        let k = pop!();
                        let o = pop!();
                        let v = pop!();
                        if let (V::List(l), V::Int(i)) = (&o, &k) {
                            l.borrow_mut()[*i as usize] = v;
                        }
                    }
                    Binary(op) | InplaceBinary(op) => {
                        let b = pop!();
                        let a = pop!();
                        if let (BinOp::Add, V::List(l), true) =
                            (op, &a, matches!(instr, InplaceBinary(_)))
                        {
                            l.borrow_mut().extend(items(&b)?);
                            st.push(a.clone());
                        } else {
                            st.push(int_op(op, &a, &b)?);
                        }
                    }
                    Unary(op) => {
                        let a = pop!();
                        st.push(match (op, a) {
                            (UnaryOp::Not, a) => V::Bool(!truthy(&a)),
                            (UnaryOp::USub, V::Int(i)) => V::Int(-i),
                            _ => return Err(exc("TypeError", "unary")),
                        });
                    }
                    Compare(op) => {
                        let b = pop!();
                        let a = pop!();
                        let r = match (op, &a, &b) {
                            (CmpOp::Eq, _, _) => eq(&a, &b),
                            (CmpOp::NotEq, _, _) => !eq(&a, &b),
                            (CmpOp::Lt, V::Int(x), V::Int(y)) => x < y,
                            (CmpOp::LtE, V::Int(x), V::Int(y)) => x <= y,
                            (CmpOp::Gt, V::Int(x), V::Int(y)) => x > y,
                            (CmpOp::GtE, V::Int(x), V::Int(y)) => x >= y,
                            (CmpOp::In, _, _) => items(&b)?.iter().any(|x| eq(x, &a)),
                            (CmpOp::NotIn, _, _) => !items(&b)?.iter().any(|x| eq(x, &a)),
                            _ => return Err(exc("TypeError", "compare")),
                        };
                        st.push(V::Bool(r));
                    }
                    Jump(t) => ip = t as usize,
                    PopJumpIfFalse(t) => {
                        if !truthy(&pop!()) {
                            ip = t as usize;
                        }
                    }
                    PopJumpIfTrue(t) => {
                        if truthy(&pop!()) {
                            ip = t as usize;
                        }
                    }
                    JumpIfFalseOrPop(t) => {
                        if !truthy(st.last().expect("v")) {
                            ip = t as usize;
                        } else {
                            pop!();
                        }
                    }
                    JumpIfTrueOrPop(t) => {
                        if truthy(st.last().expect("v")) {
                            ip = t as usize;
                        } else {
                            pop!();
                        }
                    }
                    GetIter => {
                        let v = pop!();
                        st.push(match v {
                            V::Gen(_) | V::Iter(_) => v,
                            other => V::Iter(Rc::new(RefCell::new((items(&other)?, 0)))),
                        });
                    }
                    ForIter(t) => {
                        let next = match st.last().cloned() {
                            Some(V::Gen(g)) => match self.resume(&g, V::None)? {
                                Exit::Yield(v) => Some(v),
                                Exit::Return(_) => None,
                            },
                            Some(V::Iter(it)) => {
                                let mut it = it.borrow_mut();
                                let v = it.0.get(it.1).cloned();
                                it.1 += 1;
                                v
                            }
                            _ => return Err(exc("TypeError", "ForIter")),
                        };
                        match next {
                            Some(v) => st.push(v),
                            None => {
                                pop!();
                                ip = t as usize;
                            }
                        }
                    }
                    BuildTuple(n) => {
                        let v = st.split_off(st.len() - n as usize);
                        st.push(V::Tuple(v));
                    }
                    BuildList(n) => {
                        let v = st.split_off(st.len() - n as usize);
                        st.push(V::List(Rc::new(RefCell::new(v))));
                    }
                    ListAppend(d) | ListExtend(d) => {
                        let v = pop!();
                        let n = st.len();
                        if let V::List(l) = &st[n - d as usize] {
                            if matches!(instr, ListAppend(_)) {
                                l.borrow_mut().push(v);
                            } else {
                                let xs = match &v {
                                    V::Gen(g) => {
                                        let mut xs = Vec::new();
                                        while let Exit::Yield(x) = self.resume(g, V::None)? {
                                            xs.push(x);
                                        }
                                        xs
                                    }
                                    other => items(other)?,
                                };
                                l.borrow_mut().extend(xs);
                            }
                        }
                    }
                    ListToTuple => {
                        let v = pop!();
                        st.push(V::Tuple(items(&v)?));
                    }
                    UnpackSequence(n) => {
                        let v = items(&pop!())?;
                        if v.len() != n as usize {
                            return Err(exc("ValueError", "unpack"));
                        }
                        st.extend(v.into_iter().rev());
                    }
                    UnpackEx(k) => {
                        let (before, after) = ((k & 0xff) as usize, (k >> 8) as usize);
                        let v = items(&pop!())?;
                        let mid = v[before..v.len() - after].to_vec();
                        for x in v[v.len() - after..].iter().rev() {
                            st.push(x.clone());
                        }
                        st.push(V::List(Rc::new(RefCell::new(mid))));
                        for x in v[..before].iter().rev() {
                            st.push(x.clone());
                        }
                    }
                    CallFunction(n) => {
                        let args = st.split_off(st.len() - n as usize);
                        let f = pop!();
                        let r = self.call(f, args)?;
                        st.push(r);
                    }
                    MakeFunction(flags) => {
                        let code = match pop!() {
                            V::Code(c) => c,
                            _ => return Err(exc("TypeError", "code")),
                        };
                        let closure = if flags & 8 != 0 {
                            items(&pop!())?
                                .into_iter()
                                .filter_map(|c| match c {
                                    V::Cell(c) => Some(c),
                                    _ => None,
                                })
                                .collect()
                        } else {
                            vec![]
                        };
                        let defaults = if flags & 1 != 0 {
                            items(&pop!())?
                        } else {
                            vec![]
                        };
                        st.push(V::Func(Rc::new(Func {
                            code,
                            defaults,
                            closure,
                        })));
                    }
                    FormatValue(f) => {
                        let v = pop!();
                        st.push(V::Str(if f & 3 == 2 { repr(&v) } else { str_of(&v) }));
                    }
                    BuildString(n) => {
                        let v = st.split_off(st.len() - n as usize);
                        st.push(V::Str(v.iter().map(str_of).collect()));
                    }
                    SetupFinally(t) => blocks.push((true, t, st.len())),
                    SetupWith(t) => {
                        let ctx = pop!();
                        st.push(V::Builtin("__exit__".into()));
                        blocks.push((true, t, st.len()));
                        st.push(ctx);
                    }
                    WithExceptStart => {
                        let n = st.len();
                        let (exit, e) = (st[n - 2].clone(), st[n - 1].clone());
                        let r = self.call(exit, vec![V::None, e, V::None])?;
                        st.push(r);
                    }
                    PopBlock => {
                        let b = blocks.pop().expect("block");
                        assert!(b.0, "PopBlock popped an except handler");
                    }
                    PopExcept => {
                        let b = blocks.pop().expect("block");
                        assert!(!b.0, "PopExcept popped a handler");
                    }
                    Reraise => {
                        let e = pop!();
                        let b = blocks.pop().expect("block");
                        assert!(!b.0, "Reraise popped a handler");
                        return Err(e);
                    }
                    Raise(n) => {
                        let mut args = st.split_off(st.len() - n as usize);
                        return Err(match args.drain(..).next() {
                            Some(V::Builtin(t)) => V::Exc(t, String::new()),
                            Some(e) => e,
                            None => exc("RuntimeError", "No active exception to reraise"),
                        });
                    }
                    JumpIfNotExcMatch(t) => {
                        let ty = pop!();
                        let e = st.last().cloned().expect("exc");
                        let names: Vec<String> = match ty {
                            V::Builtin(n) => vec![n],
                            V::Tuple(ts) => ts
                                .iter()
                                .filter_map(|t| match t {
                                    V::Builtin(n) => Some(n.clone()),
                                    _ => None,
                                })
                                .collect(),
                            _ => vec![],
                        };
                        let ok = matches!(&e, V::Exc(et, _) if names.iter().any(|n| n == et || n == "Exception"));
                        if !ok {
                            ip = t as usize;
                        }
                    }
                    ReturnValue => return Ok(Some(Exit::Return(pop!()))),
                    YieldValue => return Ok(Some(Exit::Yield(pop!()))),
                    GetYieldFromIter => {
                        let v = pop!();
                        st.push(match v {
                            V::Gen(_) => v,
                            other => V::Iter(Rc::new(RefCell::new((items(&other)?, 0)))),
                        });
                    }
                    YieldFrom => {
                        let v = pop!();
                        let recv = st.last().cloned().expect("receiver");
                        let step = match recv {
                            V::Gen(g) => self.resume(&g, v)?,
                            V::Iter(it) => {
                                let mut it = it.borrow_mut();
                                let n = it.0.get(it.1).cloned();
                                it.1 += 1;
                                match n {
                                    Some(w) => Exit::Yield(w),
                                    None => Exit::Return(V::None),
                                }
                            }
                            _ => return Err(exc("TypeError", "yield from")),
                        };
                        match step {
                            Exit::Yield(w) => {
                                ip -= 1;
                                return Ok(Some(Exit::Yield(w)));
                            }
                            Exit::Return(r) => {
                                pop!();
                                st.push(r);
                            }
                        }
                    }
                    other => panic!("testvm: {:?} not supported", other),
                }
                Ok(None)
            })();
            let r = match r {
                Ok(Some(exit)) => {
                    fr.st = st;
                    fr.blocks = blocks;
                    fr.ip = ip;
                    return Ok(exit);
                }
                Ok(None) => Ok(()),
                Err(e) => Err(e),
            };
            if let Err(e) = r {
                loop {
                    match blocks.pop() {
                        None => return Err(e),
                        Some((false, _, _)) => continue,
                        Some((true, t, depth)) => {
                            st.truncate(depth);
                            blocks.push((false, 0, 0));
                            st.push(e);
                            ip = t as usize;
                            break;
                        }
                    }
                }
            }
        }
    }
}
