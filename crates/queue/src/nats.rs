//! Connection and stream set-up shared by the publisher, the worker and the dead-letter reader.
use crate::{DUPLICATE_WINDOW, QueueError, StreamConfig};
use async_nats::jetstream::{self, stream};
use std::time::Duration;

/// Connects, logging connection events: the client reconnects by itself, and an operator
/// watching a worker during a server restart should see why it paused.
pub(crate) async fn connect(url: &str, name: &str) -> Result<async_nats::Client, QueueError> {
    async_nats::ConnectOptions::new()
        .name(name)
        .event_callback(|event| async move {
            match event {
                async_nats::Event::Connected => tracing::info!("NATS connected"),
                async_nats::Event::Disconnected => tracing::warn!("NATS disconnected"),
                other => tracing::warn!(event = %other, "NATS event"),
            }
        })
        .connect(url)
        .await
        .map_err(|source| QueueError::Connect {
            url: url.to_string(),
            source,
        })
}

/// Makes sure the document stream and the dead-letter stream exist. An existing stream is
/// used as it is, so an operator may have tuned its limits.
pub(crate) async fn ensure_streams(
    js: &jetstream::Context,
    cfg: &StreamConfig,
) -> Result<(), QueueError> {
    let docs = stream::Config {
        name: cfg.stream.clone(),
        description: Some("dyad documents waiting to be coded".to_string()),
        subjects: vec![cfg.subject.clone()],
        retention: stream::RetentionPolicy::WorkQueue,
        storage: stream::StorageType::File,
        duplicate_window: DUPLICATE_WINDOW,
        ..Default::default()
    };
    let dead = stream::Config {
        name: cfg.dead_letter_stream(),
        description: Some("dyad documents that failed to code or store".to_string()),
        subjects: vec![cfg.dead_letter_subject.clone()],
        // Dead letters are for people to inspect and replay, so nothing removes them but a
        // person.
        retention: stream::RetentionPolicy::Limits,
        storage: stream::StorageType::File,
        ..Default::default()
    };
    for config in [docs, dead] {
        let name = config.name.clone();
        js.get_or_create_stream(config)
            .await
            .map_err(|e| QueueError::Stream {
                stream: name,
                source: Box::new(e),
            })?;
    }
    Ok(())
}

/// Exponential backoff for retrying against a server that is away or a store that is down.
pub(crate) struct Backoff {
    next: Duration,
    first: Duration,
    max: Duration,
}

impl Backoff {
    pub(crate) fn new(first: Duration, max: Duration) -> Backoff {
        Backoff {
            next: first,
            first,
            max,
        }
    }

    /// The delay to wait now; each call doubles the next one up to the maximum.
    pub(crate) fn next_delay(&mut self) -> Duration {
        let now = self.next;
        self.next = (self.next * 2).min(self.max);
        now
    }

    pub(crate) fn reset(&mut self) {
        self.next = self.first;
    }
}

/// A header value on one line: NATS headers cannot carry CR or LF (the client panics on
/// them), and error texts often contain them. Long texts are cut to keep headers small.
pub(crate) fn header_line(text: &str, max: usize) -> String {
    let mut out: String = text
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    if out.len() > max {
        let mut end = max;
        while !out.is_char_boundary(end) {
            end -= 1;
        }
        out.truncate(end);
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_line_strips_newlines_and_cuts_on_char_boundary() {
        assert_eq!(header_line("a\r\nb\tc", 100), "a  b c");
        assert_eq!(header_line("ééé", 3), "é…");
    }

    #[test]
    fn backoff_doubles_to_cap_and_resets() {
        let mut b = Backoff::new(Duration::from_millis(100), Duration::from_millis(300));
        assert_eq!(b.next_delay(), Duration::from_millis(100));
        assert_eq!(b.next_delay(), Duration::from_millis(200));
        assert_eq!(b.next_delay(), Duration::from_millis(300));
        b.reset();
        assert_eq!(b.next_delay(), Duration::from_millis(100));
    }
}
