//! Story and sentence discards (`Phoenix.discards.txt`, `PETR.Validate.discards.txt`).
//!
//! Each line is a phrase; `+` in front makes it a story discard (the whole story is not coded
//! when it occurs anywhere), otherwise a sentence discard (that sentence is not coded). `#`
//! starts a comment (`;` inside a comment is part of it). Matching is case-insensitive and
//! starts at a word boundary; a phrase ending in `_` must also end at one, otherwise it is a
//! stem (`BASEBALL` also matches `baseballs`). Inside a phrase `_` and spaces both stand for
//! one space.
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

/// Whether a discard drops the story or one sentence.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DiscardScope {
    /// The whole story.
    Story,
    /// One sentence.
    Sentence,
}

/// One discard phrase.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Discard {
    /// Lower-case phrase, words separated by one space.
    pub phrase: String,
    /// Story or sentence.
    pub scope: DiscardScope,
    /// Whether the phrase must end at a word boundary (written with a final `_`).
    pub whole_word: bool,
    /// 1-based line in the file.
    pub line: usize,
}

/// A discard that fired.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DiscardHit<'a> {
    /// Which entry.
    pub discard: &'a Discard,
    /// Byte range of the match in the text.
    pub span: std::ops::Range<usize>,
}

/// Errors from reading a discard file.
#[derive(Debug, thiserror::Error)]
pub enum DiscardError {
    /// The file could not be read.
    #[error("cannot read discard file {path}: {source}")]
    Io {
        /// The path.
        path: String,
        /// The cause.
        source: std::io::Error,
    },
    /// The matcher could not be built.
    #[error("cannot build discard matcher: {0}")]
    Build(String),
}

/// A compiled discard list.
#[derive(Clone, Debug)]
pub struct Discards {
    entries: Vec<Discard>,
    matcher: AhoCorasick,
}

impl Discards {
    /// Reads a discard file.
    pub fn read(path: impl AsRef<std::path::Path>) -> Result<Self, DiscardError> {
        let path = path.as_ref();
        let bytes = std::fs::read(path).map_err(|source| DiscardError::Io {
            path: path.display().to_string(),
            source,
        })?;
        Self::parse(&String::from_utf8_lossy(&bytes))
    }

    /// Parses discard file text.
    pub fn parse(text: &str) -> Result<Self, DiscardError> {
        let mut entries = Vec::new();
        for (i, line) in text.lines().enumerate() {
            let body = line.split('#').next().unwrap_or("").trim();
            if body.is_empty() || body.starts_with("<!") {
                continue;
            }
            let (scope, body) = match body.strip_prefix('+') {
                Some(rest) => (DiscardScope::Story, rest.trim()),
                None => (DiscardScope::Sentence, body),
            };
            let whole_word = body.ends_with('_');
            let phrase = body
                .split(|c: char| c == '_' || c.is_whitespace())
                .filter(|w| !w.is_empty())
                .collect::<Vec<_>>()
                .join(" ")
                .to_lowercase();
            if phrase.is_empty() {
                continue;
            }
            entries.push(Discard {
                phrase,
                scope,
                whole_word,
                line: i + 1,
            });
        }
        let matcher = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::Standard)
            .build(entries.iter().map(|e| e.phrase.as_str()))
            .map_err(|e| DiscardError::Build(e.to_string()))?;
        Ok(Discards { entries, matcher })
    }

    /// The entries.
    pub fn entries(&self) -> &[Discard] {
        &self.entries
    }

    /// Every discard that fires in `text`, story discards first, then by position.
    ///
    /// The text is matched with runs of white space read as one space, so a phrase matches
    /// across a line break.
    pub fn find_all<'a>(&'a self, text: &str) -> Vec<DiscardHit<'a>> {
        let (norm, map) = squeeze(text);
        let bytes = norm.as_bytes();
        let mut hits = Vec::new();
        for m in self.matcher.find_overlapping_iter(&norm) {
            let e = &self.entries[m.pattern().as_usize()];
            let starts_word = m.start() == 0 || !is_word_byte(bytes[m.start() - 1]);
            let ends_word = m.end() == bytes.len() || !is_word_byte(bytes[m.end()]);
            if starts_word && (!e.whole_word || ends_word) {
                hits.push(DiscardHit {
                    discard: e,
                    span: map[m.start()]..map[m.end()],
                });
            }
        }
        hits.sort_by_key(|h| (h.discard.scope != DiscardScope::Story, h.span.start));
        hits
    }

    /// The first story discard in `text`, else the first sentence discard.
    pub fn check<'a>(&'a self, text: &str) -> Option<DiscardHit<'a>> {
        self.find_all(text).into_iter().next()
    }

    /// The first story discard in `text`.
    pub fn check_story<'a>(&'a self, text: &str) -> Option<DiscardHit<'a>> {
        self.find_all(text)
            .into_iter()
            .find(|h| h.discard.scope == DiscardScope::Story)
    }
}

fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b >= 0x80 || b == b'-'
}

/// Collapses white space runs to one space; `map[i]` is the original offset of byte `i`
/// (with one extra entry for the end).
fn squeeze(text: &str) -> (String, Vec<usize>) {
    let mut out = String::with_capacity(text.len());
    let mut map = Vec::with_capacity(text.len() + 1);
    let mut in_space = false;
    for (i, ch) in text.char_indices() {
        if ch.is_whitespace() {
            if !in_space {
                out.push(' ');
                map.push(i);
            }
            in_space = true;
            continue;
        }
        in_space = false;
        map.extend(i..i + ch.len_utf8());
        out.push(ch);
    }
    map.push(text.len());
    (out, map)
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "\
# Story-level discards are indicated with a '+'.
MONTHS LATER
+World Golf Championships   # pas 26-Feb-2014
BASEBALL
GROUP A_
+TYPHOON   # ELH 04 Aug 2009 ;AB
";

    #[test]
    fn parses_scopes_and_boundaries() {
        let d = Discards::parse(TEXT).unwrap();
        assert_eq!(d.entries().len(), 5);
        assert_eq!(d.entries()[1].scope, DiscardScope::Story);
        assert_eq!(d.entries()[1].phrase, "world golf championships");
        assert!(d.entries()[3].whole_word);
        assert_eq!(d.entries()[4].phrase, "typhoon");
    }

    #[test]
    fn matches_at_word_boundaries() {
        let d = Discards::parse(TEXT).unwrap();
        let hit = d.check("Héllo — the typhoon hit Gondor.").unwrap();
        assert_eq!(hit.discard.scope, DiscardScope::Story);
        assert_eq!(
            &"Héllo — the typhoon hit Gondor."[hit.span.clone()],
            "typhoon"
        );
        // Stems match, but only from a word start.
        assert!(d.check("Baseballs were thrown").is_some());
        assert!(d.check("antibaseball").is_none());
        // `GROUP A_` must end at a word boundary.
        assert!(d.check("in Group A, Gondor leads").is_some());
        assert!(d.check("in Group Arnor leads").is_none());
        // Phrases match across line breaks; story discards come first.
        let hits = d.find_all("Six months\n later, at the World Golf  Championships");
        assert_eq!(hits.len(), 2);
        assert_eq!(hits[0].discard.scope, DiscardScope::Story);
        assert!(d.check("Gondor attacked Arnor").is_none());
    }

    #[test]
    fn reads_the_phoenix_list() {
        let p = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../../shared/data/cameo-dictionaries/Phoenix.discards.txt"
        );
        let Ok(d) = Discards::read(p) else {
            eprintln!("skipping: {p} not found");
            return;
        };
        let story = d
            .entries()
            .iter()
            .filter(|e| e.scope == DiscardScope::Story)
            .count();
        assert_eq!(story, 64);
        assert!(d.entries().len() > 450);
    }
}
