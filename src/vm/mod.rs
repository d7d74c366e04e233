//! The virtual machine: values and object types, heap frames, the run loop,
//! exceptions and tracebacks.

pub mod dict;
pub mod error;
pub mod format;
pub mod frame;
pub mod hash;
pub mod set;
pub mod strmethods;
pub mod value;

pub use error::{ExcType, PyErr, PyResult};
pub use value::Value;

/// The interpreter state.
pub struct Vm {}
