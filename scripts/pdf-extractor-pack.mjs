// Packs the PDF extractor into dist/imr-pdf.js (called by web-single-file.mjs).
//
// scripts/build-web.sh has compiled crates/imr-pdf-web to wasm, run
// wasm-bindgen (--target no-modules) and wasm-opt, and left the glue and wasm
// in $IMR_PDF_WEB_DIR. Here they go into the template scripts/pdf-extractor.js
// (the wasm gzipped and base64-encoded, as the page's own wasm is). Returns
// what the page needs to load the file on demand: the file's CSP hash-source
// (also its integrity value) and the loader snippet for the inline script.

import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

export const PDF_FILE = "imr-pdf.js";

export async function packPdfExtractor(stagingDir, gzipAsync) {
  const from = process.env.IMR_PDF_WEB_DIR;
  if (!from) throw new Error("IMR_PDF_WEB_DIR is not set: build the page with scripts/build-web.sh");
  const glue = fs.readFileSync(path.join(from, "imr_pdf_web.js"), "utf8");
  if (!/^let wasm_bindgen = /m.test(glue)) throw new Error("imr_pdf_web.js: not wasm-bindgen's no-modules glue");
  const wasm = fs.readFileSync(path.join(from, "imr_pdf_web_bg.wasm"));
  const packed = Buffer.from(await gzipAsync(wasm, { numiterations: 15 })).toString("base64");
  const template = fs.readFileSync(new URL("pdf-extractor.js", import.meta.url), "utf8");
  // Function replacers: the glue may contain "$&"-like sequences.
  const script = template.replace("__GLUE__", () => JSON.stringify(glue)).replace("__WASM__", () => packed);
  if (/__(?:GLUE|WASM)__/.test(script)) throw new Error("pdf-extractor.js: a placeholder was not filled in");
  fs.writeFileSync(path.join(stagingDir, PDF_FILE), script);

  const hash = `sha256-${crypto.createHash("sha256").update(script).digest("base64")}`;
  // Over http the CSP admits the file by this hash, which needs the integrity
  // attribute; file:// cannot check integrity (no CORS there), so that case
  // relies on the CSP's `file:` source instead.
  const loader = `let pdfExtractor;
globalThis.imrPdfText = (file) =>
  (pdfExtractor ??= new Promise((resolve, reject) => {
    const script = document.createElement("script");
    script.src = "${PDF_FILE}";
    if (location.protocol !== "file:") script.integrity = "${hash}";
    script.onload = () => resolve(globalThis.imrPdf);
    script.onerror = () => {
      pdfExtractor = undefined;
      script.remove();
      reject(new Error("${PDF_FILE} did not load"));
    };
    document.head.append(script);
  })).then((pdf) => pdf.text(file));`;
  console.log(`${PDF_FILE}: ${script.length} bytes (wasm ${wasm.length} -> gzip+base64 ${packed.length})`);
  return { hash: `'${hash}'`, loader };
}
