//! UD-English-style tokenisation of one block of text into byte spans.

use crate::lexicon::{Abbrev, abbrev, is_prefix};
use dyad_core::{Span, Token};

/// Tokenises `text[block]`, appending to `out` and setting `no_space_after` within the block.
pub fn tokenize(text: &str, block: Span, out: &mut Vec<Token>) {
    let first = out.len();
    let bytes = text.as_bytes();
    let (lo, hi) = (block.start as usize, block.end as usize);
    let mut chunk_start: Option<usize> = None;
    let mut i = lo;
    while i < hi {
        let b = bytes[i];
        // ASCII decides in one comparison; other characters are decoded only when met.
        let (space, len) = if b < 0x80 {
            (matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c), 1)
        } else {
            let c = text[i..].chars().next().expect("char boundary");
            (c.is_whitespace(), c.len_utf8())
        };
        if space {
            if let Some(cs) = chunk_start.take() {
                split_chunk(text, cs, i, out);
            }
        } else if chunk_start.is_none() {
            chunk_start = Some(i);
        }
        i += len;
    }
    if let Some(cs) = chunk_start {
        split_chunk(text, cs, hi, out);
    }
    for i in first..out.len().saturating_sub(1) {
        out[i].no_space_after = out[i].span.end == out[i + 1].span.start;
    }
}

fn push(out: &mut Vec<Token>, start: usize, end: usize) {
    out.push(Token {
        span: Span::new(start, end),
        no_space_after: false,
    });
}

fn is_opener(c: char) -> bool {
    matches!(
        c,
        '"' | '“'
            | '‘'
            | '\''
            | '('
            | '['
            | '{'
            | '«'
            | '$'
            | '€'
            | '£'
            | '¥'
            | '#'
            | '*'
            | '¿'
            | '¡'
    )
}

fn is_closer(c: char) -> bool {
    matches!(
        c,
        '"' | '”'
            | '’'
            | '\''
            | ')'
            | ']'
            | '}'
            | '»'
            | ','
            | ';'
            | ':'
            | '!'
            | '?'
            | '%'
            | '…'
            | '*'
    )
}

/// Characters that belong to the character before them (combining marks, emoji joiners and
/// variation selectors), so a word with a decomposed accent stays one token.
fn is_joiner(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036F}' | '\u{200D}' | '\u{FE00}'..='\u{FE0F}' | '\u{1F3FB}'..='\u{1F3FF}')
}

fn looks_like_url(s: &str) -> bool {
    if !s.bytes().any(|b| matches!(b, b':' | b'@' | b'.')) {
        return false;
    }
    s.contains("://")
        || s.starts_with("www.")
        || s.find('@')
            .is_some_and(|at| at > 0 && s[at..].contains('.') && !s.ends_with('@'))
}

/// Splits one whitespace-free chunk: leading and trailing punctuation, clitics, hyphens.
fn split_chunk(text: &str, start: usize, end: usize, out: &mut Vec<Token>) {
    // Fast path for the common shapes, a plain word with at most one ASCII punctuation mark
    // after it ("said", "Thursday,", "funding."); anything else takes the general path.
    let b = &text.as_bytes()[start..end];
    let alnum = b.iter().take_while(|c| c.is_ascii_alphanumeric()).count();
    if alnum == b.len() {
        split_word(text, start, end, out);
        return;
    }
    if alnum > 0 && alnum + 1 == b.len() {
        let last = b[alnum];
        if matches!(last, b',' | b';' | b':' | b'!' | b'?' | b')' | b'"' | b'%')
            || (last == b'.' && abbrev(&text[start..end]) == Abbrev::No)
        {
            split_word(text, start, end - 1, out);
            push(out, end - 1, end);
            return;
        }
    }
    let mut lo = start;
    let mut hi = end;
    while let Some(c) = text[lo..hi].chars().next() {
        if !is_opener(c) || lo + c.len_utf8() == hi {
            break;
        }
        push(out, lo, lo + c.len_utf8());
        lo += c.len_utf8();
    }
    // Peel trailing punctuation into a small stack, emitted after the word in text order.
    let mut tail = [(0usize, 0usize); 16];
    let mut n_tail = 0;
    let url = looks_like_url(&text[lo..hi]);
    while lo < hi && n_tail < tail.len() {
        let c = text[lo..hi].chars().next_back().expect("non-empty");
        let cut = if c == '.' {
            let word = &text[lo..hi];
            let dots = word.len() - word.trim_end_matches('.').len();
            if dots >= 2 {
                hi - dots
            } else if url || (word.len() > 1 && abbrev(word) != Abbrev::No) {
                break;
            } else {
                hi - 1
            }
        } else if is_closer(c) || (!url && matches!(c, '—' | '–')) {
            hi - c.len_utf8()
        } else {
            break;
        };
        if cut == lo {
            break; // the chunk is all punctuation: keep its first piece as the word
        }
        tail[n_tail] = (cut, hi);
        n_tail += 1;
        hi = cut;
    }
    if lo < hi {
        if url {
            push(out, lo, hi);
        } else if text[lo..hi].bytes().all(|b| b.is_ascii_alphanumeric()) {
            split_word(text, lo, hi, out); // the common case: nothing inside to split
        } else {
            split_inner(text, lo, hi, out);
        }
    }
    for &(s, e) in tail[..n_tail].iter().rev() {
        push(out, s, e);
    }
}

/// Clitics as UD English splits them: `n't`, `'s`, `'re`, `'ve`, `'ll`, `'d`, `'m`.
fn clitic_cut(w: &str) -> Option<usize> {
    if !w.bytes().any(|b| b == b'\'' || b == 0xE2) {
        return None; // no ' or ’ (whose UTF-8 starts with 0xE2)
    }
    let lower_ends = |suffix: &str| {
        w.len() > suffix.len()
            && w.is_char_boundary(w.len() - suffix.len())
            && w[w.len() - suffix.len()..].eq_ignore_ascii_case(suffix)
    };
    for nt in ["n't", "n’t"] {
        if lower_ends(nt) {
            return Some(w.len() - nt.len());
        }
    }
    for suffix in [
        "'s", "’s", "'re", "’re", "'ve", "’ve", "'ll", "’ll", "'d", "’d", "'m", "’m",
    ] {
        if lower_ends(suffix) {
            let cut = w.len() - suffix.len();
            if w[..cut]
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric)
            {
                return Some(cut);
            }
        }
    }
    None
}

/// Emits one word, splitting `cannot` and clitics off it.
fn split_word(text: &str, lo: usize, hi: usize, out: &mut Vec<Token>) {
    let w = &text[lo..hi];
    if w.eq_ignore_ascii_case("cannot") {
        push(out, lo, lo + 3);
        push(out, lo + 3, hi);
        return;
    }
    match clitic_cut(w) {
        Some(cut) => {
            push(out, lo, lo + cut);
            push(out, lo + cut, hi);
        }
        None => push(out, lo, hi),
    }
}

/// Splits inside a word at dashes, hyphens between words (not after a prefix), commas that
/// are not digit group separators, and symbols; keeps periods, apostrophes and `&` inside.
fn split_inner(text: &str, lo: usize, hi: usize, out: &mut Vec<Token>) {
    let s = &text[lo..hi];
    let mut piece = lo;
    let mut prev: Option<char> = None;
    let mut chars = s.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let at = lo + i;
        let next = chars.peek().map(|&(_, n)| n);
        let mut end = at + c.len_utf8();
        let split = match c {
            '—' | '–' => true,
            '-' if next == Some('-') => {
                while let Some(&(j, '-')) = chars.peek() {
                    end = lo + j + 1;
                    chars.next();
                }
                true
            }
            // Words joined by a hyphen split as in UD English ("well - known"), except after
            // a prefix ("co-workers") and between capitalised parts of a name ("Jean-Luc").
            '-' => {
                prev.is_some_and(char::is_alphabetic)
                    && next.is_some_and(char::is_alphabetic)
                    && !is_prefix(&text[piece..at])
                    && !(next.is_some_and(char::is_uppercase)
                        && text[piece..at].starts_with(char::is_uppercase))
            }
            ':' => {
                !(prev.is_some_and(|p| p.is_ascii_digit())
                    && next.is_some_and(|n| n.is_ascii_digit()))
            }
            ',' => {
                !(prev.is_some_and(|p| p.is_ascii_digit())
                    && next.is_some_and(|n| n.is_ascii_digit()))
            }
            '.' | '\'' | '’' | '&' | '_' | '@' => false,
            c if c.is_alphanumeric() || is_joiner(c) => false,
            _ => true,
        };
        if split {
            if piece < at {
                split_word(text, piece, at, out);
            }
            push(out, at, end);
            piece = end;
        }
        prev = Some(c);
    }
    if piece < hi {
        split_word(text, piece, hi, out);
    }
}
