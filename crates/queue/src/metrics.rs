//! Worker counters and the loopback `/metrics` endpoint that exposes them to Prometheus.
use crate::QueueError;
use axum::{Router, extract::State, http::header, response::IntoResponse, routing::get};
use std::fmt::Write;
use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

/// A worker's counters, updated as it goes and readable from any thread.
///
/// Several workers in one process may share one `Metrics`; the [`crate::WorkerStats`] each
/// returns are its own.
#[derive(Debug, Default)]
pub struct Metrics {
    /// Documents coded, written and acknowledged.
    pub documents: AtomicU64,
    /// Event records the sink reported writing.
    pub events: AtomicU64,
    /// Failed deliveries of single documents (undecodable, coder error or panic, sink
    /// per-document failure); each is retried or dead-lettered.
    pub failures: AtomicU64,
    /// Documents moved to the dead-letter subject.
    pub dead_lettered: AtomicU64,
    /// Messages received that had been delivered before.
    pub redeliveries: AtomicU64,
    /// Batches fetched and processed.
    pub batches: AtomicU64,
    /// Whole-batch sink failures (each is retried).
    pub sink_errors: AtomicU64,
    /// Messages in the stream not yet delivered to the consumer, as of the last batch.
    pub lag: AtomicU64,
}

/// (name, help, type) of each metric, in render order.
const HELP: [(&str, &str, &str); 8] = [
    (
        "dyad_queue_documents_total",
        "Documents coded, written and acknowledged.",
        "counter",
    ),
    (
        "dyad_queue_events_total",
        "Event records written by the sink.",
        "counter",
    ),
    (
        "dyad_queue_failures_total",
        "Failed deliveries of single documents (retried or dead-lettered).",
        "counter",
    ),
    (
        "dyad_queue_dead_lettered_total",
        "Documents moved to the dead-letter subject.",
        "counter",
    ),
    (
        "dyad_queue_redeliveries_total",
        "Messages received that had been delivered before.",
        "counter",
    ),
    (
        "dyad_queue_batches_total",
        "Batches fetched and processed.",
        "counter",
    ),
    (
        "dyad_queue_sink_errors_total",
        "Whole-batch sink failures, each retried.",
        "counter",
    ),
    (
        "dyad_queue_lag",
        "Messages waiting for the consumer, as of the last batch.",
        "gauge",
    ),
];

impl Metrics {
    /// All counters at zero.
    pub fn new() -> Metrics {
        Metrics::default()
    }

    pub(crate) fn add(counter: &AtomicU64, n: u64) {
        counter.fetch_add(n, Ordering::Relaxed);
    }

    /// The counters in the Prometheus text exposition format, with `# HELP` and `# TYPE`.
    pub fn render(&self) -> String {
        let values = [
            &self.documents,
            &self.events,
            &self.failures,
            &self.dead_lettered,
            &self.redeliveries,
            &self.batches,
            &self.sink_errors,
            &self.lag,
        ];
        let mut out = String::with_capacity(1024);
        for ((name, help, kind), value) in HELP.iter().zip(values) {
            let _ = writeln!(out, "# HELP {name} {help}");
            let _ = writeln!(out, "# TYPE {name} {kind}");
            let _ = writeln!(out, "{name} {}", value.load(Ordering::Relaxed));
        }
        out
    }
}

/// A running `/metrics` endpoint; dropping it stops the server.
#[derive(Debug)]
pub struct MetricsServer {
    addr: SocketAddr,
    task: tokio::task::JoinHandle<()>,
}

impl MetricsServer {
    /// The address it listens on (useful when asked for port 0).
    pub fn local_addr(&self) -> SocketAddr {
        self.addr
    }
}

impl Drop for MetricsServer {
    fn drop(&mut self) {
        self.task.abort();
    }
}

/// Serves `GET /metrics` on `addr`, which must be a loopback address: the endpoint has no
/// authentication.
pub async fn serve_metrics(
    addr: SocketAddr,
    metrics: Arc<Metrics>,
) -> Result<MetricsServer, QueueError> {
    if !addr.ip().is_loopback() {
        return Err(QueueError::MetricsNotLoopback { addr });
    }
    let listener = tokio::net::TcpListener::bind(addr)
        .await
        .map_err(|source| QueueError::MetricsBind { addr, source })?;
    let local = listener
        .local_addr()
        .map_err(|source| QueueError::MetricsBind { addr, source })?;
    let app = Router::new()
        .route("/metrics", get(render))
        .with_state(metrics);
    let task = tokio::spawn(async move {
        if let Err(e) = axum::serve(listener, app).await {
            tracing::warn!(error = %e, "metrics endpoint stopped");
        }
    });
    Ok(MetricsServer { addr: local, task })
}

async fn render(State(metrics): State<Arc<Metrics>>) -> impl IntoResponse {
    (
        [(
            header::CONTENT_TYPE,
            "text/plain; version=0.0.4; charset=utf-8",
        )],
        metrics.render(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn render_has_help_type_and_value_for_each_metric() {
        let m = Metrics::new();
        Metrics::add(&m.documents, 3);
        m.lag.store(7, Ordering::Relaxed);
        let text = m.render();
        assert!(text.contains(
            "# HELP dyad_queue_documents_total Documents coded, written and acknowledged.\n\
             # TYPE dyad_queue_documents_total counter\n\
             dyad_queue_documents_total 3\n"
        ));
        assert!(text.contains("# TYPE dyad_queue_lag gauge\ndyad_queue_lag 7\n"));
        assert_eq!(text.lines().count(), 3 * HELP.len());
    }

    #[tokio::test]
    async fn refuses_a_non_loopback_address() {
        let err = serve_metrics("0.0.0.0:0".parse().unwrap(), Arc::new(Metrics::new()))
            .await
            .unwrap_err();
        assert!(matches!(err, QueueError::MetricsNotLoopback { .. }));
    }
}
