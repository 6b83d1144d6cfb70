//! The "Done when" figures. Large-corpus runs, so `#[ignore]`d:
//! `cargo test --release -p dyad-actors --test bars -- --ignored --nocapture`.
//! They assert the bars; see the crate README/DESIGN section for the figures
//! measured so far (below the NER and PLOVER bars at the time of writing).
use dyad_actors::ActorCoder;
use dyad_actors::evaluate::{eval_gum, eval_meantime, eval_plover, shared_data};

#[test]
#[ignore]
fn gum_test_f1_at_least_80() {
    let Some(d) = shared_data() else {
        return eprintln!("skip: ../shared absent");
    };
    let coder = ActorCoder::new().unwrap();
    let s = eval_gum(coder.ner(), &d.join("ud-english/en_gum-ccby-test.conllu")).unwrap();
    eprint!("{}", s.report());
    let f = s.total(&["PER", "ORG", "LOC"]).f1();
    assert!(f >= 80.0, "GUM test F1 {f:.2} < 80");
}

#[test]
#[ignore]
fn meantime_f1_at_least_70() {
    let Some(d) = shared_data() else {
        return eprintln!("skip: ../shared absent");
    };
    let coder = ActorCoder::new().unwrap();
    let s = eval_meantime(
        coder.ner(),
        &d.join("meantime-en/intra_cross-doc_annotation"),
    )
    .unwrap();
    eprint!("{}", s.report());
    let f = s.total(&["PER", "ORG", "LOC"]).f1();
    assert!(f >= 70.0, "MEANTIME F1 {f:.2} < 70");
}

#[test]
#[ignore]
fn plover_gold_actor_codes() {
    let Some(d) = shared_data() else {
        return eprintln!("skip: ../shared absent");
    };
    let coder = ActorCoder::new().unwrap();
    let json = std::fs::read_to_string(d.join("plover/PLOVER_GSR_CAMEO.txt")).unwrap();
    let s = eval_plover(&coder, &json).unwrap();
    let (rc, rcs) = s.raw_pcts();
    eprintln!(
        "{} actors: country {:.1}%, country+sector {:.1}% (gold codes as written: {rc:.1}%, {rcs:.1}%)",
        s.actors,
        s.country_pct(),
        s.country_sector_pct()
    );
    assert!(s.country_pct() >= 80.0 && s.country_sector_pct() >= 65.0);
}
