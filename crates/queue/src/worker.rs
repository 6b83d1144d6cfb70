//! The worker: fetch, decode, code, write, acknowledge — see the crate docs for the rules.
use crate::metrics::{Metrics, serve_metrics};
use crate::nats::{Backoff, connect, ensure_streams, header_line};
use crate::publish::{content_hash, hex};
use crate::{QueueError, StreamConfig};
use async_nats::HeaderMap;
use async_nats::jetstream::{
    self, AckKind,
    consumer::{AckPolicy, PullConsumer, pull},
};
use bytes::Bytes;
use dyad_core::{Document, EventRecord};
use futures_util::StreamExt;
use futures_util::future::join_all;
use sha2::{Digest, Sha256};
use std::any::Any;
use std::collections::HashMap;
use std::future::Future;
use std::net::SocketAddr;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::pin::{Pin, pin};
use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::time::{Duration, Instant};

/// How long a failed document waits before it is delivered again: long enough that a
/// transient cause (a lock, a restarting dependency) may clear, short enough that a poison
/// document reaches the dead letters within seconds.
pub const NAK_DELAY: Duration = Duration::from_secs(1);

/// The longest a `Dyad-Error` header may be; error texts beyond it are cut.
const MAX_ERROR_HEADER: usize = 1024;

/// How a worker consumes the document stream.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WorkerConfig {
    /// Server and stream names.
    pub stream: StreamConfig,
    /// Durable consumer name, shared by every worker that should split the work.
    pub consumer: String,
    /// Most messages fetched, coded and written together.
    pub batch: usize,
    /// Deliveries of a failing document before it is dead-lettered.
    pub max_deliver: u32,
    /// How long the server waits for a silent worker before handing its messages to another.
    /// Used when the worker creates the consumer; an existing consumer keeps its own.
    pub ack_wait: Duration,
    /// How long one fetch waits for messages when the stream is empty.
    pub fetch_expires: Duration,
    /// Return once no message has been waiting or in flight for this long (tests, backfills);
    /// `None` runs until shutdown.
    pub idle_exit: Option<Duration>,
    /// Serve `GET /metrics` here; must be a loopback address.
    pub metrics_addr: Option<SocketAddr>,
}

impl WorkerConfig {
    /// Defaults (consumer `dyad`, batch 64, 3 deliveries, 60 s ack wait, 5 s fetch expiry,
    /// no idle exit, no metrics) on the given streams.
    pub fn new(stream: StreamConfig) -> WorkerConfig {
        WorkerConfig {
            stream,
            consumer: "dyad".to_string(),
            batch: 64,
            max_deliver: 3,
            ack_wait: Duration::from_secs(60),
            fetch_expires: Duration::from_secs(5),
            idle_exit: None,
            metrics_addr: None,
        }
    }

    fn validate(&self) -> Result<(), QueueError> {
        let invalid = |field, reason| Err(QueueError::InvalidConfig { field, reason });
        if self.batch == 0 {
            return invalid("batch", "must be at least 1");
        }
        if self.max_deliver == 0 {
            return invalid("max_deliver", "must be at least 1");
        }
        if self.ack_wait < Duration::from_secs(1) {
            return invalid("ack_wait", "must be at least one second");
        }
        if self.fetch_expires < Duration::from_millis(10) {
            return invalid("fetch_expires", "must be at least 10 ms");
        }
        if self.consumer.is_empty() || self.consumer.contains(['.', ' ', '*', '>']) {
            return invalid(
                "consumer",
                "must be a non-empty name without '.', ' ', '*' or '>'",
            );
        }
        Ok(())
    }
}

impl Default for WorkerConfig {
    fn default() -> WorkerConfig {
        WorkerConfig::new(StreamConfig::default())
    }
}

/// Codes documents into event records. Runs on a blocking thread.
pub trait Coder: Send + Sync + 'static {
    /// One result per input document, in the same order: the document with its records, or
    /// why it could not be coded. A panic is caught; the batch is then retried one document
    /// at a time so only the document that panics fails.
    fn code(&self, docs: Vec<Document>) -> Vec<Result<(Document, Vec<EventRecord>), String>>;
}

/// Stores coded documents. Runs on a blocking thread.
///
/// Must be idempotent by document id: the same document may be written again after a crash,
/// a lost acknowledgement or a re-publish (see the crate docs).
pub trait Sink: Send + 'static {
    /// Writes a batch. `batch_id` is the same whenever the same document versions are written
    /// together. `Err` means nothing was written (the whole batch is retried); per-document
    /// failures go in the report, and the rest count as written.
    fn write(
        &mut self,
        batch_id: &str,
        docs: &[(Document, Vec<EventRecord>)],
    ) -> Result<SinkReport, String>;
}

/// What a [`Sink`] wrote.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SinkReport {
    /// Documents not written: (document id, error).
    pub failures: Vec<(String, String)>,
    /// Event records written.
    pub events: usize,
}

/// What one [`run_worker`] call did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct WorkerStats {
    /// Documents coded, written and acknowledged.
    pub documents: u64,
    /// Event records the sink reported writing.
    pub events: u64,
    /// Failed deliveries of single documents (each retried or dead-lettered).
    pub failures: u64,
    /// Documents moved to the dead-letter subject.
    pub dead_lettered: u64,
    /// Messages received that had been delivered before.
    pub redeliveries: u64,
    /// Batches processed.
    pub batches: u64,
    /// Whole-batch sink failures (each retried).
    pub sink_errors: u64,
}

/// Resolves on SIGTERM or Ctrl-C; pass it to [`run_worker`] as its shutdown.
pub async fn sigterm() {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{SignalKind, signal};
        match signal(SignalKind::terminate()) {
            Ok(mut term) => {
                tokio::select! {
                    _ = term.recv() => {}
                    _ = tokio::signal::ctrl_c() => {}
                }
                tracing::info!("shutdown signal received");
                return;
            }
            Err(e) => tracing::warn!(error = %e, "cannot listen for SIGTERM; Ctrl-C only"),
        }
    }
    match tokio::signal::ctrl_c().await {
        Ok(()) => tracing::info!("shutdown signal received"),
        // Without a signal handler the worker must not think it was told to stop.
        Err(e) => {
            tracing::warn!(error = %e, "cannot listen for Ctrl-C");
            std::future::pending::<()>().await;
        }
    }
}

/// Runs a worker until `shutdown` resolves (or, with `idle_exit`, the queue stays empty),
/// then returns what it did. Counters go to a fresh [`Metrics`], served on `metrics_addr`.
///
/// Errors only when it cannot start (no server, no stream, bad configuration, metrics
/// address) or loses the sink; NATS errors once running are logged and retried.
pub async fn run_worker(
    cfg: WorkerConfig,
    coder: Arc<dyn Coder>,
    sink: Box<dyn Sink>,
    shutdown: impl Future<Output = ()>,
) -> Result<WorkerStats, QueueError> {
    run_worker_with_metrics(cfg, coder, sink, shutdown, Arc::new(Metrics::new())).await
}

/// [`run_worker`] updating the given counters, which the caller may also read or serve.
pub async fn run_worker_with_metrics(
    cfg: WorkerConfig,
    coder: Arc<dyn Coder>,
    sink: Box<dyn Sink>,
    shutdown: impl Future<Output = ()>,
    metrics: Arc<Metrics>,
) -> Result<WorkerStats, QueueError> {
    cfg.validate()?;
    let mut stop = Stop {
        signal: Box::pin(shutdown),
        fired: false,
    };
    let _server = match cfg.metrics_addr {
        Some(addr) => Some(serve_metrics(addr, metrics.clone()).await?),
        None => None,
    };
    let client = stop.drive(connect(&cfg.stream.url, "dyad-worker")).await?;
    let js = jetstream::new(client);
    stop.drive(ensure_streams(&js, &cfg.stream)).await?;
    let consumer = stop.drive(ensure_consumer(&js, &cfg)).await?;
    let mut worker = Worker {
        cfg,
        coder,
        sink: std::sync::Mutex::new(Some(sink)),
        js,
        consumer,
        metrics,
        stats: WorkerStats::default(),
    };
    worker.run(&mut stop).await?;
    Ok(worker.stats)
}

async fn ensure_consumer(
    js: &jetstream::Context,
    cfg: &WorkerConfig,
) -> Result<PullConsumer, QueueError> {
    let error = |source| QueueError::Consumer {
        stream: cfg.stream.stream.clone(),
        consumer: cfg.consumer.clone(),
        source,
    };
    let stream = js
        .get_stream(&cfg.stream.stream)
        .await
        .map_err(|e| error(Box::new(e)))?;
    stream
        .get_or_create_consumer(
            &cfg.consumer,
            pull::Config {
                durable_name: Some(cfg.consumer.clone()),
                description: Some("dyad workers".to_string()),
                ack_policy: AckPolicy::Explicit,
                ack_wait: cfg.ack_wait,
                filter_subject: cfg.stream.subject.clone(),
                // No server-side max_deliver: the worker dead-letters itself, and the server
                // would only stop delivering, leaving the message stuck where no one looks.
                ..Default::default()
            },
        )
        .await
        .map_err(|e| error(Box::new(e)))
}

/// The caller's shutdown future, polled alongside whatever the worker awaits. Once it has
/// fired the worker finishes what it is doing but starts nothing new.
struct Stop<S> {
    signal: Pin<Box<S>>,
    fired: bool,
}

impl<S: Future<Output = ()>> Stop<S> {
    /// Awaits `fut` to completion, noting a shutdown that arrives meanwhile.
    async fn drive<F: Future>(&mut self, fut: F) -> F::Output {
        let mut fut = pin!(fut);
        if !self.fired {
            tokio::select! {
                biased;
                out = &mut fut => return out,
                () = self.signal.as_mut() => {
                    tracing::info!("shutting down after the batch in hand");
                    self.fired = true;
                }
            }
        }
        fut.await
    }

    /// Sleeps, cut short by shutdown.
    async fn sleep(&mut self, delay: Duration) {
        self.drive_cancelling(tokio::time::sleep(delay)).await;
    }

    /// Awaits `fut` unless shutdown comes first, in which case `fut` is dropped.
    async fn drive_cancelling<F: Future>(&mut self, fut: F) -> Option<F::Output> {
        if self.fired {
            return None;
        }
        tokio::select! {
            out = fut => Some(out),
            () = self.signal.as_mut() => {
                tracing::info!("shutting down");
                self.fired = true;
                None
            }
        }
    }
}

/// One message of a batch.
struct Item {
    msg: jetstream::Message,
    /// Sequence in the document stream.
    seq: u64,
    /// Deliveries so far, this one included.
    delivered: u64,
    /// Hash of the payload, as in the message id.
    hash: String,
    /// Id of the decoded document.
    doc_id: Option<String>,
}

enum Counter {
    Documents,
    Events,
    Failures,
    DeadLettered,
    Redeliveries,
    Batches,
    SinkErrors,
}

struct Worker {
    cfg: WorkerConfig,
    coder: Arc<dyn Coder>,
    /// `None` only while a write runs on a blocking thread. In a mutex only to make the
    /// worker `Sync` (sinks need not be); it is reached through `get_mut`, never locked.
    sink: std::sync::Mutex<Option<Box<dyn Sink>>>,
    js: jetstream::Context,
    consumer: PullConsumer,
    metrics: Arc<Metrics>,
    stats: WorkerStats,
}

impl Worker {
    fn count(&mut self, counter: Counter, n: u64) {
        let (stat, metric) = match counter {
            Counter::Documents => (&mut self.stats.documents, &self.metrics.documents),
            Counter::Events => (&mut self.stats.events, &self.metrics.events),
            Counter::Failures => (&mut self.stats.failures, &self.metrics.failures),
            Counter::DeadLettered => (&mut self.stats.dead_lettered, &self.metrics.dead_lettered),
            Counter::Redeliveries => (&mut self.stats.redeliveries, &self.metrics.redeliveries),
            Counter::Batches => (&mut self.stats.batches, &self.metrics.batches),
            Counter::SinkErrors => (&mut self.stats.sink_errors, &self.metrics.sink_errors),
        };
        *stat += n;
        Metrics::add(metric, n);
    }

    async fn run<S: Future<Output = ()>>(&mut self, stop: &mut Stop<S>) -> Result<(), QueueError> {
        let mut backoff = Backoff::new(Duration::from_millis(250), Duration::from_secs(5));
        let mut idle_since: Option<Instant> = None;
        while !stop.fired {
            let started = Instant::now();
            let msgs = match stop.drive(self.fetch()).await {
                Ok(msgs) => {
                    backoff.reset();
                    msgs
                }
                Err(e) => {
                    // During a server restart; the client reconnects by itself.
                    let delay = backoff.next_delay();
                    tracing::warn!(error = %e, ?delay, "fetch failed; retrying");
                    idle_since = None;
                    stop.sleep(delay).await;
                    continue;
                }
            };
            if msgs.is_empty() {
                if self.idle_for(started, &mut idle_since).await {
                    tracing::info!("queue idle; worker exiting");
                    break;
                }
                continue;
            }
            idle_since = None;
            if stop.fired {
                // Nothing of this batch has started: hand it straight back.
                nak_all(msgs.iter(), None).await;
                break;
            }
            self.process(msgs, stop).await?;
            self.refresh_lag().await;
        }
        Ok(())
    }

    async fn fetch(&self) -> Result<Vec<jetstream::Message>, async_nats::Error> {
        let mut batch = self
            .consumer
            .fetch()
            .max_messages(self.cfg.batch)
            .expires(self.cfg.fetch_expires)
            .messages()
            .await?;
        let mut msgs = Vec::with_capacity(self.cfg.batch);
        while let Some(msg) = batch.next().await {
            match msg {
                Ok(msg) => msgs.push(msg),
                Err(e) if msgs.is_empty() => return Err(e),
                // Keep what arrived; the next fetch will see whether the error lasts.
                Err(e) => {
                    tracing::warn!(error = %e, "fetch ended early");
                    break;
                }
            }
        }
        Ok(msgs)
    }

    /// After an empty fetch that began at `started`: whether nothing has been waiting or
    /// in flight (in any worker) for `idle_exit`.
    async fn idle_for(&mut self, started: Instant, idle_since: &mut Option<Instant>) -> bool {
        let info = match self.consumer.get_info().await {
            Ok(info) => info,
            Err(e) => {
                tracing::warn!(error = %e, "cannot read consumer info");
                *idle_since = None;
                return false;
            }
        };
        self.metrics.lag.store(info.num_pending, Ordering::Relaxed);
        let Some(limit) = self.cfg.idle_exit else {
            return false;
        };
        // Messages another worker holds, or NAKed ones waiting out their delay, count as
        // work: they may come back to us.
        if info.num_pending > 0 || info.num_ack_pending > 0 {
            *idle_since = None;
            return false;
        }
        idle_since.get_or_insert(started).elapsed() >= limit
    }

    async fn refresh_lag(&self) {
        match self.consumer.get_info().await {
            Ok(info) => self.metrics.lag.store(info.num_pending, Ordering::Relaxed),
            Err(e) => tracing::debug!(error = %e, "cannot read consumer info"),
        }
    }

    async fn process<S: Future<Output = ()>>(
        &mut self,
        msgs: Vec<jetstream::Message>,
        stop: &mut Stop<S>,
    ) -> Result<(), QueueError> {
        let started = Instant::now();
        let max_deliver = u64::from(self.cfg.max_deliver);
        let mut items = Vec::with_capacity(msgs.len());
        let mut failed: Vec<(usize, String)> = Vec::new();
        let mut to_code: Vec<(usize, Document)> = Vec::new();
        for (i, msg) in msgs.into_iter().enumerate() {
            let (seq, delivered) = match msg.info() {
                Ok(info) => (info.stream_sequence, info.delivered.max(1) as u64),
                Err(e) => {
                    tracing::warn!(error = %e, "message without JetStream info");
                    (0, 1)
                }
            };
            if delivered > 1 {
                self.count(Counter::Redeliveries, 1);
            }
            let mut doc_id = None;
            if delivered > max_deliver {
                failed.push((
                    i,
                    format!(
                        "delivered {delivered} times (max_deliver {max_deliver}) and earlier \
                         deliveries ended without an outcome (worker crash, timeout or server \
                         restart); not coded again"
                    ),
                ));
            } else {
                match serde_json::from_slice::<Document>(&msg.payload) {
                    Ok(doc) => {
                        doc_id = Some(doc.id.clone());
                        to_code.push((i, doc));
                    }
                    Err(e) => failed.push((i, format!("undecodable document: {e}"))),
                }
            }
            let hash = content_hash(&msg.payload);
            items.push(Item {
                msg,
                seq,
                delivered,
                hash,
                doc_id,
            });
        }

        // Code.
        let (code_idx, docs): (Vec<usize>, Vec<Document>) = to_code.into_iter().unzip();
        let payloads: Vec<Bytes> = code_idx
            .iter()
            .map(|&i| items[i].msg.payload.clone())
            .collect();
        let coder = self.coder.clone();
        let n_docs = docs.len();
        let coded = if docs.is_empty() {
            Vec::new()
        } else {
            let task = tokio::task::spawn_blocking(move || code_guarded(&*coder, docs, &payloads));
            let joined = stop
                .drive(with_progress(&items, self.cfg.ack_wait, task))
                .await;
            joined.unwrap_or_else(|e| {
                (0..n_docs)
                    .map(|_| Err(format!("coder task failed: {e}")))
                    .collect()
            })
        };
        let mut written_idx = Vec::new();
        let mut to_write = Vec::new();
        for (i, result) in code_idx.into_iter().zip(coded) {
            match result {
                Ok(pair) => {
                    written_idx.push(i);
                    to_write.push(pair);
                }
                Err(e) => failed.push((i, e)),
            }
        }

        // Write, then acknowledge what was written.
        let mut events = 0;
        let mut acked = 0;
        if !to_write.is_empty() {
            let mut pairs: Vec<(&str, &str)> = written_idx
                .iter()
                .zip(&to_write)
                .map(|(&i, (doc, _))| (doc.id.as_str(), items[i].hash.as_str()))
                .collect();
            let batch_id = batch_id(&mut pairs);
            let Some(report) = self.write(&batch_id, to_write, &items, stop).await? else {
                // Shutdown while the store was failing: nothing written, hand it all back.
                nak_all(items.iter().map(|it| &it.msg), None).await;
                return Ok(());
            };
            events = report.events as u64;
            self.count(Counter::Events, events);
            let sink_failed: HashMap<&str, &str> = report
                .failures
                .iter()
                .map(|(id, e)| (id.as_str(), e.as_str()))
                .collect();
            let mut to_ack = Vec::new();
            for i in written_idx {
                match items[i]
                    .doc_id
                    .as_deref()
                    .and_then(|id| sink_failed.get(id))
                {
                    Some(e) => failed.push((i, format!("sink: {e}"))),
                    None => to_ack.push(i),
                }
            }
            let results = join_all(to_ack.iter().map(|&i| ack_confirmed(&items[i].msg))).await;
            for (&i, result) in to_ack.iter().zip(results) {
                match result {
                    Ok(()) => acked += 1,
                    // Written but not acknowledged: it comes back, and the sink absorbs it.
                    Err(e) => tracing::warn!(seq = items[i].seq, error = %e, "ack failed"),
                }
            }
            self.count(Counter::Documents, acked);
        }

        // Retry or dead-letter the failures.
        self.count(Counter::Failures, failed.len() as u64);
        for (i, error) in &failed {
            let item = &items[*i];
            if item.delivered < max_deliver {
                tracing::debug!(seq = item.seq, delivered = item.delivered, %error, "document failed; will retry");
                if let Err(e) = item.msg.ack_with(AckKind::Nak(Some(NAK_DELAY))).await {
                    tracing::warn!(seq = item.seq, error = %e, "NAK failed; redelivery after ack_wait");
                }
                continue;
            }
            match self.dead_letter(item, error).await {
                Ok(()) => {
                    tracing::warn!(seq = item.seq, delivered = item.delivered, %error, "document dead-lettered");
                    self.count(Counter::DeadLettered, 1);
                }
                Err(e) => {
                    // Not lost: it comes back and is dead-lettered then.
                    tracing::warn!(seq = item.seq, error = %e, "dead-lettering failed; will retry");
                    let _ = item.msg.ack_with(AckKind::Nak(Some(NAK_DELAY))).await;
                }
            }
        }
        self.count(Counter::Batches, 1);
        tracing::info!(
            docs = items.len(),
            written = acked,
            events,
            failures = failed.len(),
            ms = started.elapsed().as_millis() as u64,
            "batch"
        );
        Ok(())
    }

    /// Writes on a blocking thread, retrying a whole-batch failure with backoff until it
    /// succeeds; `None` when shutdown came while the sink was failing.
    async fn write<S: Future<Output = ()>>(
        &mut self,
        batch_id: &str,
        docs: Vec<(Document, Vec<EventRecord>)>,
        items: &[Item],
        stop: &mut Stop<S>,
    ) -> Result<Option<SinkReport>, QueueError> {
        let mut backoff = Backoff::new(Duration::from_millis(500), Duration::from_secs(30));
        let mut docs = docs;
        loop {
            let slot = self.sink.get_mut().unwrap_or_else(|e| e.into_inner());
            let mut sink = slot.take().expect("sink is back between writes");
            let id = batch_id.to_string();
            let task = tokio::task::spawn_blocking(move || {
                let result = catch_unwind(AssertUnwindSafe(|| sink.write(&id, &docs)))
                    .unwrap_or_else(|p| Err(format!("sink panicked: {}", panic_text(&*p))));
                (sink, docs, result)
            });
            let (sink, back, result) = stop
                .drive(with_progress(items, self.cfg.ack_wait, task))
                .await
                .map_err(|e| QueueError::SinkLost {
                    reason: e.to_string(),
                })?;
            *self.sink.get_mut().unwrap_or_else(|e| e.into_inner()) = Some(sink);
            docs = back;
            let error = match result {
                Ok(report) => return Ok(Some(report)),
                Err(e) => e,
            };
            self.count(Counter::SinkErrors, 1);
            if stop.fired {
                tracing::warn!(error = %error, "sink failed during shutdown; batch handed back");
                return Ok(None);
            }
            let delay = backoff.next_delay();
            tracing::warn!(error = %error, ?delay, docs = docs.len(), "sink failed; retrying the batch");
            // Keep the batch: NAKing would add a delivery to every document each time the
            // store is down, and push healthy ones towards the dead letters.
            stop.drive_cancelling(with_progress(
                items,
                self.cfg.ack_wait,
                tokio::time::sleep(delay),
            ))
            .await;
            if stop.fired {
                return Ok(None);
            }
        }
    }

    async fn dead_letter(&self, item: &Item, error: &str) -> Result<(), async_nats::Error> {
        let mut headers = HeaderMap::new();
        headers.insert("Dyad-Error", header_line(error, MAX_ERROR_HEADER));
        headers.insert("Dyad-Stream-Seq", item.seq.to_string());
        headers.insert("Dyad-Deliveries", item.delivered.to_string());
        // A crash between this publish and the TERM below redelivers the message; the id
        // lets the dead-letter stream drop the second copy.
        headers.insert(
            "Nats-Msg-Id",
            format!("dead:{}:{}", self.cfg.stream.stream, item.seq),
        );
        self.js
            .publish_with_headers(
                self.cfg.stream.dead_letter_subject.clone(),
                headers,
                item.msg.payload.clone(),
            )
            .await?
            .await?;
        item.msg.double_ack_with(AckKind::Term).await
    }
}

/// Awaits `fut`, telling the server every half `ack_wait` that the batch's messages are still
/// being worked on, so a slow batch is not handed to another worker.
async fn with_progress<F: Future>(items: &[Item], ack_wait: Duration, fut: F) -> F::Output {
    let period = (ack_wait / 2).max(Duration::from_millis(100));
    let mut fut = pin!(fut);
    let mut tick = tokio::time::interval_at(tokio::time::Instant::now() + period, period);
    loop {
        tokio::select! {
            out = &mut fut => return out,
            _ = tick.tick() => {
                for item in items {
                    if let Err(e) = item.msg.ack_with(AckKind::Progress).await {
                        tracing::debug!(seq = item.seq, error = %e, "progress not sent");
                    }
                }
            }
        }
    }
}

async fn nak_all<'a>(msgs: impl Iterator<Item = &'a jetstream::Message>, delay: Option<Duration>) {
    for msg in msgs {
        if let Err(e) = msg.ack_with(AckKind::Nak(delay)).await {
            tracing::warn!(error = %e, "NAK failed; redelivery after ack_wait");
        }
    }
}

/// Acknowledges and waits for the server to confirm, retrying a few times: a reply lost in
/// a reconnect should not cost a redelivery if the server is back a moment later.
async fn ack_confirmed(msg: &jetstream::Message) -> Result<(), async_nats::Error> {
    let mut backoff = Backoff::new(Duration::from_millis(200), Duration::from_secs(2));
    let mut attempt = 1;
    loop {
        match msg.double_ack().await {
            Ok(()) => return Ok(()),
            Err(e) if attempt >= 3 => return Err(e),
            Err(e) => {
                tracing::debug!(error = %e, attempt, "ack not confirmed; retrying");
                tokio::time::sleep(backoff.next_delay()).await;
                attempt += 1;
            }
        }
    }
}

/// Deterministic id of a write: the hash of its sorted (document id, content hash) pairs.
fn batch_id(pairs: &mut [(&str, &str)]) -> String {
    pairs.sort_unstable();
    let mut h = Sha256::new();
    for (id, hash) in pairs.iter() {
        h.update(id.as_bytes());
        h.update([0]);
        h.update(hash.as_bytes());
        h.update([0]);
    }
    hex(&h.finalize()[..16])
}

type Coded = Result<(Document, Vec<EventRecord>), String>;

/// Runs the coder over a batch; if it panics, or answers with the wrong number of results,
/// runs it again one document at a time so only the poison document fails.
fn code_guarded(coder: &dyn Coder, docs: Vec<Document>, payloads: &[Bytes]) -> Vec<Coded> {
    let n = docs.len();
    let blame = |r: Coded| r.map_err(|e| format!("coder: {e}"));
    match catch_unwind(AssertUnwindSafe(|| coder.code(docs))) {
        Ok(out) if out.len() == n => return out.into_iter().map(blame).collect(),
        Ok(out) => tracing::warn!(
            expected = n,
            got = out.len(),
            "coder returned the wrong number of results; coding one by one"
        ),
        Err(p) => tracing::warn!(
            panic = panic_text(&*p),
            "coder panicked; coding the batch one by one"
        ),
    }
    // The documents were moved into the call that panicked; decode them again.
    payloads
        .iter()
        .map(|payload| {
            let doc: Document = serde_json::from_slice(payload)
                .map_err(|e| format!("undecodable document: {e}"))?;
            match catch_unwind(AssertUnwindSafe(|| coder.code(vec![doc]))) {
                Ok(mut out) if out.len() == 1 => blame(out.pop().expect("one result")),
                Ok(out) => Err(format!(
                    "coder returned {} results for one document",
                    out.len()
                )),
                Err(p) => Err(format!("coder panicked: {}", panic_text(&*p))),
            }
        })
        .collect()
}

fn panic_text(payload: &(dyn Any + Send)) -> String {
    if let Some(s) = payload.downcast_ref::<&str>() {
        (*s).to_string()
    } else if let Some(s) = payload.downcast_ref::<String>() {
        s.clone()
    } else {
        "non-text panic payload".to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    struct Picky;
    impl Coder for Picky {
        fn code(&self, docs: Vec<Document>) -> Vec<Coded> {
            docs.into_iter()
                .map(|d| {
                    if d.text.contains("panic") {
                        panic!("poison {}", d.id);
                    }
                    if d.text.contains("err") {
                        Err(format!("cannot code {}", d.id))
                    } else {
                        Ok((d, Vec::new()))
                    }
                })
                .collect()
        }
    }

    fn payloads(docs: &[Document]) -> Vec<Bytes> {
        docs.iter()
            .map(|d| Bytes::from(serde_json::to_vec(d).unwrap()))
            .collect()
    }

    #[test]
    fn a_panic_fails_only_its_document() {
        let docs = vec![
            Document::new("a", date(2024, 5, 1), "fine"),
            Document::new("b", date(2024, 5, 1), "panic here"),
            Document::new("c", date(2024, 5, 1), "an err"),
            Document::new("d", date(2024, 5, 1), "fine"),
        ];
        let p = payloads(&docs);
        let out = code_guarded(&Picky, docs, &p);
        assert_eq!(out.len(), 4);
        assert_eq!(out[0].as_ref().unwrap().0.id, "a");
        assert_eq!(out[1].as_ref().unwrap_err(), "coder panicked: poison b");
        assert_eq!(out[2].as_ref().unwrap_err(), "coder: cannot code c");
        assert_eq!(out[3].as_ref().unwrap().0.id, "d");
    }

    #[test]
    fn batch_id_ignores_order() {
        let mut one = [("b", "2"), ("a", "1")];
        let mut two = [("a", "1"), ("b", "2")];
        assert_eq!(batch_id(&mut one), batch_id(&mut two));
        assert_ne!(batch_id(&mut [("a", "1")]), batch_id(&mut two));
    }

    #[test]
    fn config_is_validated() {
        let mut cfg = WorkerConfig::default();
        assert!(cfg.validate().is_ok());
        cfg.batch = 0;
        assert!(matches!(
            cfg.validate(),
            Err(QueueError::InvalidConfig { field: "batch", .. })
        ));
    }
}
