// Measures the page's budgets against the built dist/ (run by scripts/budgets.sh):
//   transfer  everything the page's first load transfers, gzip -9 (budget: 350 KB);
//             the PDF reader (dist/imr-pdf.js), loaded only when a PDF is opened,
//             is reported on its own, with the time from picking a PDF to its result
//   load      navigation to a usable page, headless Chromium, localhost (budget: 1 s)
//   render    paste to rendered result, longest corpus letter (budget: 50 ms)
//   keystroke one character typed into that letter, input to next frame
// Prints a table and writes target/web-budgets.json. Numbers are medians.

import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { CORPUS, DIST, REPO, RENDERINGS, launch, openApp, paste, pick, serveDist } from "../tests/browser/helpers.mjs";

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const RUNS = 9;

const transfer = Object.fromEntries(
  fs.readdirSync(DIST).map((f) => [f, zlib.gzipSync(fs.readFileSync(path.join(DIST, f)), { level: 9 }).length]),
);
// A first visit loads index.html, the icon and the manifest; sw.js is the worker's.
// The PDF reader is not part of it: the page adds it when a PDF is opened.
const LAZY = "imr-pdf.js";
const transferTotal = Object.entries(transfer)
  .filter(([f]) => f !== LAZY)
  .reduce((a, [, b]) => a + b, 0);

const letters = RENDERINGS.flatMap((r) =>
  fs.readdirSync(path.join(CORPUS, "dwc", r)).map((f) => path.join(CORPUS, "dwc", r, f)),
);
const longest = letters.reduce((a, b) => (fs.statSync(b).size > fs.statSync(a).size ? b : a));
const text = fs.readFileSync(longest, "utf8");

const browser = await launch();
const server = await serveDist();
const loads = [];
for (let i = 0; i < RUNS; i++) {
  // A fresh context each time: a first visit, nothing cached.
  const app = await openApp(browser, server.url);
  // The loader marks the moment the app is mounted and usable.
  loads.push(await app.page.evaluate(() => performance.getEntriesByName("imr-lens-ready")[0].startTime));
  await app.context.close();
}

// Picking the largest corpus PDF until its case number shows: the first PDF
// of a visit (the reader is loaded and compiled) and the one after it.
const pdfs = fs.readdirSync(path.join(CORPUS, "dwc/pdf")).map((f) => path.join(CORPUS, "dwc/pdf", f));
const largestPdf = pdfs.reduce((a, b) => (fs.statSync(b).size > fs.statSync(a).size ? b : a));
const pdfCase = path.basename(largestPdf, ".pdf");
const timePdf = async (page) => {
  const start = Date.now();
  await pick(page, largestPdf);
  await page.getByTestId("case-number").getByText(pdfCase, { exact: true }).waitFor();
  const ms = Date.now() - start;
  await paste(page, "");
  return ms;
};
const pdfFirst = [];
const pdfNext = [];
for (let i = 0; i < RUNS; i++) {
  const app = await openApp(browser, server.url);
  pdfFirst.push(await timePdf(app.page));
  pdfNext.push(await timePdf(app.page));
  await app.context.close();
}

const app = await openApp(browser, server.url);
// Paste, then time until the next frame has laid out the result. (The first
// parse, which compiles the parser's patterns, happens at idle after loading.)
const timeInput = (value) =>
  app.page.evaluate(
    (value) =>
      new Promise((resolve) => {
        const area = document.getElementById("letter-text");
        const start = performance.now();
        area.value = value;
        area.dispatchEvent(new InputEvent("input", { bubbles: true }));
        // The DOM is updated in microtasks; then the next frame, with its layout.
        requestAnimationFrame(() => {
          document.body.getBoundingClientRect();
          resolve(performance.now() - start);
        });
      }),
    value,
  );
const renders = [];
const keys = [];
for (let i = 0; i < RUNS; i++) {
  await paste(app.page, "");
  renders.push(await timeInput(text));
  if (!(await app.page.getByTestId("decision").count())) throw new Error("the letter did not render");
  keys.push(await timeInput(`${text}x`));
}
await browser.close();
await server.close();

const result = {
  transfer_gzip_bytes: transferTotal,
  transfer_gzip_by_file: transfer,
  pdf_reader_gzip_bytes: transfer[LAZY],
  largest_pdf: path.relative(CORPUS, largestPdf),
  largest_pdf_bytes: fs.statSync(largestPdf).size,
  pdf_first_to_render_ms: median(pdfFirst),
  pdf_next_to_render_ms: median(pdfNext),
  load_ms: Math.round(median(loads)),
  longest_letter: path.relative(CORPUS, longest),
  longest_letter_bytes: Buffer.byteLength(text),
  paste_to_render_ms: Math.round(median(renders) * 10) / 10,
  keystroke_ms: Math.round(median(keys) * 10) / 10,
};
const rows = [
  ["transfer (gzip)", `${(transferTotal / 1000).toFixed(1)} KB`, "350 KB"],
  ["load to usable", `${result.load_ms} ms`, "1000 ms"],
  ["PDF reader, loaded on the first PDF (gzip)", `${(transfer[LAZY] / 1000).toFixed(1)} KB`, "not in first load"],
  [`first PDF to render (${result.largest_pdf}, ${result.largest_pdf_bytes} B)`, `${result.pdf_first_to_render_ms} ms`, "-"],
  ["next PDF to render (same file)", `${result.pdf_next_to_render_ms} ms`, "-"],
  [`paste to render (${result.longest_letter}, ${result.longest_letter_bytes} B)`, `${result.paste_to_render_ms} ms`, "50 ms"],
  ["keystroke in that letter", `${result.keystroke_ms} ms`, "no lag"],
];
for (const [what, value, budget] of rows) console.log(`${what.padEnd(60)} ${value.padStart(10)}   budget ${budget}`);
fs.mkdirSync(path.join(REPO, "target"), { recursive: true });
fs.writeFileSync(path.join(REPO, "target/web-budgets.json"), `${JSON.stringify(result, null, 2)}\n`);
