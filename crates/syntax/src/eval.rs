//! UD evaluation with gold tokenisation: UPOS, XPOS, lemma, UAS, LAS (universal relation
//! before the colon) and full-label LAS. Every word is scored, punctuation included
//! (as in the CoNLL 2018 shared task's word-level scores).

use std::collections::BTreeMap;
use std::fmt::Write as _;

use serde::Serialize;

use crate::conllu::ConlluSentence;

/// Why two files cannot be compared.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum EvalError {
    /// Different numbers of sentences.
    #[error("gold has {gold} sentences, system has {system}")]
    SentenceCount {
        /// Gold sentences.
        gold: usize,
        /// System sentences.
        system: usize,
    },
    /// A sentence whose words differ in number.
    #[error("sentence {index} (0-based): gold has {gold} words, system has {system}")]
    WordCount {
        /// Sentence index.
        index: usize,
        /// Gold words.
        gold: usize,
        /// System words.
        system: usize,
    },
}

/// Counts for one row of the score table.
#[derive(Debug, Clone, Default, Serialize, PartialEq)]
pub struct Scores {
    /// Words scored.
    pub words: usize,
    /// Correct UPOS.
    pub upos: usize,
    /// Correct XPOS.
    pub xpos: usize,
    /// Correct lemma.
    pub lemma: usize,
    /// Correct head.
    pub uas: usize,
    /// Correct head and universal relation.
    pub las: usize,
    /// Correct head and full relation (with subtype).
    pub las_full: usize,
}

impl Scores {
    fn pct(&self, x: usize) -> f64 {
        if self.words == 0 {
            0.0
        } else {
            100.0 * x as f64 / self.words as f64
        }
    }
    /// UPOS accuracy, percent.
    pub fn upos_pct(&self) -> f64 {
        self.pct(self.upos)
    }
    /// XPOS accuracy, percent.
    pub fn xpos_pct(&self) -> f64 {
        self.pct(self.xpos)
    }
    /// Lemma accuracy, percent.
    pub fn lemma_pct(&self) -> f64 {
        self.pct(self.lemma)
    }
    /// Unlabelled attachment score, percent.
    pub fn uas_pct(&self) -> f64 {
        self.pct(self.uas)
    }
    /// Labelled attachment score on universal relations, percent.
    pub fn las_pct(&self) -> f64 {
        self.pct(self.las)
    }
    /// Labelled attachment score on full relations, percent.
    pub fn las_full_pct(&self) -> f64 {
        self.pct(self.las_full)
    }
    /// The percentages as JSON (for model headers).
    pub fn to_json(&self) -> serde_json::Value {
        let r = |x: f64| (x * 100.0).round() / 100.0;
        serde_json::json!({
            "words": self.words,
            "upos": r(self.upos_pct()),
            "xpos": r(self.xpos_pct()),
            "lemma": r(self.lemma_pct()),
            "uas": r(self.uas_pct()),
            "las": r(self.las_pct()),
            "las_full": r(self.las_full_pct()),
        })
    }
}

/// Per-relation attachment figures (full labels).
#[derive(Debug, Clone, Default, Serialize, PartialEq)]
pub struct RelationRow {
    /// Gold words with this relation.
    pub gold: usize,
    /// System words with this relation.
    pub system: usize,
    /// Words with this relation in both, attached to the same head.
    pub correct: usize,
}

/// Evaluation result.
#[derive(Debug, Clone, Default, Serialize, PartialEq)]
pub struct UdScores {
    /// All words.
    pub total: Scores,
    /// Per genre (from `# sent_id`/`# newdoc id`, e.g. `GUM_news_…` → `news`).
    pub genres: BTreeMap<String, Scores>,
    /// Per full relation label.
    pub relations: BTreeMap<String, RelationRow>,
}

/// Genre of a sentence: GUM ids name it (`GUM_news_nasa-3`); EWT ids start with it
/// (`answers-20111108…`).
fn genre(id: &str) -> Option<String> {
    if let Some(rest) = id.strip_prefix("GUM_") {
        return rest.split('_').next().map(str::to_string);
    }
    let head = id.split(['-', '_']).next()?;
    (!head.is_empty()
        && head.len() <= 12
        && head.chars().all(|c| c.is_ascii_alphabetic())
        && head != id)
        .then(|| head.to_string())
}

fn universal(rel: &str) -> &str {
    rel.split(':').next().unwrap_or(rel)
}

/// Compares system output with gold, word by word.
pub fn evaluate(gold: &[ConlluSentence], system: &[ConlluSentence]) -> Result<UdScores, EvalError> {
    if gold.len() != system.len() {
        return Err(EvalError::SentenceCount {
            gold: gold.len(),
            system: system.len(),
        });
    }
    let mut out = UdScores::default();
    let mut current_doc_genre: Option<String> = None;
    for (i, (g, s)) in gold.iter().zip(system).enumerate() {
        if g.tokens.len() != s.tokens.len() {
            return Err(EvalError::WordCount {
                index: i,
                gold: g.tokens.len(),
                system: s.tokens.len(),
            });
        }
        if let Some(doc) = g.comment_value("newdoc id") {
            current_doc_genre = genre(doc);
        }
        let genre_name = g
            .comment_value("sent_id")
            .and_then(genre)
            .or_else(|| current_doc_genre.clone());
        let mut row = Scores::default();
        for (gt, st) in g.tokens.iter().zip(&s.tokens) {
            row.words += 1;
            row.upos += usize::from(gt.upos == st.upos);
            row.xpos += usize::from(gt.xpos == st.xpos);
            row.lemma += usize::from(gt.lemma == st.lemma);
            let head_ok = gt.head == st.head;
            row.uas += usize::from(head_ok);
            row.las += usize::from(head_ok && universal(&gt.deprel) == universal(&st.deprel));
            row.las_full += usize::from(head_ok && gt.deprel == st.deprel);
            out.relations.entry(gt.deprel.clone()).or_default().gold += 1;
            out.relations.entry(st.deprel.clone()).or_default().system += 1;
            if head_ok && gt.deprel == st.deprel {
                out.relations.entry(gt.deprel.clone()).or_default().correct += 1;
            }
        }
        add(&mut out.total, &row);
        if let Some(name) = genre_name {
            add(out.genres.entry(name).or_default(), &row);
        }
    }
    Ok(out)
}

fn add(a: &mut Scores, b: &Scores) {
    a.words += b.words;
    a.upos += b.upos;
    a.xpos += b.xpos;
    a.lemma += b.lemma;
    a.uas += b.uas;
    a.las += b.las;
    a.las_full += b.las_full;
}

impl UdScores {
    /// A plain-text table; `detail` adds per-relation precision/recall/F1.
    pub fn report(&self, detail: bool) -> String {
        let mut s = String::new();
        let _ = writeln!(
            s,
            "{:<20} {:>8} {:>7} {:>7} {:>7} {:>7} {:>7} {:>8}",
            "rows", "words", "UPOS", "XPOS", "Lemma", "UAS", "LAS", "LASfull"
        );
        let mut line = |name: &str, r: &Scores| {
            let _ = writeln!(
                s,
                "{:<20} {:>8} {:>7.2} {:>7.2} {:>7.2} {:>7.2} {:>7.2} {:>8.2}",
                name,
                r.words,
                r.upos_pct(),
                r.xpos_pct(),
                r.lemma_pct(),
                r.uas_pct(),
                r.las_pct(),
                r.las_full_pct()
            );
        };
        line("all", &self.total);
        for (g, r) in &self.genres {
            line(&format!("genre:{g}"), r);
        }
        if detail {
            let _ = writeln!(
                s,
                "\n{:<16} {:>7} {:>7} {:>7} {:>7} {:>7} {:>7}",
                "relation", "gold", "system", "correct", "prec", "recall", "F1"
            );
            let mut rows: Vec<_> = self.relations.iter().collect();
            rows.sort_by(|a, b| b.1.gold.cmp(&a.1.gold).then(a.0.cmp(b.0)));
            for (rel, r) in rows {
                let p = if r.system == 0 {
                    0.0
                } else {
                    100.0 * r.correct as f64 / r.system as f64
                };
                let rc = if r.gold == 0 {
                    0.0
                } else {
                    100.0 * r.correct as f64 / r.gold as f64
                };
                let f = if p + rc == 0.0 {
                    0.0
                } else {
                    2.0 * p * rc / (p + rc)
                };
                let _ = writeln!(
                    s,
                    "{:<16} {:>7} {:>7} {:>7} {:>7.2} {:>7.2} {:>7.2}",
                    rel, r.gold, r.system, r.correct, p, rc, f
                );
            }
        }
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::conllu::read_conllu;

    #[test]
    fn scores_universal_and_full_labels() {
        let g = read_conllu("# sent_id = GUM_news_x-1\n1\tHe\the\tPRON\tPRP\t_\t2\tnsubj:pass\t_\t_\n2\tleft\tleave\tVERB\tVBD\t_\t0\troot\t_\t_\n\n").unwrap();
        let s = read_conllu(
            "1\tHe\the\tPRON\tPRP\t_\t2\tnsubj\t_\t_\n2\tleft\tleft\tADJ\tJJ\t_\t0\troot\t_\t_\n\n",
        )
        .unwrap();
        let r = evaluate(&g, &s).unwrap();
        assert_eq!(r.total.words, 2);
        assert_eq!(r.total.uas, 2);
        assert_eq!(r.total.las, 2);
        assert_eq!(r.total.las_full, 1);
        assert_eq!(r.total.upos, 1);
        assert_eq!(r.genres["news"].words, 2);
        assert!(r.report(true).contains("nsubj:pass"));
        assert_eq!(
            genre("answers-20111108104724AAuBUR7_ans-0001").as_deref(),
            Some("answers")
        );
    }
}
