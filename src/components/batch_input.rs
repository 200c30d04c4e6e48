use crate::batch_state::Batch;
use crate::browser;
use crate::present::{is_pdf_file, is_text_file};
use leptos::prelude::*;
use leptos::task::spawn_local;

/// Files read at once, their letters handed to the worker together.
const GROUP: usize = 64;

/// Each file of a list with its name (its path, when a folder was chosen).
fn file_list(files: &web_sys::FileList) -> Vec<(String, web_sys::File)> {
    (0..files.length())
        .filter_map(|i| files.get(i))
        .map(|f| (browser::picked_name(&f), f))
        .collect()
}

/// Where many letters come in: .txt and .pdf files dropped or picked, or a whole folder.
#[component]
pub fn BatchInput() -> impl IntoView {
    let batch = expect_context::<Batch>();
    let add_files = move |files: Vec<(String, web_sys::File)>| {
        spawn_local(async move {
            // Files are read a group at a time, all of a group at once, and each
            // group's letters go to the worker together: parsing starts while
            // files are still being read, and each message carries many letters.
            let intake = batch.intake();
            batch.progress.update(|p| p.opening += 1);
            for group in files.chunks(GROUP) {
                if !batch.is_current(intake) {
                    break;
                }
                let (text_files, others): (Vec<_>, Vec<_>) = group
                    .iter()
                    .cloned()
                    .partition(|(_, f)| is_text_file(&f.name(), &f.type_()));
                let (pdfs, others): (Vec<_>, Vec<_>) = others
                    .into_iter()
                    .partition(|(_, f)| is_pdf_file(&f.name(), &f.type_()));
                for (name, _) in others {
                    batch.add_unreadable(
                        name,
                        "Not a .txt or .pdf file, so it was not opened.".into(),
                    );
                }
                let files: Vec<web_sys::File> = text_files.iter().map(|(_, f)| f.clone()).collect();
                let texts = browser::read_files(&files).await;
                if !batch.is_current(intake) {
                    break;
                }
                let mut letters = Vec::new();
                for ((name, _), text) in text_files.into_iter().zip(texts) {
                    match text {
                        Some(text) => letters.extend(batch.letters_of(&name, text)),
                        None => batch
                            .add_unreadable(name, "The browser could not read this file.".into()),
                    }
                }
                // The PDF reader takes one file at a time, in its own worker.
                for (name, file) in pdfs {
                    match browser::pdf_text(&file).await {
                        Ok(text) => letters.extend(batch.letters_of(&name, text)),
                        Err(message) => batch.add_unreadable(name, message),
                    }
                    if !batch.is_current(intake) {
                        break;
                    }
                }
                if batch.is_current(intake) {
                    batch.add(letters);
                }
            }
            batch
                .progress
                .update(|p| p.opening = p.opening.saturating_sub(1));
        });
    };
    let on_drop = move |ev: web_sys::DragEvent| {
        let Some(data) = ev.data_transfer() else {
            return;
        };
        ev.prevent_default();
        // Folders are walked; where the browser cannot, the plain file list serves.
        let walked = browser::dropped_files(&data);
        let listed = data.files();
        spawn_local(async move {
            let mut files = walked.await;
            if files.is_empty() {
                files = listed.map(|l| file_list(&l)).unwrap_or_default();
            }
            add_files(files);
        });
    };
    let on_pick = move |ev: leptos::ev::Targeted<web_sys::Event, web_sys::HtmlInputElement>| {
        let input = ev.target();
        if let Some(files) = input.files() {
            add_files(file_list(&files));
        }
        input.set_value("");
    };
    let has_letters = move || batch.progress.with(|p| p.total > 0);
    // The view macro has no `webkitdirectory` attribute; the property does the same.
    let folder = NodeRef::<leptos::html::Input>::new();
    Effect::new(move |_| {
        if let Some(input) = folder.get() {
            input.set_webkitdirectory(true);
        }
    });
    view! {
        <div class="batch-input drop card" on:dragover=|ev| ev.prevent_default() on:drop=on_drop data-testid="batch-drop">
            <p class="hint">
                "Drop many letters here (.txt or .pdf), or choose files or a whole folder. A text that holds "
                "several letters one after another is split into its letters. Everything stays in this browser."
            </p>
            <div class="toolbar">
                <input type="file" id="batch-files" class="sr-only" multiple accept=".txt,text/plain,.pdf,application/pdf" data-testid="batch-files" on:change:target=on_pick/>
                <label for="batch-files" class="button">"Choose files"</label>
                <input type="file" id="batch-folder" class="sr-only" multiple node_ref=folder data-testid="batch-folder" on:change:target=on_pick/>
                <label for="batch-folder" class="button">"Choose a folder"</label>
                <Show when=has_letters>
                    <button type="button" data-testid="batch-clear" on:click=move |_| batch.clear()>"Remove all letters"</button>
                </Show>
            </div>
        </div>
    }
}
