//! random.
