//! Word lists the tokenizer and sentence splitter consult.

/// Titles before a name: their period never ends a sentence ("Gen. Smith").
const TITLES: &[&str] = &[
    "Adm", "Amb", "Brig", "Capt", "Cmdr", "Col", "Cpl", "Dr", "Fr", "Gen", "Gov", "Hon", "Lt",
    "Maj", "Messrs", "Mr", "Mrs", "Ms", "Mme", "Prof", "Pres", "Rep", "Rev", "Sen", "Sgt", "Supt",
    "Insp",
];

/// Abbreviations that usually sit mid-sentence but can end one ("… of Apple Inc.").
const OTHERS: &[&str] = &[
    "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "Mon",
    "Tue", "Tues", "Wed", "Thu", "Thur", "Thurs", "Fri", "Sat", "Sun", "Inc", "Corp", "Ltd", "Co",
    "Jr", "Sr", "St", "Ave", "Blvd", "Rd", "Mt", "Ft", "Dept", "Univ", "Bros", "No", "Nos", "vs",
    "etc", "approx", "est", "Vol", "pp", "ca", "cf", "Ph",
];

/// Capitalised words that commonly open a sentence; after an abbreviation that may end a
/// sentence ("U.S.", "p.m.", "Inc.") one of these signals a boundary.
const STARTERS: &[&str] = &[
    "A",
    "After",
    "Although",
    "An",
    "And",
    "As",
    "At",
    "Before",
    "But",
    "By",
    "Despite",
    "During",
    "Earlier",
    "For",
    "He",
    "Her",
    "His",
    "However",
    "I",
    "If",
    "In",
    "It",
    "Its",
    "Last",
    "Later",
    "Meanwhile",
    "Many",
    "More",
    "Most",
    "No",
    "Not",
    "On",
    "One",
    "Our",
    "She",
    "Since",
    "So",
    "Some",
    "Still",
    "That",
    "The",
    "Their",
    "There",
    "These",
    "They",
    "This",
    "Those",
    "Thus",
    "To",
    "Under",
    "We",
    "What",
    "When",
    "While",
    "Who",
    "With",
    "Yet",
    "You",
];

/// Hyphenated prefixes kept attached, as in UD English ("co-workers", "pre-owned", "e-mail").
const PREFIXES: &[&str] = &[
    "anti", "co", "e", "ex", "inter", "mid", "multi", "non", "post", "pre", "pro", "re", "semi",
    "sub",
];

/// How a word ending in a period behaves.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Abbrev {
    /// Not an abbreviation: the period is punctuation.
    No,
    /// A title or initial: never ends a sentence.
    Title,
    /// Ends a sentence only before a common sentence opener.
    Other,
}

/// Classifies `word`, which ends in a single period ("Mr.", "U.S.", "p.m.", "F.").
pub fn abbrev(word: &str) -> Abbrev {
    let stem = &word[..word.len() - 1];
    if stem.is_empty() {
        return Abbrev::No;
    }
    if TITLES.contains(&stem) {
        return Abbrev::Title;
    }
    // A single capital letter is an initial ("John F. Kennedy").
    let mut chars = stem.chars();
    if let (Some(c), None) = (chars.next(), chars.next())
        && c.is_uppercase()
    {
        return Abbrev::Title;
    }
    if OTHERS.contains(&stem) || is_dotted(stem) {
        return Abbrev::Other;
    }
    Abbrev::No
}

/// Letters with inner periods, each piece one to three letters: "U.S", "p.m", "Ph.D", "e.g".
fn is_dotted(stem: &str) -> bool {
    stem.contains('.')
        && stem
            .split('.')
            .all(|p| (1..=3).contains(&p.len()) && p.chars().all(char::is_alphabetic))
}

/// True for a common sentence-opening word.
pub fn is_starter(word: &str) -> bool {
    STARTERS.contains(&word)
}

/// True for a prefix that keeps its hyphen attached.
pub fn is_prefix(word: &str) -> bool {
    word.len() <= 5 && PREFIXES.iter().any(|p| p.eq_ignore_ascii_case(word))
}
