//! Syntax colouring of the line being edited (keywords, strings, numbers, comments),
//! and whether the terminal should get colours at all (`NO_COLOR`, `TERM=dumb`).

use super::input::KEYWORDS;

/// Lines longer than this are shown uncoloured: colouring runs on every keystroke.
const MAX_COLORED: usize = 20_000;

pub fn color_enabled() -> bool {
    std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
        && std::env::var("TERM").map_or(true, |t| t != "dumb" && !t.is_empty())
}

/// Keywords bold blue, strings green, numbers cyan, comments grey.
pub fn colorize(line: &str) -> Option<String> {
    if line.len() > MAX_COLORED {
        return None;
    }
    let mut out = String::with_capacity(line.len() + 16);
    let chars: Vec<char> = line.chars().collect();
    let text = |from: usize, to: usize| chars[from..to].iter().collect::<String>();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '#' {
            out.push_str(&format!("\x1b[90m{}\x1b[0m", text(i, chars.len())));
            break;
        } else if c == '"' || c == '\'' {
            let start = i;
            i += 1;
            while i < chars.len() && chars[i] != c {
                if chars[i] == '\\' {
                    i += 1;
                }
                i += 1;
            }
            let end = (i + 1).min(chars.len());
            out.push_str(&format!("\x1b[32m{}\x1b[0m", text(start, end)));
            i = end;
            continue;
        } else if c.is_ascii_digit() {
            let start = i;
            while i < chars.len()
                && (chars[i].is_ascii_alphanumeric() || chars[i] == '.' || chars[i] == '_')
            {
                i += 1;
            }
            out.push_str(&format!("\x1b[36m{}\x1b[0m", text(start, i)));
            continue;
        } else if c.is_alphabetic() || c == '_' {
            let start = i;
            while i < chars.len() && (chars[i].is_alphanumeric() || chars[i] == '_') {
                i += 1;
            }
            let word = text(start, i);
            if KEYWORDS.contains(&word.as_str()) {
                out.push_str(&format!("\x1b[1;34m{}\x1b[0m", word));
            } else {
                out.push_str(&word);
            }
            continue;
        } else {
            out.push(c);
        }
        i += 1;
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::colorize;

    #[test]
    fn colours_keep_the_text() {
        let line = "def f(x): return 'a\\'b' + 12 # done";
        let out = colorize(line).unwrap_or_default();
        let plain: String = {
            let mut s = String::new();
            let mut esc = false;
            for c in out.chars() {
                match (esc, c) {
                    (false, '\x1b') => esc = true,
                    (true, 'm') => esc = false,
                    (true, _) => {}
                    (false, c) => s.push(c),
                }
            }
            s
        };
        assert_eq!(plain, line);
        assert!(out.contains("\x1b[1;34mdef\x1b[0m"));
        assert!(colorize(&"x".repeat(30_000)).is_none());
    }

    #[test]
    fn unterminated_string_is_coloured_to_the_end() {
        let out = colorize("s = 'abc").unwrap_or_default();
        assert!(out.ends_with("\x1b[32m'abc\x1b[0m"));
    }
}
