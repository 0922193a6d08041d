//! Text from a plan file made safe for one line of a terminal.
//!
//! A plan file is written by people and by other programs, so a title, a note or a bad
//! value can hold anything: a new line (which would split a one-line error in two), an
//! escape sequence (ESC `]0;…` retitles the terminal, ESC `[2J` clears it), a bell, or
//! twenty megabytes of one string. Everything the command line prints that came from a
//! file goes through this module first — errors, `show`, `replan`, `stats`, `check` — so
//! that it is one line, inert, and short. JSON output needs none of this: its encoder
//! escapes control characters itself, and scripts want the whole value.

use std::borrow::Cow;

/// The longest value echoed from a file, in characters; longer ones end with "…".
pub const ECHO_CHARS: usize = 60;

/// The longest one-line message, in characters, after its echoed values are shortened.
pub const MESSAGE_CHARS: usize = 400;

/// Whether a character could change what a terminal shows beyond its own glyph: C0 and C1
/// controls, DEL, the line and paragraph separators, and the bidirectional overrides that
/// make text display in another order than it is stored.
fn is_unsafe(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{2028}' | '\u{2029}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// `text` with every unsafe character written as an escape (`\n`, `\t`, `\r`, `\u{1b}`):
/// inert, on one line, and still readable. Other text, accents and all, is kept as it is.
pub fn escape(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_unsafe) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if is_unsafe(c) => out.push_str(&format!("\\u{{{:x}}}", u32::from(c))),
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// The first `max` characters of `text`, with "…" when something was cut.
fn shorten(text: &str, max: usize) -> Cow<'_, str> {
    match text.char_indices().nth(max) {
        None => Cow::Borrowed(text),
        Some((at, _)) => Cow::Owned(format!("{}…", &text[..at])),
    }
}

/// A value from a file (a title, a note, a name) as the terminal may show it: escaped, and
/// shortened to [`ECHO_CHARS`] characters.
///
/// ```
/// use runweek::file::echo::echo;
/// assert_eq!(echo("6 x 800 m"), "6 x 800 m");
/// assert_eq!(echo("a\nb\u{1b}]0;pwned\u{7}"), "a\\nb\\u{1b}]0;pwned\\u{7}");
/// assert_eq!(echo(&"x".repeat(100)), format!("{}…", "x".repeat(60)));
/// ```
pub fn echo(text: &str) -> String {
    escape(&shorten(text, ECHO_CHARS)).into_owned()
}

/// A message that may quote values from a file, made one safe line: each value between
/// double quotes or backticks is shortened to [`ECHO_CHARS`] characters, every unsafe
/// character is escaped, and the whole is at most [`MESSAGE_CHARS`] characters.
///
/// ```
/// use runweek::file::echo::one_line;
/// let long = "9".repeat(1000);
/// let said = one_line(&format!("expected a date as \"YYYY-MM-DD\", got \"{long}\""));
/// assert_eq!(said, format!("expected a date as \"YYYY-MM-DD\", got \"{}…\"", "9".repeat(60)));
/// ```
pub fn one_line(message: &str) -> String {
    let mut out = String::with_capacity(message.len().min(MESSAGE_CHARS * 2));
    let mut rest = message;
    while let Some(open) = rest.find(['"', '`']) {
        let quote = rest.as_bytes()[open] as char;
        out.push_str(&rest[..=open]);
        let after = &rest[open + 1..];
        let (value, tail) = match after.find(quote) {
            Some(close) => (&after[..close], &after[close..]),
            None => (after, ""),
        };
        out.push_str(&shorten(value, ECHO_CHARS));
        match tail.strip_prefix(quote) {
            Some(tail) => {
                out.push(quote);
                rest = tail;
            }
            None => rest = tail,
        }
        if out.len() > MESSAGE_CHARS * 4 {
            break;
        }
    }
    if out.len() <= MESSAGE_CHARS * 4 {
        out.push_str(&shorten(rest, MESSAGE_CHARS * 4));
    }
    escape(&shorten(&out, MESSAGE_CHARS)).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(input: &str, expected: &str) {
        assert_eq!(one_line(input), expected, "{input:?}");
    }

    #[test]
    fn messages_stay_on_one_inert_line() {
        check("plain words", "plain words");
        check("two\nlines", "two\\nlines");
        check("bell\u{7} and esc\u{1b}[2J", "bell\\u{7} and esc\\u{1b}[2J");
        check("tab\there\r", "tab\\there\\r");
        check("del\u{7f} c1\u{9b}", "del\\u{7f} c1\\u{9b}");
        check("bidi \u{202e}txt", "bidi \\u{202e}txt");
        check(
            "accents stay: Côte, Straße, 東京",
            "accents stay: Côte, Straße, 東京",
        );
        let long = "a".repeat(70);
        check(
            &format!("field `{long}` and \"{long}\""),
            &format!("field `{}…` and \"{}…\"", "a".repeat(60), "a".repeat(60)),
        );
        check(
            &format!("unclosed \"{long}"),
            &format!("unclosed \"{}…", "a".repeat(60)),
        );
        let huge = one_line(&"word ".repeat(10_000));
        assert_eq!(huge.chars().count(), MESSAGE_CHARS + 1);
        assert!(huge.ends_with('…'));
    }

    #[test]
    fn echo_shortens_then_escapes() {
        assert_eq!(echo(""), "");
        assert_eq!(echo("\n"), "\\n");
        assert_eq!(echo(&"é".repeat(61)), format!("{}…", "é".repeat(60)));
    }
}
