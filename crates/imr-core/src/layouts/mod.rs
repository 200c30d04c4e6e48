//! Layout detection: every known layout scores the text, the most confident
//! one extracts. Adding a layout means adding one module and one entry to
//! [`LAYOUTS`].

mod dmhc;
mod dwc_final;
mod dwc_notice_2013;
mod maximus_imr;
mod professional_review;

use crate::normalize::Document;
use crate::{Determination, Diagnostic, Format, Severity, Span};
use memchr::memmem;
use std::cell::Cell;
use std::sync::LazyLock;

/// A letter layout: how sure it is that `doc` is one of its letters
/// (0 = not at all, 1 = every marker present), and its extractor. Only the
/// first layout may be sure with a marker missing (a test holds the others
/// to it: detection relies on it).
struct Layout {
    /// Every phrase `detect` asks about.
    markers: &'static [&'static str],
    detect: fn(&Markers) -> Detection,
    extract: fn(&Document, Format) -> Determination,
}

/// Which marker phrases of all layouts the text holds. Each is searched for
/// when a detector first asks (one vector-instruction substring search,
/// stopping at the first occurrence), so that a detector which sees its
/// layout's own headings missing asks no further.
pub struct Markers<'a> {
    text: &'a [u8],
    /// For each of [`ALL_MARKERS`], whether the text holds it, once known.
    found: Vec<Cell<Option<bool>>>,
}

impl Markers<'_> {
    fn of<'a>(doc: &'a Document) -> Markers<'a> {
        Markers {
            text: doc.text.as_bytes(),
            found: vec![Cell::new(None); ALL_MARKERS.len()],
        }
    }

    /// Whether the text holds `marker`, one of the markers of [`LAYOUTS`].
    pub fn has(&self, marker: &str) -> bool {
        let Ok(index) = ALL_MARKERS.binary_search(&marker) else {
            return false;
        };
        let found = &self.found[index];
        found.get().unwrap_or_else(|| {
            let holds = MARKER_SEARCH[index].find(self.text).is_some();
            found.set(Some(holds));
            holds
        })
    }

    /// How many of `markers` the text holds.
    pub fn count(&self, markers: &[&str]) -> usize {
        markers.iter().filter(|m| self.has(m)).count()
    }
}

/// Every marker of every layout, sorted.
static ALL_MARKERS: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    let mut all: Vec<&'static str> = LAYOUTS
        .iter()
        .flat_map(|l| l.markers.iter().copied())
        .collect();
    all.sort_unstable();
    all.dedup();
    all
});
/// The search for each of [`ALL_MARKERS`].
static MARKER_SEARCH: LazyLock<Vec<memmem::Finder<'static>>> =
    LazyLock::new(|| ALL_MARKERS.iter().map(memmem::Finder::new).collect());

/// What a layout's detector found.
pub struct Detection {
    pub format: Format,
    pub confidence: f32,
}

const LAYOUTS: &[Layout] = &[
    Layout {
        markers: &dwc_final::MARKERS,
        detect: dwc_final::detect,
        extract: dwc_final::extract,
    },
    Layout {
        markers: &dwc_notice_2013::MARKERS,
        detect: dwc_notice_2013::detect,
        extract: dwc_notice_2013::extract,
    },
    Layout {
        markers: &maximus_imr::MARKERS,
        detect: maximus_imr::detect,
        extract: maximus_imr::extract,
    },
    Layout {
        markers: &professional_review::MARKERS,
        detect: professional_review::detect,
        extract: professional_review::extract,
    },
    Layout {
        markers: &dmhc::MARKERS,
        detect: dmhc::detect,
        extract: dmhc::extract,
    },
];

/// Below this confidence the text is reported as not a determination.
const MIN_CONFIDENCE: f32 = 0.25;

pub fn parse(doc: &Document) -> Determination {
    let markers = Markers::of(doc);
    // The most confident layout; of equally confident ones the last.
    let mut best: Option<(&Layout, Detection)> = None;
    for layout in LAYOUTS {
        // Once one layout is sure, a later one can take its place only by
        // being sure too, which takes all its markers: the first one missing
        // settles it without searching for the rest.
        let beaten = best
            .as_ref()
            .is_some_and(|(_, sure)| sure.confidence >= 1.0)
            && !layout.markers.iter().all(|m| markers.has(m));
        if beaten {
            continue;
        }
        let found = (layout.detect)(&markers);
        if best
            .as_ref()
            .is_none_or(|(_, so_far)| found.confidence >= so_far.confidence)
        {
            best = Some((layout, found));
        }
    }
    let mut det = match best {
        Some((layout, found)) if found.confidence >= MIN_CONFIDENCE => {
            let mut det = (layout.extract)(doc, found.format);
            det.format_confidence = found.confidence;
            det.diagnostics.insert(
                0,
                Diagnostic {
                    severity: Severity::Info,
                    code: "format_detected".into(),
                    message: format!(
                        "Recognized as a {} ({:.0}% of its markers found).",
                        found.format.describe(),
                        found.confidence * 100.0
                    ),
                    span: None,
                },
            );
            det
        }
        _ => unknown(doc),
    };
    det.diagnostics
        .sort_by_key(|d| d.span.map_or(0, |s| s.start));
    det
}

fn unknown(doc: &Document) -> Determination {
    let message = if doc.lines.is_empty() {
        "The text is empty. Paste the text of an IMR Final Determination letter.".to_string()
    } else {
        "This does not look like an IMR determination: none of its headings were found (expected \
         \"HOW THE IMR FINAL DETERMINATION WAS MADE\", \"CLINICAL CASE SUMMARY\", \"IMR ISSUES, \
         DECISIONS AND RATIONALES\" or the case header table with \"Case Number:\" of a DWC \
         letter; the numbered items of a 2013 DWC notice; \"ISSUE AT DISPUTE:\" of a medical \
         professional review; or \"Findings:\" of a DMHC review)."
            .to_string()
    };
    Determination {
        diagnostics: vec![Diagnostic {
            severity: Severity::Error,
            code: if doc.lines.is_empty() {
                "empty"
            } else {
                "not_a_determination"
            }
            .into(),
            message,
            span: None,
        }],
        ..Determination::default()
    }
}

fn warn(code: &str, message: String, span: Option<Span>) -> Diagnostic {
    Diagnostic {
        severity: Severity::Warning,
        code: code.into(),
        message,
        span,
    }
}

/// What every layout reports the same way: missing reviewer, patient,
/// decisions, or parts of a decision.
/// Which guideline paragraphs a layout's items have.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Guidelines {
    /// The claims administrator's and the reviewer's (DWC letters).
    Both,
    /// Only the reviewer's (Medical Professional Review).
    ReviewerOnly,
    /// None (DMHC findings).
    None,
}

fn content_diagnostics(det: &Determination, guidelines: Guidelines, out: &mut Vec<Diagnostic>) {
    if det.reviewer.licensure.is_empty() && det.reviewer.specialty.is_empty() {
        out.push(warn(
            "missing_field",
            "The reviewer's licensure and specialty were not found.".into(),
            None,
        ));
    }
    if det.patient.age.is_none() || det.patient.sex.is_none() {
        out.push(warn(
            "missing_field",
            "The patient's age or sex was not found in the case summary.".into(),
            None,
        ));
    }
    if det.decisions.is_empty() {
        out.push(warn(
            "no_decisions",
            "No disputed item was found (expected a heading such as \"MRI of the lumbar spine: Upheld\").".into(),
            None,
        ));
    }
    for (i, d) in det.decisions.iter().enumerate() {
        let parts = [
            (
                "claims administrator guideline",
                d.claims_administrator_guideline.is_some() || guidelines != Guidelines::Both,
            ),
            (
                "reviewer guideline",
                d.reviewer_guideline.is_some() || guidelines == Guidelines::None,
            ),
            ("decision rationale", d.rationale.is_some()),
        ];
        for (name, present) in parts {
            if !present {
                out.push(warn(
                    "missing_field",
                    format!("Item {} (\"{}\") has no {name}.", i + 1, d.treatment.value),
                    Some(d.treatment.span),
                ));
            }
        }
    }
}

/// Why the letter looks cut off, if it does: its last item has no rationale,
/// or its last line stops mid-sentence.
fn ends_early(doc: &Document, det: &Determination) -> Option<String> {
    if let Some(last) = det.decisions.last() {
        if last.rationale.is_none() {
            return Some(format!(
                "the last item (\"{}\") has no rationale.",
                last.treatment.value
            ));
        }
    }
    let last_line = doc.lines.last().map(|l| doc.line_text(l)).unwrap_or("");
    let ends_cleanly = last_line.ends_with(['.', ')', '"', '\'', '!', '?', ']']);
    (!ends_cleanly).then(|| {
        format!(
            "the last line (\"{}\") stops mid-sentence.",
            crate::text::tail(last_line, 60)
        )
    })
}

/// The "truncated" diagnostic, pointing at the end of the text.
fn truncated(doc: &Document, reason: String) -> Diagnostic {
    let end = doc.original.len();
    warn(
        "truncated",
        format!("The text seems to end early: {reason}"),
        Some(Span::new(end, end)),
    )
}

/// A letter cut into parts by its labels or headings: each part runs from the
/// end of its label to the start of the next label found, or the text's end.
struct Sections {
    /// Each label's `(start, end)` in the normalized text, when found.
    labels: Vec<Option<(usize, usize)>>,
    end: usize,
}

impl Sections {
    fn new(labels: Vec<Option<(usize, usize)>>, end: usize) -> Sections {
        Sections { labels, end }
    }

    /// The first occurrence of `label` in the text, as a label range.
    fn find(text: &str, label: &str) -> Option<(usize, usize)> {
        text.find(label).map(|at| (at, at + label.len()))
    }

    /// The text under label `i`, without the label.
    fn part(&self, i: usize) -> Option<(usize, usize)> {
        let (_, from) = self.labels.get(i).copied().flatten()?;
        let to = self
            .labels
            .iter()
            .enumerate()
            .filter_map(|(j, label)| label.filter(|&(s, _)| j != i && s >= from).map(|(s, _)| s))
            .min()
            .unwrap_or(self.end);
        Some((from, to))
    }

    /// Where label `i` starts.
    fn start(&self, i: usize) -> Option<usize> {
        self.labels.get(i).copied().flatten().map(|(s, _)| s)
    }

    /// Where the first label found starts (the text before it is the header).
    fn first(&self) -> usize {
        self.labels
            .iter()
            .flatten()
            .map(|&(s, _)| s)
            .min()
            .unwrap_or(self.end)
    }
}

/// Adds the diagnostics every layout gives alike to `det`: each required
/// heading not found, text that ends early, and missing parts.
fn finish(
    doc: &Document,
    mut det: Determination,
    required: &[(&str, bool)],
    guidelines: Guidelines,
) -> Determination {
    let mut diagnostics: Vec<Diagnostic> = required
        .iter()
        .filter(|(_, found)| !found)
        .map(|(name, _)| {
            warn(
                "missing_section",
                format!("The heading \"{name}\" was not found."),
                None,
            )
        })
        .collect();
    diagnostics.extend(ends_early(doc, &det).map(|reason| truncated(doc, reason)));
    content_diagnostics(&det, guidelines, &mut diagnostics);
    det.diagnostics = diagnostics;
    det
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A layout after the first is never sure with one of its markers
    /// missing, and is sure with all of them: `parse` skips such a layout
    /// once another is sure and one of its markers is missing.
    #[test]
    fn later_layouts_are_sure_only_with_every_marker() {
        for layout in &LAYOUTS[1..] {
            let text = layout.markers.join("\n");
            let doc = Document::new(&text);
            assert_eq!(
                (layout.detect)(&Markers::of(&doc)).confidence,
                1.0,
                "{text}"
            );
            for missing in layout.markers {
                let text: Vec<&str> = layout
                    .markers
                    .iter()
                    .filter(|m| *m != missing)
                    .copied()
                    .collect();
                let text = text.join("\n");
                let doc = Document::new(&text);
                let confidence = (layout.detect)(&Markers::of(&doc)).confidence;
                assert!(confidence < 1.0, "sure without {missing:?}");
            }
        }
    }
}
