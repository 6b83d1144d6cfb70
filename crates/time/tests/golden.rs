//! Golden cases: (sentence, extent, report date) → (type, value, mod), one or more per
//! expression class, in past and future tense, across month and year boundaries and a
//! leap day; then the seed article of issue 4.

use dyad_core::{Span, Timex, TimexMod, TimexType};
use dyad_time::TimeTagger;
use jiff::civil::{Date, date};

struct Case {
    text: &'static str,
    extent: &'static str,
    dct: Date,
    kind: TimexType,
    value: &'static str,
    modifier: Option<TimexMod>,
}

const fn c(
    text: &'static str,
    extent: &'static str,
    dct: Date,
    kind: TimexType,
    value: &'static str,
) -> Case {
    Case {
        text,
        extent,
        dct,
        kind,
        value,
        modifier: None,
    }
}

const fn m(
    text: &'static str,
    extent: &'static str,
    dct: Date,
    kind: TimexType,
    value: &'static str,
    modifier: TimexMod,
) -> Case {
    Case {
        text,
        extent,
        dct,
        kind,
        value,
        modifier: Some(modifier),
    }
}

use TimexType::{Date as D, Duration as P, Set as S, Time as T};

/// 2026-02-26 is a Thursday.
const DCT: Date = date(2026, 2, 26);

fn cases() -> Vec<Case> {
    let jan2 = date(2026, 1, 2); // a Friday, just after a year boundary
    let mar1 = date(2024, 3, 1); // the day after a leap day
    let dec30 = date(2025, 12, 30); // a Tuesday, just before a year boundary
    let aug20 = date(2025, 8, 20); // a Wednesday
    vec![
        // A weekday with a month and day chooses the year, whatever the tense: 2025-08-15
        // is a Friday, 2026-08-15 a Saturday.
        c(
            "The troops will pull back on Friday, August 15.",
            "Friday, August 15",
            aug20,
            D,
            "2025-08-15",
        ),
        // A weekday that fits no nearby year is a slip: the date is placed by tense.
        c(
            "The troops will pull back on Thursday, August 15.",
            "Thursday, August 15",
            aug20,
            D,
            "2026-08-15",
        ),
        // Weekdays by tense.
        c(
            "Trump plans to meet Mamdani Thursday at the White House.",
            "Thursday",
            DCT,
            D,
            "2026-02-26",
        ),
        c(
            "The two met Tuesday in Washington.",
            "Tuesday",
            DCT,
            D,
            "2026-02-24",
        ),
        c(
            "The council will vote on Monday.",
            "Monday",
            DCT,
            D,
            "2026-03-02",
        ),
        c(
            "The council voted on Monday.",
            "Monday",
            DCT,
            D,
            "2026-02-23",
        ),
        c(
            "Officials said on Sunday the talks had failed.",
            "Sunday",
            jan2,
            D,
            "2025-12-28",
        ),
        c(
            "The market will reopen Friday.",
            "Friday",
            dec30,
            D,
            "2026-01-02",
        ),
        c(
            "He arrived last Friday.",
            "last Friday",
            DCT,
            D,
            "2026-02-20",
        ),
        c(
            "They will return next Thursday.",
            "next Thursday",
            DCT,
            D,
            "2026-03-05",
        ),
        c(
            "And earlier Thursday, an arrest threatened relations.",
            "earlier Thursday",
            DCT,
            D,
            "2026-02-26",
        ),
        c(
            "Later Friday the mayor will speak.",
            "Later Friday",
            DCT,
            D,
            "2026-02-27",
        ),
        c(
            "The Dow fell on Monday, Oct. 27, 2008.",
            "Monday, Oct. 27, 2008",
            DCT,
            D,
            "2008-10-27",
        ),
        // Days relative to the report date, across a month boundary and a leap day.
        c("Prices fell yesterday.", "yesterday", mar1, D, "2024-02-29"),
        c(
            "The law takes effect tomorrow.",
            "tomorrow",
            date(2024, 2, 28),
            D,
            "2024-02-29",
        ),
        c(
            "The company said today it would cut jobs.",
            "today",
            DCT,
            D,
            "2026-02-26",
        ),
        c(
            "The deal was signed two days ago.",
            "two days ago",
            mar1,
            D,
            "2024-02-28",
        ),
        c(
            "He left three years ago.",
            "three years ago",
            DCT,
            D,
            "2023",
        ),
        c(
            "Stocks rose a week ago.",
            "a week ago",
            jan2,
            D,
            "2025-12-26",
        ),
        c(
            "We spoke yesterday morning.",
            "yesterday morning",
            DCT,
            T,
            "2026-02-25TMO",
        ),
        c(
            "The storm hit last night.",
            "last night",
            mar1,
            T,
            "2024-02-29TNI",
        ),
        c(
            "Voters go to the polls tonight.",
            "tonight",
            DCT,
            T,
            "2026-02-26TNI",
        ),
        // Clock times anchor to the day named in the sentence, else the report date.
        c(
            "The 1 p.m. meeting is expected to focus on housing.",
            "1 p.m.",
            DCT,
            T,
            "2026-02-26T13:00",
        ),
        c(
            "Markets closed at 18:00 UTC on Tuesday.",
            "18:00 UTC on Tuesday",
            DCT,
            T,
            "2026-02-24T18:00Z",
        ),
        c(
            "On Tuesday, markets closed at 18:00 UTC.",
            "18:00 UTC",
            DCT,
            T,
            "2026-02-24T18:00Z",
        ),
        c(
            "The speech starts at 12:00 UTC Monday.",
            "12:00 UTC Monday",
            date(2009, 6, 1),
            T,
            "2009-06-01T12:00Z",
        ),
        c("Polls close at 8 pm.", "8 pm", DCT, T, "2026-02-26T20:00"),
        c("They met at noon.", "noon", DCT, T, "2026-02-26T12:00"),
        // Month names by tense, across a year boundary.
        c(
            "The two first met after his election in November.",
            "November",
            DCT,
            D,
            "2025-11",
        ),
        c("She will visit China in April.", "April", DCT, D, "2026-04"),
        c(
            "The plant closed in December.",
            "December",
            jan2,
            D,
            "2025-12",
        ),
        c(
            "The plant will reopen in January.",
            "January",
            dec30,
            D,
            "2026-01",
        ),
        c(
            "Their first meeting was in Nov. and went well.",
            "Nov.",
            DCT,
            D,
            "2025-11",
        ),
        c(
            "The hearing is scheduled for March 3.",
            "March 3",
            DCT,
            D,
            "2026-03-03",
        ),
        c(
            "The hearing was held on Dec. 15.",
            "Dec. 15",
            DCT,
            D,
            "2025-12-15",
        ),
        c(
            "A June 3 hearing has been scheduled.",
            "June 3",
            date(2009, 5, 14),
            D,
            "2009-06-03",
        ),
        c(
            "Sales rose last September.",
            "last September",
            date(2009, 10, 12),
            D,
            "2009-09",
        ),
        // Absolute dates in words and numbers, a leap day among them.
        c(
            "He was born on February 29, 1996.",
            "February 29, 1996",
            DCT,
            D,
            "1996-02-29",
        ),
        c(
            "The treaty was signed on 11 December 2009.",
            "11 December 2009",
            DCT,
            D,
            "2009-12-11",
        ),
        c(
            "The report is dated 2024-02-29.",
            "2024-02-29",
            DCT,
            D,
            "2024-02-29",
        ),
        c(
            "Photos dated 7/8/07 show the plane.",
            "7/8/07",
            DCT,
            D,
            "2007-07-08",
        ),
        c("Sales peaked in May 2008.", "May 2008", DCT, D, "2008-05"),
        c("It was founded in 1998.", "1998", DCT, D, "1998"),
        c("The program ran in 2009-2010.", "2009", DCT, D, "2009"),
        c("The program ran in 2009-2010.", "2010", DCT, D, "2010"),
        c(
            "The crash of '87 still haunts traders.",
            "'87",
            DCT,
            D,
            "1987",
        ),
        // Ordinal days.
        c("The vote is on the 3rd.", "the 3rd", DCT, D, "2026-03-03"),
        c(
            "The vote was held on the 3rd.",
            "the 3rd",
            DCT,
            D,
            "2026-02-03",
        ),
        // Weeks, months, years, quarters, seasons, decades relative to the report date.
        c("Sales fell last week.", "last week", DCT, D, "2026-W08"),
        c("Talks resume next week.", "next week", dec30, D, "2026-W02"),
        m(
            "Mamdani earlier this month signed an order.",
            "earlier this month",
            DCT,
            D,
            "2026-02",
            TimexMod::Start,
        ),
        c("Prices rose last month.", "last month", jan2, D, "2025-12"),
        c("This year is different.", "This year", DCT, D, "2026"),
        c("Output will grow next year.", "next year", dec30, D, "2026"),
        c(
            "Revenue fell in the third quarter of 2009.",
            "the third quarter of 2009",
            DCT,
            D,
            "2009-Q3",
        ),
        c(
            "Profit fell in the fourth quarter.",
            "the fourth quarter",
            date(2007, 3, 13),
            D,
            "2006-Q4",
        ),
        c(
            "Profit will rise in the fourth quarter.",
            "the fourth quarter",
            date(2006, 8, 19),
            D,
            "2006-Q4",
        ),
        c(
            "Revenue rose in fiscal 2010.",
            "fiscal 2010",
            DCT,
            D,
            "FY2010",
        ),
        c(
            "The bill was passed last spring.",
            "last spring",
            DCT,
            D,
            "2025-SP",
        ),
        c(
            "The launch is planned for this summer.",
            "this summer",
            DCT,
            D,
            "2026-SU",
        ),
        c(
            "Such cars were popular in the 1990s.",
            "the 1990s",
            DCT,
            D,
            "199",
        ),
        c("It was a hit in the '80s.", "the '80s", DCT, D, "198"),
        c(
            "The fair opens this weekend.",
            "this weekend",
            date(2010, 1, 25),
            D,
            "2010-W04-WE",
        ),
        c(
            "Stocks ended the day higher.",
            "the day",
            DCT,
            D,
            "2026-02-26",
        ),
        c("Sales rose last fall.", "last fall", DCT, D, "2025-FA"),
        c(
            "They met this past weekend.",
            "this past weekend",
            DCT,
            D,
            "2026-W08-WE",
        ),
        c(
            "Profit rose in the first nine months.",
            "the first nine months",
            DCT,
            P,
            "P9M",
        ),
        c("It was a year-long fight.", "year-long", DCT, P, "P1Y"),
        c(
            "Over the weekend, crowds gathered.",
            "the weekend",
            DCT,
            D,
            "2026-W08-WE",
        ),
        c(
            "The show opens over the weekend.",
            "the weekend",
            DCT,
            D,
            "2026-W09-WE",
        ),
        c(
            "Its output fell in the year-earlier quarter.",
            "year-earlier",
            DCT,
            D,
            "2025",
        ),
        c(
            "The strike costs $50 million a day.",
            "a day",
            DCT,
            S,
            "P1D",
        ),
        c(
            "The hearing is expected to last two weeks.",
            "two weeks",
            DCT,
            P,
            "P2W",
        ),
        m(
            "Stocks rallied until late afternoon.",
            "late afternoon",
            DCT,
            T,
            "2026-02-26TAF",
            TimexMod::End,
        ),
        c(
            "The bill passed on Jan. 5. The next day, protests began.",
            "The next day",
            DCT,
            D,
            "2026-01-06",
        ),
        c(
            "The bill passed on Jan. 5. Two days later, police moved in.",
            "Two days later",
            DCT,
            D,
            "2026-01-07",
        ),
        c(
            "He read The Sunday Times on Monday.",
            "Monday",
            DCT,
            D,
            "2026-02-23",
        ),
        c(
            "Mr. Smith, a 47-year-old lawyer, spoke.",
            "47-year-old",
            DCT,
            P,
            "P47Y",
        ),
        c(
            "Shoppers crowded stores after Thanksgiving.",
            "Thanksgiving",
            DCT,
            D,
            "2025-11-27",
        ),
        c(
            "The church will be full on Easter Sunday.",
            "Easter Sunday",
            DCT,
            D,
            "2026-04-05",
        ),
        c(
            "The parade was held on Memorial Day 2024.",
            "Memorial Day 2024",
            DCT,
            D,
            "2024-05-27",
        ),
        c(
            "He left after Labor Day.",
            "Labor Day",
            DCT,
            D,
            "2025-09-01",
        ),
        // Modifiers.
        m(
            "Rates were high in the late 1990s.",
            "the late 1990s",
            DCT,
            D,
            "199",
            TimexMod::End,
        ),
        m(
            "The plant opens in early June.",
            "early June",
            DCT,
            D,
            "2026-06",
            TimexMod::Start,
        ),
        m(
            "It was built in late 2006.",
            "late 2006",
            DCT,
            D,
            "2006",
            TimexMod::End,
        ),
        m(
            "Sales will recover by mid-2027.",
            "mid-2027",
            DCT,
            D,
            "2027",
            TimexMod::Mid,
        ),
        m(
            "Taxes rise at the end of this year.",
            "the end of this year",
            DCT,
            D,
            "2026",
            TimexMod::End,
        ),
        m(
            "Delivery is due later this year.",
            "later this year",
            DCT,
            D,
            "2026",
            TimexMod::End,
        ),
        // Durations.
        c("He served a decade in office.", "a decade", DCT, P, "P10Y"),
        c("The strike lasted two weeks.", "two weeks", DCT, P, "P2W"),
        c(
            "Prices rose over the past several months.",
            "the past several months",
            DCT,
            P,
            "PXM",
        ),
        c(
            "Growth slowed in recent years.",
            "recent years",
            DCT,
            P,
            "PXY",
        ),
        c("Talks went on for 90 days.", "90 days", DCT, P, "P90D"),
        c("It was a 27-year career.", "27-year", DCT, P, "P27Y"),
        c(
            "The flight takes thirty minutes.",
            "thirty minutes",
            DCT,
            P,
            "PT30M",
        ),
        c(
            "The plan runs for the next four years.",
            "the next four years",
            DCT,
            P,
            "P4Y",
        ),
        m(
            "It took almost two and a half years.",
            "almost two and a half years",
            DCT,
            P,
            "P2.5Y",
            TimexMod::Approx,
        ),
        m(
            "It lasted more than three hours.",
            "more than three hours",
            DCT,
            P,
            "PT3H",
            TimexMod::MoreThan,
        ),
        c(
            "Bankruptcy would take between 60 and 90 days.",
            "60",
            DCT,
            P,
            "P60D",
        ),
        // Sets.
        c("Fees are paid each season.", "each season", DCT, S, "P3M"),
        c("They meet twice a year.", "twice a year", DCT, S, "P1Y"),
        c(
            "He jogs every Monday.",
            "every Monday",
            DCT,
            S,
            "XXXX-WXX-1",
        ),
        c("Prices are reviewed weekly.", "weekly", DCT, S, "P1W"),
        // Underspecified.
        c("Prices are now falling.", "now", DCT, D, "PRESENT_REF"),
        c(
            "He said recently that he would run.",
            "recently",
            DCT,
            D,
            "PAST_REF",
        ),
        c(
            "Things were different in the past.",
            "the past",
            DCT,
            D,
            "PAST_REF",
        ),
        c(
            "Cars will fly in the future.",
            "the future",
            DCT,
            D,
            "FUTURE_REF",
        ),
        c(
            "Trump called him a communist during the mayoral campaign.",
            "the mayoral campaign",
            DCT,
            D,
            "PAST_REF",
        ),
        c(
            "The rule holds for the time being.",
            "the time being",
            DCT,
            D,
            "PRESENT_REF",
        ),
        // Holidays.
        c(
            "Stores were busy before Christmas.",
            "Christmas",
            jan2,
            D,
            "2025-12-25",
        ),
        c(
            "Parties are planned for New Year's Eve.",
            "New Year's Eve",
            DCT,
            D,
            "2026-12-31",
        ),
    ]
}

fn find<'a>(text: &str, out: &'a [Timex], extent: &str) -> Option<&'a Timex> {
    out.iter().find(|t| &text[t.span.range()] == extent)
}

#[test]
fn golden_cases() {
    let tagger = TimeTagger::new();
    let mut failures = Vec::new();
    for case in cases() {
        // Shift every text away from offset 0, with non-ASCII before it (spans must follow).
        let text = format!("« Préambule » — {}", case.text);
        let mut out = Vec::new();
        tagger.tag(&text, case.dct, &[], &mut out);
        match find(&text, &out, case.extent) {
            None => {
                let got: Vec<String> = out
                    .iter()
                    .map(|t| format!("{:?}={}", &text[t.span.range()], t.value))
                    .collect();
                failures.push(format!(
                    "{:?} in {:?}: not found (got {got:?})",
                    case.extent, case.text
                ));
            }
            Some(t) => {
                if t.kind != case.kind || t.value != case.value || t.modifier != case.modifier {
                    failures.push(format!(
                        "{:?} in {:?} (DCT {}): got {:?} {} {:?}, want {:?} {} {:?}",
                        case.extent,
                        case.text,
                        case.dct,
                        t.kind,
                        t.value,
                        t.modifier,
                        case.kind,
                        case.value,
                        case.modifier
                    ));
                }
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} golden failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn seed_expectations() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/seed/000_e76430650e841a56.txt"
    );
    let Ok(text) = std::fs::read_to_string(path) else {
        eprintln!("skipped: seed article not found");
        return;
    };
    let mut out = Vec::new();
    TimeTagger::new().tag(&text, DCT, &[], &mut out);
    let want = [
        ("Thursday", TimexType::Date, "2026-02-26", None),
        ("November", TimexType::Date, "2025-11", None),
        (
            "earlier this month",
            TimexType::Date,
            "2026-02",
            Some(TimexMod::Start),
        ),
        ("earlier Thursday", TimexType::Date, "2026-02-26", None),
        ("1 p.m.", TimexType::Time, "2026-02-26T13:00", None),
    ];
    for (extent, kind, value, modifier) in want {
        let t = find(&text, &out, extent).unwrap_or_else(|| panic!("{extent:?} not tagged"));
        assert_eq!(
            (t.kind, t.value.as_str(), t.modifier),
            (kind, value, modifier),
            "{extent:?}"
        );
    }
}

#[test]
fn sentences_bound_the_tense_window() {
    // "will" in the next sentence must not make last Monday's event future.
    let text = "The board met Monday. It will decide soon.";
    let sentences = [Span::new(0, 21), Span::new(22, text.len())];
    let mut out = Vec::new();
    TimeTagger::new().tag(text, DCT, &sentences, &mut out);
    assert_eq!(out[0].value, "2026-02-23");
}

#[test]
fn spans_stay_on_char_boundaries() {
    let tagger = TimeTagger::new();
    let texts = [
        "’87 — «Thursday»",
        "😀 2009–10 😀",
        "Nov.",
        "'",
        "12:",
        "1 p.",
        "the 3rd",
        "May",
        "«»",
        "–",
    ];
    for text in texts {
        let mut out = Vec::new();
        tagger.tag(text, DCT, &[], &mut out);
        for t in &out {
            assert!(
                text.is_char_boundary(t.span.start as usize)
                    && text.is_char_boundary(t.span.end as usize),
                "{text:?}"
            );
            assert!(t.span.end as usize <= text.len());
        }
    }
}

#[test]
fn a_tense_oracle_overrides_word_cues() {
    struct Future;
    impl dyad_time::TenseOracle for Future {
        fn tense(&self, _: Span) -> Option<dyad_time::Tense> {
            Some(dyad_time::Tense::Future)
        }
    }
    let text = "The board met Monday.";
    let mut out = Vec::new();
    TimeTagger::new().tag_with(text, DCT, &[], &Future, &mut out);
    assert_eq!(out[0].value, "2026-03-02");
}
