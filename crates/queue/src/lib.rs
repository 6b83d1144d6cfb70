//! Scale-out for dyad: documents go onto a NATS JetStream work queue, and any number of
//! worker processes take them off, code them and write the records to a store.
//!
//! ```text
//!  dyad publish ──► stream "dyad-docs" (subject dyad.docs, work-queue retention, file storage)
//!                        │  durable pull consumer "dyad", shared by every worker
//!                        ▼
//!  dyad worker ×N:  fetch ► decode ► Coder (blocking thread) ► Sink (blocking thread) ► ack
//!                        │ failed N times
//!                        ▼
//!                  stream "dyad-docs-dead" (subject dyad.dead, limits retention)
//! ```
//!
//! # Retention: a work queue
//!
//! The document stream uses **work-queue retention** with **file storage**. A message stays on
//! disk until a worker acknowledges it, so a worker that crashes, or a server restart, loses
//! nothing: unacknowledged messages are delivered again once `ack_wait` runs out. Work-queue
//! retention lets only one consumer read a subject, which is what we want: every worker binds
//! to the same durable pull consumer, and the server hands each message to one of them.
//! Acknowledged documents are deleted, so the stream's size tracks the backlog rather than the
//! corpus; the store, not the queue, is the record of what was coded. (Limits retention would
//! also allow one shared consumer, but would keep every coded document until an age or size
//! limit evicted it — and evict uncoded ones too if a backlog outgrew the limit.) The cost: a
//! second, independent consumer on `dyad.docs` (an archiver, say) is refused by the server;
//! such a reader should take its own stream.
//!
//! # De-duplication
//!
//! [`publish`] gives each message the `Nats-Msg-Id` `<document id>:<content hash>`, the hash
//! being SHA-256 of the document's JSON. The stream's duplicate window ([`DUPLICATE_WINDOW`])
//! makes the server drop a message whose id it has seen within the window and report it as a
//! duplicate, so re-running a publish after a partial failure does not queue the same
//! documents twice. An edited document has a new hash and is queued again. Outside the window
//! a re-publish *is* queued again, which is why sinks must be idempotent (below).
//!
//! # Acknowledgement rules
//!
//! A worker fetches up to `batch` messages and, for each one, decodes the JSON, codes the
//! document and writes it. Then:
//!
//! * **Written**: only after [`Sink::write`] returns `Ok`, the message is acknowledged, and the
//!   worker waits for the server to confirm the ack (a "double ack"). A crash between the
//!   write and the ack means a redelivery, which the sink absorbs.
//! * **Failed** (undecodable JSON, a coder error or panic, a per-document failure in the
//!   sink's [`SinkReport`]): when the delivery count is below `max_deliver` the message is
//!   NAKed with a short delay ([`NAK_DELAY`]) to be tried again. On its `max_deliver`-th
//!   delivery it is published to the dead-letter subject with headers `Dyad-Error`,
//!   `Dyad-Stream-Seq` and `Dyad-Deliveries` and the original payload, and only once that
//!   publish is acknowledged is the original terminated. The worker carries on either way.
//! * **Delivered more than `max_deliver` times**: earlier deliveries ended without any outcome
//!   — a worker process died on the document (a stack overflow or out-of-memory abort is not
//!   a catchable panic) or the server restarted. The message is dead-lettered without being
//!   coded again, so a document that kills workers cannot take the whole fleet down in turn.
//!   This is why the consumer itself sets no server-side `max_deliver`: the server would
//!   silently stop delivering such a message instead of moving it somewhere visible.
//! * **The whole write failed** (`Sink::write` returned `Err` or panicked: the database is
//!   down): nothing is acknowledged. The worker keeps the batch in hand and retries the write
//!   with exponential backoff, telling the server the work is in progress so the messages are
//!   not handed to another worker meanwhile. Keeping them rather than NAKing them keeps the
//!   delivery counts down, so an outage cannot push healthy documents to the dead letters.
//!   On shutdown during the retries the batch is NAKed.
//!
//! While a batch is being coded or written, the worker also sends "in progress" for its
//! messages every half `ack_wait`, so `ack_wait` only bounds how long a *dead* worker holds
//! messages, not how long coding may take.
//!
//! # Sinks must be idempotent
//!
//! Delivery is at least once: a crash after the write, a lost ack, a re-publish outside the
//! duplicate window or a second worker racing a slow one can all deliver the same document
//! twice. A [`Sink`] must therefore write by document id — replacing a document's records, not
//! adding to them. Each write carries a `batch_id` derived from the sorted
//! `(document id, content hash)` pairs it contains, which a sink may record to recognise a
//! batch it has already committed.
//!
//! # Example
//!
//! ```no_run
//! use std::sync::Arc;
//! use std::time::Duration;
//! use dyad_core::{Document, EventRecord};
//! use dyad_queue::{Coder, Sink, SinkReport, StreamConfig, WorkerConfig};
//!
//! struct NoEvents;
//! impl Coder for NoEvents {
//!     fn code(&self, docs: Vec<Document>) -> Vec<Result<(Document, Vec<EventRecord>), String>> {
//!         docs.into_iter().map(|d| Ok((d, Vec::new()))).collect()
//!     }
//! }
//!
//! struct Discard;
//! impl Sink for Discard {
//!     fn write(&mut self, _batch: &str, docs: &[(Document, Vec<EventRecord>)]) -> Result<SinkReport, String> {
//!         Ok(SinkReport { failures: Vec::new(), events: docs.iter().map(|d| d.1.len()).sum() })
//!     }
//! }
//!
//! # async fn run(docs: Vec<Document>) -> Result<(), dyad_queue::QueueError> {
//! let stream = StreamConfig::new("nats://127.0.0.1:4222");
//! let sent = dyad_queue::publish(&stream, docs, 256).await?;
//! println!("{} queued, {} already queued", sent.published, sent.duplicates);
//!
//! let cfg = WorkerConfig { idle_exit: Some(Duration::from_secs(5)), ..WorkerConfig::new(stream) };
//! let stats = dyad_queue::run_worker(cfg, Arc::new(NoEvents), Box::new(Discard), dyad_queue::sigterm()).await?;
//! println!("{} documents coded", stats.documents);
//! # Ok(())
//! # }
//! ```
#![deny(missing_docs)]

mod dead;
mod error;
mod metrics;
mod nats;
mod publish;
#[doc(hidden)]
pub mod testing;
mod worker;

pub use dead::{DeadLetter, read_dead_letters};
pub use error::QueueError;
pub use metrics::{Metrics, MetricsServer, serve_metrics};
pub use publish::{PublishStats, message_id, publish};
pub use worker::{
    Coder, NAK_DELAY, Sink, SinkReport, WorkerConfig, WorkerStats, run_worker,
    run_worker_with_metrics, sigterm,
};

use std::time::Duration;

/// How long the server remembers a message id to drop re-published duplicates.
///
/// The server keeps every id seen within the window in memory, so the window is a trade
/// between memory and how late a repeated publish is still caught; an hour covers re-running
/// a failed `dyad publish`, and anything later is absorbed by the idempotent sink.
pub const DUPLICATE_WINDOW: Duration = Duration::from_secs(60 * 60);

/// Where documents are published and how the streams are named.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StreamConfig {
    /// NATS server address (`nats://127.0.0.1:4222`; several may be given, comma-separated).
    pub url: String,
    /// Name of the work-queue stream holding documents to code.
    pub stream: String,
    /// Subject documents are published on.
    pub subject: String,
    /// Subject documents that failed `max_deliver` times are moved to; the stream
    /// `<stream>-dead` keeps them.
    pub dead_letter_subject: String,
}

impl StreamConfig {
    /// Default names (`dyad-docs`, `dyad.docs`, `dyad.dead`) on the server at `url`.
    pub fn new(url: impl Into<String>) -> StreamConfig {
        StreamConfig {
            url: url.into(),
            ..StreamConfig::default()
        }
    }

    /// Name of the stream that keeps dead letters: `<stream>-dead`.
    pub fn dead_letter_stream(&self) -> String {
        format!("{}-dead", self.stream)
    }
}

impl Default for StreamConfig {
    fn default() -> StreamConfig {
        StreamConfig {
            url: "nats://127.0.0.1:4222".to_string(),
            stream: "dyad-docs".to_string(),
            subject: "dyad.docs".to_string(),
            dead_letter_subject: "dyad.dead".to_string(),
        }
    }
}
