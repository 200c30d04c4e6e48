//! Layouts other than the 2015–2017 DWC Final Determination: the real 2013
//! notice fragment from the shared corpus, and constructed letters of the
//! layouts no real sample exists for here (see tests/formats/README.md).

mod support;

use serde_json::json;
use support::corpus::corpus_dir;
use support::gold::check;

fn codes(input: &str) -> Vec<String> {
    imr_core::parse(input)
        .diagnostics
        .into_iter()
        .map(|d| d.code)
        .collect()
}

#[test]
fn dwc_2013_notice_fragment_gives_everything_it_holds() {
    let path = corpus_dir().join("formats/dwc-2013-notice.fragment.txt");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    check(
        &text,
        &json!({
            "format": "dwc_notice_2013",
            "case": {"application_received": "2013-09-06", "ur_denial_date": "2013-08-30",
                     "date_assigned": "2013-09-23", "decision_date": "2013-09-26", "date_of_injury": "2001-08-28"},
            "reviewer": {"licensure": ["California"], "specialty": ["Occupational Medicine"]},
            "patient": {"age": 44, "sex": "female", "date_of_injury": "2001-08-28"},
            "decisions": [
                {"treatment": "28 day functional restoration program", "outcome": "upheld"},
                {"treatment": "6 month follow-up aftercare program", "outcome": "upheld"}
            ]
        }),
    );
    assert!(
        codes(&text).contains(&"truncated".to_string()),
        "{:?}",
        codes(&text)
    );
}
