// IMR Lens PDF extractor: dist/imr-pdf.js, built from this template by
// scripts/web-single-file.mjs. The page adds it as a <script> only when a PDF is
// opened (its first load stays small); the CSP allows exactly this file by its
// sha256 (CSP3 hash-source + the element's integrity attribute).
//
// It holds crates/imr-pdf-web compiled to wasm (gzipped, base64) and that
// crate's wasm-bindgen glue (--target no-modules). The wasm is compiled once
// here, then each PDF is read in a Web Worker started from a Blob URL with the
// compiled WebAssembly.Module posted to it: no fetch (connect-src stays 'none'),
// and it works from file://. The worker exists because pdf-extract can panic,
// and in the web build a panic aborts its wasm instance: in a worker that kills
// only the worker, which is then replaced, while the page and its text go on.
//
// API: globalThis.imrPdf.text(file: Blob) -> Promise<string>. It rejects
// with a string (the extractor's message for the user: not a PDF, password,
// scanned, unreadable) or with an Error when the extractor itself died or hung.
"use strict";
(() => {
  const GLUE = __GLUE__;
  const WASM = "__WASM__";
  // Longer than any real letter takes (a corpus PDF: well under a second).
  const TIME_LIMIT_MS = 60_000;

  let compiled;
  const compile = () =>
    (compiled ??= (async () => {
      const packed = Uint8Array.from(atob(WASM), (c) => c.charCodeAt(0));
      const unpacked = new Blob([packed]).stream().pipeThrough(new DecompressionStream("gzip"));
      return WebAssembly.compile(await new Response(unpacked).arrayBuffer());
    })());

  // The worker: the glue, then one message per PDF. A wasm trap (a panic) is
  // caught and reported as a crash; the page then drops this worker.
  const WORKER = `${GLUE}
let ready;
onmessage = async ({ data: { module, bytes } }) => {
  try {
    await (ready ??= wasm_bindgen({ module_or_path: module }));
  } catch {
    postMessage({ crashed: true });
    return;
  }
  try {
    postMessage({ text: wasm_bindgen.pdfText(bytes) });
  } catch (error) {
    postMessage(typeof error === "string" ? { error } : { crashed: true });
  }
};`;

  let worker;
  let queue = Promise.resolve();

  // One PDF at a time through one worker, so a crash belongs to exactly one file.
  const extract = async (module, bytes) => {
    worker ??= new Worker(URL.createObjectURL(new Blob([WORKER], { type: "text/javascript" })));
    const current = worker;
    const answer = await new Promise((resolve) => {
      const timer = setTimeout(() => resolve({ crashed: true }), TIME_LIMIT_MS);
      current.onmessage = ({ data }) => {
        clearTimeout(timer);
        resolve(data);
      };
      current.onerror = (event) => {
        event.preventDefault();
        clearTimeout(timer);
        resolve({ crashed: true });
      };
      current.postMessage({ module, bytes }, [bytes.buffer]);
    });
    if (answer.crashed) {
      current.terminate();
      if (worker === current) worker = undefined;
      throw new Error("the PDF extractor stopped");
    }
    if ("error" in answer) throw answer.error;
    return answer.text;
  };

  globalThis.imrPdf = {
    text(file) {
      const result = queue.then(async () => extract(await compile(), new Uint8Array(await file.arrayBuffer())));
      queue = result.catch(() => {});
      return result;
    },
  };
})();
