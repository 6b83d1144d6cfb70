//! CoNLL-U reading and writing.
//!
//! The reader is forgiving about what it does not need (multiword token ranges and
//! empty nodes are kept verbatim so they can be written back) and strict, with a
//! line number, about what it does: ten tab-separated columns and integer ids.

use std::fmt::Write as _;

/// A CoNLL-U reading error, with the 1-based line where it happened.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum ConlluError {
    /// A token line without exactly ten tab-separated columns.
    #[error("line {line}: expected 10 tab-separated columns, found {found}")]
    Columns {
        /// 1-based line number.
        line: usize,
        /// Number of columns found.
        found: usize,
    },
    /// An ID or HEAD column that is not a number.
    #[error("line {line}: bad {column} value {value:?}")]
    Number {
        /// 1-based line number.
        line: usize,
        /// Which column ("ID" or "HEAD").
        column: &'static str,
        /// The offending text.
        value: String,
    },
}

/// One word line of a CoNLL-U sentence (integer ID).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ConlluToken {
    /// Word form.
    pub form: String,
    /// Lemma (`_` when unknown).
    pub lemma: String,
    /// Universal POS tag.
    pub upos: String,
    /// Language-specific (Penn) POS tag.
    pub xpos: String,
    /// Morphological features (`_` when none).
    pub feats: String,
    /// Head, 0 for the root, 1-based otherwise; `None` when the column is `_`.
    pub head: Option<usize>,
    /// Dependency relation.
    pub deprel: String,
    /// Enhanced dependencies column, verbatim.
    pub deps: String,
    /// MISC column, verbatim.
    pub misc: String,
}

/// A sentence: its comment lines, its words, and any multiword/empty-node lines.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ConlluSentence {
    /// Comment lines without the leading `# `-free normalisation (kept verbatim, with `#`).
    pub comments: Vec<String>,
    /// Word lines, in order; word `i` has CoNLL-U ID `i + 1`.
    pub tokens: Vec<ConlluToken>,
    /// Multiword-token and empty-node lines, kept verbatim with the number of words
    /// that preceded them, so the writer can put them back in place.
    pub extra: Vec<(usize, String)>,
}

impl ConlluSentence {
    /// The value of a `# key = value` comment, if present.
    pub fn comment_value(&self, key: &str) -> Option<&str> {
        self.comments.iter().find_map(|c| {
            let rest = c.strip_prefix('#')?.trim_start();
            let rest = rest.strip_prefix(key)?.trim_start();
            Some(rest.strip_prefix('=')?.trim())
        })
    }

    /// Word forms, borrowed.
    pub fn forms(&self) -> Vec<&str> {
        self.tokens.iter().map(|t| t.form.as_str()).collect()
    }
}

/// Parses CoNLL-U text into sentences. Never panics; errors carry a line number.
pub fn read_conllu(text: &str) -> Result<Vec<ConlluSentence>, ConlluError> {
    let mut out = Vec::new();
    let mut cur = ConlluSentence::default();
    for (i, raw) in text.lines().enumerate() {
        let line_no = i + 1;
        let line = raw.strip_suffix('\r').unwrap_or(raw);
        if line.trim().is_empty() {
            if !cur.tokens.is_empty() || !cur.extra.is_empty() {
                out.push(std::mem::take(&mut cur));
            } else {
                // Comments without tokens (e.g. a stray header) attach to the next sentence.
            }
            continue;
        }
        if line.starts_with('#') {
            cur.comments.push(line.to_string());
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() != 10 {
            return Err(ConlluError::Columns {
                line: line_no,
                found: cols.len(),
            });
        }
        if cols[0].contains('-') || cols[0].contains('.') {
            cur.extra.push((cur.tokens.len(), line.to_string()));
            continue;
        }
        let id: usize = cols[0].parse().map_err(|_| ConlluError::Number {
            line: line_no,
            column: "ID",
            value: cols[0].to_string(),
        })?;
        if id != cur.tokens.len() + 1 {
            return Err(ConlluError::Number {
                line: line_no,
                column: "ID",
                value: cols[0].to_string(),
            });
        }
        let head = if cols[6] == "_" {
            None
        } else {
            Some(cols[6].parse().map_err(|_| ConlluError::Number {
                line: line_no,
                column: "HEAD",
                value: cols[6].to_string(),
            })?)
        };
        cur.tokens.push(ConlluToken {
            form: cols[1].to_string(),
            lemma: cols[2].to_string(),
            upos: cols[3].to_string(),
            xpos: cols[4].to_string(),
            feats: cols[5].to_string(),
            head,
            deprel: cols[7].to_string(),
            deps: cols[8].to_string(),
            misc: cols[9].to_string(),
        });
    }
    if !cur.tokens.is_empty() || !cur.extra.is_empty() {
        out.push(cur);
    }
    Ok(out)
}

fn col(s: &str) -> &str {
    if s.is_empty() { "_" } else { s }
}

/// Appends one sentence in CoNLL-U form (ending with a blank line) to `out`.
pub fn write_sentence(s: &ConlluSentence, out: &mut String) {
    for c in &s.comments {
        out.push_str(c);
        out.push('\n');
    }
    let mut extra = s.extra.iter().peekable();
    for (i, t) in s.tokens.iter().enumerate() {
        while let Some((_, line)) = extra.next_if(|(pos, _)| *pos == i) {
            out.push_str(line);
            out.push('\n');
        }
        let head = t.head.map_or_else(|| "_".to_string(), |h| h.to_string());
        let _ = writeln!(
            out,
            "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}",
            i + 1,
            col(&t.form),
            col(&t.lemma),
            col(&t.upos),
            col(&t.xpos),
            col(&t.feats),
            head,
            col(&t.deprel),
            col(&t.deps),
            col(&t.misc)
        );
    }
    for (_, line) in extra {
        out.push_str(line);
        out.push('\n');
    }
    out.push('\n');
}

/// Writes sentences as CoNLL-U text.
pub fn write_conllu(sentences: &[ConlluSentence]) -> String {
    let mut out = String::new();
    for s in sentences {
        write_sentence(s, &mut out);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "# sent_id = x-1\n# text = I can't.\n1\tI\tI\tPRON\tPRP\t_\t3\tnsubj\t_\t_\n2-3\tcan't\t_\t_\t_\t_\t_\t_\t_\t_\n2\tca\tcan\tAUX\tMD\t_\t3\taux\t_\t_\n3\tn't\tnot\tPART\tRB\t_\t0\troot\t_\t_\n3.1\tx\t_\t_\t_\t_\t_\t_\t_\t_\n4\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_\n\n";

    #[test]
    fn roundtrip_keeps_multiword_and_empty_nodes() {
        let s = read_conllu(SAMPLE).unwrap();
        assert_eq!(s.len(), 1);
        assert_eq!(s[0].tokens.len(), 4);
        assert_eq!(s[0].comment_value("sent_id"), Some("x-1"));
        assert_eq!(write_conllu(&s), SAMPLE);
    }

    #[test]
    fn errors_have_line_numbers() {
        let e = read_conllu("1\tI\n").unwrap_err();
        assert_eq!(e, ConlluError::Columns { line: 1, found: 2 });
        let e = read_conllu("# c\nx\ta\tb\tc\td\te\tf\tg\th\ti\n").unwrap_err();
        assert!(matches!(e, ConlluError::Number { line: 2, .. }));
    }
}
