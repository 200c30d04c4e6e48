// Measures the batch view against the built dist/ (run by scripts/budgets.sh):
//   worker     letters per second in the browser's worker alone (the corpus, 655 texts)
//   1000       from choosing 1,000 letter files to the finished table (goal: under 3 s)
//   10000      the page's memory (its renderer process, worker included) before,
//              at its peak while reading 10,000 letters, and settled after, next
//              to the size of their text (goal: no growth beyond the text plus
//              the results, no crash)
// Prints a table and writes target/batch-bench.json.

import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { CORPUS, REPO, RENDERINGS, launch, openApp, serveDist } from "../tests/browser/helpers.mjs";

const letters = RENDERINGS.flatMap((r) =>
  fs
    .readdirSync(path.join(CORPUS, "dwc", r))
    .sort()
    .map((f) => path.join(CORPUS, "dwc", r, f)),
);
const texts = letters.map((f) => fs.readFileSync(f, "utf8"));

/** `n` letter files (the corpus over and over, each copy its own name) in a scratch folder. */
function letterFiles(n) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "imr-bench-"));
  process.on("exit", () => fs.rmSync(dir, { recursive: true, force: true }));
  const files = [];
  for (let i = 0; i < n; i++) {
    const file = path.join(dir, `${String(i).padStart(5, "0")}.txt`);
    fs.writeFileSync(file, texts[i % texts.length]);
    files.push(file);
  }
  return files;
}

/** Resident memory of this browser's renderer processes, in bytes (Linux). A
 *  page and its dedicated workers live in its renderer; other contexts are closed. */
function rendererRss() {
  const out = execFileSync("ps", ["-e", "-o", "rss=,args="], { encoding: "utf8" });
  return out
    .trim()
    .split("\n")
    .filter((l) => /chromium.*--type=renderer/.test(l))
    .reduce((sum, l) => sum + Number(l.trim().split(/\s+/)[0]) * 1024, 0);
}

const server = await serveDist();
const browser = await launch();
const result = {};

// 1. The worker alone: all 655 texts, in the page's chunks of 16.
{
  const app = await openApp(browser, server.url);
  const ms = await app.page.evaluate(async (texts) => {
    const worker = imrLensWorker();
    const ask = (chunk) =>
      new Promise((resolve) => {
        worker.onmessage = (e) => resolve(e.data);
        worker.postMessage({ job: "read", sources: chunk, texts: chunk });
      });
    await ask(texts.slice(0, 1)); // started and warm
    const start = performance.now();
    for (let i = 0; i < texts.length; i += 16) await ask(texts.slice(i, i + 16));
    return performance.now() - start;
  }, texts);
  result.worker_letters_per_second = Math.round((texts.length / ms) * 1000);
  await app.context.close();
}

/** Opens the batch view, chooses `files`, and waits until all are read
 *  (calling `opened` once the page is ready, before any file). */
async function readBatch(files, opened = () => {}) {
  const app = await openApp(browser, server.url);
  const { page } = app;
  await page.getByTestId("tab-many").click();
  opened();
  // Time in the page: from the input's change event to the status saying all are read.
  await page.evaluate((n) => {
    window.batchTiming = new Promise((resolve) => {
      document.getElementById("batch-files").addEventListener("change", () => {
        const start = performance.now();
        const poll = () => {
          const status = document.querySelector("[data-testid=batch-status]")?.textContent ?? "";
          if (status.startsWith(`${n} letters read.`) && document.querySelector("[data-testid=batch-row]")) {
            requestAnimationFrame(() => resolve(performance.now() - start));
          } else {
            setTimeout(poll, 10);
          }
        };
        poll();
      });
    });
  }, files.length);
  await page.getByTestId("batch-files").setInputFiles(files);
  const ms = await page.evaluate(() => window.batchTiming);
  return { app, ms };
}

// 2. 1,000 letters, chosen to tabulated.
{
  const { app, ms } = await readBatch(letterFiles(1000));
  result.load_and_tabulate_1000_ms = Math.round(ms);
  await app.context.close();
}

// 3. 10,000 letters: the page's memory (its renderer process, worker included)
// before, at its peak while they are read (sampled), and once garbage is collected.
{
  const files = letterFiles(10000);
  const textBytes = files.reduce((sum, f) => sum + fs.statSync(f).size, 0);
  let before = 0;
  let peak = 0;
  const sampler = setInterval(() => (peak = Math.max(peak, rendererRss())), 100);
  const { app, ms } = await readBatch(files, () => (before = rendererRss()));
  clearInterval(sampler);
  peak = Math.max(peak, rendererRss());
  // What stays once the garbage of reading (file texts, messages) is collected.
  const cdp = await app.context.newCDPSession(app.page);
  await cdp.send("HeapProfiler.collectGarbage");
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const settled = rendererRss();
  const mb = (bytes) => Math.round(bytes / 1e5) / 10;
  result.letters_10000 = {
    text_mb: mb(textBytes),
    page_rss_before_mb: mb(before),
    page_rss_peak_mb: mb(peak),
    page_rss_settled_mb: mb(settled),
    read_ms: Math.round(ms),
    rows: await app.page.getByTestId("batch-range").textContent(),
  };
  await app.context.close();
}
await browser.close();
await server.close();

const m = result.letters_10000;
const rows = [
  ["letters per second in the worker", `${result.worker_letters_per_second}`, ""],
  ["1,000 letters: chosen to table", `${result.load_and_tabulate_1000_ms} ms`, "goal 3000 ms"],
  [
    `10,000 letters (${m.text_mb} MB of text): page memory`,
    `${m.page_rss_before_mb} -> peak ${m.page_rss_peak_mb}, settled ${m.page_rss_settled_mb} MB`,
    `read in ${(m.read_ms / 1000).toFixed(1)} s`,
  ],
];
for (const [what, value, note] of rows) console.log(`${what.padEnd(52)} ${value.padStart(18)}   ${note}`);
fs.mkdirSync(path.join(REPO, "target"), { recursive: true });
fs.writeFileSync(path.join(REPO, "target/batch-bench.json"), `${JSON.stringify(result, null, 2)}\n`);
