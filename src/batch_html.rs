//! The batch view's bulk markup (table rows, trend charts, the list of
//! unreadable letters) written as HTML text, every value escaped.
//!
//! Why not `view!`: each Leptos view is its own generic type, compiled into
//! the page's wasm. These parts are many repeated elements with no state of
//! their own, and as views they added about 80 KB (gzipped) to a page whose
//! budget is 350 KB; as text they cost a few. The components set it with
//! `inner_html`, and one delegated click handler opens a row's letter (the
//! button carries the letter's index in `data-letter`).

use crate::batch::{guideline_text, BatchLetter, RowRef};
use crate::present::{outcome_icon, outcome_label};
use imr_core::stats::{percent, Row, Trends, SMALL_SAMPLE};
use std::fmt::Write;

/// Text made safe to place in HTML content or a quoted attribute. The text
/// comes from pasted letters: it must never become markup.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// The table's rows for `rows` of `letters`.
pub fn table_rows(letters: &[BatchLetter], rows: &[RowRef]) -> String {
    let mut html = String::new();
    for r in rows {
        let letter = &letters[r.letter];
        let item = &letter.items[r.item];
        let category = match item.drug_group {
            Some(group) => format!("{} ({})", item.category.label(), group.label()),
            None => item.category.label().to_string(),
        };
        let (class, outcome, _) = outcome_label(&item.outcome);
        let icon = outcome_icon(&item.outcome);
        let _ = write!(
            html,
            "<tr data-testid=\"batch-row\"><td>{case}</td><td>{date}</td>\
             <td><button type=\"button\" class=\"link\" data-letter=\"{index}\" title=\"Open {source}\">{treatment}</button></td>\
             <td>{category}</td>\
             <td><span class=\"badge {class}\"><span class=\"icon\" aria-hidden=\"true\">{icon}</span>{outcome}</span></td>\
             <td>{specialty}</td><td>{guideline}</td><td>{modified}</td></tr>",
            case = escape(item.case_number.as_deref().unwrap_or("")),
            date = escape(item.decision_date.as_deref().unwrap_or("")),
            index = r.letter,
            source = escape(&letter.source),
            treatment = escape(&item.treatment),
            category = escape(&category),
            outcome = escape(&outcome),
            specialty = escape(&item.reviewer_specialty.join(", ")),
            guideline = escape(&guideline_text(item)),
            modified = if item.modified_request { "Yes" } else { "No" },
        );
    }
    html
}

/// Bar geometry, in SVG user units (the chart scales to its box).
const WIDTH: f64 = 640.0;
const LABEL: f64 = 230.0;
const VALUE: f64 = 150.0;
const BAR_HEIGHT: f64 = 18.0;
const ROW_HEIGHT: f64 = 26.0;
/// Longer labels are cut in the chart; the table beside it has them whole.
const LABEL_CHARS: usize = 32;

/// Every breakdown of `trends` as a figure: an SVG bar chart of overturn
/// rates (rates from few items drawn faint and marked `*`) and the same
/// numbers as a table, for screen readers and for copying.
pub fn trend_figures(trends: &Trends) -> String {
    let breakdowns: [(&str, &str, &[Row]); 6] = [
        (
            "category",
            "Overturn rate by treatment category",
            &trends.by_category,
        ),
        (
            "drug-group",
            "Overturn rate by drug group (pharmaceuticals)",
            &trends.by_drug_group,
        ),
        (
            "specialty",
            "Overturn rate by reviewer specialty",
            &trends.by_reviewer_specialty,
        ),
        ("mtus", "Overturn rate by MTUS basis", &trends.by_mtus),
        (
            "guideline",
            "Overturn rate by guideline cited",
            &trends.by_guideline,
        ),
        (
            "month",
            "Overturn rate by decision month",
            &trends.by_decision_month,
        ),
    ];
    let mut html = String::new();
    for (id, title, rows) in breakdowns {
        if !rows.is_empty() {
            figure(&mut html, id, title, rows);
        }
    }
    html
}

fn figure(html: &mut String, id: &str, title: &str, rows: &[Row]) {
    let height = ROW_HEIGHT * rows.len() as f64;
    let scale = WIDTH - LABEL - VALUE;
    let _ = write!(
        html,
        "<figure class=\"trend card\" aria-labelledby=\"{id}-h\" data-testid=\"trend-{id}\">\
         <figcaption id=\"{id}-h\">{title}</figcaption><div class=\"trend-body\">\
         <svg viewBox=\"0 0 {WIDTH} {height}\" role=\"img\" preserveAspectRatio=\"xMinYMin meet\" \
         aria-label=\"{title}: a bar per group; the table has the numbers\">"
    );
    for (i, row) in rows.iter().enumerate() {
        let y = i as f64 * ROW_HEIGHT;
        let text_y = y + BAR_HEIGHT - 4.0;
        let label: String = if row.label.chars().count() > LABEL_CHARS {
            row.label
                .chars()
                .take(LABEL_CHARS - 1)
                .chain(['\u{2026}'])
                .collect()
        } else {
            row.label.clone()
        };
        let _ = write!(
            html,
            "<g class=\"{class}\"><text x=\"{label_x}\" y=\"{text_y}\" text-anchor=\"end\">{label}</text>\
             <rect class=\"track\" x=\"{LABEL}\" y=\"{y}\" width=\"{scale}\" height=\"{BAR_HEIGHT}\"></rect>\
             <rect class=\"fill\" x=\"{LABEL}\" y=\"{y}\" width=\"{fill:.1}\" height=\"{BAR_HEIGHT}\"></rect>\
             <text x=\"{value_x}\" y=\"{text_y}\">{rate} of {decided}</text></g>",
            class = if row.small_sample { "bar few" } else { "bar" },
            label_x = LABEL - 8.0,
            label = escape(&label),
            fill = scale * row.overturn_rate.unwrap_or(0.0),
            value_x = WIDTH - VALUE + 8.0,
            rate = percent(row),
            decided = row.upheld + row.overturned,
        );
    }
    html.push_str(
        "</svg><table><thead><tr><th scope=\"col\">Group</th><th scope=\"col\">Items</th>\
         <th scope=\"col\">Upheld</th><th scope=\"col\">Overturned</th>\
         <th scope=\"col\">Overturn rate</th></tr></thead><tbody>",
    );
    for row in rows {
        let _ = write!(
            html,
            "<tr><th scope=\"row\">{}</th><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            escape(&row.label),
            row.items,
            row.upheld,
            row.overturned,
            percent(row)
        );
    }
    let _ = write!(
        html,
        "</tbody></table></div><p class=\"hint\">* from fewer than {SMALL_SAMPLE} upheld or \
         overturned items: the rate says little.</p></figure>"
    );
}

/// The letters that gave no row, each with the reason, as list items.
pub fn unreadable_items(letters: &[BatchLetter]) -> String {
    let mut html = String::new();
    for letter in letters {
        if let Some(problem) = &letter.problem {
            let _ = write!(
                html,
                "<li data-testid=\"unreadable-letter\"><strong>{}</strong>: {}</li>",
                escape(&letter.source),
                escape(problem)
            );
        }
    }
    html
}

#[cfg(test)]
mod tests {
    use super::*;
    use imr_core::stats::{items, trends_of_items};

    fn seed_letter(source: &str) -> BatchLetter {
        let reading = crate::batch::read(crate::letter::EXAMPLE);
        BatchLetter {
            source: source.into(),
            text: String::new(),
            items: reading.items,
            problem: reading.problem,
        }
    }

    #[test]
    fn letter_text_never_becomes_markup() {
        assert_eq!(
            escape(r#"<img src=x onerror="alert('1')">&"#),
            "&lt;img src=x onerror=&quot;alert(&#39;1&#39;)&quot;&gt;&amp;"
        );
        let mut letter = seed_letter("<b>evil</b>.txt");
        letter.items[0].treatment = "<script>alert(1)</script>".into();
        letter.problem = Some("<i>why</i>".into());
        let rows = [RowRef { letter: 0, item: 0 }];
        let html = table_rows(std::slice::from_ref(&letter), &rows) + &unreadable_items(&[letter]);
        assert!(
            !html.contains("<script>") && !html.contains("<b>") && !html.contains("<i>"),
            "{html}"
        );
        assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    }

    #[test]
    fn a_row_per_item_with_its_letter_index() {
        let letters = [seed_letter("a.txt"), seed_letter("b.txt")];
        let rows = [RowRef { letter: 1, item: 1 }, RowRef { letter: 0, item: 0 }];
        let html = table_rows(&letters, &rows);
        assert_eq!(html.matches("<tr ").count(), 2);
        let indices: Vec<&str> = html
            .split("data-letter=\"")
            .skip(1)
            .map(|s| &s[..1])
            .collect();
        assert_eq!(indices, ["1", "0"]);
        assert!(html.contains(">Upheld</span>"));
    }

    #[test]
    fn each_chart_has_a_bar_and_a_table_row_per_group() {
        let det = imr_core::parse(crate::letter::EXAMPLE);
        let trends = trends_of_items(1, &items(&det));
        let html = trend_figures(&trends);
        let figures = html.matches("<figure").count();
        // The seed's items have no decision date: month says "Not stated"; no drug group.
        assert_eq!(figures, 5, "{html}");
        assert_eq!(
            html.matches("<g class=").count(),
            html.matches("<th scope=\"row\">").count()
        );
        assert!(html.contains("bar few"), "two items are a small sample");
    }
}
