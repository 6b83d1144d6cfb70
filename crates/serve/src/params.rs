//! Query parameters: one struct for every endpoint (unknown names are rejected, so a typo
//! is an error rather than a silently ignored filter) and their validation with limits.
use crate::Limits;
use crate::error::ApiError;
use dyad_store::{Period, Query};
use jiff::civil::Date;
use serde::Deserialize;

/// Every query parameter any endpoint takes, as text; each endpoint validates those it uses.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Params {
    pub actor: Option<String>,
    pub recipient: Option<String>,
    pub a: Option<String>,
    pub b: Option<String>,
    pub event: Option<String>,
    pub cameo: Option<String>,
    pub country: Option<String>,
    pub from: Option<String>,
    pub to: Option<String>,
    pub text: Option<String>,
    pub min_sources: Option<String>,
    pub dedup: Option<String>,
    pub limit: Option<String>,
    pub offset: Option<String>,
    pub by: Option<String>,
    pub q: Option<String>,
}

/// A page: `limit` rows after skipping `offset`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Page {
    /// Rows on the page.
    pub limit: usize,
    /// Rows skipped before it.
    pub offset: usize,
}

/// Trims a text parameter; empty means absent. Too long or with control characters: 400.
pub(crate) fn text(name: &str, v: &Option<String>, max: usize) -> Result<Option<String>, ApiError> {
    let Some(v) = v.as_deref().map(str::trim).filter(|v| !v.is_empty()) else {
        return Ok(None);
    };
    if v.chars().count() > max {
        return Err(ApiError::bad_request(format!(
            "{name} is longer than {max} characters"
        )));
    }
    if v.chars().any(char::is_control) {
        return Err(ApiError::bad_request(format!(
            "{name} contains control characters"
        )));
    }
    Ok(Some(v.to_string()))
}

fn token(
    name: &str,
    v: &Option<String>,
    max: usize,
    ok: impl Fn(char) -> bool,
    what: &str,
) -> Result<Option<String>, ApiError> {
    let v = text(name, v, max)?;
    if let Some(s) = &v
        && !s.chars().all(ok)
    {
        return Err(ApiError::bad_request(format!("{name} must be {what}")));
    }
    Ok(v)
}

fn number(name: &str, v: &Option<String>, max: u64) -> Result<Option<u64>, ApiError> {
    let Some(s) = v.as_deref().map(str::trim).filter(|v| !v.is_empty()) else {
        return Ok(None);
    };
    let n: u64 = s
        .parse()
        .map_err(|_| ApiError::bad_request(format!("{name} must be a whole number")))?;
    if n > max {
        return Err(ApiError::bad_request(format!(
            "{name} must be at most {max}"
        )));
    }
    Ok(Some(n))
}

fn date(name: &str, v: &Option<String>) -> Result<Option<Date>, ApiError> {
    let Some(s) = v.as_deref().map(str::trim).filter(|v| !v.is_empty()) else {
        return Ok(None);
    };
    let bad = || {
        ApiError::bad_request(format!(
            "{name} must be a date YYYY-MM-DD between 1800 and 2200"
        ))
    };
    if s.len() != 10 {
        return Err(bad());
    }
    let d: Date = s.parse().map_err(|_| bad())?;
    if !(1800..=2200).contains(&d.year()) {
        return Err(bad());
    }
    Ok(Some(d))
}

fn flag(name: &str, v: &Option<String>) -> Result<bool, ApiError> {
    match v.as_deref().map(str::trim) {
        None | Some("") | Some("false") | Some("0") => Ok(false),
        Some("true") | Some("1") => Ok(true),
        Some(_) => Err(ApiError::bad_request(format!(
            "{name} must be true or false"
        ))),
    }
}

fn actor_ref(name: &str, v: &Option<String>, l: &Limits) -> Result<Option<String>, ApiError> {
    text(name, v, l.max_text)
}

impl Params {
    /// The event filters of `dyad query`, without paging.
    pub fn query(&self, l: &Limits) -> Result<Query, ApiError> {
        let upper = |c: char| c.is_ascii_alphabetic() || c == '_';
        let mut q = Query {
            actor: actor_ref("actor", &self.actor, l)?,
            recipient: actor_ref("recipient", &self.recipient, l)?,
            event: token(
                "event",
                &self.event,
                32,
                upper,
                "a PLOVER category such as CONSULT",
            )?,
            cameo: token(
                "cameo",
                &self.cameo,
                4,
                |c| c.is_ascii_digit(),
                "1 to 4 digits",
            )?,
            country: token(
                "country",
                &self.country,
                3,
                |c| c.is_ascii_alphabetic(),
                "an ISO alpha-3 country code",
            )?,
            from: date("from", &self.from)?,
            to: date("to", &self.to)?,
            text: text("text", &self.text, l.max_text)?,
            min_sources: number("min_sources", &self.min_sources, 10_000)?.map(|n| n as u32),
            dedup: flag("dedup", &self.dedup)?,
            ..Query::default()
        };
        if let Some(c) = &q.country
            && c.len() != 3
        {
            return Err(ApiError::bad_request(
                "country must be an ISO alpha-3 country code",
            ));
        }
        if let (Some(f), Some(t)) = (q.from, q.to)
            && f > t
        {
            return Err(ApiError::bad_request("from is after to"));
        }
        match (actor_ref("a", &self.a, l)?, actor_ref("b", &self.b, l)?) {
            (Some(a), Some(b)) => q.dyad = Some((a, b)),
            (None, None) => {}
            _ => return Err(ApiError::bad_request("a dyad needs both a and b")),
        }
        Ok(q)
    }

    /// The page asked for, within the limits.
    pub fn page(&self, l: &Limits) -> Result<Page, ApiError> {
        let limit =
            number("limit", &self.limit, l.max_page as u64)?.unwrap_or(l.default_page as u64);
        if limit == 0 {
            return Err(ApiError::bad_request("limit must be at least 1"));
        }
        let offset = number("offset", &self.offset, l.max_offset as u64)?.unwrap_or(0);
        Ok(Page {
            limit: limit as usize,
            offset: offset as usize,
        })
    }

    /// The timeline period: `month` unless `by=week`.
    pub fn period(&self) -> Result<Period, ApiError> {
        match self.by.as_deref().map(str::trim) {
            None | Some("") | Some("month") => Ok(Period::Month),
            Some("week") => Ok(Period::Week),
            Some(_) => Err(ApiError::bad_request("by must be week or month")),
        }
    }

    /// The required `q` of a search.
    pub fn search(&self, l: &Limits) -> Result<String, ApiError> {
        text("q", &self.q, l.max_text)?.ok_or_else(|| ApiError::bad_request("q is required"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(f: impl FnOnce(&mut Params)) -> Params {
        let mut p = Params::default();
        f(&mut p);
        p
    }

    #[test]
    fn validates_filters() {
        let l = Limits::default();
        assert!(p(|p| p.cameo = Some("04x".into())).query(&l).is_err());
        assert!(p(|p| p.country = Some("US".into())).query(&l).is_err());
        assert!(p(|p| p.from = Some("2024-13-01".into())).query(&l).is_err());
        assert!(p(|p| p.from = Some("0001-01-01".into())).query(&l).is_err());
        assert!(
            p(|p| {
                p.from = Some("2024-02-01".into());
                p.to = Some("2024-01-01".into())
            })
            .query(&l)
            .is_err()
        );
        assert!(p(|p| p.a = Some("USA".into())).query(&l).is_err());
        assert!(
            p(|p| p.text = Some("x".repeat(l.max_text + 1)))
                .query(&l)
                .is_err()
        );
        assert!(p(|p| p.actor = Some("a\u{0}b".into())).query(&l).is_err());
        let q = p(|p| {
            p.a = Some(" USA ".into());
            p.b = Some("CHN".into());
            p.event = Some("consult".into());
        })
        .query(&l)
        .unwrap();
        assert_eq!(q.dyad, Some(("USA".into(), "CHN".into())));
        assert_eq!(q.event.as_deref(), Some("consult"));
    }

    #[test]
    fn validates_pages() {
        let l = Limits::default();
        assert_eq!(Params::default().page(&l).unwrap().limit, l.default_page);
        assert!(p(|p| p.limit = Some("0".into())).page(&l).is_err());
        assert!(
            p(|p| p.limit = Some((l.max_page + 1).to_string()))
                .page(&l)
                .is_err()
        );
        assert!(p(|p| p.offset = Some("-1".into())).page(&l).is_err());
        assert!(p(|p| p.by = Some("day".into())).period().is_err());
    }
}
