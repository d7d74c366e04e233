//! Running a whole program: the `__main__` module, syntax errors and uncaught exceptions
//! reported in CPython's format, `SystemExit`, and the exit status. The interpreter runs
//! on a thread with a large stack so that deep (but limited) nesting can never overflow
//! the Rust stack.

use crate::modules::import::RunError;
use crate::vm::error::{ExcType, PyErr};
use crate::vm::value::{Module, Value};
use crate::vm::Vm;
use std::path::PathBuf;
use std::rc::Rc;

/// What to run.
pub struct Program {
    /// The name tracebacks show (CPython shows the absolute path of a script).
    pub filename: String,
    pub source: String,
    /// `sys.argv`.
    pub argv: Vec<String>,
    /// Where `import` looks for `.py` files.
    pub script_dir: PathBuf,
}

/// Stack size of the interpreter thread.
pub const STACK_SIZE: usize = 1 << 30;

/// Runs a program to completion and returns the process exit status.
pub fn run_program(program: Program) -> i32 {
    run_program_with_budget(program, None)
}

/// Runs a program with a step budget (`--max-steps`, `vm/budget.rs`; None: unbounded)
/// and returns the process exit status.
pub fn run_program_with_budget(program: Program, max_steps: Option<u64>) -> i32 {
    let handle = std::thread::Builder::new()
        .name("baton".into())
        .stack_size(STACK_SIZE)
        .spawn(move || run_on_this_thread(program, max_steps));
    match handle.map(|h| h.join()) {
        Ok(Ok(code)) => code,
        _ => {
            eprintln!("baton: internal error: the interpreter thread failed");
            70
        }
    }
}

/// Runs a program on the calling thread, which must have a stack of [`STACK_SIZE`]
/// (the fuzz targets keep one such thread). A program that exhausts its budget is
/// reported with one line on stderr and exit status `budget::EXIT_BUDGET`, whatever
/// it did while unwinding.
pub fn run_on_this_thread(program: Program, max_steps: Option<u64>) -> i32 {
    let mut vm = Vm::new();
    vm.set_max_steps(max_steps);
    vm.argv = program.argv;
    vm.script_dir = program.script_dir;
    let main = Rc::new(Module::new("__main__", &program.filename));
    vm.modules
        .insert("__main__".into(), Value::Module(main.clone()));
    let result = vm.run_module_source(&main, &program.filename, &program.source);
    vm.run_finalizers();
    let code = match result {
        _ if vm.budget_exhausted() => {
            let text = format!("baton: {}\n", vm.budget_message());
            vm.write_stderr(&text);
            crate::vm::budget::EXIT_BUDGET
        }
        Ok(_) => 0,
        Err(RunError::Syntax(e)) => {
            let text = e.render(&program.filename, &program.source);
            vm.write_stderr(&text);
            1
        }
        Err(RunError::Exception(err)) => report_uncaught(&mut vm, err),
    };
    // Interpreter shutdown: module globals go, and with them whatever they kept alive.
    main.clear();
    vm.run_finalizers();
    vm.flush_stdout();
    code
}

/// Prints an uncaught exception (or honours SystemExit) and returns the exit status.
pub fn report_uncaught(vm: &mut Vm, err: PyErr) -> i32 {
    if vm.err_is(&err, ExcType::SystemExit) {
        let exc = vm.normalize(err);
        let args = vm.exc_args(&exc);
        let code = match args.as_slice() {
            [] => Value::None,
            [x] => x.clone(),
            _ => Value::tuple(args.clone()),
        };
        return match code {
            Value::None => 0,
            Value::Int(i) => (i & 0xff) as i32,
            Value::Bool(b) => b as i32,
            other => {
                let text = vm.str_string(&other).unwrap_or_default();
                vm.write_stderr(&format!("{}\n", text));
                1
            }
        };
    }
    let exc = vm.normalize(err);
    let text = vm.format_exception(&exc);
    vm.write_stderr(&text);
    1
}
