//! Where the VM's standard output and standard error go. By default, the process's
//! streams; a host running the VM on its own thread may install a sink for the thread
//! instead (the REPL does, so that output printed by background tasks while a prompt
//! is shown can go above the line being edited).

use std::cell::RefCell;
use std::io::Write;

/// The two output streams of a program.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stream {
    Stdout,
    Stderr,
}

/// Receives everything the VM writes, in order, while installed.
pub type Sink = Box<dyn FnMut(Stream, &[u8])>;

thread_local! {
    static SINK: RefCell<Option<Sink>> = const { RefCell::new(None) };
}

/// Sends this thread's VM output to `sink` from now on (`None`: the process's streams).
pub fn set_sink(sink: Option<Sink>) {
    SINK.with(|s| *s.borrow_mut() = sink);
}

/// Writes to the sink if one is installed; false when there is none.
fn to_sink(stream: Stream, bytes: &[u8]) -> bool {
    SINK.with(|s| match s.try_borrow_mut() {
        Ok(mut s) => match s.as_mut() {
            Some(f) => {
                f(stream, bytes);
                true
            }
            None => false,
        },
        Err(_) => false,
    })
}

/// The writer behind `Vm::stdout` (which buffers it).
pub struct Stdout;

impl Write for Stdout {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if to_sink(Stream::Stdout, buf) {
            return Ok(buf.len());
        }
        std::io::stdout().write(buf)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        std::io::stdout().flush()
    }
}

/// Writes text to standard error (or the sink).
pub fn write_stderr(bytes: &[u8]) {
    if !to_sink(Stream::Stderr, bytes) {
        let _ = std::io::stderr().write_all(bytes);
    }
}
