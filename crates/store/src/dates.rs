//! Event dates as closed day intervals, for filtering and for deciding whether two reports
//! can describe the same happening.
use jiff::civil::{Date, Weekday};

/// Earliest and latest day an event date can denote, and whether it names one day.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Interval {
    pub lo: Date,
    pub hi: Date,
}

impl Interval {
    /// The one day that stands for the event in filters, orderings and timelines: the first
    /// day of a bounded interval, otherwise the report date.
    pub fn effective(self, report: Date) -> Date {
        if self.lo == Date::MIN || self.hi == Date::MAX {
            report
        } else {
            self.lo
        }
    }
}

fn num(s: &str) -> Option<i32> {
    if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

fn ymd(y: i32, m: i32, d: i32) -> Option<Date> {
    Date::new(
        i16::try_from(y).ok()?,
        i8::try_from(m).ok()?,
        i8::try_from(d).ok()?,
    )
    .ok()
}

fn month_end(y: i32, m: i32) -> Option<Date> {
    Some(ymd(y, m, 1)?.last_of_month())
}

/// Parses a TIMEX3 date value (`2026-02-26`, `2026-02-26T13:00`, `2026-02`, `2026-W09`,
/// `2026-Q1`, `2026-SU`, `2026`, `202`, `20`, `PAST_REF` …) into the days it can denote.
/// Unanchored values resolve against the report date; anything unreadable is unbounded.
pub(crate) fn interval(value: &str, report: Date) -> Interval {
    parse(value, report).unwrap_or(Interval {
        lo: Date::MIN,
        hi: Date::MAX,
    })
}

fn parse(value: &str, report: Date) -> Option<Interval> {
    let v = value.trim();
    match v {
        "PAST_REF" => {
            return Some(Interval {
                lo: Date::MIN,
                hi: report,
            });
        }
        "FUTURE_REF" => {
            return Some(Interval {
                lo: report,
                hi: Date::MAX,
            });
        }
        "PRESENT_REF" => {
            return Some(Interval {
                lo: report,
                hi: report,
            });
        }
        _ => {}
    }
    // A time of day adds nothing at day granularity.
    let v = v.split('T').next().unwrap_or(v);
    let parts: Vec<&str> = v.split('-').collect();
    let year = num(parts[0])?;
    match (parts.len(), parts[0].len()) {
        (1, 4) => Some(Interval {
            lo: ymd(year, 1, 1)?,
            hi: ymd(year, 12, 31)?,
        }),
        (1, 3) => Some(Interval {
            lo: ymd(year * 10, 1, 1)?,
            hi: ymd(year * 10 + 9, 12, 31)?,
        }),
        (1, 2) => Some(Interval {
            lo: ymd(year * 100, 1, 1)?,
            hi: ymd(year * 100 + 99, 12, 31)?,
        }),
        (2, 4) => {
            let p = parts[1];
            if let Some(w) = p
                .strip_prefix('W')
                .filter(|w| w.bytes().all(|b| b.is_ascii_digit()))
            {
                let week = num(w)?;
                let first = jiff::civil::ISOWeekDate::new(
                    i16::try_from(year).ok()?,
                    i8::try_from(week).ok()?,
                    Weekday::Monday,
                )
                .ok()?
                .date();
                let last = first.checked_add(jiff::Span::new().days(6)).ok()?;
                return Some(Interval {
                    lo: first,
                    hi: last,
                });
            }
            if let Some(q) = p.strip_prefix('Q') {
                let q = num(q)?;
                if !(1..=4).contains(&q) {
                    return None;
                }
                return Some(Interval {
                    lo: ymd(year, q * 3 - 2, 1)?,
                    hi: month_end(year, q * 3)?,
                });
            }
            let season = |a: i32, b: i32| -> Option<Interval> {
                Some(Interval {
                    lo: ymd(year, a, 1)?,
                    hi: month_end(year, b)?,
                })
            };
            match p {
                "SP" => season(3, 5),
                "SU" => season(6, 8),
                "FA" | "AU" => season(9, 11),
                "WI" => Some(Interval {
                    lo: ymd(year, 12, 1)?,
                    hi: month_end(year + 1, 2)?,
                }),
                _ => {
                    let m = num(p)?;
                    Some(Interval {
                        lo: ymd(year, m, 1)?,
                        hi: month_end(year, m)?,
                    })
                }
            }
        }
        (3, 4) => {
            let d = ymd(year, num(parts[1])?, num(parts[2])?)?;
            Some(Interval { lo: d, hi: d })
        }
        _ => None,
    }
}

/// `YYYY-MM-DD`.
pub(crate) fn iso(d: Date) -> String {
    d.to_string()
}

/// Parses `YYYY-MM-DD` as stored.
pub(crate) fn parse_iso(s: &str) -> Option<Date> {
    s.parse().ok()
}

/// The ISO week label (`2026-W09`) of a day.
pub(crate) fn iso_week(d: Date) -> String {
    let w = d.iso_week_date();
    format!("{:04}-W{:02}", w.year(), w.week())
}

/// The month label (`2026-02`) of a day.
pub(crate) fn month(d: Date) -> String {
    format!("{:04}-{:02}", d.year(), d.month())
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn sample() -> Date {
        date(2026, 2, 26)
    }

    fn iv(v: &str) -> (String, String) {
        let i = interval(v, date(2026, 2, 26));
        (i.lo.to_string(), i.hi.to_string())
    }

    #[test]
    fn values() {
        assert_eq!(iv("2026-02-26"), ("2026-02-26".into(), "2026-02-26".into()));
        assert_eq!(
            iv("2026-02-26T13:00"),
            ("2026-02-26".into(), "2026-02-26".into())
        );
        assert_eq!(iv("2024-02"), ("2024-02-01".into(), "2024-02-29".into()));
        assert_eq!(iv("2026-W09"), ("2026-02-23".into(), "2026-03-01".into()));
        assert_eq!(iv("2026-Q2"), ("2026-04-01".into(), "2026-06-30".into()));
        assert_eq!(iv("2025-WI"), ("2025-12-01".into(), "2026-02-28".into()));
        assert_eq!(iv("2025"), ("2025-01-01".into(), "2025-12-31".into()));
        assert_eq!(iv("201"), ("2010-01-01".into(), "2019-12-31".into()));
        assert_eq!(
            iv("PRESENT_REF"),
            ("2026-02-26".into(), "2026-02-26".into())
        );
        assert_eq!(interval("PAST_REF", sample()).hi, sample());
        let unknown = interval("XXXX-11", sample());
        assert_eq!((unknown.lo, unknown.hi), (Date::MIN, Date::MAX));
        assert_eq!(unknown.effective(sample()), sample());
        // Out-of-range pieces are unreadable, not a panic.
        for bad in [
            "2026-13",
            "2026-02-30",
            "2026-W60",
            "2026-Q5",
            "",
            "-",
            "99999-01-01",
            "2026-1é",
        ] {
            let i = interval(bad, sample());
            assert_eq!((i.lo, i.hi), (Date::MIN, Date::MAX), "{bad}");
        }
    }

    #[test]
    fn labels() {
        assert_eq!(iso_week(date(2026, 1, 1)), "2026-W01");
        assert_eq!(iso_week(date(2027, 1, 1)), "2026-W53");
        assert_eq!(month(date(2026, 2, 26)), "2026-02");
    }
}
