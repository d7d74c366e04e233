//! Built-in functions and the native modules (`sys`, `time`, `math`, `random`), and the
//! import system that also finds Baton modules under stdlib/ and beside the script.

pub mod builtins;
pub mod dis;
pub mod import;
pub mod math;
pub mod random;
pub mod sys;
pub mod time;
