//! Reading the dead-letter stream back, for people deciding what to fix or replay.
use crate::nats::{connect, ensure_streams};
use crate::{QueueError, StreamConfig};
use async_nats::jetstream::{self, stream::RawMessageErrorKind};
use bytes::Bytes;
use dyad_core::Document;

/// A document a worker gave up on, as kept in the `<stream>-dead` stream.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DeadLetter {
    /// Its sequence number in the dead-letter stream.
    pub sequence: u64,
    /// Its sequence number in the document stream (`Dyad-Stream-Seq`).
    pub stream_sequence: Option<u64>,
    /// How many times it had been delivered (`Dyad-Deliveries`).
    pub deliveries: Option<u64>,
    /// Why the last attempt failed (`Dyad-Error`).
    pub error: String,
    /// The original message body: a document's JSON, unless it was undecodable.
    pub payload: Bytes,
}

impl DeadLetter {
    /// The document, when the payload is one.
    pub fn document(&self) -> Result<Document, serde_json::Error> {
        serde_json::from_slice(&self.payload)
    }
}

/// Every dead letter still in the dead-letter stream, oldest first.
pub async fn read_dead_letters(cfg: &StreamConfig) -> Result<Vec<DeadLetter>, QueueError> {
    let client = connect(&cfg.url, "dyad-dead-letters").await?;
    let js = jetstream::new(client);
    ensure_streams(&js, cfg).await?;
    let name = cfg.dead_letter_stream();
    let stream_error = |e: async_nats::Error| QueueError::Stream {
        stream: name.clone(),
        source: e,
    };
    let mut stream = js
        .get_stream(&name)
        .await
        .map_err(|e| stream_error(Box::new(e)))?;
    let state = stream
        .info()
        .await
        .map_err(|e| stream_error(Box::new(e)))?
        .state
        .clone();
    let mut out = Vec::with_capacity(state.messages as usize);
    if state.messages == 0 {
        return Ok(out);
    }
    for sequence in state.first_sequence..=state.last_sequence {
        let msg = match stream.get_raw_message(sequence).await {
            Ok(msg) => msg,
            // Someone deleted it by hand after inspecting it.
            Err(e) if e.kind() == RawMessageErrorKind::NoMessageFound => continue,
            Err(e) => {
                return Err(QueueError::ReadDeadLetter {
                    stream: name.clone(),
                    sequence,
                    source: Box::new(e),
                });
            }
        };
        let header = |key: &str| msg.headers.get(key).map(|v| v.as_str().to_string());
        out.push(DeadLetter {
            sequence,
            stream_sequence: header("Dyad-Stream-Seq").and_then(|v| v.parse().ok()),
            deliveries: header("Dyad-Deliveries").and_then(|v| v.parse().ok()),
            error: header("Dyad-Error").unwrap_or_default(),
            payload: msg.payload,
        });
    }
    Ok(out)
}
