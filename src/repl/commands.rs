//! The REPL's `%` commands, which cannot clash with Python syntax: `%tasks` (a table of
//! the loop's tasks: name, state, where each is suspended, what it awaits), `%state
//! EXPR` (a coroutine's or generator's state, line, `f_lasti`, locals and awaits),
//! `%dis NAME` (Baton's bytecode of a function) and `%help`.

use super::session::Session;
use crate::vm::error::ExcType;
use crate::vm::value::Value;
use crate::vm::PyErr;

pub const HELP: &str = "\
Baton REPL: type Python (the subset Baton runs); a block ends with a blank line.
  await EXPR        works at top level; the prompt runs inside an event loop, so
                    asyncio.create_task(...) keeps running in the background
  _                 the last value echoed
  %tasks            the loop's tasks: name, state, where suspended, what each awaits
  %state EXPR       a coroutine's, generator's or Task's state, line, f_lasti,
                    locals and what it awaits
  %dis NAME         Baton's bytecode of a function, method, coroutine or code object
  %help             this text
  exit, quit, Ctrl-D  leave;  Ctrl-C clears the line or interrupts running code
  Tab completes names, attributes after a dot, and keywords.";

/// Runs one `%` command (the text after `%`); `Some(status)` ends the session.
pub fn run(s: &mut Session, cmd: &str) -> Option<i32> {
    let (name, arg) = match cmd.split_once(char::is_whitespace) {
        Some((n, a)) => (n, a.trim()),
        None => (cmd, ""),
    };
    let result = match name {
        "help" => Ok(HELP.to_string()),
        "tasks" if arg.is_empty() => tasks(s),
        "tasks" => Err(usage("%tasks takes no argument")),
        "state" if arg.is_empty() => {
            Err(usage("usage: %state EXPR (a coroutine, generator or Task)"))
        }
        "state" => state(s, arg),
        "dis" if arg.is_empty() => Err(usage("usage: %dis NAME (a function, method or coroutine)")),
        "dis" => dis(s, arg),
        _ => Err(usage(&format!(
            "unknown command %{}; the commands are %tasks, %state EXPR, %dis NAME and %help",
            name
        ))),
    };
    match result {
        Ok(text) => {
            if !text.is_empty() {
                s.vm.print_line(&text);
            }
            s.vm.flush_stdout();
            None
        }
        Err(Failure::Usage(text)) => {
            s.vm.write_stderr(&format!("{}\n", text));
            None
        }
        Err(Failure::Error(e)) => s.report(e),
    }
}

enum Failure {
    Usage(String),
    Error(PyErr),
}

impl From<PyErr> for Failure {
    fn from(e: PyErr) -> Failure {
        Failure::Error(e)
    }
}

fn usage(text: &str) -> Failure {
    Failure::Usage(text.to_string())
}

fn tasks(s: &mut Session) -> Result<String, Failure> {
    let extra: Vec<Value> = s.last_input_task.iter().cloned().collect();
    let table = s.support_call("tasks_table", vec![Value::list(extra)])?;
    Ok(s.vm.str_string(&table)?)
}

fn state(s: &mut Session, expr: &str) -> Result<String, Failure> {
    let value = s.evaluate(expr)?;
    let text = s.support_call("state", vec![value])?;
    Ok(s.vm.str_string(&text)?)
}

fn dis(s: &mut Session, expr: &str) -> Result<String, Failure> {
    let mut value = s.evaluate(expr)?;
    // A Task shows its coroutine's code.
    if let Value::Instance(_) = &value {
        let get_coro = s.vm.intern("get_coro");
        if let Ok(Some(m)) = s.vm.try_get_attr(&value, &get_coro) {
            value = s.vm.call(&m, Vec::new())?;
        }
    }
    let dis = s.vm.import_module("dis")?;
    let name = s.vm.intern("dis");
    let f = s.vm.get_attr(&dis, &name)?;
    match s.vm.call(&f, vec![value]) {
        Ok(_) => Ok(String::new()),
        Err(e) if s.vm.err_is(&e, ExcType::TypeError) => {
            let exc = s.vm.normalize(e);
            Err(usage(&format!("%dis: {}", s.vm.str_string(&exc)?)))
        }
        Err(e) => Err(e.into()),
    }
}
