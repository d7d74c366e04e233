//! Running the event loop for a host that must stay responsive, such as the REPL: one
//! cycle at a time, and only when a cycle would not block. Where `run_forever` sleeps
//! until the next timer (or reports a deadlock when nothing is scheduled), the host is
//! told how long it may wait instead, so it can wait for its own events (a line typed
//! at the prompt) at the same time.

use super::core::{get, names, set, truthy};
use super::eventloop;
use crate::vm::error::PyResult;
use crate::vm::value::Value;
use crate::vm::Vm;

/// What the loop needs next, as seen between two cycles.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Next {
    /// A callback is ready or a timer is due: a cycle will run now without waiting.
    Run,
    /// Nothing is ready; the earliest live timer is due in this many seconds.
    Timer(f64),
    /// Nothing is ready and no timer is pending.
    Nothing,
}

/// Says what the loop needs next, first dropping cancelled timers from the top of the
/// timer heap (as a cycle would).
pub fn next(vm: &mut Vm, loop_: &Value) -> PyResult<Next> {
    let ready = names(|n| get(loop_, &n.ready));
    if matches!(&ready, Some(Value::List(l)) if !l.borrow().is_empty()) {
        return Ok(Next::Run);
    }
    let Some(Value::List(sched)) = names(|n| get(loop_, &n.scheduled)) else {
        return Ok(Next::Nothing);
    };
    loop {
        let top = sched.borrow().first().cloned();
        let Some(top) = top else {
            return Ok(Next::Nothing);
        };
        let cancelled = names(|n| get(&super::eventloop::timer_handle(&top), &n.cancelled));
        if truthy(vm, &cancelled)? {
            eventloop::heappop(vm, &[Value::List(sched.clone())], &[])?;
            names(|n| {
                let c = match get(loop_, &n.timer_cancelled_count) {
                    Some(Value::Int(i)) => i,
                    _ => 0,
                };
                set(loop_, &n.timer_cancelled_count, Value::Int((c - 1).max(0)));
            });
            continue;
        }
        let delay = super::eventloop::timer_when(&top) - super::now();
        return Ok(if delay <= 0.0 {
            Next::Run
        } else {
            Next::Timer(delay)
        });
    }
}

/// Runs one cycle of the loop if it would not block (see `next`); returns what the loop
/// needed before the cycle. Never sleeps and never reports a deadlock.
pub fn run_once_if_ready(vm: &mut Vm, loop_: &Value) -> PyResult<Next> {
    let n = next(vm, loop_)?;
    if n == Next::Run {
        eventloop::run_once_native(vm, std::slice::from_ref(loop_), &[])?;
    }
    Ok(n)
}
