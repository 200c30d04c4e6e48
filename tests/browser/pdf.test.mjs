// PDFs opened in the page: every corpus PDF (encrypted, no-copy flag) renders
// its gold decisions from the text extracted in the browser; the extractor
// (dist/imr-pdf.js) is loaded only then, allowed by the CSP by its hash alone,
// works offline and from file://, sends nothing; a scan gets a message that
// says so; and a PDF that crashes the extractor leaves the page and its text
// working.

import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { after, before, test } from "node:test";
import { startServer } from "./server.mjs";
import { CORPUS, DIST, REPO, alnum, download, drop, launch, onFreshPages, openApp, paste, pick, ready, renderedDecisions, scratchDir, serveDist } from "./helpers.mjs";

const PDFS = path.join(CORPUS, "dwc/pdf");
const GOLD = path.join(CORPUS, "dwc/gold");
const FIXTURES = path.join(REPO, "crates/imr-pdf/tests/fixtures");
const LETTER = path.join(PDFS, "CM16-0221706.pdf");
const LETTERS_PER_PAGE = 8;
const cases = fs.readdirSync(PDFS).filter((f) => f.endsWith(".pdf")).map((f) => path.basename(f, ".pdf")).sort();

let browser, server;
before(async () => {
  browser = await launch();
  server = await serveDist();
});
after(async () => {
  await browser.close();
  await server.close();
});

const notice = (page) => page.getByTestId("notice");
const textArea = (page) => page.getByLabel("Determination text");
const gold = (c) => JSON.parse(fs.readFileSync(path.join(GOLD, `${c}.json`), "utf8"));
const decisions = (ds) => ds.map((d) => [alnum(d.treatment), d.outcome]);

/** Waits until the service worker has installed (cached the app) and controls the page. */
async function serviceWorkerReady(page) {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((resolve) => navigator.serviceWorker.addEventListener("controllerchange", resolve));
    }
  });
}

test(`all ${cases.length} corpus PDFs, picked, render their gold decisions and export the CLI's JSON`, async () => {
  assert.equal(cases.length, 131, `corpus PDFs not found at ${PDFS}`);
  const files = cases.map((c) => `${c}.pdf`);
  const cli = execFileSync(path.join(REPO, "target/release/imr"), ["parse", "--jsonl", ...files], {
    cwd: PDFS,
    encoding: "utf8",
    maxBuffer: 1 << 28,
  }).split("\n");
  const problems = [];
  const errors = await onFreshPages(browser, server.url, cases, LETTERS_PER_PAGE, async (page, c, i) => {
    // The extractor is not part of the first load.
    if (i % LETTERS_PER_PAGE === 0 && (await page.evaluate(() => typeof globalThis.imrPdf)) !== "undefined") problems.push("imr-pdf.js loaded up front");
    const want = gold(c);
    await pick(page, path.join(PDFS, files[i]));
    await page.getByTestId("case-number").getByText(want.case.case_number, { exact: true }).waitFor();
    const got = decisions(await renderedDecisions(page));
    if (JSON.stringify(got) !== JSON.stringify(decisions(want.decisions))) problems.push(`${c}: ${JSON.stringify(got)}`);
    // The browser extracted the very text the CLI does natively: same JSON, spans included.
    const json = await download(page, "download-json");
    if (json.body !== `${cli[i]}\n`) problems.push(`${c}: Download JSON differs from imr parse --jsonl`);
    if ((await notice(page).innerText()) !== "") problems.push(`${c}: notice ${await notice(page).innerText()}`);
  });
  assert.deepEqual(problems, []);
  assert.deepEqual(errors, []);
});

test("a dropped PDF lands in the text area as if pasted, and its values point into it", async () => {
  const app = await openApp(browser, server.url);
  const { page } = app;
  await drop(page, LETTER, "application/pdf");
  await page.getByTestId("case-number").getByText("CM16-0221706").waitFor();
  const text = await textArea(page).inputValue();
  assert.match(text, /HOW THE IMR FINAL DETERMINATION WAS MADE/);
  // Provenance works on the extracted text: choosing a value highlights its source.
  await page.getByTestId("treatment").first().locator("a").click();
  const marked = await page.locator("aside.source mark").first().innerText();
  assert.equal(alnum(marked), alnum(gold("CM16-0221706").decisions[0].treatment));
  assert.deepEqual(app.errors, []);
  await app.context.close();
});

test("opening PDFs sends nothing: the extractor comes from the service worker's cache, and works offline", async () => {
  const local = await serveDist("/some/sub/path/");
  const app = await openApp(browser, local.url);
  const { page, context } = app;
  await serviceWorkerReady(page);
  const served = local.requests.length;
  const seen = [];
  context.on("request", (r) => seen.push(`${r.method()} ${r.url().replace(local.url, "/")}`));
  await pick(page, LETTER);
  await page.getByTestId("case-number").getByText("CM16-0221706").waitFor();
  await pick(page, path.join(PDFS, "CM16-0228949.pdf"));
  await page.getByTestId("case-number").getByText("CM16-0228949").waitFor();
  // One GET for the app's own extractor file, and the worker's Blob URL,
  // made in the page; the server never hears of either.
  assert.deepEqual(seen.filter((r) => !r.startsWith("GET blob:")), ["GET /imr-pdf.js"]);
  assert.equal(seen.length, 2, seen.join(", "));
  assert.equal(local.requests.length, served, local.requests.slice(served).join(", "));
  assert.deepEqual(app.console, [], "the page logs nothing");

  // Offline, a fresh load still reads PDFs.
  await local.close();
  await page.reload();
  await ready(page);
  await pick(page, LETTER);
  await page.getByTestId("case-number").getByText("CM16-0221706").waitFor();
  assert.deepEqual(app.errors, []);
  await app.context.close();
});

test("from file:// a PDF is read too", async () => {
  const app = await openApp(browser, pathToFileURL(path.join(DIST, "index.html")).href);
  await pick(app.page, LETTER);
  await app.page.getByTestId("case-number").getByText("CM16-0221706").waitFor();
  assert.equal(await app.page.getByTestId("decision").count(), 1);
  assert.deepEqual(app.errors, []);
  await app.context.close();
});

test("a scanned PDF without a text layer says so, and the text stays", async () => {
  const app = await openApp(browser, server.url);
  await paste(app.page, "my notes");
  await pick(app.page, path.join(FIXTURES, "scanned.pdf"));
  await notice(app.page).getByText(/no text layer/).waitFor();
  assert.match(await notice(app.page).innerText(), /“scanned\.pdf” was not opened: the PDF has no text layer: it is a scanned image of the letter\..*OCR/);
  assert.equal(await textArea(app.page).inputValue(), "my notes");
  assert.deepEqual(app.errors, []);
  await app.context.close();
});

test("a PDF that crashes the extractor: a clear message, the page and the text keep working, the next PDF opens", async () => {
  const app = await openApp(browser, server.url);
  const { page } = app;
  await paste(page, "my notes");
  // pdf-extract panics on this file's missing font: the wasm aborts in its worker.
  await pick(page, path.join(FIXTURES, "broken-font.pdf"));
  await notice(page).getByText(/the PDF reader stopped on this file/).waitFor();
  assert.match(await notice(page).innerText(), /“broken-font\.pdf” was not opened: .*copy the text and paste it\./);
  assert.equal(await textArea(page).inputValue(), "my notes");
  assert.equal(await page.locator("#crash").isHidden(), true, "the page's crash notice stays hidden");
  // A damaged PDF (cut in half) is an error, not a crash.
  const cut = path.join(scratchDir(), "cut.pdf");
  const whole = fs.readFileSync(LETTER);
  fs.writeFileSync(cut, whole.subarray(0, whole.length / 2));
  await pick(page, cut);
  await notice(page).getByText(/“cut\.pdf” was not opened/).waitFor();
  // The page still parses typed text, and a good PDF after the crash opens.
  await paste(page, fs.readFileSync(path.join(CORPUS, "dwc/raw/CM16-0228949.txt"), "utf8"));
  await page.getByTestId("case-number").getByText("CM16-0228949").waitFor();
  await pick(page, LETTER);
  await page.getByTestId("case-number").getByText("CM16-0221706").waitFor();
  assert.equal(await notice(page).innerText(), "");
  assert.deepEqual(app.errors, []);
  assert.deepEqual(app.console, []);
  await app.context.close();
});

test("the CSP admits exactly the built extractor: a changed imr-pdf.js is refused", async () => {
  const copy = scratchDir();
  fs.cpSync(DIST, copy, { recursive: true });
  fs.appendFileSync(path.join(copy, "imr-pdf.js"), "\nglobalThis.tampered = true;\n");
  const tampered = await startServer({ root: copy });
  const app = await openApp(browser, tampered.url);
  await paste(app.page, "my notes");
  await pick(app.page, LETTER);
  await notice(app.page).getByText(/the PDF reader stopped on this file/).waitFor();
  assert.equal(await app.page.evaluate(() => globalThis.tampered ?? globalThis.imrPdf), undefined);
  assert.equal(await textArea(app.page).inputValue(), "my notes");
  await app.context.close();
  await tampered.close();
});
