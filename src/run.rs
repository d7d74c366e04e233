//! Running a whole program: the `__main__` module, syntax errors and uncaught exceptions
//! reported in CPython's format, `SystemExit`, and the exit status. The interpreter runs
//! on a thread with a large stack so that deep (but limited) nesting can never overflow
//! the Rust stack.

use crate::modules::import::RunError;
use crate::vm::error::{ExcType, PyErr};
use crate::vm::value::{Class, Module, Value};
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
    tune_malloc();
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

/// Tunes glibc's allocator for the interpreter (the allocations of `import asyncio`
/// dominate start-up):
/// - One arena: by default glibc gives a second thread an arena of its own, a reserved
///   region made usable a few pages at a time with one `mprotect` call each: some 450
///   system calls (2 ms, a fifth of the run) for `import asyncio` alone. The main heap
///   grows with `brk` in steps of 128 KiB instead. Only the interpreter thread allocates
///   much, so one arena costs no contention.
/// - Blocks up to 1 MiB come from the heap, not from a fresh `mmap` each (glibc's
///   initial limit is 128 KiB, raised by itself after the first such block is freed):
///   a module's token list (400 KiB for asyncio) then leaves pages that compiling it
///   reuses, instead of pages that are unmapped and faulted in again.
fn tune_malloc() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    {
        extern "C" {
            fn mallopt(
                param: std::os::raw::c_int,
                value: std::os::raw::c_int,
            ) -> std::os::raw::c_int;
        }
        const M_MMAP_THRESHOLD: std::os::raw::c_int = -3;
        const M_ARENA_MAX: std::os::raw::c_int = -8;
        // SAFETY: mallopt only sets tuning parameters of glibc's allocator; it is called
        // before the interpreter thread exists.
        unsafe {
            mallopt(M_ARENA_MAX, 1);
            mallopt(M_MMAP_THRESHOLD, 1 << 20);
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
    // A stopped program (step budget, deadlock report) runs nothing more, finalizers
    // included; its objects are still freed.
    let stopped = vm.budget_exhausted() || vm.halted().is_some();
    if !stopped {
        vm.run_finalizers();
    }
    let code = match result {
        _ if vm.budget_exhausted() => {
            let text = format!("baton: {}\n", vm.budget_message());
            vm.write_stderr(&text);
            crate::vm::budget::EXIT_BUDGET
        }
        _ if vm.halted().is_some() => vm.halted().unwrap_or(1),
        Ok(_) => 0,
        Err(RunError::Syntax(e)) => {
            let text = e.render(&program.filename, &program.source);
            vm.write_stderr(&text);
            1
        }
        Err(RunError::Exception(err)) => report_uncaught(&mut vm, err),
    };
    // Interpreter shutdown: module globals go, and with them whatever they kept alive.
    let classes = module_classes(&vm);
    main.clear();
    if !stopped {
        vm.run_finalizers();
        crate::runtime::finalize::at_exit(&mut vm);
    }
    crate::trace::finish(&mut vm);
    // Then the other modules (asyncio, inspect, imported files), in name order: each
    // module's functions refer back to its globals, a cycle the runtime itself made,
    // which only clearing the globals breaks (DESIGN invariant 5).
    clear_modules(&mut vm, !stopped);
    // Last, the classes those modules defined: a method that uses `super()` holds its
    // class in a `__class__` cell, and the class holds the method (CPython leaves this
    // cycle to its garbage collector).
    for class in classes {
        let dict = std::mem::take(&mut *class.dict.borrow_mut());
        crate::vm::cache::classes_changed();
        drop(dict);
        if !stopped {
            vm.run_finalizers();
        }
    }
    vm.flush_stdout();
    code
}

/// Every class bound in a module's globals, and the classes nested in their dicts.
fn module_classes(vm: &Vm) -> Vec<Rc<Class>> {
    let mut found: Vec<Rc<Class>> = Vec::new();
    let mut work: Vec<Value> = Vec::new();
    for m in vm.modules.values() {
        if let Value::Module(m) = m {
            work.extend(m.slots.borrow().iter().cloned());
        }
    }
    while let Some(v) = work.pop() {
        if let Value::Class(c) = v {
            if found.iter().any(|f| Rc::ptr_eq(f, &c)) {
                continue;
            }
            work.extend(c.dict.borrow().values());
            found.push(c);
        }
    }
    found
}

/// Clears the globals of every imported module but `__main__` (already cleared), in
/// name order, serving finalizers after each when `finalize` is set.
pub fn clear_modules(vm: &mut Vm, finalize: bool) {
    let mut modules: Vec<(String, Rc<Module>)> = vm
        .modules
        .iter()
        .filter(|(name, _)| name.as_str() != "__main__")
        .filter_map(|(name, m)| match m {
            Value::Module(m) => Some((name.clone(), m.clone())),
            _ => None,
        })
        .collect();
    modules.sort_by(|a, b| a.0.cmp(&b.0));
    for (_, m) in modules {
        m.clear();
        if finalize {
            vm.run_finalizers();
        }
    }
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
    if vm.err_is(&err, ExcType::KeyboardInterrupt) {
        crate::vm::signals::end_by_interrupt();
    }
    let exc = vm.normalize(err);
    let text = vm.format_exception(&exc);
    vm.write_stderr(&text);
    1
}
