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
