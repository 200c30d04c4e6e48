//! Inputs that once broke `parse`, found by the fuzzer (fuzz/) or the
//! property tests (tests/properties.rs), each kept as a named test. Each must
//! parse into a result whose spans slice the input (see `support::soundness`).

mod support;

use support::soundness::parse_soundly;

/// "i:" then "Overturned" on the next line reads as one heading whose outcome
/// word wrapped; the following ":Upheld" line then started the next item
/// inside the first item's outcome word, and slicing the first item's body
/// panicked (begin > end). Found by cargo-fuzz within seconds.
#[test]
fn outcome_word_wrapped_onto_the_line_before_the_next_heading() {
    let det = parse_soundly("Case Number\ni:\nOverturned\n:Upheld\nguideline:");
    assert!(det.decisions.len() <= 2);
}

/// The same fault in a real letter: an "Overturned" line repeated right after
/// an item heading (found by the repeated-headings property test).
#[test]
fn outcome_line_repeated_after_an_item_heading() {
    let det = parse_soundly(
        "IMR ISSUES, DECISIONS AND RATIONALES\n\
         The Final Determination was based on decisions for the disputed items/services set forth below:\n\
         MRI of the lumbar spine:\n\
         Overturned\n\
         Physical therapy: Upheld\n\
         Claims Administrator guideline: Decision based on MTUS.\n\
         Decision rationale: Not medically necessary.\n",
    );
    assert!(!det.decisions.is_empty());
}
