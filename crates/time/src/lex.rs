//! Tokens and the temporal lexicon.
//!
//! The grammar works on a light token stream rather than one giant regex: words, digit runs
//! and single punctuation marks, each with its byte span, whether whitespace precedes it and
//! its lexicon entry. One hash lookup per word keeps the scan linear and fast; everything
//! else happens only around the rare tokens that can start a temporal expression.

use dyad_core::{MONTHS, WEEKDAYS};
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// Calendar and clock units.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Unit {
    Second,
    Minute,
    Hour,
    Day,
    Night,
    Week,
    Weekend,
    Fortnight,
    Month,
    Quarter,
    Season,
    Year,
    Decade,
    Century,
}

/// Parts of the day, with their TIMEX3 codes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Pod {
    Morning,
    Afternoon,
    Evening,
    Night,
}

impl Pod {
    pub(crate) fn code(self) -> &'static str {
        match self {
            Pod::Morning => "MO",
            Pod::Afternoon => "AF",
            Pod::Evening => "EV",
            Pod::Night => "NI",
        }
    }
}

/// Function words and adverbs the grammar cares about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum W {
    The,
    A,
    This,
    That,
    These,
    Last,
    Next,
    Past,
    Coming,
    Previous,
    Following,
    Recent,
    Same,
    Current,
    Early,
    Late,
    Mid,
    Middle,
    Beginning,
    Start,
    End,
    Earlier,
    Later,
    Ago,
    Today,
    Yesterday,
    Tomorrow,
    Tonight,
    Now,
    Currently,
    Recently,
    Nowadays,
    Of,
    And,
    To,
    Through,
    Until,
    Between,
    From,
    In,
    On,
    At,
    Since,
    By,
    During,
    For,
    Over,
    Within,
    About,
    Around,
    Approx,
    Nearly,
    More,
    Less,
    Than,
    Least,
    Most,
    Up,
    Under,
    Some,
    Several,
    Few,
    Many,
    Couple,
    Dozen,
    Half,
    Every,
    Each,
    Per,
    Times,
    Once,
    Twice,
    Daily,
    Weekly,
    Monthly,
    Quarterly,
    Annual,
    Hourly,
    Fiscal,
    Financial,
    Noon,
    Midnight,
    Future,
    Present,
    Term,
    Near,
    Long,
    Short,
    Soon,
    Entire,
    Whole,
    Straight,
    Consecutive,
    Trading,
    Business,
    Calendar,
    Prior,
    Preceding,
    Before,
    After,
    Hence,
    No,
}

/// A lexicon entry.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum Lex {
    /// Month 1–12; `abbr` for the short forms that need a capital or a following dot.
    Month(u8, bool),
    /// Weekday 1 (Monday) – 7; `abbr` as for months.
    Weekday(u8, bool),
    /// A unit noun; `plural` when it ends in -s.
    Unit(Unit, bool),
    /// A cardinal number word.
    Num(u32),
    /// An ordinal word (first … thirty-first); 99 stands for "last"/"final".
    Ord(u8),
    /// A season, 0 spring … 3 winter.
    Season(u8),
    /// A part of the day.
    Pod(Pod),
    /// A function word.
    W(W),
    /// A fixed-date holiday: month, day.
    Holiday(u8, u8),
    /// Not in the lexicon.
    None,
}

/// Token classes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    Word,
    Num,
    Punct(u8),
    Other,
}

/// One token of the scanned text.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Tok {
    pub start: u32,
    pub end: u32,
    pub kind: Kind,
    pub lex: Lex,
    /// Numeric value of a digit run (saturating), or of a digit ordinal ("3rd").
    pub num: u32,
    /// Digits in a digit run.
    pub digits: u8,
    /// Whitespace directly before this token.
    pub space_before: bool,
    /// First letter is upper case.
    pub cap: bool,
    /// A digit run followed directly by st/nd/rd/th ("3rd"), merged into one token.
    pub ordinal: bool,
    /// A tense cue carried by this word, computed at tokenisation (cheap suffix checks).
    pub cue: Cue,
}

/// Tense cues carried by single words.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Cue {
    None,
    Past,
    Future,
    /// "is/are/am": present, or planned when an -ing word or "to" follows.
    Be,
    /// A clause boundary the tense window should not cross ("but", ";").
    Stop,
}

#[derive(Default)]
pub(crate) struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

pub(crate) type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<Fnv>>;

/// The compiled lexicon: built once per tagger.
pub(crate) struct Lexicon {
    /// Word → (entry, explicit tense cue); one lookup per word.
    words: FastMap<&'static str, (Lex, Option<Cue>)>,
}

const MONTH_ABBR: &[(&str, u8)] = &[
    ("jan", 1),
    ("feb", 2),
    ("mar", 3),
    ("apr", 4),
    ("jun", 6),
    ("jul", 7),
    ("aug", 8),
    ("sep", 9),
    ("sept", 9),
    ("oct", 10),
    ("nov", 11),
    ("dec", 12),
    ("febr", 2),
];
const WEEKDAY_ABBR: &[(&str, u8)] = &[
    ("mon", 1),
    ("tue", 2),
    ("tues", 2),
    ("wed", 3),
    ("thu", 4),
    ("thur", 4),
    ("thurs", 4),
    ("fri", 5),
];

const NUMBERS: &[(&str, u32)] = &[
    ("one", 1),
    ("two", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("seven", 7),
    ("eight", 8),
    ("nine", 9),
    ("ten", 10),
    ("eleven", 11),
    ("twelve", 12),
    ("thirteen", 13),
    ("fourteen", 14),
    ("fifteen", 15),
    ("sixteen", 16),
    ("seventeen", 17),
    ("eighteen", 18),
    ("nineteen", 19),
    ("twenty", 20),
    ("thirty", 30),
    ("forty", 40),
    ("fifty", 50),
    ("sixty", 60),
    ("seventy", 70),
    ("eighty", 80),
    ("ninety", 90),
    ("hundred", 100),
    ("thousand", 1000),
    ("zero", 0),
];

const ORDINALS: &[(&str, u8)] = &[
    ("first", 1),
    ("second", 2),
    ("third", 3),
    ("fourth", 4),
    ("fifth", 5),
    ("sixth", 6),
    ("seventh", 7),
    ("eighth", 8),
    ("ninth", 9),
    ("tenth", 10),
    ("eleventh", 11),
    ("twelfth", 12),
    ("thirteenth", 13),
    ("fourteenth", 14),
    ("fifteenth", 15),
    ("sixteenth", 16),
    ("seventeenth", 17),
    ("eighteenth", 18),
    ("nineteenth", 19),
    ("twentieth", 20),
    ("thirtieth", 30),
    ("final", 99),
];

const UNITS: &[(&str, Unit)] = &[
    ("second", Unit::Second),
    ("minute", Unit::Minute),
    ("hour", Unit::Hour),
    ("day", Unit::Day),
    ("night", Unit::Night),
    ("week", Unit::Week),
    ("weekend", Unit::Weekend),
    ("fortnight", Unit::Fortnight),
    ("month", Unit::Month),
    ("quarter", Unit::Quarter),
    ("season", Unit::Season),
    ("year", Unit::Year),
    ("decade", Unit::Decade),
    ("century", Unit::Century),
];

const FUNCTION: &[(&str, W)] = &[
    ("the", W::The),
    ("a", W::A),
    ("an", W::A),
    ("this", W::This),
    ("that", W::That),
    ("these", W::These),
    ("those", W::These),
    ("last", W::Last),
    ("next", W::Next),
    ("past", W::Past),
    ("coming", W::Coming),
    ("upcoming", W::Coming),
    ("previous", W::Previous),
    ("following", W::Following),
    ("recent", W::Recent),
    ("same", W::Same),
    ("current", W::Current),
    ("early", W::Early),
    ("late", W::Late),
    ("mid", W::Mid),
    ("middle", W::Middle),
    ("beginning", W::Beginning),
    ("start", W::Start),
    ("end", W::End),
    ("close", W::End),
    ("earlier", W::Earlier),
    ("later", W::Later),
    ("ago", W::Ago),
    ("today", W::Today),
    ("yesterday", W::Yesterday),
    ("tomorrow", W::Tomorrow),
    ("tonight", W::Tonight),
    ("now", W::Now),
    ("currently", W::Currently),
    ("recently", W::Recently),
    ("nowadays", W::Nowadays),
    ("of", W::Of),
    ("and", W::And),
    ("to", W::To),
    ("through", W::Through),
    ("until", W::Until),
    ("till", W::Until),
    ("between", W::Between),
    ("from", W::From),
    ("in", W::In),
    ("on", W::On),
    ("at", W::At),
    ("since", W::Since),
    ("by", W::By),
    ("during", W::During),
    ("for", W::For),
    ("over", W::Over),
    ("within", W::Within),
    ("about", W::About),
    ("around", W::Around),
    ("approximately", W::Approx),
    ("roughly", W::Approx),
    ("nearly", W::Nearly),
    ("almost", W::Nearly),
    ("more", W::More),
    ("less", W::Less),
    ("fewer", W::Less),
    ("than", W::Than),
    ("least", W::Least),
    ("most", W::Most),
    ("up", W::Up),
    ("under", W::Under),
    ("some", W::Some),
    ("several", W::Several),
    ("few", W::Few),
    ("many", W::Many),
    ("couple", W::Couple),
    ("dozen", W::Dozen),
    ("half", W::Half),
    ("every", W::Every),
    ("each", W::Each),
    ("per", W::Per),
    ("times", W::Times),
    ("once", W::Once),
    ("twice", W::Twice),
    ("daily", W::Daily),
    ("weekly", W::Weekly),
    ("monthly", W::Monthly),
    ("quarterly", W::Quarterly),
    ("annual", W::Annual),
    ("annually", W::Annual),
    ("yearly", W::Annual),
    ("hourly", W::Hourly),
    ("fiscal", W::Fiscal),
    ("financial", W::Financial),
    ("noon", W::Noon),
    ("midday", W::Noon),
    ("midnight", W::Midnight),
    ("future", W::Future),
    ("present", W::Present),
    ("term", W::Term),
    ("near", W::Near),
    ("long", W::Long),
    ("short", W::Short),
    ("soon", W::Soon),
    ("entire", W::Entire),
    ("whole", W::Whole),
];

const FUNCTION2: &[(&str, W)] = &[
    ("straight", W::Straight),
    ("consecutive", W::Consecutive),
    ("successive", W::Consecutive),
    ("running", W::Consecutive),
    ("trading", W::Trading),
    ("business", W::Business),
    ("working", W::Business),
    ("calendar", W::Calendar),
    ("prior", W::Prior),
    ("preceding", W::Preceding),
    ("before", W::Before),
    ("after", W::After),
    ("hence", W::Hence),
    ("no", W::No),
];

/// Irregular past forms: the -ed suffix check catches the regular ones.
const PAST: &[&str] = &[
    "was",
    "were",
    "had",
    "did",
    "said",
    "told",
    "made",
    "went",
    "came",
    "took",
    "gave",
    "got",
    "saw",
    "met",
    "held",
    "rose",
    "fell",
    "won",
    "lost",
    "sold",
    "bought",
    "paid",
    "began",
    "left",
    "led",
    "ran",
    "struck",
    "spoke",
    "wrote",
    "brought",
    "thought",
    "found",
    "became",
    "kept",
    "felt",
    "sent",
    "spent",
    "built",
    "grew",
    "drew",
    "threw",
    "knew",
    "chose",
    "broke",
    "stood",
    "fought",
    "caught",
    "taught",
    "meant",
    "shot",
    "slid",
    "sank",
    "swung",
    "ago",
    "has",
    "have",
    "been",
    "hit",
    "quit",
    "shut",
    "slept",
    "fled",
    "flew",
    "forgot",
    "froze",
    "hid",
    "hung",
    "lay",
    "lent",
    "rode",
    "rang",
    "sang",
    "shook",
    "shone",
    "sought",
    "sped",
    "spun",
    "stole",
    "stuck",
    "stung",
    "swore",
    "tore",
    "understood",
    "wore",
    "wound",
    "overtook",
    "withdrew",
    "undertook",
    "beat",
    "bid",
    "dealt",
    "dug",
    "fed",
    "heard",
    "read",
    "ended",
];

/// Words marking a future or planned reading.
const FUTURE: &[&str] = &[
    "will",
    "ll",
    "shall",
    "would",
    "going",
    "plans",
    "plan",
    "planned",
    "planning",
    "expected",
    "expects",
    "expect",
    "scheduled",
    "due",
    "upcoming",
    "set",
    "slated",
    "intends",
    "intend",
    "aims",
    "hopes",
    "hope",
    "next",
    "coming",
    "until",
    "till",
    "wo",
    "forecast",
    "may",
    "might",
    "could",
    "should",
    "must",
    "can",
];

const PRESENT: &[&str] = &["is", "are", "am"];

const STOPS: &[&str] = &["but", "while", "whereas", "although"];

/// Words ending in -ed that are not past verbs (or are too often adjectives to count).
const NOT_PAST_ED: &[&str] = &[
    "need", "speed", "seed", "feed", "bed", "red", "united", "limited", "proceed", "exceed",
    "succeed", "indeed", "hundred", "based",
];

impl Lexicon {
    pub(crate) fn new() -> Lexicon {
        let mut words: FastMap<&'static str, Lex> = FastMap::default();
        for (i, m) in MONTHS.iter().enumerate() {
            words.insert(m, Lex::Month(i as u8 + 1, false));
        }
        for &(m, n) in MONTH_ABBR {
            words.insert(m, Lex::Month(n, true));
        }
        for (i, d) in WEEKDAYS.iter().enumerate() {
            words.insert(d, Lex::Weekday(i as u8 + 1, false));
        }
        for &(d, n) in WEEKDAY_ABBR {
            words.insert(d, Lex::Weekday(n, true));
        }
        for &(w, n) in NUMBERS {
            words.insert(w, Lex::Num(n));
        }
        for &(w, n) in ORDINALS {
            words.insert(w, Lex::Ord(n));
        }
        for &(w, u) in UNITS {
            words.entry(w).or_insert(Lex::Unit(u, false));
        }
        for (w, u) in [
            ("seconds", Unit::Second),
            ("minutes", Unit::Minute),
            ("mins", Unit::Minute),
            ("hours", Unit::Hour),
            ("hrs", Unit::Hour),
            ("days", Unit::Day),
            ("nights", Unit::Night),
            ("weeks", Unit::Week),
            ("weekends", Unit::Weekend),
            ("fortnights", Unit::Fortnight),
            ("months", Unit::Month),
            ("quarters", Unit::Quarter),
            ("seasons", Unit::Season),
            ("years", Unit::Year),
            ("decades", Unit::Decade),
            ("centuries", Unit::Century),
        ] {
            words.insert(w, Lex::Unit(u, true));
        }
        for (w, s) in [
            ("spring", 0),
            ("summer", 1),
            ("autumn", 2),
            ("fall", 2),
            ("winter", 3),
        ] {
            words.insert(w, Lex::Season(s));
        }
        for (w, p) in [
            ("morning", Pod::Morning),
            ("afternoon", Pod::Afternoon),
            ("evening", Pod::Evening),
            ("overnight", Pod::Night),
        ] {
            words.insert(w, Lex::Pod(p));
        }
        for (w, f) in FUNCTION.iter().chain(FUNCTION2.iter()) {
            words.entry(w).or_insert(Lex::W(*f));
        }
        for (w, m, d) in [
            ("christmas", 12, 25),
            ("xmas", 12, 25),
            ("halloween", 10, 31),
            ("valentine", 2, 14),
        ] {
            words.insert(w, Lex::Holiday(m, d));
        }
        let mut cues: FastMap<&'static str, Cue> = FastMap::default();
        for &w in PAST {
            cues.insert(w, Cue::Past);
        }
        for &w in FUTURE {
            cues.insert(w, Cue::Future);
        }
        for &w in PRESENT {
            cues.insert(w, Cue::Be);
        }
        for &w in STOPS {
            cues.insert(w, Cue::Stop);
        }
        for &w in NOT_PAST_ED {
            cues.insert(w, Cue::None);
        }
        let mut merged: FastMap<&'static str, (Lex, Option<Cue>)> = FastMap::default();
        for (w, l) in words {
            merged.insert(w, (l, None));
        }
        for (w, c) in cues {
            merged.entry(w).or_insert((Lex::None, None)).1 = Some(c);
        }
        Lexicon { words: merged }
    }

    fn lookup(&self, lower: &str) -> (Lex, Cue) {
        let (lex, cue) = self.words.get(lower).copied().unwrap_or((Lex::None, None));
        let cue = match cue {
            Some(c) => c,
            None if lower.len() > 4 && lower.ends_with("ed") => Cue::Past,
            None => Cue::None,
        };
        (lex, cue)
    }

    /// Tokenises `text` into `out` (cleared first).
    pub(crate) fn tokenize(&self, text: &str, out: &mut Vec<Tok>) {
        out.clear();
        let b = text.as_bytes();
        let mut i = 0;
        let mut space = true;
        let mut buf = [0u8; 24];
        while i < b.len() {
            let c = b[i];
            if c.is_ascii_whitespace() {
                space = true;
                i += 1;
                continue;
            }
            let start = i;
            let mut tok = Tok {
                start: start as u32,
                end: 0,
                kind: Kind::Other,
                lex: Lex::None,
                num: 0,
                digits: 0,
                space_before: space,
                cap: false,
                ordinal: false,
                cue: Cue::None,
            };
            if c.is_ascii_alphabetic() {
                while i < b.len() && b[i].is_ascii_alphabetic() {
                    i += 1;
                }
                tok.kind = Kind::Word;
                tok.cap = c.is_ascii_uppercase();
                let n = i - start;
                if n <= buf.len() {
                    for (k, &ch) in b[start..i].iter().enumerate() {
                        buf[k] = ch.to_ascii_lowercase();
                    }
                    // ASCII letters only, so this cannot fail; fall back to no entry anyway.
                    if let Ok(lower) = std::str::from_utf8(&buf[..n]) {
                        let (lex, cue) = self.lookup(lower);
                        tok.lex = lex;
                        tok.cue = cue;
                    }
                }
            } else if c.is_ascii_digit() {
                let mut v: u32 = 0;
                while i < b.len() && b[i].is_ascii_digit() {
                    v = v.saturating_mul(10).saturating_add(u32::from(b[i] - b'0'));
                    i += 1;
                }
                tok.kind = Kind::Num;
                tok.num = v;
                tok.digits = (i - start).min(255) as u8;
                // "3rd", "21st": one ordinal token, unless more letters follow ("3rdly", "1st-class" is fine).
                if i + 1 < b.len() {
                    let s = [b[i].to_ascii_lowercase(), b[i + 1].to_ascii_lowercase()];
                    let after = b.get(i + 2).copied().unwrap_or(b' ');
                    if matches!(&s, b"st" | b"nd" | b"rd" | b"th") && !after.is_ascii_alphanumeric()
                    {
                        i += 2;
                        tok.ordinal = true;
                    }
                }
            } else if c < 0x80 {
                tok.kind = Kind::Punct(c);
                i += 1;
            } else {
                // Non-ASCII: one character. Map the typographic apostrophe and en dash to ASCII.
                let len = utf8_len(c);
                let end = (i + len).min(b.len());
                tok.kind = match &b[i..end] {
                    [0xE2, 0x80, 0x99] | [0xE2, 0x80, 0x98] => Kind::Punct(b'\''),
                    [0xE2, 0x80, 0x93] => Kind::Punct(b'-'),
                    _ => Kind::Other,
                };
                i = end;
            }
            tok.end = i as u32;
            space = false;
            out.push(tok);
        }
    }
}

fn utf8_len(first: u8) -> usize {
    match first {
        0xF0..=0xFF => 4,
        0xE0..=0xEF => 3,
        0xC0..=0xDF => 2,
        _ => 1,
    }
}
