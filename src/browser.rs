//! The few browser APIs the page uses, each wrapped once: downloads (Blob
//! URLs, never the network), the clipboard, opt-in localStorage, reading
//! a picked or dropped file and a PDF's text. Nothing here logs, and nothing
//! sends anything.

use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Where the text is kept when the user opts in.
const TEXT_KEY: &str = "imr-lens.text";

/// Saves `content` as a file named `name` through a Blob URL.
pub fn download(name: &str, mime: &str, content: &str) -> Result<(), JsValue> {
    let parts = js_sys::Array::of1(&JsValue::from_str(content));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let anchor: web_sys::HtmlAnchorElement = document().create_element("a")?.unchecked_into();
    anchor.set_href(&url);
    anchor.set_download(name);
    anchor.click();
    // Revoke once the click has been handled; the download keeps its own copy.
    leptos::prelude::set_timeout(
        move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        },
        std::time::Duration::from_secs(1),
    );
    Ok(())
}

/// Puts `text` on the clipboard.
pub async fn copy_text(text: &str) -> Result<(), JsValue> {
    let clipboard = window().navigator().clipboard();
    JsFuture::from(clipboard.write_text(text)).await.map(drop)
}

/// The text of a picked or dropped file.
pub async fn read_file(file: &web_sys::File) -> Result<String, JsValue> {
    JsFuture::from(file.text())
        .await?
        .as_string()
        .ok_or_else(|| JsValue::from_str("not text"))
}

/// The texts of several files, read at the same time (each `None` if it could not be read).
pub async fn read_files(files: &[web_sys::File]) -> Vec<Option<String>> {
    // Every read starts here; awaiting them in order then waits for the slowest.
    let reads: Vec<JsFuture> = files.iter().map(|f| JsFuture::from(f.text())).collect();
    let mut texts = Vec::with_capacity(reads.len());
    for read in reads {
        texts.push(read.await.ok().and_then(|v| v.as_string()));
    }
    texts
}

#[wasm_bindgen::prelude::wasm_bindgen]
extern "C" {
    /// Defined by the page's loader (scripts/web-single-file.mjs).
    #[wasm_bindgen(js_name = imrLensDroppedFiles)]
    fn dropped_files_promise(data: &web_sys::DataTransfer) -> js_sys::Promise;
}

/// The files of a drop, the files of dropped folders included, each with its
/// path in the drop. Call it during the drop event (the browser forgets the
/// folders after it). Empty when the browser cannot walk folders.
pub fn dropped_files(
    data: &web_sys::DataTransfer,
) -> impl std::future::Future<Output = Vec<(String, web_sys::File)>> {
    let pending = JsFuture::from(dropped_files_promise(data));
    async move {
        let Ok(found) = pending.await else {
            return Vec::new();
        };
        js_sys::Array::from(&found)
            .iter()
            .filter_map(|pair| {
                let pair = js_sys::Array::from(&pair);
                Some((pair.get(0).as_string()?, pair.get(1).dyn_into().ok()?))
            })
            .collect()
    }
}

/// A picked file's name, with its folder path when a whole folder was chosen.
pub fn picked_name(file: &web_sys::File) -> String {
    js_sys::Reflect::get(file, &"webkitRelativePath".into())
        .ok()
        .and_then(|p| p.as_string())
        .filter(|p| !p.is_empty())
        .unwrap_or_else(|| file.name())
}

#[wasm_bindgen]
extern "C" {
    /// Defined by the page's loader (scripts/pdf-extractor-pack.mjs): adds
    /// dist/imr-pdf.js on first use and extracts in that file's own worker.
    #[wasm_bindgen(js_name = imrPdfText, catch)]
    fn imr_pdf_text(file: &web_sys::Blob) -> Result<js_sys::Promise, JsValue>;
}

/// Said when the extractor itself failed (its file did not load, or it
/// crashed or hung on this PDF); the page and its text are unaffected.
const PDF_READER_FAILED: &str = "the PDF reader stopped on this file (it may be damaged or \
    use an unusual font): open it in a PDF viewer, copy the text and paste it";

/// The text layer of a PDF (a picked or dropped `File` is a `Blob`), extracted
/// in a worker of its own: a crash there cannot take the page down. The error
/// is a message for the user. The bytes go from the file to the worker without
/// passing through this wasm's memory (a PDF can be megabytes).
pub async fn pdf_text(file: &web_sys::Blob) -> Result<String, String> {
    let failed = |_| PDF_READER_FAILED.to_owned();
    let promise = imr_pdf_text(file).map_err(failed)?;
    match JsFuture::from(promise).await {
        Ok(text) => text.as_string().ok_or_else(|| PDF_READER_FAILED.to_owned()),
        // A string is imr-pdf's own message (scanned, password, not a PDF ...).
        Err(error) => Err(error
            .as_string()
            .unwrap_or_else(|| PDF_READER_FAILED.to_owned())),
    }
}

/// The remembered text, if the user opted in on an earlier visit.
pub fn remembered_text() -> Option<String> {
    storage()?.get_item(TEXT_KEY).ok().flatten()
}

/// Remembers `text` on this device (only called when the user opted in).
pub fn remember_text(text: &str) -> Result<(), JsValue> {
    storage()
        .ok_or_else(|| JsValue::from_str("no storage"))?
        .set_item(TEXT_KEY, text)
}

/// Deletes any remembered text.
pub fn forget_text() {
    if let Some(s) = storage() {
        let _ = s.remove_item(TEXT_KEY);
    }
}

/// Scrolls `pane` so that `mark` (inside it) is in its middle, then scrolls
/// the window only if the pane itself is out of view (on phones, where the
/// letter is below the result; on wide screens it stays beside it).
pub fn reveal(mark: &web_sys::HtmlElement, pane: &web_sys::HtmlElement) {
    pane.set_scroll_top(mark.offset_top() - pane.client_height() / 2);
    let options = web_sys::ScrollIntoViewOptions::new();
    options.set_block(web_sys::ScrollLogicalPosition::Nearest);
    mark.scroll_into_view_with_scroll_into_view_options(&options);
}

fn window() -> web_sys::Window {
    web_sys::window().expect("a browser window")
}

fn document() -> web_sys::Document {
    window().document().expect("a document")
}

fn storage() -> Option<web_sys::Storage> {
    window().local_storage().ok().flatten()
}
