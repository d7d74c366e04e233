//! Command-line behaviour of the `baton` binary, modelled on `python3`'s: version
//! and help, `-c CODE`, `-` and piped stdin as the program, `sys.argv`, exit
//! statuses, the messages for a missing file and an unknown option, and Ctrl-C
//! (KeyboardInterrupt, then death by SIGINT).

mod common;

use common::{run, Exit, Run, TempDir, TIMEOUT};
use std::process::Command;

fn baton(args: &[&str], stdin: Option<&[u8]>) -> Run {
    let result = run(Command::new(common::baton()).args(args), stdin, TIMEOUT);
    result.assert_no_panic();
    result
}

fn baton_in(dir: &TempDir, args: &[&str], stdin: Option<&[u8]>) -> Run {
    let result = run(
        Command::new(common::baton())
            .args(args)
            .current_dir(&dir.path),
        stdin,
        TIMEOUT,
    );
    result.assert_no_panic();
    result
}

#[test]
fn version() {
    let r = baton(&["--version"], None);
    assert_eq!(r.exit, Exit::Code(0), "{}", r.describe());
    assert_eq!(
        r.stdout_text(),
        format!("baton {}\n", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn help() {
    let r = baton(&["--help"], None);
    assert_eq!(r.exit, Exit::Code(0), "{}", r.describe());
    let out = r.stdout_text().to_lowercase();
    assert!(out.contains("usage"), "{}", r.describe());
    assert!(
        out.contains("-c"),
        "help should mention -c:\n{}",
        r.describe()
    );
}

#[test]
fn dash_c_runs_code() {
    let r = baton(&["-c", "print(1+1)"], None);
    assert_eq!(r.exit, Exit::Code(0), "{}", r.describe());
    assert_eq!(r.stdout_text(), "2\n");
}

#[test]
fn dash_c_argv() {
    let r = baton(&["-c", "import sys; print(sys.argv)", "a", "-x"], None);
    assert_eq!(r.exit, Exit::Code(0), "{}", r.describe());
    assert_eq!(r.stdout_text(), "['-c', 'a', '-x']\n");
}

#[test]
fn dash_c_traceback_names_string() {
    let r = baton(&["-c", "print('before')\n1/0"], None);
    assert_eq!(r.exit, Exit::Code(1), "{}", r.describe());
    assert_eq!(r.stdout_text(), "before\n");
    // Exactly CPython's report: no source line, since there is no file to read it from.
    assert_eq!(
        r.stderr_text(),
        "Traceback (most recent call last):\n  File \"<string>\", line 2, in <module>\n\
         ZeroDivisionError: division by zero\n",
        "{}",
        r.describe()
    );
}

#[test]
fn dash_reads_program_from_stdin() {
    let r = baton(&["-"], Some(b"print(2)\n"));
    assert_eq!(r.exit, Exit::Code(0), "{}", r.describe());
    assert_eq!(r.stdout_text(), "2\n");
}

#[test]
fn dash_argv() {
    let r = baton(&["-", "a", "-x"], Some(b"import sys\nprint(sys.argv)\n"));
    assert_eq!(r.exit, Exit::Code(0), "{}", r.describe());
    assert_eq!(r.stdout_text(), "['-', 'a', '-x']\n");
}

#[test]
fn piped_stdin_without_arguments_is_the_program() {
    let r = baton(
        &[],
        Some(b"import sys\nfor i in range(2):\n    print(i)\nprint(sys.argv)\n"),
    );
    assert_eq!(r.exit, Exit::Code(0), "{}", r.describe());
    assert_eq!(r.stdout_text(), "0\n1\n['']\n");
}

#[test]
fn no_arguments_and_empty_stdin_is_an_empty_program() {
    // Stdin is /dev/null, not a terminal: no REPL, an empty program, exit 0.
    let r = baton(&[], None);
    assert_eq!(r.exit, Exit::Code(0), "{}", r.describe());
    assert!(r.stdout.is_empty(), "{}", r.describe());
    assert!(r.stderr.is_empty(), "{}", r.describe());
}

#[test]
fn stdin_program_traceback_names_stdin() {
    let r = baton(&["-"], Some(b"x = 1\nraise ValueError('boom')\n"));
    assert_eq!(r.exit, Exit::Code(1), "{}", r.describe());
    assert_eq!(
        r.stderr_text(),
        "Traceback (most recent call last):\n  File \"<stdin>\", line 2, in <module>\n\
         ValueError: boom\n",
        "{}",
        r.describe()
    );
}

#[test]
fn missing_file() {
    let dir = TempDir::new("cli-missing");
    let r = baton_in(&dir, &["missing.py"], None);
    assert_eq!(r.exit, Exit::Code(2), "{}", r.describe());
    assert!(r.stdout.is_empty(), "{}", r.describe());
    let abs = dir.path.join("missing.py");
    assert_eq!(
        r.stderr_text(),
        format!(
            "baton: can't open file '{}': [Errno 2] No such file or directory\n",
            abs.display()
        )
    );
}

#[test]
fn missing_file_absolute_path() {
    let dir = TempDir::new("cli-missing-abs");
    let abs = dir.path.join("nope.py");
    let r = baton(&[abs.to_str().expect("utf-8 temp path")], None);
    assert_eq!(r.exit, Exit::Code(2), "{}", r.describe());
    assert_eq!(
        r.stderr_text(),
        format!(
            "baton: can't open file '{}': [Errno 2] No such file or directory\n",
            abs.display()
        )
    );
}

#[test]
fn unknown_option() {
    let r = baton(&["--bogus"], None);
    assert_eq!(r.exit, Exit::Code(2), "{}", r.describe());
    assert!(r.stdout.is_empty(), "{}", r.describe());
    let err = r.stderr_text().to_lowercase();
    assert!(err.contains("usage"), "{}", r.describe());
    assert!(err.contains("--bogus"), "{}", r.describe());
}

#[test]
fn script_argv() {
    let dir = TempDir::new("cli-argv");
    dir.write("prog.py", b"import sys\nprint(sys.argv)\n");
    let r = baton_in(&dir, &["prog.py", "a", "b"], None);
    assert_eq!(r.exit, Exit::Code(0), "{}", r.describe());
    assert_eq!(r.stdout_text(), "['prog.py', 'a', 'b']\n");
}

#[test]
fn options_after_the_script_belong_to_the_script() {
    let dir = TempDir::new("cli-argv-opts");
    dir.write("prog.py", b"import sys\nprint(sys.argv)\n");
    let r = baton_in(&dir, &["prog.py", "-x", "--trace", "-c", "z"], None);
    assert_eq!(r.exit, Exit::Code(0), "{}", r.describe());
    assert_eq!(r.stdout_text(), "['prog.py', '-x', '--trace', '-c', 'z']\n");
}

#[test]
fn exit_status_from_sys_exit() {
    let r = baton(&["-c", "import sys; print('x'); sys.exit(4)"], None);
    assert_eq!(r.exit, Exit::Code(4), "{}", r.describe());
    assert_eq!(r.stdout_text(), "x\n");
    assert!(r.stderr.is_empty(), "{}", r.describe());
}

#[test]
fn syntax_error_exit_status() {
    let dir = TempDir::new("cli-syntax");
    dir.write("bad.py", b"print('no')\nx = (1,\n");
    let r = baton_in(&dir, &["bad.py"], None);
    assert_eq!(r.exit, Exit::Code(1), "{}", r.describe());
    assert!(r.stdout.is_empty(), "{}", r.describe());
    let err = r.stderr_text();
    assert!(
        err.contains("bad.py\", line 2\n"), // as given, or absolute as CPython prints it
        "{}",
        r.describe()
    );
    assert!(
        err.ends_with("SyntaxError: '(' was never closed\n"),
        "{}",
        r.describe()
    );
}

#[test]
fn script_directory_is_on_the_import_path() {
    let dir = TempDir::new("cli-import");
    std::fs::create_dir(dir.path.join("sub")).expect("mkdir");
    dir.write("sub/helper.py", b"VALUE = 41\n");
    dir.write("sub/main.py", b"import helper\nprint(helper.VALUE + 1)\n");
    // Run from the parent directory: imports resolve beside the script, not the cwd.
    let r = baton_in(&dir, &["sub/main.py"], None);
    assert_eq!(r.exit, Exit::Code(0), "{}", r.describe());
    assert_eq!(r.stdout_text(), "42\n");
}

/// Waits for `child` to end, for 20 seconds at most (then kills it: None).
fn wait_at_most_20s(child: &mut std::process::Child) -> Option<std::process::ExitStatus> {
    use std::time::{Duration, Instant};
    let start = Instant::now();
    loop {
        if let Some(status) = child.try_wait().expect("wait for baton") {
            return Some(status);
        }
        if start.elapsed() > Duration::from_secs(20) {
            let _ = child.kill();
            let _ = child.wait();
            return None;
        }
        std::thread::sleep(Duration::from_millis(5));
    }
}

/// Runs `program` (a file in a temporary directory), sends it SIGINT once it has
/// printed its first line, and returns what it did then.
#[cfg(unix)]
fn interrupted(program: &str) -> (Exit, String, String) {
    use std::io::{BufRead, BufReader, Read};
    use std::process::Stdio;
    use std::time::Duration;
    let dir = TempDir::new("interrupt");
    std::fs::write(dir.path.join("prog.py"), program).expect("write the program");
    let mut child = Command::new(common::baton())
        .arg("prog.py")
        .current_dir(&dir.path)
        // Open and never written: a read of stdin waits.
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start baton");
    let mut out = BufReader::new(child.stdout.take().expect("stdout is piped"));
    let mut first = String::new();
    out.read_line(&mut first).expect("the program's first line");
    // Time to reach the wait after the first line. (Where the interrupt lands stays a
    // race, so the tests check what holds wherever it lands: a prompt end by SIGINT,
    // long before the 60 s the programs would wait.)
    std::thread::sleep(Duration::from_millis(300));
    // SAFETY: kill(2) on the child's pid, which has not been waited for yet.
    unsafe { libc::kill(child.id() as libc::pid_t, libc::SIGINT) };
    let status = wait_at_most_20s(&mut child);
    let mut rest = String::new();
    let _ = out.read_to_string(&mut rest);
    let mut err = String::new();
    if let Some(mut pipe) = child.stderr.take() {
        let _ = pipe.read_to_string(&mut err);
    }
    let exit = match status {
        Some(status) => common::exit_of(status),
        None => Exit::Timeout,
    };
    (exit, first + &rest, err)
}

#[cfg(unix)]
#[test]
fn ctrl_c_interrupts_a_sleep_with_keyboard_interrupt() {
    // As python3: the traceback, then death by SIGINT (what a shell loop checks).
    let (exit, out, err) = interrupted("import time\nprint('ready', flush=True)\ntime.sleep(60)\n");
    assert_eq!(exit, Exit::Signal(libc::SIGINT), "{out}{err}");
    assert!(
        err.starts_with("Traceback (most recent call last):\n"),
        "{err}"
    );
    assert!(err.ends_with("\nKeyboardInterrupt\n"), "{err}");
}

#[cfg(unix)]
#[test]
fn ctrl_c_interrupts_input() {
    let (exit, out, err) =
        interrupted("print('ready', flush=True)\nname = input()\nprint('got', name)\n");
    assert_eq!(exit, Exit::Signal(libc::SIGINT), "{out}{err}");
    assert_eq!(out, "ready\n");
    assert!(err.ends_with("\nKeyboardInterrupt\n"), "{err}");
}

#[test]
fn input_reads_lines_from_stdin() {
    // The prompt goes to stdout; a `\r` before the newline stays (as in CPython); the
    // last line needs no newline; then EOFError.
    let r = baton(
        &[
            "-c",
            "print(repr(input('p> ')), repr(input()), repr(input()))\ntry:\n    input()\nexcept EOFError as e:\n    print('EOF', e)",
        ],
        Some(b"a\r\nb\nlast"),
    );
    assert_eq!(r.exit, Exit::Code(0), "{}", r.describe());
    assert_eq!(
        r.stdout_text(),
        "p> 'a\\r' 'b' 'last'\nEOF EOF when reading a line\n"
    );
}

#[test]
fn sys_stdin_reads_lines_as_a_file() {
    // `for line in sys.stdin` gives each line with its newline (the last without);
    // then readline() gives '', readlines() [], and read() '' at the end of input.
    // input() and sys.stdin share one buffer.
    let program = "import sys\nprint(repr(input()))\nprint(repr(sys.stdin.readline()))\n\
                   for line in sys.stdin:\n    print(repr(line))\n\
                   print(repr(sys.stdin.readline()), sys.stdin.readlines(), repr(sys.stdin.read()))\n\
                   try:\n    sys.stdout.readline()\nexcept OSError as e:\n    print(e)";
    let r = baton(&["-c", program], Some(b"first\nsecond\r\nthird\nlast"));
    assert_eq!(r.exit, Exit::Code(0), "{}", r.describe());
    assert_eq!(
        r.stdout_text(),
        "'first'\n'second\\r\\n'\n'third\\n'\n'last'\n'' [] ''\nnot readable\n"
    );
    let r = baton(
        &[
            "-c",
            "import sys\nprint(len(sys.stdin.read().splitlines()))",
        ],
        Some(b"a\nb\nc\n"),
    );
    assert_eq!(r.stdout_text(), "3\n", "{}", r.describe());
}

#[test]
fn input_reads_lines_while_the_pipe_stays_open() {
    // More than one read's worth of lines, and the writer keeps the pipe open: every
    // line already sent must be read without waiting for more input.
    use std::io::{Read, Write};
    use std::process::Stdio;
    let program = "n = 0\nwhile True:\n    line = input()\n    n += 1\n    if line == 'last':\n        break\nprint('lines', n)\n";
    let mut child = Command::new(common::baton())
        .args(["-c", program])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("start baton");
    let mut data: Vec<u8> = (0..100)
        .flat_map(|_| [b'x'; 50].into_iter().chain([b'\n']))
        .collect();
    data.extend_from_slice(b"last\n");
    let mut stdin = child.stdin.take().expect("stdin is piped");
    stdin.write_all(&data).expect("write the lines");
    let status = wait_at_most_20s(&mut child);
    drop(stdin);
    let mut out = String::new();
    if let Some(mut pipe) = child.stdout.take() {
        let _ = pipe.read_to_string(&mut out);
    }
    assert!(
        status.is_some_and(|s| s.success()),
        "baton waited for more input: {out}"
    );
    assert_eq!(out, "lines 101\n");
}

#[cfg(unix)]
#[test]
fn ctrl_c_interrupts_a_busy_loop() {
    let (exit, out, err) = interrupted("print('ready', flush=True)\nwhile True:\n    pass\n");
    assert_eq!(exit, Exit::Signal(libc::SIGINT), "{out}{err}");
    assert!(err.ends_with("\nKeyboardInterrupt\n"), "{err}");
}

#[cfg(unix)]
#[test]
fn keyboard_interrupt_can_be_caught() {
    let (exit, out, err) = interrupted(
        "import time\ntry:\n    print('ready', flush=True)\n    time.sleep(60)\nexcept KeyboardInterrupt:\n    print('caught')\nprint('after')\n",
    );
    assert_eq!(exit, Exit::Code(0), "{out}{err}");
    assert_eq!(out, "ready\ncaught\nafter\n");
}

#[cfg(unix)]
#[test]
fn ctrl_c_in_asyncio_run_cancels_the_tasks() {
    // As in CPython: the event loop's wait for its next timer is cut short, the main
    // task is cancelled (its `finally` runs), asyncio.run raises KeyboardInterrupt
    // while handling that CancelledError, and cancels the other tasks on its way out.
    let (exit, out, err) = interrupted(
        "import asyncio\n\nasync def worker():\n    try:\n        await asyncio.sleep(60)\n    finally:\n        print('worker cleanup')\n\nasync def main():\n    t = asyncio.create_task(worker())\n    try:\n        print('ready', flush=True)\n        await asyncio.sleep(60)\n    finally:\n        print('main cleanup')\n\nasyncio.run(main())\n",
    );
    assert_eq!(exit, Exit::Signal(libc::SIGINT), "{out}{err}");
    assert_eq!(out, "ready\nmain cleanup\nworker cleanup\n");
    assert!(
        err.contains("asyncio.exceptions.CancelledError\n\nDuring handling"),
        "{err}"
    );
    assert!(
        err.ends_with("\n    raise KeyboardInterrupt()\nKeyboardInterrupt\n"),
        "{err}"
    );
}
