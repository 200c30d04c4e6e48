use crate::browser;
use crate::letter::Letter;
use crate::present::export_file_name;
use imr_core::{export, Determination};
use leptos::prelude::*;
use leptos::task::spawn_local;

/// Download JSON (exactly `imr parse --jsonl`'s line for this text), download
/// CSV, copy a plain-text summary, print. All local: Blob URLs and the clipboard.
#[component]
pub fn Exports(parsed: Memo<Option<Determination>>) -> impl IntoView {
    let letter = expect_context::<Letter>();
    let message = RwSignal::new(String::new());
    let disabled = move || letter.text.with(String::is_empty) || parsed.with(Option::is_none);
    // Runs `f` on the current result and its source name; reports failures.
    let with_result = move |f: &dyn Fn(&Determination, &str) -> Result<(), String>| {
        let name = letter.name.get_untracked();
        let outcome = parsed.with_untracked(|det| match det {
            Some(det) => f(det, &name),
            None => Err("There is no result to export.".into()),
        });
        message.set(outcome.err().unwrap_or_default());
    };
    let save =
        move |ext: &'static str, mime: &'static str, body: fn(&Determination, &str) -> String| {
            with_result(&|det, name| {
                browser::download(&export_file_name(det, name, ext), mime, &body(det, name))
                    .map_err(|_| {
                        format!(
                            "This browser could not save the {} file.",
                            ext.to_uppercase()
                        )
                    })
            })
        };
    let json = move |_| {
        save("json", "application/json", |det, name| {
            export::to_json_line(det, Some(name)) + "\n"
        })
    };
    let csv = move |_| {
        save("csv", "text/csv;charset=utf-8", |det, name| {
            export::to_csv([(Some(name), det)])
        })
    };
    let copy = move |_| {
        with_result(&|det, _| {
            let summary = export::summary(det);
            spawn_local(async move {
                message.set(match browser::copy_text(&summary).await {
                    Ok(()) => "Summary copied to the clipboard.".into(),
                    Err(_) => "This browser did not allow copying to the clipboard.".into(),
                });
            });
            Ok(())
        })
    };
    let print = move |_| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    };
    view! {
        <div class="exports" role="group" aria-label="Export">
            <button type="button" on:click=json disabled=disabled data-testid="download-json">"Download JSON"</button>
            <button type="button" on:click=csv disabled=disabled data-testid="download-csv">"Download CSV"</button>
            <button type="button" on:click=copy disabled=disabled data-testid="copy-summary">"Copy summary"</button>
            <button type="button" on:click=print disabled=disabled>"Print"</button>
            <p class="export-message" role="status" data-testid="export-message">{message}</p>
        </div>
    }
}
