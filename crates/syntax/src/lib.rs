//! dyad's syntactic core: a part-of-speech tagger (UPOS + Penn XPOS), a lemmatiser with
//! morphological features, and a labelled dependency parser producing Universal
//! Dependencies trees, all trained from open UD English treebanks by this crate's own code.
//!
//! - [`Model`]: loads the committed model (`models/syntax.dsm`, embedded in the binary).
//! - [`SentenceParser`]: a reusable worker, one per thread, that tags, lemmatises and
//!   parses a pre-tokenised sentence in linear time.
//! - [`conllu`]: a robust CoNLL-U reader and writer; [`eval`]: UD scoring.
//! - [`train::train`]: the training pipeline behind `dyad train syntax`.
//!
//! ```
//! use dyad_syntax::Model;
//!
//! let Ok(model) = Model::load_default() else { return }; // no model in a fresh checkout
//! let mut worker = model.parser();
//! let mut out = Vec::new();
//! worker.parse_sentence(&["Trump", "plans", "to", "meet", "Mamdani", "."], &mut out);
//! assert_eq!(out.len(), 6);
//! let root = out.iter().position(|t| t.head == 0).unwrap();
//! assert_eq!(out[root].deprel, "root");
//! ```

#![deny(missing_docs)]

pub mod conllu;
pub mod eval;
mod lemma;
mod model;
mod parser;
mod perceptron;
mod rng;
mod tagger;
pub mod train;

pub use model::{FORMAT_VERSION, Model, ModelHeader, SentenceParser, TagBuffers, TokenSyntax};

use conllu::{ConlluError, ConlluSentence, ConlluToken};

/// The universal parts of speech (UD v2).
pub const UPOS: [&str; 17] = [
    "ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ", "NOUN", "NUM", "PART", "PRON", "PROPN",
    "PUNCT", "SCONJ", "SYM", "VERB", "X",
];

/// `tag` as one of [`UPOS`], borrowed for the whole program rather than from a model, so
/// that later stages can keep it; "X" for anything else.
pub fn upos_static(tag: &str) -> &'static str {
    UPOS.iter().find(|u| **u == tag).copied().unwrap_or("X")
}

/// Errors of this crate.
#[derive(Debug, thiserror::Error)]
pub enum SyntaxError {
    /// The crate was built without a trained model (empty `models/syntax.dsm`).
    #[error("no syntax model is embedded; run `dyad train syntax` first")]
    NoModel,
    /// A model file that cannot be read.
    #[error("bad model file: {0}")]
    Format(String),
    /// File-system error.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: String,
        /// The cause.
        source: std::io::Error,
    },
    /// CoNLL-U syntax error.
    #[error("{path}: {source}")]
    Conllu {
        /// The file (or `<input>`).
        path: String,
        /// The cause.
        source: ConlluError,
    },
    /// Gold and system files that cannot be compared.
    #[error(transparent)]
    Eval(#[from] eval::EvalError),
    /// `eval_ud` was given neither a system file nor a model.
    #[error("no system output and no model to produce it")]
    NothingToEvaluate,
    /// A JSONL input line that is not a JSON object with a `text` string.
    #[error("JSONL line {line}: {message}")]
    Jsonl {
        /// 1-based line number.
        line: usize,
        /// What is wrong.
        message: String,
    },
}

/// Replaces the annotation columns of `sent` with the parse in `syntax` (same length).
pub fn fill_sentence(sent: &mut ConlluSentence, syntax: &[TokenSyntax<'_>]) {
    for (t, s) in sent.tokens.iter_mut().zip(syntax) {
        t.lemma = s.lemma.clone();
        t.upos = s.upos.to_string();
        t.xpos = s.xpos.to_string();
        t.feats = s.feats.to_string();
        t.head = Some(s.head as usize);
        t.deprel = s.deprel.to_string();
        t.deps = "_".to_string();
    }
}

/// Parses sentences keeping their tokenisation, comments, MISC and multiword lines.
pub fn annotate(model: &Model, sentences: &[ConlluSentence]) -> Vec<ConlluSentence> {
    let mut worker = model.parser();
    let mut out = Vec::new();
    sentences
        .iter()
        .map(|s| {
            let words = s.forms();
            worker.parse_sentence(&words, &mut out);
            let mut s2 = s.clone();
            fill_sentence(&mut s2, &out);
            s2
        })
        .collect()
}

/// `dyad parse --input conllu`: CoNLL-U in, CoNLL-U out, tokenisation kept.
pub fn parse_conllu_text(model: &Model, input: &str) -> Result<String, SyntaxError> {
    let sents = conllu::read_conllu(input).map_err(|e| SyntaxError::Conllu {
        path: "<input>".into(),
        source: e,
    })?;
    Ok(conllu::write_conllu(&annotate(model, &sents)))
}

/// A stop-gap tokeniser (until the pipeline's segmenter feeds the parser): splits on
/// whitespace, detaches leading/trailing punctuation, splits English clitics (`n't`, `'s`,
/// `'re` …) and ends sentences after `.`, `!` or `?` tokens. Abbreviations with inner
/// periods (`U.S.`, `p.m.`) stay whole.
pub fn simple_tokenize(text: &str) -> Vec<Vec<String>> {
    const CLITICS: [&str; 7] = ["n't", "'s", "'re", "'ve", "'ll", "'d", "'m"];
    let mut sents = Vec::new();
    let mut cur: Vec<String> = Vec::new();
    for chunk in text.split_whitespace() {
        let mut lead = Vec::new();
        let mut word = chunk;
        while let Some(c) = word.chars().next() {
            if word.chars().count() > 1 && is_punct(c) {
                lead.push(c.to_string());
                word = &word[c.len_utf8()..];
            } else {
                break;
            }
        }
        let mut trail = Vec::new();
        while let Some(c) = word.chars().last() {
            let body = &word[..word.len() - c.len_utf8()];
            // Keep the final period of an abbreviation with inner periods ("U.S.").
            let abbrev = c == '.'
                && body.contains('.')
                && body.chars().all(|x| x.is_alphabetic() || x == '.');
            if word.chars().count() > 1 && is_punct(c) && !abbrev {
                trail.push(c.to_string());
                word = body;
            } else {
                break;
            }
        }
        cur.extend(lead);
        let lower = word.to_lowercase().replace('’', "'");
        let split = CLITICS
            .iter()
            .find(|c| lower.ends_with(*c) && lower.len() > c.len())
            .map(|c| word.len() - word_suffix_len(word, c.chars().count()));
        match split {
            Some(at) => {
                cur.push(word[..at].to_string());
                cur.push(word[at..].to_string());
            }
            None if !word.is_empty() => cur.push(word.to_string()),
            None => {}
        }
        let ends = trail.iter().any(|p| p == "." || p == "!" || p == "?");
        cur.extend(trail.into_iter().rev());
        if ends || (cur.last().is_some_and(|w| w == "." || w == "!" || w == "?") && !cur.is_empty())
        {
            sents.push(std::mem::take(&mut cur));
        }
    }
    if !cur.is_empty() {
        sents.push(cur);
    }
    sents
}

fn word_suffix_len(word: &str, chars: usize) -> usize {
    word.chars().rev().take(chars).map(char::len_utf8).sum()
}

fn is_punct(c: char) -> bool {
    !c.is_alphanumeric() && !matches!(c, '&' | '@' | '#')
}

/// Builds an annotated CoNLL-U sentence from words.
pub fn words_to_conllu(
    worker: &mut SentenceParser<'_>,
    words: &[&str],
    comments: Vec<String>,
) -> ConlluSentence {
    let mut out = Vec::new();
    worker.parse_sentence(words, &mut out);
    let mut s = ConlluSentence {
        comments,
        tokens: words
            .iter()
            .map(|w| ConlluToken {
                form: w.to_string(),
                misc: "_".into(),
                ..Default::default()
            })
            .collect(),
        extra: Vec::new(),
    };
    fill_sentence(&mut s, &out);
    s
}

/// `dyad parse` on raw text: tokenised with [`simple_tokenize`], CoNLL-U out.
pub fn parse_text(model: &Model, text: &str, doc_id: &str) -> String {
    let mut worker = model.parser();
    let mut out = String::new();
    for (i, sent) in simple_tokenize(text).iter().enumerate() {
        let words: Vec<&str> = sent.iter().map(String::as_str).collect();
        let comments = vec![
            format!("# sent_id = {doc_id}-{}", i + 1),
            format!("# text = {}", sent.join(" ")),
        ];
        conllu::write_sentence(&words_to_conllu(&mut worker, &words, comments), &mut out);
    }
    out
}

/// `dyad parse --input jsonl`: one JSON object per line with a `text` (and optional `id`).
pub fn parse_jsonl(model: &Model, input: &str) -> Result<String, SyntaxError> {
    let mut out = String::new();
    for (i, line) in input.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let v: serde_json::Value = serde_json::from_str(line).map_err(|e| SyntaxError::Jsonl {
            line: i + 1,
            message: e.to_string(),
        })?;
        let text = v
            .get("text")
            .and_then(|t| t.as_str())
            .ok_or(SyntaxError::Jsonl {
                line: i + 1,
                message: "no \"text\" string".into(),
            })?;
        let id = v
            .get("id")
            .and_then(|t| t.as_str())
            .map_or_else(|| format!("doc{}", i + 1), str::to_string);
        out.push_str(&format!("# newdoc id = {id}\n"));
        out.push_str(&parse_text(model, text, &id));
    }
    Ok(out)
}

/// A human-readable description of a model for `dyad models`: header JSON plus sizes.
pub fn describe(model: &Model) -> String {
    let (t, a, l) = model.feature_counts();
    format!(
        "syntax model (dyad-syntax, format {})\n{}\nfeatures: tagger {t}, transitions {a}, labels {l}\n",
        model.header().format_version,
        serde_json::to_string_pretty(model.header()).unwrap_or_default()
    )
}

/// `dyad eval ud GOLD [--system SYS]`: scores `system` against `gold` (both CoNLL-U text);
/// without a system file, parses the gold words with `model` (gold tokenisation).
pub fn eval_ud(
    gold: &str,
    system: Option<&str>,
    model: Option<&Model>,
) -> Result<eval::UdScores, SyntaxError> {
    let read = |text: &str, path: &str| {
        conllu::read_conllu(text).map_err(|e| SyntaxError::Conllu {
            path: path.to_string(),
            source: e,
        })
    };
    let gold = read(gold, "<gold>")?;
    let sys = match (system, model) {
        (Some(text), _) => read(text, "<system>")?,
        (None, Some(m)) => annotate(m, &gold),
        (None, None) => return Err(SyntaxError::NothingToEvaluate),
    };
    Ok(eval::evaluate(&gold, &sys)?)
}
