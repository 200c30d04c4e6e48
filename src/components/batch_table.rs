use crate::batch::{Column, RowRef, Sort};
use crate::batch_html::table_rows;
use crate::batch_state::Batch;
use crate::browser;
use imr_core::export;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Rows per page: enough to scan, few enough to render at once for any batch.
const PAGE: usize = 50;

/// One row per disputed item of the batch: sortable by any column, a page at
/// a time; choosing a treatment opens its letter. Exports the rows as CSV.
#[component]
pub fn BatchTable(
    rows: Memo<Vec<RowRef>>,
    sort: RwSignal<Sort>,
    open_letter: Callback<usize>,
) -> impl IntoView {
    let batch = expect_context::<Batch>();
    let page = RwSignal::new(0usize);
    // A new filter or sort starts again at the first page.
    Effect::new(move |_| {
        rows.track();
        page.set(0);
    });
    let pages = move || rows.with(|r| r.len().div_ceil(PAGE)).max(1);
    let header = move |column: Column| {
        let aria_sort = move || {
            let s = sort.get();
            match (s.column == column, s.descending) {
                (false, _) => "none",
                (true, true) => "descending",
                (true, false) => "ascending",
            }
        };
        let toggle = move |_| {
            sort.update(|s| {
                *s = Sort {
                    column,
                    descending: s.column == column && !s.descending,
                }
            })
        };
        view! {
            <th scope="col" aria-sort=aria_sort>
                <button type="button" class="sort" on:click=toggle data-testid=format!("sort-{}", column.label())>{column.label()}</button>
            </th>
        }
    };
    let body = move || {
        let first = page.get() * PAGE;
        batch.letters.with(|all| {
            rows.with(|r| table_rows(all, &r[first.min(r.len())..(first + PAGE).min(r.len())]))
        })
    };
    // One handler for every row's button (the rows are markup, see batch_html).
    let open = move |ev: web_sys::MouseEvent| {
        let letter = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|t| t.closest("button[data-letter]").ok().flatten())
            .and_then(|b| b.get_attribute("data-letter"))
            .and_then(|i| i.parse::<usize>().ok());
        if let Some(letter) = letter {
            open_letter.run(letter);
        }
    };
    let csv = move |_| {
        let body = batch.letters.with_untracked(|all| {
            rows.with_untracked(|rows| {
                export::items_to_csv(
                    rows.iter()
                        .map(|r| (all[r.letter].source.as_str(), &all[r.letter].items[r.item])),
                )
            })
        });
        let _ = browser::download("imr-items.csv", "text/csv;charset=utf-8", &body);
    };
    let exporting = batch.exporting;
    let range = move || {
        let n = rows.with(Vec::len);
        let first = page.get() * PAGE;
        if n == 0 {
            "No items match.".to_string()
        } else {
            format!(
                "Items {}\u{2013}{} of {n}",
                first + 1,
                (first + PAGE).min(n)
            )
        }
    };
    view! {
        <div class="batch-table card">
            <div class="result-head">
                <p data-testid="batch-range" role="status">{range}</p>
                <div class="exports" role="group" aria-label="Export the batch">
                    <button type="button" data-testid="batch-csv" on:click=csv>"Download CSV (these items)"</button>
                    <button type="button" data-testid="batch-jsonl" disabled=move || exporting.with(Option::is_some)
                        on:click=move |_| batch.export_jsonl()>
                        {move || match exporting.get() {
                            Some((done, of)) => format!("Making JSON Lines: {done} of {of}\u{2026}"),
                            None => "Download JSON Lines (every letter)".into(),
                        }}
                    </button>
                    <p class="export-message" role="status">{move || batch.export_error.get()}</p>
                </div>
            </div>
            <div class="table-scroll">
                <table data-testid="batch-table">
                    <caption class="sr-only">"Disputed items of the letters loaded"</caption>
                    <thead><tr>{Column::ALL.map(header)}</tr></thead>
                    <tbody on:click=open inner_html=body></tbody>
                </table>
            </div>
            <nav class="pager" aria-label="Pages of the table">
                <button type="button" data-testid="page-previous" disabled=move || page.get() == 0
                    on:click=move |_| page.update(|p| *p = p.saturating_sub(1))>"Previous"</button>
                <span>{move || format!("Page {} of {}", page.get() + 1, pages())}</span>
                <button type="button" data-testid="page-next" disabled=move || { page.get() + 1 >= pages() }
                    on:click=move |_| page.update(|p| *p += 1)>"Next"</button>
            </nav>
        </div>
    }
}
