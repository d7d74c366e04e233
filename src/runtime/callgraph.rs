//! The raw data of the async call graph: through which frames a Task's coroutine
//! awaits, read from the coroutine objects themselves. `stdlib/asyncio/graph.py`
//! (`capture_call_graph`, `format_call_graph`, `print_call_graph`) and the deadlock
//! report in `stdlib/asyncio.py` build on the two natives here; which Future or Task
//! awaits which is Baton-level bookkeeping (`_fut_waiter`, `future_add_to_awaited_by`).
//!
//! Each frame comes out as a row `(frame, code, line, tag)`: `frame` is the frame
//! object of a coroutine, generator or async generator (None for a plain function,
//! which has no frame object in Baton), `code` its code object, `line` where it stands
//! (the await it is suspended at, or the call it is making), and `tag` how CPython's
//! `format_call_graph` labels it: `async`, `async generator`, `generator`, or the empty
//! string for a plain function.

use crate::compile::code::CodeObject;
use crate::vm::error::{PyErr, PyResult};
use crate::vm::lean_rc::LeanRc;
use crate::vm::value::{CoroState, GenKind, Generator, KwArgs, Value};
use crate::vm::Vm;
use std::rc::Rc;

/// Bounds a walk, so a pathological chain cannot build an enormous list.
const MAX_ROWS: usize = 10_000;

/// One frame of a call stack.
pub struct FrameRow {
    pub generator: Option<LeanRc<Generator>>,
    pub code: Rc<CodeObject>,
    pub line: u32,
}

impl FrameRow {
    fn tag(&self) -> &'static str {
        match self.generator.as_ref().map(|g| g.kind) {
            Some(GenKind::Coroutine) => "async",
            Some(GenKind::AsyncGenerator) => "async generator",
            Some(GenKind::Generator) => "generator",
            None => "",
        }
    }

    fn to_value(&self) -> Value {
        Value::tuple(vec![
            match &self.generator {
                Some(g) => Value::Frame(g.clone()),
                None => Value::None,
            },
            Value::Code(self.code.clone()),
            Value::Int(self.line as i64),
            Value::str(self.tag()),
        ])
    }
}

/// The frames a coroutine (or async generator) awaits through, from itself inward to
/// the innermost coroutine, as CPython's `_build_graph_for_future` walks `cr_await`.
/// The walk stops at anything that is not a coroutine or async generator (a Future,
/// a plain iterator), at a finished coroutine, and at one that is running (its
/// callees are on the frame stack, not behind `cr_await`).
pub fn suspended_chain(vm: &Vm, coro: &Value) -> Vec<FrameRow> {
    let mut rows = Vec::new();
    let mut cur = Some(coro.clone());
    while let Some(Value::Generator(g)) = cur.take() {
        if g.kind == GenKind::Generator || rows.len() >= MAX_ROWS {
            break;
        }
        match g.state.get() {
            CoroState::Closed => break,
            CoroState::Created => rows.push(FrameRow {
                generator: Some(g.clone()),
                code: g.code.clone(),
                line: g.code.firstlineno,
            }),
            CoroState::Running => {
                let running = vm.frames.iter().rev().find(|f| {
                    f.generator
                        .as_ref()
                        .is_some_and(|fg| LeanRc::ptr_eq(fg, &g))
                });
                let line = running.map_or(g.code.firstlineno, |f| f.current_line());
                rows.push(FrameRow {
                    generator: Some(g.clone()),
                    code: g.code.clone(),
                    line,
                });
            }
            CoroState::Suspended => {
                let Some(line) = g.parked_line() else { break };
                rows.push(FrameRow {
                    generator: Some(g.clone()),
                    code: g.code.clone(),
                    line,
                });
                cur = g.awaiting();
            }
        }
    }
    rows
}

/// The frames that are running now, from `skip` frames below the top of the frame
/// stack down to the coroutine at the bottom of the running Task (the first
/// generator-like frame whose caller is not one), like CPython's walk of
/// `sys._getframe(depth)` in `capture_call_graph`. Innermost first.
pub fn running_chain(vm: &Vm, skip: usize) -> Vec<FrameRow> {
    let frames = &vm.frames;
    let mut rows = Vec::new();
    let top = frames.len().saturating_sub(skip);
    for i in (0..top).rev() {
        let frame = &frames[i];
        rows.push(FrameRow {
            generator: frame.generator.clone(),
            code: frame.code.clone(),
            line: frame.current_line(),
        });
        if frame.generator.is_some() {
            let caller_is_generator = i > 0 && frames[i - 1].generator.is_some();
            if !caller_is_generator {
                break;
            }
        }
        if rows.len() >= MAX_ROWS {
            break;
        }
    }
    rows
}

fn rows_value(rows: &[FrameRow]) -> Value {
    Value::list(rows.iter().map(FrameRow::to_value).collect())
}

/// `_asyncio.awaiting_frames(coro)`: the rows of `suspended_chain`, outermost first.
pub fn awaiting_frames(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let [coro] = args else {
        return Err(PyErr::type_error(format!(
            "awaiting_frames() takes exactly one argument ({} given)",
            args.len()
        )));
    };
    Ok(rows_value(&suspended_chain(vm, coro)))
}

/// `_asyncio.running_frames(depth)`: the rows of `running_chain`, innermost first;
/// depth 0 is the Baton function that calls this native.
pub fn running_frames(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let [depth] = args else {
        return Err(PyErr::type_error(format!(
            "running_frames() takes exactly one argument ({} given)",
            args.len()
        )));
    };
    let depth = match depth {
        Value::Int(n) if *n >= 0 => *n as usize,
        Value::Int(_) => 0,
        other => {
            return Err(PyErr::type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                vm.type_name(other)
            )))
        }
    };
    Ok(rows_value(&running_chain(vm, depth)))
}
