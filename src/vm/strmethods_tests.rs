//! Unit tests for the str methods; expectations produced by CPython 3.11 (generated
//! tables: not rustfmt-formatted).

#![allow(clippy::bool_assert_comparison, clippy::type_complexity)]

use super::*;

#[test]
fn split_table() {
    assert_eq!(split("a b  c", None, -1).unwrap(), &["a", "b", "c"] as &[&str]);
    assert_eq!(rsplit("a b  c", None, -1).unwrap(), &["a", "b", "c"] as &[&str]);
    assert_eq!(split("a b  c", None, 0).unwrap(), &["a b  c"] as &[&str]);
    assert_eq!(rsplit("a b  c", None, 0).unwrap(), &["a b  c"] as &[&str]);
    assert_eq!(split("a b  c", None, 1).unwrap(), &["a", "b  c"] as &[&str]);
    assert_eq!(rsplit("a b  c", None, 1).unwrap(), &["a b", "c"] as &[&str]);
    assert_eq!(split("a b  c", None, 2).unwrap(), &["a", "b", "c"] as &[&str]);
    assert_eq!(rsplit("a b  c", None, 2).unwrap(), &["a", "b", "c"] as &[&str]);
    assert_eq!(split("a b  c", Some(","), -1).unwrap(), &["a b  c"] as &[&str]);
    assert_eq!(rsplit("a b  c", Some(","), -1).unwrap(), &["a b  c"] as &[&str]);
    assert_eq!(split("a b  c", Some(","), 0).unwrap(), &["a b  c"] as &[&str]);
    assert_eq!(rsplit("a b  c", Some(","), 0).unwrap(), &["a b  c"] as &[&str]);
    assert_eq!(split("a b  c", Some(","), 1).unwrap(), &["a b  c"] as &[&str]);
    assert_eq!(rsplit("a b  c", Some(","), 1).unwrap(), &["a b  c"] as &[&str]);
    assert_eq!(split("a b  c", Some(","), 2).unwrap(), &["a b  c"] as &[&str]);
    assert_eq!(rsplit("a b  c", Some(","), 2).unwrap(), &["a b  c"] as &[&str]);
    assert_eq!(split("a b  c", Some("aa"), -1).unwrap(), &["a b  c"] as &[&str]);
    assert_eq!(rsplit("a b  c", Some("aa"), -1).unwrap(), &["a b  c"] as &[&str]);
    assert_eq!(split("a b  c", Some("aa"), 0).unwrap(), &["a b  c"] as &[&str]);
    assert_eq!(rsplit("a b  c", Some("aa"), 0).unwrap(), &["a b  c"] as &[&str]);
    assert_eq!(split("a b  c", Some("aa"), 1).unwrap(), &["a b  c"] as &[&str]);
    assert_eq!(rsplit("a b  c", Some("aa"), 1).unwrap(), &["a b  c"] as &[&str]);
    assert_eq!(split("a b  c", Some("aa"), 2).unwrap(), &["a b  c"] as &[&str]);
    assert_eq!(rsplit("a b  c", Some("aa"), 2).unwrap(), &["a b  c"] as &[&str]);
    assert_eq!(split("a b  c", Some(" "), -1).unwrap(), &["a", "b", "", "c"] as &[&str]);
    assert_eq!(rsplit("a b  c", Some(" "), -1).unwrap(), &["a", "b", "", "c"] as &[&str]);
    assert_eq!(split("a b  c", Some(" "), 0).unwrap(), &["a b  c"] as &[&str]);
    assert_eq!(rsplit("a b  c", Some(" "), 0).unwrap(), &["a b  c"] as &[&str]);
    assert_eq!(split("a b  c", Some(" "), 1).unwrap(), &["a", "b  c"] as &[&str]);
    assert_eq!(rsplit("a b  c", Some(" "), 1).unwrap(), &["a b ", "c"] as &[&str]);
    assert_eq!(split("a b  c", Some(" "), 2).unwrap(), &["a", "b", " c"] as &[&str]);
    assert_eq!(rsplit("a b  c", Some(" "), 2).unwrap(), &["a b", "", "c"] as &[&str]);
    assert_eq!(split("  a b c  ", None, -1).unwrap(), &["a", "b", "c"] as &[&str]);
    assert_eq!(rsplit("  a b c  ", None, -1).unwrap(), &["a", "b", "c"] as &[&str]);
    assert_eq!(split("  a b c  ", None, 0).unwrap(), &["a b c  "] as &[&str]);
    assert_eq!(rsplit("  a b c  ", None, 0).unwrap(), &["  a b c"] as &[&str]);
    assert_eq!(split("  a b c  ", None, 1).unwrap(), &["a", "b c  "] as &[&str]);
    assert_eq!(rsplit("  a b c  ", None, 1).unwrap(), &["  a b", "c"] as &[&str]);
    assert_eq!(split("  a b c  ", None, 2).unwrap(), &["a", "b", "c  "] as &[&str]);
    assert_eq!(rsplit("  a b c  ", None, 2).unwrap(), &["  a", "b", "c"] as &[&str]);
    assert_eq!(split("  a b c  ", Some(","), -1).unwrap(), &["  a b c  "] as &[&str]);
    assert_eq!(rsplit("  a b c  ", Some(","), -1).unwrap(), &["  a b c  "] as &[&str]);
    assert_eq!(split("  a b c  ", Some(","), 0).unwrap(), &["  a b c  "] as &[&str]);
    assert_eq!(rsplit("  a b c  ", Some(","), 0).unwrap(), &["  a b c  "] as &[&str]);
    assert_eq!(split("  a b c  ", Some(","), 1).unwrap(), &["  a b c  "] as &[&str]);
    assert_eq!(rsplit("  a b c  ", Some(","), 1).unwrap(), &["  a b c  "] as &[&str]);
    assert_eq!(split("  a b c  ", Some(","), 2).unwrap(), &["  a b c  "] as &[&str]);
    assert_eq!(rsplit("  a b c  ", Some(","), 2).unwrap(), &["  a b c  "] as &[&str]);
    assert_eq!(split("  a b c  ", Some("aa"), -1).unwrap(), &["  a b c  "] as &[&str]);
    assert_eq!(rsplit("  a b c  ", Some("aa"), -1).unwrap(), &["  a b c  "] as &[&str]);
    assert_eq!(split("  a b c  ", Some("aa"), 0).unwrap(), &["  a b c  "] as &[&str]);
    assert_eq!(rsplit("  a b c  ", Some("aa"), 0).unwrap(), &["  a b c  "] as &[&str]);
    assert_eq!(split("  a b c  ", Some("aa"), 1).unwrap(), &["  a b c  "] as &[&str]);
    assert_eq!(rsplit("  a b c  ", Some("aa"), 1).unwrap(), &["  a b c  "] as &[&str]);
    assert_eq!(split("  a b c  ", Some("aa"), 2).unwrap(), &["  a b c  "] as &[&str]);
    assert_eq!(rsplit("  a b c  ", Some("aa"), 2).unwrap(), &["  a b c  "] as &[&str]);
    assert_eq!(split("  a b c  ", Some(" "), -1).unwrap(), &["", "", "a", "b", "c", "", ""] as &[&str]);
    assert_eq!(rsplit("  a b c  ", Some(" "), -1).unwrap(), &["", "", "a", "b", "c", "", ""] as &[&str]);
    assert_eq!(split("  a b c  ", Some(" "), 0).unwrap(), &["  a b c  "] as &[&str]);
    assert_eq!(rsplit("  a b c  ", Some(" "), 0).unwrap(), &["  a b c  "] as &[&str]);
    assert_eq!(split("  a b c  ", Some(" "), 1).unwrap(), &["", " a b c  "] as &[&str]);
    assert_eq!(rsplit("  a b c  ", Some(" "), 1).unwrap(), &["  a b c ", ""] as &[&str]);
    assert_eq!(split("  a b c  ", Some(" "), 2).unwrap(), &["", "", "a b c  "] as &[&str]);
    assert_eq!(rsplit("  a b c  ", Some(" "), 2).unwrap(), &["  a b c", "", ""] as &[&str]);
    assert_eq!(split("a,b,,c", None, -1).unwrap(), &["a,b,,c"] as &[&str]);
    assert_eq!(rsplit("a,b,,c", None, -1).unwrap(), &["a,b,,c"] as &[&str]);
    assert_eq!(split("a,b,,c", None, 0).unwrap(), &["a,b,,c"] as &[&str]);
    assert_eq!(rsplit("a,b,,c", None, 0).unwrap(), &["a,b,,c"] as &[&str]);
    assert_eq!(split("a,b,,c", None, 1).unwrap(), &["a,b,,c"] as &[&str]);
    assert_eq!(rsplit("a,b,,c", None, 1).unwrap(), &["a,b,,c"] as &[&str]);
    assert_eq!(split("a,b,,c", None, 2).unwrap(), &["a,b,,c"] as &[&str]);
    assert_eq!(rsplit("a,b,,c", None, 2).unwrap(), &["a,b,,c"] as &[&str]);
    assert_eq!(split("a,b,,c", Some(","), -1).unwrap(), &["a", "b", "", "c"] as &[&str]);
    assert_eq!(rsplit("a,b,,c", Some(","), -1).unwrap(), &["a", "b", "", "c"] as &[&str]);
    assert_eq!(split("a,b,,c", Some(","), 0).unwrap(), &["a,b,,c"] as &[&str]);
    assert_eq!(rsplit("a,b,,c", Some(","), 0).unwrap(), &["a,b,,c"] as &[&str]);
    assert_eq!(split("a,b,,c", Some(","), 1).unwrap(), &["a", "b,,c"] as &[&str]);
    assert_eq!(rsplit("a,b,,c", Some(","), 1).unwrap(), &["a,b,", "c"] as &[&str]);
    assert_eq!(split("a,b,,c", Some(","), 2).unwrap(), &["a", "b", ",c"] as &[&str]);
    assert_eq!(rsplit("a,b,,c", Some(","), 2).unwrap(), &["a,b", "", "c"] as &[&str]);
    assert_eq!(split("a,b,,c", Some("aa"), -1).unwrap(), &["a,b,,c"] as &[&str]);
    assert_eq!(rsplit("a,b,,c", Some("aa"), -1).unwrap(), &["a,b,,c"] as &[&str]);
    assert_eq!(split("a,b,,c", Some("aa"), 0).unwrap(), &["a,b,,c"] as &[&str]);
    assert_eq!(rsplit("a,b,,c", Some("aa"), 0).unwrap(), &["a,b,,c"] as &[&str]);
    assert_eq!(split("a,b,,c", Some("aa"), 1).unwrap(), &["a,b,,c"] as &[&str]);
    assert_eq!(rsplit("a,b,,c", Some("aa"), 1).unwrap(), &["a,b,,c"] as &[&str]);
    assert_eq!(split("a,b,,c", Some("aa"), 2).unwrap(), &["a,b,,c"] as &[&str]);
    assert_eq!(rsplit("a,b,,c", Some("aa"), 2).unwrap(), &["a,b,,c"] as &[&str]);
    assert_eq!(split("a,b,,c", Some(" "), -1).unwrap(), &["a,b,,c"] as &[&str]);
    assert_eq!(rsplit("a,b,,c", Some(" "), -1).unwrap(), &["a,b,,c"] as &[&str]);
    assert_eq!(split("a,b,,c", Some(" "), 0).unwrap(), &["a,b,,c"] as &[&str]);
    assert_eq!(rsplit("a,b,,c", Some(" "), 0).unwrap(), &["a,b,,c"] as &[&str]);
    assert_eq!(split("a,b,,c", Some(" "), 1).unwrap(), &["a,b,,c"] as &[&str]);
    assert_eq!(rsplit("a,b,,c", Some(" "), 1).unwrap(), &["a,b,,c"] as &[&str]);
    assert_eq!(split("a,b,,c", Some(" "), 2).unwrap(), &["a,b,,c"] as &[&str]);
    assert_eq!(rsplit("a,b,,c", Some(" "), 2).unwrap(), &["a,b,,c"] as &[&str]);
    assert_eq!(split("", None, -1).unwrap(), &[] as &[&str]);
    assert_eq!(rsplit("", None, -1).unwrap(), &[] as &[&str]);
    assert_eq!(split("", None, 0).unwrap(), &[] as &[&str]);
    assert_eq!(rsplit("", None, 0).unwrap(), &[] as &[&str]);
    assert_eq!(split("", None, 1).unwrap(), &[] as &[&str]);
    assert_eq!(rsplit("", None, 1).unwrap(), &[] as &[&str]);
    assert_eq!(split("", None, 2).unwrap(), &[] as &[&str]);
    assert_eq!(rsplit("", None, 2).unwrap(), &[] as &[&str]);
    assert_eq!(split("", Some(","), -1).unwrap(), &[""] as &[&str]);
    assert_eq!(rsplit("", Some(","), -1).unwrap(), &[""] as &[&str]);
    assert_eq!(split("", Some(","), 0).unwrap(), &[""] as &[&str]);
    assert_eq!(rsplit("", Some(","), 0).unwrap(), &[""] as &[&str]);
    assert_eq!(split("", Some(","), 1).unwrap(), &[""] as &[&str]);
    assert_eq!(rsplit("", Some(","), 1).unwrap(), &[""] as &[&str]);
    assert_eq!(split("", Some(","), 2).unwrap(), &[""] as &[&str]);
    assert_eq!(rsplit("", Some(","), 2).unwrap(), &[""] as &[&str]);
    assert_eq!(split("", Some("aa"), -1).unwrap(), &[""] as &[&str]);
    assert_eq!(rsplit("", Some("aa"), -1).unwrap(), &[""] as &[&str]);
    assert_eq!(split("", Some("aa"), 0).unwrap(), &[""] as &[&str]);
    assert_eq!(rsplit("", Some("aa"), 0).unwrap(), &[""] as &[&str]);
    assert_eq!(split("", Some("aa"), 1).unwrap(), &[""] as &[&str]);
    assert_eq!(rsplit("", Some("aa"), 1).unwrap(), &[""] as &[&str]);
    assert_eq!(split("", Some("aa"), 2).unwrap(), &[""] as &[&str]);
    assert_eq!(rsplit("", Some("aa"), 2).unwrap(), &[""] as &[&str]);
    assert_eq!(split("", Some(" "), -1).unwrap(), &[""] as &[&str]);
    assert_eq!(rsplit("", Some(" "), -1).unwrap(), &[""] as &[&str]);
    assert_eq!(split("", Some(" "), 0).unwrap(), &[""] as &[&str]);
    assert_eq!(rsplit("", Some(" "), 0).unwrap(), &[""] as &[&str]);
    assert_eq!(split("", Some(" "), 1).unwrap(), &[""] as &[&str]);
    assert_eq!(rsplit("", Some(" "), 1).unwrap(), &[""] as &[&str]);
    assert_eq!(split("", Some(" "), 2).unwrap(), &[""] as &[&str]);
    assert_eq!(rsplit("", Some(" "), 2).unwrap(), &[""] as &[&str]);
    assert_eq!(split("a\u{9}b\u{a}c\u{b}d\u{1c}e", None, -1).unwrap(), &["a", "b", "c", "d", "e"] as &[&str]);
    assert_eq!(rsplit("a\u{9}b\u{a}c\u{b}d\u{1c}e", None, -1).unwrap(), &["a", "b", "c", "d", "e"] as &[&str]);
    assert_eq!(split("a\u{9}b\u{a}c\u{b}d\u{1c}e", None, 0).unwrap(), &["a\u{9}b\u{a}c\u{b}d\u{1c}e"] as &[&str]);
    assert_eq!(rsplit("a\u{9}b\u{a}c\u{b}d\u{1c}e", None, 0).unwrap(), &["a\u{9}b\u{a}c\u{b}d\u{1c}e"] as &[&str]);
    assert_eq!(split("a\u{9}b\u{a}c\u{b}d\u{1c}e", None, 1).unwrap(), &["a", "b\u{a}c\u{b}d\u{1c}e"] as &[&str]);
    assert_eq!(rsplit("a\u{9}b\u{a}c\u{b}d\u{1c}e", None, 1).unwrap(), &["a\u{9}b\u{a}c\u{b}d", "e"] as &[&str]);
    assert_eq!(split("a\u{9}b\u{a}c\u{b}d\u{1c}e", None, 2).unwrap(), &["a", "b", "c\u{b}d\u{1c}e"] as &[&str]);
    assert_eq!(rsplit("a\u{9}b\u{a}c\u{b}d\u{1c}e", None, 2).unwrap(), &["a\u{9}b\u{a}c", "d", "e"] as &[&str]);
    assert_eq!(split("a\u{9}b\u{a}c\u{b}d\u{1c}e", Some(","), -1).unwrap(), &["a\u{9}b\u{a}c\u{b}d\u{1c}e"] as &[&str]);
    assert_eq!(rsplit("a\u{9}b\u{a}c\u{b}d\u{1c}e", Some(","), -1).unwrap(), &["a\u{9}b\u{a}c\u{b}d\u{1c}e"] as &[&str]);
    assert_eq!(split("a\u{9}b\u{a}c\u{b}d\u{1c}e", Some(","), 0).unwrap(), &["a\u{9}b\u{a}c\u{b}d\u{1c}e"] as &[&str]);
    assert_eq!(rsplit("a\u{9}b\u{a}c\u{b}d\u{1c}e", Some(","), 0).unwrap(), &["a\u{9}b\u{a}c\u{b}d\u{1c}e"] as &[&str]);
    assert_eq!(split("a\u{9}b\u{a}c\u{b}d\u{1c}e", Some(","), 1).unwrap(), &["a\u{9}b\u{a}c\u{b}d\u{1c}e"] as &[&str]);
    assert_eq!(rsplit("a\u{9}b\u{a}c\u{b}d\u{1c}e", Some(","), 1).unwrap(), &["a\u{9}b\u{a}c\u{b}d\u{1c}e"] as &[&str]);
    assert_eq!(split("a\u{9}b\u{a}c\u{b}d\u{1c}e", Some(","), 2).unwrap(), &["a\u{9}b\u{a}c\u{b}d\u{1c}e"] as &[&str]);
    assert_eq!(rsplit("a\u{9}b\u{a}c\u{b}d\u{1c}e", Some(","), 2).unwrap(), &["a\u{9}b\u{a}c\u{b}d\u{1c}e"] as &[&str]);
    assert_eq!(split("a\u{9}b\u{a}c\u{b}d\u{1c}e", Some("aa"), -1).unwrap(), &["a\u{9}b\u{a}c\u{b}d\u{1c}e"] as &[&str]);
    assert_eq!(rsplit("a\u{9}b\u{a}c\u{b}d\u{1c}e", Some("aa"), -1).unwrap(), &["a\u{9}b\u{a}c\u{b}d\u{1c}e"] as &[&str]);
    assert_eq!(split("a\u{9}b\u{a}c\u{b}d\u{1c}e", Some("aa"), 0).unwrap(), &["a\u{9}b\u{a}c\u{b}d\u{1c}e"] as &[&str]);
    assert_eq!(rsplit("a\u{9}b\u{a}c\u{b}d\u{1c}e", Some("aa"), 0).unwrap(), &["a\u{9}b\u{a}c\u{b}d\u{1c}e"] as &[&str]);
    assert_eq!(split("a\u{9}b\u{a}c\u{b}d\u{1c}e", Some("aa"), 1).unwrap(), &["a\u{9}b\u{a}c\u{b}d\u{1c}e"] as &[&str]);
    assert_eq!(rsplit("a\u{9}b\u{a}c\u{b}d\u{1c}e", Some("aa"), 1).unwrap(), &["a\u{9}b\u{a}c\u{b}d\u{1c}e"] as &[&str]);
    assert_eq!(split("a\u{9}b\u{a}c\u{b}d\u{1c}e", Some("aa"), 2).unwrap(), &["a\u{9}b\u{a}c\u{b}d\u{1c}e"] as &[&str]);
    assert_eq!(rsplit("a\u{9}b\u{a}c\u{b}d\u{1c}e", Some("aa"), 2).unwrap(), &["a\u{9}b\u{a}c\u{b}d\u{1c}e"] as &[&str]);
    assert_eq!(split("a\u{9}b\u{a}c\u{b}d\u{1c}e", Some(" "), -1).unwrap(), &["a\u{9}b\u{a}c\u{b}d\u{1c}e"] as &[&str]);
    assert_eq!(rsplit("a\u{9}b\u{a}c\u{b}d\u{1c}e", Some(" "), -1).unwrap(), &["a\u{9}b\u{a}c\u{b}d\u{1c}e"] as &[&str]);
    assert_eq!(split("a\u{9}b\u{a}c\u{b}d\u{1c}e", Some(" "), 0).unwrap(), &["a\u{9}b\u{a}c\u{b}d\u{1c}e"] as &[&str]);
    assert_eq!(rsplit("a\u{9}b\u{a}c\u{b}d\u{1c}e", Some(" "), 0).unwrap(), &["a\u{9}b\u{a}c\u{b}d\u{1c}e"] as &[&str]);
    assert_eq!(split("a\u{9}b\u{a}c\u{b}d\u{1c}e", Some(" "), 1).unwrap(), &["a\u{9}b\u{a}c\u{b}d\u{1c}e"] as &[&str]);
    assert_eq!(rsplit("a\u{9}b\u{a}c\u{b}d\u{1c}e", Some(" "), 1).unwrap(), &["a\u{9}b\u{a}c\u{b}d\u{1c}e"] as &[&str]);
    assert_eq!(split("a\u{9}b\u{a}c\u{b}d\u{1c}e", Some(" "), 2).unwrap(), &["a\u{9}b\u{a}c\u{b}d\u{1c}e"] as &[&str]);
    assert_eq!(rsplit("a\u{9}b\u{a}c\u{b}d\u{1c}e", Some(" "), 2).unwrap(), &["a\u{9}b\u{a}c\u{b}d\u{1c}e"] as &[&str]);
    assert_eq!(split(",a,", None, -1).unwrap(), &[",a,"] as &[&str]);
    assert_eq!(rsplit(",a,", None, -1).unwrap(), &[",a,"] as &[&str]);
    assert_eq!(split(",a,", None, 0).unwrap(), &[",a,"] as &[&str]);
    assert_eq!(rsplit(",a,", None, 0).unwrap(), &[",a,"] as &[&str]);
    assert_eq!(split(",a,", None, 1).unwrap(), &[",a,"] as &[&str]);
    assert_eq!(rsplit(",a,", None, 1).unwrap(), &[",a,"] as &[&str]);
    assert_eq!(split(",a,", None, 2).unwrap(), &[",a,"] as &[&str]);
    assert_eq!(rsplit(",a,", None, 2).unwrap(), &[",a,"] as &[&str]);
    assert_eq!(split(",a,", Some(","), -1).unwrap(), &["", "a", ""] as &[&str]);
    assert_eq!(rsplit(",a,", Some(","), -1).unwrap(), &["", "a", ""] as &[&str]);
    assert_eq!(split(",a,", Some(","), 0).unwrap(), &[",a,"] as &[&str]);
    assert_eq!(rsplit(",a,", Some(","), 0).unwrap(), &[",a,"] as &[&str]);
    assert_eq!(split(",a,", Some(","), 1).unwrap(), &["", "a,"] as &[&str]);
    assert_eq!(rsplit(",a,", Some(","), 1).unwrap(), &[",a", ""] as &[&str]);
    assert_eq!(split(",a,", Some(","), 2).unwrap(), &["", "a", ""] as &[&str]);
    assert_eq!(rsplit(",a,", Some(","), 2).unwrap(), &["", "a", ""] as &[&str]);
    assert_eq!(split(",a,", Some("aa"), -1).unwrap(), &[",a,"] as &[&str]);
    assert_eq!(rsplit(",a,", Some("aa"), -1).unwrap(), &[",a,"] as &[&str]);
    assert_eq!(split(",a,", Some("aa"), 0).unwrap(), &[",a,"] as &[&str]);
    assert_eq!(rsplit(",a,", Some("aa"), 0).unwrap(), &[",a,"] as &[&str]);
    assert_eq!(split(",a,", Some("aa"), 1).unwrap(), &[",a,"] as &[&str]);
    assert_eq!(rsplit(",a,", Some("aa"), 1).unwrap(), &[",a,"] as &[&str]);
    assert_eq!(split(",a,", Some("aa"), 2).unwrap(), &[",a,"] as &[&str]);
    assert_eq!(rsplit(",a,", Some("aa"), 2).unwrap(), &[",a,"] as &[&str]);
    assert_eq!(split(",a,", Some(" "), -1).unwrap(), &[",a,"] as &[&str]);
    assert_eq!(rsplit(",a,", Some(" "), -1).unwrap(), &[",a,"] as &[&str]);
    assert_eq!(split(",a,", Some(" "), 0).unwrap(), &[",a,"] as &[&str]);
    assert_eq!(rsplit(",a,", Some(" "), 0).unwrap(), &[",a,"] as &[&str]);
    assert_eq!(split(",a,", Some(" "), 1).unwrap(), &[",a,"] as &[&str]);
    assert_eq!(rsplit(",a,", Some(" "), 1).unwrap(), &[",a,"] as &[&str]);
    assert_eq!(split(",a,", Some(" "), 2).unwrap(), &[",a,"] as &[&str]);
    assert_eq!(rsplit(",a,", Some(" "), 2).unwrap(), &[",a,"] as &[&str]);
    assert_eq!(split("aaa", None, -1).unwrap(), &["aaa"] as &[&str]);
    assert_eq!(rsplit("aaa", None, -1).unwrap(), &["aaa"] as &[&str]);
    assert_eq!(split("aaa", None, 0).unwrap(), &["aaa"] as &[&str]);
    assert_eq!(rsplit("aaa", None, 0).unwrap(), &["aaa"] as &[&str]);
    assert_eq!(split("aaa", None, 1).unwrap(), &["aaa"] as &[&str]);
    assert_eq!(rsplit("aaa", None, 1).unwrap(), &["aaa"] as &[&str]);
    assert_eq!(split("aaa", None, 2).unwrap(), &["aaa"] as &[&str]);
    assert_eq!(rsplit("aaa", None, 2).unwrap(), &["aaa"] as &[&str]);
    assert_eq!(split("aaa", Some(","), -1).unwrap(), &["aaa"] as &[&str]);
    assert_eq!(rsplit("aaa", Some(","), -1).unwrap(), &["aaa"] as &[&str]);
    assert_eq!(split("aaa", Some(","), 0).unwrap(), &["aaa"] as &[&str]);
    assert_eq!(rsplit("aaa", Some(","), 0).unwrap(), &["aaa"] as &[&str]);
    assert_eq!(split("aaa", Some(","), 1).unwrap(), &["aaa"] as &[&str]);
    assert_eq!(rsplit("aaa", Some(","), 1).unwrap(), &["aaa"] as &[&str]);
    assert_eq!(split("aaa", Some(","), 2).unwrap(), &["aaa"] as &[&str]);
    assert_eq!(rsplit("aaa", Some(","), 2).unwrap(), &["aaa"] as &[&str]);
    assert_eq!(split("aaa", Some("aa"), -1).unwrap(), &["", "a"] as &[&str]);
    assert_eq!(rsplit("aaa", Some("aa"), -1).unwrap(), &["a", ""] as &[&str]);
    assert_eq!(split("aaa", Some("aa"), 0).unwrap(), &["aaa"] as &[&str]);
    assert_eq!(rsplit("aaa", Some("aa"), 0).unwrap(), &["aaa"] as &[&str]);
    assert_eq!(split("aaa", Some("aa"), 1).unwrap(), &["", "a"] as &[&str]);
    assert_eq!(rsplit("aaa", Some("aa"), 1).unwrap(), &["a", ""] as &[&str]);
    assert_eq!(split("aaa", Some("aa"), 2).unwrap(), &["", "a"] as &[&str]);
    assert_eq!(rsplit("aaa", Some("aa"), 2).unwrap(), &["a", ""] as &[&str]);
    assert_eq!(split("aaa", Some(" "), -1).unwrap(), &["aaa"] as &[&str]);
    assert_eq!(rsplit("aaa", Some(" "), -1).unwrap(), &["aaa"] as &[&str]);
    assert_eq!(split("aaa", Some(" "), 0).unwrap(), &["aaa"] as &[&str]);
    assert_eq!(rsplit("aaa", Some(" "), 0).unwrap(), &["aaa"] as &[&str]);
    assert_eq!(split("aaa", Some(" "), 1).unwrap(), &["aaa"] as &[&str]);
    assert_eq!(rsplit("aaa", Some(" "), 1).unwrap(), &["aaa"] as &[&str]);
    assert_eq!(split("aaa", Some(" "), 2).unwrap(), &["aaa"] as &[&str]);
    assert_eq!(rsplit("aaa", Some(" "), 2).unwrap(), &["aaa"] as &[&str]);
    assert!(split("a", Some(""), -1).is_err());
}

#[test]
fn splitlines_table() {
    assert_eq!(splitlines("a\u{a}b\u{d}\u{a}c\u{d}d", false), &["a", "b", "c", "d"] as &[&str]);
    assert_eq!(splitlines("a\u{a}b\u{d}\u{a}c\u{d}d", true), &["a\u{a}", "b\u{d}\u{a}", "c\u{d}", "d"] as &[&str]);
    assert_eq!(splitlines("a\u{a}\u{a}b\u{a}", false), &["a", "", "b"] as &[&str]);
    assert_eq!(splitlines("a\u{a}\u{a}b\u{a}", true), &["a\u{a}", "\u{a}", "b\u{a}"] as &[&str]);
    assert_eq!(splitlines("", false), &[] as &[&str]);
    assert_eq!(splitlines("", true), &[] as &[&str]);
    assert_eq!(splitlines("\u{a}", false), &[""] as &[&str]);
    assert_eq!(splitlines("\u{a}", true), &["\u{a}"] as &[&str]);
    assert_eq!(splitlines("x\u{c}y\u{1d}z\u{2028}w\u{85}v", false), &["x", "y", "z", "w", "v"] as &[&str]);
    assert_eq!(splitlines("x\u{c}y\u{1d}z\u{2028}w\u{85}v", true), &["x\u{c}", "y\u{1d}", "z\u{2028}", "w\u{85}", "v"] as &[&str]);
    assert_eq!(splitlines("abc", false), &["abc"] as &[&str]);
    assert_eq!(splitlines("abc", true), &["abc"] as &[&str]);
}

#[test]
fn strip_case_table() {
    assert_eq!(strip("  hi  ", None), "hi");
    assert_eq!(lstrip("  hi  ", Some("x ")), "hi  ");
    assert_eq!(rstrip("  hi  ", Some("x ")), "  hi");
    assert_eq!(upper("  hi  "), "  HI  ", "upper");
    assert_eq!(lower("  hi  "), "  hi  ", "lower");
    assert_eq!(capitalize("  hi  "), "  hi  ", "capitalize");
    assert_eq!(title("  hi  "), "  Hi  ", "title");
    assert_eq!(swapcase("  hi  "), "  HI  ", "swapcase");
    assert_eq!(casefold("  hi  "), "  hi  ", "casefold");
    assert_eq!(isupper("  hi  "), false, "isupper   hi  ");
    assert_eq!(islower("  hi  "), true, "islower   hi  ");
    assert_eq!(istitle("  hi  "), false, "istitle   hi  ");
    assert_eq!(isalpha("  hi  "), false, "isalpha   hi  ");
    assert_eq!(isalnum("  hi  "), false, "isalnum   hi  ");
    assert_eq!(isdigit("  hi  "), false, "isdigit   hi  ");
    assert_eq!(isdecimal("  hi  "), false, "isdecimal   hi  ");
    assert_eq!(isnumeric("  hi  "), false, "isnumeric   hi  ");
    assert_eq!(isspace("  hi  "), false, "isspace   hi  ");
    assert_eq!(strip("xxhixx", None), "xxhixx");
    assert_eq!(lstrip("xxhixx", Some("x ")), "hixx");
    assert_eq!(rstrip("xxhixx", Some("x ")), "xxhi");
    assert_eq!(upper("xxhixx"), "XXHIXX", "upper");
    assert_eq!(lower("xxhixx"), "xxhixx", "lower");
    assert_eq!(capitalize("xxhixx"), "Xxhixx", "capitalize");
    assert_eq!(title("xxhixx"), "Xxhixx", "title");
    assert_eq!(swapcase("xxhixx"), "XXHIXX", "swapcase");
    assert_eq!(casefold("xxhixx"), "xxhixx", "casefold");
    assert_eq!(isupper("xxhixx"), false, "isupper xxhixx");
    assert_eq!(islower("xxhixx"), true, "islower xxhixx");
    assert_eq!(istitle("xxhixx"), false, "istitle xxhixx");
    assert_eq!(isalpha("xxhixx"), true, "isalpha xxhixx");
    assert_eq!(isalnum("xxhixx"), true, "isalnum xxhixx");
    assert_eq!(isdigit("xxhixx"), false, "isdigit xxhixx");
    assert_eq!(isdecimal("xxhixx"), false, "isdecimal xxhixx");
    assert_eq!(isnumeric("xxhixx"), false, "isnumeric xxhixx");
    assert_eq!(isspace("xxhixx"), false, "isspace xxhixx");
    assert_eq!(strip("\u{9}\u{a} hi \u{1f}", None), "hi");
    assert_eq!(lstrip("\u{9}\u{a} hi \u{1f}", Some("x ")), "\u{9}\u{a} hi \u{1f}");
    assert_eq!(rstrip("\u{9}\u{a} hi \u{1f}", Some("x ")), "\u{9}\u{a} hi \u{1f}");
    assert_eq!(upper("\u{9}\u{a} hi \u{1f}"), "\u{9}\u{a} HI \u{1f}", "upper");
    assert_eq!(lower("\u{9}\u{a} hi \u{1f}"), "\u{9}\u{a} hi \u{1f}", "lower");
    assert_eq!(capitalize("\u{9}\u{a} hi \u{1f}"), "\u{9}\u{a} hi \u{1f}", "capitalize");
    assert_eq!(title("\u{9}\u{a} hi \u{1f}"), "\u{9}\u{a} Hi \u{1f}", "title");
    assert_eq!(swapcase("\u{9}\u{a} hi \u{1f}"), "\u{9}\u{a} HI \u{1f}", "swapcase");
    assert_eq!(casefold("\u{9}\u{a} hi \u{1f}"), "\u{9}\u{a} hi \u{1f}", "casefold");
    assert_eq!(isupper("\u{9}\u{a} hi \u{1f}"), false, "isupper 	
 hi ");
    assert_eq!(islower("\u{9}\u{a} hi \u{1f}"), true, "islower 	
 hi ");
    assert_eq!(istitle("\u{9}\u{a} hi \u{1f}"), false, "istitle 	
 hi ");
    assert_eq!(isalpha("\u{9}\u{a} hi \u{1f}"), false, "isalpha 	
 hi ");
    assert_eq!(isalnum("\u{9}\u{a} hi \u{1f}"), false, "isalnum 	
 hi ");
    assert_eq!(isdigit("\u{9}\u{a} hi \u{1f}"), false, "isdigit 	
 hi ");
    assert_eq!(isdecimal("\u{9}\u{a} hi \u{1f}"), false, "isdecimal 	
 hi ");
    assert_eq!(isnumeric("\u{9}\u{a} hi \u{1f}"), false, "isnumeric 	
 hi ");
    assert_eq!(isspace("\u{9}\u{a} hi \u{1f}"), false, "isspace 	
 hi ");
    assert_eq!(strip("", None), "");
    assert_eq!(lstrip("", Some("x ")), "");
    assert_eq!(rstrip("", Some("x ")), "");
    assert_eq!(upper(""), "", "upper");
    assert_eq!(lower(""), "", "lower");
    assert_eq!(capitalize(""), "", "capitalize");
    assert_eq!(title(""), "", "title");
    assert_eq!(swapcase(""), "", "swapcase");
    assert_eq!(casefold(""), "", "casefold");
    assert_eq!(isupper(""), false, "isupper ");
    assert_eq!(islower(""), false, "islower ");
    assert_eq!(istitle(""), false, "istitle ");
    assert_eq!(isalpha(""), false, "isalpha ");
    assert_eq!(isalnum(""), false, "isalnum ");
    assert_eq!(isdigit(""), false, "isdigit ");
    assert_eq!(isdecimal(""), false, "isdecimal ");
    assert_eq!(isnumeric(""), false, "isnumeric ");
    assert_eq!(isspace(""), false, "isspace ");
    assert_eq!(strip("héllo wörld", None), "héllo wörld");
    assert_eq!(lstrip("héllo wörld", Some("x ")), "héllo wörld");
    assert_eq!(rstrip("héllo wörld", Some("x ")), "héllo wörld");
    assert_eq!(upper("héllo wörld"), "HÉLLO WÖRLD", "upper");
    assert_eq!(lower("héllo wörld"), "héllo wörld", "lower");
    assert_eq!(capitalize("héllo wörld"), "Héllo wörld", "capitalize");
    assert_eq!(title("héllo wörld"), "Héllo Wörld", "title");
    assert_eq!(swapcase("héllo wörld"), "HÉLLO WÖRLD", "swapcase");
    assert_eq!(casefold("héllo wörld"), "héllo wörld", "casefold");
    assert_eq!(isupper("héllo wörld"), false, "isupper héllo wörld");
    assert_eq!(islower("héllo wörld"), true, "islower héllo wörld");
    assert_eq!(istitle("héllo wörld"), false, "istitle héllo wörld");
    assert_eq!(isalpha("héllo wörld"), false, "isalpha héllo wörld");
    assert_eq!(isalnum("héllo wörld"), false, "isalnum héllo wörld");
    assert_eq!(isdigit("héllo wörld"), false, "isdigit héllo wörld");
    assert_eq!(isdecimal("héllo wörld"), false, "isdecimal héllo wörld");
    assert_eq!(isnumeric("héllo wörld"), false, "isnumeric héllo wörld");
    assert_eq!(isspace("héllo wörld"), false, "isspace héllo wörld");
    assert_eq!(strip("ǆemal", None), "ǆemal");
    assert_eq!(lstrip("ǆemal", Some("x ")), "ǆemal");
    assert_eq!(rstrip("ǆemal", Some("x ")), "ǆemal");
    assert_eq!(upper("ǆemal"), "ǄEMAL", "upper");
    assert_eq!(lower("ǆemal"), "ǆemal", "lower");
    assert_eq!(capitalize("ǆemal"), "ǅemal", "capitalize");
    assert_eq!(title("ǆemal"), "ǅemal", "title");
    assert_eq!(swapcase("ǆemal"), "ǄEMAL", "swapcase");
    assert_eq!(casefold("ǆemal"), "ǆemal", "casefold");
    assert_eq!(isupper("ǆemal"), false, "isupper ǆemal");
    assert_eq!(islower("ǆemal"), true, "islower ǆemal");
    assert_eq!(istitle("ǆemal"), false, "istitle ǆemal");
    assert_eq!(isalpha("ǆemal"), true, "isalpha ǆemal");
    assert_eq!(isalnum("ǆemal"), true, "isalnum ǆemal");
    assert_eq!(isdigit("ǆemal"), false, "isdigit ǆemal");
    assert_eq!(isdecimal("ǆemal"), false, "isdecimal ǆemal");
    assert_eq!(isnumeric("ǆemal"), false, "isnumeric ǆemal");
    assert_eq!(isspace("ǆemal"), false, "isspace ǆemal");
    assert_eq!(strip("ßtraße", None), "ßtraße");
    assert_eq!(lstrip("ßtraße", Some("x ")), "ßtraße");
    assert_eq!(rstrip("ßtraße", Some("x ")), "ßtraße");
    assert_eq!(upper("ßtraße"), "SSTRASSE", "upper");
    assert_eq!(lower("ßtraße"), "ßtraße", "lower");
    assert_eq!(capitalize("ßtraße"), "Sstraße", "capitalize");
    assert_eq!(title("ßtraße"), "Sstraße", "title");
    assert_eq!(swapcase("ßtraße"), "SSTRASSE", "swapcase");
    assert_eq!(casefold("ßtraße"), "sstrasse", "casefold");
    assert_eq!(isupper("ßtraße"), false, "isupper ßtraße");
    assert_eq!(islower("ßtraße"), true, "islower ßtraße");
    assert_eq!(istitle("ßtraße"), false, "istitle ßtraße");
    assert_eq!(isalpha("ßtraße"), true, "isalpha ßtraße");
    assert_eq!(isalnum("ßtraße"), true, "isalnum ßtraße");
    assert_eq!(isdigit("ßtraße"), false, "isdigit ßtraße");
    assert_eq!(isdecimal("ßtraße"), false, "isdecimal ßtraße");
    assert_eq!(isnumeric("ßtraße"), false, "isnumeric ßtraße");
    assert_eq!(isspace("ßtraße"), false, "isspace ßtraße");
    assert_eq!(strip("they're bill's friends", None), "they're bill's friends");
    assert_eq!(lstrip("they're bill's friends", Some("x ")), "they're bill's friends");
    assert_eq!(rstrip("they're bill's friends", Some("x ")), "they're bill's friends");
    assert_eq!(upper("they're bill's friends"), "THEY'RE BILL'S FRIENDS", "upper");
    assert_eq!(lower("they're bill's friends"), "they're bill's friends", "lower");
    assert_eq!(capitalize("they're bill's friends"), "They're bill's friends", "capitalize");
    assert_eq!(title("they're bill's friends"), "They'Re Bill'S Friends", "title");
    assert_eq!(swapcase("they're bill's friends"), "THEY'RE BILL'S FRIENDS", "swapcase");
    assert_eq!(casefold("they're bill's friends"), "they're bill's friends", "casefold");
    assert_eq!(isupper("they're bill's friends"), false, "isupper they're bill's friends");
    assert_eq!(islower("they're bill's friends"), true, "islower they're bill's friends");
    assert_eq!(istitle("they're bill's friends"), false, "istitle they're bill's friends");
    assert_eq!(isalpha("they're bill's friends"), false, "isalpha they're bill's friends");
    assert_eq!(isalnum("they're bill's friends"), false, "isalnum they're bill's friends");
    assert_eq!(isdigit("they're bill's friends"), false, "isdigit they're bill's friends");
    assert_eq!(isdecimal("they're bill's friends"), false, "isdecimal they're bill's friends");
    assert_eq!(isnumeric("they're bill's friends"), false, "isnumeric they're bill's friends");
    assert_eq!(isspace("they're bill's friends"), false, "isspace they're bill's friends");
    assert_eq!(strip("HELLO world", None), "HELLO world");
    assert_eq!(lstrip("HELLO world", Some("x ")), "HELLO world");
    assert_eq!(rstrip("HELLO world", Some("x ")), "HELLO world");
    assert_eq!(upper("HELLO world"), "HELLO WORLD", "upper");
    assert_eq!(lower("HELLO world"), "hello world", "lower");
    assert_eq!(capitalize("HELLO world"), "Hello world", "capitalize");
    assert_eq!(title("HELLO world"), "Hello World", "title");
    assert_eq!(swapcase("HELLO world"), "hello WORLD", "swapcase");
    assert_eq!(casefold("HELLO world"), "hello world", "casefold");
    assert_eq!(isupper("HELLO world"), false, "isupper HELLO world");
    assert_eq!(islower("HELLO world"), false, "islower HELLO world");
    assert_eq!(istitle("HELLO world"), false, "istitle HELLO world");
    assert_eq!(isalpha("HELLO world"), false, "isalpha HELLO world");
    assert_eq!(isalnum("HELLO world"), false, "isalnum HELLO world");
    assert_eq!(isdigit("HELLO world"), false, "isdigit HELLO world");
    assert_eq!(isdecimal("HELLO world"), false, "isdecimal HELLO world");
    assert_eq!(isnumeric("HELLO world"), false, "isnumeric HELLO world");
    assert_eq!(isspace("HELLO world"), false, "isspace HELLO world");
    assert_eq!(strip("ABC def GHi", None), "ABC def GHi");
    assert_eq!(lstrip("ABC def GHi", Some("x ")), "ABC def GHi");
    assert_eq!(rstrip("ABC def GHi", Some("x ")), "ABC def GHi");
    assert_eq!(upper("ABC def GHi"), "ABC DEF GHI", "upper");
    assert_eq!(lower("ABC def GHi"), "abc def ghi", "lower");
    assert_eq!(capitalize("ABC def GHi"), "Abc def ghi", "capitalize");
    assert_eq!(title("ABC def GHi"), "Abc Def Ghi", "title");
    assert_eq!(swapcase("ABC def GHi"), "abc DEF ghI", "swapcase");
    assert_eq!(casefold("ABC def GHi"), "abc def ghi", "casefold");
    assert_eq!(isupper("ABC def GHi"), false, "isupper ABC def GHi");
    assert_eq!(islower("ABC def GHi"), false, "islower ABC def GHi");
    assert_eq!(istitle("ABC def GHi"), false, "istitle ABC def GHi");
    assert_eq!(isalpha("ABC def GHi"), false, "isalpha ABC def GHi");
    assert_eq!(isalnum("ABC def GHi"), false, "isalnum ABC def GHi");
    assert_eq!(isdigit("ABC def GHi"), false, "isdigit ABC def GHi");
    assert_eq!(isdecimal("ABC def GHi"), false, "isdecimal ABC def GHi");
    assert_eq!(isnumeric("ABC def GHi"), false, "isnumeric ABC def GHi");
    assert_eq!(isspace("ABC def GHi"), false, "isspace ABC def GHi");
    assert_eq!(strip("a1b2", None), "a1b2");
    assert_eq!(lstrip("a1b2", Some("x ")), "a1b2");
    assert_eq!(rstrip("a1b2", Some("x ")), "a1b2");
    assert_eq!(upper("a1b2"), "A1B2", "upper");
    assert_eq!(lower("a1b2"), "a1b2", "lower");
    assert_eq!(capitalize("a1b2"), "A1b2", "capitalize");
    assert_eq!(title("a1b2"), "A1B2", "title");
    assert_eq!(swapcase("a1b2"), "A1B2", "swapcase");
    assert_eq!(casefold("a1b2"), "a1b2", "casefold");
    assert_eq!(isupper("a1b2"), false, "isupper a1b2");
    assert_eq!(islower("a1b2"), true, "islower a1b2");
    assert_eq!(istitle("a1b2"), false, "istitle a1b2");
    assert_eq!(isalpha("a1b2"), false, "isalpha a1b2");
    assert_eq!(isalnum("a1b2"), true, "isalnum a1b2");
    assert_eq!(isdigit("a1b2"), false, "isdigit a1b2");
    assert_eq!(isdecimal("a1b2"), false, "isdecimal a1b2");
    assert_eq!(isnumeric("a1b2"), false, "isnumeric a1b2");
    assert_eq!(isspace("a1b2"), false, "isspace a1b2");
    assert_eq!(strip("ΣΑΣ ΑΣ", None), "ΣΑΣ ΑΣ");
    assert_eq!(lstrip("ΣΑΣ ΑΣ", Some("x ")), "ΣΑΣ ΑΣ");
    assert_eq!(rstrip("ΣΑΣ ΑΣ", Some("x ")), "ΣΑΣ ΑΣ");
    assert_eq!(upper("ΣΑΣ ΑΣ"), "ΣΑΣ ΑΣ", "upper");
    assert_eq!(lower("ΣΑΣ ΑΣ"), "σας ας", "lower");
    assert_eq!(capitalize("ΣΑΣ ΑΣ"), "Σας ας", "capitalize");
    assert_eq!(title("ΣΑΣ ΑΣ"), "Σας Ας", "title");
    assert_eq!(swapcase("ΣΑΣ ΑΣ"), "σας ας", "swapcase");
    assert_eq!(casefold("ΣΑΣ ΑΣ"), "σασ ασ", "casefold");
    assert_eq!(isupper("ΣΑΣ ΑΣ"), true, "isupper ΣΑΣ ΑΣ");
    assert_eq!(islower("ΣΑΣ ΑΣ"), false, "islower ΣΑΣ ΑΣ");
    assert_eq!(istitle("ΣΑΣ ΑΣ"), false, "istitle ΣΑΣ ΑΣ");
    assert_eq!(isalpha("ΣΑΣ ΑΣ"), false, "isalpha ΣΑΣ ΑΣ");
    assert_eq!(isalnum("ΣΑΣ ΑΣ"), false, "isalnum ΣΑΣ ΑΣ");
    assert_eq!(isdigit("ΣΑΣ ΑΣ"), false, "isdigit ΣΑΣ ΑΣ");
    assert_eq!(isdecimal("ΣΑΣ ΑΣ"), false, "isdecimal ΣΑΣ ΑΣ");
    assert_eq!(isnumeric("ΣΑΣ ΑΣ"), false, "isnumeric ΣΑΣ ΑΣ");
    assert_eq!(isspace("ΣΑΣ ΑΣ"), false, "isspace ΣΑΣ ΑΣ");
    assert_eq!(strip("İi", None), "İi");
    assert_eq!(lstrip("İi", Some("x ")), "İi");
    assert_eq!(rstrip("İi", Some("x ")), "İi");
    assert_eq!(upper("İi"), "İI", "upper");
    assert_eq!(lower("İi"), "i̇i", "lower");
    assert_eq!(capitalize("İi"), "İi", "capitalize");
    assert_eq!(title("İi"), "İi", "title");
    assert_eq!(swapcase("İi"), "i̇I", "swapcase");
    assert_eq!(casefold("İi"), "i̇i", "casefold");
    assert_eq!(isupper("İi"), false, "isupper İi");
    assert_eq!(islower("İi"), false, "islower İi");
    assert_eq!(istitle("İi"), true, "istitle İi");
    assert_eq!(isalpha("İi"), true, "isalpha İi");
    assert_eq!(isalnum("İi"), true, "isalnum İi");
    assert_eq!(isdigit("İi"), false, "isdigit İi");
    assert_eq!(isdecimal("İi"), false, "isdecimal İi");
    assert_eq!(isnumeric("İi"), false, "isnumeric İi");
    assert_eq!(isspace("İi"), false, "isspace İi");
    assert_eq!(isupper("123"), false, "isupper 123");
    assert_eq!(islower("123"), false, "islower 123");
    assert_eq!(istitle("123"), false, "istitle 123");
    assert_eq!(isalpha("123"), false, "isalpha 123");
    assert_eq!(isalnum("123"), true, "isalnum 123");
    assert_eq!(isdigit("123"), true, "isdigit 123");
    assert_eq!(isdecimal("123"), true, "isdecimal 123");
    assert_eq!(isnumeric("123"), true, "isnumeric 123");
    assert_eq!(isspace("123"), false, "isspace 123");
    assert_eq!(isupper("١٢٣"), false, "isupper ١٢٣");
    assert_eq!(islower("١٢٣"), false, "islower ١٢٣");
    assert_eq!(istitle("١٢٣"), false, "istitle ١٢٣");
    assert_eq!(isalpha("١٢٣"), false, "isalpha ١٢٣");
    assert_eq!(isalnum("١٢٣"), true, "isalnum ١٢٣");
    assert_eq!(isdigit("١٢٣"), true, "isdigit ١٢٣");
    assert_eq!(isdecimal("١٢٣"), true, "isdecimal ١٢٣");
    assert_eq!(isnumeric("١٢٣"), true, "isnumeric ١٢٣");
    assert_eq!(isspace("١٢٣"), false, "isspace ١٢٣");
    assert_eq!(isupper("²"), false, "isupper ²");
    assert_eq!(islower("²"), false, "islower ²");
    assert_eq!(istitle("²"), false, "istitle ²");
    assert_eq!(isalpha("²"), false, "isalpha ²");
    assert_eq!(isalnum("²"), true, "isalnum ²");
    assert_eq!(isdigit("²"), true, "isdigit ²");
    assert_eq!(isdecimal("²"), false, "isdecimal ²");
    assert_eq!(isnumeric("²"), true, "isnumeric ²");
    assert_eq!(isspace("²"), false, "isspace ²");
    assert_eq!(isupper("½"), false, "isupper ½");
    assert_eq!(islower("½"), false, "islower ½");
    assert_eq!(istitle("½"), false, "istitle ½");
    assert_eq!(isalpha("½"), false, "isalpha ½");
    assert_eq!(isalnum("½"), true, "isalnum ½");
    assert_eq!(isdigit("½"), false, "isdigit ½");
    assert_eq!(isdecimal("½"), false, "isdecimal ½");
    assert_eq!(isnumeric("½"), true, "isnumeric ½");
    assert_eq!(isspace("½"), false, "isspace ½");
    assert_eq!(isupper("Ⅻ"), true, "isupper Ⅻ");
    assert_eq!(islower("Ⅻ"), false, "islower Ⅻ");
    assert_eq!(istitle("Ⅻ"), true, "istitle Ⅻ");
    assert_eq!(isalpha("Ⅻ"), false, "isalpha Ⅻ");
    assert_eq!(isalnum("Ⅻ"), true, "isalnum Ⅻ");
    assert_eq!(isdigit("Ⅻ"), false, "isdigit Ⅻ");
    assert_eq!(isdecimal("Ⅻ"), false, "isdecimal Ⅻ");
    assert_eq!(isnumeric("Ⅻ"), true, "isnumeric Ⅻ");
    assert_eq!(isspace("Ⅻ"), false, "isspace Ⅻ");
    assert_eq!(isupper("abc"), false, "isupper abc");
    assert_eq!(islower("abc"), true, "islower abc");
    assert_eq!(istitle("abc"), false, "istitle abc");
    assert_eq!(isalpha("abc"), true, "isalpha abc");
    assert_eq!(isalnum("abc"), true, "isalnum abc");
    assert_eq!(isdigit("abc"), false, "isdigit abc");
    assert_eq!(isdecimal("abc"), false, "isdecimal abc");
    assert_eq!(isnumeric("abc"), false, "isnumeric abc");
    assert_eq!(isspace("abc"), false, "isspace abc");
    assert_eq!(isupper("ab1"), false, "isupper ab1");
    assert_eq!(islower("ab1"), true, "islower ab1");
    assert_eq!(istitle("ab1"), false, "istitle ab1");
    assert_eq!(isalpha("ab1"), false, "isalpha ab1");
    assert_eq!(isalnum("ab1"), true, "isalnum ab1");
    assert_eq!(isdigit("ab1"), false, "isdigit ab1");
    assert_eq!(isdecimal("ab1"), false, "isdecimal ab1");
    assert_eq!(isnumeric("ab1"), false, "isnumeric ab1");
    assert_eq!(isspace("ab1"), false, "isspace ab1");
    assert_eq!(isupper(" \u{9}"), false, "isupper  	");
    assert_eq!(islower(" \u{9}"), false, "islower  	");
    assert_eq!(istitle(" \u{9}"), false, "istitle  	");
    assert_eq!(isalpha(" \u{9}"), false, "isalpha  	");
    assert_eq!(isalnum(" \u{9}"), false, "isalnum  	");
    assert_eq!(isdigit(" \u{9}"), false, "isdigit  	");
    assert_eq!(isdecimal(" \u{9}"), false, "isdecimal  	");
    assert_eq!(isnumeric(" \u{9}"), false, "isnumeric  	");
    assert_eq!(isspace(" \u{9}"), true, "isspace  	");
    assert_eq!(isupper("Hello World"), false, "isupper Hello World");
    assert_eq!(islower("Hello World"), false, "islower Hello World");
    assert_eq!(istitle("Hello World"), true, "istitle Hello World");
    assert_eq!(isalpha("Hello World"), false, "isalpha Hello World");
    assert_eq!(isalnum("Hello World"), false, "isalnum Hello World");
    assert_eq!(isdigit("Hello World"), false, "isdigit Hello World");
    assert_eq!(isdecimal("Hello World"), false, "isdecimal Hello World");
    assert_eq!(isnumeric("Hello World"), false, "isnumeric Hello World");
    assert_eq!(isspace("Hello World"), false, "isspace Hello World");
    assert_eq!(isupper("Hello world"), false, "isupper Hello world");
    assert_eq!(islower("Hello world"), false, "islower Hello world");
    assert_eq!(istitle("Hello world"), false, "istitle Hello world");
    assert_eq!(isalpha("Hello world"), false, "isalpha Hello world");
    assert_eq!(isalnum("Hello world"), false, "isalnum Hello world");
    assert_eq!(isdigit("Hello world"), false, "isdigit Hello world");
    assert_eq!(isdecimal("Hello world"), false, "isdecimal Hello world");
    assert_eq!(isnumeric("Hello world"), false, "isnumeric Hello world");
    assert_eq!(isspace("Hello world"), false, "isspace Hello world");
    assert_eq!(isupper("HELLO"), true, "isupper HELLO");
    assert_eq!(islower("HELLO"), false, "islower HELLO");
    assert_eq!(istitle("HELLO"), false, "istitle HELLO");
    assert_eq!(isalpha("HELLO"), true, "isalpha HELLO");
    assert_eq!(isalnum("HELLO"), true, "isalnum HELLO");
    assert_eq!(isdigit("HELLO"), false, "isdigit HELLO");
    assert_eq!(isdecimal("HELLO"), false, "isdecimal HELLO");
    assert_eq!(isnumeric("HELLO"), false, "isnumeric HELLO");
    assert_eq!(isspace("HELLO"), false, "isspace HELLO");
    assert_eq!(isupper("hello"), false, "isupper hello");
    assert_eq!(islower("hello"), true, "islower hello");
    assert_eq!(istitle("hello"), false, "istitle hello");
    assert_eq!(isalpha("hello"), true, "isalpha hello");
    assert_eq!(isalnum("hello"), true, "isalnum hello");
    assert_eq!(isdigit("hello"), false, "isdigit hello");
    assert_eq!(isdecimal("hello"), false, "isdecimal hello");
    assert_eq!(isnumeric("hello"), false, "isnumeric hello");
    assert_eq!(isspace("hello"), false, "isspace hello");
    assert_eq!(isupper("1A"), true, "isupper 1A");
    assert_eq!(islower("1A"), false, "islower 1A");
    assert_eq!(istitle("1A"), true, "istitle 1A");
    assert_eq!(isalpha("1A"), false, "isalpha 1A");
    assert_eq!(isalnum("1A"), true, "isalnum 1A");
    assert_eq!(isdigit("1A"), false, "isdigit 1A");
    assert_eq!(isdecimal("1A"), false, "isdecimal 1A");
    assert_eq!(isnumeric("1A"), false, "isnumeric 1A");
    assert_eq!(isspace("1A"), false, "isspace 1A");
    assert_eq!(isupper("ǅungla"), false, "isupper ǅungla");
    assert_eq!(islower("ǅungla"), false, "islower ǅungla");
    assert_eq!(istitle("ǅungla"), true, "istitle ǅungla");
    assert_eq!(isalpha("ǅungla"), true, "isalpha ǅungla");
    assert_eq!(isalnum("ǅungla"), true, "isalnum ǅungla");
    assert_eq!(isdigit("ǅungla"), false, "isdigit ǅungla");
    assert_eq!(isdecimal("ǅungla"), false, "isdecimal ǅungla");
    assert_eq!(isnumeric("ǅungla"), false, "isnumeric ǅungla");
    assert_eq!(isspace("ǅungla"), false, "isspace ǅungla");
    assert_eq!(isupper(""), false, "isupper ");
    assert_eq!(islower(""), false, "islower ");
    assert_eq!(istitle(""), false, "istitle ");
    assert_eq!(isalpha(""), false, "isalpha ");
    assert_eq!(isalnum(""), false, "isalnum ");
    assert_eq!(isdigit(""), false, "isdigit ");
    assert_eq!(isdecimal(""), false, "isdecimal ");
    assert_eq!(isnumeric(""), false, "isnumeric ");
    assert_eq!(isspace(""), false, "isspace ");
    assert_eq!(isupper("\u{1c}"), false, "isupper ");
    assert_eq!(islower("\u{1c}"), false, "islower ");
    assert_eq!(istitle("\u{1c}"), false, "istitle ");
    assert_eq!(isalpha("\u{1c}"), false, "isalpha ");
    assert_eq!(isalnum("\u{1c}"), false, "isalnum ");
    assert_eq!(isdigit("\u{1c}"), false, "isdigit ");
    assert_eq!(isdecimal("\u{1c}"), false, "isdecimal ");
    assert_eq!(isnumeric("\u{1c}"), false, "isnumeric ");
    assert_eq!(isspace("\u{1c}"), true, "isspace ");
}

#[test]
fn search_table() {
    #[rustfmt::skip]
    let rows: &[(&str, &str, Option<i64>, Option<i64>, [i64; 3], [bool; 2])] = &[
        ("hello world", "l", None, None, [2, 9, 3], [false, false]),
        ("hello world", "l", Some(1), None, [2, 9, 3], [false, false]),
        ("hello world", "l", Some(-5), None, [9, 9, 1], [false, false]),
        ("hello world", "l", Some(2), Some(-2), [2, 3, 2], [true, false]),
        ("hello world", "l", Some(5), Some(100), [9, 9, 1], [false, false]),
        ("hello world", "l", Some(3), Some(1), [-1, -1, 0], [false, false]),
        ("hello world", "l", Some(11), None, [-1, -1, 0], [false, false]),
        ("hello world", "l", Some(12), None, [-1, -1, 0], [false, false]),
        ("hello world", "o w", None, None, [4, 4, 1], [false, false]),
        ("hello world", "o w", Some(1), None, [4, 4, 1], [false, false]),
        ("hello world", "o w", Some(-5), None, [-1, -1, 0], [false, false]),
        ("hello world", "o w", Some(2), Some(-2), [4, 4, 1], [false, false]),
        ("hello world", "o w", Some(5), Some(100), [-1, -1, 0], [false, false]),
        ("hello world", "o w", Some(3), Some(1), [-1, -1, 0], [false, false]),
        ("hello world", "o w", Some(11), None, [-1, -1, 0], [false, false]),
        ("hello world", "o w", Some(12), None, [-1, -1, 0], [false, false]),
        ("hello world", "wörld", None, None, [-1, -1, 0], [false, false]),
        ("hello world", "wörld", Some(1), None, [-1, -1, 0], [false, false]),
        ("hello world", "wörld", Some(-5), None, [-1, -1, 0], [false, false]),
        ("hello world", "wörld", Some(2), Some(-2), [-1, -1, 0], [false, false]),
        ("hello world", "wörld", Some(5), Some(100), [-1, -1, 0], [false, false]),
        ("hello world", "wörld", Some(3), Some(1), [-1, -1, 0], [false, false]),
        ("hello world", "wörld", Some(11), None, [-1, -1, 0], [false, false]),
        ("hello world", "wörld", Some(12), None, [-1, -1, 0], [false, false]),
        ("hello world", "", None, None, [0, 11, 12], [true, true]),
        ("hello world", "", Some(1), None, [1, 11, 11], [true, true]),
        ("hello world", "", Some(-5), None, [6, 11, 6], [true, true]),
        ("hello world", "", Some(2), Some(-2), [2, 9, 8], [true, true]),
        ("hello world", "", Some(5), Some(100), [5, 11, 7], [true, true]),
        ("hello world", "", Some(3), Some(1), [-1, -1, 0], [false, false]),
        ("hello world", "", Some(11), None, [11, 11, 1], [true, true]),
        ("hello world", "", Some(12), None, [-1, -1, 0], [false, false]),
        ("hello world", "aa", None, None, [-1, -1, 0], [false, false]),
        ("hello world", "aa", Some(1), None, [-1, -1, 0], [false, false]),
        ("hello world", "aa", Some(-5), None, [-1, -1, 0], [false, false]),
        ("hello world", "aa", Some(2), Some(-2), [-1, -1, 0], [false, false]),
        ("hello world", "aa", Some(5), Some(100), [-1, -1, 0], [false, false]),
        ("hello world", "aa", Some(3), Some(1), [-1, -1, 0], [false, false]),
        ("hello world", "aa", Some(11), None, [-1, -1, 0], [false, false]),
        ("hello world", "aa", Some(12), None, [-1, -1, 0], [false, false]),
        ("hello world", "héllo", None, None, [-1, -1, 0], [false, false]),
        ("hello world", "héllo", Some(1), None, [-1, -1, 0], [false, false]),
        ("hello world", "héllo", Some(-5), None, [-1, -1, 0], [false, false]),
        ("hello world", "héllo", Some(2), Some(-2), [-1, -1, 0], [false, false]),
        ("hello world", "héllo", Some(5), Some(100), [-1, -1, 0], [false, false]),
        ("hello world", "héllo", Some(3), Some(1), [-1, -1, 0], [false, false]),
        ("hello world", "héllo", Some(11), None, [-1, -1, 0], [false, false]),
        ("hello world", "héllo", Some(12), None, [-1, -1, 0], [false, false]),
        ("héllo wörld héllo", "l", None, None, [2, 15, 5], [false, false]),
        ("héllo wörld héllo", "l", Some(1), None, [2, 15, 5], [false, false]),
        ("héllo wörld héllo", "l", Some(-5), None, [14, 15, 2], [false, false]),
        ("héllo wörld héllo", "l", Some(2), Some(-2), [2, 14, 4], [true, true]),
        ("héllo wörld héllo", "l", Some(5), Some(100), [9, 15, 3], [false, false]),
        ("héllo wörld héllo", "l", Some(3), Some(1), [-1, -1, 0], [false, false]),
        ("héllo wörld héllo", "l", Some(17), None, [-1, -1, 0], [false, false]),
        ("héllo wörld héllo", "l", Some(18), None, [-1, -1, 0], [false, false]),
        ("héllo wörld héllo", "o w", None, None, [4, 4, 1], [false, false]),
        ("héllo wörld héllo", "o w", Some(1), None, [4, 4, 1], [false, false]),
        ("héllo wörld héllo", "o w", Some(-5), None, [-1, -1, 0], [false, false]),
        ("héllo wörld héllo", "o w", Some(2), Some(-2), [4, 4, 1], [false, false]),
        ("héllo wörld héllo", "o w", Some(5), Some(100), [-1, -1, 0], [false, false]),
        ("héllo wörld héllo", "o w", Some(3), Some(1), [-1, -1, 0], [false, false]),
        ("héllo wörld héllo", "o w", Some(17), None, [-1, -1, 0], [false, false]),
        ("héllo wörld héllo", "o w", Some(18), None, [-1, -1, 0], [false, false]),
        ("héllo wörld héllo", "wörld", None, None, [6, 6, 1], [false, false]),
        ("héllo wörld héllo", "wörld", Some(1), None, [6, 6, 1], [false, false]),
        ("héllo wörld héllo", "wörld", Some(-5), None, [-1, -1, 0], [false, false]),
        ("héllo wörld héllo", "wörld", Some(2), Some(-2), [6, 6, 1], [false, false]),
        ("héllo wörld héllo", "wörld", Some(5), Some(100), [6, 6, 1], [false, false]),
        ("héllo wörld héllo", "wörld", Some(3), Some(1), [-1, -1, 0], [false, false]),
        ("héllo wörld héllo", "wörld", Some(17), None, [-1, -1, 0], [false, false]),
        ("héllo wörld héllo", "wörld", Some(18), None, [-1, -1, 0], [false, false]),
        ("héllo wörld héllo", "", None, None, [0, 17, 18], [true, true]),
        ("héllo wörld héllo", "", Some(1), None, [1, 17, 17], [true, true]),
        ("héllo wörld héllo", "", Some(-5), None, [12, 17, 6], [true, true]),
        ("héllo wörld héllo", "", Some(2), Some(-2), [2, 15, 14], [true, true]),
        ("héllo wörld héllo", "", Some(5), Some(100), [5, 17, 13], [true, true]),
        ("héllo wörld héllo", "", Some(3), Some(1), [-1, -1, 0], [false, false]),
        ("héllo wörld héllo", "", Some(17), None, [17, 17, 1], [true, true]),
        ("héllo wörld héllo", "", Some(18), None, [-1, -1, 0], [false, false]),
        ("héllo wörld héllo", "aa", None, None, [-1, -1, 0], [false, false]),
        ("héllo wörld héllo", "aa", Some(1), None, [-1, -1, 0], [false, false]),
        ("héllo wörld héllo", "aa", Some(-5), None, [-1, -1, 0], [false, false]),
        ("héllo wörld héllo", "aa", Some(2), Some(-2), [-1, -1, 0], [false, false]),
        ("héllo wörld héllo", "aa", Some(5), Some(100), [-1, -1, 0], [false, false]),
        ("héllo wörld héllo", "aa", Some(3), Some(1), [-1, -1, 0], [false, false]),
        ("héllo wörld héllo", "aa", Some(17), None, [-1, -1, 0], [false, false]),
        ("héllo wörld héllo", "aa", Some(18), None, [-1, -1, 0], [false, false]),
        ("héllo wörld héllo", "héllo", None, None, [0, 12, 2], [true, true]),
        ("héllo wörld héllo", "héllo", Some(1), None, [12, 12, 1], [false, true]),
        ("héllo wörld héllo", "héllo", Some(-5), None, [12, 12, 1], [true, true]),
        ("héllo wörld héllo", "héllo", Some(2), Some(-2), [-1, -1, 0], [false, false]),
        ("héllo wörld héllo", "héllo", Some(5), Some(100), [12, 12, 1], [false, true]),
        ("héllo wörld héllo", "héllo", Some(3), Some(1), [-1, -1, 0], [false, false]),
        ("héllo wörld héllo", "héllo", Some(17), None, [-1, -1, 0], [false, false]),
        ("héllo wörld héllo", "héllo", Some(18), None, [-1, -1, 0], [false, false]),
        ("", "l", None, None, [-1, -1, 0], [false, false]),
        ("", "l", Some(1), None, [-1, -1, 0], [false, false]),
        ("", "l", Some(-5), None, [-1, -1, 0], [false, false]),
        ("", "l", Some(2), Some(-2), [-1, -1, 0], [false, false]),
        ("", "l", Some(5), Some(100), [-1, -1, 0], [false, false]),
        ("", "l", Some(3), Some(1), [-1, -1, 0], [false, false]),
        ("", "l", Some(0), None, [-1, -1, 0], [false, false]),
        ("", "l", Some(1), None, [-1, -1, 0], [false, false]),
        ("", "o w", None, None, [-1, -1, 0], [false, false]),
        ("", "o w", Some(1), None, [-1, -1, 0], [false, false]),
        ("", "o w", Some(-5), None, [-1, -1, 0], [false, false]),
        ("", "o w", Some(2), Some(-2), [-1, -1, 0], [false, false]),
        ("", "o w", Some(5), Some(100), [-1, -1, 0], [false, false]),
        ("", "o w", Some(3), Some(1), [-1, -1, 0], [false, false]),
        ("", "o w", Some(0), None, [-1, -1, 0], [false, false]),
        ("", "o w", Some(1), None, [-1, -1, 0], [false, false]),
        ("", "wörld", None, None, [-1, -1, 0], [false, false]),
        ("", "wörld", Some(1), None, [-1, -1, 0], [false, false]),
        ("", "wörld", Some(-5), None, [-1, -1, 0], [false, false]),
        ("", "wörld", Some(2), Some(-2), [-1, -1, 0], [false, false]),
        ("", "wörld", Some(5), Some(100), [-1, -1, 0], [false, false]),
        ("", "wörld", Some(3), Some(1), [-1, -1, 0], [false, false]),
        ("", "wörld", Some(0), None, [-1, -1, 0], [false, false]),
        ("", "wörld", Some(1), None, [-1, -1, 0], [false, false]),
        ("", "", None, None, [0, 0, 1], [true, true]),
        ("", "", Some(1), None, [-1, -1, 0], [false, false]),
        ("", "", Some(-5), None, [0, 0, 1], [true, true]),
        ("", "", Some(2), Some(-2), [-1, -1, 0], [false, false]),
        ("", "", Some(5), Some(100), [-1, -1, 0], [false, false]),
        ("", "", Some(3), Some(1), [-1, -1, 0], [false, false]),
        ("", "", Some(0), None, [0, 0, 1], [true, true]),
        ("", "", Some(1), None, [-1, -1, 0], [false, false]),
        ("", "aa", None, None, [-1, -1, 0], [false, false]),
        ("", "aa", Some(1), None, [-1, -1, 0], [false, false]),
        ("", "aa", Some(-5), None, [-1, -1, 0], [false, false]),
        ("", "aa", Some(2), Some(-2), [-1, -1, 0], [false, false]),
        ("", "aa", Some(5), Some(100), [-1, -1, 0], [false, false]),
        ("", "aa", Some(3), Some(1), [-1, -1, 0], [false, false]),
        ("", "aa", Some(0), None, [-1, -1, 0], [false, false]),
        ("", "aa", Some(1), None, [-1, -1, 0], [false, false]),
        ("", "héllo", None, None, [-1, -1, 0], [false, false]),
        ("", "héllo", Some(1), None, [-1, -1, 0], [false, false]),
        ("", "héllo", Some(-5), None, [-1, -1, 0], [false, false]),
        ("", "héllo", Some(2), Some(-2), [-1, -1, 0], [false, false]),
        ("", "héllo", Some(5), Some(100), [-1, -1, 0], [false, false]),
        ("", "héllo", Some(3), Some(1), [-1, -1, 0], [false, false]),
        ("", "héllo", Some(0), None, [-1, -1, 0], [false, false]),
        ("", "héllo", Some(1), None, [-1, -1, 0], [false, false]),
        ("aaaa", "l", None, None, [-1, -1, 0], [false, false]),
        ("aaaa", "l", Some(1), None, [-1, -1, 0], [false, false]),
        ("aaaa", "l", Some(-5), None, [-1, -1, 0], [false, false]),
        ("aaaa", "l", Some(2), Some(-2), [-1, -1, 0], [false, false]),
        ("aaaa", "l", Some(5), Some(100), [-1, -1, 0], [false, false]),
        ("aaaa", "l", Some(3), Some(1), [-1, -1, 0], [false, false]),
        ("aaaa", "l", Some(4), None, [-1, -1, 0], [false, false]),
        ("aaaa", "l", Some(5), None, [-1, -1, 0], [false, false]),
        ("aaaa", "o w", None, None, [-1, -1, 0], [false, false]),
        ("aaaa", "o w", Some(1), None, [-1, -1, 0], [false, false]),
        ("aaaa", "o w", Some(-5), None, [-1, -1, 0], [false, false]),
        ("aaaa", "o w", Some(2), Some(-2), [-1, -1, 0], [false, false]),
        ("aaaa", "o w", Some(5), Some(100), [-1, -1, 0], [false, false]),
        ("aaaa", "o w", Some(3), Some(1), [-1, -1, 0], [false, false]),
        ("aaaa", "o w", Some(4), None, [-1, -1, 0], [false, false]),
        ("aaaa", "o w", Some(5), None, [-1, -1, 0], [false, false]),
        ("aaaa", "wörld", None, None, [-1, -1, 0], [false, false]),
        ("aaaa", "wörld", Some(1), None, [-1, -1, 0], [false, false]),
        ("aaaa", "wörld", Some(-5), None, [-1, -1, 0], [false, false]),
        ("aaaa", "wörld", Some(2), Some(-2), [-1, -1, 0], [false, false]),
        ("aaaa", "wörld", Some(5), Some(100), [-1, -1, 0], [false, false]),
        ("aaaa", "wörld", Some(3), Some(1), [-1, -1, 0], [false, false]),
        ("aaaa", "wörld", Some(4), None, [-1, -1, 0], [false, false]),
        ("aaaa", "wörld", Some(5), None, [-1, -1, 0], [false, false]),
        ("aaaa", "", None, None, [0, 4, 5], [true, true]),
        ("aaaa", "", Some(1), None, [1, 4, 4], [true, true]),
        ("aaaa", "", Some(-5), None, [0, 4, 5], [true, true]),
        ("aaaa", "", Some(2), Some(-2), [2, 2, 1], [true, true]),
        ("aaaa", "", Some(5), Some(100), [-1, -1, 0], [false, false]),
        ("aaaa", "", Some(3), Some(1), [-1, -1, 0], [false, false]),
        ("aaaa", "", Some(4), None, [4, 4, 1], [true, true]),
        ("aaaa", "", Some(5), None, [-1, -1, 0], [false, false]),
        ("aaaa", "aa", None, None, [0, 2, 2], [true, true]),
        ("aaaa", "aa", Some(1), None, [1, 2, 1], [true, true]),
        ("aaaa", "aa", Some(-5), None, [0, 2, 2], [true, true]),
        ("aaaa", "aa", Some(2), Some(-2), [-1, -1, 0], [false, false]),
        ("aaaa", "aa", Some(5), Some(100), [-1, -1, 0], [false, false]),
        ("aaaa", "aa", Some(3), Some(1), [-1, -1, 0], [false, false]),
        ("aaaa", "aa", Some(4), None, [-1, -1, 0], [false, false]),
        ("aaaa", "aa", Some(5), None, [-1, -1, 0], [false, false]),
        ("aaaa", "héllo", None, None, [-1, -1, 0], [false, false]),
        ("aaaa", "héllo", Some(1), None, [-1, -1, 0], [false, false]),
        ("aaaa", "héllo", Some(-5), None, [-1, -1, 0], [false, false]),
        ("aaaa", "héllo", Some(2), Some(-2), [-1, -1, 0], [false, false]),
        ("aaaa", "héllo", Some(5), Some(100), [-1, -1, 0], [false, false]),
        ("aaaa", "héllo", Some(3), Some(1), [-1, -1, 0], [false, false]),
        ("aaaa", "héllo", Some(4), None, [-1, -1, 0], [false, false]),
        ("aaaa", "héllo", Some(5), None, [-1, -1, 0], [false, false]),
    ];
    for &(text, sub, st, en, [f, rf, c], [sw, ew]) in rows {
        let s = &crate::vm::value::PyStr::new(text);
        assert_eq!(find(s, sub, st, en), f, "find {s:?} {sub:?} {st:?} {en:?}");
        assert_eq!(rfind(s, sub, st, en), rf, "rfind {s:?} {sub:?} {st:?} {en:?}");
        assert_eq!(count(s, sub, st, en), c, "count {s:?} {sub:?} {st:?} {en:?}");
        assert_eq!(startswith(s, sub, st, en), sw, "startswith {s:?} {sub:?}");
        assert_eq!(endswith(s, sub, st, en), ew, "endswith {s:?} {sub:?}");
    }
    assert!(index(&crate::vm::value::PyStr::new("abc"), "d", None, None).is_err());
    assert_eq!(rindex(&crate::vm::value::PyStr::new("abcb"), "b", None, None).unwrap(), 3);
}

#[test]
fn replace_pad_table() {
    assert_eq!(replace("aaa", "a", "xy", -1), "xyxyxy");
    assert_eq!(replace("aaa", "a", "xy", 0), "aaa");
    assert_eq!(replace("aaa", "a", "xy", 2), "xyxya");
    assert_eq!(replace("aaa", "", "-", -1), "-a-a-a-");
    assert_eq!(replace("aaa", "", "-", 0), "aaa");
    assert_eq!(replace("aaa", "", "-", 2), "-a-aa");
    assert_eq!(replace("aaa", "bc", "", -1), "aaa");
    assert_eq!(replace("aaa", "bc", "", 0), "aaa");
    assert_eq!(replace("aaa", "bc", "", 2), "aaa");
    assert_eq!(replace("aaa", "l", "L", -1), "aaa");
    assert_eq!(replace("aaa", "l", "L", 0), "aaa");
    assert_eq!(replace("aaa", "l", "L", 2), "aaa");
    assert_eq!(replace("abcabc", "a", "xy", -1), "xybcxybc");
    assert_eq!(replace("abcabc", "a", "xy", 0), "abcabc");
    assert_eq!(replace("abcabc", "a", "xy", 2), "xybcxybc");
    assert_eq!(replace("abcabc", "", "-", -1), "-a-b-c-a-b-c-");
    assert_eq!(replace("abcabc", "", "-", 0), "abcabc");
    assert_eq!(replace("abcabc", "", "-", 2), "-a-bcabc");
    assert_eq!(replace("abcabc", "bc", "", -1), "aa");
    assert_eq!(replace("abcabc", "bc", "", 0), "abcabc");
    assert_eq!(replace("abcabc", "bc", "", 2), "aa");
    assert_eq!(replace("abcabc", "l", "L", -1), "abcabc");
    assert_eq!(replace("abcabc", "l", "L", 0), "abcabc");
    assert_eq!(replace("abcabc", "l", "L", 2), "abcabc");
    assert_eq!(replace("", "a", "xy", -1), "");
    assert_eq!(replace("", "a", "xy", 0), "");
    assert_eq!(replace("", "a", "xy", 2), "");
    assert_eq!(replace("", "", "-", -1), "-");
    assert_eq!(replace("", "", "-", 0), "");
    assert_eq!(replace("", "", "-", 2), "-");
    assert_eq!(replace("", "bc", "", -1), "");
    assert_eq!(replace("", "bc", "", 0), "");
    assert_eq!(replace("", "bc", "", 2), "");
    assert_eq!(replace("", "l", "L", -1), "");
    assert_eq!(replace("", "l", "L", 0), "");
    assert_eq!(replace("", "l", "L", 2), "");
    assert_eq!(replace("héllo", "a", "xy", -1), "héllo");
    assert_eq!(replace("héllo", "a", "xy", 0), "héllo");
    assert_eq!(replace("héllo", "a", "xy", 2), "héllo");
    assert_eq!(replace("héllo", "", "-", -1), "-h-é-l-l-o-");
    assert_eq!(replace("héllo", "", "-", 0), "héllo");
    assert_eq!(replace("héllo", "", "-", 2), "-h-éllo");
    assert_eq!(replace("héllo", "bc", "", -1), "héllo");
    assert_eq!(replace("héllo", "bc", "", 0), "héllo");
    assert_eq!(replace("héllo", "bc", "", 2), "héllo");
    assert_eq!(replace("héllo", "l", "L", -1), "héLLo");
    assert_eq!(replace("héllo", "l", "L", 0), "héllo");
    assert_eq!(replace("héllo", "l", "L", 2), "héLLo");
    assert_eq!(center("", -1, '*').unwrap(), "");
    assert_eq!(ljust("", -1, ' ').unwrap(), "");
    assert_eq!(rjust("", -1, '0').unwrap(), "");
    assert_eq!(zfill("", -1).unwrap(), "");
    assert_eq!(center("", 3, '*').unwrap(), "***");
    assert_eq!(ljust("", 3, ' ').unwrap(), "   ");
    assert_eq!(rjust("", 3, '0').unwrap(), "000");
    assert_eq!(zfill("", 3).unwrap(), "000");
    assert_eq!(center("", 5, '*').unwrap(), "*****");
    assert_eq!(ljust("", 5, ' ').unwrap(), "     ");
    assert_eq!(rjust("", 5, '0').unwrap(), "00000");
    assert_eq!(zfill("", 5).unwrap(), "00000");
    assert_eq!(center("", 6, '*').unwrap(), "******");
    assert_eq!(ljust("", 6, ' ').unwrap(), "      ");
    assert_eq!(rjust("", 6, '0').unwrap(), "000000");
    assert_eq!(zfill("", 6).unwrap(), "000000");
    assert_eq!(center("a", -1, '*').unwrap(), "a");
    assert_eq!(ljust("a", -1, ' ').unwrap(), "a");
    assert_eq!(rjust("a", -1, '0').unwrap(), "a");
    assert_eq!(zfill("a", -1).unwrap(), "a");
    assert_eq!(center("a", 3, '*').unwrap(), "*a*");
    assert_eq!(ljust("a", 3, ' ').unwrap(), "a  ");
    assert_eq!(rjust("a", 3, '0').unwrap(), "00a");
    assert_eq!(zfill("a", 3).unwrap(), "00a");
    assert_eq!(center("a", 5, '*').unwrap(), "**a**");
    assert_eq!(ljust("a", 5, ' ').unwrap(), "a    ");
    assert_eq!(rjust("a", 5, '0').unwrap(), "0000a");
    assert_eq!(zfill("a", 5).unwrap(), "0000a");
    assert_eq!(center("a", 6, '*').unwrap(), "**a***");
    assert_eq!(ljust("a", 6, ' ').unwrap(), "a     ");
    assert_eq!(rjust("a", 6, '0').unwrap(), "00000a");
    assert_eq!(zfill("a", 6).unwrap(), "00000a");
    assert_eq!(center("ab", -1, '*').unwrap(), "ab");
    assert_eq!(ljust("ab", -1, ' ').unwrap(), "ab");
    assert_eq!(rjust("ab", -1, '0').unwrap(), "ab");
    assert_eq!(zfill("ab", -1).unwrap(), "ab");
    assert_eq!(center("ab", 3, '*').unwrap(), "*ab");
    assert_eq!(ljust("ab", 3, ' ').unwrap(), "ab ");
    assert_eq!(rjust("ab", 3, '0').unwrap(), "0ab");
    assert_eq!(zfill("ab", 3).unwrap(), "0ab");
    assert_eq!(center("ab", 5, '*').unwrap(), "**ab*");
    assert_eq!(ljust("ab", 5, ' ').unwrap(), "ab   ");
    assert_eq!(rjust("ab", 5, '0').unwrap(), "000ab");
    assert_eq!(zfill("ab", 5).unwrap(), "000ab");
    assert_eq!(center("ab", 6, '*').unwrap(), "**ab**");
    assert_eq!(ljust("ab", 6, ' ').unwrap(), "ab    ");
    assert_eq!(rjust("ab", 6, '0').unwrap(), "0000ab");
    assert_eq!(zfill("ab", 6).unwrap(), "0000ab");
    assert_eq!(center("abc", -1, '*').unwrap(), "abc");
    assert_eq!(ljust("abc", -1, ' ').unwrap(), "abc");
    assert_eq!(rjust("abc", -1, '0').unwrap(), "abc");
    assert_eq!(zfill("abc", -1).unwrap(), "abc");
    assert_eq!(center("abc", 3, '*').unwrap(), "abc");
    assert_eq!(ljust("abc", 3, ' ').unwrap(), "abc");
    assert_eq!(rjust("abc", 3, '0').unwrap(), "abc");
    assert_eq!(zfill("abc", 3).unwrap(), "abc");
    assert_eq!(center("abc", 5, '*').unwrap(), "*abc*");
    assert_eq!(ljust("abc", 5, ' ').unwrap(), "abc  ");
    assert_eq!(rjust("abc", 5, '0').unwrap(), "00abc");
    assert_eq!(zfill("abc", 5).unwrap(), "00abc");
    assert_eq!(center("abc", 6, '*').unwrap(), "*abc**");
    assert_eq!(ljust("abc", 6, ' ').unwrap(), "abc   ");
    assert_eq!(rjust("abc", 6, '0').unwrap(), "000abc");
    assert_eq!(zfill("abc", 6).unwrap(), "000abc");
    assert_eq!(center("héllo", -1, '*').unwrap(), "héllo");
    assert_eq!(ljust("héllo", -1, ' ').unwrap(), "héllo");
    assert_eq!(rjust("héllo", -1, '0').unwrap(), "héllo");
    assert_eq!(zfill("héllo", -1).unwrap(), "héllo");
    assert_eq!(center("héllo", 3, '*').unwrap(), "héllo");
    assert_eq!(ljust("héllo", 3, ' ').unwrap(), "héllo");
    assert_eq!(rjust("héllo", 3, '0').unwrap(), "héllo");
    assert_eq!(zfill("héllo", 3).unwrap(), "héllo");
    assert_eq!(center("héllo", 5, '*').unwrap(), "héllo");
    assert_eq!(ljust("héllo", 5, ' ').unwrap(), "héllo");
    assert_eq!(rjust("héllo", 5, '0').unwrap(), "héllo");
    assert_eq!(zfill("héllo", 5).unwrap(), "héllo");
    assert_eq!(center("héllo", 6, '*').unwrap(), "héllo*");
    assert_eq!(ljust("héllo", 6, ' ').unwrap(), "héllo ");
    assert_eq!(rjust("héllo", 6, '0').unwrap(), "0héllo");
    assert_eq!(zfill("héllo", 6).unwrap(), "0héllo");
    assert_eq!(center("-42", -1, '*').unwrap(), "-42");
    assert_eq!(ljust("-42", -1, ' ').unwrap(), "-42");
    assert_eq!(rjust("-42", -1, '0').unwrap(), "-42");
    assert_eq!(zfill("-42", -1).unwrap(), "-42");
    assert_eq!(center("-42", 3, '*').unwrap(), "-42");
    assert_eq!(ljust("-42", 3, ' ').unwrap(), "-42");
    assert_eq!(rjust("-42", 3, '0').unwrap(), "-42");
    assert_eq!(zfill("-42", 3).unwrap(), "-42");
    assert_eq!(center("-42", 5, '*').unwrap(), "*-42*");
    assert_eq!(ljust("-42", 5, ' ').unwrap(), "-42  ");
    assert_eq!(rjust("-42", 5, '0').unwrap(), "00-42");
    assert_eq!(zfill("-42", 5).unwrap(), "-0042");
    assert_eq!(center("-42", 6, '*').unwrap(), "*-42**");
    assert_eq!(ljust("-42", 6, ' ').unwrap(), "-42   ");
    assert_eq!(rjust("-42", 6, '0').unwrap(), "000-42");
    assert_eq!(zfill("-42", 6).unwrap(), "-00042");
    assert_eq!(center("+7", -1, '*').unwrap(), "+7");
    assert_eq!(ljust("+7", -1, ' ').unwrap(), "+7");
    assert_eq!(rjust("+7", -1, '0').unwrap(), "+7");
    assert_eq!(zfill("+7", -1).unwrap(), "+7");
    assert_eq!(center("+7", 3, '*').unwrap(), "*+7");
    assert_eq!(ljust("+7", 3, ' ').unwrap(), "+7 ");
    assert_eq!(rjust("+7", 3, '0').unwrap(), "0+7");
    assert_eq!(zfill("+7", 3).unwrap(), "+07");
    assert_eq!(center("+7", 5, '*').unwrap(), "**+7*");
    assert_eq!(ljust("+7", 5, ' ').unwrap(), "+7   ");
    assert_eq!(rjust("+7", 5, '0').unwrap(), "000+7");
    assert_eq!(zfill("+7", 5).unwrap(), "+0007");
    assert_eq!(center("+7", 6, '*').unwrap(), "**+7**");
    assert_eq!(ljust("+7", 6, ' ').unwrap(), "+7    ");
    assert_eq!(rjust("+7", 6, '0').unwrap(), "0000+7");
    assert_eq!(zfill("+7", 6).unwrap(), "+00007");
    assert_eq!(center("42", -1, '*').unwrap(), "42");
    assert_eq!(ljust("42", -1, ' ').unwrap(), "42");
    assert_eq!(rjust("42", -1, '0').unwrap(), "42");
    assert_eq!(zfill("42", -1).unwrap(), "42");
    assert_eq!(center("42", 3, '*').unwrap(), "*42");
    assert_eq!(ljust("42", 3, ' ').unwrap(), "42 ");
    assert_eq!(rjust("42", 3, '0').unwrap(), "042");
    assert_eq!(zfill("42", 3).unwrap(), "042");
    assert_eq!(center("42", 5, '*').unwrap(), "**42*");
    assert_eq!(ljust("42", 5, ' ').unwrap(), "42   ");
    assert_eq!(rjust("42", 5, '0').unwrap(), "00042");
    assert_eq!(zfill("42", 5).unwrap(), "00042");
    assert_eq!(center("42", 6, '*').unwrap(), "**42**");
    assert_eq!(ljust("42", 6, ' ').unwrap(), "42    ");
    assert_eq!(rjust("42", 6, '0').unwrap(), "000042");
    assert_eq!(zfill("42", 6).unwrap(), "000042");
    assert_eq!(center("-", -1, '*').unwrap(), "-");
    assert_eq!(ljust("-", -1, ' ').unwrap(), "-");
    assert_eq!(rjust("-", -1, '0').unwrap(), "-");
    assert_eq!(zfill("-", -1).unwrap(), "-");
    assert_eq!(center("-", 3, '*').unwrap(), "*-*");
    assert_eq!(ljust("-", 3, ' ').unwrap(), "-  ");
    assert_eq!(rjust("-", 3, '0').unwrap(), "00-");
    assert_eq!(zfill("-", 3).unwrap(), "-00");
    assert_eq!(center("-", 5, '*').unwrap(), "**-**");
    assert_eq!(ljust("-", 5, ' ').unwrap(), "-    ");
    assert_eq!(rjust("-", 5, '0').unwrap(), "0000-");
    assert_eq!(zfill("-", 5).unwrap(), "-0000");
    assert_eq!(center("-", 6, '*').unwrap(), "**-***");
    assert_eq!(ljust("-", 6, ' ').unwrap(), "-     ");
    assert_eq!(rjust("-", 6, '0').unwrap(), "00000-");
    assert_eq!(zfill("-", 6).unwrap(), "-00000");
    assert_eq!(expandtabs("a\u{9}b", 8).unwrap(), "a       b");
    assert_eq!(expandtabs("a\u{9}b", 4).unwrap(), "a   b");
    assert_eq!(expandtabs("a\u{9}b", 0).unwrap(), "ab");
    assert_eq!(expandtabs("a\u{9}b", -1).unwrap(), "ab");
    assert_eq!(expandtabs("a\u{9}b", 1).unwrap(), "a b");
    assert_eq!(expandtabs("\u{9}ab\u{9}c\u{a}\u{9}d", 8).unwrap(), "        ab      c\u{a}        d");
    assert_eq!(expandtabs("\u{9}ab\u{9}c\u{a}\u{9}d", 4).unwrap(), "    ab  c\u{a}    d");
    assert_eq!(expandtabs("\u{9}ab\u{9}c\u{a}\u{9}d", 0).unwrap(), "abc\u{a}d");
    assert_eq!(expandtabs("\u{9}ab\u{9}c\u{a}\u{9}d", -1).unwrap(), "abc\u{a}d");
    assert_eq!(expandtabs("\u{9}ab\u{9}c\u{a}\u{9}d", 1).unwrap(), " ab c\u{a} d");
    assert_eq!(expandtabs("12345678\u{9}x", 8).unwrap(), "12345678        x");
    assert_eq!(expandtabs("12345678\u{9}x", 4).unwrap(), "12345678    x");
    assert_eq!(expandtabs("12345678\u{9}x", 0).unwrap(), "12345678x");
    assert_eq!(expandtabs("12345678\u{9}x", -1).unwrap(), "12345678x");
    assert_eq!(expandtabs("12345678\u{9}x", 1).unwrap(), "12345678 x");
    assert_eq!(expandtabs("ab\u{d}\u{9}c", 8).unwrap(), "ab\u{d}        c");
    assert_eq!(expandtabs("ab\u{d}\u{9}c", 4).unwrap(), "ab\u{d}    c");
    assert_eq!(expandtabs("ab\u{d}\u{9}c", 0).unwrap(), "ab\u{d}c");
    assert_eq!(expandtabs("ab\u{d}\u{9}c", -1).unwrap(), "ab\u{d}c");
    assert_eq!(expandtabs("ab\u{d}\u{9}c", 1).unwrap(), "ab\u{d} c");
    assert_eq!(partition("a=b=c", "=").unwrap(), ("a".to_string(), "=".to_string(), "b=c".to_string()));
    assert_eq!(rpartition("a=b=c", "=").unwrap(), ("a=b".to_string(), "=".to_string(), "c".to_string()));
    assert_eq!(partition("abc", "x").unwrap(), ("abc".to_string(), "".to_string(), "".to_string()));
    assert_eq!(rpartition("abc", "x").unwrap(), ("".to_string(), "".to_string(), "abc".to_string()));
    assert_eq!(partition("a==b", "==").unwrap(), ("a".to_string(), "==".to_string(), "b".to_string()));
    assert_eq!(rpartition("a==b", "==").unwrap(), ("a".to_string(), "==".to_string(), "b".to_string()));
    assert_eq!(removeprefix("abc", "ab"), "c");
    assert_eq!(removesuffix("abc", "bc"), "a");
    assert_eq!(removesuffix("abc", "x"), "abc");
}

#[test]
fn slice_table() {
    #[rustfmt::skip]
    let rows: &[(&str, Option<i64>, Option<i64>, Option<i64>, (i64, i64, i64, usize), &str)] = &[
        ("hello", None, None, None, (0, 5, 1, 5), "hello"),
        ("hello", None, Some(2), None, (0, 2, 1, 2), "he"),
        ("hello", None, Some(-1), None, (0, 4, 1, 4), "hell"),
        ("hello", None, Some(10), None, (0, 5, 1, 5), "hello"),
        ("hello", None, None, Some(2), (0, 5, 2, 3), "hlo"),
        ("hello", None, Some(2), Some(2), (0, 2, 2, 1), "h"),
        ("hello", None, Some(-1), Some(2), (0, 4, 2, 2), "hl"),
        ("hello", None, Some(10), Some(2), (0, 5, 2, 3), "hlo"),
        ("hello", None, None, Some(-1), (4, -1, -1, 5), "olleh"),
        ("hello", None, Some(2), Some(-1), (4, 2, -1, 2), "ol"),
        ("hello", None, Some(-1), Some(-1), (4, 4, -1, 0), ""),
        ("hello", None, Some(10), Some(-1), (4, 4, -1, 0), ""),
        ("hello", None, None, Some(-2), (4, -1, -2, 3), "olh"),
        ("hello", None, Some(2), Some(-2), (4, 2, -2, 1), "o"),
        ("hello", None, Some(-1), Some(-2), (4, 4, -2, 0), ""),
        ("hello", None, Some(10), Some(-2), (4, 4, -2, 0), ""),
        ("hello", Some(1), None, None, (1, 5, 1, 4), "ello"),
        ("hello", Some(1), Some(2), None, (1, 2, 1, 1), "e"),
        ("hello", Some(1), Some(-1), None, (1, 4, 1, 3), "ell"),
        ("hello", Some(1), Some(10), None, (1, 5, 1, 4), "ello"),
        ("hello", Some(1), None, Some(2), (1, 5, 2, 2), "el"),
        ("hello", Some(1), Some(2), Some(2), (1, 2, 2, 1), "e"),
        ("hello", Some(1), Some(-1), Some(2), (1, 4, 2, 2), "el"),
        ("hello", Some(1), Some(10), Some(2), (1, 5, 2, 2), "el"),
        ("hello", Some(1), None, Some(-1), (1, -1, -1, 2), "eh"),
        ("hello", Some(1), Some(2), Some(-1), (1, 2, -1, 0), ""),
        ("hello", Some(1), Some(-1), Some(-1), (1, 4, -1, 0), ""),
        ("hello", Some(1), Some(10), Some(-1), (1, 4, -1, 0), ""),
        ("hello", Some(1), None, Some(-2), (1, -1, -2, 1), "e"),
        ("hello", Some(1), Some(2), Some(-2), (1, 2, -2, 0), ""),
        ("hello", Some(1), Some(-1), Some(-2), (1, 4, -2, 0), ""),
        ("hello", Some(1), Some(10), Some(-2), (1, 4, -2, 0), ""),
        ("hello", Some(-1), None, None, (4, 5, 1, 1), "o"),
        ("hello", Some(-1), Some(2), None, (4, 2, 1, 0), ""),
        ("hello", Some(-1), Some(-1), None, (4, 4, 1, 0), ""),
        ("hello", Some(-1), Some(10), None, (4, 5, 1, 1), "o"),
        ("hello", Some(-1), None, Some(2), (4, 5, 2, 1), "o"),
        ("hello", Some(-1), Some(2), Some(2), (4, 2, 2, 0), ""),
        ("hello", Some(-1), Some(-1), Some(2), (4, 4, 2, 0), ""),
        ("hello", Some(-1), Some(10), Some(2), (4, 5, 2, 1), "o"),
        ("hello", Some(-1), None, Some(-1), (4, -1, -1, 5), "olleh"),
        ("hello", Some(-1), Some(2), Some(-1), (4, 2, -1, 2), "ol"),
        ("hello", Some(-1), Some(-1), Some(-1), (4, 4, -1, 0), ""),
        ("hello", Some(-1), Some(10), Some(-1), (4, 4, -1, 0), ""),
        ("hello", Some(-1), None, Some(-2), (4, -1, -2, 3), "olh"),
        ("hello", Some(-1), Some(2), Some(-2), (4, 2, -2, 1), "o"),
        ("hello", Some(-1), Some(-1), Some(-2), (4, 4, -2, 0), ""),
        ("hello", Some(-1), Some(10), Some(-2), (4, 4, -2, 0), ""),
        ("hello", Some(-10), None, None, (0, 5, 1, 5), "hello"),
        ("hello", Some(-10), Some(2), None, (0, 2, 1, 2), "he"),
        ("hello", Some(-10), Some(-1), None, (0, 4, 1, 4), "hell"),
        ("hello", Some(-10), Some(10), None, (0, 5, 1, 5), "hello"),
        ("hello", Some(-10), None, Some(2), (0, 5, 2, 3), "hlo"),
        ("hello", Some(-10), Some(2), Some(2), (0, 2, 2, 1), "h"),
        ("hello", Some(-10), Some(-1), Some(2), (0, 4, 2, 2), "hl"),
        ("hello", Some(-10), Some(10), Some(2), (0, 5, 2, 3), "hlo"),
        ("hello", Some(-10), None, Some(-1), (-1, -1, -1, 0), ""),
        ("hello", Some(-10), Some(2), Some(-1), (-1, 2, -1, 0), ""),
        ("hello", Some(-10), Some(-1), Some(-1), (-1, 4, -1, 0), ""),
        ("hello", Some(-10), Some(10), Some(-1), (-1, 4, -1, 0), ""),
        ("hello", Some(-10), None, Some(-2), (-1, -1, -2, 0), ""),
        ("hello", Some(-10), Some(2), Some(-2), (-1, 2, -2, 0), ""),
        ("hello", Some(-10), Some(-1), Some(-2), (-1, 4, -2, 0), ""),
        ("hello", Some(-10), Some(10), Some(-2), (-1, 4, -2, 0), ""),
        ("hello", Some(10), None, None, (5, 5, 1, 0), ""),
        ("hello", Some(10), Some(2), None, (5, 2, 1, 0), ""),
        ("hello", Some(10), Some(-1), None, (5, 4, 1, 0), ""),
        ("hello", Some(10), Some(10), None, (5, 5, 1, 0), ""),
        ("hello", Some(10), None, Some(2), (5, 5, 2, 0), ""),
        ("hello", Some(10), Some(2), Some(2), (5, 2, 2, 0), ""),
        ("hello", Some(10), Some(-1), Some(2), (5, 4, 2, 0), ""),
        ("hello", Some(10), Some(10), Some(2), (5, 5, 2, 0), ""),
        ("hello", Some(10), None, Some(-1), (4, -1, -1, 5), "olleh"),
        ("hello", Some(10), Some(2), Some(-1), (4, 2, -1, 2), "ol"),
        ("hello", Some(10), Some(-1), Some(-1), (4, 4, -1, 0), ""),
        ("hello", Some(10), Some(10), Some(-1), (4, 4, -1, 0), ""),
        ("hello", Some(10), None, Some(-2), (4, -1, -2, 3), "olh"),
        ("hello", Some(10), Some(2), Some(-2), (4, 2, -2, 1), "o"),
        ("hello", Some(10), Some(-1), Some(-2), (4, 4, -2, 0), ""),
        ("hello", Some(10), Some(10), Some(-2), (4, 4, -2, 0), ""),
        ("", None, None, None, (0, 0, 1, 0), ""),
        ("", None, Some(2), None, (0, 0, 1, 0), ""),
        ("", None, Some(-1), None, (0, 0, 1, 0), ""),
        ("", None, Some(10), None, (0, 0, 1, 0), ""),
        ("", None, None, Some(2), (0, 0, 2, 0), ""),
        ("", None, Some(2), Some(2), (0, 0, 2, 0), ""),
        ("", None, Some(-1), Some(2), (0, 0, 2, 0), ""),
        ("", None, Some(10), Some(2), (0, 0, 2, 0), ""),
        ("", None, None, Some(-1), (-1, -1, -1, 0), ""),
        ("", None, Some(2), Some(-1), (-1, -1, -1, 0), ""),
        ("", None, Some(-1), Some(-1), (-1, -1, -1, 0), ""),
        ("", None, Some(10), Some(-1), (-1, -1, -1, 0), ""),
        ("", None, None, Some(-2), (-1, -1, -2, 0), ""),
        ("", None, Some(2), Some(-2), (-1, -1, -2, 0), ""),
        ("", None, Some(-1), Some(-2), (-1, -1, -2, 0), ""),
        ("", None, Some(10), Some(-2), (-1, -1, -2, 0), ""),
        ("", Some(1), None, None, (0, 0, 1, 0), ""),
        ("", Some(1), Some(2), None, (0, 0, 1, 0), ""),
        ("", Some(1), Some(-1), None, (0, 0, 1, 0), ""),
        ("", Some(1), Some(10), None, (0, 0, 1, 0), ""),
        ("", Some(1), None, Some(2), (0, 0, 2, 0), ""),
        ("", Some(1), Some(2), Some(2), (0, 0, 2, 0), ""),
        ("", Some(1), Some(-1), Some(2), (0, 0, 2, 0), ""),
        ("", Some(1), Some(10), Some(2), (0, 0, 2, 0), ""),
        ("", Some(1), None, Some(-1), (-1, -1, -1, 0), ""),
        ("", Some(1), Some(2), Some(-1), (-1, -1, -1, 0), ""),
        ("", Some(1), Some(-1), Some(-1), (-1, -1, -1, 0), ""),
        ("", Some(1), Some(10), Some(-1), (-1, -1, -1, 0), ""),
        ("", Some(1), None, Some(-2), (-1, -1, -2, 0), ""),
        ("", Some(1), Some(2), Some(-2), (-1, -1, -2, 0), ""),
        ("", Some(1), Some(-1), Some(-2), (-1, -1, -2, 0), ""),
        ("", Some(1), Some(10), Some(-2), (-1, -1, -2, 0), ""),
        ("", Some(-1), None, None, (0, 0, 1, 0), ""),
        ("", Some(-1), Some(2), None, (0, 0, 1, 0), ""),
        ("", Some(-1), Some(-1), None, (0, 0, 1, 0), ""),
        ("", Some(-1), Some(10), None, (0, 0, 1, 0), ""),
        ("", Some(-1), None, Some(2), (0, 0, 2, 0), ""),
        ("", Some(-1), Some(2), Some(2), (0, 0, 2, 0), ""),
        ("", Some(-1), Some(-1), Some(2), (0, 0, 2, 0), ""),
        ("", Some(-1), Some(10), Some(2), (0, 0, 2, 0), ""),
        ("", Some(-1), None, Some(-1), (-1, -1, -1, 0), ""),
        ("", Some(-1), Some(2), Some(-1), (-1, -1, -1, 0), ""),
        ("", Some(-1), Some(-1), Some(-1), (-1, -1, -1, 0), ""),
        ("", Some(-1), Some(10), Some(-1), (-1, -1, -1, 0), ""),
        ("", Some(-1), None, Some(-2), (-1, -1, -2, 0), ""),
        ("", Some(-1), Some(2), Some(-2), (-1, -1, -2, 0), ""),
        ("", Some(-1), Some(-1), Some(-2), (-1, -1, -2, 0), ""),
        ("", Some(-1), Some(10), Some(-2), (-1, -1, -2, 0), ""),
        ("", Some(-10), None, None, (0, 0, 1, 0), ""),
        ("", Some(-10), Some(2), None, (0, 0, 1, 0), ""),
        ("", Some(-10), Some(-1), None, (0, 0, 1, 0), ""),
        ("", Some(-10), Some(10), None, (0, 0, 1, 0), ""),
        ("", Some(-10), None, Some(2), (0, 0, 2, 0), ""),
        ("", Some(-10), Some(2), Some(2), (0, 0, 2, 0), ""),
        ("", Some(-10), Some(-1), Some(2), (0, 0, 2, 0), ""),
        ("", Some(-10), Some(10), Some(2), (0, 0, 2, 0), ""),
        ("", Some(-10), None, Some(-1), (-1, -1, -1, 0), ""),
        ("", Some(-10), Some(2), Some(-1), (-1, -1, -1, 0), ""),
        ("", Some(-10), Some(-1), Some(-1), (-1, -1, -1, 0), ""),
        ("", Some(-10), Some(10), Some(-1), (-1, -1, -1, 0), ""),
        ("", Some(-10), None, Some(-2), (-1, -1, -2, 0), ""),
        ("", Some(-10), Some(2), Some(-2), (-1, -1, -2, 0), ""),
        ("", Some(-10), Some(-1), Some(-2), (-1, -1, -2, 0), ""),
        ("", Some(-10), Some(10), Some(-2), (-1, -1, -2, 0), ""),
        ("", Some(10), None, None, (0, 0, 1, 0), ""),
        ("", Some(10), Some(2), None, (0, 0, 1, 0), ""),
        ("", Some(10), Some(-1), None, (0, 0, 1, 0), ""),
        ("", Some(10), Some(10), None, (0, 0, 1, 0), ""),
        ("", Some(10), None, Some(2), (0, 0, 2, 0), ""),
        ("", Some(10), Some(2), Some(2), (0, 0, 2, 0), ""),
        ("", Some(10), Some(-1), Some(2), (0, 0, 2, 0), ""),
        ("", Some(10), Some(10), Some(2), (0, 0, 2, 0), ""),
        ("", Some(10), None, Some(-1), (-1, -1, -1, 0), ""),
        ("", Some(10), Some(2), Some(-1), (-1, -1, -1, 0), ""),
        ("", Some(10), Some(-1), Some(-1), (-1, -1, -1, 0), ""),
        ("", Some(10), Some(10), Some(-1), (-1, -1, -1, 0), ""),
        ("", Some(10), None, Some(-2), (-1, -1, -2, 0), ""),
        ("", Some(10), Some(2), Some(-2), (-1, -1, -2, 0), ""),
        ("", Some(10), Some(-1), Some(-2), (-1, -1, -2, 0), ""),
        ("", Some(10), Some(10), Some(-2), (-1, -1, -2, 0), ""),
        ("héllo", None, None, None, (0, 5, 1, 5), "héllo"),
        ("héllo", None, Some(2), None, (0, 2, 1, 2), "hé"),
        ("héllo", None, Some(-1), None, (0, 4, 1, 4), "héll"),
        ("héllo", None, Some(10), None, (0, 5, 1, 5), "héllo"),
        ("héllo", None, None, Some(2), (0, 5, 2, 3), "hlo"),
        ("héllo", None, Some(2), Some(2), (0, 2, 2, 1), "h"),
        ("héllo", None, Some(-1), Some(2), (0, 4, 2, 2), "hl"),
        ("héllo", None, Some(10), Some(2), (0, 5, 2, 3), "hlo"),
        ("héllo", None, None, Some(-1), (4, -1, -1, 5), "olléh"),
        ("héllo", None, Some(2), Some(-1), (4, 2, -1, 2), "ol"),
        ("héllo", None, Some(-1), Some(-1), (4, 4, -1, 0), ""),
        ("héllo", None, Some(10), Some(-1), (4, 4, -1, 0), ""),
        ("héllo", None, None, Some(-2), (4, -1, -2, 3), "olh"),
        ("héllo", None, Some(2), Some(-2), (4, 2, -2, 1), "o"),
        ("héllo", None, Some(-1), Some(-2), (4, 4, -2, 0), ""),
        ("héllo", None, Some(10), Some(-2), (4, 4, -2, 0), ""),
        ("héllo", Some(1), None, None, (1, 5, 1, 4), "éllo"),
        ("héllo", Some(1), Some(2), None, (1, 2, 1, 1), "é"),
        ("héllo", Some(1), Some(-1), None, (1, 4, 1, 3), "éll"),
        ("héllo", Some(1), Some(10), None, (1, 5, 1, 4), "éllo"),
        ("héllo", Some(1), None, Some(2), (1, 5, 2, 2), "él"),
        ("héllo", Some(1), Some(2), Some(2), (1, 2, 2, 1), "é"),
        ("héllo", Some(1), Some(-1), Some(2), (1, 4, 2, 2), "él"),
        ("héllo", Some(1), Some(10), Some(2), (1, 5, 2, 2), "él"),
        ("héllo", Some(1), None, Some(-1), (1, -1, -1, 2), "éh"),
        ("héllo", Some(1), Some(2), Some(-1), (1, 2, -1, 0), ""),
        ("héllo", Some(1), Some(-1), Some(-1), (1, 4, -1, 0), ""),
        ("héllo", Some(1), Some(10), Some(-1), (1, 4, -1, 0), ""),
        ("héllo", Some(1), None, Some(-2), (1, -1, -2, 1), "é"),
        ("héllo", Some(1), Some(2), Some(-2), (1, 2, -2, 0), ""),
        ("héllo", Some(1), Some(-1), Some(-2), (1, 4, -2, 0), ""),
        ("héllo", Some(1), Some(10), Some(-2), (1, 4, -2, 0), ""),
        ("héllo", Some(-1), None, None, (4, 5, 1, 1), "o"),
        ("héllo", Some(-1), Some(2), None, (4, 2, 1, 0), ""),
        ("héllo", Some(-1), Some(-1), None, (4, 4, 1, 0), ""),
        ("héllo", Some(-1), Some(10), None, (4, 5, 1, 1), "o"),
        ("héllo", Some(-1), None, Some(2), (4, 5, 2, 1), "o"),
        ("héllo", Some(-1), Some(2), Some(2), (4, 2, 2, 0), ""),
        ("héllo", Some(-1), Some(-1), Some(2), (4, 4, 2, 0), ""),
        ("héllo", Some(-1), Some(10), Some(2), (4, 5, 2, 1), "o"),
        ("héllo", Some(-1), None, Some(-1), (4, -1, -1, 5), "olléh"),
        ("héllo", Some(-1), Some(2), Some(-1), (4, 2, -1, 2), "ol"),
        ("héllo", Some(-1), Some(-1), Some(-1), (4, 4, -1, 0), ""),
        ("héllo", Some(-1), Some(10), Some(-1), (4, 4, -1, 0), ""),
        ("héllo", Some(-1), None, Some(-2), (4, -1, -2, 3), "olh"),
        ("héllo", Some(-1), Some(2), Some(-2), (4, 2, -2, 1), "o"),
        ("héllo", Some(-1), Some(-1), Some(-2), (4, 4, -2, 0), ""),
        ("héllo", Some(-1), Some(10), Some(-2), (4, 4, -2, 0), ""),
        ("héllo", Some(-10), None, None, (0, 5, 1, 5), "héllo"),
        ("héllo", Some(-10), Some(2), None, (0, 2, 1, 2), "hé"),
        ("héllo", Some(-10), Some(-1), None, (0, 4, 1, 4), "héll"),
        ("héllo", Some(-10), Some(10), None, (0, 5, 1, 5), "héllo"),
        ("héllo", Some(-10), None, Some(2), (0, 5, 2, 3), "hlo"),
        ("héllo", Some(-10), Some(2), Some(2), (0, 2, 2, 1), "h"),
        ("héllo", Some(-10), Some(-1), Some(2), (0, 4, 2, 2), "hl"),
        ("héllo", Some(-10), Some(10), Some(2), (0, 5, 2, 3), "hlo"),
        ("héllo", Some(-10), None, Some(-1), (-1, -1, -1, 0), ""),
        ("héllo", Some(-10), Some(2), Some(-1), (-1, 2, -1, 0), ""),
        ("héllo", Some(-10), Some(-1), Some(-1), (-1, 4, -1, 0), ""),
        ("héllo", Some(-10), Some(10), Some(-1), (-1, 4, -1, 0), ""),
        ("héllo", Some(-10), None, Some(-2), (-1, -1, -2, 0), ""),
        ("héllo", Some(-10), Some(2), Some(-2), (-1, 2, -2, 0), ""),
        ("héllo", Some(-10), Some(-1), Some(-2), (-1, 4, -2, 0), ""),
        ("héllo", Some(-10), Some(10), Some(-2), (-1, 4, -2, 0), ""),
        ("héllo", Some(10), None, None, (5, 5, 1, 0), ""),
        ("héllo", Some(10), Some(2), None, (5, 2, 1, 0), ""),
        ("héllo", Some(10), Some(-1), None, (5, 4, 1, 0), ""),
        ("héllo", Some(10), Some(10), None, (5, 5, 1, 0), ""),
        ("héllo", Some(10), None, Some(2), (5, 5, 2, 0), ""),
        ("héllo", Some(10), Some(2), Some(2), (5, 2, 2, 0), ""),
        ("héllo", Some(10), Some(-1), Some(2), (5, 4, 2, 0), ""),
        ("héllo", Some(10), Some(10), Some(2), (5, 5, 2, 0), ""),
        ("héllo", Some(10), None, Some(-1), (4, -1, -1, 5), "olléh"),
        ("héllo", Some(10), Some(2), Some(-1), (4, 2, -1, 2), "ol"),
        ("héllo", Some(10), Some(-1), Some(-1), (4, 4, -1, 0), ""),
        ("héllo", Some(10), Some(10), Some(-1), (4, 4, -1, 0), ""),
        ("héllo", Some(10), None, Some(-2), (4, -1, -2, 3), "olh"),
        ("héllo", Some(10), Some(2), Some(-2), (4, 2, -2, 1), "o"),
        ("héllo", Some(10), Some(-1), Some(-2), (4, 4, -2, 0), ""),
        ("héllo", Some(10), Some(10), Some(-2), (4, 4, -2, 0), ""),
    ];
    for &(s, st, en, sp, idx, want) in rows {
        let got = slice_indices(char_len(s), st, en, sp).unwrap();
        assert_eq!(got, idx, "{s:?}[{st:?}:{en:?}:{sp:?}]");
        assert_eq!(char_slice(s, got.0, got.1, got.2), want);
    }
    assert!(slice_indices(3, None, None, Some(0)).is_err());
}

fn field(key: FieldKey, acc: Vec<FieldAccess>, conv: Option<char>, spec: &str) -> TemplatePart {
    TemplatePart::Field(FormatField {
        key,
        accessors: acc,
        conversion: conv,
        spec: if spec.is_empty() {
            vec![]
        } else {
            vec![TemplatePart::Literal(spec.into())]
        },
    })
}

#[test]
fn template_parsing() {
    use FieldKey::*;
    let lit = |s: &str| TemplatePart::Literal(s.into());
    assert_eq!(
        parse_format_template("a{{b}}{}c{}").unwrap(),
        vec![
            lit("a{b}"),
            field(Index(0), vec![], None, ""),
            lit("c"),
            field(Index(1), vec![], None, "")
        ]
    );
    assert_eq!(
        parse_format_template("{0.x[1][k]!r:>10}{name}").unwrap(),
        vec![
            field(
                Index(0),
                vec![
                    FieldAccess::Attr("x".into()),
                    FieldAccess::Item(Index(1)),
                    FieldAccess::Item(Name("k".into()))
                ],
                Some('r'),
                ">10"
            ),
            field(Name("name".into()), vec![], None, "")
        ]
    );
    assert_eq!(
        parse_format_template("{:{}.{}}").unwrap(),
        vec![TemplatePart::Field(FormatField {
            key: Index(0),
            accessors: vec![],
            conversion: None,
            spec: vec![
                field(Index(1), vec![], None, ""),
                lit("."),
                field(Index(2), vec![], None, "")
            ],
        })]
    );
    assert_eq!(parse_format_template("{a[:!]}").unwrap().len(), 1);
    let errs = [
        ("{0}{}", "cannot switch from manual field specification to automatic field numbering"),
        ("{}{0}", "cannot switch from automatic field numbering to manual field specification"),
        ("}", "Single '}' encountered in format string"),
        ("{", "Single '{' encountered in format string"),
        ("{0", "expected '}' before end of string"),
        ("{0!}", "unmatched '{' in format spec"),
        ("{0!x}", "Unknown conversion specifier x"),
        ("{0!rr}", "expected ':' after conversion specifier"),
        ("{0[}", "expected '}' before end of string"),
        ("{0.}", "Empty attribute in format string"),
        ("{0[]}", "Empty attribute in format string"),
        ("{0!", "end of string while looking for conversion specifier"),
        ("{0[a]b}", "Only '.' or '[' may follow ']' in format field specifier"),
        ("{:{:{}}}", "Max string recursion exceeded"),
        ("{a{}", "unexpected '{' in field name"),
    ];
    for (t, msg) in errs {
        match parse_format_template(t) {
            Err(PyErr::New { args, .. }) => {
                assert!(format!("{:?}", args).contains(msg), "{t}: {args:?}")
            }
            other => panic!("{t}: {other:?}"),
        }
    }
}

#[test]
fn huge_results_are_errors() {
    assert!(ljust("a", 1 << 40, ' ').is_err());
    assert!(zfill("a", 1 << 40).is_err());
    assert!(expandtabs("a\tb", 1 << 40).is_err());
    assert!(center("a", i64::MAX, ' ').is_err());
}

#[test]
fn unicode_predicates_follow_cpython() {
    assert!(isnumeric("一二三"));
    assert!(!isalpha("\u{93e}"));
    assert!(isalpha("é日本"));
    assert!(!isprintable("\u{378}"));
    assert!(isprintable("é日本"));
    assert!(isalnum("abc١٢"));
}
