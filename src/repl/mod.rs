//! The REPL: `baton` with no arguments on a terminal, like CPython 3.13's REPL combined
//! with `python -m asyncio`. Two threads: the main thread reads input with rustyline
//! (input.rs: prompts, auto-indent, blocks decided by Baton's parser, completion,
//! colouring, history in `~/.baton_history`, `BATON_HISTORY` overriding it and empty
//! disabling it); the VM thread (session.rs) owns the interpreter and the event loop,
//! which keeps running tasks while the user types. Their output reaches the screen
//! through the output thread (output.rs), above the line being edited. Only strings
//! cross between threads. `%` commands are in commands.rs, colours in highlight.rs,
//! and the Baton half (the loop, %tasks and %state text) in support.py.

mod commands;
mod highlight;
mod input;
mod output;
mod session;

use rustyline::history::DefaultHistory;
use rustyline::{Config, Editor};
use std::cell::RefCell;
use std::rc::Rc;
use std::sync::mpsc;

/// What tab completion can offer, sent by the VM with each prompt.
#[derive(Default, Debug, Clone)]
pub struct Completions {
    /// Global and builtin names.
    pub names: Vec<String>,
    /// Attribute names of each global, by the global's name.
    pub attrs: Vec<(String, Vec<String>)>,
}

/// From the input thread to the VM thread.
pub enum ToVm {
    /// A finished input (a line, a block, or a `%` command).
    Run(String),
    Exit,
}

/// From the VM thread to the input thread.
pub enum FromVm {
    /// The previous input is done and its output is out: show the next prompt.
    Ready(Completions),
    /// The session is over, with this exit status.
    Exit(i32),
}

/// Runs the interactive session and returns the exit status.
pub fn run_repl() -> i32 {
    let color = highlight::color_enabled();
    let config = Config::builder()
        .auto_add_history(false)
        .max_history_size(10_000)
        .map(|b| b.build())
        .unwrap_or_default();
    let mut editor = match Editor::<input::ReplHelper, DefaultHistory>::with_config(config) {
        Ok(e) => e,
        Err(e) => {
            eprintln!("baton: cannot start the line editor: {}", e);
            return 1;
        }
    };
    let completions = Rc::new(RefCell::new(Completions::default()));
    editor.set_helper(Some(input::ReplHelper {
        completions: completions.clone(),
        color,
    }));
    let printer: Option<Box<dyn output::Printer>> = match editor.create_external_printer() {
        Ok(p) => Some(Box::new(p)),
        Err(_) => None,
    };
    // Bounded: a task printing faster than the terminal shows it waits for it.
    let (out_tx, out_rx) = mpsc::sync_channel(1024);
    let output = std::thread::Builder::new()
        .name("baton-output".into())
        .spawn(move || output::output_thread(out_rx, printer));
    let Ok(output) = output else {
        eprintln!("baton: cannot start the output thread");
        return 1;
    };
    let (to_vm, vm_rx) = mpsc::channel();
    let (vm_tx, from_vm) = mpsc::channel();
    let vm = std::thread::Builder::new()
        .name("baton-repl".into())
        .stack_size(crate::run::STACK_SIZE)
        .spawn(move || session::vm_thread(vm_rx, vm_tx, out_tx));
    if vm.is_err() {
        eprintln!("baton: cannot start the interpreter thread");
        return 1;
    }
    println!(
        "Baton {} (a subset of Python 3.11), asyncio REPL: use \"await\" directly.\n\
         Type %help for help; exit, quit or Ctrl-D to leave.",
        env!("CARGO_PKG_VERSION")
    );
    let status = input::input_loop(editor, completions, to_vm, from_vm);
    // The output thread ends when the VM thread drops its sender; a VM stuck in a task
    // that never yields is left behind (the process exits).
    if let Ok(vm) = vm {
        if vm.is_finished() {
            let _ = vm.join();
            let _ = output.join();
        }
    }
    status
}
