//! str methods.
