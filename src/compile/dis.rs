//! The disassembler: a deterministic text listing of a code object and, after it, of
//! every code object in its constants (recursively), as `baton dis` and the `dis`
//! module show it.
//!
//! ```text
//! Disassembly of <code object f at "x.py", line 1>:
//!   2           0 LoadFast            0 (x)
//!               1 LoadConst           1 (1)
//!               2 Binary              Add
//!               3 ReturnValue
//! ```
//!
//! Suspension points (YieldValue, YieldFrom) end with `>> suspend`: a suspended frame's
//! `f_lasti` is the offset of such an instruction.

use super::code::{CodeObject, Instr};
use crate::vm::value::Value;
use std::fmt::Write;

/// Disassembles `code` and all code objects nested in its constants.
pub fn disassemble(code: &CodeObject) -> String {
    let mut out = String::new();
    dis_rec(code, &mut out);
    out
}

fn dis_rec(code: &CodeObject, out: &mut String) {
    let _ = writeln!(out, "Disassembly of {}:", code_repr(code));
    dis_one(code, out);
    for c in &code.consts {
        if let Value::Code(inner) = c {
            out.push('\n');
            dis_rec(inner, out);
        }
    }
}

/// `<code object NAME at "FILE", line N>`
pub fn code_repr(code: &CodeObject) -> String {
    format!(
        "<code object {} at \"{}\", line {}>",
        code.name.as_str(),
        code.filename,
        code.firstlineno
    )
}

/// Lists the instructions of one code object.
pub fn dis_one(code: &CodeObject, out: &mut String) {
    let mut last_line = None;
    for (pc, instr) in code.instrs.iter().enumerate() {
        let line = code.lines.get(pc).copied();
        let line_col = if line != last_line {
            last_line = line;
            line.map(|l| l.to_string()).unwrap_or_default()
        } else {
            String::new()
        };
        let (name, arg) = split(instr);
        let mut text = format!("{:>4} {:>11} {}", line_col, pc, name);
        if let Some(arg) = arg {
            let _ = write!(
                text,
                "{}{}",
                " ".repeat(20usize.saturating_sub(name.len())),
                arg
            );
            if let Some(r) = resolve(code, instr) {
                let _ = write!(text, " ({})", r);
            }
        }
        if matches!(instr, Instr::YieldValue | Instr::YieldFrom) {
            text.push_str("  >> suspend");
        }
        out.push_str(text.trim_end());
        out.push('\n');
    }
}

/// The op name and operand text of an instruction, from its Debug form.
fn split(i: &Instr) -> (String, Option<String>) {
    let d = format!("{:?}", i);
    match d.find('(') {
        Some(p) => (d[..p].to_string(), Some(d[p + 1..d.len() - 1].to_string())),
        None => (d, None),
    }
}

fn name_at(v: &[std::rc::Rc<crate::vm::value::PyStr>], i: u32) -> Option<String> {
    v.get(i as usize).map(|s| s.as_str().to_string())
}

fn resolve(code: &CodeObject, i: &Instr) -> Option<String> {
    use Instr::*;
    match *i {
        LoadConst(k) => code.consts.get(k as usize).map(repr),
        LoadFast(k) | StoreFast(k) | DeleteFast(k) => name_at(&code.varnames, k),
        LoadDeref(k) | StoreDeref(k) | DeleteDeref(k) | LoadClosure(k) | LoadClassDeref(k) => {
            let k = k as usize;
            if k < code.cellvars.len() {
                name_at(&code.cellvars, k as u32)
            } else {
                name_at(&code.freevars, (k - code.cellvars.len()) as u32)
            }
        }
        LoadGlobal(k) | StoreGlobal(k) | DeleteGlobal(k) => code
            .global_names
            .iter()
            .find(|(s, _)| *s == k)
            .map(|(_, n)| n.as_str().to_string()),
        LoadName(k) | StoreName(k) | DeleteName(k) | LoadAttr(k) | StoreAttr(k) | DeleteAttr(k)
        | LoadMethod(k) | ImportName(k) | ImportFrom(k) => name_at(&code.names, k),
        UnpackEx(k) => Some(format!("{} before, {} after", k & 0xff, k >> 8)),
        MakeFunction(f) => {
            let mut parts = Vec::new();
            if f & 1 != 0 {
                parts.push("defaults");
            }
            if f & 2 != 0 {
                parts.push("kwdefaults");
            }
            if f & 8 != 0 {
                parts.push("closure");
            }
            if parts.is_empty() {
                None
            } else {
                Some(parts.join(", "))
            }
        }
        FormatValue(f) => {
            let conv = ["", "str", "repr", "ascii"][(f & 3) as usize];
            let spec = if f & 4 != 0 { "with spec" } else { "" };
            let s = [conv, spec]
                .iter()
                .filter(|x| !x.is_empty())
                .cloned()
                .collect::<Vec<_>>()
                .join(", ");
            if s.is_empty() {
                None
            } else {
                Some(s)
            }
        }
        _ => super::codegen::target_of(i).map(|t| format!("to {}", t)),
    }
}

/// A repr-like rendering of a constant.
pub fn repr(v: &Value) -> String {
    match v {
        Value::None => "None".into(),
        Value::Bool(true) => "True".into(),
        Value::Bool(false) => "False".into(),
        Value::Ellipsis => "Ellipsis".into(),
        Value::Int(i) => i.to_string(),
        Value::BigInt(b) => b.to_string(),
        Value::Float(f) => crate::vm::format::float_repr(*f),
        Value::Str(s) => crate::vm::format::str_repr(s.as_str()),
        Value::Tuple(t) => {
            let items: Vec<String> = t.iter().map(repr).collect();
            if items.len() == 1 {
                format!("({},)", items[0])
            } else {
                format!("({})", items.join(", "))
            }
        }
        Value::Code(c) => code_repr(c),
        other => format!("{:?}", other),
    }
}
