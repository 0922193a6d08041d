//! How deeply a RON text nests, measured in one pass before it is parsed.
//!
//! The RON parser looks ahead over a whole parenthesised value to tell a tuple from a
//! struct, at every level, so the time to reject deeply nested text grows with the square
//! of its depth (100,000 nested `Some(` took seconds, a million took minutes) even though
//! its own recursion limit stops it in the end. A plan nests six levels deep at most
//! (`(sessions: [(done: Some(Done(distance_km: Some(…`), so anything far deeper is refused
//! here, in linear time, with the place where it went too deep.

/// The deepest nesting a plan file may have. Real plans reach 6; a hand-written one might
/// add a level or two; nothing near this is a plan.
pub const MAX_DEPTH: usize = 32;

/// The byte offset of the first bracket that opens a level deeper than `max`, outside
/// strings, characters and comments.
pub fn too_deep(text: &str, max: usize) -> Option<usize> {
    let b = text.as_bytes();
    let mut depth = 0usize;
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'(' | b'[' | b'{' => {
                depth += 1;
                if depth > max {
                    return Some(i);
                }
                i += 1;
            }
            b')' | b']' | b'}' => {
                depth = depth.saturating_sub(1);
                i += 1;
            }
            b'"' => i = skip_string(b, i + 1),
            b'r' if raw_string_start(b, i).is_some() => {
                let (hashes, body) = raw_string_start(b, i).unwrap_or((0, i + 1));
                i = skip_raw_string(b, body, hashes);
            }
            b'\'' => i = skip_char(b, i + 1),
            b'/' if b.get(i + 1) == Some(&b'/') => {
                while i < b.len() && b[i] != b'\n' {
                    i += 1;
                }
            }
            b'/' if b.get(i + 1) == Some(&b'*') => i = skip_block_comment(b, i + 2),
            _ => i += 1,
        }
    }
    None
}

/// After the opening quote: the index after the closing one (or the end).
fn skip_string(b: &[u8], mut i: usize) -> usize {
    while i < b.len() {
        match b[i] {
            b'\\' => i += 2,
            b'"' => return i + 1,
            _ => i += 1,
        }
    }
    b.len()
}

/// `r"`, `r#"`, `r##"` … not inside a word: the number of hashes and where the body starts.
fn raw_string_start(b: &[u8], i: usize) -> Option<(usize, usize)> {
    if i > 0 && (b[i - 1].is_ascii_alphanumeric() || b[i - 1] == b'_') {
        return None;
    }
    let mut j = i + 1;
    while b.get(j) == Some(&b'#') {
        j += 1;
    }
    (b.get(j) == Some(&b'"')).then_some((j - i - 1, j + 1))
}

fn skip_raw_string(b: &[u8], mut i: usize, hashes: usize) -> usize {
    while i < b.len() {
        if b[i] == b'"'
            && b[i + 1..]
                .iter()
                .take(hashes)
                .filter(|&&c| c == b'#')
                .count()
                == hashes
        {
            return i + 1 + hashes;
        }
        i += 1;
    }
    b.len()
}

/// After the opening `'`: past a character literal such as `'('` or `'\''`. A lone quote
/// (not a character literal) skips only itself.
fn skip_char(b: &[u8], i: usize) -> usize {
    match b.get(i) {
        Some(b'\\') => match b[i..].iter().skip(2).position(|&c| c == b'\'') {
            Some(n) if n < 12 => i + 2 + n + 1,
            _ => i,
        },
        Some(_) => {
            // One UTF-8 character, then the closing quote.
            let len = match b[i] {
                0..0x80 => 1,
                0xc0..0xe0 => 2,
                0xe0..0xf0 => 3,
                _ => 4,
            };
            if b.get(i + len) == Some(&b'\'') {
                i + len + 1
            } else {
                i
            }
        }
        None => i,
    }
}

/// After `/*`: past the matching `*/`, counting nested comments as RON does.
fn skip_block_comment(b: &[u8], mut i: usize) -> usize {
    let mut level = 1;
    while i < b.len() {
        if b[i] == b'/' && b.get(i + 1) == Some(&b'*') {
            level += 1;
            i += 2;
        } else if b[i] == b'*' && b.get(i + 1) == Some(&b'/') {
            level -= 1;
            i += 2;
            if level == 0 {
                return i;
            }
        } else {
            i += 1;
        }
    }
    b.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str, max: usize, expected: Option<usize>) {
        assert_eq!(too_deep(text, max), expected, "{text:?}");
    }

    #[test]
    fn counts_brackets_outside_strings_chars_and_comments() {
        check("(a: [(b: Some(1))])", 4, None);
        check("(a: [(b: Some(1))])", 3, Some(13));
        check("((\"((((\"))", 2, None);
        check("((\"\\\"((((\"))", 2, None);
        check("((r#\"((\"((\"#))", 2, None);
        check("(('(', '\\'', '('))", 2, None);
        check("(( // (((\n))", 2, None);
        check("(( /* ((( /* ((( */ ((( */ ))", 2, None);
        check("(x: 'a)", 1, None);
        check(&"Some(".repeat(100_000), MAX_DEPTH, Some(5 * MAX_DEPTH + 4));
        // Closing more than was opened never goes below zero.
        check(")))(((", 3, None);
    }
}
