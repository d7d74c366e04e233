//! Asynchronous requests for the run loop's attention: Ctrl-C (KeyboardInterrupt in the
//! running program) and finalization work left by destroyed generators. The loop
//! checks `attention()` on its general path and on backward jumps, so even a tight
//! `while True: pass` can be interrupted.

use std::sync::atomic::{AtomicBool, Ordering};

static INTERRUPTED: AtomicBool = AtomicBool::new(false);
/// Set whenever there is something to serve; one load tells the run loop.
static ATTENTION: AtomicBool = AtomicBool::new(false);
/// Keeps ATTENTION raised after it is served (a step budget is set: `budget.rs`).
static KEEP: AtomicBool = AtomicBool::new(false);

/// Is there something the run loop must do before its next instruction?
#[inline(always)]
pub fn attention() -> bool {
    ATTENTION.load(Ordering::Relaxed)
}

/// Asks the run loop to call `Vm::attend` soon.
pub fn request_attention() {
    ATTENTION.store(true, Ordering::Relaxed);
}

/// Keeps the attention flag raised for the rest of the process, so that the run loop
/// serves attention at every backward jump, call and return (the step budget counts
/// there).
pub fn keep_attention() {
    KEEP.store(true, Ordering::Relaxed);
    ATTENTION.store(true, Ordering::Relaxed);
}

/// Takes a pending Ctrl-C, if any.
pub fn take_interrupt() -> bool {
    INTERRUPTED.swap(false, Ordering::Relaxed)
}

/// Raises a pending Ctrl-C from the host (the REPL forwards one typed at the prompt to
/// background code that has been running for a while).
pub fn interrupt() {
    INTERRUPTED.store(true, Ordering::Relaxed);
    ATTENTION.store(true, Ordering::Relaxed);
}

pub fn clear_interrupt() {
    INTERRUPTED.store(false, Ordering::Relaxed);
}

/// Makes Ctrl-C raise KeyboardInterrupt in running code instead of ending the process
/// (the REPL's behaviour).
pub fn install_interrupt_handler() {
    let _ = ctrlc::set_handler(|| {
        INTERRUPTED.store(true, Ordering::Relaxed);
        ATTENTION.store(true, Ordering::Relaxed);
    });
}

impl crate::vm::Vm {
    /// Serves what `attention()` reported: a halt or an exhausted step budget, then
    /// finalizers, then a pending interrupt.
    pub fn attend(&mut self) -> crate::vm::PyResult<()> {
        ATTENTION.store(KEEP.load(Ordering::Relaxed), Ordering::Relaxed);
        // A halted program or an exhausted budget stops before anything else runs.
        self.check_stop()?;
        self.run_finalizers();
        if take_interrupt() {
            return Err(crate::vm::PyErr::with_args(
                crate::vm::ExcType::KeyboardInterrupt,
                Vec::new(),
            ));
        }
        Ok(())
    }

    /// Writes a line to standard output (buffered).
    pub fn print_line(&mut self, text: &str) {
        use std::io::Write;
        let _ = self.stdout.write_all(text.as_bytes());
        let _ = self.stdout.write_all(b"\n");
    }
}
