//! Sentence boundaries over the tokens of one block.
//!
//! Deciding on tokens rather than characters lets the tokenizer's abbreviation judgement
//! ("U.S." kept whole, "dollars." split) carry over: a lone `.`, `!`, `?` or `…` ends a
//! sentence before a capital, digit or opening quote; an abbreviation that can end a sentence
//! ("U.S.", "p.m.", "Inc.") does so only before a common sentence opener ("The", "He").

use crate::lexicon::{Abbrev, abbrev, is_starter};
use dyad_core::{Sentence, Span, Token};

/// Splits `tokens[first..]`, one block whose end always ends a sentence.
pub fn split(text: &str, first: usize, paragraph: u32, tokens: &[Token], out: &mut Vec<Sentence>) {
    let end = tokens.len();
    let mut start = first;
    let mut i = first;
    if let Some(j) = dateline_end(text, &tokens[first..end]) {
        push(out, tokens, first, first + j, paragraph);
        start = first + j;
        i = start;
    }
    while i < end {
        let word = &text[tokens[i].span.range()];
        let boundary = if is_terminal(word) {
            // Closing quotes and brackets glued to the terminal belong to this sentence.
            let mut j = i + 1;
            while j < end
                && tokens[j - 1].no_space_after
                && is_closer(&text[tokens[j].span.range()])
            {
                j += 1;
            }
            (j == end || opens_sentence(&text[tokens[j].span.range()])).then_some(j)
        } else if word.len() > 1 && word.ends_with('.') && abbrev(word) == Abbrev::Other {
            let next = tokens.get(i + 1).map(|t| &text[t.span.range()]);
            next.is_some_and(is_starter).then_some(i + 1)
        } else {
            None
        };
        match boundary {
            Some(j) if j < end => {
                push(out, tokens, start, j, paragraph);
                start = j;
                i = j;
            }
            _ => i += 1,
        }
    }
    if start < end {
        push(out, tokens, start, end, paragraph);
    }
}

/// The number of tokens of a wire dateline that opens a block and runs on into the story
/// ("NAIROBI, March 12 (Reuters) - Kenya recalled …", "SANTIAGO (AP) — …"), up to and
/// including its dash; `None` where the block opens no dateline.
///
/// Why: a dateline is no part of the first sentence's grammar, and left in it the parser
/// takes the place name for the sentence's subject ("NAIROBI recalled its ambassador"). A
/// dateline on a line of its own is already a sentence (`paragraphs`). The prefix must be
/// words of a place or an agency, dates and punctuation only, and open with a word in
/// capitals or hold a parenthesis (the agency): a capitalised word before a dash is
/// otherwise an ordinary appositive ("Mendoza — a city of vineyards — …").
fn dateline_end(text: &str, tokens: &[Token]) -> Option<usize> {
    const MAX: usize = 14;
    let word = |k: usize| &text[tokens[k].span.range()];
    let dash = (1..tokens.len().min(MAX + 1))
        .find(|&k| matches!(word(k), "-" | "--" | "–" | "—" | "―"))?;
    let next = tokens.get(dash + 1).map(|t| &text[t.span.range()])?;
    if !opens_sentence(next) {
        return None;
    }
    let prefix = || (0..dash).map(word);
    let place_like = |w: &str| {
        let mut cs = w.chars();
        match cs.next() {
            Some(c) if c.is_uppercase() => {
                cs.all(|c| c.is_alphabetic() || matches!(c, '.' | '\'' | '’' | '-' | '/'))
            }
            Some(c) if c.is_ascii_digit() => w.chars().all(|c| c.is_ascii_alphanumeric()),
            _ => matches!(
                w,
                "," | "."
                    | "("
                    | ")"
                    | "/"
                    | "de"
                    | "del"
                    | "da"
                    | "do"
                    | "la"
                    | "el"
                    | "al"
                    | "of"
                    | "upon"
                    | "es"
                    | "am"
            ),
        }
    };
    let capitals = |w: &str| {
        w.chars().filter(|c| c.is_alphabetic()).count() >= 2 && w.chars().all(|c| !c.is_lowercase())
    };
    let ok = prefix().all(place_like)
        && (capitals(word(0)) || prefix().any(|w| w == "("))
        && word(0).chars().next().is_some_and(char::is_uppercase);
    ok.then_some(dash + 1)
}

fn push(out: &mut Vec<Sentence>, tokens: &[Token], start: usize, end: usize, paragraph: u32) {
    out.push(Sentence {
        span: Span::new(
            tokens[start].span.start as usize,
            tokens[end - 1].span.end as usize,
        ),
        paragraph,
        token_start: start as u32,
        token_end: end as u32,
        duplicate: None,
    });
}

fn is_terminal(word: &str) -> bool {
    !word.is_empty() && word.chars().all(|c| matches!(c, '.' | '!' | '?' | '…'))
}

fn is_closer(word: &str) -> bool {
    matches!(word, "\"" | "”" | "’" | "'" | ")" | "]" | "»")
}

fn opens_sentence(word: &str) -> bool {
    word.chars().next().is_some_and(|c| {
        c.is_uppercase()
            || c.is_ascii_digit()
            || matches!(
                c,
                '"' | '“' | '‘' | '\'' | '(' | '[' | '«' | '—' | '¿' | '¡'
            )
    })
}
