//! The REPL driven through a real pseudo-terminal (portable-pty), as a person would use
//! it: blocks, echo and `_`, tracebacks, Ctrl-C and Ctrl-D, the history file,
//! top-level await, a background task printing while the prompt waits, `%tasks`,
//! `%state`, `%dis`, colours and `NO_COLOR`, and bad input (unterminated strings and
//! brackets, mixed indentation, a 1 MB line, invalid UTF-8, a resize mid-line, an
//! unreadable or corrupt history file). Piped stdin runs as a program, without prompts.
//!
//! Every wait is bounded (`WAIT`), and waits for output rather than sleeping: CI runs
//! on a loaded 2-core machine. On failure the transcript so far is printed.

mod common;

use common::{run, Exit, TempDir, TIMEOUT};
use portable_pty::{native_pty_system, Child, CommandBuilder, MasterPty, PtySize};
use std::io::{Read, Write};
use std::sync::{Arc, Condvar, Mutex};
use std::time::{Duration, Instant};

/// The longest any one expectation waits.
const WAIT: Duration = Duration::from_secs(40);

/// Everything the child wrote to the terminal, and whether it has closed.
#[derive(Default)]
struct Screen {
    bytes: Vec<u8>,
    closed: bool,
}

struct Repl {
    master: Box<dyn MasterPty + Send>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn Child + Send + Sync>,
    screen: Arc<(Mutex<Screen>, Condvar)>,
    /// How much of the cleaned transcript the expectations have consumed.
    seen: usize,
    home: TempDir,
}

/// The transcript without carriage returns and terminal control sequences (CSI and
/// OSC), so that expectations read like the screen.
fn clean(bytes: &[u8]) -> String {
    let text = String::from_utf8_lossy(bytes);
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {}
            '\x1b' => match chars.peek() {
                Some('[') => {
                    chars.next();
                    for c in chars.by_ref() {
                        if ('\x40'..='\x7e').contains(&c) {
                            break;
                        }
                    }
                }
                Some(']') => {
                    for c in chars.by_ref() {
                        if c == '\x07' {
                            break;
                        }
                    }
                }
                _ => {
                    chars.next();
                }
            },
            c => out.push(c),
        }
    }
    out
}

/// The largest char boundary of `text` at or before `at`.
fn boundary(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

impl Repl {
    fn start() -> Repl {
        Repl::start_with(&[("NO_COLOR", "1")])
    }

    /// Starts `baton` on a fresh terminal (80x24, TERM=xterm-256color), with HOME and
    /// the history file in a temporary directory, plus `env`.
    fn start_with(env: &[(&str, &str)]) -> Repl {
        let home = TempDir::new("repl");
        let pair = native_pty_system()
            .openpty(PtySize {
                rows: 24,
                cols: 80,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("a pseudo-terminal");
        let mut cmd = CommandBuilder::new(common::baton());
        cmd.cwd(&home.path);
        cmd.env_remove("NO_COLOR");
        cmd.env("HOME", &home.path);
        cmd.env("TERM", "xterm-256color");
        cmd.env("BATON_HISTORY", home.path.join("history"));
        for (k, v) in env {
            cmd.env(k, v);
        }
        let child = pair.slave.spawn_command(cmd).expect("spawn baton");
        drop(pair.slave);
        let mut reader = pair.master.try_clone_reader().expect("pty reader");
        let writer = pair.master.take_writer().expect("pty writer");
        let screen = Arc::new((Mutex::new(Screen::default()), Condvar::new()));
        let shared = screen.clone();
        std::thread::spawn(move || {
            let mut buf = [0u8; 65536];
            loop {
                let n = reader.read(&mut buf).unwrap_or(0);
                let (lock, cv) = &*shared;
                let Ok(mut s) = lock.lock() else { return };
                if n == 0 {
                    s.closed = true;
                    cv.notify_all();
                    return;
                }
                s.bytes.extend_from_slice(&buf[..n]);
                cv.notify_all();
            }
        });
        let mut repl = Repl {
            master: pair.master,
            writer,
            child,
            screen,
            seen: 0,
            home,
        };
        repl.expect("Type %help");
        repl.prompt();
        repl
    }

    fn raw(&self) -> Vec<u8> {
        self.screen
            .0
            .lock()
            .map(|s| s.bytes.clone())
            .unwrap_or_default()
    }

    fn transcript(&self) -> String {
        clean(&self.raw())
    }

    /// Waits until `needle` appears after what was already consumed; returns the text
    /// up to and including it.
    fn expect(&mut self, needle: &str) -> String {
        let deadline = Instant::now() + WAIT;
        let (lock, cv) = &*self.screen;
        let mut s = lock.lock().expect("screen lock");
        loop {
            let text = clean(&s.bytes);
            let from = boundary(&text, self.seen);
            if let Some(at) = text[from..].find(needle) {
                let end = from + at + needle.len();
                let got = text[from..end].to_string();
                self.seen = end;
                return got;
            }
            let now = Instant::now();
            if s.closed || now >= deadline {
                let rest = &text[from..];
                let tail = &rest[boundary(rest, rest.len().saturating_sub(3000))..];
                if std::env::var_os("REPL_TEST_RAW").is_some() {
                    eprintln!("RAW: {:?}", String::from_utf8_lossy(&s.bytes));
                }
                panic!(
                    "expected {:?} ({}); the transcript after the last match ends with:\n{}",
                    needle,
                    if s.closed {
                        "the terminal closed"
                    } else {
                        "timed out"
                    },
                    tail
                );
            }
            s = cv
                .wait_timeout(s, (deadline - now).min(Duration::from_millis(200)))
                .expect("screen lock")
                .0;
        }
    }

    /// Waits up to `dur` for `needle` in the unconsumed transcript, without consuming.
    fn wait_for(&self, needle: &str, dur: Duration) -> bool {
        let deadline = Instant::now() + dur;
        let (lock, cv) = &*self.screen;
        let Ok(mut s) = lock.lock() else { return false };
        loop {
            let text = clean(&s.bytes);
            if text[boundary(&text, self.seen)..].contains(needle) {
                return true;
            }
            let now = Instant::now();
            if s.closed || now >= deadline {
                return false;
            }
            s = match cv.wait_timeout(s, (deadline - now).min(Duration::from_millis(100))) {
                Ok(r) => r.0,
                Err(_) => return false,
            };
        }
    }

    /// Waits (bounded) until the terminal has been quiet for a moment, then consumes
    /// everything: for after keys whose effects are not all visible (Ctrl-C drops
    /// whatever was typed after it before it is handled).
    fn settle(&mut self) {
        let deadline = Instant::now() + WAIT;
        let mut last = self.raw().len();
        loop {
            std::thread::sleep(Duration::from_millis(300));
            let now = self.raw().len();
            if now == last || Instant::now() >= deadline {
                break;
            }
            last = now;
        }
        self.seen = self.transcript().len();
    }

    /// Waits for a fresh prompt: `>>> ` at the start of a line (a redraw of the line
    /// being edited also shows `>>> `, but not after a newline).
    fn prompt(&mut self) {
        self.expect("\n>>> ");
    }

    fn send(&mut self, bytes: &[u8]) {
        self.writer.write_all(bytes).expect("write to the terminal");
        self.writer.flush().expect("flush the terminal");
    }

    /// Types a line and presses Enter.
    fn line(&mut self, text: &str) {
        self.send(format!("{}\r", text).as_bytes());
    }

    /// Types a line, presses Enter, and returns what was printed before the next
    /// prompt (the echo of the line excluded).
    fn run(&mut self, text: &str) -> String {
        self.line(text);
        // The echo as finally drawn, followed by the newline of Enter (redraws of the
        // line while it was typed are not followed by a newline).
        let echoed = format!("{}\n", text.lines().last().unwrap_or(""));
        self.expect(&echoed);
        // That newline also starts the output (or the next prompt).
        self.seen -= 1;
        let out = self.expect("\n>>> ");
        out[1..out.len() - 4].to_string()
    }

    /// Waits (bounded) for the process to end; its exit code.
    fn wait_exit(&mut self) -> Option<u32> {
        let deadline = Instant::now() + WAIT;
        while Instant::now() < deadline {
            if let Ok(Some(status)) = self.child.try_wait() {
                return Some(status.exit_code());
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        None
    }

    fn assert_no_panic(&self) {
        let t = self.transcript();
        assert!(!t.contains("panicked"), "the REPL panicked:\n{}", t);
        assert!(!t.contains("internal error"), "internal error:\n{}", t);
    }
}

impl Drop for Repl {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[test]
fn multi_line_function_definition() {
    let mut r = Repl::start();
    r.line("def add(a, b):");
    r.expect("... ");
    // The body line is auto-indented: type it without indentation.
    // (If it were not, the definition would be an IndentationError.)
    r.line("total = a + b");
    r.expect("total = a + b");
    r.expect("... ");
    r.line("return total");
    r.expect("return total");
    r.expect("... ");
    r.line("");
    r.prompt();
    assert_eq!(r.run("add(2, 3)"), "5\n");
    r.assert_no_panic();
}

#[test]
fn nested_blocks_and_brackets_continue() {
    let mut r = Repl::start();
    r.line("async def walk(n):");
    r.line("for i in range(n):");
    // Two levels of auto-indent.
    r.expect("...         ");
    r.line("await asyncio.sleep(0)");
    r.line("");
    r.prompt();
    r.line("xs = [1,");
    r.expect("... ");
    r.line("2]");
    r.prompt();
    assert_eq!(r.run("xs"), "[1, 2]\n");
    assert_eq!(r.run("await walk(2)"), "");
    r.assert_no_panic();
}

#[test]
fn expression_echo_and_underscore() {
    let mut r = Repl::start();
    assert_eq!(r.run("6 * 7"), "42\n");
    assert_eq!(r.run("_ + 1"), "43\n");
    assert_eq!(r.run("None"), "");
    assert_eq!(r.run("'a' * 2"), "'aa'\n");
    assert_eq!(r.run("_"), "'aa'\n");
    // Output without a final newline is kept: the prompt goes on the next line.
    assert_eq!(r.run("print('no newline', end='')"), "no newline\n");
    r.assert_no_panic();
}

#[test]
fn tab_completes_names_attributes_and_keywords() {
    let mut r = Repl::start();
    r.run("word = 'abc'");
    // An attribute after a dot, a name in scope, a keyword.
    r.send(b"word.upp\t");
    r.expect("word.upper");
    r.line("()");
    r.expect("'ABC'");
    r.prompt();
    r.send(b"wo\t");
    r.expect("word");
    r.line("");
    r.expect("'abc'");
    r.prompt();
    r.send(b"Non\t");
    r.expect("None");
    r.line(" is None");
    r.expect("True");
    r.prompt();
    r.assert_no_panic();
}

#[test]
fn traceback_then_a_working_prompt() {
    let mut r = Repl::start();
    r.run("x = 5");
    let out = r.run("1 / 0");
    assert!(
        out.contains("Traceback (most recent call last):"),
        "{}",
        out
    );
    assert!(
        out.contains("File \"<python-input-1>\", line 1, in <module>"),
        "{}",
        out
    );
    assert!(
        out.ends_with("ZeroDivisionError: division by zero\n"),
        "{}",
        out
    );
    // State is kept.
    assert_eq!(r.run("x"), "5\n");
    r.assert_no_panic();
}

#[test]
fn ctrl_c_interrupts_a_running_loop() {
    let mut r = Repl::start();
    r.run("n = 1");
    // A Ctrl-C that arrives before the loop starts only clears the block: then try
    // again (bounded).
    let mut interrupted = false;
    for _ in 0..5 {
        r.line("while True: n += 1");
        r.expect("... ");
        r.line("");
        std::thread::sleep(Duration::from_millis(300));
        let mut seen = false;
        for _ in 0..10 {
            r.send(b"\x03");
            if r.wait_for("KeyboardInterrupt", Duration::from_secs(3)) {
                seen = true;
                break;
            }
        }
        assert!(seen, "no KeyboardInterrupt:\n{}", r.transcript());
        let out = r.expect("KeyboardInterrupt");
        r.prompt();
        if out.contains("Traceback (most recent call last):") {
            assert!(out.contains("while True: n += 1"), "{}", out);
            interrupted = true;
            break;
        }
        r.settle();
    }
    assert!(
        interrupted,
        "the loop was never interrupted:\n{}",
        r.transcript()
    );
    r.settle();
    // The session goes on, with the loop's state.
    assert_eq!(r.run("n > 1"), "True\n");
    r.assert_no_panic();
}

#[test]
fn ctrl_c_at_the_prompt_stops_a_task_that_never_yields() {
    let mut r = Repl::start();
    r.line("async def spin():");
    r.line("while True: pass");
    r.line("");
    r.line("");
    r.prompt();
    r.run("t = asyncio.create_task(spin())");
    // The task holds the interpreter; Ctrl-C at the prompt (once it has run for a
    // moment) is sent to it.
    let mut sent = false;
    for _ in 0..20 {
        r.send(b"\x03");
        if r.wait_for("sent to the task", Duration::from_secs(2)) {
            sent = true;
            break;
        }
    }
    assert!(sent, "{}", r.transcript());
    r.expect("KeyboardInterrupt\n");
    r.settle();
    assert_eq!(r.run("t.done()"), "True\n");
    r.assert_no_panic();
}

#[test]
fn ctrl_c_cancels_an_await() {
    let mut r = Repl::start();
    r.line("async def slow():");
    r.line("try:");
    r.line("print('started')");
    r.line("await asyncio.sleep(60)");
    r.send(b"\x08\x08\x08\x08");
    r.line("finally:");
    r.line("print('cleaned up')");
    r.line("");
    r.prompt();
    r.line("await slow()");
    r.expect("await slow()\n");
    // Once it is suspended in the sleep (a Ctrl-C before that is raised wherever the
    // input is, which is right too, but not what this test is about).
    r.expect("started");
    let mut seen = false;
    for _ in 0..10 {
        r.send(b"\x03");
        if r.wait_for("KeyboardInterrupt", Duration::from_secs(3)) {
            seen = true;
            break;
        }
    }
    assert!(seen, "{}", r.transcript());
    // The task was cancelled: its finally block ran.
    let out = r.expect("KeyboardInterrupt");
    assert!(out.contains("cleaned up"), "{}", out);
    r.settle();
    assert_eq!(r.run("2 * 21"), "42\n");
    r.assert_no_panic();
}

#[test]
fn ctrl_c_clears_the_line() {
    let mut r = Repl::start();
    r.send(b"this is not run");
    r.expect("this is not run");
    r.send(b"\x03");
    r.expect("KeyboardInterrupt");
    r.prompt();
    // Inside a block it drops the whole block.
    r.line("if True:");
    r.expect("... ");
    r.send(b"\x03");
    r.expect("KeyboardInterrupt");
    r.prompt();
    assert_eq!(r.run("1 + 1"), "2\n");
    r.assert_no_panic();
}

#[test]
fn ctrl_d_exits() {
    let mut r = Repl::start();
    r.run("x = 1");
    r.send(b"\x04");
    assert_eq!(r.wait_exit(), Some(0), "{}", r.transcript());
    r.assert_no_panic();
}

#[test]
fn exit_and_quit_without_parentheses() {
    for word in ["exit", "quit"] {
        let mut r = Repl::start();
        r.line(word);
        assert_eq!(r.wait_exit(), Some(0), "{}", r.transcript());
    }
    let mut r = Repl::start();
    r.line("import sys; sys.exit(3)");
    assert_eq!(r.wait_exit(), Some(3), "{}", r.transcript());
    // With parentheses too, as CPython's site module provides them.
    let mut r = Repl::start();
    assert_eq!(
        r.run("repr(exit)"),
        "'Use exit() or Ctrl-D (i.e. EOF) to exit'\n"
    );
    r.line("quit(4)");
    assert_eq!(r.wait_exit(), Some(4), "{}", r.transcript());
}

#[test]
fn history_file_is_written_and_read_back() {
    let mut r = Repl::start();
    r.line("def f():");
    r.line("return 7");
    r.line("");
    r.prompt();
    r.run("answer = 41 + 1");
    r.send(b"\x04");
    assert_eq!(r.wait_exit(), Some(0), "{}", r.transcript());
    let path = r.home.path.join("history");
    let text = std::fs::read_to_string(&path).expect("the history file exists");
    assert!(text.contains("answer = 41 + 1"), "{:?}", text);
    assert!(text.contains("def f():"), "{:?}", text);
    // A new session recalls the line with Up.
    let home = std::mem::replace(&mut r.home, TempDir::new("unused"));
    drop(r);
    let mut r2 = Repl::start_with(&[
        ("NO_COLOR", "1"),
        ("BATON_HISTORY", path.to_str().unwrap_or_default()),
    ]);
    r2.send(b"\x1b[A\r");
    r2.expect("answer = 41 + 1");
    r2.prompt();
    assert_eq!(r2.run("answer"), "42\n");
    drop(home);
}

#[test]
fn empty_history_variable_disables_history() {
    let mut r = Repl::start_with(&[("NO_COLOR", "1"), ("BATON_HISTORY", "")]);
    r.run("x = 1");
    r.send(b"\x04");
    assert_eq!(r.wait_exit(), Some(0));
    assert!(!r.home.path.join(".baton_history").exists());
    assert!(!r.home.path.join("history").exists());
}

#[test]
fn top_level_await() {
    let mut r = Repl::start();
    assert_eq!(r.run("await asyncio.sleep(0.01)"), "");
    assert_eq!(r.run("await asyncio.sleep(0.01, 'slept')"), "'slept'\n");
    assert_eq!(r.run("_"), "'slept'\n");
    r.line("async def double(x):");
    r.line("await asyncio.sleep(0)");
    r.line("return 2 * x");
    r.line("");
    r.prompt();
    assert_eq!(r.run("y = await double(21)"), "");
    assert_eq!(r.run("y"), "42\n");
    assert_eq!(r.run("[await double(i) for i in range(3)]"), "[0, 2, 4]\n");
    let out = r.run("await asyncio.sleep('x')");
    assert!(out.contains("TypeError"), "{}", out);
    r.assert_no_panic();
}

#[test]
fn background_task_prints_while_the_prompt_waits() {
    let mut r = Repl::start();
    r.line("async def ticker():");
    r.line("for i in range(3):");
    r.line("await asyncio.sleep(0.2)");
    r.line("print('tick', i)");
    r.line("");
    r.line("");
    r.prompt();
    r.run("t = asyncio.create_task(ticker())");
    // Nothing more is typed: the ticks appear while the prompt waits.
    r.expect("tick 0");
    // A half-typed line survives the output printed above it.
    r.send(b"x = 4");
    r.expect("tick 2");
    r.line("2");
    r.expect("x = 42");
    r.prompt();
    assert_eq!(r.run("x"), "42\n");
    assert_eq!(r.run("t.done()"), "True\n");
    r.assert_no_panic();
}

#[test]
fn tasks_table() {
    let mut r = Repl::start();
    r.line("async def worker():");
    r.line("await asyncio.sleep(60)");
    r.line("");
    r.prompt();
    r.run("t = asyncio.create_task(worker(), name='worker-1')");
    r.run("await asyncio.sleep(0)");
    let out = r.run("%tasks");
    let mut lines = out.lines();
    let header = lines.next().unwrap_or_default();
    assert!(
        header.starts_with("name") && header.contains("state"),
        "{}",
        out
    );
    assert!(
        header.contains("suspended at") && header.contains("awaits"),
        "{}",
        out
    );
    let row = lines
        .find(|l| l.starts_with("worker-1"))
        .unwrap_or_else(|| panic!("no row for the task:\n{}", out));
    assert!(row.contains("waiting"), "{}", out);
    assert!(row.contains("<python-input-0>:2 in worker()"), "{}", out);
    assert!(row.contains("sleep()"), "{}", out);
    r.run("t.cancel()");
    r.run("await asyncio.sleep(0)");
    assert!(!r.run("%tasks").contains("worker-1"));
    r.assert_no_panic();
}

#[test]
fn state_of_a_suspended_coroutine() {
    let mut r = Repl::start();
    r.line("async def worker(n):");
    r.line("total = n * 2");
    r.line("await asyncio.sleep(60)");
    r.line("");
    r.prompt();
    r.run("t = asyncio.create_task(worker(5), name='w')");
    r.run("await asyncio.sleep(0)");
    let out = r.run("%state t");
    assert!(out.starts_with("coroutine worker"), "{}", out);
    assert!(out.contains("state:    CORO_SUSPENDED"), "{}", out);
    assert!(out.contains("line:     3"), "{}", out);
    assert!(out.contains("f_lasti:"), "{}", out);
    assert!(out.contains("n = 5"), "{}", out);
    assert!(out.contains("total = 10"), "{}", out);
    assert!(out.contains("awaits:   <coroutine object sleep"), "{}", out);
    // A generator driven by hand.
    r.line("def count():");
    r.line("i = 0");
    r.line("while True:");
    r.line("i += 1");
    r.line("yield i");
    r.line("");
    r.prompt();
    r.run("g = count(); next(g); next(g)");
    let out = r.run("%state g");
    assert!(out.contains("GEN_SUSPENDED"), "{}", out);
    assert!(out.contains("i = 2"), "{}", out);
    let out = r.run("%state 42");
    assert!(out.contains("%state needs a coroutine"), "{}", out);
    r.assert_no_panic();
}

#[test]
fn dis_and_help() {
    let mut r = Repl::start();
    r.line("def f(x):");
    r.line("return x + 1");
    r.line("");
    r.prompt();
    let out = r.run("%dis f");
    assert!(
        out.contains("LoadFast") || out.contains("LOAD_FAST"),
        "{}",
        out
    );
    assert!(out.contains("Return"), "{}", out);
    let out = r.run("%help");
    assert!(out.contains("%tasks") && out.contains("%state") && out.contains("%dis"));
    let out = r.run("%nope");
    assert!(out.contains("unknown command %nope"), "{}", out);
    r.assert_no_panic();
}

#[test]
fn asyncio_run_gives_a_hint() {
    let mut r = Repl::start();
    r.line("async def main():");
    r.line("return 1");
    r.line("");
    r.prompt();
    let out = r.run("asyncio.run(main())");
    assert!(
        out.contains("RuntimeError: asyncio.run() cannot be called from a running event loop"),
        "{}",
        out
    );
    assert!(
        out.contains("hint:") && out.contains("await main()"),
        "{}",
        out
    );
    assert_eq!(r.run("await main()"), "1\n");
    r.assert_no_panic();
}

#[test]
fn deadlock_at_the_prompt_reports_and_returns() {
    let mut r = Repl::start();
    r.run("f = asyncio.get_running_loop().create_future()");
    let out = r.run("await f");
    assert!(
        out.contains("Deadlock: no task can make progress"),
        "{}",
        out
    );
    assert!(out.contains("<python-input-1>:1"), "{}", out);
    assert_eq!(r.run("1 + 2"), "3\n");
    r.assert_no_panic();
}

/// SGR sequences (colours): ESC [ digits/semicolons m.
fn has_colour(bytes: &[u8]) -> bool {
    let text = String::from_utf8_lossy(bytes);
    let mut rest = &text[..];
    while let Some(at) = rest.find("\x1b[") {
        let tail = &rest[at + 2..];
        let params = tail
            .find(|c: char| !(c.is_ascii_digit() || c == ';'))
            .unwrap_or(tail.len());
        if tail[params..].starts_with('m') {
            return true;
        }
        rest = tail;
    }
    false
}

const COLOURFUL: &str = "def f(): return 'text' + str(12)  # comment";

#[test]
fn input_is_coloured_on_a_capable_terminal() {
    let mut r = Repl::start_with(&[]);
    r.line(COLOURFUL);
    r.line("");
    r.prompt();
    assert_eq!(r.run("f()"), "'text12'\n");
    assert!(has_colour(&r.raw()), "{:?}", r.raw());
}

#[test]
fn no_color_output_has_no_colour_codes() {
    for env in [&[("NO_COLOR", "1")][..], &[("TERM", "dumb")][..]] {
        let mut r = Repl::start_with(env);
        r.line(COLOURFUL);
        r.expect("... ");
        r.line("");
        r.expect(">>> ");
        let out = r.run("f()");
        assert_eq!(out, "'text12'\n");
        r.run("1/0");
        assert!(!has_colour(&r.raw()), "{:?}: {:?}", env, r.transcript());
    }
}

#[test]
fn piped_stdin_runs_as_a_program() {
    let result = run(
        std::process::Command::new(common::baton()).env("HOME", std::env::temp_dir()),
        Some(b"def f():\n    return 2\n\nx = f()\nprint(x * 21)\nimport asyncio\nasync def m():\n    await asyncio.sleep(0)\n    print('async ok')\nasyncio.run(m())\n"),
        TIMEOUT,
    );
    result.assert_no_panic();
    assert_eq!(result.exit, Exit::Code(0), "{}", result.describe());
    assert_eq!(result.stdout_text(), "42\nasync ok\n");
    assert!(!result.stdout_text().contains(">>>"));
    // An error ends the program with status 1 (no prompt to return to).
    let result = run(
        &mut std::process::Command::new(common::baton()),
        Some(b"print(1)\n1/0\nprint(2)\n"),
        TIMEOUT,
    );
    assert_eq!(result.exit, Exit::Code(1), "{}", result.describe());
    assert_eq!(result.stdout_text(), "1\n");
    assert!(result.stderr_text().contains("ZeroDivisionError"));
}

// ---- bad input ----------------------------------------------------------------------

#[test]
fn unterminated_string_and_bracket() {
    let mut r = Repl::start();
    let out = r.run("s = 'abc");
    assert!(
        out.contains("SyntaxError: unterminated string literal (detected at line 1)"),
        "{}",
        out
    );
    // An open bracket asks for more; a blank line inside it is allowed.
    r.line("xs = (1,");
    r.expect("... ");
    r.line("");
    r.expect("... ");
    r.line("2)");
    r.prompt();
    assert_eq!(r.run("xs"), "(1, 2)\n");
    // A triple-quoted string spans lines.
    r.line("t = '''a");
    r.expect("... ");
    r.line("b'''");
    r.prompt();
    assert_eq!(r.run("t"), "'a\\nb'\n");
    // Ctrl-D inside an open bracket ends the input with an error.
    r.line("ys = [1,");
    r.expect("... ");
    r.send(b"\x04");
    r.expect("SyntaxError");
    r.prompt();
    assert_eq!(r.run("1"), "1\n");
    r.assert_no_panic();
}

#[test]
fn pasted_block_with_mixed_indentation() {
    let mut r = Repl::start();
    // A bracketed paste, as terminals send it.
    r.send(b"\x1b[200~if True:\n\tx = 1\n        y = 2\n\x1b[201~");
    r.send(b"\r");
    r.expect("Error");
    r.prompt();
    assert_eq!(r.run("2 + 2"), "4\n");
    // A well-indented pasted block runs.
    r.send(b"\x1b[200~def g():\n    return 5\x1b[201~");
    r.send(b"\r");
    r.expect("... ");
    r.line("");
    r.prompt();
    assert_eq!(r.run("g()"), "5\n");
    r.assert_no_panic();
}

#[test]
fn one_megabyte_line() {
    let mut r = Repl::start();
    let mut paste = b"\x1b[200~s = '".to_vec();
    paste.extend(std::iter::repeat_n(b'a', 1 << 20));
    paste.extend_from_slice(b"'\x1b[201~\r");
    r.send(&paste);
    r.prompt();
    assert_eq!(r.run("len(s)"), format!("{}\n", 1 << 20));
    r.assert_no_panic();
}

#[test]
fn invalid_utf8_is_discarded() {
    let mut r = Repl::start();
    r.send(b"x = '\xff\xfe'\r");
    r.expect("not valid UTF-8");
    // Whatever was left of the line is dropped or read as the next input; then all is
    // normal.
    r.prompt();
    r.settle();
    r.send(b"\x03");
    r.expect("KeyboardInterrupt");
    r.settle();
    assert_eq!(r.run("1 + 1"), "2\n");
    r.assert_no_panic();
}

#[test]
fn resize_mid_line() {
    let mut r = Repl::start();
    r.send(b"value = 40");
    r.expect("value = 40");
    for cols in [30u16, 120, 20] {
        r.master
            .resize(PtySize {
                rows: 10,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("resize");
        std::thread::sleep(Duration::from_millis(50));
    }
    r.line(" + 2");
    r.prompt();
    assert_eq!(r.run("value"), "42\n");
    r.assert_no_panic();
}

#[test]
fn unreadable_history_file() {
    // A directory where the file should be: it cannot be read (even by root).
    let dir = TempDir::new("hist-dir");
    let mut r = Repl::start_with(&[
        ("NO_COLOR", "1"),
        ("BATON_HISTORY", dir.path.to_str().unwrap_or_default()),
    ]);
    assert!(
        r.transcript().contains("cannot read the history file"),
        "{}",
        r.transcript()
    );
    assert_eq!(r.run("3 * 3"), "9\n");
    r.send(b"\x04");
    assert_eq!(r.wait_exit(), Some(0));
    r.assert_no_panic();
}

#[test]
fn corrupt_history_file_is_reported_and_kept() {
    let dir = TempDir::new("hist-bad");
    let bad: &[u8] = b"#V2\nok line\n\xff\xfe\xfd broken\n";
    let path = dir.write("history", bad);
    let mut r = Repl::start_with(&[
        ("NO_COLOR", "1"),
        ("BATON_HISTORY", path.to_str().unwrap_or_default()),
    ]);
    assert!(
        r.transcript().contains("cannot read the history file"),
        "{}",
        r.transcript()
    );
    assert_eq!(r.run("3 * 3"), "9\n");
    r.send(b"\x04");
    assert_eq!(r.wait_exit(), Some(0));
    // The user's file is not overwritten.
    assert_eq!(std::fs::read(&path).unwrap_or_default(), bad);
    r.assert_no_panic();
}
