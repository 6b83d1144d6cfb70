//! Which reports within one block describe the same happening. A pure function of the set
//! of reports, so the result does not depend on ingest order or batch boundaries; see
//! DESIGN-section.md for the rule and its trade-offs.
use jiff::civil::Date;
use std::collections::{BTreeMap, BTreeSet};

/// The two fields resolved inside a block: the date interval and the place.
#[derive(Clone, Debug)]
pub(crate) struct Item {
    pub lo: Date,
    pub hi: Date,
    pub place: Option<String>,
}

fn day_anchor(day: Date, place: Option<&str>) -> String {
    format!("d:{day}@{}", place.unwrap_or("-"))
}

/// One anchor per item; items with equal anchors form one cluster.
pub(crate) fn anchors(items: &[Item]) -> Vec<String> {
    // Day-precise reports group by day and place. A placeless report joins the day's only
    // placed group; with several places that day it cannot choose, and stays apart.
    let mut days: BTreeMap<Date, (BTreeSet<&str>, bool)> = BTreeMap::new();
    for it in items.iter().filter(|it| it.lo == it.hi) {
        let e = days.entry(it.lo).or_default();
        match &it.place {
            Some(p) => {
                e.0.insert(p);
            }
            None => e.1 = true,
        }
    }
    // The exact clusters of each day, as (place or None).
    let exact: BTreeMap<Date, Vec<Option<&str>>> = days
        .iter()
        .map(|(&d, (places, placeless))| {
            let mut v: Vec<Option<&str>> = places.iter().map(|p| Some(*p)).collect();
            if *placeless && places.len() != 1 {
                v.push(None);
            }
            (d, v)
        })
        .collect();
    items
        .iter()
        .map(|it| {
            if it.lo == it.hi {
                let places = &days[&it.lo].0;
                let place = match &it.place {
                    Some(p) => Some(p.as_str()),
                    None if places.len() == 1 => places.iter().next().copied(),
                    None => None,
                };
                return day_anchor(it.lo, place);
            }
            // A coarse report (a month, a week, "last year") joins the one exact cluster its
            // interval and place admit; none or several leave it in a cluster of its own kind.
            let mut found: Option<String> = None;
            let mut count = 0;
            for (d, places) in exact.range(it.lo..=it.hi) {
                for p in places {
                    let ok = match (&it.place, p) {
                        (Some(a), Some(b)) => a == b,
                        _ => true,
                    };
                    if ok {
                        count += 1;
                        if count == 1 {
                            found = Some(day_anchor(*d, *p));
                        }
                    }
                }
                if count > 1 {
                    break;
                }
            }
            match (count, found) {
                (1, Some(a)) => a,
                _ => format!(
                    "r:{}..{}@{}",
                    it.lo,
                    it.hi,
                    it.place.as_deref().unwrap_or("-")
                ),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn day(d: i8, place: Option<&str>) -> Item {
        let x = date(2026, 2, d);
        Item {
            lo: x,
            hi: x,
            place: place.map(String::from),
        }
    }
    fn month(place: Option<&str>) -> Item {
        Item {
            lo: date(2026, 2, 1),
            hi: date(2026, 2, 28),
            place: place.map(String::from),
        }
    }

    #[test]
    fn same_day_same_place() {
        let a = anchors(&[
            day(3, Some("paris")),
            day(3, Some("paris")),
            day(4, Some("paris")),
        ]);
        assert_eq!(a[0], a[1]);
        assert_ne!(a[0], a[2]);
    }

    #[test]
    fn placeless_joins_the_only_place() {
        let a = anchors(&[day(3, Some("paris")), day(3, None)]);
        assert_eq!(a[0], a[1]);
        let b = anchors(&[day(3, Some("paris")), day(3, Some("lyon")), day(3, None)]);
        assert_ne!(b[2], b[0]);
        assert_ne!(b[2], b[1]);
    }

    #[test]
    fn coarse_joins_unique_day() {
        let a = anchors(&[day(3, None), month(None)]);
        assert_eq!(a[0], a[1]);
        let b = anchors(&[day(3, None), day(9, None), month(None), month(None)]);
        assert_ne!(b[2], b[0]);
        assert_ne!(b[2], b[1]);
        assert_eq!(b[2], b[3]);
    }

    #[test]
    fn order_does_not_matter() {
        let items = vec![
            day(3, Some("x")),
            month(None),
            day(3, None),
            day(5, Some("y")),
            month(Some("x")),
        ];
        let a = anchors(&items);
        let mut rev = items.clone();
        rev.reverse();
        let mut b = anchors(&rev);
        b.reverse();
        assert_eq!(a, b);
    }
}
