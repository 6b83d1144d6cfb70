//! A store for the tests: synthetic documents over about ten months, and one document whose
//! title and text carry markup that must come back as text.
#![allow(dead_code)]
use dyad_store::{Store, synth};
use std::path::PathBuf;

pub const XSS: &str = "<script>alert('xss')</script><img src=x onerror=alert(1)>";

pub struct Fixture {
    pub dir: tempfile::TempDir,
    pub path: PathBuf,
    pub xss_doc: String,
    pub first_event: String,
}

pub fn store() -> Fixture {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("dyad.db");
    let mut store = Store::open(&path).unwrap();
    // Every tenth synthetic document: four a day over ~300 days, so monthly series have
    // several periods.
    let mut batch: Vec<_> = (0..1200u64).map(|k| synth::doc(k * 10, 3)).collect();
    let (doc, _) = &mut batch[0];
    doc.text.push('\n');
    doc.text.push_str(XSS);
    doc.meta.title = Some(format!("Title {XSS}"));
    let xss_doc = doc.id.clone();
    let first_event = batch[0].1[0].id.clone();
    store.writer("test").unwrap().write_batch(&batch).unwrap();
    Fixture {
        dir,
        path,
        xss_doc,
        first_event,
    }
}
