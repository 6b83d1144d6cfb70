//! MEANTIME (NewsReader, English) → TempEval-3 files, so the corpus scores like TempEval-3.
//!
//! MEANTIME ships CAT XML: one `<token t_id sentence number>` per token, then `<Markables>`
//! whose `TIMEX3`s point at tokens through `<token_anchor t_id/>`. Times are annotated only
//! in the title and the first body sentences (sentence numbers 0–5); sentence 1 is usually
//! the dateline, whose TIMEX3 is the `CREATION_TIME`. The converter keeps the documents that
//! have a creation time, rebuilds the text of sentences 0–5 without the dateline sentence
//! (title, a blank line, then the body sentences), detokenised so the tagger sees ordinary
//! news text, and writes `gold/NAME.tml` (with the TIMEX3s) and `input/NAME.tml` (the same
//! text, DCT only). Where two gold TIMEX3s nest ("from 2009 to 2011" around "2009"), which
//! inline TimeML cannot express, the inner ones are kept.

use crate::eval::{TimexScores, score_dirs};
use crate::timeml::{TimexAnnotation, annotate_te3_with, tag_attr, write_te3};
use crate::{TimeError, TimeTagger};
use std::path::{Path, PathBuf};

/// Last sentence number MEANTIME annotates times in.
const LAST_SENTENCE: u32 = 5;

struct Token {
    id: u32,
    sentence: u32,
    text: String,
}

struct CatTimex {
    kind: String,
    value: String,
    creation: bool,
    anchors: Vec<u32>,
}

/// One converted document.
#[derive(Clone, Debug)]
pub struct Converted {
    /// File stem (the MEANTIME doc_id).
    pub name: String,
    /// DCT value (ISO date).
    pub dct: String,
    /// The plain text.
    pub text: String,
    /// Gold TIMEX3s, byte offsets into `text`.
    pub timexes: Vec<TimexAnnotation>,
}

fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

fn parse_cat(xml: &str, what: &str) -> Result<(String, Vec<Token>, Vec<CatTimex>), TimeError> {
    let err = |d: &str| TimeError::Format {
        what: what.to_string(),
        detail: d.to_string(),
    };
    let doc_tag_end = xml
        .find("<Document")
        .and_then(|p| xml[p..].find('>').map(|e| (p, p + e)))
        .ok_or_else(|| err("no <Document>"))?;
    let doc_id = tag_attr(&xml[doc_tag_end.0..doc_tag_end.1], "doc_id")
        .unwrap_or("doc")
        .to_string();
    let mut tokens = Vec::new();
    let mut from = 0;
    while let Some(p) = xml[from..].find("<token ") {
        let s = from + p;
        let gt = s + xml[s..].find('>').ok_or_else(|| err("unclosed <token>"))?;
        let tag = &xml[s + 1..gt];
        let close = gt
            + xml[gt..]
                .find("</token>")
                .ok_or_else(|| err("no </token>"))?;
        let id = tag_attr(tag, "t_id")
            .and_then(|v| v.parse().ok())
            .ok_or_else(|| err("token without t_id"))?;
        let sentence = tag_attr(tag, "sentence")
            .and_then(|v| v.parse().ok())
            .ok_or_else(|| err("token without sentence"))?;
        tokens.push(Token {
            id,
            sentence,
            text: unescape(&xml[gt + 1..close]),
        });
        from = close;
    }
    let mut timexes = Vec::new();
    let mark = xml.find("<Markables").unwrap_or(xml.len());
    let mut from = mark;
    while let Some(p) = xml[from..].find("<TIMEX3") {
        let s = from + p;
        let gt = s + xml[s..].find('>').ok_or_else(|| err("unclosed <TIMEX3>"))?;
        let tag = &xml[s + 1..gt];
        let (body_end, next) = if tag.ends_with('/') {
            (gt, gt + 1)
        } else {
            let c = gt
                + xml[gt..]
                    .find("</TIMEX3>")
                    .ok_or_else(|| err("no </TIMEX3>"))?;
            (c, c + 9)
        };
        let body = &xml[gt..body_end];
        let mut anchors = Vec::new();
        let mut k = 0;
        while let Some(q) = body[k..].find("t_id=\"") {
            let at = k + q + 6;
            let n: String = body[at..]
                .chars()
                .take_while(char::is_ascii_digit)
                .collect();
            if let Ok(v) = n.parse() {
                anchors.push(v);
            }
            k = at;
        }
        timexes.push(CatTimex {
            kind: tag_attr(tag, "type").unwrap_or("").to_string(),
            value: tag_attr(tag, "value").unwrap_or("").to_string(),
            creation: tag_attr(tag, "functionInDocument") == Some("CREATION_TIME"),
            anchors,
        });
        from = next;
    }
    Ok((doc_id, tokens, timexes))
}

/// DCT values come as ISO dates, except a few written DD-MM-YYYY.
fn normalise_dct(v: &str) -> Option<String> {
    let b = v.as_bytes();
    if b.len() >= 10 && b[4] == b'-' && b[7] == b'-' {
        return Some(v[..10].to_string());
    }
    if b.len() == 10 && b[2] == b'-' && b[5] == b'-' {
        return Some(format!("{}-{}-{}", &v[6..10], &v[3..5], &v[0..2]));
    }
    None
}

/// Joins tokens with spaces except where English punctuation attaches; returns each token's
/// byte span in the joined text.
fn detokenise(tokens: &[&Token], out: &mut String) -> Vec<(usize, usize)> {
    let mut spans = Vec::with_capacity(tokens.len());
    let mut no_space_next = true;
    let mut open_quote = false;
    for t in tokens {
        let w = t.text.as_str();
        let attach_left = matches!(
            w,
            "," | "."
                | ";"
                | ":"
                | "!"
                | "?"
                | ")"
                | "]"
                | "}"
                | "%"
                | "'s"
                | "'S"
                | "n't"
                | "'re"
                | "'ve"
                | "'ll"
                | "'d"
                | "'m"
                | "..."
        ) || (w == "\"" && open_quote)
            || (w == "'" && !no_space_next);
        if !out.is_empty() && !no_space_next && !attach_left {
            out.push(' ');
        }
        let start = out.len();
        out.push_str(w);
        spans.push((start, out.len()));
        no_space_next =
            matches!(w, "(" | "[" | "{" | "$" | "#" | "£" | "€") || (w == "\"" && !open_quote);
        if w == "\"" {
            open_quote = !open_quote;
        }
    }
    spans
}

/// Converts one CAT XML document; `None` when it has no creation time.
pub fn convert_doc(xml: &str, what: &str) -> Result<Option<Converted>, TimeError> {
    let (doc_id, tokens, timexes) = parse_cat(xml, what)?;
    let Some(ct) = timexes.iter().find(|t| t.creation && !t.anchors.is_empty()) else {
        return Ok(None);
    };
    let Some(dct) = normalise_dct(&ct.value) else {
        return Err(TimeError::Dct(ct.value.clone()));
    };
    let sent_of = |id: u32| tokens.iter().find(|t| t.id == id).map(|t| t.sentence);
    let dateline = ct.anchors.first().and_then(|&a| sent_of(a));
    let keep = |s: u32| s <= LAST_SENTENCE && Some(s) != dateline;
    let mut text = String::new();
    let mut span_of: std::collections::HashMap<u32, (usize, usize)> =
        std::collections::HashMap::new();
    let mut sentences: Vec<u32> = tokens
        .iter()
        .map(|t| t.sentence)
        .filter(|&s| keep(s))
        .collect();
    sentences.dedup();
    sentences.sort_unstable();
    sentences.dedup();
    for (k, &s) in sentences.iter().enumerate() {
        if k == 1 {
            text.push_str("\n\n");
        } else if k > 1 {
            text.push(' ');
        }
        let toks: Vec<&Token> = tokens.iter().filter(|t| t.sentence == s).collect();
        let mut part = String::new();
        let spans = detokenise(&toks, &mut part);
        let base = text.len();
        text.push_str(&part);
        for (t, (a, b)) in toks.iter().zip(spans) {
            span_of.insert(t.id, (base + a, base + b));
        }
    }
    let mut gold: Vec<TimexAnnotation> = Vec::new();
    for t in timexes
        .iter()
        .filter(|t| !t.creation && !t.anchors.is_empty())
    {
        let Some(spans) = t
            .anchors
            .iter()
            .map(|a| span_of.get(a).copied())
            .collect::<Option<Vec<_>>>()
        else {
            continue;
        };
        let start = spans.iter().map(|s| s.0).min().unwrap_or(0);
        let end = spans.iter().map(|s| s.1).max().unwrap_or(0);
        gold.push(TimexAnnotation {
            start,
            end,
            kind: t.kind.clone(),
            value: t.value.clone(),
        });
    }
    // Drop a timex that contains another (inline TimeML cannot nest).
    let nested: Vec<bool> = gold
        .iter()
        .enumerate()
        .map(|(i, a)| {
            gold.iter().enumerate().any(|(j, b)| {
                i != j
                    && a.start <= b.start
                    && b.end <= a.end
                    && (a.end - a.start) > (b.end - b.start)
            })
        })
        .collect();
    let mut gold: Vec<TimexAnnotation> = gold
        .into_iter()
        .zip(nested)
        .filter(|(_, n)| !n)
        .map(|(g, _)| g)
        .collect();
    gold.sort_by_key(|g| (g.start, g.end));
    Ok(Some(Converted {
        name: doc_id,
        dct,
        text,
        timexes: gold,
    }))
}

/// All CAT XML files under `root` (recursively), sorted.
fn xml_files(root: &Path) -> Result<Vec<PathBuf>, TimeError> {
    let mut out = Vec::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(d) = stack.pop() {
        let rd = std::fs::read_dir(&d).map_err(|source| TimeError::Io {
            path: d.clone(),
            source,
        })?;
        for e in rd.flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "xml") {
                out.push(p);
            }
        }
    }
    out.sort();
    Ok(out)
}

/// The folder with the annotated documents: `root/intra_cross-doc_annotation` if present.
fn docs_dir(root: &Path) -> PathBuf {
    let sub = root.join("intra_cross-doc_annotation");
    if sub.is_dir() {
        sub
    } else {
        root.to_path_buf()
    }
}

/// Converts the corpus at `meantime_root` into `out/gold/*.tml` and `out/input/*.tml`;
/// returns the converted documents.
pub fn convert(meantime_root: &Path, out: &Path) -> Result<Vec<Converted>, TimeError> {
    let gold_dir = out.join("gold");
    let input_dir = out.join("input");
    for d in [&gold_dir, &input_dir] {
        std::fs::create_dir_all(d).map_err(|source| TimeError::Io {
            path: d.clone(),
            source,
        })?;
    }
    let mut docs = Vec::new();
    for f in xml_files(&docs_dir(meantime_root))? {
        let xml = std::fs::read_to_string(&f).map_err(|source| TimeError::Io {
            path: f.clone(),
            source,
        })?;
        let Some(doc) = convert_doc(&xml, &f.display().to_string())? else {
            continue;
        };
        for (dir, tx) in [(&gold_dir, &doc.timexes[..]), (&input_dir, &[][..])] {
            let p = dir.join(format!("{}.tml", doc.name));
            std::fs::write(&p, write_te3(&doc.name, &doc.dct, &doc.text, tx))
                .map_err(|source| TimeError::Io { path: p, source })?;
        }
        docs.push(doc);
    }
    Ok(docs)
}

/// Every document's creation date and full detokenised text (all sentences), for
/// throughput measurements on real news text.
pub fn full_texts(meantime_root: &Path) -> Result<Vec<(jiff::civil::Date, String)>, TimeError> {
    let mut out = Vec::new();
    for f in xml_files(&docs_dir(meantime_root))? {
        let xml = std::fs::read_to_string(&f).map_err(|source| TimeError::Io {
            path: f.clone(),
            source,
        })?;
        let (_, tokens, timexes) = parse_cat(&xml, &f.display().to_string())?;
        let Some(dct) = timexes
            .iter()
            .find(|t| t.creation)
            .and_then(|t| normalise_dct(&t.value))
        else {
            continue;
        };
        let dct = crate::timeml::parse_dct(&dct)?;
        let mut text = String::new();
        let mut last = None;
        let mut sentence: Vec<&Token> = Vec::new();
        for t in tokens.iter().chain(std::iter::once(&Token {
            id: 0,
            sentence: u32::MAX,
            text: String::new(),
        })) {
            if last.is_some_and(|s| s != t.sentence) {
                if !text.is_empty() {
                    text.push(if last == Some(0) { '\n' } else { ' ' });
                }
                detokenise(&sentence, &mut text);
                sentence.clear();
            }
            sentence.push(t);
            last = Some(t.sentence);
        }
        out.push((dct, text));
    }
    Ok(out)
}

/// Tags every `*.tml` TempEval-3 input in `input` into `output` (same file names).
pub fn tag_dir(tagger: &TimeTagger, input: &Path, output: &Path) -> Result<usize, TimeError> {
    std::fs::create_dir_all(output).map_err(|source| TimeError::Io {
        path: output.to_path_buf(),
        source,
    })?;
    let mut n = 0;
    let rd = std::fs::read_dir(input).map_err(|source| TimeError::Io {
        path: input.to_path_buf(),
        source,
    })?;
    for e in rd.flatten() {
        let p = e.path();
        if p.extension().is_none_or(|x| x != "tml") {
            continue;
        }
        let doc = std::fs::read_to_string(&p).map_err(|source| TimeError::Io {
            path: p.clone(),
            source,
        })?;
        let tagged = annotate_te3_with(tagger, &doc)?;
        let o = output.join(p.file_name().unwrap_or_default());
        std::fs::write(&o, tagged).map_err(|source| TimeError::Io { path: o, source })?;
        n += 1;
    }
    Ok(n)
}

/// Converts MEANTIME into a temporary folder, tags it and scores it with the TempEval-3
/// timex metrics. `meantime_root` is the corpus folder (`…/meantime-en`).
pub fn run_meantime_eval(meantime_root: &Path) -> Result<TimexScores, TimeError> {
    let tmp = std::env::temp_dir().join(
        format!(
            "dyad-time-meantime-{}-{:?}",
            std::process::id(),
            std::thread::current().id()
        )
        .replace(['(', ')'], ""),
    );
    let result = (|| {
        convert(meantime_root, &tmp)?;
        tag_dir(&TimeTagger::new(), &tmp.join("input"), &tmp.join("system"))?;
        score_dirs(&tmp.join("gold"), &tmp.join("system"))
    })();
    let _ = std::fs::remove_dir_all(&tmp);
    result
}
