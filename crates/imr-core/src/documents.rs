//! "Documents reviewed" lists: one entry per line (or per numbered / bulleted
//! item), bullets and numbering stripped.

use crate::normalize::Document;
use crate::text::clean;
use crate::Spanned;

/// The list in the normalized range `[start, end)`: each line is an entry,
/// unless it continues the previous one (it starts in lower case and the
/// previous entry does not end a sentence).
pub fn parse(doc: &Document, start: usize, end: usize) -> Vec<Spanned<String>> {
    let first = doc.lines.partition_point(|l| l.start < start);
    let mut entries: Vec<(usize, usize)> = Vec::new();
    for line in doc.lines[first..].iter().take_while(|l| l.end <= end) {
        let text = doc.line_text(line);
        let marker = list_marker_len(text);
        let continues = marker == 0
            && text.starts_with(|c: char| c.is_lowercase())
            && entries
                .last()
                .is_some_and(|&(_, e)| !doc.text[..e].ends_with('.'));
        match entries.last_mut() {
            Some(last) if continues => last.1 = line.end,
            _ => entries.push((line.start + marker, line.end)),
        }
    }
    entries
        .into_iter()
        .filter_map(|(s, e)| clean(doc, s, e))
        .collect()
}

/// Length of a leading "1.", "2)", "-", "*" or "•" marker and the space after it.
fn list_marker_len(line: &str) -> usize {
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    let after_number = &line[digits..];
    let marker = if digits > 0 && after_number.starts_with(['.', ')']) {
        digits + 1
    } else if line.starts_with(['-', '*']) {
        1
    } else {
        return 0;
    };
    marker + line[marker..].len() - line[marker..].trim_start().len()
}
