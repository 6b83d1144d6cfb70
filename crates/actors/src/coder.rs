//! Entities, within-document actor chains, places and actor codes for one document.
use crate::dict::{ActorEntry, AgentEntry, Mode};
use crate::eval::chunks;
use crate::gazetteer::{Gazetteer, PlaceKind, key};
use crate::ner::{DocCtx, LABELS, Ner, NerScratch};
use crate::roles::{
    OfficeHolder, cameo_to_plover_sector, name_word_sector, parse_officeholders, role_sector,
};
use dyad_core::{Analysis, Document, EventLocation, Participant, Span};
use serde::Serialize;
use std::collections::HashMap;
use std::path::Path;
use std::sync::Arc;

/// Population under which a town abroad is only taken when the document names its country
/// (see `ActorCoder::resolve_places`).
const SMALL_TOWN: u64 = 100_000;

const OFFICEHOLDERS: &str = include_str!("../../../data/actors/officeholders.tsv");
/// The CAMEO agents dictionary that dyad bundles (MIT, see `data/cameo-dictionaries/SOURCE.md`):
/// about 2,000 role nouns with their CAMEO sector, the fallback after dyad's own role table.
const AGENTS: &str = include_str!("../../../data/cameo-dictionaries/Phoenix.agents.txt");

/// A fault building the coder.
#[derive(Debug, thiserror::Error)]
pub enum CoderError {
    /// The NER model is broken.
    #[error(transparent)]
    Model(#[from] crate::ner::ModelError),
    /// An office-holder file is broken.
    #[error(transparent)]
    Officeholders(#[from] crate::roles::OfficeError),
    /// A PETRARCH dictionary is broken.
    #[error(transparent)]
    Dictionary(#[from] crate::dict::DictError),
    /// A file could not be read.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: String,
        /// The cause.
        source: std::io::Error,
    },
}

/// A named-entity mention.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EntityMention {
    /// Bytes in the document text.
    pub span: Span,
    /// `PER`, `ORG`, `LOC` or `MISC` (nationality words).
    #[serde(rename = "type")]
    pub ty: &'static str,
    /// Sentence index.
    pub sentence: u32,
    /// First token index.
    pub token_start: u32,
    /// One past the last token index.
    pub token_end: u32,
    /// Index into [`ActorAnalysis::actors`], when the mention is part of an actor chain.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub actor: Option<u32>,
    /// Index into [`ActorAnalysis::places`], when it resolved to a place.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub place: Option<u32>,
}

/// How an actor got its code (in the order they are tried).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum CodeSource {
    /// dyad's office-holder file, at the document date.
    Officeholder,
    /// A PETRARCH/Phoenix actor dictionary, at the document date.
    Dictionary,
    /// A built-in organisation: an international organisation, or a company, bank, airline
    /// or news organisation of `data/actors/companies.tsv`.
    Organisation,
    /// A landmark or country name.
    Place,
    /// A role or title with its attached place or nationality.
    Role,
    /// Only the country, from the organisation's place or the document.
    Entity,
}

/// One actor: all mentions of one person, organisation, place or group in the document.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Actor {
    /// Canonical name: the longest full name mentioned (or the role phrase of a group).
    pub name: String,
    /// `PER`, `ORG`, `LOC` or `GROUP` (a role noun: "police", "Hungarian officials").
    pub kind: &'static str,
    /// Every mention, in text order.
    pub mentions: Vec<Span>,
    /// ISO 3166 alpha-3 or PLOVER group code.
    pub country: Option<String>,
    /// PLOVER sector; null rather than a guess.
    pub sector: Option<String>,
    /// CAMEO-style code (`USAGOV`).
    pub code: Option<String>,
    /// Role or office, when known ("mayor", "President of the United States").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    /// Where the code came from.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<CodeSource>,
    /// Index into [`ActorAnalysis::places`] of the actor's own place, when stated.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub place: Option<u32>,
    #[serde(skip)]
    role_country: Option<String>,
    #[serde(skip)]
    words: Vec<String>,
    #[serde(skip)]
    title_words: Vec<String>,
    /// A city named at least once outside a prepositional phrase ("Tehran said", not "in
    /// Tehran"): the GSR's test for a capital standing for its government.
    #[serde(skip)]
    bare: bool,
    /// The country is only the document's dominant one: nothing in the actor's own words
    /// or role gave it ("a foreign ministry spokesman" in a story mostly about Brussels).
    #[serde(skip)]
    pub country_from_document: bool,
}

/// A place mention resolved in the gazetteer.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PlaceMention {
    /// Bytes of the mention.
    pub span: Span,
    /// Gazetteer name.
    pub name: String,
    /// Country, division or city.
    pub kind: PlaceKind,
    /// ISO3.
    pub country: String,
    /// First-level division name, when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub admin1: Option<String>,
    /// Latitude.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lat: Option<f64>,
    /// Longitude.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lon: Option<f64>,
    /// GeoNames id (null for a division from dyad's own list).
    pub geonames_id: Option<u64>,
}

/// Everything this stage finds in one document. Cleared and refilled per document.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct ActorAnalysis {
    /// Named-entity mentions in text order.
    pub entities: Vec<EntityMention>,
    /// Actors (chains of mentions) in order of first mention.
    pub actors: Vec<Actor>,
    /// Resolved places in text order.
    pub places: Vec<PlaceMention>,
    /// The document's dominant country, if any.
    pub doc_country: Option<String>,
}

impl ActorAnalysis {
    /// Empties everything, keeping allocations.
    pub fn clear(&mut self) {
        self.entities.clear();
        self.actors.clear();
        self.places.clear();
        self.doc_country = None;
    }

    /// The actor the words at `span` refer to: of the actors with a mention inside it, the one
    /// whose mention ends last (the longest of those ending together). English noun phrases
    /// are head-final, so "New York City Mayor Zohran Mamdani" is Mamdani, not New York.
    pub fn actor_at(&self, span: Span) -> Option<&Actor> {
        self.actors
            .iter()
            .filter_map(|a| {
                a.mentions
                    .iter()
                    .filter(|m| m.overlaps(span))
                    .map(|m| (m.end, std::cmp::Reverse(m.start)))
                    .max()
                    .map(|key| (key, a))
            })
            // Of mentions ending together the longest wins: "president of Armenia" is the
            // president, not Armenia.
            .max_by_key(|&(key, _)| key)
            .map(|(_, a)| a)
    }

    /// The actor the words at `span` refer to ([`Self::actor_at`]), as an event participant.
    pub fn participant(&self, doc: &Document, span: Span) -> Option<Participant> {
        let a = self.actor_at(span)?;
        Some(Participant {
            text: doc.slice(span).to_string(),
            span,
            name: Some(a.name.clone()),
            country: a.country.clone(),
            sector: a.sector.clone(),
            code: a.code.clone(),
            borrowed: false,
        })
    }

    /// The JSON object `dyad entities` writes for one document: entities, actors and places
    /// with spans, surface text copied at this output edge, and codes.
    pub fn to_json(&self, doc: &Document) -> serde_json::Value {
        let ents: Vec<serde_json::Value> = self
            .entities
            .iter()
            .map(|e| {
                let mut v = serde_json::to_value(e).unwrap_or_default();
                v["text"] = doc.slice(e.span).into();
                v
            })
            .collect();
        let actors: Vec<serde_json::Value> = self
            .actors
            .iter()
            .map(|a| {
                let mut v = serde_json::to_value(a).unwrap_or_default();
                v["mention_text"] = a
                    .mentions
                    .iter()
                    .map(|m| doc.slice(*m))
                    .collect::<Vec<_>>()
                    .into();
                v
            })
            .collect();
        let places: Vec<serde_json::Value> = self
            .places
            .iter()
            .map(|p| {
                let mut v = serde_json::to_value(p).unwrap_or_default();
                v["text"] = doc.slice(p.span).into();
                v
            })
            .collect();
        serde_json::json!({
            "id": doc.id,
            "date": doc.date.to_string(),
            "doc_country": self.doc_country,
            "entities": ents,
            "actors": actors,
            "places": places,
        })
    }

    /// A place as an event location.
    pub fn location(&self, doc: &Document, place: u32) -> Option<EventLocation> {
        let p = self.places.get(place as usize)?;
        Some(EventLocation {
            text: doc.slice(p.span).to_string(),
            span: p.span,
            name: Some(p.name.clone()),
            country: Some(p.country.clone()),
            admin1: p.admin1.clone(),
            lat: p.lat,
            lon: p.lon,
            geonames_id: p.geonames_id,
        })
    }
}

/// Builds an [`ActorCoder`] with optional user dictionaries.
#[derive(Default)]
pub struct ActorCoderBuilder {
    holders: Vec<OfficeHolder>,
    actors: Vec<ActorEntry>,
    agents: Vec<AgentEntry>,
    no_builtin_holders: bool,
    no_builtin_agents: bool,
    syntax: Option<crate::ner::PosTags>,
}

fn read(path: &Path) -> Result<String, CoderError> {
    std::fs::read_to_string(path).map_err(|source| CoderError::Io {
        path: path.display().to_string(),
        source,
    })
}

impl ActorCoderBuilder {
    /// Adds an office-holder TSV (format of `data/actors/officeholders.tsv`); its rows are
    /// tried before the built-in ones.
    pub fn officeholders_file(mut self, path: &Path) -> Result<Self, CoderError> {
        let mut v = parse_officeholders(&read(path)?, &path.display().to_string())?;
        v.append(&mut self.holders);
        self.holders = v;
        Ok(self)
    }

    /// Leaves out the built-in office holders.
    pub fn without_builtin_officeholders(mut self) -> Self {
        self.no_builtin_holders = true;
        self
    }

    /// Leaves out the bundled CAMEO agents dictionary (role nouns → sector); dyad's own role
    /// table and any agent dictionary added with [`Self::agent_dictionary`] remain.
    pub fn without_builtin_agents(mut self) -> Self {
        self.no_builtin_agents = true;
        self
    }

    /// Adds a PETRARCH/Phoenix actor dictionary (lenient: faulty lines are skipped).
    pub fn actor_dictionary(mut self, path: &Path) -> Result<Self, CoderError> {
        let p = crate::dict::read_actors(path, Mode::Lenient)?;
        self.actors.extend(p.entries);
        Ok(self)
    }

    /// Adds a PETRARCH/Phoenix agent dictionary (lenient); its entries are tried before the
    /// bundled one's.
    pub fn agent_dictionary(mut self, path: &Path) -> Result<Self, CoderError> {
        let p = crate::dict::read_agents(path, Mode::Lenient)?;
        self.agents.extend(p.entries);
        Ok(self)
    }

    /// Reads parts of speech from this syntax model (the one the event stage parses with)
    /// rather than loading another copy.
    pub fn syntax(mut self, model: Arc<dyad_syntax::Model>) -> Self {
        self.syntax = Some(crate::ner::PosTags::new(model));
        self
    }

    /// Loads the models and builds the indexes.
    pub fn build(mut self) -> Result<ActorCoder, CoderError> {
        let gaz = Arc::new(Gazetteer::new());
        let ner = match &self.syntax {
            Some(pos) => Ner::with_shared_pos(gaz.clone(), pos)?,
            None => Ner::new(gaz.clone())?,
        };
        if !self.no_builtin_holders {
            self.holders
                .extend(parse_officeholders(OFFICEHOLDERS, "officeholders.tsv")?);
        }
        if !self.no_builtin_agents {
            let p = crate::dict::parse_agents(AGENTS, "Phoenix.agents.txt", Mode::Lenient)?;
            self.agents.extend(p.entries);
        }
        let mut holder_index: HashMap<String, Vec<u32>> = HashMap::new();
        for (i, h) in self.holders.iter().enumerate() {
            for n in std::iter::once(&h.name).chain(&h.aliases) {
                let k = key(&n.split_whitespace().collect::<Vec<_>>());
                holder_index.entry(k).or_default().push(i as u32);
            }
        }
        let mut dict_index: HashMap<String, u32> = HashMap::new();
        for (i, e) in self.actors.iter().enumerate() {
            for n in &e.names {
                let words: Vec<&str> = n.words.iter().map(String::as_str).collect();
                dict_index.entry(key(&words)).or_insert(i as u32);
            }
        }
        let mut agent_index: HashMap<String, String> = HashMap::new();
        for a in &self.agents {
            let sector = cameo_to_plover_sector(a.code.get(..3).unwrap_or(""));
            if let Some(s) = sector {
                let words: Vec<&str> = a.phrase.words.iter().map(String::as_str).collect();
                agent_index
                    .entry(key(&words))
                    .or_insert_with(|| s.to_string());
                if a.plurals.is_none() {
                    agent_index
                        .entry(format!("{}s", key(&words)))
                        .or_insert_with(|| s.to_string());
                }
                for p in a.plurals.iter().flatten() {
                    let w: Vec<&str> = p.words.iter().map(String::as_str).collect();
                    agent_index.entry(key(&w)).or_insert_with(|| s.to_string());
                }
            }
        }
        Ok(ActorCoder {
            inner: Arc::new(Inner {
                ner,
                gaz,
                holders: self.holders,
                holder_index,
                dict: self.actors,
                dict_index,
                agent_index,
            }),
        })
    }
}

struct Inner {
    ner: Ner,
    gaz: Arc<Gazetteer>,
    holders: Vec<OfficeHolder>,
    holder_index: HashMap<String, Vec<u32>>,
    dict: Vec<ActorEntry>,
    dict_index: HashMap<String, u32>,
    agent_index: HashMap<String, String>,
}

/// The actor coder: NER, chains, places and codes. Build once; cheap to clone and share
/// across threads.
#[derive(Clone)]
pub struct ActorCoder {
    inner: Arc<Inner>,
}

impl std::fmt::Debug for ActorCoder {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ActorCoder")
            .field("officeholders", &self.inner.holders.len())
            .finish()
    }
}

/// International organisations dyad knows without a dictionary: name → (country, sector).
/// PLOVER's manual splits the UN (`UNO`) and the EU (`EUR`, with its predecessor, the European
/// Community) off the other intergovernmental organisations (`IGO`); the Security Council and a
/// secretariat govern their organisation (GOV).
fn builtin_org(k: &str) -> Option<(&'static str, Option<&'static str>)> {
    Some(match k {
        "security council" | "un security council" | "u.n. security council" => {
            ("UNO", Some("GOV"))
        }
        "united nations"
        | "un"
        | "u.n."
        | "the united nations"
        | "unicef"
        | "unhcr"
        | "unesco"
        | "unrwa"
        | "unifil"
        | "who"
        | "world health organization"
        | "world food programme"
        | "world food program"
        | "wfp"
        | "ilo"
        | "international labour organization"
        | "international labor organization"
        | "international labour office"
        | "international labor office"
        | "fao"
        | "food and agriculture organization"
        | "general assembly" => ("UNO", None),
        "european union"
        | "eu"
        | "e.u."
        | "european commission"
        | "european parliament"
        | "european council"
        | "european community"
        | "european communities"
        | "european economic community"
        | "eec" => ("EUR", None),
        "nato"
        | "african union"
        | "au"
        | "asean"
        | "imf"
        | "international monetary fund"
        | "world bank"
        | "opec"
        | "arab league"
        | "g7"
        | "g8"
        | "g20"
        | "wto"
        | "world trade organization"
        | "oas"
        | "organization of american states"
        | "interpol"
        | "iaea"
        | "international atomic energy agency"
        | "osce"
        | "organization for security and cooperation in europe"
        | "organization for security and co-operation in europe"
        | "apec"
        | "asia-pacific economic cooperation"
        | "oau"
        | "organization of african unity"
        | "organisation of african unity"
        | "ecowas"
        | "economic community of west african states"
        | "gulf cooperation council"
        | "gcc"
        | "sadc"
        | "oic"
        | "organisation of islamic cooperation"
        | "organization of islamic cooperation"
        | "organization of the islamic conference"
        | "commonwealth of independent states" => ("IGO", None),
        "amnesty international"
        | "human rights watch"
        | "red cross"
        | "red crescent"
        | "international red cross"
        | "doctors without borders"
        | "msf"
        | "greenpeace"
        | "icrc"
        | "international committee of the red cross" => ("NGO", None),
        _ => return None,
    })
}

/// Words that may stay lower-case inside an organisation's name.
fn is_name_glue(w: &str) -> bool {
    matches!(w, "of" | "for" | "and" | "the" | "in" | "on" | "&")
}

/// Finds the organisations of [`builtin_org`] in a sentence's words: capitalised (short
/// names in capitals or with dots, "UN", "U.N.", not "who"), longest first. They replace
/// what the tagger made of those words ("UN" is also a town in India) unless a longer chunk
/// holds them ("United Nations Emergency Relief Coordinator").
fn org_entities(ws: &[&str], cs: &mut Vec<crate::eval::Chunk>) {
    let mut i = 0;
    while i < ws.len() {
        let mut hit = None;
        for len in (1..=8.min(ws.len() - i)).rev() {
            let part = &ws[i..i + len];
            let shaped = if len == 1 {
                let w = part[0];
                w.chars()
                    .filter(|c| c.is_alphabetic())
                    .all(|c| c.is_uppercase())
                    || w.len() > 4
            } else {
                is_cap(part[0])
                    && is_cap(part[len - 1])
                    && part.iter().all(|w| is_cap(w) || is_name_glue(w))
            };
            if shaped && is_cap(part[0]) && builtin_org(&key(part)).is_some() {
                hit = Some(len);
                break;
            }
        }
        let Some(len) = hit else {
            i += 1;
            continue;
        };
        let (a, b) = (i, i + len);
        i = b;
        if cs
            .iter()
            .any(|c| c.start <= a && c.end >= b && c.end - c.start > len)
        {
            continue;
        }
        cs.retain(|c| c.end <= a || c.start >= b);
        cs.push(crate::eval::Chunk {
            start: a,
            end: b,
            ty: "ORG".into(),
        });
    }
    cs.sort_by_key(|c| c.start);
}

fn is_weekday(w: &str) -> bool {
    matches!(
        w,
        "Monday" | "Tuesday" | "Wednesday" | "Thursday" | "Friday" | "Saturday" | "Sunday"
    )
}

fn is_cap(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

/// Group nouns that make an actor even without "the" or an attached place.
fn is_group_noun(w: &str) -> bool {
    matches!(
        w,
        "police"
            | "protesters"
            | "protestors"
            | "rebels"
            | "prosecutors"
            | "officials"
            | "troops"
            | "soldiers"
            | "militants"
            | "lawmakers"
            | "demonstrators"
            | "authorities"
            | "insurgents"
            | "students"
            | "workers"
            | "refugees"
            | "activists"
            | "legislators"
            | "diplomats"
            | "judges"
            | "guerrillas"
            | "gunmen"
            | "civilians"
            | "residents"
            | "journalists"
            | "doctors"
    )
}

const PRONOUNS: [&str; 2] = ["he", "she"];

/// Adds to a sentence's chunks `cs`, left to right, the longest run of `min`–4 words that no
/// chunk covers, opens with a capitalised word and `names`, as a chunk of type `ty`; the
/// chunks stay in text order.
fn add_missed(
    ws: &[&str],
    cs: &mut Vec<crate::eval::Chunk>,
    min: usize,
    ty: &str,
    names: impl Fn(&[&str]) -> bool,
) {
    let mut covered = vec![false; ws.len()];
    for c in cs.iter() {
        covered[c.start..c.end].iter_mut().for_each(|x| *x = true);
    }
    let mut i = 0;
    while i < ws.len() {
        if covered[i] || !is_cap(ws[i]) {
            i += 1;
            continue;
        }
        let hit = (min..=4.min(ws.len() - i))
            .rev()
            .find(|&len| !covered[i..i + len].iter().any(|&x| x) && names(&ws[i..i + len]));
        match hit {
            Some(len) => {
                cs.push(crate::eval::Chunk {
                    start: i,
                    end: i + len,
                    ty: ty.into(),
                });
                i += len;
            }
            None => i += 1,
        }
    }
    cs.sort_by_key(|c| c.start);
}

/// Whether the place `e` opens a dateline: one of the first sentences, which it opens in
/// capitals, followed by a comma, an agency in brackets or a dash, or nothing
/// ("NAIROBI, March 12 (Reuters) -", "SANTIAGO (AP) —", "LIMA").
fn is_dateline(analysis: &Analysis, words: &[&str], e: &EntityMention) -> bool {
    let Some(s) = analysis.sentences.get(e.sentence as usize) else {
        return false;
    };
    let (start, end) = (e.token_start as usize, e.token_end as usize);
    e.ty == "LOC"
        && e.sentence < 4
        && start == s.token_start as usize
        && words[start..end]
            .iter()
            .all(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 2 || *w == "/")
        && words[start..end]
            .iter()
            .all(|w| !w.chars().any(char::is_lowercase))
        && (end == s.token_end as usize
            || matches!(
                words.get(end).copied(),
                Some("," | "(" | "-" | "--" | "–" | "—")
            ))
}

struct Work<'a> {
    words: Vec<&'a str>,
    /// token index → entity index
    ent_at: Vec<Option<u32>>,
}

impl ActorCoder {
    /// A builder (add user dictionaries, then `build`).
    pub fn builder() -> ActorCoderBuilder {
        ActorCoderBuilder::default()
    }

    /// The coder with the built-in models and data only.
    pub fn new() -> Result<ActorCoder, CoderError> {
        ActorCoder::builder().build()
    }

    /// The NER model.
    pub fn ner(&self) -> &Ner {
        &self.inner.ner
    }

    /// The countries of the places that the single words of `name` name: gazetteer places,
    /// and dictionary entries coded with a bare country ("SANA [YEM]"). A person's name with
    /// such a word ("Martín Lagos", "Sana Butt") may have been coded by it as that country.
    pub fn place_countries_in(&self, name: &str) -> Vec<String> {
        let g = &self.inner.gaz;
        let mut out: Vec<String> = Vec::new();
        for w in name.split_whitespace() {
            out.extend(
                g.candidates(&[w])
                    .iter()
                    .map(|&i| g.places[i as usize].iso3.clone()),
            );
            if let Some(&e) = self.inner.dict_index.get(&key(&[w])) {
                out.extend(
                    self.inner.dict[e as usize]
                        .codes
                        .iter()
                        .filter(|c| c.code.len() == 3 && !c.code.starts_with('-'))
                        .map(|c| c.code.clone()),
                );
            }
        }
        out.sort();
        out.dedup();
        out
    }

    /// Finds entities, actors and places in `doc`, whose tokens are in `analysis`.
    pub fn analyze(&self, doc: &Document, analysis: &Analysis, out: &mut ActorAnalysis) {
        self.analyze_tagged(doc, analysis, &[], out);
    }

    /// [`Self::analyze`] with the parts of speech the event stage's parser gave some
    /// sentences (`upos`, by sentence; empty where it parsed none): the NER reads them and
    /// tags only the other sentences.
    pub fn analyze_tagged(
        &self,
        doc: &Document,
        analysis: &Analysis,
        upos: &[Vec<&'static str>],
        out: &mut ActorAnalysis,
    ) {
        out.clear();
        let text = doc.text.as_str();
        let tokens = &analysis.tokens;
        let words: Vec<&str> = tokens
            .iter()
            .map(|t| text.get(t.span.range()).unwrap_or(""))
            .collect();
        let mut w = Work {
            ent_at: vec![None; words.len()],
            words,
        };
        self.find_entities(analysis, upos, &mut w, out);
        out.doc_country = self.dominant_country(analysis, &w, out);
        self.resolve_places(&mut w, out);
        self.chain(doc, analysis, &mut w, out);
        for i in 0..out.actors.len() {
            self.code(doc, i, out);
        }
    }

    fn find_entities(
        &self,
        analysis: &Analysis,
        upos: &[Vec<&'static str>],
        w: &mut Work,
        out: &mut ActorAnalysis,
    ) {
        let sents: Vec<&[&str]> = analysis
            .sentences
            .iter()
            .map(|s| w.words.get(s.tokens()).unwrap_or(&[]))
            .collect();
        let dctx = DocCtx::build(&self.inner.gaz, sents.iter().copied());
        let g = &self.inner.gaz;
        let mut scratch = NerScratch::default();
        // The whole document at once, so that a name's other uses weigh on its type; a
        // repeated sentence is left out (it would count its names twice).
        let fresh: Vec<&[&str]> = analysis
            .sentences
            .iter()
            .zip(&sents)
            .map(|(s, ws)| if s.duplicate.is_some() { &[][..] } else { *ws })
            .collect();
        let mut tagged = Vec::new();
        self.inner
            .ner
            .tag_doc_tagged(&fresh, upos, &dctx, &mut scratch, &mut tagged);
        let mut per_sentence: Vec<Vec<crate::eval::Chunk>> = Vec::with_capacity(sents.len());
        for (si, s) in analysis.sentences.iter().enumerate() {
            if s.duplicate.is_some() {
                per_sentence.push(Vec::new());
                continue;
            }
            let ws = sents[si];
            let tags = &tagged[si];
            let mut t: Vec<&str> = tags.iter().map(|&t| LABELS[t]).collect();
            // Words of a time expression are never part of a name ("Mayor Zohran Mamdani
            // Thursday"): the time stage has already found them.
            let span_of = |i: usize| analysis.tokens[s.token_start as usize + i].span;
            for i in 0..t.len() {
                if analysis.timexes.iter().any(|x| x.span.overlaps(span_of(i))) && t[i] != "O" {
                    t[i] = "O";
                    if let Some(next) = t.get(i + 1).copied()
                        && let Some(ty) = next.strip_prefix("I-")
                    {
                        t[i + 1] = LABELS
                            .iter()
                            .copied()
                            .find(|l| l.strip_prefix("B-") == Some(ty))
                            .unwrap_or(next);
                    }
                }
            }
            // Nationality words the tagger left out, two-word ones ("South African", "New
            // Zealand") first: before a title they name the office's country.
            let mut i = 0;
            while i < ws.len() {
                let two = i + 1 < ws.len()
                    && t[i] == "O"
                    && t[i + 1] == "O"
                    && is_cap(ws[i])
                    && is_cap(ws[i + 1])
                    && g.nationality(&ws[i..i + 2]).is_some();
                if two {
                    t[i] = "B-MISC";
                    t[i + 1] = "I-MISC";
                    i += 2;
                    continue;
                }
                if t[i] == "O" && is_cap(ws[i]) && g.nationality(&ws[i..i + 1]).is_some() {
                    t[i] = "B-MISC";
                }
                i += 1;
            }
            // A weekday is never the last word of a name ("Israel Friday reimposed"): the
            // tagger, seeing words only, sometimes runs a name into the date after it.
            for c in chunks(&t) {
                if c.end - c.start > 1 && is_weekday(ws[c.end - 1]) {
                    t[c.end - 1] = "O";
                }
            }
            let mut cs: Vec<crate::eval::Chunk> = split_at_titles(ws, chunks(&t))
                .into_iter()
                .filter_map(|mut c| {
                    // A lone word tagged as a person that names a country or a capital, with
                    // no title before it, is the place ("by Moscow"): a country name is always
                    // the country, and capitals stand for governments far more often than
                    // people share their names.
                    if c.ty == "PER"
                        && c.end - c.start == 1
                        && !(c.start > 0 && crate::corpus::is_title(ws[c.start - 1]))
                        && g.candidates(&ws[c.start..c.end]).iter().any(|&p| {
                            g.places[p as usize].kind == PlaceKind::Country || g.is_capital(p)
                        })
                    {
                        c.ty = "LOC".into();
                        return Some(c);
                    }
                    if c.ty != "MISC" {
                        return Some(c);
                    }
                    let part = &ws[c.start..c.end];
                    if g.landmark(part).is_some() || g.is_country(part) {
                        c.ty = "LOC".into();
                        Some(c)
                    } else if g.nationality(part).is_some()
                        || part.iter().all(|w| g.nationality(&[w]).is_some())
                    {
                        // "South African"; "Bosnian Serbs", "Iraqi Kurds": a state's people of
                        // a nation.
                        Some(c)
                    } else {
                        // MISC from the tagger (works, events) is not reported.
                        None
                    }
                })
                .collect();
            org_entities(ws, &mut cs);
            self.gazetteer_entities(ws, &mut cs);
            self.officeholder_entities(ws, &mut cs);
            per_sentence.push(cs);
        }
        // A capitalised word that is the surname of a person named elsewhere in the document
        // is that person ("The White House said Trump …").
        let surnames: std::collections::HashSet<&str> = per_sentence
            .iter()
            .zip(&sents)
            .flat_map(|(cs, ws)| {
                cs.iter()
                    .filter(|c| c.ty == "PER" && c.end - c.start >= 2)
                    .map(|c| ws[c.end - 1])
            })
            .collect();
        for (cs, ws) in per_sentence.iter_mut().zip(&sents) {
            let mut covered = vec![false; ws.len()];
            for c in cs.iter() {
                covered[c.start..c.end].iter_mut().for_each(|x| *x = true);
            }
            for (i, word) in ws.iter().enumerate() {
                if !covered[i] && is_cap(word) && surnames.contains(word) {
                    cs.push(crate::eval::Chunk {
                        start: i,
                        end: i + 1,
                        ty: "PER".into(),
                    });
                }
            }
            cs.sort_by_key(|c| c.start);
        }
        for (si, (s, cs)) in analysis.sentences.iter().zip(per_sentence).enumerate() {
            let base = s.token_start as usize;
            for c in cs {
                let (a, b) = (base + c.start, base + c.end);
                let ty: &'static str = match c.ty.as_str() {
                    "PER" => "PER",
                    "ORG" => "ORG",
                    "LOC" => "LOC",
                    _ => "MISC",
                };
                let idx = out.entities.len() as u32;
                for e in &mut w.ent_at[a..b] {
                    *e = Some(idx);
                }
                out.entities.push(EntityMention {
                    span: Span::new(
                        analysis.tokens[a].span.start as usize,
                        analysis.tokens[b - 1].span.end as usize,
                    ),
                    ty,
                    sentence: si as u32,
                    token_start: a as u32,
                    token_end: b as u32,
                    actor: None,
                    place: None,
                });
            }
        }
    }

    /// An office holder's name of two or more words (as listed, or an alias) that the tagger
    /// left out is the person: office holders are the actors users follow most, and a name
    /// in an unusual setting ("The United Nations Secretary-General Antonio Guterres
    /// condemned …" in a story about Mali) can fall out of the tagger's names.
    fn officeholder_entities(&self, ws: &[&str], cs: &mut Vec<crate::eval::Chunk>) {
        add_missed(ws, cs, 2, "PER", |part| {
            part.iter().all(|w| is_cap(w)) && self.inner.holder_index.contains_key(&key(part))
        });
    }

    /// Adds country names and large cities the tagger missed ("a country name is always the
    /// country"): capitalised, not overlapping a tagged chunk.
    fn gazetteer_entities(&self, ws: &[&str], cs: &mut Vec<crate::eval::Chunk>) {
        let g = &self.inner.gaz;
        add_missed(ws, cs, 1, "LOC", |part| {
            let big = g.candidates(part).iter().any(|&p| {
                let p = &g.places[p as usize];
                p.kind == PlaceKind::Country || p.population >= 500_000
            });
            is_cap(part[part.len() - 1]) && (big || g.landmark(part).is_some())
        });
    }

    fn ent_words<'a>(&self, w: &Work<'a>, e: &EntityMention) -> Vec<&'a str> {
        let mut ws: Vec<&str> = w.words[e.token_start as usize..e.token_end as usize].to_vec();
        if ws.len() > 1 && ws[0].eq_ignore_ascii_case("the") {
            ws.remove(0);
        }
        ws
    }

    fn dominant_country(
        &self,
        analysis: &Analysis,
        w: &Work,
        out: &ActorAnalysis,
    ) -> Option<String> {
        let g = &self.inner.gaz;
        let mut counts: Vec<(String, usize)> = Vec::new();
        for e in &out.entities {
            // A dateline names where the story was filed, and the officials a story names
            // without their country are mostly that place's ("NAIROBI, March 12 (Reuters) -
            // … Foreign Minister Amina Wekesa said"): it counts as much as three mentions.
            let weight = if is_dateline(analysis, &w.words, e) {
                3
            } else {
                1
            };
            let ws = self.ent_words(w, e);
            let c = if e.ty == "MISC" {
                g.nationality(&ws).map(str::to_string)
            } else if let Some(l) = g.landmark(&ws) {
                Some(g.places[l.place as usize].iso3.clone())
            } else if e.ty == "LOC" {
                let cands = g.candidates(&ws);
                let countries: Vec<&str> = cands
                    .iter()
                    .map(|&i| g.places[i as usize].iso3.as_str())
                    .collect();
                // A country name, or a place name whose candidates all lie in one country.
                countries
                    .first()
                    .filter(|c| countries.iter().all(|x| x == *c))
                    .map(|c| c.to_string())
            } else {
                None
            };
            if let Some(c) = c {
                match counts.iter_mut().find(|x| x.0 == c) {
                    Some(x) => x.1 += weight,
                    None => counts.push((c, weight)),
                }
            }
        }
        // Ties go to the first mentioned (max_by_key keeps the last maximum, so reverse).
        counts.into_iter().rev().max_by_key(|x| x.1).map(|x| x.0)
    }

    fn resolve_places(&self, w: &mut Work, out: &mut ActorAnalysis) {
        let g = &self.inner.gaz;
        // The countries the document names outright (a country's name, a nationality word,
        // a landmark): a small town abroad that shares a name with an unlisted local place
        // ("the town of Bara" in a story about Sudan is not Bara in Nepal) is only taken when
        // its country is among them.
        let mut named: Vec<String> = Vec::new();
        for e in &out.entities {
            let ws = self.ent_words(w, e);
            let c = if e.ty == "MISC" {
                g.nationality(&ws).map(str::to_string)
            } else if let Some(l) = g.landmark(&ws) {
                Some(g.places[l.place as usize].iso3.clone())
            } else {
                g.country_named(&ws)
                    .map(|c| g.places[c as usize].iso3.clone())
            };
            if let Some(c) = c
                && !named.contains(&c)
            {
                named.push(c);
            }
        }
        for i in 0..out.entities.len() {
            let e = &out.entities[i];
            if e.ty == "MISC" || e.ty == "PER" {
                continue;
            }
            let ws = self.ent_words(w, e);
            if e.ty == "ORG" && g.landmark(&ws).is_none() {
                continue;
            }
            // "Long Beach, California": a following ", LOC" qualifies the place.
            let end = e.token_end as usize;
            let qualifier: Option<Vec<&str>> = (w.words.get(end) == Some(&","))
                .then(|| w.ent_at.get(end + 1).copied().flatten())
                .flatten()
                .map(|q| &out.entities[q as usize])
                .filter(|q| q.ty == "LOC")
                .map(|q| self.ent_words(w, q));
            let Some(p) = g.resolve(&ws, qualifier.as_deref(), out.doc_country.as_deref()) else {
                continue;
            };
            let place = &g.places[p as usize];
            if qualifier.is_none()
                && place.kind == PlaceKind::City
                && place.population < SMALL_TOWN
                && !named.is_empty()
                && !named.contains(&place.iso3)
            {
                continue;
            }
            let idx = out.places.len() as u32;
            out.places.push(PlaceMention {
                span: e.span,
                name: place.name.clone(),
                kind: place.kind,
                country: place.iso3.clone(),
                admin1: place.admin1_name.clone(),
                lat: place.lat,
                lon: place.lon,
                geonames_id: place.geonames_id,
            });
            out.entities[i].place = Some(idx);
        }
    }

    /// Title and place words right before a name: "New York City Mayor" before "Zohran
    /// Mamdani" gives ("mayor", USA).
    fn title_before(
        &self,
        w: &Work,
        start: usize,
        out: &ActorAnalysis,
    ) -> (Option<String>, Option<String>, usize) {
        let mut i = start;
        let mut title: Vec<String> = Vec::new();
        let mut seen_title = false;
        // Walk left over the title phrase: title words, capitalised words and "and"/"of" inside
        // it ("Planning and Investment Minister"), and a few adjectives ("new", "former").
        while i > 0 {
            let prev = w.words[i - 1];
            let lower = prev.to_lowercase();
            if w.ent_at[i - 1].is_some() || prev == "," {
                break;
            }
            let is_t = crate::corpus::is_title(prev) || role_sector(&lower).is_some();
            let inner = seen_title
                && ((is_cap(prev) && prev.chars().all(|c| c.is_alphabetic() || c == '-'))
                    || lower == "and"
                    || lower == "of");
            let adj = matches!(
                lower.as_str(),
                "new"
                    | "former"
                    | "ousted"
                    | "exiled"
                    | "acting"
                    | "interim"
                    | "outgoing"
                    | "top"
                    | "senior"
            );
            if is_t || inner || (adj && seen_title) {
                seen_title |= is_t;
                title.insert(0, lower);
                i -= 1;
            } else {
                break;
            }
        }
        while title.first().is_some_and(|t| t == "and" || t == "of") {
            title.remove(0);
        }
        let mut country = None;
        if i > 0 {
            let j = i - 1;
            if let Some(e) = w.ent_at[j] {
                let e = &out.entities[e as usize];
                country = self.entity_country(w, e, out);
                if country.is_some() {
                    i = e.token_start as usize;
                }
            } else if w.words[j] == "'s" || w.words[j] == "’s" {
                // "Lebanon's new President": possessive place.
                if j > 0
                    && let Some(e) = w.ent_at[j - 1]
                {
                    country = self.entity_country(w, &out.entities[e as usize], out);
                }
            }
        }
        let role = (!title.is_empty()).then(|| title.join(" "));
        (role, country, i)
    }

    fn entity_country(&self, w: &Work, e: &EntityMention, out: &ActorAnalysis) -> Option<String> {
        if let Some(p) = e.place {
            return Some(out.places[p as usize].country.clone());
        }
        let ws = self.ent_words(w, e);
        let g = &self.inner.gaz;
        if e.ty == "ORG" {
            // "Arab League Secretary General Chadli Klibi": the organisation is the country.
            // A country's name is the country whatever the tagger made of it ("Hungary's
            // foreign minister", tagged as an organisation, as GUM tags governments).
            return builtin_org(&key(&ws))
                .map(|(c, _)| c.to_string())
                .or_else(|| Some(g.places[g.country_named(&ws)? as usize].iso3.clone()));
        }
        // In "Bosnian Serbs" the first word names the state, the second the nation.
        g.nationality(&ws)
            .or_else(|| (e.ty == "MISC").then(|| g.nationality(&ws[..1])).flatten())
            .map(str::to_string)
    }

    fn chain(&self, doc: &Document, analysis: &Analysis, w: &mut Work, out: &mut ActorAnalysis) {
        let _ = doc;
        let n_ents = out.entities.len();
        let mut last_per: Vec<(u32, u32)> = Vec::new(); // (sentence, actor) of PER mentions in order
        let mut ent_iter = 0usize;
        for (si, s) in analysis.sentences.iter().enumerate() {
            if s.duplicate.is_some() {
                continue;
            }
            let mut t = s.token_start as usize;
            while t < s.token_end as usize {
                if let Some(e) = w.ent_at[t] {
                    let e = e as usize;
                    ent_iter = ent_iter.max(e + 1);
                    let end = out.entities[e].token_end as usize;
                    if let Some(a) = self.named_actor(w, e, out) {
                        out.entities[e].actor = Some(a);
                        if out.actors[a as usize].kind == "PER" {
                            last_per.push((si as u32, a));
                        }
                    }
                    t = end;
                    continue;
                }
                let lower = w.words[t].to_lowercase();
                if PRONOUNS.contains(&lower.as_str()) {
                    if let Some(a) = salient_person(&last_per, si as u32) {
                        out.actors[a as usize]
                            .mentions
                            .push(analysis.tokens[t].span);
                    }
                    t += 1;
                    continue;
                }
                if let Some(used) = self.nominal(analysis, w, t, &mut last_per, si as u32, out) {
                    t += used;
                    continue;
                }
                t += 1;
            }
        }
        let _ = n_ents;
        self.nationality_actors(w, out);
        for a in &mut out.actors {
            a.mentions.sort();
            a.mentions.dedup();
        }
    }

    /// Nationality words that no actor took stand for their state or people: "an Indian
    /// proposal" (India), "Palestinians" (Palestine), "Bosnian Serbs" (Bosnia). A word
    /// coordinated with one that heads a role phrase shares the role: in "Hungarian and
    /// Romanian officials" both are officials. One actor per (role, country).
    fn nationality_actors(&self, w: &Work, out: &mut ActorAnalysis) {
        for e in 0..out.entities.len() {
            let ent = &out.entities[e];
            if ent.ty != "MISC"
                || out
                    .actors
                    .iter()
                    .any(|a| a.mentions.iter().any(|m| m.overlaps(ent.span)))
            {
                continue;
            }
            let Some(country) = self.entity_country(w, ent, out) else {
                continue;
            };
            let span = ent.span;
            // Walk right over ", X", "and X", "or X" to the nationality word that heads the
            // role phrase, if any.
            let mut t = ent.token_end as usize;
            let mut role = None;
            while matches!(w.words.get(t).copied(), Some("," | "and" | "or")) {
                let Some(next) = w.ent_at.get(t + 1).copied().flatten() else {
                    break;
                };
                let n = &out.entities[next as usize];
                if n.ty != "MISC" {
                    break;
                }
                if let Some(a) = out.actors.iter().find(|a| {
                    a.kind == "GROUP"
                        && a.role.is_some()
                        && a.mentions.iter().any(|m| m.overlaps(n.span))
                }) {
                    role = a.role.clone();
                    break;
                }
                t = n.token_end as usize;
            }
            let ws = self.ent_words(w, ent);
            let found = out.actors.iter().position(|a| {
                a.kind == "GROUP" && a.role == role && a.role_country.as_deref() == Some(&country)
            });
            let idx = match found {
                Some(i) => i,
                None => {
                    let name = match &role {
                        Some(r) => format!("{} {r}", ws.join(" ")),
                        None => ws.join(" "),
                    };
                    out.actors.push(Actor {
                        name,
                        kind: "GROUP",
                        mentions: Vec::new(),
                        country: None,
                        sector: role
                            .as_deref()
                            .and_then(|r| self.sector_of(r))
                            .map(str::to_string),
                        code: None,
                        role,
                        source: None,
                        place: None,
                        role_country: Some(country),
                        words: ws.iter().map(|x| x.to_lowercase()).collect(),
                        title_words: Vec::new(),
                        bare: false,
                        country_from_document: false,
                    });
                    out.actors.len() - 1
                }
            };
            out.actors[idx].mentions.push(span);
            out.entities[e].actor = Some(idx as u32);
        }
    }

    /// Links a PER/ORG/LOC entity to an actor (new or earlier).
    fn named_actor(&self, w: &Work, e: usize, out: &mut ActorAnalysis) -> Option<u32> {
        let ent = out.entities[e].clone();
        let ws = self.ent_words(w, &ent);
        let g = &self.inner.gaz;
        let kind = match ent.ty {
            "PER" => "PER",
            "ORG" => "ORG",
            "LOC" => {
                // Places are actors when they stand for a state or an institution (countries,
                // landmarks), or for their people or government (cities, coded CVL or GOV
                // below); regions and divisions are only places.
                let kind = ent.place.map(|p| out.places[p as usize].kind);
                if !(matches!(kind, Some(PlaceKind::Country | PlaceKind::City))
                    || g.landmark(&ws).is_some())
                {
                    return None;
                }
                "LOC"
            }
            _ => return None,
        };
        let lower: Vec<String> = ws.iter().map(|x| x.to_lowercase()).collect();
        let (role, role_country, _) = if kind == "PER" {
            self.title_before(w, ent.token_start as usize, out)
        } else {
            (None, None, 0)
        };
        // An earlier actor of the same kind whose name contains this one or is contained in it.
        let found = out.actors.iter().rposition(|a| {
            a.kind == kind
                && (lower.iter().all(|x| a.words.contains(x))
                    || (a.words.iter().all(|x| lower.contains(x)) && kind == "PER"))
        });
        let name = ws.join(" ");
        let idx = match found {
            Some(i) => {
                let a = &mut out.actors[i];
                if lower.len() > a.words.len() {
                    a.name = name;
                    a.words = lower;
                }
                i
            }
            None => {
                out.actors.push(Actor {
                    name,
                    kind,
                    mentions: Vec::new(),
                    country: None,
                    sector: None,
                    code: None,
                    role: None,
                    source: None,
                    place: ent.place,
                    role_country: None,
                    words: lower,
                    title_words: Vec::new(),
                    bare: false,
                    country_from_document: false,
                });
                out.actors.len() - 1
            }
        };
        // "in Tehran", "in central Baghdad": a city after a preposition is a place of the
        // event, not the government acting.
        let ts = ent.token_start as usize;
        let prep = |i: usize| {
            matches!(
                w.words[i].to_lowercase().as_str(),
                "in" | "at"
                    | "from"
                    | "to"
                    | "into"
                    | "near"
                    | "of"
                    | "around"
                    | "outside"
                    | "inside"
                    | "across"
                    | "throughout"
                    | "on"
                    | "towards"
                    | "toward"
                    | "via"
            )
        };
        let after_prep = (ts >= 1 && prep(ts - 1))
            || (ts >= 2 && prep(ts - 2) && !is_cap(w.words[ts - 1]))
            || (ts >= 3 && prep(ts - 3) && !is_cap(w.words[ts - 1]) && !is_cap(w.words[ts - 2]));
        let a = &mut out.actors[idx];
        a.bare |= !after_prep;
        a.mentions.push(ent.span);
        if let Some(r) = &role {
            a.title_words.extend(r.split(' ').map(String::from));
        }
        if role.is_some() && a.role.is_none() {
            a.role = role;
        }
        if role_country.is_some() && a.role_country.is_none() {
            a.role_country = role_country;
        }
        // "Columbia University in New York": the organisation's own place.
        if kind == "ORG" && a.place.is_none() {
            let end = ent.token_end as usize;
            let sep = w.words.get(end).copied();
            if matches!(sep, Some("in") | Some(","))
                && let Some(q) = w.ent_at.get(end + 1).copied().flatten()
                && let Some(p) = out.entities[q as usize].place
                // ", Iran" after a name is usually a list, not the organisation's seat.
                && (sep == Some("in") || out.places[p as usize].kind != PlaceKind::Country)
            {
                a.place = Some(p);
            }
        }
        Some(idx as u32)
    }

    /// A role noun phrase at token `t` ("the mayor", "Hungarian officials", "police").
    /// Returns how many tokens it used.
    fn nominal(
        &self,
        analysis: &Analysis,
        w: &Work,
        t: usize,
        last_per: &mut Vec<(u32, u32)>,
        si: u32,
        out: &mut ActorAnalysis,
    ) -> Option<usize> {
        let lower = |i: usize| w.words.get(i).map(|x| x.to_lowercase()).unwrap_or_default();
        let free = |i: usize| i < w.words.len() && w.ent_at[i].is_none();
        let the = lower(t) == "the";
        // "Sudan's government", "Romania's new government": a possessive place is both the
        // determiner and the attached country.
        let poss_ent = (!the && t > 1 && matches!(w.words[t - 1], "'s" | "’s"))
            .then(|| w.ent_at[t - 2])
            .flatten()
            .filter(|&e| {
                self.entity_country(w, &out.entities[e as usize], out)
                    .is_some()
            });
        let det = the || poss_ent.is_some();
        let first = if the { t + 1 } else { t };
        // Up to two lower-case modifiers between "the" and the role ("the new mayor").
        let mut role_at = None;
        for h in first..first + 3 {
            if !free(h) {
                break;
            }
            let two = format!("{} {}", lower(h), lower(h + 1));
            if free(h + 1) && self.sector_of(&two).is_some() {
                role_at = Some((h, 2, two));
                break;
            }
            let one = lower(h);
            // A capitalised role word is a role after a determiner or as the sentence's
            // first word ("Rebels in Chad attacked"), else likely part of a name.
            let first_word = analysis
                .sentences
                .get(si as usize)
                .is_some_and(|s| s.token_start as usize == h);
            if self.sector_of(&one).is_some() && !is_cap(w.words[h])
                || (is_cap(w.words[h]) && (det || first_word) && self.sector_of(&one).is_some())
            {
                role_at = Some((h, 1, one));
                break;
            }
            // "his Peruvian counterpart": the office of the person "his" stands for, in
            // another country (below).
            if matches!(one.as_str(), "counterpart" | "counterparts") {
                role_at = Some((h, 1, one));
                break;
            }
            if !det || is_cap(w.words[h]) || !w.words[h].chars().all(char::is_alphabetic) {
                break;
            }
        }
        let (h, len, mut role) = role_at?;
        let end = h + len;
        // A counterpart holds the office of the person a possessive before it stands for
        // ("Ecuador's President Villacís and his Peruvian counterpart" is Peru's president);
        // without such a person it is no role.
        let counterpart = role.starts_with("counterpart");
        if counterpart {
            // The possessive: right before, or before a nationality ("his Peruvian").
            let before = match w.ent_at[h.checked_sub(1)?] {
                Some(e) => (out.entities[e as usize].token_start as usize).checked_sub(1)?,
                None => h - 1,
            };
            if !matches!(lower(before).as_str(), "his" | "her" | "their") {
                return None;
            }
            let holder = salient_person(last_per, si)?;
            let act = &out.actors[holder as usize];
            role = act
                .role
                .clone()
                .or_else(|| self.holder_role(act).map(str::to_lowercase))?;
        }
        // The person a role names: the next name, when the role is its title ("his Indian
        // counterpart Vikram Rao"; other titles are read with the name, `title_before`), or
        // an appositive name closed by a comma or the sentence's end ("the French defence
        // minister, Luc Marchand, said").
        let sentence_end = analysis
            .sentences
            .get(si as usize)
            .map_or(w.words.len(), |s| s.token_end as usize);
        let closes = |k: usize| {
            k >= sentence_end || matches!(w.words[k], "," | "." | ";" | ":" | ")" | "—" | "–")
        };
        let person_at = |k: usize| {
            w.ent_at.get(k).copied().flatten().filter(|&e| {
                let ent = &out.entities[e as usize];
                ent.ty == "PER" && ent.token_start as usize == k
            })
        };
        let title_of = match person_at(end) {
            // A role right before a name is a title, handled with the name.
            Some(_) if !counterpart => return None,
            Some(e) => Some(e),
            None if w.words.get(end) == Some(&",") => {
                person_at(end + 1).filter(|&e| closes(out.entities[e as usize].token_end as usize))
            }
            None => None,
        };
        // Attached place or nationality: "Hungarian officials", "New York police",
        // "Sudan's government".
        let mut country = None;
        if let Some(e) = poss_ent {
            country = self.entity_country(w, &out.entities[e as usize], out);
        } else if !the
            && t > 0
            && let Some(e) = w.ent_at[t - 1]
        {
            country = self.entity_country(w, &out.entities[e as usize], out);
        }
        // Or a place after it: "president of Armenia", "rebels in the Ivory Coast",
        // "students throughout Indonesia". The mention then runs to the place's end.
        let mut end_tok = end;
        if country.is_none()
            && matches!(
                lower(end).as_str(),
                "of" | "in" | "from" | "throughout" | "across"
            )
        {
            let at = if lower(end + 1) == "the" {
                end + 2
            } else {
                end + 1
            };
            if let Some(e) = w.ent_at.get(at).copied().flatten()
                && out.entities[e as usize].token_start as usize == at
                && out.entities[e as usize].place.is_some()
            {
                country = self.entity_country(w, &out.entities[e as usize], out);
                end_tok = out.entities[e as usize].token_end as usize;
            }
        }
        let group_ok = the || country.is_some() || is_group_noun(&role) || role.contains(' ');
        let start = if let Some(e) = poss_ent {
            out.entities[e as usize].token_start as usize
        } else if !the && country.is_some() && end_tok == end {
            out.entities[w.ent_at[t - 1]? as usize].token_start as usize
        } else {
            t
        };
        let span = Span::new(
            analysis.tokens[start].span.start as usize,
            analysis.tokens[end_tok - 1].span.end as usize,
        );
        if let Some(e) = title_of {
            let a = self.named_actor(w, e as usize, out)?;
            self.give_role(a, role, country, Some(span), out);
            return Some(end_tok - t);
        }
        // The role after a name, set off by a comma, is the name's: "Rosa Quispe, Peru's
        // foreign minister, met …", "said Ana Ruiz, a senator".
        let open = match start.checked_sub(1) {
            Some(k) if matches!(lower(k).as_str(), "a" | "an") => k,
            _ => start,
        };
        // The appositive may go on with what the role is of or for ("a spokesman for the
        // embassy,"): a few words up to the comma that closes it.
        let tail_end = matches!(lower(end_tok).as_str(), "for" | "of" | "at" | "with")
            .then(|| (end_tok + 1..(end_tok + 7).min(sentence_end + 1)).find(|&k| closes(k)))
            .flatten();
        let closed = closes(end_tok) || lower(end_tok) == "who" || tail_end.is_some();
        // Its country may be named there ("for the Japanese embassy").
        let tail_country = || {
            (end_tok + 1..tail_end?).find_map(|k| {
                let e = w.ent_at[k]?;
                self.entity_country(w, &out.entities[e as usize], out)
            })
        };
        if open >= 2
            && w.words[open - 1] == ","
            && closed
            && let Some(e) = w.ent_at[open - 2]
            && out.entities[e as usize].ty == "PER"
            && out.entities[e as usize].token_end as usize == open - 1
            && let Some(a) = out.entities[e as usize].actor
        {
            let country = country.or_else(tail_country);
            self.give_role(a, role, country, Some(span), out);
            last_per.push((si, a));
            return Some(end_tok - t);
        }
        // Bare role nouns are actors only when they name a group ("police", "immigration
        // agents"); "the" or an attached place makes any role noun one.
        if !group_ok {
            return None;
        }
        // "the president": the last person with that role.
        if the {
            let head = role.split(' ').next_back().unwrap_or("").to_string();
            if let Some(&(_, a)) = last_per.iter().rev().find(|(_, a)| {
                let act = &out.actors[*a as usize];
                act.role.as_deref().is_some_and(|r| r.contains(&head))
                    || self
                        .holder_role(act)
                        .is_some_and(|r| r.to_lowercase().contains(&head))
            }) {
                out.actors[a as usize].mentions.push(span);
                last_per.push((si, a));
                return Some(end - t);
            }
        }
        let name = w.words[start..end].join(" ");
        let sector = self.sector_of(&role).map(str::to_string);
        // "the junta" after "Mali junta", "the rebels" after "Houthi rebels": a definite
        // role noun with no place of its own is the group named so before, when only one
        // country's group was.
        let before = || {
            let groups: Vec<usize> = (0..out.actors.len())
                .filter(|&i| {
                    let a = &out.actors[i];
                    a.kind == "GROUP"
                        && a.role.as_deref() == Some(&role)
                        && a.role_country.is_some()
                })
                .collect();
            let (&first, &last) = (groups.first()?, groups.last()?);
            groups
                .iter()
                .all(|&i| out.actors[i].role_country == out.actors[first].role_country)
                .then_some(last)
        };
        let same = || {
            out.actors.iter().position(|a| {
                a.kind == "GROUP" && a.role.as_deref() == Some(&role) && a.role_country == country
            })
        };
        let found = if the && country.is_none() {
            before().or_else(same)
        } else {
            same()
        };
        let idx = match found {
            Some(i) => i,
            None => {
                out.actors.push(Actor {
                    name,
                    kind: "GROUP",
                    mentions: Vec::new(),
                    country: None,
                    sector,
                    code: None,
                    role: Some(role),
                    source: None,
                    place: None,
                    role_country: country,
                    words: Vec::new(),
                    title_words: Vec::new(),
                    bare: false,
                    country_from_document: false,
                });
                out.actors.len() - 1
            }
        };
        out.actors[idx].mentions.push(span);
        Some(end - t)
    }

    /// Person actor `a` is named by a role phrase (its title or appositive): the role and
    /// its country are the person's where none was read before, and the phrase (`span`) is
    /// one of its mentions.
    fn give_role(
        &self,
        a: u32,
        role: String,
        country: Option<String>,
        span: Option<Span>,
        out: &mut ActorAnalysis,
    ) {
        let act = &mut out.actors[a as usize];
        if act.role.is_none() {
            act.title_words.extend(role.split(' ').map(String::from));
            act.role = Some(role);
        }
        if act.role_country.is_none() {
            act.role_country = country;
        }
        act.mentions.extend(span);
    }

    fn sector_of(&self, role: &str) -> Option<&str> {
        role_sector(role).or_else(|| self.inner.agent_index.get(role).map(String::as_str))
    }

    fn holder_role(&self, a: &Actor) -> Option<&str> {
        let k = a.words.join(" ");
        self.inner
            .holder_index
            .get(&k)
            .and_then(|v| v.first())
            .map(|&i| self.inner.holders[i as usize].role.as_str())
    }

    /// Codes actor `i` at the document date (see DESIGN: office holders, dictionaries,
    /// organisations and places, role + place, entity + document country).
    fn code(&self, doc: &Document, i: usize, out: &mut ActorAnalysis) {
        let date = doc.date;
        let inner = &self.inner;
        let a = &out.actors[i];
        let mut country: Option<String> = None;
        let mut sector: Option<String> = None;
        let mut role = a.role.clone();
        let mut source = None;
        let names: Vec<String> = std::iter::once(a.words.join(" "))
            .chain(
                a.mentions
                    .iter()
                    .map(|m| key(&doc.slice(*m).split_whitespace().collect::<Vec<_>>())),
            )
            .collect();
        // 1. Office holders at the date.
        if a.kind == "PER" {
            let mut known = false;
            'outer: for n in &names {
                if let Some(v) = inner.holder_index.get(n) {
                    known = true;
                    for &h in v {
                        let h = &inner.holders[h as usize];
                        if h.holds_on(date) {
                            country = Some(h.country.clone());
                            sector = Some(h.sector.clone());
                            role = Some(h.role.clone());
                            source = Some(CodeSource::Officeholder);
                            break 'outer;
                        }
                    }
                }
            }
            let _ = known;
        }
        // 2. PETRARCH/Phoenix dictionaries at the date.
        if source.is_none() && a.kind != "GROUP" {
            for n in &names {
                if let Some(&d) = inner.dict_index.get(n)
                    && let Some(code) = inner.dict[d as usize].code_at(date)
                    && code.len() >= 3
                    && code.chars().take(3).all(|c| c.is_ascii_uppercase())
                {
                    country = Some(code[..3].to_string());
                    sector = code
                        .get(3..6)
                        .and_then(cameo_to_plover_sector)
                        .map(str::to_string);
                    source = Some(CodeSource::Dictionary);
                    break;
                }
            }
        }
        // 3. Organisations and places that code themselves.
        if source.is_none() {
            let k = a.words.join(" ");
            if a.kind == "ORG"
                && let Some((c, s)) = builtin_org(&k)
            {
                country = Some(c.to_string());
                sector = s.map(str::to_string);
                source = Some(CodeSource::Organisation);
            } else if a.kind == "ORG"
                && let Some((c, kind)) = names.iter().find_map(|n| {
                    let ws: Vec<&str> = n.split(' ').collect();
                    inner.gaz.company(&ws)
                })
            {
                // A listed company is its headquarters' country; PLOVER's sector for firms,
                // banks and airlines is BUS, for news organisations JRN, for unions LAB.
                country = Some(c.to_string());
                sector = match kind {
                    "media" => Some("JRN"),
                    "union" => Some("LAB"),
                    "sports" => None,
                    _ => Some("BUS"),
                }
                .map(str::to_string);
                source = Some(CodeSource::Organisation);
            } else if a.kind == "LOC" {
                let ws: Vec<&str> = a.words.iter().map(String::as_str).collect();
                if let Some(l) = inner.gaz.landmark(&ws) {
                    country = Some(inner.gaz.places[l.place as usize].iso3.clone());
                    sector = l.sector.clone();
                } else if let Some(p) = a.place {
                    let pm = &out.places[p as usize];
                    country = Some(pm.country.clone());
                    // The PLOVER GSR's rule: a city stands for its people (CVL); a capital
                    // named as subject or object stands for the government (GOV).
                    if pm.kind == PlaceKind::City {
                        let capital = pm
                            .geonames_id
                            .and_then(|id| inner.gaz.place_by_id(id))
                            .is_some_and(|i| inner.gaz.is_capital(i));
                        sector = Some(if capital && a.bare { "GOV" } else { "CVL" }.to_string());
                    }
                }
                source = Some(CodeSource::Place);
            }
        }
        // 4. Role or title with its attached place or nationality.
        let place_country = a.place.map(|p| out.places[p as usize].country.clone());
        // A person the Phoenix dictionaries know keeps their country at any date, so it beats
        // the document's dominant country ("President Obama" met Moroccan diplomats). A
        // person whose full name the document gives is looked up by full names only: the
        // surname alone belongs to someone else ("Mayor Helena Prado" of São Paulo is not a
        // Venezuelan minister named Prado).
        let full_name = names.iter().any(|n| n.contains(' '));
        let person_country = if a.kind == "PER" {
            names
                .iter()
                .filter(|n| !full_name || n.contains(' '))
                .find_map(|n| {
                    let ws: Vec<&str> = n.split(' ').collect();
                    inner.gaz.person_country(&ws).map(str::to_string)
                })
        } else {
            None
        };
        if source.is_none() {
            // The whole title, else its head: the last two words ("secretary general", not
            // "general"), then the last one.
            let role_sec = a.role.as_deref().and_then(|r| {
                let ws: Vec<&str> = r.split(' ').collect();
                let n = ws.len();
                self.sector_of(r)
                    .or_else(|| {
                        (n > 2)
                            .then(|| self.sector_of(&ws[n - 2..].join(" ")))
                            .flatten()
                    })
                    .or_else(|| self.sector_of(ws[n - 1]))
            });
            // Organisation names carry their sector ("Columbia University", "Police Department").
            // dyad's own role words anywhere in the name; the CAMEO agent nouns only as its
            // head (last word), since as modifiers they mislead ("Islamic Salvation Front").
            let name_sec = if a.kind == "ORG" {
                a.words.iter().rev().enumerate().find_map(|(k, w)| {
                    if k == 0 {
                        name_word_sector(w).or_else(|| self.sector_of(w))
                    } else {
                        role_sector(w)
                    }
                })
            } else {
                None
            };
            if let Some(s) = role_sec.or(name_sec).or(if a.kind == "GROUP" {
                a.sector.as_deref()
            } else {
                None
            }) {
                sector = Some(s.to_string());
                country = a
                    .role_country
                    .clone()
                    .or(place_country.clone())
                    .or_else(|| self.name_country(a))
                    .or(person_country.clone());
                source = Some(CodeSource::Role);
            }
        }
        // A people named by its demonym ("Palestinians") is that country, sector unknown.
        if source.is_none()
            && let Some(c) = inner
                .gaz
                .nationality(&a.words.iter().map(String::as_str).collect::<Vec<_>>())
        {
            country = Some(c.to_string());
            source = Some(CodeSource::Entity);
        }
        // 5. The entity alone: country from its place or name, else the document's; no sector.
        if source.is_none() {
            country = a
                .role_country
                .clone()
                .or(place_country)
                .or_else(|| self.name_country(a))
                .or(person_country);
            source = Some(CodeSource::Entity);
        }
        // A role or bare entity with no country of its own is of the document's country,
        // flagged as such (`Actor::country_from_document`).
        let from_document = matches!(source, Some(CodeSource::Role | CodeSource::Entity))
            && country.is_none()
            && out.doc_country.is_some();
        if from_document {
            country = out.doc_country.clone();
        }
        // "former President X", "ousted leader Y": out of office (PLOVER ELI).
        if a_former(&out.actors[i]) && sector.is_some() {
            sector = Some("ELI".to_string());
        }
        let code = match (&country, &sector) {
            (Some(c), Some(s)) => Some(format!("{c}{s}")),
            (Some(c), None) => Some(c.clone()),
            _ => None,
        };
        let a = &mut out.actors[i];
        a.country = country;
        a.sector = sector;
        a.code = code;
        a.role = role;
        a.source = source;
        a.country_from_document = from_document;
    }

    /// A country named inside an organisation's name ("New York Police Department").
    fn name_country(&self, a: &Actor) -> Option<String> {
        if a.kind != "ORG" {
            return None;
        }
        let g = &self.inner.gaz;
        let name: Vec<&str> = a.name.split_whitespace().collect();
        if name.len() != a.words.len() {
            return None;
        }
        for len in (1..=name.len().min(3)).rev() {
            for s in 0..=name.len() - len {
                let part = &name[s..s + len];
                // Only capitalised words name a place ("of" is a town in Turkey), and only
                // a country, a division or a large city: small towns share names with words.
                if !part.iter().all(|w| is_cap(w)) {
                    continue;
                }
                if let Some(c) = g.nationality(part) {
                    return Some(c.to_string());
                }
                if let Some(p) = g.resolve(part, None, None) {
                    let p = &g.places[p as usize];
                    if p.kind != PlaceKind::City || p.population >= 100_000 {
                        return Some(p.iso3.clone());
                    }
                }
            }
        }
        None
    }
}

fn a_former(a: &Actor) -> bool {
    a.title_words.iter().any(|w| {
        matches!(
            w.as_str(),
            "former" | "ousted" | "exiled" | "deposed" | "ex-president"
        )
    })
}

/// Repairs chunks that run over a title: "[New York City Mayor Zohran Mamdani]" becomes
/// "[New York City] Mayor [Zohran Mamdani]" (a capitalised title followed by more capitalised
/// words starts a person's name), and a leading title is dropped ("[President Trump]").
fn split_at_titles(words: &[&str], cs: Vec<crate::eval::Chunk>) -> Vec<crate::eval::Chunk> {
    use crate::corpus::is_title;
    let mut out = Vec::new();
    for mut c in cs {
        // A leading title makes the rest a person ("President Trump" typed MISC), except in
        // an organisation's name: "General Motors", "General Electric".
        while c.ty != "ORG" && c.end - c.start > 1 && is_title(words[c.start]) {
            c.start += 1;
            c.ty = "PER".into();
        }
        if (c.start..c.end).all(|k| is_title(words[k])) {
            continue;
        }
        let mut split = false;
        for k in c.start + 1..c.end.saturating_sub(1) {
            if is_title(words[k]) && is_cap(words[k]) && is_cap(words[k + 1]) {
                let mut title_end = k + 1;
                while title_end < c.end - 1 && is_title(words[title_end]) {
                    title_end += 1;
                }
                out.push(crate::eval::Chunk {
                    start: c.start,
                    end: k,
                    ty: c.ty.clone(),
                });
                out.push(crate::eval::Chunk {
                    start: title_end,
                    end: c.end,
                    ty: "PER".into(),
                });
                split = true;
                break;
            }
        }
        if !split {
            out.push(c);
        }
    }
    out
}

/// The most salient earlier person for a pronoun subject: the first person mentioned
/// before it in the same sentence, else the first person of the previous sentence that had
/// one; the first is the likeliest subject ("Wiśniewska thanked Brandt for what she
/// called …"). None further back than two sentences.
fn salient_person(last_per: &[(u32, u32)], si: u32) -> Option<u32> {
    if let Some(&(_, a)) = last_per.iter().find(|(s, _)| *s == si) {
        return Some(a);
    }
    let prev = last_per.iter().rev().find(|(s, _)| *s < si)?.0;
    if si - prev > 2 {
        return None;
    }
    last_per.iter().find(|(s, _)| *s == prev).map(|x| x.1)
}
