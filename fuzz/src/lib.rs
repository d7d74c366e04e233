//! Shared helpers of the fuzz targets: running each input on one long-lived thread with
//! the interpreter's large stack (the parser and compiler recurse up to the depth limits,
//! which an 8 MiB main thread under AddressSanitizer cannot always hold; the real binary
//! always runs them on `baton::run::STACK_SIZE`), and the step budget the `run` target
//! gives every program.

use std::sync::mpsc::{channel, Receiver, Sender};
use std::sync::{Mutex, OnceLock};

type Job = Box<dyn FnOnce() + Send>;

struct Worker {
    jobs: Sender<Job>,
    done: Receiver<()>,
}

static WORKER: OnceLock<Mutex<Worker>> = OnceLock::new();

fn worker() -> &'static Mutex<Worker> {
    WORKER.get_or_init(|| {
        let (jobs, job_rx) = channel::<Job>();
        let (done_tx, done) = channel::<()>();
        std::thread::Builder::new()
            .name("fuzz-worker".into())
            .stack_size(baton::run::STACK_SIZE)
            .spawn(move || {
                for job in job_rx {
                    job();
                    if done_tx.send(()).is_err() {
                        break;
                    }
                }
            })
            .expect("cannot start the fuzz worker thread");
        Mutex::new(Worker { jobs, done })
    })
}

/// Runs `f` to completion on the big-stack worker thread. A panic there aborts the
/// process (the fuzz profile has `panic = "abort"`), which libFuzzer reports as a crash.
pub fn on_big_stack(f: impl FnOnce() + Send + 'static) {
    let w = worker().lock().expect("fuzz worker lock poisoned");
    w.jobs.send(Box::new(f)).expect("fuzz worker gone");
    w.done.recv().expect("fuzz worker gone");
}

/// Steps (backward jumps + frame entries, see docs/architecture.md) a fuzzed program
/// may take before it is stopped.
pub const FUZZ_MAX_STEPS: u64 = 20_000;
