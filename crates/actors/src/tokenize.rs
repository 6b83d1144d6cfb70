//! A small stand-in tokeniser and sentence splitter (UD-like: punctuation split off, `'s` and
//! `n't` split, `U.S.` and `p.m.` kept whole), for tests and for callers without
//! `dyad_segment`. The pipeline uses the segmentation stage instead.
use dyad_core::{Analysis, Paragraph, Sentence, Span, Token};

fn is_abbrev(w: &str) -> bool {
    // Letter-dot sequences (U.S., D.C., p.m.) and common titles.
    let b = w.as_bytes();
    if b.len() >= 2
        && b.len().is_multiple_of(2)
        && b.chunks(2)
            .all(|c| c[0].is_ascii_alphabetic() && c[1] == b'.')
    {
        return true;
    }
    matches!(
        w,
        "Mr."
            | "Mrs."
            | "Ms."
            | "Dr."
            | "St."
            | "Gen."
            | "Sen."
            | "Rep."
            | "Gov."
            | "Lt."
            | "Col."
            | "Jr."
            | "Sr."
            | "Inc."
            | "Corp."
            | "Ltd."
            | "Co."
            | "No."
            | "vs."
    )
}

/// Fills `analysis` (cleared first) with one paragraph per blank-line block, sentences and
/// tokens of `text`.
pub fn segment(text: &str, analysis: &mut Analysis) {
    analysis.clear();
    let mut tokens: Vec<Token> = Vec::new();
    // Whitespace-separated chunks, then punctuation peeled off both ends.
    let mut i = 0;
    let bytes = text.as_bytes();
    while i < bytes.len() {
        let c = text[i..].chars().next().unwrap_or(' ');
        if c.is_whitespace() {
            i += c.len_utf8();
            continue;
        }
        let start = i;
        while i < bytes.len() {
            let c = text[i..].chars().next().unwrap_or(' ');
            if c.is_whitespace() {
                break;
            }
            i += c.len_utf8();
        }
        split_chunk(text, start, i, &mut tokens);
    }
    for k in 0..tokens.len() {
        let next_start = tokens.get(k + 1).map(|t| t.span.start);
        tokens[k].no_space_after = next_start == Some(tokens[k].span.end);
    }
    // Sentences end after . ! ? (not abbreviations) when the next token is capitalised or
    // quote/bracket, and at paragraph breaks.
    let mut s_start = 0usize;
    let mut para = 0u32;
    let mut para_start_tok = 0usize;
    let mut sentences = Vec::new();
    let mut paragraphs = Vec::new();
    for k in 0..tokens.len() {
        let w = &text[tokens[k].span.range()];
        let next = tokens.get(k + 1);
        let para_break = next.is_some_and(|n| {
            text[tokens[k].span.end as usize..n.span.start as usize].contains("\n\n")
        });
        let end_punct = matches!(w, "." | "!" | "?")
            && next.is_none_or(|n| {
                let nw = &text[n.span.range()];
                nw.chars()
                    .next()
                    .is_some_and(|c| c.is_uppercase() || c == '"' || c == '“')
            });
        if end_punct || para_break || next.is_none() {
            sentences.push(Sentence {
                span: Span::new(
                    tokens[s_start].span.start as usize,
                    tokens[k].span.end as usize,
                ),
                paragraph: para,
                token_start: s_start as u32,
                token_end: k as u32 + 1,
                duplicate: None,
            });
            s_start = k + 1;
        }
        if para_break || next.is_none() {
            paragraphs.push(Paragraph {
                span: Span::new(
                    tokens[para_start_tok].span.start as usize,
                    tokens[k].span.end as usize,
                ),
            });
            para += 1;
            para_start_tok = k + 1;
        }
    }
    analysis.tokens = tokens;
    analysis.sentences = sentences;
    analysis.paragraphs = paragraphs;
}

fn split_chunk(text: &str, mut s: usize, mut e: usize, out: &mut Vec<Token>) {
    let mut tail = Vec::new();
    let lead = |c: char| "\"'“‘([{«".contains(c);
    let trail = |c: char| "\"'”’)]}».,;:!?".contains(c);
    while s < e {
        let c = text[s..e].chars().next().unwrap_or(' ');
        if lead(c) && e - s > c.len_utf8() || (lead(c) && e - s == c.len_utf8()) {
            out.push(tok(s, s + c.len_utf8()));
            s += c.len_utf8();
        } else {
            break;
        }
    }
    while e > s {
        let w = &text[s..e];
        if is_abbrev(w) {
            break;
        }
        let c = w.chars().next_back().unwrap_or(' ');
        if trail(c) {
            tail.push(tok(e - c.len_utf8(), e));
            e -= c.len_utf8();
        } else {
            break;
        }
    }
    if e > s {
        let w = &text[s..e];
        let lw = w.to_lowercase();
        if lw.ends_with("n't") && w.len() > 3 {
            out.push(tok(s, e - 3));
            out.push(tok(e - 3, e));
        } else if (lw.ends_with("'s") || lw.ends_with("’s")) && w.len() > 2 {
            let k = if lw.ends_with("’s") {
                "’s".len()
            } else {
                2
            };
            out.push(tok(s, e - k));
            out.push(tok(e - k, e));
        } else {
            out.push(tok(s, e));
        }
    }
    out.extend(tail.into_iter().rev());
}

fn tok(s: usize, e: usize) -> Token {
    Token {
        span: Span::new(s, e),
        no_space_after: false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_and_sentences() {
        let text = "  “Trump’s aides” met U.S. officials in Washington, D.C. on Monday. He didn't say.\n\nNew one!";
        let mut a = Analysis::default();
        segment(text, &mut a);
        let w: Vec<&str> = a.tokens.iter().map(|t| &text[t.span.range()]).collect();
        assert_eq!(&w[..6], ["“", "Trump", "’s", "aides", "”", "met"]);
        assert!(w.contains(&"U.S.") && w.contains(&"D.C.") && w.contains(&"n't"));
        assert_eq!(a.sentences.len(), 3);
        assert_eq!(a.paragraphs.len(), 2);
        assert_eq!(&text[a.sentences[1].span.range()], "He didn't say.");
    }
}
