//! The default handbook's structure: every region page carries the front matter the
//! comparison page is generated from, and the comparison lists every region.

mod common;

#[test]
fn region_pages_have_their_structured_fields_and_appear_in_the_comparison() {
    let root = common::repo_root();
    let out = tempfile::tempdir().unwrap();
    leerrecht::build(&root, out.path(), Default::default())
        .unwrap_or_else(|d| panic!("{}", d.render()));
    let comparison = std::fs::read_to_string(out.path().join("regio/vergelijking.html")).unwrap();
    let mut regions = 0;
    for entry in std::fs::read_dir(root.join("content/regio"))
        .unwrap()
        .flatten()
    {
        let text = std::fs::read_to_string(entry.path()).unwrap();
        let front = text.split("+++").nth(1).unwrap_or_default();
        let table: toml::Table = toml::from_str(front).unwrap();
        let Some(extra) = table.get("extra").and_then(|e| e.as_table()) else {
            continue;
        };
        let Some(region) = extra.get("region").and_then(|r| r.as_str()) else {
            continue;
        };
        regions += 1;
        for key in ["coordination", "escalation"] {
            assert!(
                extra
                    .get(key)
                    .and_then(|v| v.as_str())
                    .is_some_and(|s| !s.is_empty()),
                "{region}: {key}"
            );
        }
        for key in ["partners", "themes"] {
            assert!(
                extra
                    .get(key)
                    .and_then(|v| v.as_array())
                    .is_some_and(|a| !a.is_empty()),
                "{region}: {key}"
            );
        }
        if let Some(weeks) = extra.get("ambition_weeks") {
            assert!(
                weeks.as_integer().is_some_and(|w| w > 0),
                "{region}: ambition_weeks"
            );
        }
        assert!(
            comparison.contains(&format!(">{region}</a></th>")),
            "{region} missing from the comparison"
        );
    }
    assert!(regions >= 4, "only {regions} region pages");
}
