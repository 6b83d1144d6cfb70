//! Every input reader and the coder take any text without panicking.
use dyad_events::baseline::{BaselineCoder, actors, tokenize};
use dyad_events::discards::Discards;
use dyad_events::petr::PetrSuite;
use dyad_events::status::{Scope, detect, no_event};
use dyad_events::verbs::VerbDictionary;
use proptest::prelude::*;

const VERBS: &str = "&W\n+ROCKET\n--- ATTACK [---] ---\nATTACK [190]\n- * (WITH &W) + [195]\n- % * [190:190]\n- $ * (IN ^) [042:043]\n";

fn coder() -> BaselineCoder {
    BaselineCoder::new(
        VerbDictionary::parse(VERBS),
        actors::parse_actors("ARNOR_ [ARN]\nGONDOR [GON]\n"),
        actors::parse_agents("SOLDIER [~MIL]\n"),
        Discards::parse("+TYPHOON\nBASEBALL_\n").ok(),
    )
}

proptest! {
    #[test]
    fn readers_never_panic(s in "(\\PC|[\\[\\]{}()*$+%^&_#<>!~:;-]|\n){0,200}") {
        let _ = VerbDictionary::parse(&s);
        let _ = Discards::parse(&s);
        let _ = PetrSuite::parse(&s);
        let _ = actors::parse_actors(&s);
        let _ = actors::parse_agents(&s);
        let _ = dyad_events::cameo_examples::parse(&s);
        let _ = dyad_events::plover_gsr::parse(&s);
    }

    #[test]
    fn coder_spans_are_in_bounds(s in "(Arnor|Gondor|attacked|rockets|with|and|soldiers|did|not|typhoon|é|“|’s|n't|,|\\.| |\\PC){0,40}") {
        let c = coder();
        let out = c.code(&s, jiff::civil::date(2000, 1, 1));
        for e in &out.events {
            prop_assert!(s.get(e.trigger.clone()).is_some());
            for a in e.source.iter().chain(&e.target) {
                prop_assert!(s.get(a.span.clone()).is_some());
            }
        }
        let toks = tokenize(&s);
        let words: Vec<&str> = toks.iter().map(|t| t.upper.as_str()).collect();
        for i in 0..=words.len() {
            let _ = detect(&words, i, &Scope::default());
            let _ = no_event(&words, i);
        }
        for t in &toks {
            prop_assert!(s.get(t.span.clone()).is_some());
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]
    /// The parse-based coder: same words, same guarantee.
    #[test]
    fn parsed_coder_spans_are_in_bounds(s in "(Arnor|Gondor|attacked|rockets|with|and|soldiers|did|not|who|said|to|plans|é|“|’s|n't|,|\\.| |\\PC){0,40}") {
        let Some(c) = parsed_coder() else { return Ok(()) };
        let out = c.code(&s, jiff::civil::date(2000, 1, 1));
        for e in &out.events {
            prop_assert!(s.get(e.trigger.clone()).is_some());
            for a in e.source.iter().chain(&e.target) {
                prop_assert!(s.get(a.span.clone()).is_some());
            }
        }
    }
}

/// Built once: loading the model is the slow part in a debug build.
fn parsed_coder() -> Option<&'static dyad_events::parsed::ParsedCoder> {
    static CODER: std::sync::OnceLock<Option<dyad_events::parsed::ParsedCoder>> =
        std::sync::OnceLock::new();
    CODER
        .get_or_init(|| {
            let model = dyad_syntax::Model::load_default().ok()?;
            Some(dyad_events::parsed::ParsedCoder::new(coder(), model))
        })
        .as_ref()
}
