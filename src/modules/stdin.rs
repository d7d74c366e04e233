//! Standard input for `input()`: one line at a time, read from file descriptor 0
//! through a buffer of its own, waiting for input in short slices so that a Ctrl-C
//! ends the wait with KeyboardInterrupt at once (as it does in CPython), rather than
//! after the next line arrives.
//!
//! The descriptor is read directly, not through the standard library's buffered
//! `Stdin`: bytes that buffer held would be invisible to the wait, which would then
//! block on an empty pipe with the next line already read.

/// How long one wait for input lasts before the interrupt flag is looked at again.
#[cfg(unix)]
const WAIT_SLICE_MS: i32 = 50;

/// Bytes read from stdin and not yet returned as a line.
static PENDING: std::sync::Mutex<Vec<u8>> = std::sync::Mutex::new(Vec::new());

/// What reading a line gave.
pub enum Line {
    /// A line, without its `\n` for `read_line` (a `\r` before it stays, as in
    /// CPython).
    Text(Vec<u8>),
    /// End of input before any character of a line.
    Eof,
    /// A Ctrl-C arrived while waiting (it is left pending).
    Interrupted,
}

/// Reads the next line of standard input (for `input()`: without its `\n`).
pub fn read_line() -> std::io::Result<Line> {
    next_line(false)
}

/// Reads the next line of standard input as a file's `readline` gives it: with its
/// `\n`, when it has one.
pub fn read_line_whole() -> std::io::Result<Line> {
    next_line(true)
}

fn next_line(keep_newline: bool) -> std::io::Result<Line> {
    let mut pending = PENDING.lock().unwrap_or_else(|e| e.into_inner());
    loop {
        if let Some(at) = pending.iter().position(|&b| b == b'\n') {
            let mut line: Vec<u8> = pending.drain(..=at).collect();
            if !keep_newline {
                line.pop();
            }
            return Ok(Line::Text(line));
        }
        if !wait_readable()? {
            return Ok(Line::Interrupted);
        }
        let mut chunk = [0u8; 4096];
        let n = match read_fd0(&mut chunk) {
            Ok(n) => n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if n == 0 {
            // End of input: what is left is the last line, if anything.
            if pending.is_empty() {
                return Ok(Line::Eof);
            }
            return Ok(Line::Text(std::mem::take(&mut *pending)));
        }
        pending.extend_from_slice(&chunk[..n]);
    }
}

/// Waits until stdin has something to read (or is at its end); false when a Ctrl-C
/// came first.
#[cfg(unix)]
fn wait_readable() -> std::io::Result<bool> {
    loop {
        if crate::vm::signals::interrupt_pending() {
            return Ok(false);
        }
        let mut fd = libc::pollfd {
            fd: 0,
            events: libc::POLLIN,
            revents: 0,
        };
        // SAFETY: one valid pollfd, for the duration of the call.
        let r = unsafe { libc::poll(&mut fd, 1, WAIT_SLICE_MS) };
        if r > 0 {
            return Ok(true);
        }
        if r < 0 {
            let e = std::io::Error::last_os_error();
            if e.kind() != std::io::ErrorKind::Interrupted {
                return Err(e);
            }
        }
    }
}

/// One `read` of file descriptor 0.
#[cfg(unix)]
fn read_fd0(buf: &mut [u8]) -> std::io::Result<usize> {
    // SAFETY: `buf` is valid for writes of its length for the duration of the call.
    let n = unsafe { libc::read(0, buf.as_mut_ptr().cast(), buf.len()) };
    usize::try_from(n).map_err(|_| std::io::Error::last_os_error())
}

#[cfg(not(unix))]
fn read_fd0(buf: &mut [u8]) -> std::io::Result<usize> {
    use std::io::Read;
    std::io::stdin().lock().read(buf)
}

#[cfg(not(unix))]
fn wait_readable() -> std::io::Result<bool> {
    Ok(!crate::vm::signals::interrupt_pending())
}
