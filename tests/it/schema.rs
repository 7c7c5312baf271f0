//! The JSON Schema of an instrument's JSON, generated from the Rust types, is kept in
//! `tests/js/instrument.schema.json`; the JavaScript tests check their fixtures and the built
//! site's instruments against it, so the two sides cannot drift apart. `UPDATE_GOLDEN=1`
//! writes it anew after a deliberate change of the format.

use crate::common;

const SCHEMA: &str = "tests/js/instrument.schema.json";

#[test]
fn the_instrument_schema_matches_the_rust_types() {
    let schema = schemars::schema_for!(leerrecht::instrument::Instrument);
    let text = serde_json::to_string_pretty(&schema).expect("a schema serializes") + "\n";
    let path = common::repo_root().join(SCHEMA);
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(&path, &text).expect("write the schema");
        return;
    }
    let kept = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        kept == text,
        "{SCHEMA} is not the schema of the Rust types any more; after a deliberate change run: UPDATE_GOLDEN=1 cargo test --test it schema (and bump instrument::FORMAT if old pages can no longer read it)"
    );
}
