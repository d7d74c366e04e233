//! The step budget (`baton --max-steps N`, `Vm::set_max_steps`): a bound on how long a
//! program may run, so that fuzzed or generated programs with infinite loops end.
//!
//! A *step* is one backward jump (the end of a loop iteration, or a `continue`) or one
//! frame entry (a call of a Baton function, method, class body or module body, and every
//! resumption of a generator or coroutine). A program that never stops must take
//! infinitely many of one of these: straight-line code between them is finite, and
//! the compiler emits loops only as unconditional backward `Jump`s
//! (`compile::verify` checks it). Native work between steps (a big sort, a big-int
//! power) is not counted.
//!
//! Counting is one decrement in `count_step`, called from the few places where those
//! events happen (the general path's `Jump`, `enter_frame`, `call.rs`, the resume gate,
//! `run_code`). While a budget is set the attention flag (`signals.rs`) stays raised, so
//! the fast path hands every backward jump to the general path, where it is counted,
//! and serves attention after every call and return. When the budget runs out,
//! `attend` raises KeyboardInterrupt (so `except Exception` cannot swallow it), and it
//! raises it again every time the loop serves attention (every backward jump, call,
//! return and general-path instruction) until the program has unwound, so no handler
//! can keep it running; the runner then reports the exhausted budget instead of the
//! traceback (exit status [`EXIT_BUDGET`]). Without a budget the counter starts at `u64::MAX` and the only cost
//! is the decrement.

use crate::vm::{ExcType, PyErr, PyResult, Vm};

/// The exit status of a program stopped by its step budget.
pub const EXIT_BUDGET: i32 = 3;

/// A VM's step budget.
pub struct Budget {
    /// Steps left plus one: the step that brings it to 0 is one too many.
    left: u64,
    limit: Option<u64>,
    exhausted: bool,
    /// Set by `halt`: the exit status the program ends with.
    halted: Option<i32>,
}

impl Default for Budget {
    fn default() -> Self {
        Budget {
            left: u64::MAX,
            limit: None,
            exhausted: false,
            halted: None,
        }
    }
}

impl Vm {
    /// Bounds the program to `max` steps (None: unbounded). Setting a budget keeps the
    /// run loop's attention flag raised for the rest of the process (see the module
    /// documentation), which slows the fast path a little.
    pub fn set_max_steps(&mut self, max: Option<u64>) {
        self.budget = Budget {
            left: max.map_or(u64::MAX, |n| n.saturating_add(1)),
            limit: max,
            exhausted: false,
            halted: self.budget.halted,
        };
        if max.is_some() {
            crate::vm::signals::keep_attention();
        }
    }

    /// The budget set by `set_max_steps`.
    pub fn max_steps(&self) -> Option<u64> {
        self.budget.limit
    }

    /// Steps taken since the budget was set (or since the VM started).
    pub fn steps_taken(&self) -> u64 {
        match self.budget.limit {
            Some(n) => n.saturating_add(1) - self.budget.left,
            None => u64::MAX - self.budget.left,
        }
    }

    /// Did the program try to take more steps than its budget allows?
    pub fn budget_exhausted(&self) -> bool {
        self.budget.exhausted
    }

    /// Counts one step (a backward jump or a frame entry).
    #[inline(always)]
    pub(crate) fn count_step(&mut self) {
        self.budget.left = self.budget.left.wrapping_sub(1);
        if self.budget.left == 0 {
            self.budget_spent();
        }
    }

    #[cold]
    #[inline(never)]
    fn budget_spent(&mut self) {
        self.budget.exhausted = true;
        // The next step comes back here, so the stop is raised again there.
        self.budget.left = 1;
        crate::vm::signals::request_attention();
    }

    /// Ends the program with exit status `code` without ending the process (the
    /// deadlock report, where CPython would hang): returns a `SystemExit(code)` to
    /// raise, and from then on every attention point raises it again, before any
    /// finalizer runs, so nothing more of the program runs. The runner then returns
    /// `code` and prints nothing more; the REPL ends as on `sys.exit(code)`.
    pub fn halt(&mut self, code: i32) -> PyErr {
        self.budget.halted = Some(code);
        crate::vm::signals::keep_attention();
        PyErr::with_args(
            ExcType::SystemExit,
            vec![crate::vm::Value::Int(code as i64)],
        )
    }

    /// The exit status given to `halt`, once the program has been halted.
    pub fn halted(&self) -> Option<i32> {
        self.budget.halted
    }

    /// Raises the stop once the program was halted or the budget is exhausted (called
    /// first by `attend`).
    pub(crate) fn check_stop(&self) -> PyResult<()> {
        if let Some(code) = self.budget.halted {
            return Err(PyErr::with_args(
                ExcType::SystemExit,
                vec![crate::vm::Value::Int(code as i64)],
            ));
        }
        if self.budget.exhausted {
            return Err(PyErr::new(
                ExcType::KeyboardInterrupt,
                self.budget_message(),
            ));
        }
        Ok(())
    }

    /// The runner's report of an exhausted budget.
    pub fn budget_message(&self) -> String {
        format!(
            "step budget exhausted: the program took more than {} steps (--max-steps)",
            self.budget.limit.unwrap_or(u64::MAX)
        )
    }
}
