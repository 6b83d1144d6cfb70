//! The model file: header, tagger, lemmatiser and parser in one little-endian binary.
//!
//! Layout: magic `DYADSYNT`, `u32` format version, length-prefixed header JSON, then the
//! tagger, lemmatiser and parser sections, then the magic again as an end marker.

use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::SyntaxError;
use crate::lemma::Lemmatizer;
use crate::parser::{Nodes, ParseScratch, Parser as ArcParser};
use crate::perceptron::{Reader, write_str};
use crate::tagger::{Lex, Tagger};

const MAGIC: &[u8; 8] = b"DYADSYNT";
/// Version of the binary layout written by this crate.
pub const FORMAT_VERSION: u32 = 1;

/// The default model, committed in `crates/syntax/models/`.
static DEFAULT_MODEL: &[u8] = include_bytes!("../models/syntax.dsm");

/// Descriptive header stored at the front of a model file (printed by `dyad models`).
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Default)]
pub struct ModelHeader {
    /// Binary layout version.
    pub format_version: u32,
    /// Training data description.
    pub data: String,
    /// Training date (UTC, `YYYY-MM-DD`).
    pub date: String,
    /// Random seed used for shuffling and exploration.
    pub seed: u64,
    /// Training settings and wall time.
    pub training: serde_json::Value,
    /// Development-set scores (gold tokenisation), used for early stopping.
    pub dev: serde_json::Value,
    /// Test-set scores measured after training (reported, never used for choices).
    #[serde(default)]
    pub test: serde_json::Value,
}

/// A loaded tagger + lemmatiser + parser. Build once, share across threads; parse with
/// [`Model::parser`] workers.
pub struct Model {
    header: ModelHeader,
    pub(crate) tagger: Tagger,
    pub(crate) lemmatizer: Lemmatizer,
    pub(crate) parser: ArcParser,
}

/// Syntax of one word, borrowing its tag and label names from the model.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TokenSyntax<'m> {
    /// Universal POS tag.
    pub upos: &'m str,
    /// Penn Treebank tag.
    pub xpos: &'m str,
    /// Morphological features in CoNLL-U form (`_` when none).
    pub feats: &'m str,
    /// Lemma.
    pub lemma: String,
    /// Head: 0 for the root, otherwise the 1-based index of the head word.
    pub head: u32,
    /// Universal Dependencies relation, with subtype (`nsubj:pass`).
    pub deprel: &'m str,
}

impl Model {
    /// Loads the model embedded in the crate.
    pub fn load_default() -> Result<Model, SyntaxError> {
        if DEFAULT_MODEL.is_empty() {
            return Err(SyntaxError::NoModel);
        }
        Model::from_bytes(DEFAULT_MODEL)
    }

    /// Loads a model file.
    pub fn load(path: &Path) -> Result<Model, SyntaxError> {
        let bytes = std::fs::read(path).map_err(|e| SyntaxError::Io {
            path: path.display().to_string(),
            source: e,
        })?;
        Model::from_bytes(&bytes)
    }

    /// Reads a model from its bytes.
    pub fn from_bytes(bytes: &[u8]) -> Result<Model, SyntaxError> {
        let mut r = Reader::new(bytes);
        if r.bytes(8) != Some(&MAGIC[..]) {
            return Err(SyntaxError::Format(
                "not a dyad syntax model (bad magic)".into(),
            ));
        }
        let version = r
            .u32()
            .ok_or(SyntaxError::Format("truncated header".into()))?;
        if version != FORMAT_VERSION {
            return Err(SyntaxError::Format(format!(
                "format version {version}, this build reads {FORMAT_VERSION}"
            )));
        }
        let bad = |what: &str| SyntaxError::Format(format!("truncated or corrupt {what} section"));
        let header: ModelHeader = serde_json::from_str(r.str().ok_or_else(|| bad("header"))?)
            .map_err(|e| SyntaxError::Format(format!("header JSON: {e}")))?;
        let tagger = Tagger::read(&mut r).ok_or_else(|| bad("tagger"))?;
        let lemmatizer = Lemmatizer::read(&mut r).ok_or_else(|| bad("lemmatiser"))?;
        let mut parser = ArcParser::read(&mut r).ok_or_else(|| bad("parser"))?;
        parser.coarse = crate::parser::coarse_of(&tagger.classes);
        if r.bytes(8) != Some(&MAGIC[..]) {
            return Err(bad("end marker"));
        }
        Ok(Model {
            header,
            tagger,
            lemmatizer,
            parser,
        })
    }

    pub(crate) fn from_parts(
        header: ModelHeader,
        tagger: Tagger,
        lemmatizer: Lemmatizer,
        parser: ArcParser,
    ) -> Model {
        Model {
            header,
            tagger,
            lemmatizer,
            parser,
        }
    }

    pub(crate) fn set_header(&mut self, header: ModelHeader) {
        self.header = header;
    }

    /// Serialises the model.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::new();
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
        let json = serde_json::to_string(&self.header).unwrap_or_else(|_| "{}".into());
        write_str(&mut out, &json);
        self.tagger.write(&mut out);
        self.lemmatizer.write(&mut out);
        self.parser.write(&mut out);
        out.extend_from_slice(MAGIC);
        out
    }

    /// The model's header.
    pub fn header(&self) -> &ModelHeader {
        &self.header
    }

    /// Counts of stored weights: (tagger features, parser action features, label features).
    pub fn feature_counts(&self) -> (usize, usize, usize) {
        (
            self.tagger.weights.len(),
            self.parser.actions.len(),
            self.parser.labeler.len(),
        )
    }

    /// Universal POS tags of `words` into `out` (cleared first), tagging only: for stages
    /// that read the tags of every sentence but parse few of them. `buf` holds the scratch
    /// space and owns no borrow of the model, so it can live in another stage's worker.
    pub fn tag_upos(&self, words: &[&str], buf: &mut TagBuffers, out: &mut Vec<&'static str>) {
        out.clear();
        buf.tag(&self.tagger, words);
        let classes = &self.tagger.classes;
        out.extend(
            buf.tags.iter().map(|&t| {
                crate::upos_static(classes.get(t as usize).map_or("X", |c| c.0.as_str()))
            }),
        );
    }

    /// A reusable worker for parsing sentences.
    pub fn parser(&self) -> SentenceParser<'_> {
        SentenceParser {
            model: self,
            buf: TagBuffers::default(),
            scratch: ParseScratch::default(),
        }
    }
}

/// Scratch space for [`Model::tag_upos`]: reuse one per thread. A [`SentenceParser`] tags
/// into one too, and its parser reads the words' facts and tags from it.
#[derive(Default)]
pub struct TagBuffers {
    lex: Vec<Lex>,
    tags: Vec<u16>,
    amb: Vec<u64>,
    feats: Vec<u64>,
    scores: Vec<f32>,
}

impl TagBuffers {
    /// Tags `words`, leaving their lexical facts, ambiguity classes and class ids here.
    fn tag(&mut self, tagger: &Tagger, words: &[&str]) {
        self.lex.clear();
        self.lex.extend(words.iter().map(|w| Lex::new(w)));
        tagger.tag(
            words,
            &self.lex,
            &mut self.amb,
            &mut self.tags,
            &mut self.feats,
            &mut self.scores,
        );
    }
}

/// A parsing worker: owns scratch buffers, borrows the model. One per thread.
pub struct SentenceParser<'m> {
    model: &'m Model,
    buf: TagBuffers,
    scratch: ParseScratch,
}

impl<'m> SentenceParser<'m> {
    /// Tags only: the (UPOS, XPOS) class ids of `words`, kept in `self` for [`Self::parse_tagged`].
    pub(crate) fn tag(&mut self, words: &[&str]) -> &[u16] {
        self.buf.tag(&self.model.tagger, words);
        &self.buf.tags
    }

    /// Tags, lemmatises and parses one pre-tokenised sentence into `out` (cleared first),
    /// one entry per word. Never panics; an empty sentence gives an empty result.
    pub fn parse_sentence(&mut self, words: &[&str], out: &mut Vec<TokenSyntax<'m>>) {
        out.clear();
        if words.is_empty() {
            return;
        }
        self.tag(words);
        self.parse_tagged(words, out);
    }

    /// Parses with the tags and ambiguity classes [`Self::tag`] left in `self`.
    pub(crate) fn parse_tagged(&mut self, words: &[&str], out: &mut Vec<TokenSyntax<'m>>) {
        out.clear();
        let m = self.model;
        let nd = Nodes {
            lex: &self.buf.lex,
            tags: &self.buf.tags,
            coarse: &m.parser.coarse,
            amb: &self.buf.amb,
        };
        m.parser.parse(&nd, &mut self.scratch);
        let n = words.len();
        let classes = &m.tagger.classes;
        for (i, w) in words.iter().enumerate() {
            let tag = self.buf.tags[i];
            let (upos, xpos) = classes
                .get(tag as usize)
                .map_or(("X", "_"), |c| (c.0.as_str(), c.1.as_str()));
            let h = self.scratch.st.heads[i];
            let head = if h as usize >= n { 0 } else { h + 1 };
            let deprel = m
                .parser
                .labels
                .get(self.scratch.st.labels[i] as usize)
                .map_or("dep", |s| s.as_str());
            out.push(TokenSyntax {
                upos,
                xpos,
                feats: m.lemmatizer.feats(w, tag),
                lemma: m.lemmatizer.lemma(classes, w, tag),
                head,
                deprel: if head == 0 { "root" } else { deprel },
            });
        }
    }
}
