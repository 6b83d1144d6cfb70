//! The coding pipeline: stages built once, then applied to documents in parallel batches.

use dyad_core::{Analysis, Document};
use dyad_segment::Segmenter;
use dyad_time::TimeTagger;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use rayon::prelude::*;
use std::time::{Duration, Instant};

/// Every stage, built once and shared by the worker threads.
pub struct Pipeline {
    segmenter: Segmenter,
    times: TimeTagger,
}

/// What the pipeline knows about one document.
pub struct Processed {
    pub analysis: Analysis,
}

impl Pipeline {
    pub fn new() -> Pipeline {
        Pipeline {
            segmenter: Segmenter::new(),
            times: TimeTagger::new(),
        }
    }

    /// Runs every stage on one document.
    pub fn process(&self, doc: &Document) -> Processed {
        let mut analysis = Analysis::default();
        self.segmenter.segment(&doc.text, &mut analysis);
        self.times.tag_document(doc, &mut analysis);
        Processed { analysis }
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
        let mut builder = rayon::ThreadPoolBuilder::new();
        if let Some(n) = jobs {
            builder = builder.num_threads(n.max(1));
        }
        let pool = builder.build()?;
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
