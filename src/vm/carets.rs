//! The position markers under a traceback's source line (PEP 657), drawn as CPython
//! 3.11 draws them: `^` under the failing expression, or for a binary operation or a
//! subscript `~` under the operands and `^` under the operator or the brackets, and no
//! line at all when the markers would only underline the whole line.
//!
//! The failing instruction's extent comes from `CodeObject::spans` (byte offsets into
//! the module's source). The operator of a binary operation and the brackets of a
//! subscript are found as CPython finds them: by parsing the underlined text on its
//! own and looking at the tree.

use crate::syntax::ast::{ExprKind, Span, StmtKind};

/// The marker line for the node at `span` of `source`, whose traceback entry shows line
/// `lineno` (1-based), with its trailing newline; None when CPython prints none.
pub fn marker_line(source: &str, lineno: u32, span: Span) -> Option<String> {
    if span.start >= span.end || lineno == 0 {
        return None;
    }
    let (line_start, line) = nth_line(source, lineno as usize - 1)?;
    let start = (span.start as usize).checked_sub(line_start)?;
    let same_line = span.end as usize <= line_start + line.len();
    let end = if same_line {
        span.end as usize - line_start
    } else {
        // A node that goes on past this line is underlined to the line's last
        // non-blank character.
        line.trim_end().len()
    };
    let segment = line.get(start..end).filter(|s| !s.is_empty())?;
    let anchors = if same_line { anchors(segment) } else { None };
    // Markers that would only underline the whole line are left out, unless they
    // single out an operator or brackets.
    let stripped = line.trim_start();
    if segment.chars().count() >= stripped.chars().count() && anchors.is_none() {
        return None;
    }
    // Columns, not characters: a wide character takes two.
    let width = display_width;
    let indent = line.len() - stripped.len();
    let mut out = String::from("    ");
    out.extend(std::iter::repeat_n(
        ' ',
        width(&line[..start]).saturating_sub(indent),
    ));
    let total = width(segment);
    match anchors {
        Some((left, right)) => {
            let (left, right) = (width(&segment[..left]), width(&segment[..right]));
            out.extend(std::iter::repeat_n('~', left));
            out.extend(std::iter::repeat_n('^', right - left));
            out.extend(std::iter::repeat_n('~', total - right));
        }
        None => out.extend(std::iter::repeat_n('^', total)),
    }
    out.push('\n');
    Some(out)
}

/// How many columns `s` takes on a terminal: two for each East Asian wide or fullwidth
/// character, one for any other (CPython's `_display_width`).
fn display_width(s: &str) -> usize {
    use crate::vm::format::unicode_tables::{in_ranges, EAST_ASIAN_WIDE};
    s.chars()
        .map(|c| if in_ranges(c, EAST_ASIAN_WIDE) { 2 } else { 1 })
        .sum()
}

/// Line `index` (0-based) of `source` without its line ending, and where it starts.
fn nth_line(source: &str, index: usize) -> Option<(usize, &str)> {
    let mut start = 0;
    for (i, piece) in source.split_inclusive('\n').enumerate() {
        if i == index {
            let line = piece.strip_suffix('\n').unwrap_or(piece);
            return Some((start, line.strip_suffix('\r').unwrap_or(line)));
        }
        start += piece.len();
    }
    None
}

/// For a segment that is a binary operation or a subscript, the byte offsets (within
/// it) where the operator or the bracketed part starts and ends.
fn anchors(segment: &str) -> Option<(usize, usize)> {
    let module = crate::syntax::parser::parse_module(segment).ok()?;
    let [stmt] = &module.body[..] else {
        return None;
    };
    let StmtKind::Expr(expr) = &stmt.kind else {
        return None;
    };
    let bytes = segment.as_bytes();
    let is_space = |b: u8| b.is_ascii_whitespace();
    let (left, right) = match &expr.kind {
        ExprKind::BinOp { left, right, .. } => {
            // The first character between the operands that is neither blank nor a
            // closing bracket of the left one, and the next too if it is not blank.
            let (from, to) = (left.span.end as usize, right.span.start as usize);
            let mut found = None;
            for i in from..to.min(bytes.len()) {
                if is_space(bytes[i]) {
                    continue;
                }
                let two = i + 1 < to && !is_space(bytes[i + 1]);
                found = Some((i, i + 1 + usize::from(two)));
                if !(i + 1 < to && bytes[i] == b')') {
                    break;
                }
            }
            found?
        }
        ExprKind::Subscript { value, index } => {
            let mut l = value.span.end as usize;
            let mut r = index.span.end as usize + 1;
            while l < bytes.len() && bytes[l] != b'[' {
                l += 1;
            }
            while r < bytes.len() && bytes[r] != b']' {
                r += 1;
            }
            if r < bytes.len() {
                r += 1;
            }
            (l, r)
        }
        _ => return None,
    };
    let (left, right) = (
        left.min(bytes.len()),
        right.min(bytes.len()).max(left.min(bytes.len())),
    );
    let on_boundary = |i: usize| segment.is_char_boundary(i);
    (on_boundary(left) && on_boundary(right)).then_some((left, right))
}

#[cfg(test)]
mod tests {
    use super::marker_line;
    use crate::syntax::ast::Span;

    /// The marker line for the first occurrence of `node` in line `lineno` of `src`.
    fn markers(src: &str, lineno: u32, node: &str) -> Option<String> {
        let start = src.find(node).expect("node in source");
        marker_line(src, lineno, Span::new(start, start + node.len()))
    }

    #[test]
    fn a_binary_operation_marks_its_operator() {
        let src = "def f(x):\n    return 1 / x\n";
        assert_eq!(
            markers(src, 2, "1 / x").as_deref(),
            Some("           ~~^~~\n")
        );
        let src = "y = (a + b) // c\n";
        assert_eq!(
            markers(src, 1, "(a + b) // c").as_deref(),
            Some("        ~~~~~~~~^^~~\n")
        );
    }

    #[test]
    fn a_subscript_marks_its_brackets() {
        let src = "    v = d[k]\n";
        assert_eq!(markers(src, 1, "d[k]").as_deref(), Some("        ~^^^\n"));
    }

    #[test]
    fn a_call_is_underlined_whole_unless_it_is_the_whole_line() {
        let src = "    return f(0) + 1\n";
        assert_eq!(
            markers(src, 1, "f(0)").as_deref(),
            Some("           ^^^^\n")
        );
        assert_eq!(markers("    g()\n", 1, "g()"), None);
        // A whole-line binary operation still shows its operator.
        assert_eq!(markers("1/0\n", 1, "1/0").as_deref(), Some("    ~^~\n"));
    }

    #[test]
    fn a_node_running_past_its_line_is_underlined_to_the_line_end() {
        let src = "x = f(1,\n      2)\n";
        assert_eq!(
            markers(src, 1, "f(1,\n      2)").as_deref(),
            Some("        ^^^^\n")
        );
    }

    #[test]
    fn wide_characters_take_two_columns() {
        let src = "s = '日本語'; x = s + 1\n";
        assert_eq!(
            markers(src, 1, "s + 1").as_deref(),
            Some("                      ~~^~~\n")
        );
    }

    #[test]
    fn cjk_and_fullwidth_are_two_columns_latin_and_halfwidth_one() {
        assert_eq!(super::display_width("日Ａ😀"), 6);
        assert_eq!(super::display_width("aéｱ"), 3);
    }

    #[test]
    fn nothing_for_an_empty_or_misplaced_span() {
        assert_eq!(marker_line("x\n", 1, Span::new(0, 0)), None);
        assert_eq!(marker_line("x\ny\n", 2, Span::new(0, 1)), None);
        assert_eq!(marker_line("x\n", 5, Span::new(0, 1)), None);
    }
}
