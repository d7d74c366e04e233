//! Code objects and the instruction set: the contract between the compiler and the VM.
//!
//! Every instruction is a small `Copy` enum value with at most one `u32` operand. Stack
//! effects are written `[before] -> [after]`, top of stack on the right. Jump targets are
//! absolute instruction indices. Names are indexes into `CodeObject::names`, locals into
//! `varnames` (parameters first), cells into `cellvars ++ freevars`, and globals are
//! module slots resolved at compile time (see `compile::GlobalResolver`).

use crate::syntax::ast::{BinOp, CmpOp, UnaryOp};
use crate::vm::value::{PyStr, Value};
use std::rc::Rc;

/// One bytecode instruction.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Instr {
    Nop,
    // ---- stack shuffling ------------------------------------------------------------
    /// `[a] -> []`
    Pop,
    /// `[a] -> [a, a]`
    Dup,
    /// `[a, b] -> [a, b, a, b]`
    DupTwo,
    /// `[a, b] -> [b, a]`
    RotTwo,
    /// `[a, b, c] -> [c, a, b]` (top moves down two)
    RotThree,
    /// `[a, b, c, d] -> [d, a, b, c]` (top moves down three)
    RotFour,

    // ---- constants and variables ----------------------------------------------------
    /// `[] -> [consts[i]]`
    LoadConst(u32),
    /// `[] -> [local i]`; raises UnboundLocalError if unset.
    LoadFast(u32),
    /// `[v] -> []`
    StoreFast(u32),
    /// Unsets local i; UnboundLocalError if already unset.
    DeleteFast(u32),
    /// `[] -> [cell i contents]` (cellvars then freevars); NameError/UnboundLocalError
    /// ("cannot access free variable 'x' where it is not associated with a value in
    /// enclosing scope") when empty.
    LoadDeref(u32),
    StoreDeref(u32),
    DeleteDeref(u32),
    /// `[] -> [the cell object i itself]`, for building a closure tuple.
    LoadClosure(u32),
    /// Class bodies only: `[] -> [ns[name] if present else contents of cell i]`, where
    /// name is the cell's own name (a free variable of the class body).
    LoadClassDeref(u32),
    /// `[] -> [module slot i]`, falling back to builtins by the slot's name; NameError
    /// "name 'x' is not defined" when neither has it.
    LoadGlobal(u32),
    /// `[v] -> []` into module slot i.
    StoreGlobal(u32),
    /// Unsets module slot i; NameError if unset.
    DeleteGlobal(u32),
    /// Class bodies: namespace dict, then globals (by name), then builtins.
    LoadName(u32),
    /// Class bodies: `[v] -> []` into the namespace dict under names[i].
    StoreName(u32),
    DeleteName(u32),
    /// Class bodies: `[] -> [the namespace dict]`.
    LoadLocals,
    /// Module and class bodies that annotate names: `[] -> []`, binds
    /// `__annotations__` to a new dict in the namespace unless it is bound there.
    SetupAnnotations,

    // ---- attributes and items -------------------------------------------------------
    /// `[obj] -> [obj.names[i]]`
    LoadAttr(u32),
    /// `[v, obj] -> []` sets obj.names[i] = v
    StoreAttr(u32),
    /// `[obj] -> []`
    DeleteAttr(u32),
    /// `[obj] -> [func, obj]` when names[i] is a plain function found on the type (an
    /// unbound method call), else `[obj] -> [attr, Undefined]`. Pairs with CallMethod.
    LoadMethod(u32),
    /// `[a, b, arg1..argN] -> [result]`: calls `a(b, args)` or, when b is Undefined,
    /// `a(args)`.
    CallMethod(u32),
    /// `[obj, key] -> [obj[key]]`
    BinarySubscr,
    /// `[v, obj, key] -> []` sets obj[key] = v
    StoreSubscr,
    /// `[obj, key] -> []`
    DeleteSubscr,
    /// `[lower, upper] -> [slice]` (n = 2) or `[lower, upper, step] -> [slice]` (n = 3)
    BuildSlice(u32),

    // ---- operators ------------------------------------------------------------------
    /// `[a, b] -> [a op b]`
    Binary(BinOp),
    /// `[a, b] -> [a op= b]` (tries `__iop__` first, then the plain operator)
    InplaceBinary(BinOp),
    /// `[a] -> [op a]`
    Unary(UnaryOp),
    /// `[a, b] -> [a cmp b]`, including `is`, `is not`, `in`, `not in`.
    Compare(CmpOp),

    // ---- control flow ---------------------------------------------------------------
    Jump(u32),
    /// `[v] -> []`, jumps when v is falsy.
    PopJumpIfFalse(u32),
    /// `[v] -> []`, jumps when v is truthy.
    PopJumpIfTrue(u32),
    /// `[v] -> [v]` and jumps when v is falsy, else `[v] -> []`.
    JumpIfFalseOrPop(u32),
    /// `[v] -> [v]` and jumps when v is truthy, else `[v] -> []`.
    JumpIfTrueOrPop(u32),
    /// `[iterable] -> [iterator]`
    GetIter,
    /// `[it] -> [it, next]`, or when exhausted `[it] -> []` and jumps to the target.
    ForIter(u32),

    // ---- building values ------------------------------------------------------------
    /// `[a1..aN] -> [tuple]`
    BuildTuple(u32),
    /// `[a1..aN] -> [list]`
    BuildList(u32),
    /// `[a1..aN] -> [set]`
    BuildSet(u32),
    /// `[k1, v1, .. kN, vN] -> [dict]`
    BuildMap(u32),
    /// `[list, x1..xD-1, v] -> [list, x1..xD-1]`: appends v to the list D deep
    /// (D = 1 means directly under v). Comprehensions and starred displays.
    ListAppend(u32),
    /// Like ListAppend for a set.
    SetAdd(u32),
    /// `[dict, .., k, v] -> [dict, ..]` with the dict D deep under the pair.
    MapAdd(u32),
    /// `[list, .., iterable] -> [list, ..]`: extends the list D deep.
    ListExtend(u32),
    /// `[set, .., iterable] -> [set, ..]`
    SetUpdate(u32),
    /// `[dict, .., mapping] -> [dict, ..]` (a dict display's `**m`)
    DictUpdate(u32),
    /// Like DictUpdate but for call `**kwargs`: duplicate keys raise TypeError
    /// "__main__.f() got multiple values for keyword argument 'k'"; the function is D+2
    /// deep.
    DictMerge(u32),
    /// `[list] -> [tuple]`
    ListToTuple,
    /// `[seq] -> [vN .. v1]` (first item on top); ValueError on a length mismatch.
    UnpackSequence(u32),
    /// `a, *b, c = seq`: operand is `before | (after << 8)`; pushes `after` items, the
    /// list, then `before` items, so the first item ends on top.
    UnpackEx(u32),

    // ---- functions and calls --------------------------------------------------------
    /// `[f, a1..aN] -> [f(a1..aN)]`
    CallFunction(u32),
    /// `[f, a1..aN, names] -> [result]`: `names` is a tuple of str, the keyword names of
    /// the last len(names) of the N arguments.
    CallFunctionKw(u32),
    /// `[f, args_tuple] -> [result]`, or with operand 1 `[f, args_tuple, kwargs_dict]`.
    CallFunctionEx(u32),
    /// Builds a function from the code object on top. Flags say which extra operands
    /// lie below it, bottom to top: 1 = defaults tuple, 2 = kw-only defaults dict,
    /// 8 = closure tuple of cells. `[..extras, code] -> [function]`
    MakeFunction(u32),
    /// `[v] -> (returns v to the caller)`
    ReturnValue,

    // ---- classes and modules --------------------------------------------------------
    /// `[body_fn, name, base1..baseN] -> [class]`: runs the body function with a fresh
    /// namespace (the body ends with `LoadLocals; ReturnValue`), then creates the class;
    /// a `__classcell__` entry in the namespace gets the new class.
    BuildClass(u32),
    /// `[body_fn, name, base1..baseN, kwargs] -> [class]`: BuildClass for a class
    /// statement with keywords (`class A(Base, tag=1)`), which go to the
    /// `__init_subclass__` of the first base class that has one.
    BuildClassKw(u32),
    /// `[] -> [module]`: imports the module named names[i] (dotted name as written).
    ImportName(u32),
    /// `[module] -> [module, module.names[i]]`, ImportError when missing.
    ImportFrom(u32),

    // ---- exceptions -----------------------------------------------------------------
    /// Pushes a handler block: if an exception is raised before the matching PopBlock,
    /// the operand stack is cut back to its depth at this point, an ExceptHandler
    /// block is pushed (saving the currently handled exception), the exception
    /// becomes the handled one, `[exc]` is pushed and execution goes to the target.
    SetupFinally(u32),
    /// Pops the innermost handler block (normal exit from a protected region).
    PopBlock,
    /// Leaves an except/finally handler normally: pops the ExceptHandler block and
    /// restores the previously handled exception. Stack untouched.
    PopExcept,
    /// `[exc] -> (raises)`: pops the ExceptHandler block, restores the previous handled
    /// exception and re-raises exc with its traceback as it is.
    Reraise,
    /// `raise` (0), `raise exc` (1), `raise exc from cause` (2).
    Raise(u32),
    /// `[exc, type] -> [exc]` and jumps to the target when exc is not an instance of
    /// type (or of any type in a tuple). TypeError "catching classes that do not
    /// inherit from BaseException is not allowed" for a bad type.
    JumpIfNotExcMatch(u32),
    /// `[] -> [AssertionError]`
    LoadAssertionError,

    // ---- with ---------------------------------------------------------------------
    /// `[ctx] -> [exit, enter_result]` where exit is bound `ctx.__exit__`; then pushes a
    /// handler block to the target whose depth includes `exit`. TypeError "'X' object
    /// does not support the context manager protocol" when the methods are missing.
    SetupWith(u32),
    /// In a with-handler: `[exit, exc] -> [exit, exc, exit(type(exc), exc, tb)]`.
    WithExceptStart,

    // ---- f-strings ------------------------------------------------------------------
    /// Operand bits 0-1: conversion (0 none, 1 str, 2 repr, 3 ascii); bit 2: a spec
    /// string is on top. `[value] -> [str]` or `[value, spec] -> [str]`.
    FormatValue(u32),
    /// `[s1..sN] -> [s1 + .. + sN]`
    BuildString(u32),

    // ---- generators and coroutines (run by the coroutine machinery) ----------------
    /// `[v] -> (suspends, yielding v) -> [sent]`
    YieldValue,
    /// `[receiver, v] -> ...`: sends v into the receiver (a generator, coroutine or
    /// iterator). If it yields, this frame suspends yielding the same value and will
    /// re-run this instruction with the sent value replacing v. When the receiver
    /// finishes with value r: `[receiver, v] -> [r]`.
    YieldFrom,
    /// `[iterable] -> [iterator]` for `yield from` (a coroutine is passed through only
    /// inside a coroutine-flagged generator).
    GetYieldFromIter,
    /// `[awaitable] -> [iterator]`: a coroutine as is, else `__await__()`'s result.
    /// TypeError "object X can't be used in 'await' expression".
    GetAwaitable,
    /// `[obj] -> [obj.__aiter__()]`
    GetAiter,
    /// `[aiter] -> [aiter, awaitable of aiter.__anext__()]`
    GetAnext,
    /// In an async-for handler: `[aiter, exc] -> []` and continues when exc is a
    /// StopAsyncIteration (pops the ExceptHandler block), else re-raises.
    EndAsyncFor,
    /// `[ctx] -> [exit, awaitable of ctx.__aenter__()]` where exit is bound
    /// `ctx.__aexit__`.
    BeforeAsyncWith,
    /// After awaiting `__aenter__`: `[exit, result] -> [exit, result]` and pushes a
    /// handler block to the target whose depth includes `exit`.
    SetupAsyncWith(u32),

    // ---- superinstructions ------------------------------------------------------------
    // Never emitted by the compiler and never in `CodeObject::instrs`: `quicken` writes
    // them into the run loop's copy (`CodeObject::quick`) in place of the first of the
    // instructions they stand for, leaving the others where they were, so jumps into the
    // middle still land on the originals. `unfused` gives back the first original.
    /// `LoadFast(a); LoadFast(b)`
    LoadFastLoadFast(u16, u16),
    /// `LoadFast(a); LoadConst(c)`
    LoadFastLoadConst(u16, u16),
    /// `LoadFast(a); LoadAttr(name)`
    LoadFastAttr(u16, u16),
    /// `LoadConst(c); Binary(op)` (or `InplaceBinary(op)`)
    ConstBinary(u16, BinOp),
    /// `LoadFast(a); Binary(op)` (or `InplaceBinary(op)`)
    FastBinary(u16, BinOp),
    /// `StoreFast(a); LoadFast(b)`
    StoreFastLoadFast(u16, u16),
    /// `StoreFast(a); Jump(t)`: the end of most loop bodies
    StoreFastJump(u16, u32),
    /// `LoadFast(a); LoadConst(c); Binary(op)` (or `InplaceBinary(op)`)
    FastConstBinary(u16, u16, BinOp),
    /// `LoadFast(a); LoadFast(b); Binary(op)` (or `InplaceBinary(op)`)
    FastFastBinary(u16, u16, BinOp),
    /// `LoadFast(a); LoadFast(b); Binary(op)` (or `InplaceBinary(op)`); `StoreFast(c)`:
    /// `s += x`, `z = x * y`. An int result goes straight into the local, and a loop's
    /// back edge right after (the StoreFast fused with its Jump) is taken at once.
    FastFastBinaryStore(u16, u16, u16, BinOp),
    /// `LoadFast(a); LoadConst(c); Compare(op)`
    FastConstCompare(u16, u16, CmpOp),
    /// `LoadFast(a); LoadFast(b); Compare(op)`
    FastFastCompare(u16, u16, CmpOp),
    /// `LoadFast(a); LoadConst(c); Binary(Add)` (or `Sub`, or their in-place forms)
    /// with the constant a small int: `n - 1`, `i += 1`. The operand is the constant
    /// (negated for `-`), so an int local takes one checked addition.
    FastAddInt(u16, i32),
    /// `LoadFast(a); LoadConst(k); Binary or InplaceBinary(Add or Sub); StoreFast(a)`
    /// with `k` a small int constant (negated for Sub): `i += 1`, `n = n - 2`. The
    /// local is updated in place, and a loop's back edge right after (the StoreFast
    /// fused with its Jump) is taken at once.
    IncLocal(u16, i32),
    /// `LoadFast(a); LoadConst(c); Compare(op)` with the constant a small int and
    /// `op` an ordering or equality: `n < 2`, `i == 0`.
    FastCompareInt(u16, i32, CmpOp),
    /// `LoadFast(a); LoadConst(c); Binary(Mod)` (or in place) with the constant a
    /// positive small int: `i % 7`.
    FastModInt(u16, i32),
    /// `LoadConst(c); Binary(Add)` (or `Sub`, or in place) with the constant a small
    /// int, which is the second operand (negated for `-`): `... + 1`.
    AddInt(u16, i32),
    /// `LoadConst(c); Binary(Mod)` (or in place) with the constant a positive small
    /// int, the second operand: `(a + b) % 1000000007`.
    ModInt(u16, i32),
    /// `LoadConst(c); Compare(op)` with the constant a small int and `op` an
    /// ordering or equality: `self.pos.x < 0`.
    CompareInt(u16, i32, CmpOp),
    /// `LoadFast(a); LoadAttr(n); LoadAttr(m)`: `self.pos.x`
    LoadFastAttrAttr(u16, u16, u16),
    /// `LoadFast(obj); StoreAttr(n)`: `self.n = <value on the stack>`
    FastStoreAttr(u16, u16),
    /// `LoadFast(v); LoadFast(obj); StoreAttr(n)`: `self.n = v`
    FastFastStoreAttr(u16, u16, u16),
    /// `LoadMethod(name); LoadFast(a); CallMethod(1)` where the name is `send`:
    /// `gen.send(a)`.
    SendFast(u16, u16),
    /// `LoadMethod(name); LoadConst(c); CallMethod(1)` where the name is `send`:
    /// `gen.send(None)`.
    SendConst(u16, u16),
    /// `LoadFast(g); LoadMethod(send); LoadFast(a); CallMethod(1)`: `g.send(a)`
    /// with the generator in local `g` (the LoadMethod is a `SendFast`)
    FastSendFast(u16, u16),
    /// `LoadFast(g); LoadMethod(send); LoadConst(c); CallMethod(1)`: likewise with a
    /// constant (the LoadMethod is a `SendConst`)
    FastSendConst(u16, u16),
    /// `LoadFast(a); YieldValue`
    YieldFast(u16),
    /// `LoadConst(c); ReturnValue`: `return None` at the end of a function.
    ReturnConst(u16),
    /// `LoadFast(a); ReturnValue`
    ReturnFast(u16),
    /// `Binary(op); ReturnValue`: `return fib(n - 1) + fib(n - 2)`
    BinaryReturn(BinOp),
    /// `LoadConst(c); Compare(op)`: `<value on the stack> < 0`
    ConstCompare(u16, CmpOp),
    /// `LoadFast(a); Compare(op)`: `<value on the stack> > bound`
    FastCompare(u16, CmpOp),
    /// `LoadFast(a); LoadMethod(name)`: `p.step(...)`, `row.append(...)`
    LoadFastMethod(u16, u16),
    /// `LoadFast(a); LoadAttr(n); LoadMethod(m)`: `self.items.append(...)`
    LoadFastAttrMethod(u16, u16, u16),
}

impl Instr {
    /// The first of the original instructions a superinstruction stands for (itself
    /// for an ordinary instruction).
    pub fn unfused(self) -> Instr {
        match self {
            Instr::LoadFastLoadFast(a, _)
            | Instr::LoadFastLoadConst(a, _)
            | Instr::LoadFastAttr(a, _)
            | Instr::FastBinary(a, _)
            | Instr::FastConstBinary(a, ..)
            | Instr::FastFastBinary(a, ..)
            | Instr::FastFastBinaryStore(a, ..)
            | Instr::FastConstCompare(a, ..)
            | Instr::FastFastCompare(a, ..)
            | Instr::FastAddInt(a, _)
            | Instr::IncLocal(a, _)
            | Instr::FastCompareInt(a, ..)
            | Instr::FastModInt(a, _)
            | Instr::YieldFast(a)
            | Instr::LoadFastAttrAttr(a, ..)
            | Instr::FastStoreAttr(a, _)
            | Instr::FastFastStoreAttr(a, ..)
            | Instr::ReturnFast(a)
            | Instr::FastCompare(a, _)
            | Instr::LoadFastMethod(a, _)
            | Instr::LoadFastAttrMethod(a, ..)
            | Instr::FastSendFast(a, _)
            | Instr::FastSendConst(a, _) => Instr::LoadFast(a as u32),
            Instr::ConstBinary(c, _)
            | Instr::ReturnConst(c)
            | Instr::ConstCompare(c, _)
            | Instr::AddInt(c, _)
            | Instr::ModInt(c, _)
            | Instr::CompareInt(c, ..) => Instr::LoadConst(c as u32),
            Instr::StoreFastLoadFast(a, _) | Instr::StoreFastJump(a, _) => {
                Instr::StoreFast(a as u32)
            }
            Instr::SendFast(name, _) | Instr::SendConst(name, _) => Instr::LoadMethod(name as u32),
            Instr::BinaryReturn(op) => Instr::Binary(op),
            other => other,
        }
    }
}

/// Kind and shape flags of a code object.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct CodeFlags {
    pub generator: bool,
    pub coroutine: bool,
    pub async_generator: bool,
    pub varargs: bool,
    pub varkeywords: bool,
    /// A class body: names live in a namespace dict (LoadName/StoreName).
    pub class_body: bool,
    /// A module's top-level code.
    pub module: bool,
}

/// A compiled function, class body or module.
#[derive(Debug)]
pub struct CodeObject {
    /// The module it was compiled for, whose slots its global names are and whose
    /// globals it runs with (None for code compiled by tools, which never runs). A
    /// parked generator frame finds its globals here (`vm::frame::ParkedFrame`).
    pub module: Option<Rc<crate::vm::value::Module>>,
    pub name: Rc<PyStr>,
    pub qualname: Rc<PyStr>,
    pub filename: Rc<str>,
    pub firstlineno: u32,
    pub flags: CodeFlags,
    /// Positional parameters (positional-only included).
    pub argcount: u32,
    pub posonlyargcount: u32,
    pub kwonlyargcount: u32,
    pub instrs: Vec<Instr>,
    /// Source line of each instruction (same length as `instrs`).
    pub lines: Vec<u32>,
    /// For each instruction, the byte extent in the module's source of the AST node it
    /// was compiled from (PEP 657: the `^^^^` under a traceback line).
    pub spans: Vec<crate::syntax::ast::Span>,
    pub consts: Vec<Value>,
    /// Attribute, import and class-body names (interned).
    pub names: Vec<Rc<PyStr>>,
    /// Local variable names: positional params, kw-only params, *args, **kwargs, then
    /// other locals.
    pub varnames: Vec<Rc<PyStr>>,
    pub cellvars: Vec<Rc<PyStr>>,
    pub freevars: Vec<Rc<PyStr>>,
    /// For each cellvar that is also a parameter, (cell index, local index): the
    /// argument is moved into the cell when the frame starts.
    pub cell2arg: Vec<(u32, u32)>,
    /// The names of module slots used by LoadGlobal/StoreGlobal, for disassembly only.
    pub global_names: Vec<(u32, Rc<PyStr>)>,
    /// Upper bound of the operand stack depth.
    pub stacksize: u32,
    /// The instructions the run loop executes: `instrs` with superinstructions
    /// (`compile::quicken`). Same length and same jump targets as `instrs`.
    pub quick: Vec<Instr>,
    /// The positional argument count a call may pass by just moving the arguments
    /// into the locals, or `u32::MAX` when calls need the general binding (defaults,
    /// `*args`, keyword-only parameters, cells, generators).
    pub fast_argc: u32,
    /// One inline cache per instruction, for the fast path (`vm::cache`).
    pub caches: Box<[crate::vm::cache::InlineCache]>,
    /// For a body of `self.name = parameter | constant` statements only: the stores,
    /// which a class call runs without a frame (`vm::instance_init`).
    pub init_stores: Option<Box<[crate::vm::instance_init::InitStore]>>,
    /// A stdlib function that CPython implements in C, so that a traceback shows no
    /// line for it (set by `_asyncio.native_frame`; `vm::exceptions::add_traceback`).
    pub hidden_from_tracebacks: std::cell::Cell<bool>,
    /// A generator function made awaitable by `@types.coroutine` (CPython's
    /// CO_ITERABLE_COROUTINE): `await` takes its generators as they are.
    pub iterable_coroutine: std::cell::Cell<bool>,
}

impl CodeObject {
    pub fn line_at(&self, ip: usize) -> u32 {
        self.lines
            .get(ip)
            .copied()
            .or_else(|| self.lines.last().copied())
            .unwrap_or(self.firstlineno)
    }

    /// The source extent of the node instruction `ip` came from, if recorded.
    pub fn span_at(&self, ip: usize) -> Option<crate::syntax::ast::Span> {
        self.spans.get(ip).copied()
    }

    pub fn nlocals(&self) -> usize {
        self.varnames.len()
    }

    pub fn ncells(&self) -> usize {
        self.cellvars.len() + self.freevars.len()
    }

    /// Can a call with `nargs` positional arguments just move them into the locals?
    #[inline(always)]
    pub fn fast_call_ok(&self, nargs: usize) -> bool {
        nargs as u32 == self.fast_argc
    }

    /// Can a call with `nargs` positional arguments, fewer than the parameters, move
    /// them into the locals and take the rest from `f`'s defaults?
    #[inline(always)]
    pub fn fast_call_with_defaults(&self, nargs: usize, f: &crate::vm::value::Function) -> bool {
        let nargs = nargs as u32;
        nargs < self.fast_argc
            && self.fast_argc != u32::MAX
            && (self.fast_argc - nargs) as usize <= f.defaults.len()
    }

    /// Fills in what is derived from the rest: the quickened instructions and the
    /// fast-call argument count. Every code object goes through this once.
    pub fn finish(mut self) -> CodeObject {
        let (names, consts) = (&self.names, &self.consts);
        self.quick = crate::compile::quicken::quicken(
            &self.instrs,
            |n| names.get(n as usize).is_some_and(|s| s.as_str() == "send"),
            |c| match consts.get(c as usize) {
                Some(crate::vm::value::Value::Int(k)) => i32::try_from(*k).ok(),
                _ => None,
            },
        );
        self.caches = self.instrs.iter().map(|_| Default::default()).collect();
        self.fast_argc = if self.binds_positionally() {
            self.argcount
        } else {
            u32::MAX
        };
        if self.fast_argc != u32::MAX {
            self.init_stores = crate::vm::instance_init::init_stores(&self);
        }
        self
    }

    /// Like `binds_positionally`, for code with keyword-only parameters: a call that
    /// passes none of them by keyword binds them from the function's defaults in
    /// order (`Function::kwonly_fast`).
    pub fn binds_positionally_but_kwonly(&self) -> bool {
        !self.flags.varargs
            && !self.flags.varkeywords
            && self.kwonlyargcount > 0
            && self.cell2arg.is_empty()
            && !self.is_generator_like()
    }

    fn binds_positionally(&self) -> bool {
        !self.flags.varargs
            && !self.flags.varkeywords
            && self.kwonlyargcount == 0
            && self.cell2arg.is_empty()
            && !self.is_generator_like()
    }

    /// CPython's `co_flags` bits for this code (as `inspect` tests them).
    pub fn co_flags(&self) -> i64 {
        let f = &self.flags;
        let mut bits = 0;
        if !f.module && !f.class_body {
            bits |= 0x1 | 0x2; // CO_OPTIMIZED | CO_NEWLOCALS
        }
        if f.varargs {
            bits |= 0x4;
        }
        if f.varkeywords {
            bits |= 0x8;
        }
        if self.freevars.is_empty() && self.cellvars.is_empty() {
            bits |= 0x40; // CO_NOFREE (informational)
        }
        if f.generator {
            bits |= 0x20;
        }
        if f.coroutine {
            bits |= 0x80;
        }
        if self.iterable_coroutine.get() {
            bits |= 0x100;
        }
        if f.async_generator {
            bits |= 0x200;
        }
        bits
    }

    /// A call of this generator-like code (the code of `f`) with `nargs` positional
    /// arguments binds them one to one, the parameters after them to `f`'s defaults,
    /// and needs no cells (`Vm::make_generator_in_place`).
    pub fn generator_call_with_defaults(
        &self,
        nargs: usize,
        f: &crate::vm::value::Function,
    ) -> bool {
        let argc = self.argcount as usize;
        nargs <= argc && argc - nargs <= f.defaults.len() && self.plain_generator_call(argc)
    }

    /// A call of this generator-like code with `nargs` positional arguments binds them
    /// one to one and needs no cells, and its frame can be parked compact (it knows
    /// its module): `Vm::call_generator_in_place`.
    pub fn plain_generator_call(&self, nargs: usize) -> bool {
        self.is_generator_like()
            && self.module.is_some()
            && nargs == self.argcount as usize
            && !self.flags.varargs
            && !self.flags.varkeywords
            && self.kwonlyargcount == 0
            && self.cellvars.is_empty()
            && self.freevars.is_empty()
    }

    pub fn is_generator_like(&self) -> bool {
        self.flags.generator || self.flags.coroutine || self.flags.async_generator
    }
}
