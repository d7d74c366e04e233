//! Asynchronous requests for the run loop's attention: Ctrl-C (KeyboardInterrupt in the
//! running program) and finalization work left by destroyed generators. The loop
//! checks `attention()` on its general path and on backward jumps, so even a tight
//! `while True: pass` can be interrupted; a blocking wait (`time.sleep`, the event
//! loop's wait for its next timer) goes through [`sleep`], which a Ctrl-C cuts short.
//!
//! A script ended by an uncaught KeyboardInterrupt prints its traceback and then dies
//! of SIGINT, as CPython does (so a shell loop around it stops too): the runner marks
//! it (`end_by_interrupt`), and the command line re-raises the signal
//! (`exit_by_interrupt`).

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Condvar, Mutex};
use std::time::{Duration, Instant};

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

/// Is a Ctrl-C waiting to be raised?
pub fn interrupt_pending() -> bool {
    INTERRUPTED.load(Ordering::Relaxed)
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
/// (the REPL's and the script runner's behaviour). The handler runs on a thread of its
/// own (the `ctrlc` crate's), which may take locks: it also wakes a [`sleep`].
pub fn install_interrupt_handler() {
    let _ = ctrlc::set_handler(|| {
        INTERRUPTED.store(true, Ordering::Relaxed);
        ATTENTION.store(true, Ordering::Relaxed);
        let _guard = SLEEP_LOCK.lock().unwrap_or_else(|e| e.into_inner());
        WAKE_SLEEPER.notify_all();
    });
}

/// What a [`sleep`] waits on: the interrupt handler notifies it under the lock, so a
/// Ctrl-C that comes between the sleeper's check of the flag and its wait still wakes
/// it.
static SLEEP_LOCK: Mutex<()> = Mutex::new(());
static WAKE_SLEEPER: Condvar = Condvar::new();

/// Blocks the calling thread for `duration`, or until a Ctrl-C arrives. Returns true
/// when a Ctrl-C is pending (it is left pending: `Vm::attend` raises it).
pub fn sleep(duration: Duration) -> bool {
    let deadline = Instant::now().checked_add(duration);
    let mut guard = SLEEP_LOCK.lock().unwrap_or_else(|e| e.into_inner());
    loop {
        if INTERRUPTED.load(Ordering::Relaxed) {
            return true;
        }
        let now = Instant::now();
        let left = match deadline {
            Some(d) if d <= now => return false,
            Some(d) => d - now,
            // Beyond the clock's range: wait a long while at a time.
            None => Duration::from_secs(1 << 20),
        };
        guard = WAKE_SLEEPER
            .wait_timeout(guard, left)
            .map(|(g, _)| g)
            .unwrap_or_else(|e| e.into_inner().0);
    }
}

/// Set when the program ended with an uncaught KeyboardInterrupt.
static ENDED_BY_INTERRUPT: AtomicBool = AtomicBool::new(false);

/// Records that the program ended with an uncaught KeyboardInterrupt (its traceback
/// printed).
pub fn end_by_interrupt() {
    ENDED_BY_INTERRUPT.store(true, Ordering::Relaxed);
}

/// Did the program end with an uncaught KeyboardInterrupt?
pub fn ended_by_interrupt() -> bool {
    ENDED_BY_INTERRUPT.load(Ordering::Relaxed)
}

/// Ends the process as SIGINT's default action does, as CPython does after printing
/// an uncaught KeyboardInterrupt: the parent sees a death by signal, not an exit
/// status. Where the signal cannot be raised, returns the conventional status 130
/// (128 + SIGINT) to exit with.
pub fn exit_by_interrupt() -> i32 {
    #[cfg(unix)]
    // SAFETY: restoring SIGINT's default disposition and raising it on this process;
    // nothing else in the process relies on the handler any more.
    unsafe {
        libc::signal(libc::SIGINT, libc::SIG_DFL);
        libc::raise(libc::SIGINT);
    }
    130
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
            // A handler (`asyncio.run`'s) decides; it may raise KeyboardInterrupt
            // itself.
            if !self.interrupt_handler.is_none() {
                let handler = self.interrupt_handler.clone();
                return self.call(&handler, Vec::new()).map(drop);
            }
            return Err(crate::vm::PyErr::with_args(
                crate::vm::ExcType::KeyboardInterrupt,
                Vec::new(),
            ));
        }
        Ok(())
    }

    /// Blocks for `duration` (`time.sleep`, the event loop's wait for its next
    /// timer), its output flushed first; a Ctrl-C ends the wait as `attend` serves it
    /// (KeyboardInterrupt, or the handler `asyncio.run` set).
    pub fn sleep_interruptibly(&mut self, duration: Duration) -> crate::vm::PyResult<()> {
        self.flush_stdout();
        if sleep(duration) {
            self.attend()?;
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
