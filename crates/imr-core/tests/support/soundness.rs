//! What every parse must satisfy, whatever the input: it returns, each span it
//! reports lies inside the input and on char boundaries (so a viewer can
//! slice the original text with it), every export form renders it, and
//! `split_letters` cuts it into ranges that cover it without gaps.
//! Also compiled into the fuzz target via `#[path]`.

use imr_core::{export, Determination, Span};

/// Parses `input` and panics, naming the offending span, if the result
/// breaks the invariants above.
pub fn parse_soundly(input: &str) -> Determination {
    let det = imr_core::parse(input);
    let provenance = export::provenance(&det);
    let diagnostics = det
        .diagnostics
        .iter()
        .filter_map(|d| d.span.map(|span| (format!("diagnostic {}", d.code), span)));
    for (what, span) in provenance.into_iter().chain(diagnostics) {
        assert!(
            slices(input, span),
            "{what}: span {}..{} does not slice an input of {} bytes on char boundaries",
            span.start,
            span.end,
            input.len()
        );
    }
    let letters = imr_core::split_letters(input);
    let mut covered = 0;
    for span in &letters {
        assert!(
            span.start == covered && slices(input, *span),
            "split_letters: {}..{} does not continue the cover at {covered} of {} bytes",
            span.start,
            span.end,
            input.len()
        );
        covered = span.end;
    }
    assert_eq!(
        covered,
        input.len(),
        "split_letters does not cover the input"
    );
    export::to_json_line(&det, Some("input"));
    export::to_csv([(Some("input"), &det)]);
    export::summary(&det);
    det
}

fn slices(input: &str, span: Span) -> bool {
    span.start <= span.end
        && span.end <= input.len()
        && input.is_char_boundary(span.start)
        && input.is_char_boundary(span.end)
}
