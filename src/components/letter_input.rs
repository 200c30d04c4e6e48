use crate::browser;
use crate::letter::{Letter, EXAMPLE, EXAMPLE_NAME, PASTED};
use crate::present::{is_pdf_file, is_text_file};
use leptos::html::Textarea;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// Where the letter comes in: the text area, Load example, a PDF or .txt file
/// (picked or dropped; a PDF's text layer is extracted), Clear / Undo, and the
/// opt-in to remember the text.
#[component]
pub fn LetterInput(remember: RwSignal<bool>, notice: RwSignal<Option<String>>) -> impl IntoView {
    let letter = expect_context::<Letter>();
    let load_file = move |file: web_sys::File| {
        let name = file.name();
        let pdf = is_pdf_file(&name, &file.type_());
        if !pdf && !is_text_file(&name, &file.type_()) {
            notice.set(Some(format!(
                "\u{201c}{name}\u{201d} is neither a PDF nor a .txt file, so it was not opened. \
                 Open the letter in a PDF viewer, select all, copy, and paste it here."
            )));
            return;
        }
        spawn_local(async move {
            let text = if pdf {
                notice.set(Some(format!(
                    "Reading the text of \u{201c}{name}\u{201d}\u{2026}"
                )));
                browser::pdf_text(&file).await
            } else {
                browser::read_file(&file)
                    .await
                    .map_err(|_| "it could not be read".into())
            };
            match text {
                // The extracted text is then the letter, exactly as if pasted.
                Ok(text) => {
                    letter.replace(text, &name);
                    notice.set(None);
                }
                Err(why) => notice.set(Some(format!(
                    "\u{201c}{name}\u{201d} was not opened: {why}."
                ))),
            }
        });
    };
    let on_drop = move |ev: web_sys::DragEvent| {
        let file = ev
            .data_transfer()
            .and_then(|d| d.files())
            .and_then(|files| files.get(0));
        if let Some(file) = file {
            ev.prevent_default();
            load_file(file);
        }
    };
    let on_pick = move |ev: leptos::ev::Targeted<web_sys::Event, web_sys::HtmlInputElement>| {
        let input = ev.target();
        if let Some(file) = input.files().and_then(|files| files.get(0)) {
            load_file(file);
        }
        input.set_value("");
    };
    let has_previous = move || letter.previous.with(Option::is_some);
    // Sync the text area with the text when it changes elsewhere (Load example,
    // a file, Clear, Undo); never write back what the user just typed: for a long
    // paste that would cost seconds.
    let area = NodeRef::<Textarea>::new();
    Effect::new(move |_| {
        letter.text.with(|text| {
            if let Some(area) = area.get() {
                if area.value() != *text {
                    area.set_value(text);
                }
            }
        })
    });
    view! {
        <section class="input card" aria-labelledby="input-h" on:dragover=|ev| ev.prevent_default() on:drop=on_drop>
            <h2 id="input-h" class="sr-only">"Letter"</h2>
            <label for="letter-text" class="field-label">"Determination text"</label>
            <p class="hint" id="letter-hint">"Paste the letter's text, or drop its PDF or a .txt file here."</p>
            <textarea
                id="letter-text"
                data-testid="input"
                aria-describedby="letter-hint"
                spellcheck="false"
                autocomplete="off"
                node_ref=area
                on:input:target=move |ev| letter.edit(ev.target().value())
            ></textarea>
            <div class="toolbar">
                <button type="button" data-testid="load-example" on:click=move |_| letter.replace(EXAMPLE.into(), EXAMPLE_NAME)>
                    "Load example"
                </button>
                <input type="file" id="file-pick" class="sr-only" accept=".pdf,application/pdf,.txt,text/plain" data-testid="file" on:change:target=on_pick/>
                <label for="file-pick" class="button">"Choose PDF or .txt file"</label>
                <button type="button" data-testid="clear" on:click=move |_| letter.replace(String::new(), PASTED)>
                    "Clear"
                </button>
                <Show when=has_previous>
                    <button type="button" data-testid="undo" on:click=move |_| letter.undo()>
                        "Undo (bring back the previous text)"
                    </button>
                </Show>
            </div>
            <div class="remember">
                <input type="checkbox" id="remember" data-testid="remember" prop:checked=move || remember.get()
                    on:change:target=move |ev| remember.set(ev.target().checked())/>
                <label for="remember">"Remember text on this device"</label>
                <span class="hint">" (off by default; keeps the text in this browser's storage until you turn it off)"</span>
            </div>
            <p class="notice" role="status" data-testid="notice">{move || notice.get()}</p>
        </section>
    }
}
