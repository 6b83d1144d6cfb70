//! Normalisation: semantic descriptions + report date + tense → TIMEX3 values.

use crate::grammar::{Amount, Clock, DateSpec, Dir, RefKind, Sem, YearSpec};
use crate::lex::Unit;
use dyad_core::Precision;
use jiff::Span as JSpan;
use jiff::civil::{Date, Weekday};
use std::fmt::Write;

/// TIMEX3 season codes, spring first.
pub(crate) const SEASONS: [&str; 4] = ["SP", "SU", "FA", "WI"];

/// The tense of the clause around an expression.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tense {
    /// Past or present perfect: names resolve to the most recent occurrence.
    Past,
    /// Present: names resolve to the nearest occurrence.
    Present,
    /// Future or planned: names resolve to the next occurrence.
    Future,
    /// No cue found: the nearest occurrence, ties to the past.
    Unknown,
}

/// A resolved value.
pub(crate) struct Resolved {
    pub value: String,
    pub precision: Precision,
    /// The day it names, when it names one (for anaphora and clock times).
    pub day: Option<Date>,
}

fn add_days(d: Date, n: i64) -> Option<Date> {
    d.checked_add(JSpan::new().try_days(n).ok()?).ok()
}

fn ymd(y: i32, m: i32, d: i32) -> Option<Date> {
    Date::new(
        i16::try_from(y).ok()?,
        i8::try_from(m).ok()?,
        i8::try_from(d).ok()?,
    )
    .ok()
}

fn weekday_num(w: Weekday) -> i32 {
    i32::from(w.to_monday_one_offset())
}

/// Which of the previous/current/next cycle to take, given how far forward (`fwd`) and back
/// (`back`) the nearest occurrences lie (both ≥ 0; 0 means "now").
fn pick(fwd: i64, back: i64, tense: Tense) -> i64 {
    if fwd == 0 || back == 0 {
        return 0;
    }
    match tense {
        Tense::Past => -back,
        Tense::Future => fwd,
        Tense::Present | Tense::Unknown => {
            if back <= fwd {
                -back
            } else {
                fwd
            }
        }
    }
}

fn year_of(y: YearSpec, dct: Date) -> Option<i32> {
    match y {
        YearSpec::Abs(y) => Some(y),
        YearSpec::Rel(o) => Some(i32::from(dct.year()) + o),
        YearSpec::Infer => None,
    }
}

fn month_shift(y: i32, m: i32, off: i32) -> (i32, i32) {
    let idx = y * 12 + (m - 1) + off;
    (idx.div_euclid(12), idx.rem_euclid(12) + 1)
}

fn season_of(d: Date) -> (i32, i32) {
    // (season index, year the season belongs to); December counts to the next winter's year.
    let m = i32::from(d.month());
    let y = i32::from(d.year());
    match m {
        3..=5 => (0, y),
        6..=8 => (1, y),
        9..=11 => (2, y),
        12 => (3, y),
        _ => (3, y - 1),
    }
}

/// Resolves a calendar description.
pub(crate) fn date(
    spec: DateSpec,
    dct: Date,
    tense: Tense,
    anaphor: Option<Date>,
) -> Option<Resolved> {
    let dy = i32::from(dct.year());
    let dm = i32::from(dct.month());
    let day = |d: Date| Resolved {
        value: d.to_string(),
        precision: Precision::Day,
        day: Some(d),
    };
    let plain = |value: String, precision: Precision| Resolved {
        value,
        precision,
        day: None,
    };
    Some(match spec {
        DateSpec::Ymd {
            y: YearSpec::Infer,
            m: 0,
            d: Some(d),
            ..
        } => {
            // "the 3rd": this month's, last month's or next month's, by tense.
            let d = i32::from(d);
            let (py, pm) = month_shift(dy, dm, -1);
            let (ny, nm) = month_shift(dy, dm, 1);
            let this = ymd(dy, dm, d);
            let (back_d, fwd_d) = match this {
                Some(t) if t <= dct => (Some(t), ymd(ny, nm, d)),
                Some(t) => (ymd(py, pm, d), Some(t)),
                None => (ymd(py, pm, d), ymd(ny, nm, d)),
            };
            let days = |a: Date, b: Date| {
                a.since(b)
                    .ok()
                    .map(|s| i64::from(s.get_days()))
                    .unwrap_or(0)
            };
            let back = back_d.map_or(i64::MAX / 2, |b| days(dct, b));
            let fwd = fwd_d.map_or(i64::MAX / 2, |f| days(f, dct));
            let chosen = if pick(fwd, back, tense) > 0 {
                fwd_d
            } else {
                back_d
            };
            day(chosen.or(back_d).or(fwd_d)?)
        }
        DateSpec::Ymd { y, m, d, dir } => {
            let m = if m == 0 { dm } else { i32::from(m) };
            if let Some(y) = year_of(y, dct) {
                return Some(match d {
                    Some(d) => day(ymd(y, m, i32::from(d))?),
                    None => plain(format!("{y:04}-{m:02}"), Precision::Month),
                });
            }
            let tense = match dir {
                Dir::Last => Tense::Past,
                Dir::Next => Tense::Future,
                Dir::This => Tense::Present,
                Dir::Tense => tense,
            };
            match d {
                Some(d) => {
                    let d = i32::from(d);
                    // Candidates last year, this year, next year; the tense picks.
                    let this = ymd(dy, m, d).or_else(|| ymd(dy, m, 28))?;
                    let prev = ymd(dy - 1, m, d).or_else(|| ymd(dy - 1, m, 28))?;
                    let next = ymd(dy + 1, m, d).or_else(|| ymd(dy + 1, m, 28))?;
                    let days = |a: Date, b: Date| {
                        a.since(b)
                            .ok()
                            .map(|s| i64::from(s.get_days()))
                            .unwrap_or(0)
                    };
                    let (back_d, fwd_d) = if this <= dct {
                        (this, next)
                    } else {
                        (prev, this)
                    };
                    let back = days(dct, back_d);
                    let fwd = days(fwd_d, dct);
                    let chosen = match dir {
                        Dir::Last if back == 0 => prev,
                        Dir::Next if fwd == 0 => next,
                        _ => match pick(fwd, back, tense) {
                            0 => dct,
                            x if x < 0 => back_d,
                            _ => fwd_d,
                        },
                    };
                    // Feb 29 in a non-leap year was clamped to the 28th: only keep real dates.
                    let chosen = ymd(i32::from(chosen.year()), m, d)?;
                    day(chosen)
                }
                None => {
                    let fwd = i64::from((m - dm).rem_euclid(12));
                    let back = i64::from((dm - m).rem_euclid(12));
                    let off = match dir {
                        Dir::Last => {
                            if back == 0 {
                                -12
                            } else {
                                -back
                            }
                        }
                        Dir::Next => {
                            if fwd == 0 {
                                12
                            } else {
                                fwd
                            }
                        }
                        Dir::This => {
                            // "this May": the current year's.
                            i64::from(m - dm)
                        }
                        Dir::Tense => pick(fwd, back, tense),
                    };
                    let (y, mm) = month_shift(dy, dm, off as i32);
                    plain(format!("{y:04}-{mm:02}"), Precision::Month)
                }
            }
        }
        DateSpec::Year(y) => {
            let y = year_of(y, dct).unwrap_or(dy);
            plain(format!("{y:04}"), Precision::Year)
        }
        DateSpec::Decade(d) => plain(format!("{d:03}"), Precision::Decade),
        DateSpec::Century(c) => plain(format!("{c:02}"), Precision::Century),
        DateSpec::WeekdayDate { m, d, wd, dir } => {
            // The weekday is checked against the year before, of and after the report: the
            // nearest date within half a year that falls on it wins ("Friday, August 15" in
            // a report of 2025-08-20 is 2025's, whatever the tense). Where none does, the
            // weekday is a slip and the month and day are placed as without it.
            let fits = |y: i32| {
                ymd(y, i32::from(m), i32::from(d))
                    .filter(|x| weekday_num(x.weekday()) == i32::from(wd))
            };
            let distance = |x: &Date| {
                x.since(dct)
                    .map(|s| i64::from(s.get_days()).abs())
                    .unwrap_or(i64::MAX)
            };
            match [dy - 1, dy, dy + 1]
                .into_iter()
                .filter_map(fits)
                .filter(|x| distance(x) <= 183)
                .min_by_key(distance)
            {
                Some(x) => day(x),
                None => {
                    return date(
                        DateSpec::Ymd {
                            y: YearSpec::Infer,
                            m,
                            d: Some(d),
                            dir,
                        },
                        dct,
                        tense,
                        anaphor,
                    );
                }
            }
        }
        DateSpec::Weekday { wd, dir } => {
            let dw = weekday_num(dct.weekday());
            let wd = i32::from(wd);
            let fwd = i64::from((wd - dw).rem_euclid(7));
            let back = i64::from((dw - wd).rem_euclid(7));
            let off = match dir {
                Dir::Last => {
                    if back == 0 {
                        -7
                    } else {
                        -back
                    }
                }
                Dir::Next => {
                    if fwd == 0 {
                        7
                    } else {
                        fwd
                    }
                }
                Dir::This => match tense {
                    Tense::Past => -back,
                    Tense::Future => fwd,
                    _ => i64::from(wd - dw),
                },
                Dir::Tense => pick(
                    fwd,
                    back,
                    if tense == Tense::Unknown {
                        Tense::Past
                    } else {
                        tense
                    },
                ),
            };
            day(add_days(dct, off)?)
        }
        DateSpec::DayOffset(n) => day(add_days(dct, i64::from(n))?),
        DateSpec::Anaphor => day(anaphor.unwrap_or(dct)),
        DateSpec::Movable { kind, y } => {
            let on = |y: i32| movable(kind, y);
            let chosen = match year_of(y, dct) {
                Some(y) => on(y)?,
                None => {
                    let this = on(dy)?;
                    let (back_d, fwd_d) = if this <= dct {
                        (this, on(dy + 1)?)
                    } else {
                        (on(dy - 1)?, this)
                    };
                    let days = |a: Date, b: Date| {
                        a.since(b)
                            .ok()
                            .map(|s| i64::from(s.get_days()))
                            .unwrap_or(0)
                    };
                    if pick(days(fwd_d, dct), days(dct, back_d), tense) > 0 {
                        fwd_d
                    } else {
                        back_d
                    }
                }
            };
            day(chosen)
        }
        DateSpec::AnaphorOffset(n) => day(add_days(anaphor.unwrap_or(dct), i64::from(n))?),
        DateSpec::Unit { unit, off } => match unit {
            Unit::Day | Unit::Night => day(add_days(dct, i64::from(off))?),
            Unit::Week | Unit::Fortnight => {
                let d = add_days(dct, i64::from(off) * 7)?;
                let w = d.iso_week_date();
                plain(format!("{:04}-W{:02}", w.year(), w.week()), Precision::Week)
            }
            Unit::Weekend => {
                // "the weekend" in a past clause written Tuesday–Friday is the one just gone.
                // On a Monday annotators (MEANTIME, TimeBank) still write the DCT's week for
                // the weekend just past, and so do we.
                let dw = weekday_num(dct.weekday());
                let off = match tense {
                    Tense::Past if off == 0 && (2..=5).contains(&dw) => -1,
                    _ => off,
                };
                let d = add_days(dct, i64::from(off) * 7)?;
                let w = d.iso_week_date();
                plain(
                    format!("{:04}-W{:02}-WE", w.year(), w.week()),
                    Precision::Week,
                )
            }
            Unit::Month => {
                let (y, m) = month_shift(dy, dm, off);
                plain(format!("{y:04}-{m:02}"), Precision::Month)
            }
            Unit::Quarter => {
                let q0 = (dm - 1) / 3;
                let idx = dy * 4 + q0 + off;
                plain(
                    format!("{:04}-Q{}", idx.div_euclid(4), idx.rem_euclid(4) + 1),
                    Precision::Quarter,
                )
            }
            Unit::Season => {
                let (s, y) = season_of(dct);
                let idx = y * 4 + s + off;
                plain(
                    format!(
                        "{:04}-{}",
                        idx.div_euclid(4),
                        SEASONS[idx.rem_euclid(4) as usize]
                    ),
                    Precision::Season,
                )
            }
            Unit::Year => plain(format!("{:04}", dy + off), Precision::Year),
            Unit::Decade => plain(format!("{:03}", dy.div_euclid(10) + off), Precision::Decade),
            Unit::Century => plain(
                format!("{:02}", dy.div_euclid(100) + off),
                Precision::Century,
            ),
            Unit::Hour | Unit::Minute | Unit::Second => day(dct),
        },
        DateSpec::Quarter { q, y, fiscal } => {
            let q = i32::from(q);
            let y = match year_of(y, dct) {
                Some(y) => y,
                None => {
                    let cq = (dm - 1) / 3 + 1;
                    let fwd = i64::from((q - cq).rem_euclid(4));
                    let back = i64::from((cq - q).rem_euclid(4));
                    // Quarters are reported just after they end and forecast just before they
                    // begin: the nearest one wins, tense only breaking a tie.
                    let off = if fwd < back {
                        fwd
                    } else if back < fwd {
                        -back
                    } else {
                        pick(fwd, back, tense)
                    };
                    let idx = dy * 4 + (cq - 1) + off as i32;
                    idx.div_euclid(4)
                }
            };
            let fy = if fiscal { "FY" } else { "" };
            plain(format!("{fy}{y:04}-Q{q}"), Precision::Quarter)
        }
        DateSpec::Half { h, y } => {
            let y = match year_of(y, dct) {
                Some(y) => y,
                None => {
                    let ch = if dm <= 6 { 1 } else { 2 };
                    match (tense, i32::from(h), ch) {
                        (Tense::Past, 2, 1) => dy - 1,
                        (Tense::Future, 1, 2) => dy + 1,
                        _ => dy,
                    }
                }
            };
            plain(format!("{y:04}-H{h}"), Precision::Quarter)
        }
        DateSpec::Season { s, y, dir } => {
            let s = i32::from(s);
            let y = match year_of(y, dct) {
                Some(y) => y,
                None => {
                    let (cs, cy) = season_of(dct);
                    let fwd = i64::from((s - cs).rem_euclid(4));
                    let back = i64::from((cs - s).rem_euclid(4));
                    let off = match dir {
                        Dir::Last => {
                            if back == 0 {
                                -4
                            } else {
                                -back
                            }
                        }
                        Dir::Next => {
                            if fwd == 0 {
                                4
                            } else {
                                fwd
                            }
                        }
                        // "this summer": the coming one unless the clause is past.
                        Dir::This => {
                            if tense == Tense::Past {
                                -back
                            } else {
                                fwd
                            }
                        }
                        Dir::Tense => pick(fwd, back, tense),
                    };
                    (cy * 4 + cs + off as i32).div_euclid(4)
                }
            };
            plain(format!("{y:04}-{}", SEASONS[s as usize]), Precision::Season)
        }
        DateSpec::FiscalYear(y) => {
            let y = year_of(y, dct).unwrap_or(dy);
            plain(format!("FY{y:04}"), Precision::Year)
        }
    })
}

/// The date of a movable holiday in year `y`.
fn movable(kind: crate::grammar::Movable, y: i32) -> Option<Date> {
    use crate::grammar::Movable as M;
    // The n-th `wd` (1 = Monday) of month `m`.
    let nth = |m: i32, wd: i32, n: i32| {
        let first = ymd(y, m, 1)?;
        let shift = (wd - weekday_num(first.weekday())).rem_euclid(7);
        ymd(y, m, 1 + shift + 7 * (n - 1))
    };
    match kind {
        M::Thanksgiving => nth(11, 4, 4),
        M::LaborDay => nth(9, 1, 1),
        M::MemorialDay => {
            let last = ymd(y, 5, 31)?;
            ymd(y, 5, 31 - (weekday_num(last.weekday()) - 1).rem_euclid(7))
        }
        M::Easter => {
            // Anonymous Gregorian computus.
            let a = y % 19;
            let b = y / 100;
            let c = y % 100;
            let d = b / 4;
            let e = b % 4;
            let f = (b + 8) / 25;
            let g = (b - f + 1) / 3;
            let h = (19 * a + b - d - g + 15) % 30;
            let i = c / 4;
            let k = c % 4;
            let l = (32 + 2 * e + 2 * i - h - k) % 7;
            let m = (a + 11 * h + 22 * l) / 451;
            let month = (h + l - 7 * m + 114) / 31;
            let day = (h + l - 7 * m + 114) % 31 + 1;
            ymd(y, month, day)
        }
    }
}

/// The ISO 8601 duration value for `n` units.
pub(crate) fn duration_value(n: Amount, unit: Unit) -> String {
    let (t, letter, mult) = match unit {
        Unit::Second => ("T", "S", 1.0),
        Unit::Minute => ("T", "M", 1.0),
        Unit::Hour => ("T", "H", 1.0),
        Unit::Day | Unit::Night => ("", "D", 1.0),
        Unit::Week => ("", "W", 1.0),
        Unit::Weekend => ("", "WE", 1.0),
        Unit::Fortnight => ("", "W", 2.0),
        Unit::Month => ("", "M", 1.0),
        Unit::Quarter => ("", "Q", 1.0),
        Unit::Season => ("", "M", 3.0),
        Unit::Year => ("", "Y", 1.0),
        Unit::Decade => ("", "Y", 10.0),
        Unit::Century => ("", "Y", 100.0),
    };
    let mut s = String::with_capacity(8);
    s.push('P');
    s.push_str(t);
    match n {
        Amount::Vague => {
            s.push('X');
            match unit {
                Unit::Decade => s.push_str("DE"),
                Unit::Century => s.push_str("CE"),
                _ => s.push_str(letter),
            }
            return s;
        }
        Amount::N(v) => {
            let v = v * mult;
            if v.fract() == 0.0 {
                let _ = write!(s, "{}", v as i64);
            } else {
                let _ = write!(s, "{v}");
            }
        }
    }
    s.push_str(letter);
    s
}

/// Resolves any candidate meaning. `day_ctx` is the day a clock time without a day refers to.
pub(crate) fn resolve(
    sem: &Sem,
    dct: Date,
    tense: Tense,
    anaphor: Option<Date>,
    day_ctx: Option<Date>,
) -> Option<Resolved> {
    Some(match sem {
        Sem::Date(spec) => date(*spec, dct, tense, anaphor)?,
        Sem::Ref(r) => {
            let v = match r {
                RefKind::Past => "PAST_REF",
                RefKind::Present => "PRESENT_REF",
                RefKind::Future => "FUTURE_REF",
                RefKind::Tense => match tense {
                    Tense::Future => "FUTURE_REF",
                    Tense::Present => "PRESENT_REF",
                    _ => "PAST_REF",
                },
            };
            Resolved {
                value: v.to_string(),
                precision: Precision::Unknown,
                day: None,
            }
        }
        Sem::Time { day, clock } => {
            let d = match day {
                Some(spec) => date(*spec, dct, tense, anaphor)?.day?,
                None => day_ctx.unwrap_or(dct),
            };
            let (value, precision) = match clock {
                Clock::Hm { h, m, utc } => {
                    let z = if *utc { "Z" } else { "" };
                    (format!("{d}T{h:02}:{m:02}{z}"), Precision::Minute)
                }
                Clock::Pod(p) => (format!("{d}T{}", p.code()), Precision::Hour),
            };
            Resolved {
                value,
                precision,
                day: Some(d),
            }
        }
        Sem::Dur { n, unit } => Resolved {
            value: duration_value(*n, *unit),
            precision: Precision::Unknown,
            day: None,
        },
        Sem::Set(v) => Resolved {
            value: (*v).to_string(),
            precision: Precision::Unknown,
            day: None,
        },
        Sem::SetOwned(v) => Resolved {
            value: v.clone(),
            precision: Precision::Unknown,
            day: None,
        },
    })
}
