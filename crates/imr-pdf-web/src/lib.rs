//! The PDF extractor as the page runs it: `imr_pdf::text` exported to
//! JavaScript. scripts/build-web.sh compiles this crate to its own wasm, and
//! scripts/web-single-file.mjs packs it into dist/imr-pdf.js, which the page
//! loads only when a PDF is opened and runs in a worker of its own (a panic
//! there aborts that wasm instance, never the page's; see ARCHITECTURE.md).

use wasm_bindgen::prelude::wasm_bindgen;

/// The text layer of the PDF in `bytes`. The error is a sentence for the user
/// (`imr_pdf::PdfError`'s Display), thrown as a JavaScript string.
#[wasm_bindgen(js_name = pdfText)]
pub fn pdf_text(bytes: &[u8]) -> Result<String, String> {
    imr_pdf::text(bytes).map_err(|e| e.to_string())
}
