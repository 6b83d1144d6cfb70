//! Publishing documents onto the work queue.
use crate::nats::{Backoff, connect, ensure_streams, header_line};
use crate::{QueueError, StreamConfig};
use async_nats::HeaderMap;
use async_nats::jetstream::{
    self,
    context::{PublishAckFuture, PublishError},
};
use bytes::Bytes;
use dyad_core::Document;
use sha2::{Digest, Sha256};
use std::collections::VecDeque;
use std::time::Duration;

/// What a [`publish`] call did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct PublishStats {
    /// Documents the stream stored as new messages.
    pub published: u64,
    /// Documents the server dropped because a message with the same id (same document, same
    /// content) arrived within the duplicate window.
    pub duplicates: u64,
}

/// Sends per document before [`publish`] gives up. A retry is safe: if the first send did
/// arrive, the server reports the retry as a duplicate.
const PUBLISH_ATTEMPTS: u32 = 5;

/// The `Nats-Msg-Id` of a document: its id and a hash of its JSON, so the same document
/// re-published is dropped by the server while an edited one is queued again.
///
/// Control characters in the id are replaced (headers cannot carry line breaks); the hash
/// covers the exact JSON, id included, so that cannot make two documents collide.
pub fn message_id(doc_id: &str, payload: &[u8]) -> String {
    format!("{}:{}", header_line(doc_id, 512), content_hash(payload))
}

/// Hex SHA-256 of a document's JSON, cut to 128 bits: plenty to tell versions of one
/// document apart, and it keeps the header short.
pub(crate) fn content_hash(payload: &[u8]) -> String {
    hex(&Sha256::digest(payload)[..16])
}

pub(crate) fn hex(bytes: &[u8]) -> String {
    use std::fmt::Write;
    let mut s = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        let _ = write!(s, "{b:02x}");
    }
    s
}

/// One document ready to send, kept until the server acknowledges it so it can be re-sent.
struct Outgoing {
    doc_id: String,
    msg_id: String,
    payload: Bytes,
}

/// Publishes documents as JSON on the document subject, creating the streams if missing.
///
/// At most `batch` publishes are awaiting the server's acknowledgement at once (0 counts as
/// 1); a publish whose acknowledgement fails or times out is re-sent a few times with
/// backoff, which also rides out a short server restart. Returns once every document is
/// acknowledged, or with the first document that could not be.
pub async fn publish<I: IntoIterator<Item = Document>>(
    cfg: &StreamConfig,
    docs: I,
    batch: usize,
) -> Result<PublishStats, QueueError> {
    let client = connect(&cfg.url, "dyad-publish").await?;
    let js = jetstream::new(client);
    ensure_streams(&js, cfg).await?;

    let window = batch.max(1);
    let mut stats = PublishStats::default();
    let mut in_flight: VecDeque<(Outgoing, Result<PublishAckFuture, PublishError>)> =
        VecDeque::with_capacity(window);
    for doc in docs {
        let payload = serde_json::to_vec(&doc).map_err(|source| QueueError::Encode {
            id: doc.id.clone(),
            source,
        })?;
        let out = Outgoing {
            msg_id: message_id(&doc.id, &payload),
            doc_id: doc.id,
            payload: Bytes::from(payload),
        };
        let sent = send(&js, cfg, &out).await;
        in_flight.push_back((out, sent));
        if in_flight.len() >= window {
            let (out, sent) = in_flight.pop_front().expect("window is not empty");
            settle(&js, cfg, out, sent, &mut stats).await?;
        }
    }
    while let Some((out, sent)) = in_flight.pop_front() {
        settle(&js, cfg, out, sent, &mut stats).await?;
    }
    Ok(stats)
}

async fn send(
    js: &jetstream::Context,
    cfg: &StreamConfig,
    out: &Outgoing,
) -> Result<PublishAckFuture, PublishError> {
    let mut headers = HeaderMap::new();
    headers.insert("Nats-Msg-Id", out.msg_id.as_str());
    js.publish_with_headers(cfg.subject.clone(), headers, out.payload.clone())
        .await
}

/// Waits for one document's acknowledgement, re-sending it on failure.
async fn settle(
    js: &jetstream::Context,
    cfg: &StreamConfig,
    out: Outgoing,
    sent: Result<PublishAckFuture, PublishError>,
    stats: &mut PublishStats,
) -> Result<(), QueueError> {
    let mut backoff = Backoff::new(Duration::from_millis(250), Duration::from_secs(4));
    let mut result = match sent {
        Ok(ack) => ack.await,
        Err(e) => Err(e),
    };
    let mut attempts = 1;
    loop {
        match result {
            Ok(ack) => {
                if ack.duplicate {
                    stats.duplicates += 1;
                } else {
                    stats.published += 1;
                }
                return Ok(());
            }
            Err(source) if attempts >= PUBLISH_ATTEMPTS => {
                return Err(QueueError::Publish {
                    id: out.doc_id,
                    attempts,
                    source,
                });
            }
            Err(e) => {
                tracing::warn!(id = %out.doc_id, error = %e, attempts, "publish not acknowledged; retrying");
                tokio::time::sleep(backoff.next_delay()).await;
                attempts += 1;
                result = match send(js, cfg, &out).await {
                    Ok(ack) => ack.await,
                    Err(e) => Err(e),
                };
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn message_id_is_id_and_content_hash() {
        let id = message_id("doc-1", b"{\"id\":\"doc-1\"}");
        let (doc, hash) = id.split_once(':').unwrap();
        assert_eq!(doc, "doc-1");
        assert_eq!(hash.len(), 32);
        assert_eq!(id, message_id("doc-1", b"{\"id\":\"doc-1\"}"));
        assert_ne!(id, message_id("doc-1", b"{\"id\":\"doc-1\",\"x\":1}"));
    }

    #[test]
    fn message_id_survives_line_breaks_in_the_id() {
        let id = message_id("a\nb", b"{}");
        assert!(id.starts_with("a b:"));
    }
}
