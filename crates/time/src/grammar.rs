//! Recognition: token patterns → semantic descriptions of temporal expressions.
//!
//! Each recogniser looks at a token position and returns how far the expression reaches
//! and what it means, without yet knowing the report date. The tagger keeps the longest
//! candidate at each position and moves past it, so matches never overlap.

use crate::lex::{Kind, Lex, Pod, Tok, Unit, W};
use dyad_core::{TimexMod, TimexType};

/// How a year is given.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum YearSpec {
    /// Written out.
    Abs(i32),
    /// Relative to the report year: this (0), last (−1), next (+1).
    Rel(i32),
    /// Not given: chosen from tense and the report date.
    Infer,
}

/// How a weekday or month name without a year is to be placed.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum Dir {
    /// By the tense of the clause.
    Tense,
    /// "last Friday": the most recent strictly before the report date.
    Last,
    /// "next Friday": the first strictly after.
    Next,
    /// "this Friday": the current week (or month/year), tense breaking ties.
    This,
}

/// A calendar description awaiting the report date.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum DateSpec {
    Ymd {
        y: YearSpec,
        m: u8,
        d: Option<u8>,
        dir: Dir,
    },
    Year(YearSpec),
    Decade(i32),
    Century(i32),
    Weekday {
        wd: u8,
        dir: Dir,
    },
    /// A month and day without a year, with the weekday they fall on ("Friday, August
    /// 15"): the weekday chooses the year.
    WeekdayDate {
        m: u8,
        d: u8,
        wd: u8,
        dir: Dir,
    },
    DayOffset(i32),
    Unit {
        unit: Unit,
        off: i32,
    },
    Quarter {
        q: u8,
        y: YearSpec,
        fiscal: bool,
    },
    Half {
        h: u8,
        y: YearSpec,
    },
    Season {
        s: u8,
        y: YearSpec,
        dir: Dir,
    },
    FiscalYear(YearSpec),
    /// "the day", "that day": the last day mentioned, else the report date.
    Anaphor,
    /// "the next day", "two days later": days from the last day named, else the report date.
    AnaphorOffset(i32),
    /// A holiday whose date moves with the year.
    Movable {
        kind: Movable,
        y: YearSpec,
    },
}

/// Holidays computed per year.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Movable {
    /// Fourth Thursday of November (US).
    Thanksgiving,
    /// Western Easter Sunday.
    Easter,
    /// Last Monday of May (US).
    MemorialDay,
    /// First Monday of September (US).
    LaborDay,
}

/// A time of day.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum Clock {
    Hm { h: u8, m: u8, utc: bool },
    Pod(Pod),
}

/// How many units a duration has.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum Amount {
    N(f64),
    Vague,
}

/// Underspecified reference values.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum RefKind {
    Past,
    Present,
    Future,
    /// Past or future by tense ("during the campaign").
    Tense,
}

/// What a recognised expression means.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Sem {
    Date(DateSpec),
    Time { day: Option<DateSpec>, clock: Clock },
    Dur { n: Amount, unit: Unit },
    Set(&'static str),
    SetOwned(String),
    Ref(RefKind),
}

/// A candidate: token range `[start, end)`, meaning and modifier.
#[derive(Clone, Debug)]
pub(crate) struct Cand {
    pub start: usize,
    pub end: usize,
    pub sem: Sem,
    pub modifier: Option<TimexMod>,
    /// Tense forced by the expression itself ("earlier Thursday" is past).
    pub tense_hint: Option<crate::anchor::Tense>,
}

impl Cand {
    pub(crate) fn kind(&self) -> TimexType {
        match self.sem {
            Sem::Date(_) | Sem::Ref(_) => TimexType::Date,
            Sem::Time { .. } => TimexType::Time,
            Sem::Dur { .. } => TimexType::Duration,
            Sem::Set(_) | Sem::SetOwned(_) => TimexType::Set,
        }
    }
}

/// Event nouns that name a period when governed by "during".
const PERIOD_NOUNS: [&str; 16] = [
    "campaign",
    "election",
    "war",
    "crisis",
    "recession",
    "occupation",
    "pandemic",
    "conflict",
    "presidency",
    "administration",
    "era",
    "tenure",
    "period",
    "talks",
    "summit",
    "negotiations",
];

/// Time-zone words that may follow a clock time; `true` for UTC.
fn zone(word: &str) -> Option<bool> {
    match word {
        "UTC" | "GMT" | "Z" => Some(true),
        "EST" | "EDT" | "ET" | "PST" | "PDT" | "PT" | "CST" | "CDT" | "CT" | "MST" | "MDT"
        | "BST" | "CET" | "CEST" | "IST" | "JST" | "AEST" | "AEDT" | "HKT" | "SGT" | "MSK" => {
            Some(false)
        }
        _ => None,
    }
}

/// The recogniser over one tokenised text.
pub(crate) struct Grammar<'a> {
    pub text: &'a str,
    pub t: &'a [Tok],
}

impl<'a> Grammar<'a> {
    fn tok(&self, i: usize) -> Option<&Tok> {
        self.t.get(i)
    }

    fn w(&self, i: usize) -> Option<W> {
        match self.t.get(i)?.lex {
            Lex::W(w) => Some(w),
            _ => None,
        }
    }

    fn is(&self, i: usize, w: W) -> bool {
        self.w(i) == Some(w)
    }

    fn punct(&self, i: usize, c: u8) -> bool {
        matches!(self.t.get(i), Some(t) if t.kind == Kind::Punct(c))
    }

    /// Token `i` follows token `i - 1` with no space.
    fn glued(&self, i: usize) -> bool {
        matches!(self.t.get(i), Some(t) if !t.space_before)
    }

    fn word(&self, i: usize) -> &'a str {
        match self.t.get(i) {
            Some(t) => &self.text[t.start as usize..t.end as usize],
            None => "",
        }
    }

    fn word_is(&self, i: usize, w: &str) -> bool {
        matches!(self.t.get(i), Some(t) if t.kind == Kind::Word)
            && self.word(i).eq_ignore_ascii_case(w)
    }

    fn num(&self, i: usize) -> Option<(u32, u8)> {
        match self.t.get(i) {
            Some(t) if t.kind == Kind::Num && !t.ordinal => Some((t.num, t.digits)),
            _ => None,
        }
    }

    /// A day-of-month: "3", "3rd", "third".
    fn day_num(&self, i: usize) -> Option<u8> {
        let t = self.t.get(i)?;
        let d = match (t.kind, t.lex) {
            (Kind::Num, _) if t.digits <= 2 => t.num,
            (_, Lex::Ord(n)) if n <= 31 => u32::from(n),
            _ => return None,
        };
        (1..=31).contains(&d).then_some(d as u8)
    }

    /// A four-digit year in a plausible range.
    fn year4(&self, i: usize) -> Option<i32> {
        let (n, d) = self.num(i)?;
        (d == 4 && (1000..=2199).contains(&n)).then_some(n as i32)
    }

    /// Is token `i` a standalone year (not a price, count or part of a longer number)?
    fn standalone_year(&self, i: usize) -> Option<i32> {
        let y = self.year4(i)?;
        if i > 0 {
            let p = &self.t[i - 1];
            let glued = !self.t[i].space_before;
            if glued && matches!(p.kind, Kind::Punct(b'.' | b',' | b'/' | b':' | b'$' | b'#')) {
                return None;
            }
            if matches!(p.kind, Kind::Punct(b'$' | b'#')) || (p.kind == Kind::Other && glued) {
                return None;
            }
            if self.word_is(i - 1, "No")
                || self.word_is(i - 1, "number")
                || self.word_is(i - 1, "Flight")
            {
                return None;
            }
            // "the Russell 2000 Index", "Windows 2000 Server": a name, not a year.
            let name_before = p.kind == Kind::Word && p.cap && p.lex == Lex::None;
            let name_after = self.t.get(i + 1).is_some_and(|n| {
                n.kind == Kind::Word
                    && n.cap
                    && n.lex == Lex::None
                    && &self.text[self.t[i].end as usize..n.start as usize] == " "
            });
            if name_before && name_after {
                return None;
            }
        }
        if let Some(n) = self.t.get(i + 1) {
            if !n.space_before
                && matches!(
                    n.kind,
                    Kind::Punct(b'%' | b':' | b'.' | b',' | b'/') | Kind::Num
                )
            {
                // "2009." ends a sentence; "2009.5" does not.
                let num_after = self
                    .t
                    .get(i + 2)
                    .is_some_and(|t| t.kind == Kind::Num && !t.space_before);
                if num_after || matches!(n.kind, Kind::Punct(b'%') | Kind::Num) {
                    return None;
                }
            }
            if n.kind == Kind::Word && !n.space_before {
                return None;
            }
        }
        // Bare numbers outside 1900–2099 need a preposition to read as years.
        if !(1900..=2099).contains(&y) {
            let prep = i > 0
                && matches!(
                    self.w(i - 1),
                    Some(
                        W::In
                            | W::Since
                            | W::Until
                            | W::By
                            | W::From
                            | W::Of
                            | W::Before
                            | W::After
                            | W::During
                    )
                );
            if !prep {
                return None;
            }
        }
        Some(y)
    }

    /// a.m./p.m. after a number: returns (end, is_pm).
    fn ampm(&self, i: usize) -> Option<(usize, bool)> {
        let t = self.t.get(i)?;
        if t.kind != Kind::Word {
            return None;
        }
        let w = self.word(i);
        let pm = match w.to_ascii_lowercase().as_str() {
            "am" => false,
            "pm" => true,
            "a" | "p" => {
                // a.m. / p.m. split by the tokenizer into a . m .
                if self.punct(i + 1, b'.')
                    && self.word_is(i + 2, "m")
                    && self.glued(i + 1)
                    && self.glued(i + 2)
                {
                    let end = if self.punct(i + 3, b'.') && self.glued(i + 3) {
                        i + 4
                    } else {
                        i + 3
                    };
                    return Some((end, w.eq_ignore_ascii_case("p")));
                }
                return None;
            }
            _ => return None,
        };
        // "AM" as a word is also an abbreviation of other things; only accept after a number.
        Some((i + 1, pm))
    }

    /// A cardinal amount: digits, number words, "a", "a few", "several", "two and a half".
    fn amount(&self, i: usize) -> Option<(usize, Amount)> {
        let t = self.tok(i)?;
        let (mut end, mut val) = match (t.kind, t.lex) {
            (Kind::Num, _) if !t.ordinal && t.digits <= 4 => {
                let mut v = f64::from(t.num);
                let mut end = i + 1;
                if self.punct(i + 1, b'.')
                    && self.glued(i + 1)
                    && self.glued(i + 2)
                    && self.num(i + 2).is_some()
                {
                    let frac = self.word(i + 2);
                    if let Ok(f) = format!("0.{frac}").parse::<f64>() {
                        v += f;
                        end = i + 3;
                    }
                } else if self.punct(i + 1, b',')
                    && self.glued(i + 1)
                    && self.glued(i + 2)
                    && self.num(i + 2).is_some()
                {
                    return None; // 1,000 and the like are quantities, not durations we can read
                }
                (end, Amount::N(v))
            }
            (_, Lex::Num(n)) => {
                let mut v = n;
                let mut end = i + 1;
                // twenty-five, twenty five
                if (20..=90).contains(&n) && n % 10 == 0 {
                    let j = if self.punct(end, b'-') && self.glued(end) {
                        end + 1
                    } else {
                        end
                    };
                    if let Some(Lex::Num(u)) = self.tok(j).map(|t| t.lex)
                        && (1..=9).contains(&u)
                    {
                        v += u;
                        end = j + 1;
                    }
                }
                if matches!(self.tok(end).map(|t| t.lex), Some(Lex::Num(100))) && v < 100 {
                    v *= 100;
                    end += 1;
                }
                (end, Amount::N(f64::from(v)))
            }
            (_, Lex::W(W::A)) => {
                match self.w(i + 1) {
                    Some(W::Few) => return Some((i + 2, Amount::Vague)),
                    Some(W::Couple) => {
                        let e = if self.is(i + 2, W::Of) { i + 3 } else { i + 2 };
                        return Some((e, Amount::N(2.0)));
                    }
                    Some(W::Dozen) => return Some((i + 2, Amount::N(12.0))),
                    _ => {}
                }
                if matches!(self.tok(i + 1).map(|t| t.lex), Some(Lex::Num(100))) {
                    return Some((i + 2, Amount::N(100.0)));
                }
                (i + 1, Amount::N(1.0))
            }
            (_, Lex::W(W::Several | W::Few | W::Many | W::Some)) => (i + 1, Amount::Vague),
            (_, Lex::W(W::Half)) => {
                if self.is(i + 1, W::A) {
                    return Some((i + 2, Amount::N(0.5)));
                }
                return None;
            }
            (_, Lex::W(W::Couple)) => {
                let e = if self.is(i + 1, W::Of) { i + 2 } else { i + 1 };
                (e, Amount::N(2.0))
            }
            (_, Lex::W(W::Dozen)) => (i + 1, Amount::N(12.0)),
            _ => return None,
        };
        // "two and a half"
        if self.is(end, W::And)
            && self.is(end + 1, W::A)
            && self.is(end + 2, W::Half)
            && let Amount::N(v) = val
        {
            val = Amount::N(v + 0.5);
            end += 3;
        }
        Some((end, val))
    }

    /// A unit noun, optionally preceded by "trading"/"business"/"calendar" or "straight"/"consecutive".
    fn unit(&self, i: usize) -> Option<(usize, Unit, bool)> {
        let mut j = i;
        while matches!(
            self.w(j),
            Some(W::Trading | W::Business | W::Calendar | W::Straight | W::Consecutive)
        ) && j < i + 2
        {
            j += 1;
        }
        match self.tok(j)?.lex {
            Lex::Unit(u, plural) => Some((j + 1, u, plural)),
            // "second" is an ordinal first; as a unit only in plural "seconds" (lexicon) or after a number.
            Lex::Ord(2) if self.word_is(j, "second") => Some((j + 1, Unit::Second, false)),
            _ => None,
        }
    }

    /// Optional extent prefix and the modifier it carries.
    fn premod(&self, i: usize) -> Option<(usize, TimexMod, Pre)> {
        let w = self.w(i)?;
        let r = match w {
            W::Early => (i + 1, TimexMod::Start, Pre::Part),
            W::Late => (i + 1, TimexMod::End, Pre::Part),
            W::Mid => {
                let e = if self.punct(i + 1, b'-') {
                    i + 2
                } else {
                    i + 1
                };
                (e, TimexMod::Mid, Pre::Part)
            }
            W::Earlier => (i + 1, TimexMod::Start, Pre::Earlier),
            W::Later => (i + 1, TimexMod::End, Pre::Later),
            // "the late 1990s", "the mid-1980s"
            W::The if matches!(self.w(i + 1), Some(W::Early | W::Late | W::Mid)) => {
                let (e, m, p) = self.premod(i + 1)?;
                if p != Pre::Part {
                    return None;
                }
                (e, m, Pre::Part)
            }
            W::The => {
                let m = match self.w(i + 1)? {
                    W::Beginning | W::Start => TimexMod::Start,
                    W::End => TimexMod::End,
                    W::Middle => TimexMod::Mid,
                    _ => return None,
                };
                if !self.is(i + 2, W::Of) {
                    return None;
                }
                (i + 3, m, Pre::Part)
            }
            W::About | W::Around | W::Approx | W::Some => (i + 1, TimexMod::Approx, Pre::Approx),
            W::Nearly => (i + 1, TimexMod::Approx, Pre::Approx),
            W::Over if !self.is(i + 1, W::The) => (i + 1, TimexMod::MoreThan, Pre::Approx),
            W::Under => (i + 1, TimexMod::LessThan, Pre::Approx),
            W::More | W::Less if self.is(i + 1, W::Than) => {
                let m = if w == W::More {
                    TimexMod::MoreThan
                } else {
                    TimexMod::LessThan
                };
                (i + 2, m, Pre::Approx)
            }
            W::At if self.is(i + 1, W::Least) => (i + 2, TimexMod::EqualOrMore, Pre::Approx),
            W::At if self.is(i + 1, W::Most) => (i + 2, TimexMod::EqualOrLess, Pre::Approx),
            W::Up if self.is(i + 1, W::To) => (i + 2, TimexMod::EqualOrLess, Pre::Approx),
            W::No if self.is(i + 1, W::More) && self.is(i + 2, W::Than) => {
                (i + 3, TimexMod::EqualOrLess, Pre::Approx)
            }
            _ => return None,
        };
        // "early in 2009", "late in the day", "earlier in the week"
        if matches!(r.2, Pre::Part | Pre::Earlier | Pre::Later) && self.is(r.0, W::In) {
            return Some((r.0 + 1, r.1, Pre::PartIn));
        }
        Some(r)
    }

    /// The longest candidate starting at token `i`.
    pub(crate) fn at(&self, i: usize) -> Option<Cand> {
        let t = self.tok(i)?;
        if matches!(t.lex, Lex::None)
            && !matches!(t.kind, Kind::Num | Kind::Punct(b'\''))
            && !self.starts_other(i)
        {
            return None;
        }
        // Most function words start an expression only before another temporal token:
        // checking that first keeps the scan cheap on ordinary prose.
        if let Lex::W(w) = t.lex {
            let alone = matches!(
                w,
                W::Today
                    | W::Yesterday
                    | W::Tomorrow
                    | W::Tonight
                    | W::Now
                    | W::Currently
                    | W::Recently
                    | W::Nowadays
                    | W::Soon
                    | W::Daily
                    | W::Weekly
                    | W::Monthly
                    | W::Quarterly
                    | W::Annual
                    | W::Hourly
                    | W::Noon
                    | W::Midnight
                    | W::Present
            );
            let next_ok = self.tok(i + 1).is_some_and(|n| {
                !matches!(n.lex, Lex::None)
                    || matches!(n.kind, Kind::Num | Kind::Punct(b'\'' | b'-'))
                    || (n.cap && self.starts_other(i + 1))
                    || (w == W::The && self.word_is(i + 1, "time"))
            });
            if !alone && !next_ok {
                return None;
            }
        }
        let mut best: Option<Cand> = self.core(i, false).map(|(end, sem)| Cand {
            start: i,
            end,
            sem,
            modifier: None,
            tense_hint: None,
        });
        if let Some((j, m, pre)) = self.premod(i)
            && let Some((end, sem)) = self.core(j, matches!(pre, Pre::PartIn | Pre::Part))
            && let Some(c) = self.combine(i, end, sem, m, pre)
            && best.as_ref().is_none_or(|b| c.end > b.end)
        {
            best = Some(c);
        }
        if let Some(c) = best.as_mut() {
            self.rate(c);
        }
        best
    }

    /// "$50 million a day", "10 percent a year": "a" + unit after an amount is a rate (SET).
    fn rate(&self, c: &mut Cand) {
        let Sem::Dur {
            n: Amount::N(v),
            unit,
        } = c.sem
        else {
            return;
        };
        if v != 1.0 || !self.is(c.start, W::A) || c.start == 0 || c.modifier.is_some() {
            return;
        }
        let p = &self.t[c.start - 1];
        let amount_before = p.kind == Kind::Num
            || p.kind == Kind::Punct(b'%')
            || matches!(
                self.word(c.start - 1).to_ascii_lowercase().as_str(),
                "million"
                    | "billion"
                    | "thousand"
                    | "hundred"
                    | "percent"
                    | "dollars"
                    | "cents"
                    | "times"
                    | "barrels"
                    | "tons"
                    | "miles"
                    | "hours"
            );
        if amount_before {
            c.sem = Sem::SetOwned(crate::anchor::duration_value(Amount::N(1.0), unit));
        }
    }

    /// Words outside the lexicon that can start an expression.
    fn starts_other(&self, i: usize) -> bool {
        if !self.t[i].cap {
            return false;
        }
        let w = self.word(i);
        matches!(
            w,
            "Q" | "H"
                | "FY"
                | "New"
                | "Thanksgiving"
                | "Labor"
                | "Labour"
                | "Memorial"
                | "Independence"
                | "Easter"
                | "St"
                | "Valentine"
        )
    }

    fn combine(&self, i: usize, end: usize, sem: Sem, m: TimexMod, pre: Pre) -> Option<Cand> {
        let mut c = Cand {
            start: i,
            end,
            sem,
            modifier: None,
            tense_hint: None,
        };
        match (&c.sem, pre) {
            // Approximators qualify durations, clock times and "N units ago".
            (Sem::Dur { .. } | Sem::Time { .. }, Pre::Approx) => c.modifier = Some(m),
            (Sem::Date(_), Pre::Approx) if m == TimexMod::Approx => c.modifier = Some(m),
            (Sem::Date(d), Pre::Earlier | Pre::Later) => {
                c.tense_hint = Some(if pre == Pre::Earlier {
                    crate::anchor::Tense::Past
                } else {
                    crate::anchor::Tense::Future
                });
                // "earlier Thursday", "later today" name the day itself.
                if !matches!(
                    d,
                    DateSpec::Weekday { .. }
                        | DateSpec::WeekdayDate { .. }
                        | DateSpec::DayOffset(_)
                        | DateSpec::Ymd { d: Some(_), .. }
                ) {
                    c.modifier = Some(m);
                }
            }
            (Sem::Date(_) | Sem::Time { .. }, Pre::Part | Pre::PartIn) => c.modifier = Some(m),
            _ => return None,
        }
        Some(c)
    }

    /// The core of an expression at `i`; `after_part` allows "the year"-style bare nouns
    /// after "the end of", "earlier in".
    fn core(&self, i: usize, after_part: bool) -> Option<(usize, Sem)> {
        let t = self.tok(i)?;
        let mut best: Option<(usize, Sem)> = None;
        let mut take = |c: Option<(usize, Sem)>| {
            if let Some(c) = c
                && best.as_ref().is_none_or(|b| c.0 > b.0)
            {
                best = Some(c);
            }
        };
        match t.kind {
            Kind::Num => {
                take(self.numeric_date(i));
                take(self.clock(i));
                take(self.day_month(i));
                take(self.year_like(i));
                take(self.duration(i));
                take(self.ago(i));
            }
            Kind::Punct(b'\'') => take(self.apostrophe_year(i)),
            Kind::Word => match t.lex {
                Lex::Month(..) => take(self.month(i, Dir::Tense)),
                Lex::Weekday(..) => take(self.weekday(i, Dir::Tense)),
                Lex::Season(_) => take(self.season(i, Dir::Tense, false)),
                Lex::Holiday(m, d) => take(self.holiday(i, m, d)),
                Lex::Ord(_) => {
                    take(self.quarter(i));
                    take(self.day_month(i));
                }
                Lex::Num(_) => {
                    take(self.duration(i));
                    take(self.ago(i));
                    take(self.clock(i));
                }
                Lex::Unit(..) => take(self.bare_unit(i)),
                Lex::W(w) => self.core_word(i, w, after_part, &mut take),
                // "late afternoon", "early in the morning": a part of the day of the context day.
                Lex::Pod(p) if after_part => take(Some((
                    i + 1,
                    Sem::Time {
                        day: None,
                        clock: Clock::Pod(p),
                    },
                ))),
                Lex::Pod(_) | Lex::None => {
                    take(self.other_word(i));
                }
            },
            _ => {}
        }
        best
    }

    fn core_word(
        &self,
        i: usize,
        w: W,
        after_part: bool,
        take: &mut impl FnMut(Option<(usize, Sem)>),
    ) {
        match w {
            W::Today => take(Some(self.with_pod(i + 1, DateSpec::DayOffset(0)))),
            W::Yesterday => take(Some(self.with_pod(i + 1, DateSpec::DayOffset(-1)))),
            W::Tomorrow => take(Some(self.with_pod(i + 1, DateSpec::DayOffset(1)))),
            W::Tonight => take(Some((
                i + 1,
                Sem::Time {
                    day: Some(DateSpec::DayOffset(0)),
                    clock: Clock::Pod(Pod::Night),
                },
            ))),
            // "now-cancelled", "soon-to-open" are parts of adjectives.
            _ if matches!(
                w,
                W::Now | W::Currently | W::Nowadays | W::Recently | W::Soon
            ) && self.punct(i + 1, b'-')
                && self.glued(i + 1) => {}
            W::Now | W::Currently | W::Nowadays => take(Some((i + 1, Sem::Ref(RefKind::Present)))),
            W::Recently => take(Some((i + 1, Sem::Ref(RefKind::Past)))),
            W::Soon => take(Some((i + 1, Sem::Ref(RefKind::Future)))),
            W::Present if i > 0 && self.is(i - 1, W::At) => {
                take(Some((i + 1, Sem::Ref(RefKind::Present))))
            }
            W::The => self.the(i, after_part, take),
            W::This
            | W::Last
            | W::Next
            | W::Past
            | W::Coming
            | W::Previous
            | W::Following
            | W::Current
            | W::That
            | W::Recent => {
                take(self.deictic(i, w));
                take(self.duration(i));
            }
            W::A | W::Several | W::Few | W::Many | W::Some | W::Couple | W::Dozen | W::Half => {
                take(self.duration(i));
                take(self.ago(i));
            }
            W::Every | W::Each | W::Per => take(self.set(i)),
            W::Once | W::Twice => take(self.times_per(i)),
            W::Daily => take(Some((i + 1, Sem::Set("P1D")))),
            W::Weekly => take(Some((i + 1, Sem::Set("P1W")))),
            W::Monthly => take(Some((i + 1, Sem::Set("P1M")))),
            W::Quarterly => take(Some((i + 1, Sem::Set("P3M")))),
            W::Annual => take(Some((i + 1, Sem::Set("P1Y")))),
            W::Hourly => take(Some((i + 1, Sem::Set("PT1H")))),
            W::Fiscal | W::Financial => take(self.fiscal(i)),
            W::Noon => take(Some((
                i + 1,
                Sem::Time {
                    day: None,
                    clock: Clock::Hm {
                        h: 12,
                        m: 0,
                        utc: false,
                    },
                },
            ))),
            W::Midnight => take(Some((
                i + 1,
                Sem::Time {
                    day: None,
                    clock: Clock::Hm {
                        h: 24,
                        m: 0,
                        utc: false,
                    },
                },
            ))),
            _ => {}
        }
    }

    /// "yesterday morning", "today" + part of day → TIME.
    fn with_pod(&self, j: usize, day: DateSpec) -> (usize, Sem) {
        if let Some(Lex::Pod(p)) = self.tok(j).map(|t| t.lex) {
            return (
                j + 1,
                Sem::Time {
                    day: Some(day),
                    clock: Clock::Pod(p),
                },
            );
        }
        if self
            .tok(j)
            .is_some_and(|t| matches!(t.lex, Lex::Unit(Unit::Night, false)))
        {
            return (
                j + 1,
                Sem::Time {
                    day: Some(day),
                    clock: Clock::Pod(Pod::Night),
                },
            );
        }
        (j, Sem::Date(day))
    }

    /// Expressions opening with "the".
    fn the(&self, i: usize, after_part: bool, take: &mut impl FnMut(Option<(usize, Sem)>)) {
        let j = i + 1;
        if matches!(self.tok(j).map(|t| t.lex), Some(Lex::Ord(1 | 99))) {
            take(self.duration(i));
        }
        if let Some(Lex::Pod(p)) = self.tok(j).map(|t| t.lex)
            && after_part
        {
            take(Some((
                j + 1,
                Sem::Time {
                    day: None,
                    clock: Clock::Pod(p),
                },
            )));
        }
        match self.w(j) {
            Some(W::Past) => {
                // "the past" alone is PAST_REF; "the past N units" a duration (below).
                let dur = self.duration(i);
                let dei = self.deictic(j, W::Past);
                if dur.is_none() && dei.is_none() {
                    take(Some((j + 1, Sem::Ref(RefKind::Past))));
                }
                take(dur);
                take(dei);
            }
            Some(W::Future) => take(Some((j + 1, Sem::Ref(RefKind::Future)))),
            Some(W::Present) => take(Some((j + 1, Sem::Ref(RefKind::Present)))),
            Some(W::Near | W::Long | W::Short) if self.is(j + 1, W::Term) => {
                take(Some((j + 2, Sem::Ref(RefKind::Future))))
            }
            Some(W::Near) if self.is(j + 1, W::Future) => {
                take(Some((j + 2, Sem::Ref(RefKind::Future))))
            }
            _ if self.word_is(j, "time") && self.word_is(j + 1, "being") => {
                take(Some((j + 2, Sem::Ref(RefKind::Present))))
            }
            Some(W::Same) if self.unit_is(j + 1, Unit::Day) => {
                take(Some((j + 2, Sem::Date(DateSpec::Anaphor))))
            }
            Some(W::Entire | W::Whole) => {
                if let Some((e, u, false)) = self.unit(j + 1) {
                    take(Some((e, Sem::Date(DateSpec::Unit { unit: u, off: 0 }))));
                }
            }
            Some(
                W::Last
                | W::Next
                | W::Coming
                | W::Previous
                | W::Following
                | W::Current
                | W::Recent
                | W::Prior
                | W::Preceding,
            ) => {
                take(self.duration(i));
                if let Some((e, s)) = self.deictic(j, self.w(j).unwrap_or(W::The)) {
                    take(Some((e, s)));
                }
            }
            _ => {}
        }
        // "the 1990s", "the '90s"
        if let Some(c) = self
            .year_like(j)
            .filter(|(_, s)| matches!(s, Sem::Date(DateSpec::Decade(_) | DateSpec::Century(_))))
        {
            take(Some(c));
        }
        if let Some(c) = self
            .apostrophe_year(j)
            .filter(|(_, s)| matches!(s, Sem::Date(DateSpec::Decade(_))))
        {
            take(Some(c));
        }
        // "the first quarter", "the 20th century", "the 3rd (of March)"
        take(self.quarter(j));
        take(self.century(j));
        take(self.the_ordinal_day(i));
        // "the year 1950"
        if self.unit_is(j, Unit::Year)
            && let Some(y) = self.year4(j + 1)
        {
            take(Some((j + 2, Sem::Date(DateSpec::Year(YearSpec::Abs(y))))));
        }
        // "the weekend", "the day" after a preposition or a part prefix.
        if let Some((e, u, false)) = self.unit(j) {
            let prep = i > 0
                && (matches!(
                    self.w(i - 1),
                    Some(W::On | W::For | W::Of | W::During | W::Over | W::At | W::By | W::Until)
                ) || self.ends_period_verb(i - 1));
            match u {
                Unit::Day if prep || after_part => take(Some((e, Sem::Date(DateSpec::Anaphor)))),
                Unit::Weekend if prep => take(Some((
                    e,
                    Sem::Date(DateSpec::Unit {
                        unit: Unit::Weekend,
                        off: 0,
                    }),
                ))),
                // "most of the year", "during the month": the current one.
                Unit::Year | Unit::Month | Unit::Week | Unit::Quarter | Unit::Decade
                    if after_part
                        || (u == Unit::Year
                            && i > 0
                            && matches!(
                                self.w(i - 1),
                                Some(W::Of | W::During | W::For | W::In)
                            )
                            && !self.is(e, W::Of)
                            && !(self.punct(e, b'-') && self.glued(e))
                            && !self.tok(e).is_some_and(|n| n.kind == Kind::Word && n.cap)) =>
                {
                    take(Some((e, Sem::Date(DateSpec::Unit { unit: u, off: 0 }))))
                }
                _ => {}
            }
        }
        if let Some(Lex::Season(_)) = self.tok(j).map(|t| t.lex) {
            take(self.season(j, Dir::Tense, true));
        }
    }

    /// "end/finish/close/start the day": the verb makes "the day" a calendar day.
    fn ends_period_verb(&self, i: usize) -> bool {
        let w = self.word(i).to_ascii_lowercase();
        let stem = w
            .trim_end_matches("ing")
            .trim_end_matches("ed")
            .trim_end_matches('s')
            .trim_end_matches('e');
        matches!(
            stem,
            "end" | "finish" | "clos" | "clo" | "start" | "open" | "began" | "begin"
        )
    }

    fn unit_is(&self, i: usize, u: Unit) -> bool {
        matches!(self.tok(i).map(|t| t.lex), Some(Lex::Unit(x, _)) if x == u)
    }

    /// this/last/next/past/coming/previous/following + unit, weekday, month, season.
    fn deictic(&self, i: usize, w: W) -> Option<(usize, Sem)> {
        let j = i + 1;
        let off = match w {
            W::This | W::Current | W::That => 0,
            W::Last | W::Past | W::Previous | W::Prior | W::Preceding | W::Recent => -1,
            W::Next | W::Coming | W::Following => 1,
            _ => return None,
        };
        let dir = match off {
            0 => Dir::This,
            -1 => Dir::Last,
            _ => Dir::Next,
        };
        // "this past weekend" is the last one.
        if w == W::This && self.is(j, W::Past) {
            return self.deictic(j, W::Last);
        }
        let t = self.tok(j)?;
        match t.lex {
            Lex::Weekday(..) if w != W::That && w != W::Recent => {
                let (e, s) = self.weekday(j, dir)?;
                Some((e, s))
            }
            Lex::Month(..) if w != W::That && w != W::Recent => {
                let (e, s) = self.month(j, dir)?;
                Some((e, s))
            }
            Lex::Season(_) if w != W::Recent => self.season(j, dir, true),
            Lex::Pod(p) if w == W::This || w == W::That => {
                let day = if w == W::This {
                    DateSpec::DayOffset(0)
                } else {
                    DateSpec::Anaphor
                };
                Some((
                    j + 1,
                    Sem::Time {
                        day: Some(day),
                        clock: Clock::Pod(p),
                    },
                ))
            }
            Lex::Unit(Unit::Night, false) if w == W::Last => Some((
                j + 1,
                Sem::Time {
                    day: Some(DateSpec::DayOffset(-1)),
                    clock: Clock::Pod(Pod::Night),
                },
            )),
            Lex::Unit(u, plural) => {
                let (e, u, plural) = self.unit(j).unwrap_or((j + 1, u, plural));
                if plural {
                    // "recent years", "the coming months", "the past weeks": vague durations.
                    if matches!(
                        w,
                        W::Recent
                            | W::Coming
                            | W::Past
                            | W::Last
                            | W::Next
                            | W::Following
                            | W::Previous
                    ) {
                        return Some((
                            e,
                            Sem::Dur {
                                n: Amount::Vague,
                                unit: u,
                            },
                        ));
                    }
                    return None;
                }
                if w == W::Recent {
                    return None;
                }
                if w == W::That {
                    return match u {
                        Unit::Day => Some((e, Sem::Date(DateSpec::Anaphor))),
                        _ => None,
                    };
                }
                // "the past year" reads as the year up to now: a duration.
                if w == W::Past {
                    let prev_the = i > 0 && self.is(i - 1, W::The);
                    if prev_the || !matches!(u, Unit::Day | Unit::Night) {
                        return Some((
                            e,
                            Sem::Dur {
                                n: Amount::N(1.0),
                                unit: u,
                            },
                        ));
                    }
                    return None;
                }
                match u {
                    // "the next day", "the previous day" count from the day the story is on.
                    Unit::Day if off != 0 && i > 0 && self.is(i - 1, W::The) => {
                        Some((e, Sem::Date(DateSpec::AnaphorOffset(off))))
                    }
                    Unit::Day => Some((e, Sem::Date(DateSpec::DayOffset(off)))),
                    Unit::Night => None,
                    Unit::Season => None,
                    _ => Some((e, Sem::Date(DateSpec::Unit { unit: u, off }))),
                }
            }
            _ => None,
        }
    }

    /// Weekday, optionally followed by a date ("Thursday, March 27") or a part of day.
    fn weekday(&self, i: usize, dir: Dir) -> Option<(usize, Sem)> {
        let t = self.tok(i)?;
        let Lex::Weekday(wd, abbr) = t.lex else {
            return None;
        };
        // "The Sunday Times", "the Monday Night Football": names.
        if i > 0
            && self.is(i - 1, W::The)
            && self.tok(i + 1).is_some_and(|n| {
                n.kind == Kind::Word
                    && n.cap
                    && !matches!(
                        n.lex,
                        Lex::Pod(_) | Lex::Unit(..) | Lex::Month(..) | Lex::Num(_)
                    )
            })
        {
            return None;
        }
        // Named days ("Black Monday", "Good Friday", "Super Tuesday") are not this week's.
        if i > 0
            && matches!(
                self.word(i - 1),
                "Black"
                    | "Cyber"
                    | "Good"
                    | "Ash"
                    | "Super"
                    | "Holy"
                    | "Maundy"
                    | "Bloody"
                    | "Easter"
                    | "Palm"
                    | "Shrove"
                    | "Giving"
            )
        {
            return None;
        }
        let mut e = i + 1;
        if abbr {
            if !t.cap || !self.punct(e, b'.') {
                return None;
            }
            e += 1;
        }
        // "Thursday, March 27, 2008": the explicit date carries the value.
        let k = if self.punct(e, b',') { e + 1 } else { e };
        if let Some((e2, sem @ Sem::Date(DateSpec::Ymd { d: Some(_), .. }))) =
            self.month(k, Dir::Tense).or_else(|| self.day_month(k))
        {
            if let Sem::Date(DateSpec::Ymd {
                y: YearSpec::Infer,
                m,
                d: Some(d),
                dir,
            }) = sem
                && m > 0
            {
                return Some((e2, Sem::Date(DateSpec::WeekdayDate { m, d, wd, dir })));
            }
            return Some((e2, sem));
        }
        let day = DateSpec::Weekday { wd, dir };
        if let Some(Lex::Pod(p)) = self.tok(e).map(|t| t.lex) {
            return Some((
                e + 1,
                Sem::Time {
                    day: Some(day),
                    clock: Clock::Pod(p),
                },
            ));
        }
        if self.unit_is(e, Unit::Night)
            && matches!(self.tok(e).map(|t| t.lex), Some(Lex::Unit(_, false)))
        {
            return Some((
                e + 1,
                Sem::Time {
                    day: Some(day),
                    clock: Clock::Pod(Pod::Night),
                },
            ));
        }
        Some((e, Sem::Date(day)))
    }

    /// Month-led dates: "March 27, 2008", "March 2008", "Nov. 3", "November".
    fn month(&self, i: usize, dir: Dir) -> Option<(usize, Sem)> {
        let t = self.tok(i)?;
        let Lex::Month(m, abbr) = t.lex else {
            return None;
        };
        let mut e = i + 1;
        if abbr {
            if !t.cap {
                return None;
            }
            if self.punct(e, b'.') && self.glued(e) {
                e += 1;
            } else if self.word(i).len() < 3
                || !(self.day_num(e).is_some() || self.year4(e).is_some())
            {
                return None;
            }
        }
        // day
        if let Some(d) = self.day_num(e).filter(|_| {
            // "March 2008" is a year, "March 27" a day; don't read "May 10,000".
            self.year4(e).is_none()
                && !(self.punct(e + 1, b',')
                    && self.glued(e + 1)
                    && self.num(e + 2).is_some_and(|(_, dg)| dg == 3))
        }) {
            let mut end = e + 1;
            if self.is(e, W::The) {
                end += 1;
            }
            let k = if self.punct(end, b',') { end + 1 } else { end };
            if let Some(y) = self.year4(k) {
                return Some((
                    k + 1,
                    Sem::Date(DateSpec::Ymd {
                        y: YearSpec::Abs(y),
                        m,
                        d: Some(d),
                        dir: Dir::Tense,
                    }),
                ));
            }
            let dir = if dir == Dir::This { Dir::Tense } else { dir };
            return Some((
                end,
                Sem::Date(DateSpec::Ymd {
                    y: YearSpec::Infer,
                    m,
                    d: Some(d),
                    dir,
                }),
            ));
        }
        // "March 2008", "March, 2008", "March of 2008", "March '08"
        let k = if self.punct(e, b',') || self.is(e, W::Of) {
            e + 1
        } else {
            e
        };
        if let Some(y) = self.year4(k) {
            return Some((
                k + 1,
                Sem::Date(DateSpec::Ymd {
                    y: YearSpec::Abs(y),
                    m,
                    d: None,
                    dir: Dir::Tense,
                }),
            ));
        }
        if let Some((k2, Sem::Date(DateSpec::Year(YearSpec::Abs(y))))) = self.apostrophe_year(e) {
            return Some((
                k2,
                Sem::Date(DateSpec::Ymd {
                    y: YearSpec::Abs(y),
                    m,
                    d: None,
                    dir: Dir::Tense,
                }),
            ));
        }
        // "March this year", "March last year", "October of next year"
        let e = if self.is(e, W::Of) && matches!(self.w(e + 1), Some(W::This | W::Last | W::Next)) {
            e + 1
        } else {
            e
        };
        if let (Some(w @ (W::This | W::Last | W::Next)), true) =
            (self.w(e), self.unit_is(e + 1, Unit::Year))
        {
            let off = match w {
                W::This => 0,
                W::Last => -1,
                _ => 1,
            };
            return Some((
                e + 2,
                Sem::Date(DateSpec::Ymd {
                    y: YearSpec::Rel(off),
                    m,
                    d: None,
                    dir: Dir::Tense,
                }),
            ));
        }
        // A bare month name: capitalised ("Nov." with its dot); "May" and "March" need a cue.
        if !t.cap || (abbr && e == i + 1) {
            return None;
        }
        if m == 5 || m == 3 {
            let prev = i.checked_sub(1).and_then(|p| self.w(p));
            let cue = dir != Dir::Tense
                || matches!(
                    prev,
                    Some(
                        W::In
                            | W::Since
                            | W::Until
                            | W::By
                            | W::Early
                            | W::Late
                            | W::Mid
                            | W::From
                            | W::Through
                            | W::During
                            | W::Of
                            | W::Before
                            | W::After
                            | W::Between
                            | W::And
                            | W::To
                    )
                )
                || (i > 0 && self.punct(i - 1, b'-'));
            if !cue {
                return None;
            }
        }
        Some((
            e,
            Sem::Date(DateSpec::Ymd {
                y: YearSpec::Infer,
                m,
                d: None,
                dir,
            }),
        ))
    }

    /// Day-led dates: "27 March 2008", "11 December", "the 3rd of March".
    fn day_month(&self, i: usize) -> Option<(usize, Sem)> {
        let d = self.day_num(i)?;
        let mut e = i + 1;
        if self.is(e, W::Of) {
            e += 1;
        }
        let t = self.tok(e)?;
        let Lex::Month(..) = t.lex else { return None };
        if !t.cap {
            return None;
        }
        let (e2, sem) = self.month(e, Dir::Next).or_else(|| {
            Some((
                e + 1,
                Sem::Date(DateSpec::Ymd {
                    y: YearSpec::Infer,
                    m: 0,
                    d: None,
                    dir: Dir::Tense,
                }),
            ))
        })?;
        let Sem::Date(DateSpec::Ymd { y, m, d: None, .. }) = sem else {
            return None;
        };
        if m == 0 {
            return None;
        }
        let mut end = e2;
        if matches!(self.tok(e).map(|t| t.lex), Some(Lex::Month(_, true)))
            && self.punct(e + 1, b'.')
        {
            end = end.max(e + 2);
        }
        Some((
            end,
            Sem::Date(DateSpec::Ymd {
                y: if y == YearSpec::Rel(0) {
                    YearSpec::Infer
                } else {
                    y
                },
                m,
                d: Some(d),
                dir: Dir::Tense,
            }),
        ))
    }

    /// "the 3rd", "the 3rd of March".
    fn the_ordinal_day(&self, i: usize) -> Option<(usize, Sem)> {
        let j = i + 1;
        let t = self.tok(j)?;
        if !(t.kind == Kind::Num && t.ordinal) {
            return None;
        }
        if let Some(c) = self.day_month(j) {
            return Some(c);
        }
        let d = u8::try_from(t.num).ok().filter(|d| (1..=31).contains(d))?;
        // Only when nothing noun-like follows: "the 3rd largest" is not a date.
        let next = self.tok(j + 1);
        let ok = match next {
            None => true,
            Some(n) => {
                matches!(n.kind, Kind::Punct(b'.' | b',' | b';' | b')'))
                    || matches!(
                        n.lex,
                        Lex::W(W::And | W::To | W::Through | W::At | W::In | W::For)
                    )
            }
        };
        let prev_ok = i > 0
            && matches!(
                self.w(i - 1),
                Some(
                    W::On
                        | W::By
                        | W::Until
                        | W::Since
                        | W::Before
                        | W::After
                        | W::From
                        | W::Through
                )
            );
        (ok && prev_ok).then_some((
            j + 1,
            Sem::Date(DateSpec::Ymd {
                y: YearSpec::Infer,
                m: 0,
                d: Some(d),
                dir: Dir::Tense,
            }),
        ))
    }

    /// ISO and numeric dates: 2009-06-18, 2009/06/18, 6/18/2009, 7/8/07, 2009-06.
    fn numeric_date(&self, i: usize) -> Option<(usize, Sem)> {
        let (a, da) = self.num(i)?;
        let sep = match self.tok(i + 1)?.kind {
            Kind::Punct(c @ (b'-' | b'/' | b'.')) if self.glued(i + 1) => c,
            _ => return None,
        };
        let (b, db) = self.num(i + 2).filter(|_| self.glued(i + 2))?;
        let third = (self.punct(i + 3, sep) && self.glued(i + 3) && self.glued(i + 4))
            .then(|| self.num(i + 4))
            .flatten();
        let valid = |y: i32, m: u32, d: u32| {
            (1..=12).contains(&m) && (1..=31).contains(&d) && (1000..=2199).contains(&y)
        };
        if da == 4 {
            let y = a as i32;
            if let Some((c, dc)) = third {
                if db <= 2 && dc <= 2 && valid(y, b, c) {
                    return Some((
                        i + 5,
                        Sem::Date(DateSpec::Ymd {
                            y: YearSpec::Abs(y),
                            m: b as u8,
                            d: Some(c as u8),
                            dir: Dir::Tense,
                        }),
                    ));
                }
                return None;
            }
            // 2009-06 (ISO month) vs 2009-10 (a year range, handled by the caller): only with '-' and
            // a leading zero or '/'.
            if db == 2 && sep != b'.' && (1..=12).contains(&b) && self.word(i + 2).starts_with('0')
            {
                return Some((
                    i + 3,
                    Sem::Date(DateSpec::Ymd {
                        y: YearSpec::Abs(y),
                        m: b as u8,
                        d: None,
                        dir: Dir::Tense,
                    }),
                ));
            }
            return None;
        }
        // M/D/Y (US news style) with '/' only; D.M.Y with '.'.
        let (c, dc) = third?;
        if da > 2 || db > 2 {
            return None;
        }
        let y = match dc {
            4 => c as i32,
            2 => {
                if c < 50 {
                    2000 + c as i32
                } else {
                    1900 + c as i32
                }
            }
            _ => return None,
        };
        let (m, d) = match sep {
            b'/' => (a, b),
            b'.' | b'-' => (b, a),
            _ => return None,
        };
        valid(y, m, d).then_some((
            i + 5,
            Sem::Date(DateSpec::Ymd {
                y: YearSpec::Abs(y),
                m: m as u8,
                d: Some(d as u8),
                dir: Dir::Tense,
            }),
        ))
    }

    /// Years, decades, centuries in digits: "2009", "the 1990s", "1800s", "70s".
    fn year_like(&self, i: usize) -> Option<(usize, Sem)> {
        let (n, d) = self.num(i)?;
        // 1990s, 70s
        if self.word_is(i + 1, "s") && self.glued(i + 1) {
            let e = i + 2;
            return match d {
                4 if n % 10 == 0 && (1000..=2190).contains(&n) => {
                    if n % 100 == 0 && n < 2000 {
                        Some((e, Sem::Date(DateSpec::Century((n / 100) as i32))))
                    } else {
                        Some((e, Sem::Date(DateSpec::Decade((n / 10) as i32))))
                    }
                }
                2 if n % 10 == 0 => {
                    let c = if n < 30 { 200 } else { 190 };
                    Some((e, Sem::Date(DateSpec::Decade(c + (n / 10) as i32))))
                }
                _ => None,
            };
        }
        let y = self.standalone_year(i)?;
        Some((i + 1, Sem::Date(DateSpec::Year(YearSpec::Abs(y)))))
    }

    /// "'82" → 1982, "'90s" → the 1990s.
    fn apostrophe_year(&self, i: usize) -> Option<(usize, Sem)> {
        if !self.punct(i, b'\'') || !self.glued(i + 1) {
            return None;
        }
        let (n, d) = self.num(i + 1)?;
        if d != 2 {
            return None;
        }
        // The apostrophe must open the token: "rock 'n' roll" and quotes around words don't count.
        if !self.tok(i)?.space_before && i > 0 {
            return None;
        }
        // "iLife '11", "Office '08": a product version.
        if i > 0
            && self.t[i - 1].kind == Kind::Word
            && self.t[i - 1].lex == Lex::None
            && self.word(i - 1).chars().any(|c| c.is_ascii_uppercase())
        {
            return None;
        }
        let century = if n < 30 { 2000 } else { 1900 };
        if self.word_is(i + 2, "s") && self.glued(i + 2) {
            if n % 10 != 0 {
                return None;
            }
            return Some((
                i + 3,
                Sem::Date(DateSpec::Decade((century + n as i32) / 10)),
            ));
        }
        if self
            .tok(i + 2)
            .is_some_and(|t| !t.space_before && matches!(t.kind, Kind::Word | Kind::Num))
        {
            return None;
        }
        Some((
            i + 2,
            Sem::Date(DateSpec::Year(YearSpec::Abs(century + n as i32))),
        ))
    }

    /// Clock times: "1 p.m.", "6:40 p.m.", "18:00 UTC", "0800 GMT", "noon", optionally a day after.
    fn clock(&self, i: usize) -> Option<(usize, Sem)> {
        let t = self.tok(i)?;
        let (mut h, mut m, mut e) = match (t.kind, t.lex) {
            (Kind::Num, _) if !t.ordinal => (t.num, 0, i + 1),
            (_, Lex::Num(n)) if (1..=12).contains(&n) => (n, 0, i + 1),
            _ => return None,
        };
        let mut explicit = false;
        if t.kind == Kind::Num {
            if t.digits == 4 && !self.punct(i + 1, b':') {
                // 0800 GMT / 1600 hours
                let z = zone(self.word(i + 1));
                if z.is_none() && !self.word_is(i + 1, "hours") && !self.word_is(i + 1, "hrs") {
                    return None;
                }
                h = t.num / 100;
                m = t.num % 100;
                explicit = true;
            } else if self.punct(i + 1, b':') && self.glued(i + 1) && self.glued(i + 2) {
                let (mm, dm) = self.num(i + 2)?;
                if dm != 2 {
                    return None;
                }
                m = mm;
                e = i + 3;
                explicit = true;
                // seconds
                if self.punct(e, b':')
                    && self.glued(e)
                    && self.num(e + 1).is_some_and(|(_, d)| d == 2)
                    && self.glued(e + 1)
                {
                    e += 2;
                }
            } else if t.digits > 2 {
                return None;
            }
        }
        if h > 24 || m > 59 {
            return None;
        }
        let mut utc = false;
        let mut marked = explicit;
        if let Some((e2, pm)) = self.ampm(e) {
            if h == 0 || h > 12 {
                return None;
            }
            if pm && h < 12 {
                h += 12;
            } else if !pm && h == 12 {
                h = 0;
            }
            e = e2;
            marked = true;
        } else if self.word_is(e, "o") && self.punct(e + 1, b'\'') && self.word_is(e + 2, "clock") {
            e += 3;
            marked = true;
        }
        if !marked {
            return None;
        }
        if let Some(z) = zone(self.word(e)) {
            utc = z;
            e += 1;
        } else if self.word_is(e, "local") && self.word_is(e + 1, "time") {
            e += 2;
        } else if explicit && t.digits == 4 && (self.word_is(e, "hours") || self.word_is(e, "hrs"))
        {
            e += 1;
        }
        if !explicit && !self.ampm(i + 1).is_some_and(|_| true) && e == i + 1 {
            return None;
        }
        let clock = Clock::Hm {
            h: h as u8,
            m: m as u8,
            utc,
        };
        // "12:00 UTC Monday", "1 p.m. today", "3 p.m. on Friday"
        let k = if self.is(e, W::On) { e + 1 } else { e };
        let day = match self.tok(k).map(|t| t.lex) {
            Some(Lex::Weekday(..)) => self.weekday(k, Dir::Tense).and_then(|(e2, s)| match s {
                Sem::Date(d) => Some((e2, d)),
                _ => None,
            }),
            Some(Lex::W(W::Today)) => Some((k + 1, DateSpec::DayOffset(0))),
            Some(Lex::W(W::Yesterday)) => Some((k + 1, DateSpec::DayOffset(-1))),
            Some(Lex::W(W::Tomorrow)) => Some((k + 1, DateSpec::DayOffset(1))),
            _ => None,
        };
        if let Some((e2, d)) = day {
            return Some((
                e2,
                Sem::Time {
                    day: Some(d),
                    clock,
                },
            ));
        }
        Some((e, Sem::Time { day: None, clock }))
    }

    /// Durations: "two days", "27-year", "the past several months", "a decade".
    fn duration(&self, i: usize) -> Option<(usize, Sem)> {
        let mut j = i;
        let mut det = false;
        if self.is(j, W::The) {
            j += 1;
            det = true;
        }
        let first = matches!(self.tok(j).map(|t| t.lex), Some(Lex::Ord(1 | 99)));
        if first
            || matches!(
                self.w(j),
                Some(
                    W::Past
                        | W::Last
                        | W::Next
                        | W::Coming
                        | W::Previous
                        | W::Following
                        | W::Recent
                )
            )
        {
            // "last two weeks" without "the" is usually the verb: "to last two weeks".
            if !det && matches!(self.w(j), Some(W::Last | W::Past | W::Next)) {
                return None;
            }
            j += 1;
            det = true;
        } else if det {
            return None;
        }
        let (k, n) = self.amount(j)?;
        // "27-year", "five-year": adjectival durations glued by a hyphen.
        if self.punct(k, b'-') && self.glued(k) && self.glued(k + 1) {
            if let Some((e, u, false)) = self.unit(k + 1)
                && matches!(n, Amount::N(_))
                && self.tok(j).is_some_and(|t| !matches!(t.lex, Lex::W(W::A)))
            {
                // "decades-long" style suffixes are part of the word.
                // "decades-long", "47-year-old": the suffix belongs to the adjective.
                let e = if self.punct(e, b'-')
                    && (self.word_is(e + 1, "long") || self.word_is(e + 1, "old"))
                {
                    e + 2
                } else {
                    e
                };
                return Some((e, Sem::Dur { n, unit: u }));
            }
            return None;
        }
        // "60 or 90 days", "two to three years": the first number takes the shared unit.
        if matches!(n, Amount::N(_))
            && (self.word_is(k, "or") || self.is(k, W::To) || self.is(k, W::And))
            && !det
            && let Some((k2, Amount::N(_))) = self.amount(k + 1)
            && let Some((_, u, true)) = self.unit(k2)
        {
            return Some((k, Sem::Dur { n, unit: u }));
        }
        let (e, u, plural) = self.unit(k)?;
        // "a quarter of the staff", "a second time", "one day" (an unspecified day) are not durations.
        if let Amount::N(v) = n {
            if v == 1.0
                && self.is(j, W::A)
                && matches!(u, Unit::Quarter | Unit::Second | Unit::Season)
            {
                return None;
            }
            if v == 1.0 && u == Unit::Day && self.word_is(j, "one") && !det {
                return None;
            }
        }
        if matches!(n, Amount::Vague) && !plural && !self.is(j, W::A) {
            return None;
        }
        let mut e = e;
        if self.is(e, W::And)
            && self.is(e + 1, W::A)
            && self.is(e + 2, W::Half)
            && let Amount::N(v) = n
        {
            return Some((
                e + 3,
                Sem::Dur {
                    n: Amount::N(v + 0.5),
                    unit: u,
                },
            ));
        }
        if self.punct(e, b'-') && self.word_is(e + 1, "long") && self.glued(e) {
            // "a year-long fight": the adjective alone is the expression.
            if self.is(j, W::A) {
                return None;
            }
            e += 2;
        }
        // A plain amount after "the past/last/next" is a duration even in the singular.
        Some((e, Sem::Dur { n, unit: u }))
    }

    /// "two days ago", "a year earlier", "three weeks from now", "years ago".
    fn ago(&self, i: usize) -> Option<(usize, Sem)> {
        let (k, n) = self.amount(i).or(Some((i, Amount::Vague)))?;
        let (e, u, plural) = self.unit(k)?;
        if matches!(n, Amount::Vague) && !plural && k == i {
            return None;
        }
        let sign = if self.is(e, W::Ago)
            || self.is(e, W::Earlier)
            || (self.is(e, W::Before)
                && !self
                    .tok(e + 1)
                    .is_some_and(|t| t.kind == Kind::Word && !matches!(t.lex, Lex::W(W::That))))
        {
            -1
        } else if self.is(e, W::Later)
            || (self.word_is(e, "from") && self.is(e + 1, W::Now))
            || self.is(e, W::Hence)
        {
            1
        } else {
            return None;
        };
        let end = if self.word_is(e, "from") {
            e + 2
        } else {
            e + 1
        };
        // "before" needs a clause end after it ("two days before" vs "two days before the vote").
        if self.is(e, W::Before) {
            return None;
        }
        let Amount::N(v) = n else {
            return Some((
                end,
                Sem::Ref(if sign < 0 {
                    RefKind::Past
                } else {
                    RefKind::Future
                }),
            ));
        };
        let v = (v * f64::from(sign)) as i32;
        // "two days later", "a week earlier" count from the day the story is on; "ago" from
        // the report date.
        let from_story = !self.is(e, W::Ago) && !self.word_is(e, "from");
        let spec = match u {
            Unit::Day | Unit::Night if from_story => DateSpec::AnaphorOffset(v),
            Unit::Week if from_story => DateSpec::AnaphorOffset(v * 7),
            Unit::Day | Unit::Night => DateSpec::DayOffset(v),
            Unit::Week => DateSpec::DayOffset(v * 7),
            Unit::Fortnight => DateSpec::DayOffset(v * 14),
            Unit::Month => DateSpec::Unit {
                unit: Unit::Month,
                off: v,
            },
            Unit::Quarter => DateSpec::Unit {
                unit: Unit::Quarter,
                off: v,
            },
            Unit::Year => DateSpec::Unit {
                unit: Unit::Year,
                off: v,
            },
            Unit::Decade => DateSpec::Unit {
                unit: Unit::Year,
                off: v * 10,
            },
            Unit::Century => DateSpec::Unit {
                unit: Unit::Century,
                off: v,
            },
            _ => {
                return Some((
                    end,
                    Sem::Ref(if sign < 0 {
                        RefKind::Past
                    } else {
                        RefKind::Future
                    }),
                ));
            }
        };
        Some((end, Sem::Date(spec)))
    }

    /// A bare plural unit after "for"/"in"/"within": "for years" → PXY.
    fn bare_unit(&self, i: usize) -> Option<(usize, Sem)> {
        let (e, u, plural) = self.unit(i)?;
        // "year-long", "month-long"
        if !plural && self.punct(e, b'-') && self.glued(e) && self.word_is(e + 1, "long") {
            return Some((
                e + 2,
                Sem::Dur {
                    n: Amount::N(1.0),
                    unit: u,
                },
            ));
        }
        // "the year-earlier quarter", "year-ago levels": the previous year (month, quarter).
        if !plural
            && self.punct(e, b'-')
            && self.glued(e)
            && (self.word_is(e + 1, "earlier") || self.word_is(e + 1, "ago"))
            && matches!(u, Unit::Year | Unit::Month | Unit::Quarter | Unit::Week)
        {
            return Some((e + 2, Sem::Date(DateSpec::Unit { unit: u, off: -1 })));
        }
        if !plural || i == 0 {
            return None;
        }
        // "decades-long", "months-long"
        if self.punct(e, b'-') && self.glued(e) && self.word_is(e + 1, "long") {
            return Some((
                e + 2,
                Sem::Dur {
                    n: Amount::Vague,
                    unit: u,
                },
            ));
        }
        // "for years", "in just minutes"
        let p = if i >= 2 && matches!(self.word(i - 1), "just" | "only" | "mere") {
            i - 2
        } else {
            i - 1
        };
        if !matches!(self.w(p), Some(W::For | W::In | W::Within)) {
            return None;
        }
        if matches!(
            u,
            Unit::Weekend
                | Unit::Night
                | Unit::Season
                | Unit::Quarter
                | Unit::Fortnight
                | Unit::Second
        ) {
            return None;
        }
        // "for years to come" fine; "in years past" fine; "for months of talks" fine.
        Some((
            e,
            Sem::Dur {
                n: Amount::Vague,
                unit: u,
            },
        ))
    }

    /// Seasons: "spring", "this summer", "the fall of 2009", "winter 2008".
    fn season(&self, i: usize, dir: Dir, det: bool) -> Option<(usize, Sem)> {
        let t = self.tok(i)?;
        let Lex::Season(s) = t.lex else { return None };
        let e = i + 1;
        let k = if self.is(e, W::Of) || self.punct(e, b',') {
            e + 1
        } else {
            e
        };
        if let Some(y) = self.year4(k) {
            return Some((
                k + 1,
                Sem::Date(DateSpec::Season {
                    s,
                    y: YearSpec::Abs(y),
                    dir: Dir::Tense,
                }),
            ));
        }
        if let (Some(w @ (W::This | W::Last | W::Next)), true) =
            (self.w(e), self.unit_is(e + 1, Unit::Year))
        {
            let off = match w {
                W::This => 0,
                W::Last => -1,
                _ => 1,
            };
            return Some((
                e + 2,
                Sem::Date(DateSpec::Season {
                    s,
                    y: YearSpec::Rel(off),
                    dir: Dir::Tense,
                }),
            ));
        }
        // "Summer Olympics", "Winter Games": part of a name.
        if t.cap
            && self
                .tok(e)
                .is_some_and(|n| n.kind == Kind::Word && n.cap && n.lex == Lex::None)
        {
            return None;
        }
        // "fall" and "spring" are also verbs/nouns: need a determiner or temporal preposition.
        let prev = i.checked_sub(1).and_then(|p| self.w(p));
        let supported = dir != Dir::Tense
            || det
            || t.cap && !(s == 2 && self.word_is(i, "Fall"))
            || matches!(
                prev,
                Some(
                    W::In
                        | W::Since
                        | W::Until
                        | W::By
                        | W::Early
                        | W::Late
                        | W::Mid
                        | W::During
                        | W::Through
                )
            );
        if !supported
            || (dir == Dir::Tense
                && self.word_is(i, "fall")
                && det
                && !self.is(e, W::Of)
                && !matches!(prev, Some(W::In)))
        {
            return None;
        }
        if self.is(e, W::Of) {
            return None;
        }
        Some((
            e,
            Sem::Date(DateSpec::Season {
                s,
                y: YearSpec::Infer,
                dir,
            }),
        ))
    }

    /// Quarters and halves: "first quarter (of 2009)", "Q3", "third-quarter", "the second half".
    fn quarter(&self, i: usize) -> Option<(usize, Sem)> {
        let t = self.tok(i)?;
        let q: u8 = match (t.kind, t.lex) {
            (_, Lex::Ord(n)) if (1..=4).contains(&n) || n == 99 => n,
            (Kind::Num, _) if t.ordinal && (1..=4).contains(&t.num) => t.num as u8,
            (Kind::Word, _) if self.word(i) == "Q" && self.glued(i + 1) => {
                let (n, d) = self.num(i + 1)?;
                if d != 1 || !(1..=4).contains(&n) {
                    return None;
                }
                let e = i + 2;
                let k = if self.punct(e, b',') { e + 1 } else { e };
                if let Some(y) = self.year4(k) {
                    return Some((
                        k + 1,
                        Sem::Date(DateSpec::Quarter {
                            q: n as u8,
                            y: YearSpec::Abs(y),
                            fiscal: false,
                        }),
                    ));
                }
                return Some((
                    e,
                    Sem::Date(DateSpec::Quarter {
                        q: n as u8,
                        y: YearSpec::Infer,
                        fiscal: false,
                    }),
                ));
            }
            (Kind::Word, _) if self.word(i) == "H" && self.glued(i + 1) => {
                let (n, d) = self.num(i + 1)?;
                if d != 1 || !(1..=2).contains(&n) {
                    return None;
                }
                let e = i + 2;
                if let Some(y) = self.year4(e) {
                    return Some((
                        e + 1,
                        Sem::Date(DateSpec::Half {
                            h: n as u8,
                            y: YearSpec::Abs(y),
                        }),
                    ));
                }
                return Some((
                    e,
                    Sem::Date(DateSpec::Half {
                        h: n as u8,
                        y: YearSpec::Infer,
                    }),
                ));
            }
            _ => return None,
        };
        let mut e = i + 1;
        if self.punct(e, b'-') && self.glued(e) {
            e += 1;
        }
        let (half, last_of) = if self.is(e, W::Half) && (q <= 2 || q == 99) {
            (true, q == 99)
        } else if self.unit_is(e, Unit::Quarter)
            && matches!(self.tok(e).map(|t| t.lex), Some(Lex::Unit(_, false)))
        {
            (false, q == 99)
        } else {
            return None;
        };
        e += 1;
        let q = if last_of { if half { 2 } else { 4 } } else { q };
        // "of 2009", "of last year", "of fiscal 2009", "2009" glued after ("first quarter 2009")
        let mut y = YearSpec::Infer;
        let mut fiscal = false;
        let k = if self.is(e, W::Of) { e + 1 } else { e };
        let k = if self.is(k, W::The)
            && (self.is(k + 1, W::Fiscal)
                || self.is(k + 1, W::Financial)
                || self.unit_is(k + 1, Unit::Year))
        {
            k + 1
        } else {
            k
        };
        if let Some(yy) = self.year4(k) {
            y = YearSpec::Abs(yy);
            e = k + 1;
        } else if matches!(self.w(k), Some(W::Fiscal | W::Financial)) {
            if let Some((e2, Sem::Date(DateSpec::FiscalYear(fy)))) = self.fiscal(k) {
                y = fy;
                fiscal = true;
                e = e2;
            }
        } else if let (Some(w @ (W::This | W::Last | W::Next | W::Current | W::Previous)), true) =
            (self.w(k), self.unit_is(k + 1, Unit::Year))
        {
            y = YearSpec::Rel(match w {
                W::This | W::Current => 0,
                W::Last | W::Previous => -1,
                _ => 1,
            });
            e = k + 2;
        } else if k > e && self.unit_is(k, Unit::Year) && self.is(k - 1, W::The) {
            // "of the year"
            y = YearSpec::Rel(0);
            e = k + 1;
        }
        let spec = if half {
            DateSpec::Half { h: q, y }
        } else {
            DateSpec::Quarter { q, y, fiscal }
        };
        Some((e, Sem::Date(spec)))
    }

    /// "fiscal 2009", "fiscal year 2009", "the fiscal year", "FY2009".
    fn fiscal(&self, i: usize) -> Option<(usize, Sem)> {
        let mut e = i + 1;
        if self.unit_is(e, Unit::Year) {
            e += 1;
        }
        if let Some(y) = self.year4(e) {
            return Some((e + 1, Sem::Date(DateSpec::FiscalYear(YearSpec::Abs(y)))));
        }
        if let Some((n, 2)) = self.num(e) {
            return Some((
                e + 1,
                Sem::Date(DateSpec::FiscalYear(YearSpec::Abs(2000 + n as i32))),
            ));
        }
        None
    }

    /// 20th century, the nineteenth century.
    fn century(&self, i: usize) -> Option<(usize, Sem)> {
        let t = self.tok(i)?;
        let n = match (t.kind, t.lex) {
            (Kind::Num, _) if t.ordinal && (1..=22).contains(&t.num) => t.num as i32,
            (_, Lex::Ord(n)) if (1..=20).contains(&n) => i32::from(n),
            _ => return None,
        };
        let e = if self.punct(i + 1, b'-') && self.glued(i + 1) {
            i + 2
        } else {
            i + 1
        };
        if !matches!(
            self.tok(e).map(|t| t.lex),
            Some(Lex::Unit(Unit::Century, false))
        ) {
            return None;
        }
        Some((e + 1, Sem::Date(DateSpec::Century(n - 1))))
    }

    /// Holidays with a fixed date.
    fn holiday(&self, i: usize, m: u8, d: u8) -> Option<(usize, Sem)> {
        let t = self.tok(i)?;
        if !t.cap {
            return None;
        }
        let mut e = i + 1;
        let mut d = d;
        if m == 12 && d == 25 {
            if self.word_is(e, "Eve") {
                d = 24;
                e += 1;
            } else if self.word_is(e, "Day") {
                e += 1;
            }
        } else if m == 2 {
            // Valentine's Day
            if !(self.punct(e, b'\'') && self.word_is(e + 1, "s") && self.word_is(e + 2, "Day")) {
                return None;
            }
            e += 3;
        }
        let k = if self.punct(e, b',') { e + 1 } else { e };
        if let Some(y) = self.year4(k) {
            return Some((
                k + 1,
                Sem::Date(DateSpec::Ymd {
                    y: YearSpec::Abs(y),
                    m,
                    d: Some(d),
                    dir: Dir::Tense,
                }),
            ));
        }
        Some((
            e,
            Sem::Date(DateSpec::Ymd {
                y: YearSpec::Infer,
                m,
                d: Some(d),
                dir: Dir::Tense,
            }),
        ))
    }

    /// Capitalised words outside the lexicon: "New Year's Day", "Q3", "FY2009".
    fn other_word(&self, i: usize) -> Option<(usize, Sem)> {
        let w = self.word(i);
        match w {
            "Q" | "H" => self.quarter(i),
            "FY" => {
                let e = i + 1;
                if let Some(y) = self.year4(e) {
                    return Some((e + 1, Sem::Date(DateSpec::FiscalYear(YearSpec::Abs(y)))));
                }
                if let Some((n, 2)) = self.num(e) {
                    return Some((
                        e + 1,
                        Sem::Date(DateSpec::FiscalYear(YearSpec::Abs(2000 + n as i32))),
                    ));
                }
                None
            }
            "Thanksgiving" | "Easter" | "Memorial" | "Labor" | "Labour" => {
                let (kind, mut e) = match w {
                    "Thanksgiving" => (Movable::Thanksgiving, i + 1),
                    "Easter" => (Movable::Easter, i + 1),
                    _ if self.word_is(i + 1, "Day") => (
                        if w == "Memorial" {
                            Movable::MemorialDay
                        } else {
                            Movable::LaborDay
                        },
                        i + 2,
                    ),
                    _ => return None,
                };
                if matches!(kind, Movable::Thanksgiving | Movable::Easter)
                    && (self.word_is(e, "Day") || self.word_is(e, "Sunday"))
                {
                    e += 1;
                }
                let k = if self.punct(e, b',') { e + 1 } else { e };
                if let Some(y) = self.year4(k) {
                    return Some((
                        k + 1,
                        Sem::Date(DateSpec::Movable {
                            kind,
                            y: YearSpec::Abs(y),
                        }),
                    ));
                }
                Some((
                    e,
                    Sem::Date(DateSpec::Movable {
                        kind,
                        y: YearSpec::Infer,
                    }),
                ))
            }
            "New" => {
                if !(self.word_is(i + 1, "Year")
                    && self.punct(i + 2, b'\'')
                    && self.word_is(i + 3, "s"))
                {
                    return None;
                }
                let (e, m, d) = if self.word_is(i + 4, "Day") {
                    (i + 5, 1, 1)
                } else if self.word_is(i + 4, "Eve") {
                    (i + 5, 12, 31)
                } else {
                    return None;
                };
                Some((
                    e,
                    Sem::Date(DateSpec::Ymd {
                        y: YearSpec::Infer,
                        m,
                        d: Some(d),
                        dir: Dir::Tense,
                    }),
                ))
            }
            _ => None,
        }
    }

    /// every/each/per + unit or name: SET.
    fn set(&self, i: usize) -> Option<(usize, Sem)> {
        let j = i + 1;
        let t = self.tok(j)?;
        match t.lex {
            Lex::Weekday(wd, false) => Some((j + 1, Sem::SetOwned(format!("XXXX-WXX-{wd}")))),
            Lex::Month(m, false) if t.cap => Some((j + 1, Sem::SetOwned(format!("XXXX-{m:02}")))),
            Lex::Season(s) => Some((
                j + 1,
                Sem::SetOwned(format!("XXXX-{}", crate::anchor::SEASONS[s as usize])),
            )),
            Lex::Pod(p) => Some((j + 1, Sem::SetOwned(format!("XXXX-XX-XXT{}", p.code())))),
            _ => {
                let (k, n) = match self.amount(j) {
                    Some((k, Amount::N(v))) if !self.is(j, W::A) => (k, v),
                    _ => (j, 1.0),
                };
                let (e, u, _) = self.unit(k)?;
                let v = crate::anchor::duration_value(Amount::N(n), u);
                Some((e, Sem::SetOwned(v)))
            }
        }
    }

    /// "once a year", "twice a week".
    fn times_per(&self, i: usize) -> Option<(usize, Sem)> {
        let j = i + 1;
        if !(self.is(j, W::A) || self.is(j, W::Per) || self.is(j, W::Every) || self.is(j, W::Each))
        {
            return None;
        }
        let (e, u, false) = self.unit(j + 1)? else {
            return None;
        };
        Some((
            e,
            Sem::SetOwned(crate::anchor::duration_value(Amount::N(1.0), u)),
        ))
    }

    /// Extent start for "during the X" (the determiner, not "during").
    pub(crate) fn during_period(&self, i: usize) -> Option<Cand> {
        if !self.is(i, W::During) {
            return None;
        }
        let j = i + 1;
        let det = self.word(j);
        if !matches!(
            det.to_ascii_lowercase().as_str(),
            "the" | "his" | "her" | "their" | "its"
        ) {
            return None;
        }
        // optional one modifier word: "the mayoral campaign", "the 2008 campaign"
        for k in [j + 1, j + 2] {
            let w = self.word(k).to_ascii_lowercase();
            if PERIOD_NOUNS.contains(&w.as_str()) {
                // the noun must end the phrase: "the war on terror" stays, "the election results" no.
                let next_is_noun = self.tok(k + 1).is_some_and(|t| {
                    t.kind == Kind::Word
                        && t.lex == Lex::None
                        && !t.cap
                        && self.word(k + 1).len() > 3
                        && !matches!(
                            t.cue,
                            crate::lex::Cue::Past | crate::lex::Cue::Future | crate::lex::Cue::Be
                        )
                });
                if next_is_noun {
                    return None;
                }
                return Some(Cand {
                    start: j,
                    end: k + 1,
                    sem: Sem::Ref(RefKind::Tense),
                    modifier: None,
                    tense_hint: None,
                });
            }
        }
        None
    }
}

/// Kinds of extent prefix.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Pre {
    /// early/late/mid, the beginning/end/middle of.
    Part,
    /// early in / late in / earlier in / later in.
    PartIn,
    Earlier,
    Later,
    /// about, more than, at least …
    Approx,
}
