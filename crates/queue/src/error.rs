use std::net::SocketAddr;

/// Why publishing, running a worker or reading dead letters stopped.
///
/// Failures of single documents are not errors here: a worker retries or dead-letters them and
/// carries on. These are the failures that end the call.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum QueueError {
    /// The NATS server could not be reached.
    #[error("cannot connect to NATS at {url}")]
    Connect {
        /// Address tried.
        url: String,
        /// What the client reported.
        #[source]
        source: async_nats::ConnectError,
    },
    /// A stream could not be found or created.
    #[error("cannot set up JetStream stream {stream}")]
    Stream {
        /// Stream name.
        stream: String,
        /// What the server or client reported.
        #[source]
        source: async_nats::Error,
    },
    /// The durable consumer could not be found or created.
    #[error("cannot set up consumer {consumer} on stream {stream}")]
    Consumer {
        /// Stream name.
        stream: String,
        /// Consumer name.
        consumer: String,
        /// What the server or client reported.
        #[source]
        source: async_nats::Error,
    },
    /// A document could not be serialised to JSON.
    #[error("cannot encode document {id} as JSON")]
    Encode {
        /// Document id.
        id: String,
        /// The serialiser's error.
        #[source]
        source: serde_json::Error,
    },
    /// The server did not acknowledge a published document, even after retries.
    #[error("publishing document {id} failed after {attempts} attempts")]
    Publish {
        /// Document id.
        id: String,
        /// How many times it was sent.
        attempts: u32,
        /// The last error.
        #[source]
        source: async_nats::jetstream::context::PublishError,
    },
    /// A dead letter could not be read back.
    #[error("cannot read dead letter {sequence} from stream {stream}")]
    ReadDeadLetter {
        /// Dead-letter stream name.
        stream: String,
        /// Sequence number in that stream.
        sequence: u64,
        /// What the server or client reported.
        #[source]
        source: async_nats::Error,
    },
    /// The metrics address is not a loopback address; the endpoint has no authentication, so
    /// it is only served to the local machine (a scraper there, or a tunnel).
    #[error("metrics address {addr} is not a loopback address")]
    MetricsNotLoopback {
        /// The address refused.
        addr: SocketAddr,
    },
    /// The metrics endpoint could not listen.
    #[error("cannot listen for metrics on {addr}")]
    MetricsBind {
        /// The address tried.
        addr: SocketAddr,
        /// The socket error.
        #[source]
        source: std::io::Error,
    },
    /// A configuration value is out of range.
    #[error("invalid worker configuration: {field} {reason}")]
    InvalidConfig {
        /// The field.
        field: &'static str,
        /// What is wrong with it.
        reason: &'static str,
    },
    /// The blocking task that held the sink ended without returning it (the runtime is
    /// shutting down). Unacknowledged messages will be redelivered.
    #[error("the sink's blocking task failed: {reason}")]
    SinkLost {
        /// The join error.
        reason: String,
    },
}
