//! Stable hashes and identity keys. Everything here is a pure function of its input, so two
//! stores built from the same documents in any order agree on every key.
use dyad_core::{Document, EventLocation, Participant, Precision, Status};
use sha2::{Digest, Sha256};

fn hex(bytes: &[u8]) -> String {
    use std::fmt::Write;
    let mut s = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        let _ = write!(s, "{b:02x}");
    }
    s
}

/// Feeds length-prefixed fields, so `("ab", "c")` and `("a", "bc")` hash differently.
fn feed(h: &mut Sha256, field: Option<&str>) {
    match field {
        None => h.update([0u8]),
        Some(s) => {
            h.update([1u8]);
            h.update((s.len() as u64).to_le_bytes());
            h.update(s.as_bytes());
        }
    }
}

/// Hash of everything that decides a document's events: its identity, date, text and
/// metadata, and the coder version (so re-coding after a dictionary change replaces).
pub(crate) fn content_hash(doc: &Document, coder_version: &str) -> String {
    let mut h = Sha256::new();
    feed(&mut h, Some("dyad-doc-v1"));
    feed(&mut h, Some(coder_version));
    feed(&mut h, Some(&doc.id));
    feed(&mut h, Some(&doc.date.to_string()));
    feed(&mut h, doc.meta.title.as_deref());
    feed(&mut h, doc.meta.source.as_deref());
    feed(&mut h, doc.meta.url.as_deref());
    feed(&mut h, doc.meta.language.as_deref());
    feed(&mut h, Some(&doc.text));
    hex(&h.finalize())
}

/// A short hex key of several fields.
pub(crate) fn short(fields: &[&str]) -> String {
    let mut h = Sha256::new();
    for f in fields {
        feed(&mut h, Some(f));
    }
    hex(&h.finalize()[..16])
}

fn norm(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

fn nonempty(s: &Option<String>) -> Option<&str> {
    s.as_deref().map(str::trim).filter(|s| !s.is_empty())
}

/// Who a participant is, for clustering: the canonical name when the coder resolved one,
/// else its actor code, else country and sector, else the words as written.
pub(crate) fn identity(p: &Participant) -> String {
    if let Some(n) = nonempty(&p.name) {
        return format!("n:{}", norm(n));
    }
    if let Some(c) = nonempty(&p.code) {
        return format!("c:{}", c.to_uppercase());
    }
    if nonempty(&p.country).is_some() || nonempty(&p.sector).is_some() {
        return format!(
            "cs:{}/{}",
            nonempty(&p.country).unwrap_or("").to_uppercase(),
            nonempty(&p.sector).unwrap_or("").to_uppercase()
        );
    }
    format!("t:{}", norm(&p.text))
}

/// The row key of a participant's entity, or `None` when the coder resolved nothing.
pub(crate) fn actor_key(p: &Participant) -> Option<String> {
    let f = [
        nonempty(&p.name),
        nonempty(&p.country),
        nonempty(&p.sector),
        nonempty(&p.code),
    ];
    if f.iter().all(Option::is_none) {
        return None;
    }
    Some(serde_json::to_string(&f).unwrap_or_default())
}

/// The row key of a place: all its fields, so the places table does not depend on which
/// report of a place came first.
pub(crate) fn place_row_key(l: &EventLocation) -> String {
    let f = (
        nonempty(&l.name).unwrap_or(&l.text),
        nonempty(&l.country),
        nonempty(&l.admin1),
        l.lat.map(|v| format!("{v:?}")),
        l.lon.map(|v| format!("{v:?}")),
        l.geonames_id,
    );
    serde_json::to_string(&f).unwrap_or_default()
}

/// Where an event happened, for clustering: the GeoNames id when known, else the
/// normalised name (or words) with the country.
pub(crate) fn place_key(l: &EventLocation) -> String {
    if let Some(g) = l.geonames_id {
        return format!("g:{g}");
    }
    let name = nonempty(&l.name).unwrap_or(&l.text);
    format!(
        "n:{}|{}",
        norm(name),
        nonempty(&l.country).unwrap_or("").to_uppercase()
    )
}

/// The block of an event: the fields two reports of one happening must share exactly
/// (participants, PLOVER category, status). Date and place are resolved inside the block.
pub(crate) fn block(
    actor: &[Participant],
    recipient: &[Participant],
    event: &str,
    status: Status,
) -> String {
    let side = |ps: &[Participant]| {
        let mut ids: Vec<String> = ps.iter().map(identity).collect();
        ids.sort();
        ids.dedup();
        ids.join(",")
    };
    short(&[
        &side(actor),
        &side(recipient),
        &event.trim().to_uppercase(),
        status_str(status),
    ])
}

/// The lowercase name serde gives a status.
pub(crate) fn status_str(s: Status) -> &'static str {
    match s {
        Status::Asserted => "asserted",
        Status::Planned => "planned",
        Status::Negated => "negated",
        Status::Hypothetical => "hypothetical",
    }
}

/// The lowercase name serde gives a precision.
pub(crate) fn precision_str(p: Precision) -> &'static str {
    match p {
        Precision::Minute => "minute",
        Precision::Hour => "hour",
        Precision::Day => "day",
        Precision::Week => "week",
        Precision::Month => "month",
        Precision::Season => "season",
        Precision::Quarter => "quarter",
        Precision::Year => "year",
        Precision::Decade => "decade",
        Precision::Century => "century",
        Precision::Unknown => "unknown",
    }
}
