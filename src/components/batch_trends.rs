use crate::batch::RowRef;
use crate::batch_html::trend_figures;
use crate::batch_state::Batch;
use imr_core::stats::{percent, trends_of_items};
use leptos::prelude::*;

/// Overturn rates of the items in the table (all loaded, or those the
/// filters keep): overall, then a chart and a table per breakdown.
#[component]
pub fn BatchTrends(rows: Memo<Vec<RowRef>>, filtered: Signal<bool>) -> impl IntoView {
    let batch = expect_context::<Batch>();
    let trends = Memo::new(move |_| {
        batch.letters.with(|all| {
            rows.with(|rows| {
                let mut letters: Vec<usize> = rows.iter().map(|r| r.letter).collect();
                letters.sort_unstable();
                letters.dedup();
                trends_of_items(
                    letters.len(),
                    rows.iter().map(|r| &all[r.letter].items[r.item]),
                )
            })
        })
    });
    let overall = move || {
        trends.with(|t| {
            let o = &t.overall;
            format!(
                "{} items in {} letters{}: {} upheld, {} overturned; overturn rate {}.",
                o.items,
                t.letters,
                if filtered.get() {
                    " (those the filters keep)"
                } else {
                    ""
                },
                o.upheld,
                o.overturned,
                percent(o)
            )
        })
    };
    view! {
        <section class="trends" aria-labelledby="trends-h" data-testid="batch-trends">
            <h3 id="trends-h">"Trends"</h3>
            <p data-testid="trends-overall">{overall}</p>
            <div class="trend-grid" inner_html=move || trends.with(trend_figures)></div>
        </section>
    }
}
