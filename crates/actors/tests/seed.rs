//! Whole-document checks on a seed-like story (the "Done when" seed cases).
use dyad_actors::{ActorAnalysis, ActorCoder};
use dyad_core::{Analysis, Document};

const STORY: &str = "President Donald Trump on Thursday threatened to pull government funding from New York after New York City Mayor Zohran Mamdani criticised immigration agents.\n\n\
“We will not be intimidated,” Mamdani told reporters at City Hall. The mayor said the city would sue. He added that Columbia University in New York would support the lawsuit.\n\n\
The White House said Trump would decide next week. Hungarian officials and police in Budapest declined to comment, and protesters gathered in Long Beach, California.";

fn run(text: &str, date: jiff::civil::Date) -> (Document, ActorAnalysis) {
    let coder = ActorCoder::new().expect("coder");
    let doc = Document::new("seed", date, text);
    let mut a = Analysis::default();
    dyad_actors::tokenize::segment(&doc.text, &mut a);
    let mut out = ActorAnalysis::default();
    coder.analyze(&doc, &a, &mut out);
    (doc, out)
}

fn actor<'a>(out: &'a ActorAnalysis, name: &str) -> &'a dyad_actors::Actor {
    out.actors
        .iter()
        .find(|a| a.name == name)
        .unwrap_or_else(|| {
            panic!(
                "no actor {name}: {:#?}",
                out.actors
                    .iter()
                    .map(|a| (&a.name, &a.code))
                    .collect::<Vec<_>>()
            )
        })
}

#[test]
fn seed_cases() {
    let (doc, out) = run(STORY, jiff::civil::date(2026, 2, 26));
    let trump = actor(&out, "Donald Trump");
    assert_eq!(trump.code.as_deref(), Some("USAGOV"));
    assert!(trump.mentions.len() >= 2, "{:?}", trump.mentions);
    let m = actor(&out, "Zohran Mamdani");
    assert_eq!(m.code.as_deref(), Some("USAGOV"));
    let texts: Vec<&str> = m.mentions.iter().map(|s| doc.slice(*s)).collect();
    assert!(
        texts.contains(&"Mamdani") && texts.contains(&"The mayor") && texts.contains(&"He"),
        "{texts:?}"
    );
    let wh = out
        .places
        .iter()
        .find(|p| doc.slice(p.span).contains("White House"))
        .expect("White House place");
    assert_eq!(
        (wh.name.as_str(), wh.country.as_str(), wh.admin1.as_deref()),
        ("Washington", "USA", Some("District of Columbia"))
    );
    let cu = actor(&out, "Columbia University");
    assert_eq!(cu.code.as_deref(), Some("USAEDU"));
    let p = &out.places[cu.place.expect("Columbia's place") as usize];
    assert_eq!(p.name, "New York City");
    let ny = out
        .places
        .iter()
        .find(|p| doc.slice(p.span) == "New York")
        .expect("New York");
    assert_eq!(ny.country, "USA");
    let hu = out
        .actors
        .iter()
        .find(|a| a.name == "Hungarian officials")
        .expect("Hungarian officials");
    assert_eq!(hu.code.as_deref(), Some("HUNGOV"));
    let lb = out
        .places
        .iter()
        .find(|p| doc.slice(p.span) == "Long Beach")
        .expect("Long Beach");
    assert_eq!(
        (lb.country.as_str(), lb.admin1.as_deref()),
        ("USA", Some("California"))
    );
    let agents = out
        .actors
        .iter()
        .find(|a| a.name == "immigration agents")
        .expect("immigration agents");
    assert_eq!(agents.code.as_deref(), Some("USACOP"));
}

#[test]
fn spans_move_with_offset() {
    let shifted = format!("Ünïcode “prefix” 🙂. {STORY}");
    let (doc, out) = run(&shifted, jiff::civil::date(2026, 2, 26));
    let m = actor(&out, "Zohran Mamdani");
    for s in &m.mentions {
        assert!(
            doc.text.is_char_boundary(s.start as usize)
                && doc.text.is_char_boundary(s.end as usize)
        );
    }
    assert!(m.mentions.iter().any(|s| doc.slice(*s) == "Mamdani"));
}

#[test]
fn coding_follows_the_date() {
    let (_, out) = run("Joe Biden met reporters.", jiff::civil::date(2023, 5, 1));
    assert_eq!(actor(&out, "Joe Biden").code.as_deref(), Some("USAGOV"));
    let (_, out) = run("Joe Biden met reporters.", jiff::civil::date(2026, 5, 1));
    assert_eq!(actor(&out, "Joe Biden").code.as_deref(), Some("USAELI"));
}
