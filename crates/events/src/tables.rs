//! CAMEO and PLOVER lookup tables, compiled in (see `data/SOURCE.md`).
//!
//! [`code_info`] answers, for one CAMEO code, everything an event record needs besides the
//! text: its PLOVER category, mode and contexts, Goldstein score, quad class and PLOVER score,
//! and the CAMEO description. A code that is not in GDELT's CAMEO table gives `None`: codes
//! are never guessed, rounded or defaulted.
//!
//! PLOVER mapping, in order: the exact code's line in `CAMEO2PLOVER-2021.txt`; the exact
//! code's line in dyad's own `dyad-plover-rules.txt` (CAMEO 02 → REQUEST); for a code with no
//! line of its own, its two-digit root line when that root maps to a single category
//! (`04: CONSULT`), with no mode and no context. CAMEO 01 (public statements) and the split
//! root `08` (CONCEDE or RETREAT) have no PLOVER category: [`CodeInfo::plover_event`] is
//! `None` and a record builder must not emit a PLOVER record for them.
use std::collections::BTreeMap;
use std::sync::OnceLock;

const EVENTCODES: &str = include_str!("../data/gdelt-CAMEO.eventcodes.txt");
const GOLDSTEIN: &str = include_str!("../data/gdelt-CAMEO.goldsteinscale.txt");
const CAMEO2PLOVER: &str = include_str!("../data/CAMEO2PLOVER-2021.txt");
const DYAD_RULES: &str = include_str!("../data/dyad-plover-rules.txt");
const CATEGORIES: &str = include_str!("../data/plover-categories.tsv");
const MODE_SCORES: &str = include_str!("../data/plover-mode-scores.tsv");

/// What the tables say about one CAMEO code.
#[derive(Clone, Debug, PartialEq)]
pub struct CodeInfo {
    /// The CAMEO code as given (`"0231"`).
    pub cameo: String,
    /// GDELT's description (`"Appeal for economic aid"`).
    pub description: String,
    /// Goldstein score (GDELT table).
    pub goldstein: f32,
    /// PLOVER category; `None` when PLOVER codes no event for this code.
    pub plover_event: Option<String>,
    /// PLOVER mode, when the mapping gives one.
    pub mode: Option<String>,
    /// PLOVER contexts (possibly empty).
    pub context: Vec<String>,
    /// Quad class of the PLOVER category (1–4); `None` without a category.
    pub quad_class: Option<u8>,
    /// PLOVER score of category:mode when the manual scores that pair, else of the category.
    pub plover_score: Option<f32>,
}

/// One PLOVER mapping line.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Mapping {
    event: String,
    mode: Option<String>,
    context: Vec<String>,
}

struct Tables {
    descriptions: BTreeMap<String, String>,
    goldstein: BTreeMap<String, f32>,
    plover: BTreeMap<String, Mapping>,
    dyad: BTreeMap<String, Mapping>,
    /// Root code → categories named by root lines (two for the split root 08).
    roots: BTreeMap<String, Vec<String>>,
    categories: BTreeMap<String, (u8, f32)>,
    mode_scores: BTreeMap<(String, String), f32>,
}

fn tables() -> &'static Tables {
    static T: OnceLock<Tables> = OnceLock::new();
    T.get_or_init(|| {
        let mut roots = BTreeMap::new();
        let plover = parse_mapping(CAMEO2PLOVER, &mut roots);
        let dyad = parse_mapping(DYAD_RULES, &mut roots);
        Tables {
            descriptions: tsv_pairs(EVENTCODES)
                .map(|(k, v)| (k.into(), v.trim().into()))
                .collect(),
            goldstein: tsv_pairs(GOLDSTEIN)
                .filter_map(|(k, v)| Some((k.to_string(), v.trim().parse().ok()?)))
                .collect(),
            plover,
            dyad,
            roots,
            categories: data_rows(CATEGORIES)
                .filter_map(|r| match r[..] {
                    [c, q, s] => Some((c.to_string(), (q.parse().ok()?, s.parse().ok()?))),
                    _ => None,
                })
                .collect(),
            mode_scores: data_rows(MODE_SCORES)
                .filter_map(|r| match r[..] {
                    [c, m, s] => Some(((c.to_string(), m.to_string()), s.parse().ok()?)),
                    _ => None,
                })
                .collect(),
        }
    })
}

/// Header-skipping tab-separated pairs (GDELT files: `CODE\tVALUE` after a header row).
fn tsv_pairs(text: &str) -> impl Iterator<Item = (&str, &str)> {
    text.lines().skip(1).filter_map(|l| l.split_once('\t'))
}

fn data_rows(text: &str) -> impl Iterator<Item = Vec<&str>> {
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| l.split('\t').map(str::trim).collect())
}

/// Parses `CODE: EVENT, mode, ctx; ctx # note` lines; `CODE: EVENT` root lines go to `roots`.
/// The first line for a code wins (the file repeats 175 identically).
fn parse_mapping(
    text: &str,
    roots: &mut BTreeMap<String, Vec<String>>,
) -> BTreeMap<String, Mapping> {
    let mut out = BTreeMap::new();
    for line in text.lines() {
        let body = line.split('#').next().unwrap_or("").trim();
        let Some((code, rest)) = body.split_once(':') else {
            continue;
        };
        let code = code.trim();
        if code.is_empty() || !code.bytes().all(|b| b.is_ascii_digit()) {
            continue;
        }
        let mut fields = rest.split(',').map(str::trim);
        let event = fields.next().unwrap_or("").to_string();
        if event.is_empty() {
            continue;
        }
        if !rest.contains(',') {
            let v = roots.entry(code.to_string()).or_default();
            if !v.contains(&event) {
                v.push(event);
            }
            continue;
        }
        let mode = fields.next().filter(|m| !m.is_empty()).map(str::to_string);
        let context = fields
            .next()
            .unwrap_or("")
            .split(';')
            .map(str::trim)
            .filter(|c| !c.is_empty())
            .map(str::to_string)
            .collect();
        out.entry(code.to_string()).or_insert(Mapping {
            event,
            mode,
            context,
        });
    }
    out
}

/// Looks a CAMEO code up; `None` for a code not in the CAMEO table.
pub fn code_info(cameo: &str) -> Option<CodeInfo> {
    let t = tables();
    let description = t.descriptions.get(cameo)?.clone();
    let goldstein = *t.goldstein.get(cameo)?;
    let mapping = t
        .plover
        .get(cameo)
        .or_else(|| t.dyad.get(cameo))
        .cloned()
        .or_else(|| {
            let root = cameo.get(..2)?;
            match t.roots.get(root).map(Vec::as_slice) {
                Some([one]) => Some(Mapping {
                    event: one.clone(),
                    mode: None,
                    context: Vec::new(),
                }),
                _ => None,
            }
        });
    let (plover_event, mode, context) = match mapping {
        Some(m) => (Some(m.event), m.mode, m.context),
        None => (None, None, Vec::new()),
    };
    let cat = plover_event.as_ref().and_then(|e| t.categories.get(e));
    let plover_score = plover_event.as_ref().and_then(|e| {
        mode.as_ref()
            .and_then(|m| t.mode_scores.get(&(e.clone(), m.clone())).copied())
            .or(cat.map(|c| c.1))
    });
    Some(CodeInfo {
        cameo: cameo.to_string(),
        description,
        goldstein,
        plover_event,
        mode,
        context,
        quad_class: cat.map(|c| c.0),
        plover_score,
    })
}

/// PLOVER's reading of a status: "cooperative actions of types CONSULT, SUPPORT, COOPERATE,
/// and AID reported in future tense … should be coded as AGREE" (PLOVER manual, AGREE);
/// RETREAT and CONCEDE stay as they are. Returns the info unchanged otherwise.
pub fn with_status(info: &CodeInfo, status: dyad_core::Status) -> CodeInfo {
    let cooperative = matches!(
        info.plover_event.as_deref(),
        Some("CONSULT" | "SUPPORT" | "COOPERATE" | "AID")
    );
    if status != dyad_core::Status::Planned || !cooperative {
        return info.clone();
    }
    let agree = plover_category("AGREE");
    CodeInfo {
        plover_event: Some("AGREE".into()),
        mode: None,
        quad_class: agree.map(|a| a.0),
        plover_score: agree.map(|a| a.1),
        ..info.clone()
    }
}

/// Quad class and score of a PLOVER category (`"ASSAULT"` → `(4, -9.0)`).
pub fn plover_category(event: &str) -> Option<(u8, f32)> {
    tables().categories.get(event).copied()
}

/// Every CAMEO code in the table, in code order.
pub fn cameo_codes() -> impl Iterator<Item = &'static str> {
    tables().descriptions.keys().map(String::as_str)
}

/// The PLOVER categories, with quad class and score.
pub fn plover_categories() -> impl Iterator<Item = (&'static str, u8, f32)> {
    tables()
        .categories
        .iter()
        .map(|(k, (q, s))| (k.as_str(), *q, *s))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_a_plain_code() {
        let i = code_info("0231").unwrap();
        assert_eq!(i.plover_event.as_deref(), Some("REQUEST"));
        assert_eq!(i.mode.as_deref(), Some("assist"));
        assert_eq!(i.context, ["economic"]);
        assert_eq!(i.quad_class, Some(3));
        assert_eq!(i.plover_score, Some(0.5));
        assert!(
            i.description.starts_with("Appeal for economic"),
            "{}",
            i.description
        );
    }

    #[test]
    fn reads_modes_contexts_and_scores() {
        let i = code_info("042").unwrap();
        assert_eq!(i.plover_event.as_deref(), Some("CONSULT"));
        assert_eq!(i.mode.as_deref(), Some("visit"));
        assert_eq!(i.plover_score, Some(4.0));
        assert_eq!(i.goldstein, 1.9);
        let i = code_info("091").unwrap();
        assert_eq!(i.context, ["crime", "corruption"]);
        // A mode the score table does not list falls back to the category's own score.
        let i = code_info("183").unwrap();
        assert_eq!(i.plover_event.as_deref(), Some("ASSAULT"));
        assert_eq!(i.plover_score, Some(-9.5));
        let i = code_info("0861").unwrap();
        assert_eq!(i.mode.as_deref(), Some("access"));
        let i = code_info("163").unwrap();
        assert_eq!(i.plover_event.as_deref(), Some("COERCE"));
        assert_eq!(i.quad_class, Some(4));
    }

    #[test]
    fn root_lines_and_unmapped_codes() {
        // `04: CONSULT` covers the bare root code.
        assert_eq!(
            code_info("04").unwrap().plover_event.as_deref(),
            Some("CONSULT")
        );
        // 08 is split between CONCEDE and RETREAT: no category for the bare root.
        let i = code_info("08").unwrap();
        assert_eq!(i.plover_event, None);
        assert_eq!(i.quad_class, None);
        // 01x: PLOVER codes no event.
        assert_eq!(code_info("012").unwrap().plover_event, None);
        // dyad's rule for 02x.
        assert_eq!(code_info("026").unwrap().mode.as_deref(), Some("meet"));
    }

    #[test]
    fn planned_cooperation_is_agree() {
        use dyad_core::Status;
        let visit = code_info("042").unwrap();
        let planned = with_status(&visit, Status::Planned);
        assert_eq!(planned.plover_event.as_deref(), Some("AGREE"));
        assert_eq!((planned.mode, planned.quad_class), (None, Some(1)));
        assert_eq!(planned.cameo, "042");
        assert_eq!(with_status(&visit, Status::Asserted), visit);
        let release = code_info("0841").unwrap();
        assert_eq!(with_status(&release, Status::Planned), release);
    }

    #[test]
    fn unknown_codes_are_none() {
        for c in ["", "999", "075A", "903", "---", "0", "1"] {
            assert!(code_info(c).is_none(), "{c}");
        }
    }

    #[test]
    fn every_code_has_goldstein_and_every_category_a_quad() {
        let n = cameo_codes().count();
        assert!(n > 300, "{n}");
        for c in cameo_codes() {
            let i = code_info(c).unwrap();
            if let Some(e) = &i.plover_event {
                assert!(plover_category(e).is_some(), "{c} → {e}");
            }
        }
        assert_eq!(plover_categories().count(), 16);
        // Every code outside 01 and the split root has a PLOVER category.
        let unmapped: Vec<&str> = cameo_codes()
            .filter(|c| code_info(c).unwrap().plover_event.is_none())
            .filter(|c| !c.starts_with("01"))
            .collect();
        assert_eq!(unmapped, ["08"]);
    }
}
