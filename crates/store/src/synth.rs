//! Synthetic coded documents for tests, benchmarks and the crash test.
//!
//! Document `i` depends only on `i` and the events-per-document count, so any split into
//! batches, and any re-run, produces the same documents. Actors are drawn with a skew (a few
//! busy countries, a long tail) and the same happening recurs across outlets, so clusters
//! with several sources form.
use dyad_core::{
    DateFrom, DocMeta, DocRef, Document, EventDate, EventLocation, EventRecord, Mention,
    Participant, Precision, Span, Status, TextSpan,
};
use jiff::civil::{Date, date};

const COUNTRIES: &[&str] = &[
    "USA", "CHN", "RUS", "UKR", "ISR", "PSE", "IRN", "IND", "PAK", "GBR", "FRA", "DEU", "TUR",
    "SYR", "EGY", "SAU", "JPN", "KOR", "PRK", "BRA", "MEX", "CAN", "AUS", "NGA", "ZAF", "ETH",
    "KEN", "SDN", "VEN", "COL", "IRQ", "AFG", "POL", "ITA", "ESP", "IDN", "PHL", "VNM", "THA",
    "MMR",
];
const SECTORS: &[&str] = &["GOV", "MIL", "COP", "OPP", "BUS"];
const OUTLETS: &[&str] = &[
    "Reuters",
    "AP",
    "AFP",
    "BBC",
    "Al Jazeera",
    "Xinhua",
    "TASS",
    "DW",
    "NHK",
    "The Hindu",
    "Le Monde",
    "El País",
];
/// (PLOVER category, CAMEO code, quad class, Goldstein, PLOVER score)
const EVENTS: &[(&str, &str, u8, f32, f32)] = &[
    ("CONSULT", "040", 1, 1.0, 1.0),
    ("AGREE", "057", 1, 8.0, 4.0),
    ("SUPPORT", "051", 1, 3.4, 2.0),
    ("AID", "073", 2, 7.4, 4.0),
    ("REQUEST", "020", 1, 3.0, 1.0),
    ("ACCUSE", "112", 3, -2.0, -2.0),
    ("THREATEN", "138", 3, -7.0, -5.0),
    ("PROTEST", "141", 3, -6.5, -4.0),
    ("SANCTION", "163", 4, -8.0, -6.0),
    ("ASSAULT", "180", 4, -9.0, -8.0),
    ("COERCE", "173", 4, -5.0, -6.0),
    ("RETREAT", "081", 2, 5.0, 3.0),
];

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        // splitmix64: tiny and fully determined by the seed.
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    /// Skewed towards 0: the square of a uniform draw.
    fn skewed(&mut self, n: usize) -> usize {
        let u = (self.next() >> 11) as f64 / (1u64 << 53) as f64;
        ((u * u) * n as f64) as usize % n
    }
}

fn participant(rng: &mut Rng, text: &str, start: usize) -> Participant {
    let c = COUNTRIES[rng.skewed(COUNTRIES.len())];
    let s = SECTORS[rng.skewed(SECTORS.len())];
    Participant {
        text: text.to_string(),
        span: Span::new(start, start + text.len()),
        name: Some(format!("{c} {s}")),
        country: Some(c.to_string()),
        sector: Some(s.to_string()),
        code: Some(format!("{c}{s}")),
        borrowed: false,
    }
}

/// Synthetic document `i` with `events` coded events.
pub fn doc(i: u64, events: usize) -> (Document, Vec<EventRecord>) {
    let mut rng = Rng(i.wrapping_mul(0x2545_F491_4F6C_DD1D) ^ 0xD1AD);
    // About 40 documents a day from 2024-01-01, so happenings recur across outlets.
    let report = date(2024, 1, 1)
        .checked_add(jiff::Span::new().days((i / 40) as i64))
        .unwrap_or(Date::MAX);
    let mut text = String::new();
    let mut records = Vec::with_capacity(events);
    let source = OUTLETS[rng.below(OUTLETS.len())];
    for k in 0..events {
        let start = text.len();
        let sentence =
            format!("Officials met “counterparts” in the capital, sentence {k} of report {i}. ");
        text.push_str(&sentence);
        // Happenings are drawn from a small space (per day): different documents of the
        // same day often report the same one.
        let mut h = Rng((i / 40) * 7919 + rng.below(30) as u64);
        let actor = participant(&mut h, "Officials", start);
        let recipient = participant(&mut h, "counterparts", start + 21);
        let (event, cameo, quad, goldstein, score) = EVENTS[h.below(EVENTS.len())];
        let back = h.below(3) as i64;
        let day = report
            .checked_sub(jiff::Span::new().days(back))
            .unwrap_or(report);
        let monthly = rng.below(10) == 0;
        let (value, precision) = if monthly {
            (
                format!("{:04}-{:02}", day.year(), day.month()),
                Precision::Month,
            )
        } else {
            (day.to_string(), Precision::Day)
        };
        let location = (h.below(2) == 0).then(|| EventLocation {
            text: "the capital".into(),
            span: Span::new(start + 36, start + 47),
            name: Some(format!(
                "Capital of {}",
                recipient.country.as_deref().unwrap_or("?")
            )),
            country: recipient.country.clone(),
            admin1: None,
            lat: Some(10.0 + h.below(50) as f64),
            lon: Some(20.0 + h.below(50) as f64),
            geonames_id: None,
        });
        records.push(EventRecord {
            id: format!("syn-{i}-{k}"),
            document: DocRef {
                id: format!("syn-{i}"),
                date: report,
                source: Some(source.into()),
                url: None,
                title: None,
            },
            sentence: k as u32,
            sentence_span: Span::new(start, start + sentence.trim_end().len()),
            event: event.into(),
            mode: None,
            context: vec!["diplomatic".into()],
            status: Status::Asserted,
            cameo: cameo.into(),
            goldstein,
            quad_class: quad,
            plover_score: score,
            trigger: TextSpan {
                text: "met".into(),
                span: Span::new(start + 10, start + 13),
            },
            actor: vec![actor],
            recipient: vec![recipient],
            date: EventDate {
                value,
                precision,
                text: None,
                span: None,
                from: DateFrom::Report,
            },
            location,
            attribution: None,
            mentions: vec![Mention {
                sentence: k as u32,
                span: Span::new(start + 10, start + 13),
            }],
        });
    }
    let mut d = Document::new(format!("syn-{i}"), report, text);
    d.meta = DocMeta {
        title: Some(format!("Report {i}")),
        source: Some(source.into()),
        url: Some(format!("https://news.example/{i}")),
        language: Some("en".into()),
    };
    (d, records)
}

/// Documents `start .. start + n`, each with `events` events.
pub fn batch(start: u64, n: usize, events: usize) -> Vec<(Document, Vec<EventRecord>)> {
    (start..start + n as u64).map(|i| doc(i, events)).collect()
}
