//! The import system: native modules (`sys`, `time`, `math`, `random`), Baton modules
//! under stdlib/ (embedded in the binary), and `.py` files beside the running script,
//! with a module cache. Also runs a module's source as its body.

use crate::compile::GlobalResolver;
use crate::vm::error::{ExcType, PyErr, PyResult};
use crate::vm::interp::RunExit;
use crate::vm::value::{Module, PyStr, Value};
use crate::vm::Vm;
use std::rc::Rc;

/// Baton modules written in Baton, embedded at build time.
const STDLIB: &[(&str, &str)] = &[
    ("inspect", include_str!("../../stdlib/inspect.py")),
    ("contextlib", include_str!("../../stdlib/contextlib.py")),
    ("typing", include_str!("../../stdlib/typing.py")),
    ("types", include_str!("../../stdlib/types.py")),
    ("functools", include_str!("../../stdlib/functools.py")),
    ("collections", include_str!("../../stdlib/collections.py")),
    ("itertools", include_str!("../../stdlib/itertools.py")),
    ("operator", include_str!("../../stdlib/operator.py")),
    ("string", include_str!("../../stdlib/string.py")),
    ("bisect", include_str!("../../stdlib/bisect.py")),
    ("heapq", include_str!("../../stdlib/heapq.py")),
    ("dataclasses", include_str!("../../stdlib/dataclasses.py")),
    ("enum", include_str!("../../stdlib/enum.py")),
    ("copy", include_str!("../../stdlib/copy.py")),
    ("reprlib", include_str!("../../stdlib/reprlib.py")),
    ("json", include_str!("../../stdlib/json.py")),
    ("abc", include_str!("../../stdlib/abc.py")),
    ("datetime", include_str!("../../stdlib/datetime.py")),
    ("_strptime", include_str!("../../stdlib/_strptime.py")),
    ("time", include_str!("../../stdlib/time.py")),
    ("asyncio", include_str!("../../stdlib/asyncio.py")),
    (
        "asyncio.locks",
        include_str!("../../stdlib/asyncio/locks.py"),
    ),
    (
        "asyncio.queues",
        include_str!("../../stdlib/asyncio/queues.py"),
    ),
    (
        "asyncio.taskgroups",
        include_str!("../../stdlib/asyncio/taskgroups.py"),
    ),
    (
        "asyncio.graph",
        include_str!("../../stdlib/asyncio/graph.py"),
    ),
    (
        "asyncio.tasks",
        include_str!("../../stdlib/asyncio/tasks.py"),
    ),
    (
        "asyncio.timeouts",
        include_str!("../../stdlib/asyncio/timeouts.py"),
    ),
    (
        "asyncio.deadlock",
        include_str!("../../stdlib/asyncio/deadlock.py"),
    ),
];

impl GlobalResolver for Module {
    fn slot(&mut self, name: &str) -> u32 {
        Module::slot(self, name)
    }
}

/// Resolves global names to the slots of a shared module.
pub struct ModuleSlots<'a> {
    pub module: &'a Rc<Module>,
    /// The compiler's SyntaxWarnings, by line, in the order it gave them.
    pub warnings: Vec<(u32, String)>,
}

impl<'a> ModuleSlots<'a> {
    pub fn new(module: &'a Rc<Module>) -> ModuleSlots<'a> {
        ModuleSlots {
            module,
            warnings: Vec::new(),
        }
    }
}

impl GlobalResolver for ModuleSlots<'_> {
    fn slot(&mut self, name: &str) -> u32 {
        self.module.slot(name)
    }

    fn module(&self) -> Option<Rc<Module>> {
        Some(self.module.clone())
    }

    fn warn(&mut self, line: u32, message: String) {
        self.warnings.push((line, message));
    }
}

/// Why a module's source could not be run.
pub enum RunError {
    Syntax(crate::syntax::SyntaxError),
    Exception(PyErr),
}

impl Vm {
    /// `import name`
    pub fn import_module(&mut self, name: &str) -> PyResult<Value> {
        if let Some(m) = self.modules.get(name) {
            return Ok(m.clone());
        }
        let module = match name {
            "sys" => crate::modules::sys::module(self),
            "_time" => crate::modules::time::module(self),
            "math" => crate::modules::math::module(self),
            "dis" => crate::modules::dis::module(self),
            "random" => crate::modules::random::module(self),
            "builtins" => self.builtins.clone(),
            "_asyncio" => crate::runtime::module(self),
            _ => return self.import_source_module(name),
        };
        let v = Value::Module(module);
        self.modules.insert(name.to_string(), v.clone());
        Ok(v)
    }

    fn import_source_module(&mut self, name: &str) -> PyResult<Value> {
        let (filename, source): (String, std::borrow::Cow<'static, str>) =
            if let Some((_, src)) = STDLIB.iter().find(|(n, _)| *n == name) {
                (format!("<stdlib>/{}.py", name), (*src).into())
            } else {
                let path = self.script_dir.join(format!("{}.py", name));
                match std::fs::read(&path) {
                    Ok(bytes) => match String::from_utf8(bytes) {
                        Ok(s) => (path.to_string_lossy().into_owned(), s.into()),
                        Err(_) => {
                            return Err(PyErr::new(
                                ExcType::SyntaxError,
                                format!("Non-UTF-8 code in file {}", path.display()),
                            ))
                        }
                    },
                    Err(_) => return Err(self.module_not_found(name)),
                }
            };
        let module = Rc::new(Module::new(name, &filename));
        let v = Value::Module(module.clone());
        self.modules.insert(name.to_string(), v.clone());
        match self.run_module_source(&module, &filename, &source) {
            Ok(_) => Ok(v),
            Err(RunError::Exception(e)) => {
                self.modules.remove(name);
                Err(e)
            }
            Err(RunError::Syntax(se)) => {
                self.modules.remove(name);
                let (line, _) = se.line_col(&source);
                Err(PyErr::new(
                    ExcType::SyntaxError,
                    format!("{} ({}, line {})", se.msg, filename, line),
                ))
            }
        }
    }

    /// `ModuleNotFoundError: No module named 'x'`, with its `name` attribute.
    fn module_not_found(&mut self, name: &str) -> PyErr {
        self.exception_with_attrs(
            ExcType::ModuleNotFoundError,
            format!("No module named '{}'", name),
            vec![("name", Value::str(name))],
        )
    }

    /// `from module import name`
    pub(crate) fn import_from(&mut self, module: &Value, name: &Rc<PyStr>) -> PyResult<Value> {
        // An AttributeError from a module's `__getattr__` means "no such name" too.
        let found = match self.try_get_attr(module, name) {
            Err(e) if self.err_is(&e, ExcType::AttributeError) => None,
            other => other?,
        };
        match found {
            Some(v) => Ok(v),
            None => {
                let (mname, file) = match module {
                    Value::Module(m) => (m.name.as_str().to_string(), m.filename.to_string()),
                    _ => ("?".into(), "?".into()),
                };
                let location = if file.starts_with('<') {
                    "unknown location".to_string()
                } else {
                    file
                };
                Err(PyErr::new(
                    ExcType::ImportError,
                    format!(
                        "cannot import name '{}' from '{}' ({})",
                        name.as_str(),
                        mname,
                        location
                    ),
                ))
            }
        }
    }

    /// Parses, compiles and runs source text as the body of `module`.
    pub fn run_module_source(
        &mut self,
        module: &Rc<Module>,
        filename: &str,
        source: &str,
    ) -> Result<Value, RunError> {
        let code = self.compile_source(module, filename, source, false)?;
        self.run_code(module, code).map_err(RunError::Exception)
    }

    /// Parses and compiles source for a module (REPL inputs echo their last expression).
    pub fn compile_source(
        &mut self,
        module: &Rc<Module>,
        filename: &str,
        source: &str,
        interactive: bool,
    ) -> Result<Rc<crate::compile::code::CodeObject>, RunError> {
        let ast = crate::syntax::parse_module(source).map_err(RunError::Syntax)?;
        self.sources.insert(filename.into(), source.into());
        if module.get("__name__").is_none() {
            module.set("__name__", Value::Str(module.name.clone()));
        }
        // As CPython's module code sets them: the docstring (or None), and the file
        // the module came from (none for `-c` code or a REPL input).
        if !interactive {
            let doc = crate::compile::docstring(&ast.body).map_or(Value::None, Value::str);
            module.set("__doc__", doc);
            if !filename.starts_with('<') || filename == "<stdin>" {
                module.set("__file__", Value::str(filename));
            }
        }
        let mut slots = ModuleSlots::new(module);
        let code = if interactive {
            crate::compile::compile_module_interactive(&ast, source, filename, &mut slots)
        } else {
            crate::compile::compile_module(&ast, source, filename, &mut slots)
        };
        let code = code.map_err(RunError::Syntax)?;
        self.print_syntax_warnings(filename, &slots.warnings);
        Ok(code)
    }

    /// Prints the compiler's SyntaxWarnings for `filename` (its source already in
    /// `sources`) as CPython's warnings module shows them: `file:line: SyntaxWarning:
    /// message`, then the source line when there is one (`Vm::source_line`).
    pub fn print_syntax_warnings(&mut self, filename: &str, warnings: &[(u32, String)]) {
        for (line, message) in warnings {
            let mut text = format!("{filename}:{line}: SyntaxWarning: {message}\n");
            if let Some(src) = self.source_line(filename, *line) {
                text.push_str(&format!("  {}\n", src.trim()));
            }
            self.write_stderr(&text);
        }
    }

    /// Runs a compiled module body.
    pub fn run_code(
        &mut self,
        module: &Rc<Module>,
        code: Rc<crate::compile::code::CodeObject>,
    ) -> PyResult<Value> {
        let mut frame = self.new_frame(code.clone(), module.clone());
        self.stack
            .resize(frame.base + code.nlocals(), Value::Undefined);
        for _ in 0..code.ncells() {
            frame
                .cells
                .push(Rc::new(std::cell::RefCell::new(Value::Undefined)));
        }
        frame.is_entry = true;
        self.count_step();
        self.frames.push(frame);
        match self.run_loop()? {
            RunExit::Return(v) => Ok(v),
            RunExit::Yield(_) => Err(PyErr::runtime_error("module body yielded")),
            RunExit::Escape(e) => Err(e),
        }
    }
}
