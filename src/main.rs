//! The `baton` command line: run a script, `-c CODE`, a program from stdin, or
//! `baton dis FILE` to show the bytecode, `baton check FILE` to find mistakes without
//! running the program; the scheduler's options (`--virtual-time`) and the lifecycle
//! trace outputs (`--trace`, `--trace-file`, `--trace-json`, `--timeline`).

use baton::run::{run_program_with_budget, Program};
use clap::Parser;
use std::io::{IsTerminal, Read};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[cfg(not(feature = "system-allocator"))]
mod alloc;

/// mimalloc instead of the system allocator: a VM that allocates and frees many small
/// objects (instances, frames, Futures) spends less time in it, and with no per-object
/// header a suspended task or generator costs fewer bytes (`alloc`). The
/// `system-allocator` feature keeps the system's, whose heap valgrind's memcheck can
/// see (`tools/leak_check.sh`).
#[cfg(not(feature = "system-allocator"))]
#[global_allocator]
static GLOBAL: alloc::Allocator = alloc::Allocator;

#[derive(Parser)]
#[command(
    name = "baton",
    version,
    about = "Baton: a small async language (a strict subset of Python 3.11)",
    override_usage = "baton [OPTIONS] [FILE | -c CODE | -] [ARGS]...\n       baton dis FILE\n       baton check FILE"
)]
struct Cli {
    /// Virtual time: when nothing is ready, the loop's clock jumps to the next timer
    /// (sleeps finish at once; the same loop.time() values on every run).
    #[arg(long = "virtual-time")]
    virtual_time: bool,
    /// Log every lifecycle event (coroutines, Tasks, Futures, timers) on stderr.
    #[arg(long)]
    trace: bool,
    /// Write the lifecycle log to PATH instead of stderr.
    #[arg(long = "trace-file", value_name = "PATH")]
    trace_file: Option<PathBuf>,
    /// Write the events as Chrome trace-event JSON (Perfetto, chrome://tracing).
    #[arg(long = "trace-json", value_name = "PATH")]
    trace_json: Option<PathBuf>,
    /// Draw a timeline of the tasks as an SVG picture.
    #[arg(long, value_name = "PATH.svg")]
    timeline: Option<PathBuf>,
    /// Stop the program after N steps (backward jumps and frame entries), with exit
    /// status 3.
    #[arg(long = "max-steps", value_name = "N")]
    max_steps: Option<u64>,
    /// Program passed in as a string (terminates the option list).
    #[arg(short = 'c', value_name = "CODE", allow_hyphen_values = true)]
    command: Option<String>,
    /// The script to run (`-` reads it from stdin), then its arguments.
    #[arg(
        trailing_var_arg = true,
        allow_hyphen_values = true,
        value_name = "FILE | - ] [ARGS"
    )]
    args: Vec<String>,
}

fn main() -> ExitCode {
    report_panics_as_internal_errors();
    let cli = Cli::parse();
    if let Some(first) = cli.args.first() {
        if first.starts_with('-') && first != "-" {
            use clap::CommandFactory;
            Cli::command()
                .error(
                    clap::error::ErrorKind::UnknownArgument,
                    format!("unknown option {}", first),
                )
                .exit();
        }
    }
    baton::runtime::set_virtual_time(cli.virtual_time);
    let trace = baton::trace::Options {
        text_stderr: cli.trace && cli.trace_file.is_none(),
        text_file: cli.trace_file.clone(),
        json: cli.trace_json.clone(),
        svg: cli.timeline.clone(),
    };
    if let Err(msg) = baton::trace::configure(trace) {
        eprintln!("baton: {}", msg);
        return ExitCode::from(2);
    }
    let cwd = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
    let max_steps = cli.max_steps;
    let runs_program = cli.command.is_some()
        || !matches!(cli.args.first().map(String::as_str), Some("dis" | "check") if cli.args.len() == 2);
    if runs_program {
        // Ctrl-C raises KeyboardInterrupt in the program (the REPL installs the same).
        baton::vm::signals::install_interrupt_handler();
    }
    let code = if let Some(code) = cli.command {
        let mut argv = vec!["-c".to_string()];
        argv.extend(cli.args);
        run_program_with_budget(
            Program {
                filename: "<string>".into(),
                source: code,
                argv,
                script_dir: cwd,
            },
            max_steps,
        )
    } else {
        match cli.args.first().map(String::as_str) {
            Some("dis") if cli.args.len() == 2 => disassemble(&cli.args[1]),
            Some("check") if cli.args.len() == 2 => check(&cli.args[1]),
            Some("-") => run_stdin(cli.args, cwd, max_steps),
            Some(file) => run_file(file, cli.args.clone(), &cwd, max_steps),
            None => {
                if std::io::stdin().is_terminal() {
                    baton::repl::run_repl()
                } else {
                    run_stdin(vec!["".into()], cwd, max_steps)
                }
            }
        }
    };
    // An uncaught KeyboardInterrupt, its traceback printed, ends the process by SIGINT.
    let code = if baton::vm::signals::ended_by_interrupt() {
        baton::vm::signals::exit_by_interrupt()
    } else {
        code
    };
    ExitCode::from(code.clamp(0, 255) as u8)
}

/// A panic is a bug in Baton. The release build aborts on one (Cargo.toml says why);
/// this hook prints Rust's panic message, then Baton's one line, and ends the process
/// with status 70 (EX_SOFTWARE) rather than SIGABRT: what `run::run_program` reports
/// when an unwinding build's interpreter thread fails.
fn report_panics_as_internal_errors() {
    let default_hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        default_hook(info);
        eprintln!("baton: internal error: the interpreter thread failed");
        std::process::exit(70);
    }));
}

fn run_stdin(argv: Vec<String>, cwd: PathBuf, max_steps: Option<u64>) -> i32 {
    let mut bytes = Vec::new();
    if std::io::stdin().read_to_end(&mut bytes).is_err() {
        eprintln!("baton: cannot read the program from stdin");
        return 2;
    }
    let Some(source) = decode("<stdin>", &bytes) else {
        return 1;
    };
    run_program_with_budget(
        Program {
            filename: "<stdin>".into(),
            source,
            argv,
            script_dir: cwd,
        },
        max_steps,
    )
}

/// Reads a source file the way python3 does (absolute path, UTF-8 required).
fn read_source(file: &str, cwd: &Path) -> Result<(String, String), i32> {
    let path = cwd.join(file);
    let shown = path.to_string_lossy().into_owned();
    let bytes = match std::fs::read(&path) {
        Ok(b) => b,
        Err(e) => {
            let (errno, text) = match e.kind() {
                std::io::ErrorKind::NotFound => (2, "No such file or directory"),
                std::io::ErrorKind::PermissionDenied => (13, "Permission denied"),
                _ if path.is_dir() => (21, "Is a directory"),
                _ => (5, "Input/output error"),
            };
            eprintln!(
                "baton: can't open file '{}': [Errno {}] {}",
                shown, errno, text
            );
            return Err(2);
        }
    };
    match decode(&shown, &bytes) {
        Some(s) => Ok((shown, s)),
        None => Err(1),
    }
}

fn run_file(file: &str, argv: Vec<String>, cwd: &Path, max_steps: Option<u64>) -> i32 {
    let (shown, source) = match read_source(file, cwd) {
        Ok(x) => x,
        Err(code) => return code,
    };
    let script_dir = Path::new(&shown)
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_else(|| cwd.to_path_buf());
    run_program_with_budget(
        Program {
            filename: shown,
            source,
            argv,
            script_dir,
        },
        max_steps,
    )
}

/// UTF-8 source text, or CPython's error for anything else.
fn decode(shown: &str, bytes: &[u8]) -> Option<String> {
    if let Some(at) = bytes.iter().position(|&b| b == 0) {
        let line = bytes[..at].iter().filter(|&&b| b == b'\n').count() + 1;
        eprintln!(
            "  File \"{}\", line {}\n    \nSyntaxError: source code cannot contain null bytes",
            shown, line
        );
        return None;
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => Some(s.strip_prefix('\u{feff}').unwrap_or(s).to_string()),
        Err(e) => {
            let at = e.valid_up_to();
            let line = bytes[..at].iter().filter(|&&b| b == b'\n').count() + 1;
            eprintln!(
                "SyntaxError: Non-UTF-8 code starting with '\\x{:02x}' in file {} on line {}, but no encoding declared; see https://peps.python.org/pep-0263/ for details",
                bytes[at], shown, line
            );
            None
        }
    }
}

fn disassemble(file: &str) -> i32 {
    let cwd = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
    let (_, source) = match read_source(file, &cwd) {
        Ok(x) => x,
        Err(code) => return code,
    };
    let compiled = baton::syntax::parse_module(&source).and_then(|ast| {
        let mut globals = baton::compile::SimpleResolver::default();
        baton::compile::compile_module(&ast, &source, file, &mut globals)
    });
    match compiled {
        Ok(code) => {
            print!("{}", baton::compile::dis::disassemble(&code));
            0
        }
        Err(e) => {
            eprint!("{}", e.render(file, &source));
            1
        }
    }
}

/// `baton check FILE`: one `file:line:col: message` line per finding; status 1 when
/// anything is reported.
fn check(file: &str) -> i32 {
    let cwd = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
    let (_, source) = match read_source(file, &cwd) {
        Ok(x) => x,
        Err(code) => return code,
    };
    let findings = baton::check::check_source(&source);
    for f in &findings {
        println!("{}:{}:{}: {}", file, f.line, f.col, f.message);
    }
    i32::from(!findings.is_empty())
}
