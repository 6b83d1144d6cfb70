//! The coding pipeline: stages built once, then applied to documents in parallel batches.

use dyad_core::{Analysis, Document, EventRecord};
use dyad_events::assemble::{DictionaryTexts, DocumentCoder};
use dyad_segment::Segmenter;
use dyad_time::TimeTagger;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use rayon::prelude::*;
use std::time::{Duration, Instant};

/// Every stage, built once and shared by the worker threads.
pub struct Pipeline {
    segmenter: Segmenter,
    times: Option<TimeTagger>,
    events: Option<DocumentCoder>,
    actors: Option<dyad_actors::ActorCoder>,
}

/// How far a command needs the pipeline to go: later stages cost start-up time (the event
/// coder loads its dictionaries), so commands build only what they use.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Stage {
    Segment,
    Time,
    Events,
}

/// What the pipeline knows about one document.
pub struct Processed {
    pub analysis: Analysis,
    pub events: Vec<EventRecord>,
}

/// The bundled dictionaries (MIT; data/cameo-dictionaries/SOURCE.md), compiled in so a fresh
/// clone codes events without ../shared.
mod bundled {
    pub const VERBS: &str = include_str!("../data/cameo-dictionaries/CAMEO.2.0.txt");
    pub const ACTORS: [&str; 3] = [
        include_str!("../data/cameo-dictionaries/Phoenix.Countries.actors.txt"),
        include_str!("../data/cameo-dictionaries/Phoenix.International.actors.txt"),
        include_str!("../data/cameo-dictionaries/Phoenix.MilNonState.actors.txt"),
    ];
    pub const AGENTS: &str = include_str!("../data/cameo-dictionaries/Phoenix.agents.txt");
    pub const DISCARDS: &str = include_str!("../data/cameo-dictionaries/Phoenix.discards.txt");
}

impl Pipeline {
    pub fn new(last: Stage) -> anyhow::Result<Pipeline> {
        let events = if last >= Stage::Events {
            Some(DocumentCoder::from_texts(&DictionaryTexts {
                verbs: bundled::VERBS,
                actors: &bundled::ACTORS,
                agents: Some(bundled::AGENTS),
                discards: Some(bundled::DISCARDS),
            })?)
        } else {
            None
        };
        let times = (last >= Stage::Time).then(TimeTagger::new);
        let actors = if last >= Stage::Events {
            // One syntax model for both stages: the actor stage's NER reads its parts of speech.
            let mut b = dyad_actors::ActorCoder::builder();
            if let Some(m) = events.as_ref().and_then(|e| e.syntax()) {
                b = b.syntax(m.clone());
            }
            Some(b.build()?)
        } else {
            None
        };
        Ok(Pipeline {
            segmenter: Segmenter::new(),
            times,
            events,
            actors,
        })
    }

    /// Runs every stage on one document.
    pub fn process(&self, doc: &Document) -> Processed {
        let mut analysis = Analysis::default();
        self.segmenter.segment(&doc.text, &mut analysis);
        if let Some(t) = &self.times {
            t.tag_document(doc, &mut analysis);
        }
        let mut events = Vec::new();
        // The parts of speech of the sentences the event stage parsed, which the actor
        // stage's NER reads.
        let mut upos = Vec::new();
        if let Some(e) = &self.events {
            e.code_keeping_tags(doc, &analysis, &mut events, &mut upos);
        }
        if let Some(coder) = &self.actors
            && !events.is_empty()
        {
            let mut found = dyad_actors::ActorAnalysis::default();
            coder.analyze_tagged(doc, &analysis, &upos, &mut found);
            dyad_events::assemble::complete_participants(&mut events, &|span| {
                known_actor(&found, coder, span)
            });
            dyad_events::assemble::drop_thing_recipients(&mut events);
            dyad_events::assemble::fold_completed(&mut events);
            for loc in events.iter_mut().filter_map(|r| r.location.as_mut()) {
                resolve_location(&found, loc);
            }
        }
        Processed { analysis, events }
    }

    /// Processes `docs` on `jobs` threads in batches, handing results to `sink` in input
    /// order, so the output is the same for any number of threads.
    pub fn run<F>(
        &self,
        docs: impl Iterator<Item = Document>,
        jobs: Option<usize>,
        mut sink: F,
    ) -> anyhow::Result<()>
    where
        F: FnMut(Document, Processed) -> anyhow::Result<()>,
    {
        let pool = pool(jobs)?;
        let progress = Progress::new();
        let mut docs = docs.peekable();
        const BATCH: usize = 256;
        while docs.peek().is_some() {
            let batch: Vec<Document> = docs.by_ref().take(BATCH).collect();
            let results: Vec<Processed> =
                pool.install(|| batch.par_iter().map(|d| self.process(d)).collect());
            for (doc, res) in batch.into_iter().zip(results) {
                progress.tick(&res);
                sink(doc, res)?;
            }
        }
        progress.finish();
        Ok(())
    }
}

/// What the actor stage knows about a participant's words (see `ActorAnalysis::actor_at`).
fn known_actor(
    found: &dyad_actors::ActorAnalysis,
    coder: &dyad_actors::ActorCoder,
    span: dyad_core::Span,
) -> Option<dyad_events::assemble::KnownActor> {
    let a = found.actor_at(span)?;
    Some(dyad_events::assemble::KnownActor {
        name: a.name.clone(),
        country: a.country.clone(),
        sector: a.sector.clone(),
        code: a.code.clone(),
        in_office: a.source == Some(dyad_actors::CodeSource::Officeholder),
        country_from_document: a.country_from_document,
        name_places: if a.kind == "PER" {
            coder.place_countries_in(&a.name)
        } else {
            Vec::new()
        },
    })
}

/// Fills an event location's gazetteer fields from the place the actor stage resolved inside
/// its words: the first one, so "in Kanata, Ontario" is Kanata, the most specific, and "at the
/// White House" the landmark's city. Words that name an organisation with a stated place of
/// its own ("at Columbia University", "Columbia University in New York" earlier) take that
/// place. A location with neither keeps only its words.
fn resolve_location(found: &dyad_actors::ActorAnalysis, loc: &mut dyad_core::EventLocation) {
    let inside = found.places.iter().find(|p| p.span.overlaps(loc.span));
    let own = || {
        let i = found.actor_at(loc.span)?.place?;
        found.places.get(i as usize)
    };
    let Some(p) = inside.or_else(own) else {
        return;
    };
    loc.name = Some(p.name.clone());
    loc.country = Some(p.country.clone());
    loc.admin1 = p.admin1.clone();
    loc.lat = p.lat;
    loc.lon = p.lon;
    loc.geonames_id = p.geonames_id;
}

impl Pipeline {
    /// Processes a batch on `pool`, results in input order.
    pub fn process_all(&self, pool: &rayon::ThreadPool, batch: &[Document]) -> Vec<Processed> {
        pool.install(|| batch.par_iter().map(|d| self.process(d)).collect())
    }
}

/// A worker pool of `jobs` threads (default: one per core).
pub fn pool(jobs: Option<usize>) -> anyhow::Result<rayon::ThreadPool> {
    let mut builder = rayon::ThreadPoolBuilder::new();
    if let Some(n) = jobs {
        builder = builder.num_threads(n.max(1));
    }
    Ok(builder.build()?)
}

/// Identifies what coded the events: the dyad version and a hash of every dictionary the
/// coder was built from. The store re-codes a document when this changes.
pub fn coder_version() -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let texts = [
        bundled::VERBS,
        dyad_events::verbs::DYAD_VERBS,
        bundled::AGENTS,
        bundled::DISCARDS,
    ]
    .into_iter()
    .chain(bundled::ACTORS);
    for t in texts {
        for &b in t.as_bytes() {
            h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
    format!("dyad {} dict {h:016x}", env!("CARGO_PKG_VERSION"))
}

/// A progress bar on standard error that appears only for runs over a second and only on a
/// terminal (indicatif draws nothing when standard error is not one).
struct Progress {
    bar: ProgressBar,
    start: Instant,
    shown: std::cell::Cell<bool>,
}

impl Progress {
    fn new() -> Progress {
        let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::hidden());
        bar.set_style(
            ProgressStyle::with_template("{spinner} {pos} documents, {per_sec}, {elapsed} {msg}")
                .expect("static template"),
        );
        Progress {
            bar,
            start: Instant::now(),
            shown: false.into(),
        }
    }

    fn tick(&self, res: &Processed) {
        if !self.shown.get() && self.start.elapsed() > Duration::from_secs(1) {
            self.bar.set_draw_target(ProgressDrawTarget::stderr());
            self.shown.set(true);
        }
        self.bar.inc(1);
        let _ = res;
    }

    fn finish(&self) {
        self.bar.finish_and_clear();
    }
}
