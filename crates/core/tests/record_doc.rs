//! docs/record.md is the contract: its example must be a valid `EventRecord`, and every field
//! the type serialises must be documented there.

use dyad_core::EventRecord;

fn doc() -> String {
    std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../docs/record.md"))
        .expect("docs/record.md")
}

fn example() -> serde_json::Value {
    let doc = doc();
    let start = doc.find("```json").expect("an example") + "```json".len();
    let end = start + doc[start..].find("```").expect("closed example");
    serde_json::from_str(&doc[start..end]).expect("the example is JSON")
}

#[test]
fn example_is_a_record_and_round_trips() {
    let value = example();
    let rec: EventRecord =
        serde_json::from_value(value.clone()).expect("the example is an EventRecord");
    assert_eq!(rec.document.date, jiff::civil::date(2026, 2, 26));
    assert_eq!(rec.trigger.span.range(), 23..36);
    let back = serde_json::to_value(&rec).unwrap();
    assert_eq!(back, value, "serialising the example changes it");
}

#[test]
fn every_serialised_field_is_documented() {
    let doc = doc();
    let value = example();
    let mut keys = Vec::new();
    collect(&value, &mut keys);
    for k in keys {
        assert!(
            doc.contains(&format!("`{k}`")),
            "field `{k}` is not documented in docs/record.md"
        );
    }
}

fn collect(v: &serde_json::Value, out: &mut Vec<String>) {
    match v {
        serde_json::Value::Object(m) => {
            for (k, v) in m {
                out.push(k.clone());
                collect(v, out);
            }
        }
        serde_json::Value::Array(a) => a.iter().for_each(|v| collect(v, out)),
        _ => {}
    }
}
