//! The offline gazetteer: GeoNames countries, US states and cities of 15,000+ people
//! (`data/gazetteer/places.tsv`), dyad's own list of first-level divisions elsewhere
//! (`divisions.tsv`), and dyad's English aliases, landmarks and nationality words.
//!
//! Resolution order for a place name: landmark ("the White House" → Washington), then a
//! country name (always the country), then cities and divisions, filtered by a qualifier
//! ("Long Beach, California"), then preferring the document's dominant country, then the
//! largest population.
use std::collections::HashMap;

const PLACES: &str = include_str!("../../../data/gazetteer/places.tsv");
const ALIASES: &str = include_str!("../../../data/gazetteer/aliases.tsv");
const DIVISIONS: &str = include_str!("../../../data/gazetteer/divisions.tsv");
const LANDMARKS: &str = include_str!("../../../data/gazetteer/landmarks.tsv");
const NATIONALITIES: &str = include_str!("../../../data/gazetteer/nationalities.tsv");
const NAMES: &str = include_str!("../../../data/actors/phoenix-names.tsv");
const CAPITALS: &str = include_str!("../../../data/gazetteer/capitals.tsv");
const COMPANIES: &str = include_str!("../../../data/actors/companies.tsv");
const GIVEN_NAMES: &str = include_str!("../../../data/actors/given_names.txt");

/// The words of (kind, name) entries of the actor name lists that are found in more `ORG`
/// names than `PER` names: some person entries carry their office ("DEFENSE SECRETARY ASH
/// CARTER", "BANK OF ISRAEL GOVERNOR ..."), and such a word marks that part.
pub(crate) fn org_words<'a>(
    entries: impl Iterator<Item = (&'a str, &'a str)>,
) -> std::collections::HashSet<&'a str> {
    let mut counts: HashMap<&str, (u32, u32)> = HashMap::new();
    for (kind, name) in entries {
        for w in name.split(' ') {
            match kind {
                "PER" => counts.entry(w).or_default().0 += 1,
                "ORG" => counts.entry(w).or_default().1 += 1,
                _ => {}
            }
        }
    }
    counts
        .into_iter()
        .filter(|&(_, (per, org))| org > per)
        .map(|(w, _)| w)
        .collect()
}

/// The bundled person and organisation name list (`data/actors/phoenix-names.tsv`), for
/// training-data augmentation.
pub fn names_text() -> &'static str {
    NAMES
}

/// Every GeoNames place name in the bundled gazetteer (countries, divisions, cities).
pub fn place_names() -> impl Iterator<Item = &'static str> {
    data_lines(PLACES).filter_map(|l| l.split('\t').nth(1))
}

/// What kind of place an entry is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum PlaceKind {
    /// A country or territory with an ISO code.
    Country,
    /// A first-level division (state, province).
    Admin1,
    /// A populated place.
    City,
}

/// One gazetteer entry.
#[derive(Debug, Clone, PartialEq)]
pub struct Place {
    /// Country, division or city.
    pub kind: PlaceKind,
    /// GeoNames primary name.
    pub name: String,
    /// ISO 3166 alpha-3 of its country.
    pub iso3: String,
    /// GeoNames admin1 code ("CA"), empty for countries.
    pub admin1_code: String,
    /// First-level division name when known (US only in the shipped data).
    pub admin1_name: Option<String>,
    /// Population (0 when unknown).
    pub population: u64,
    /// Latitude, when known.
    pub lat: Option<f64>,
    /// Longitude, when known.
    pub lon: Option<f64>,
    /// GeoNames id (none for dyad's own divisions, `divisions.tsv`).
    pub geonames_id: Option<u64>,
}

/// A landmark or seat of government that stands for a city (and often for a sector).
#[derive(Debug, Clone, PartialEq)]
pub struct Landmark {
    /// Index of its city in [`Gazetteer::places`].
    pub place: u32,
    /// The sector the name stands for by metonymy ("the Pentagon" → MIL), if any.
    pub sector: Option<String>,
}

/// How many organisation names of the actor dictionaries a final word must end to count as
/// an organisation designator (at 20, "Inc", "Corporation", "Group", "Company", "Holdings",
/// "Foundation", "Association", "Institute", "Council", "Party"-like words qualify, and few
/// ordinary words do).
const DESIGNATOR_MIN: u32 = 20;

/// Words that end organisation names of kinds the actor lists hardly hold.
const EXTRA_DESIGNATORS: &[&str] = &[
    "university",
    "college",
    "academy",
    "institute",
    "hospital",
    "ministry",
    "department",
    "agency",
    "commission",
    "committee",
    "court",
    "airlines",
    "airways",
];

/// How many "X of Y" organisation names a word must head to count as an organisation head.
const OF_HEAD_MIN: u32 = 3;

/// Legal forms of companies, dropped to make the short name a company goes by.
fn is_legal_form(lower: &str) -> bool {
    matches!(
        lower.trim_end_matches('.'),
        "inc"
            | "incorporated"
            | "corp"
            | "corporation"
            | "co"
            | "company"
            | "ltd"
            | "limited"
            | "llc"
            | "plc"
            | "ag"
            | "sa"
            | "nv"
            | "n.v"
            | "gmbh"
            | "group"
            | "holdings"
    )
}

/// Lower-cases and joins words with one space: the key of every name index.
pub fn key(words: &[&str]) -> String {
    let mut k = String::new();
    for (i, w) in words.iter().enumerate() {
        if i > 0 {
            k.push(' ');
        }
        k.extend(w.chars().flat_map(char::to_lowercase));
    }
    k
}

/// The American spelling of a lower-cased name key whose words are spelt the British way
/// ("world health organisation" → "world health organization", "ministry of defence" →
/// "ministry of defense"), or `None` when nothing changes. The actor lists spell the
/// American way, and news from Britain, Australia, India or Africa the British way.
pub fn american(lower: &str) -> Option<String> {
    // Called on every list lookup that misses, so nothing is allocated unless a word
    // changes.
    let mut out: Option<String> = None;
    let mut start = 0;
    for w in lower.split(' ') {
        match (&mut out, american_word(w)) {
            (None, None) => {}
            (None, Some(a)) => out = Some(format!("{}{a}", &lower[..start])),
            (Some(o), a) => {
                o.push(' ');
                o.push_str(a.as_deref().unwrap_or(w));
            }
        }
        start += w.len() + 1;
    }
    out
}

/// The American spelling of one lower-cased word, when it differs.
fn american_word(w: &str) -> Option<String> {
    let (stem, plural) = match w.strip_suffix('s') {
        Some(s) if s.ends_with("isation") || s.ends_with("centre") || s.ends_with("programme") => {
            (s, "s")
        }
        _ => (w, ""),
    };
    let a = if let Some(s) = stem.strip_suffix("isation") {
        format!("{s}ization")
    } else if let Some(s) = stem.strip_suffix("centre") {
        format!("{s}center")
    } else if let Some(s) = stem.strip_suffix("programme") {
        format!("{s}program")
    } else {
        match stem {
            "defence" => "defense".to_string(),
            "labour" => "labor".to_string(),
            "theatre" => "theater".to_string(),
            _ => return None,
        }
    };
    Some(a + plural)
}

/// Folds the common Latin accents so "Brasília" is also found as "Brasilia".
fn fold(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            'á' | 'à' | 'â' | 'ä' | 'ã' | 'å' => 'a',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'í' | 'ì' | 'î' | 'ï' => 'i',
            'ó' | 'ò' | 'ô' | 'ö' | 'õ' | 'ø' => 'o',
            'ú' | 'ù' | 'û' | 'ü' => 'u',
            'ç' => 'c',
            'ñ' => 'n',
            'ý' | 'ÿ' => 'y',
            'Á' | 'À' | 'Â' | 'Ä' | 'Ã' | 'Å' => 'A',
            'É' | 'È' | 'Ê' | 'Ë' => 'E',
            'Í' | 'Î' => 'I',
            'Ó' | 'Ö' | 'Ø' => 'O',
            'Ú' | 'Ü' => 'U',
            'Ç' => 'C',
            _ => c,
        })
        .collect()
}

/// Splits a name into words the way dyad's tokeniser does for names: on spaces, with a
/// trailing comma split off ("Washington, D.C." → `Washington , D.C.`).
pub fn name_words(name: &str) -> Vec<&str> {
    let mut out = Vec::new();
    for w in name.split_whitespace() {
        if let Some(stem) = w.strip_suffix(',') {
            out.push(stem);
            out.push(",");
        } else {
            out.push(w);
        }
    }
    out
}

/// The loaded gazetteer. Build once; lookups take `&self`.
#[derive(Debug, Clone)]
pub struct Gazetteer {
    /// All entries, countries first.
    pub places: Vec<Place>,
    names: HashMap<String, Vec<u32>>,
    landmarks: HashMap<String, Landmark>,
    nationalities: HashMap<String, String>,
    countries: HashMap<String, u32>,
    given: std::collections::HashSet<String>,
    /// dyad's list of common given names (`data/actors/given_names.txt`), lower-cased.
    first_names: std::collections::HashSet<String>,
    surnames: std::collections::HashSet<String>,
    orgs: std::collections::HashSet<String>,
    designators: std::collections::HashSet<String>,
    of_heads: std::collections::HashSet<String>,
    /// Listed companies (`data/actors/companies.tsv`) by name key: (country, kind).
    companies: HashMap<String, (String, String)>,
    capitals: std::collections::HashSet<u32>,
    person_country: HashMap<String, String>,
    by_id: HashMap<u64, u32>,
    /// Longest name in words, to bound phrase lookups.
    pub max_words: usize,
}

impl Default for Gazetteer {
    fn default() -> Self {
        Self::new()
    }
}

impl Gazetteer {
    /// Loads the gazetteer compiled into the binary.
    pub fn new() -> Gazetteer {
        let mut g = Gazetteer {
            places: Vec::new(),
            names: HashMap::new(),
            landmarks: HashMap::new(),
            nationalities: HashMap::new(),
            countries: HashMap::new(),
            given: Default::default(),
            first_names: data_lines(GIVEN_NAMES)
                .map(|l| l.trim().to_lowercase())
                .collect(),
            surnames: Default::default(),
            orgs: Default::default(),
            designators: Default::default(),
            of_heads: Default::default(),
            companies: HashMap::new(),
            capitals: Default::default(),
            person_country: HashMap::new(),
            by_id: HashMap::new(),
            max_words: 1,
        };
        for line in data_lines(PLACES) {
            let f: Vec<&str> = line.split('\t').collect();
            if f.len() < 9 {
                continue;
            }
            let kind = match f[0] {
                "C" => PlaceKind::Country,
                "A" => PlaceKind::Admin1,
                _ => PlaceKind::City,
            };
            let p = Place {
                kind,
                name: f[1].to_string(),
                iso3: f[2].to_string(),
                admin1_code: f[3].to_string(),
                admin1_name: (!f[4].is_empty()).then(|| f[4].to_string()),
                population: f[5].parse().unwrap_or(0),
                lat: f[6].parse().ok(),
                lon: f[7].parse().ok(),
                geonames_id: f[8].parse().ok(),
            };
            let idx = g.places.len() as u32;
            if kind == PlaceKind::Country {
                g.countries.insert(p.iso3.clone(), idx);
            }
            let name = p.name.clone();
            if let Some(id) = p.geonames_id {
                g.by_id.insert(id, idx);
            }
            g.places.push(p);
            g.add_name(&name, idx);
        }
        // First-level divisions outside the USA (dyad's own list: the GeoNames extract ships
        // only US states). A division with its country's own name is left out: a country
        // name is always the country.
        for line in data_lines(DIVISIONS) {
            let f: Vec<&str> = line.split('\t').collect();
            let [iso3, name, aliases] = f[..] else {
                continue;
            };
            if g.find("C", name, iso3).is_some() {
                continue;
            }
            let idx = g.places.len() as u32;
            g.places.push(Place {
                kind: PlaceKind::Admin1,
                name: name.to_string(),
                iso3: iso3.to_string(),
                admin1_code: String::new(),
                admin1_name: Some(name.to_string()),
                population: 0,
                lat: None,
                lon: None,
                geonames_id: None,
            });
            for n in std::iter::once(name).chain(aliases.split('|').filter(|a| !a.is_empty())) {
                g.add_name(n, idx);
            }
        }
        for line in data_lines(ALIASES) {
            let f: Vec<&str> = line.split('\t').collect();
            if f.len() < 4 {
                continue;
            }
            if let Some(idx) = g.find(f[1], f[2], f[3]) {
                g.add_name(f[0], idx);
            }
        }
        for line in data_lines(CAPITALS) {
            if let Some((iso3, name)) = line.split_once('\t')
                && let Some(idx) = g.find("P", name, iso3)
            {
                g.capitals.insert(idx);
            }
        }
        for line in data_lines(LANDMARKS) {
            let f: Vec<&str> = line.split('\t').collect();
            if f.len() < 3 {
                continue;
            }
            if let Some(idx) = g.find("P", f[1], f[2]) {
                let words = name_words(f[0]);
                g.max_words = g.max_words.max(words.len());
                let sector = f.get(3).filter(|s| !s.is_empty()).map(|s| s.to_string());
                g.landmarks
                    .insert(key(&words), Landmark { place: idx, sector });
            }
        }
        for line in data_lines(NATIONALITIES) {
            if let Some((w, c)) = line.split_once('\t') {
                let words = name_words(w);
                g.max_words = g.max_words.max(words.len());
                g.nationalities.insert(key(&words), c.trim().to_string());
            }
        }
        let mut last_words: HashMap<String, u32> = HashMap::new();
        let mut of_heads: HashMap<String, u32> = HashMap::new();
        // Some person entries carry their office ("DEFENSE SECRETARY ASH CARTER", "BANK OF
        // ISRAEL GOVERNOR ..."): a word found in more organisation names than person names is
        // no given name or surname.
        let org_words = org_words(data_lines(NAMES).filter_map(|line| {
            let mut f = line.split('\t');
            Some((f.next()?, f.next()?))
        }));
        let org_word = |w: &str| org_words.contains(w);
        for line in data_lines(NAMES) {
            let mut f = line.split('\t');
            let (Some(kind), Some(name)) = (f.next(), f.next()) else {
                continue;
            };
            let words: Vec<&str> = name.split(' ').collect();
            if kind == "SUR" {
                if let Some(c) = f.next().filter(|c| !c.is_empty()) {
                    g.person_country
                        .entry(key(&words))
                        .or_insert_with(|| c.to_string());
                }
                continue;
            }
            if kind == "PER" {
                if let Some(c) = f.next().filter(|c| !c.is_empty()) {
                    g.person_country.insert(key(&words), c.to_string());
                }
                if words.len() < 2 {
                    continue;
                }
                // Skip titles and nationality words ("AMERICAN PRESIDENT GEORGE BUSH").
                let core: Vec<&str> = words
                    .iter()
                    .copied()
                    .filter(|w| !crate::corpus::is_title(w) && g.nationality(&[w]).is_none())
                    .filter(|w| w.len() > 1 && !w.contains('.') && !org_word(w))
                    .collect();
                if core.len() >= 2 {
                    g.given.insert(core[0].to_lowercase());
                    g.surnames.insert(core[core.len() - 1].to_lowercase());
                }
            } else if words.len() <= 5 {
                g.orgs.insert(key(&words));
                *last_words
                    .entry(words[words.len() - 1].to_lowercase())
                    .or_insert(0) += 1;
                for pair in words.windows(2) {
                    if matches!(pair[1], "OF" | "FOR") {
                        *of_heads.entry(pair[0].to_lowercase()).or_insert(0) += 1;
                    }
                }
                // Companies are named without their legal form ("Apple Inc" → "Apple").
                if words.len() >= 2 && is_legal_form(&words[words.len() - 1].to_lowercase()) {
                    g.orgs.insert(key(&words[..words.len() - 1]));
                }
            }
        }
        // The words that end many organisation names ("Inc", "Group", "Foundation",
        // "Council", "Brigades") mark the capitalised words before them as an organisation's
        // name; taken from the list itself, plus the heads of the kinds of organisation
        // that the actor lists hardly hold (universities, ministries, airlines).
        g.designators = last_words
            .into_iter()
            .filter(|&(_, n)| n >= DESIGNATOR_MIN)
            .map(|(w, _)| w)
            .chain(EXTRA_DESIGNATORS.iter().map(|w| w.to_string()))
            .collect();
        // Companies, banks, airlines and news organisations that text names without a
        // designator ("Airbus", "Lufthansa"), with their aliases.
        for line in data_lines(COMPANIES) {
            let f: Vec<&str> = line.split('\t').collect();
            let [name, aliases, country, kind] = f[..] else {
                continue;
            };
            for n in std::iter::once(name).chain(aliases.split(';')) {
                let words = name_words(n);
                if !words.is_empty() && words.len() <= 5 {
                    g.max_words = g.max_words.max(words.len());
                    let k = key(&words);
                    g.orgs.insert(k.clone());
                    g.companies
                        .entry(k)
                        .or_insert_with(|| (country.to_string(), kind.to_string()));
                }
            }
        }
        // And the words that head many "X of Y" names ("Association", "Bank", "Council").
        g.of_heads = of_heads
            .into_iter()
            .filter(|&(_, n)| n >= OF_HEAD_MIN)
            .map(|(w, _)| w)
            .collect();
        g
    }

    /// Whether a lower-cased word heads organisation names of the form "X of Y" ("Bank of
    /// Japan", "University of Chicago"): it heads several such names in the actor lists, or
    /// it ends many organisation names.
    pub fn is_org_head(&self, lower: &str) -> bool {
        self.of_heads.contains(lower)
            || self.is_org_designator(lower)
            || american(lower).is_some_and(|a| self.of_heads.contains(&a))
    }

    /// Whether a lower-cased word (a final "." ignored) ends many organisation names.
    pub fn is_org_designator(&self, lower: &str) -> bool {
        let w = lower.strip_suffix('.').unwrap_or(lower);
        self.designators.contains(w) || american(w).is_some_and(|a| self.designators.contains(&a))
    }

    /// Whether a lower-cased word starts a known person name (from the actor dictionaries).
    pub fn is_given_name(&self, lower: &str) -> bool {
        self.given.contains(lower)
    }

    /// Whether a lower-cased word is a common given name (`data/actors/given_names.txt`):
    /// "Gloria", "Marlena", "Oluwaseun". Unlike [`Gazetteer::is_given_name`], which reads
    /// the first words of the actor dictionaries' people, a list of names only.
    pub fn is_first_name(&self, lower: &str) -> bool {
        self.first_names.contains(lower)
    }

    /// Whether a lower-cased word ends a known person name.
    pub fn is_surname(&self, lower: &str) -> bool {
        self.surnames.contains(lower)
    }

    /// A listed company, bank, airline, news organisation, union or sports body
    /// (`data/actors/companies.tsv`): its country and kind (`company`, `bank`, `airline`,
    /// `media`, `union`, `sports`, `firm`).
    pub fn company(&self, words: &[&str]) -> Option<(&str, &str)> {
        let k = key(words);
        self.companies
            .get(&k)
            .or_else(|| self.companies.get(&american(&k)?))
            .map(|(c, k)| (c.as_str(), k.as_str()))
    }

    /// Whether `words` is a known organisation name.
    pub fn is_org(&self, words: &[&str]) -> bool {
        let k = key(words);
        self.orgs.contains(&k) || american(&k).is_some_and(|a| self.orgs.contains(&a))
    }

    fn add_name(&mut self, name: &str, idx: u32) {
        let words = name_words(name);
        self.max_words = self.max_words.max(words.len());
        let k = key(&words);
        let folded = fold(&k);
        for k in [k, folded] {
            let v = self.names.entry(k).or_default();
            if !v.contains(&idx) {
                v.push(idx);
            }
        }
    }

    fn find(&self, kind: &str, name: &str, iso3: &str) -> Option<u32> {
        let kind = match kind {
            "C" => PlaceKind::Country,
            "A" => PlaceKind::Admin1,
            _ => PlaceKind::City,
        };
        let k = key(&name_words(name));
        self.names
            .get(&k)?
            .iter()
            .copied()
            .filter(|&i| {
                let p = &self.places[i as usize];
                p.kind == kind && p.iso3 == iso3
            })
            .max_by_key(|&i| self.places[i as usize].population)
    }

    /// Entries whose name or alias is exactly `words` (case-insensitive).
    pub fn candidates(&self, words: &[&str]) -> &[u32] {
        self.names
            .get(&key(words))
            .map(Vec::as_slice)
            .unwrap_or(&[])
    }

    /// The landmark named `words` ("White House", "the Kremlin").
    pub fn landmark(&self, words: &[&str]) -> Option<&Landmark> {
        self.landmarks.get(&key(words))
    }

    /// The country (ISO3 or PLOVER group code) of a nationality word ("Hungarian" → HUN).
    pub fn nationality(&self, words: &[&str]) -> Option<&str> {
        self.nationalities.get(&key(words)).map(String::as_str)
    }

    /// The country entry of an ISO3 code.
    pub fn country(&self, iso3: &str) -> Option<&Place> {
        self.countries.get(iso3).map(|&i| &self.places[i as usize])
    }

    /// The index of the place with this GeoNames id.
    pub fn place_by_id(&self, geonames_id: u64) -> Option<u32> {
        self.by_id.get(&geonames_id).copied()
    }

    /// The country of a person known from the Phoenix actor dictionaries by this name
    /// (case-insensitive; full name or a one-word alias), whatever the date: people keep their
    /// country when they leave office.
    pub fn person_country(&self, words: &[&str]) -> Option<&str> {
        self.person_country.get(&key(words)).map(String::as_str)
    }

    /// Whether the place is its country's capital (GeoNames' capital of the country).
    pub fn is_capital(&self, place: u32) -> bool {
        self.capitals.contains(&place)
    }

    /// The country that `words` name (a country name or alias), as an index into `places`.
    pub fn country_named(&self, words: &[&str]) -> Option<u32> {
        self.candidates(words)
            .iter()
            .copied()
            .find(|&i| self.places[i as usize].kind == PlaceKind::Country)
    }

    /// Whether `words` is a country name or alias.
    pub fn is_country(&self, words: &[&str]) -> bool {
        self.country_named(words).is_some()
    }

    /// Resolves a place name. `qualifier` is a following ", X" (a division or country name);
    /// `doc_country` the document's dominant country.
    pub fn resolve(
        &self,
        words: &[&str],
        qualifier: Option<&[&str]>,
        doc_country: Option<&str>,
    ) -> Option<u32> {
        if let Some(l) = self.landmark(words) {
            return Some(l.place);
        }
        let cands = self.candidates(words);
        if cands.is_empty() {
            return None;
        }
        // A country name is always the country.
        if let Some(c) = self.country_named(words) {
            return Some(c);
        }
        let mut pool: Vec<u32> = cands.to_vec();
        if let Some(q) = qualifier {
            let qk = key(q);
            // A country qualifier ("Kharkiv, Ukraine") or a division of one ("Mosul,
            // Nineveh"; US states also match by name or code below).
            let q_places: Vec<&Place> = self
                .candidates(q)
                .iter()
                .map(|&i| &self.places[i as usize])
                .collect();
            let q_country = q_places
                .iter()
                .find(|p| p.kind == PlaceKind::Country)
                .or_else(|| q_places.iter().find(|p| p.kind == PlaceKind::Admin1))
                .map(|p| p.iso3.clone());
            let matching: Vec<u32> = pool
                .iter()
                .copied()
                .filter(|&i| {
                    let p = &self.places[i as usize];
                    p.admin1_name.as_deref().map(str::to_lowercase).as_deref() == Some(&qk)
                        || p.admin1_code.eq_ignore_ascii_case(&qk)
                        || q_country.as_deref() == Some(p.iso3.as_str())
                })
                .collect();
            if !matching.is_empty() {
                pool = matching;
            }
        }
        if let Some(dc) = doc_country {
            let local: Vec<u32> = pool
                .iter()
                .copied()
                .filter(|&i| self.places[i as usize].iso3 == dc)
                .collect();
            if !local.is_empty() {
                pool = local;
            }
        }
        // Population prior; divisions carry none, so a city of the same name wins unless
        // it is tiny (a state is far more often meant than a town of 20,000).
        pool.into_iter().max_by_key(|&i| {
            let p = &self.places[i as usize];
            match p.kind {
                PlaceKind::Admin1 => 500_000,
                _ => p.population,
            }
        })
    }
}

fn data_lines(text: &str) -> impl Iterator<Item = &str> {
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn name(g: &Gazetteer, i: Option<u32>) -> (String, String) {
        let p = &g.places[i.expect("resolved") as usize];
        (p.name.clone(), p.iso3.clone())
    }

    #[test]
    fn organisation_designators_and_short_company_names() {
        let g = Gazetteer::new();
        assert!(g.is_org_designator("inc.") && g.is_org_designator("group"));
        assert!(!g.is_org_designator("the") && !g.is_org_designator("city"));
        assert!(g.is_org(&["Apple", "Inc"]) && g.is_org(&["Apple"]));
        assert!(g.is_org_designator("university") && g.is_org_designator("airlines"));
        // British spellings find the American entries of the lists.
        assert!(g.is_org_designator("organisation") && g.is_org_designator("organization"));
        assert_eq!(
            american("ministry of defence").as_deref(),
            Some("ministry of defense")
        );
        assert_eq!(american("peace centres").as_deref(), Some("peace centers"));
        assert_eq!(american("ministry of defense"), None);
        assert_eq!(
            american("centre for defence studies").as_deref(),
            Some("center for defense studies")
        );
    }

    #[test]
    fn companies_heads_and_clean_person_names() {
        let g = Gazetteer::new();
        // companies.tsv: names and aliases, any case.
        assert!(g.is_org(&["Lufthansa"]) && g.is_org(&["Deutsche", "Lufthansa"]));
        assert!(g.is_org(&["Qatar", "Airways"]));
        // "Bank of Japan", "Association for ...".
        assert!(g.is_org_head("bank") && g.is_org_head("association"));
        assert!(!g.is_org_head("city") && !g.is_org_head("john"));
        // "DEFENSE SECRETARY ASH CARTER" gives no given name "defense".
        assert!(!g.is_given_name("defense") && g.is_given_name("ash"));
        assert!(g.is_given_name("john") && g.is_surname("carter"));
        // dyad's list of given names; places and ordinary words are kept out of it.
        assert!(g.is_first_name("gloria") && g.is_first_name("oluwaseun"));
        assert!(!g.is_first_name("georgia") && !g.is_first_name("will"));
    }

    #[test]
    fn resolution() {
        let g = Gazetteer::new();
        assert!(g.places.len() > 30_000);
        let r = |w: &str| name(&g, g.resolve(&name_words(w), None, None));
        assert_eq!(r("China"), ("China".into(), "CHN".into()));
        assert_eq!(r("Georgia"), ("Georgia".into(), "GEO".into()));
        assert_eq!(r("New York"), ("New York City".into(), "USA".into()));
        assert_eq!(r("the White House"), ("Washington".into(), "USA".into()));
        assert_eq!(r("Kremlin"), ("Moscow".into(), "RUS".into()));
        assert_eq!(r("Downing Street").1, "GBR");
        assert_eq!(r("U.S."), ("United States".into(), "USA".into()));
        assert_eq!(r("Brasilia").1, "BRA");
        let lb = g.resolve(&["Long", "Beach"], Some(&["California"]), None);
        let p = &g.places[lb.unwrap() as usize];
        assert_eq!((p.iso3.as_str(), p.admin1_code.as_str()), ("USA", "CA"));
        let lb = g.resolve(&["Long", "Beach"], Some(&["CA"]), None);
        assert_eq!(g.places[lb.unwrap() as usize].admin1_code, "CA");
        // Without a qualifier the population prior picks the California city too.
        let lb = g.resolve(&["Long", "Beach"], None, None);
        assert_eq!(g.places[lb.unwrap() as usize].admin1_code, "CA");
        // Document context: London in a Canadian story.
        let l = g.resolve(&["London"], None, Some("CAN"));
        assert_eq!(g.places[l.unwrap() as usize].iso3, "CAN");
        assert_eq!(name(&g, g.resolve(&["London"], None, None)).1, "GBR");
        assert_eq!(g.nationality(&["Hungarian"]), Some("HUN"));
        // dyad's own divisions outside the USA, by name and alias; a qualifier that is one
        // picks its country's place.
        assert_eq!(r("Bavaria"), ("Bavaria".into(), "DEU".into()));
        assert_eq!(r("Ontario"), ("Ontario".into(), "CAN".into()));
        let d = g
            .resolve(&["Donetsk", "region"], None, None)
            .map(|i| &g.places[i as usize]);
        assert_eq!(
            d.map(|p| (p.kind, p.iso3.as_str())),
            Some((PlaceKind::Admin1, "UKR"))
        );
        let m = g.resolve(&["Victoria"], Some(&["Bavaria"]), None);
        assert_eq!(m, g.resolve(&["Victoria"], None, None));
        assert_eq!(name(&g, g.resolve(&["Moscow"], None, None)).1, "RUS");
        assert_eq!(
            g.places[g.resolve(&["Moscow"], None, None).unwrap() as usize].kind,
            PlaceKind::City
        );
        assert_eq!(
            g.landmark(&["the", "Pentagon"]).unwrap().sector.as_deref(),
            Some("MIL")
        );
    }
}
