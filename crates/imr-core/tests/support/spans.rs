//! The span invariant every parse must keep, whatever the input: each span
//! the result reports lies inside the input and on char boundaries, so a
//! viewer can slice the original text with it. Also compiled into the fuzz
//! target via `#[path]`.

use imr_core::{export, Determination, Span};

/// Panics, naming the offending span, if `det` reports a span that does not
/// slice `input`.
pub fn assert_spans_slice_input(input: &str, det: &Determination) {
    let provenance = export::provenance(det);
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
}

fn slices(input: &str, span: Span) -> bool {
    span.start <= span.end
        && span.end <= input.len()
        && input.is_char_boundary(span.start)
        && input.is_char_boundary(span.end)
}
