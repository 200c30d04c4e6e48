// The batch view: the whole corpus (131 letters, five renderings: 655 files)
// through the file input, read by the worker. The table has one row per gold
// decision, the totals equal the gold's, filters and search narrow it, a row
// opens its letter, Cancel stops and Continue finishes, the main thread stays
// free, several letters pasted as one text are split, unreadable files are
// listed, and the exports are the CLI's.

import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { after, before, test } from "node:test";
import { CORPUS, RENDERINGS, REPO, download, launch, openApp, paste, scratchDir, serveDist } from "./helpers.mjs";

const CLI = path.join(REPO, "target/release/imr");
const DWC = path.join(CORPUS, "dwc");
const cases = fs.readdirSync(path.join(DWC, "gold")).map((f) => path.basename(f, ".json")).sort();
const golds = cases.map((c) => JSON.parse(fs.readFileSync(path.join(DWC, "gold", `${c}.json`), "utf8")));
const goldCount = (outcome) => golds.flatMap((g) => g.decisions).filter((d) => !outcome || d.outcome === outcome).length;
const files = (rendering) => cases.map((c) => path.join(DWC, rendering, `${c}.txt`));
const ALL = RENDERINGS.flatMap(files);
let browser, server;

before(async () => {
  assert.equal(cases.length, 131, `corpus not found at ${DWC}`);
  browser = await launch();
  server = await serveDist();
});
after(async () => {
  await browser.close();
  await server.close();
});

/** Opens the page on its batch view, with a long-task recorder running. */
async function openBatch() {
  const app = await openApp(browser, server.url);
  await app.page.evaluate(() => {
    window.longTasks = [];
    new PerformanceObserver((list) => window.longTasks.push(...list.getEntries().map((e) => e.duration))).observe({
      type: "longtask",
      buffered: false,
    });
  });
  await app.page.getByTestId("tab-many").click();
  return app;
}

const status = (page) => page.getByTestId("batch-status").textContent();
const waitForStatus = (page, text) => page.getByTestId("batch-status").getByText(text, { exact: true }).waitFor({ timeout: 60_000 });
/** "Items 1–50 of 1517" → 1517. */
const itemCount = async (page) => Number((await page.getByTestId("batch-range").textContent()).match(/of (\d+)/)?.[1] ?? 0);

test("655 letters of all five renderings: one row per gold decision, gold totals, no long task", async () => {
  const { page, context, errors } = await openBatch();
  await page.getByTestId("batch-files").setInputFiles(ALL);
  await waitForStatus(page, `${ALL.length} letters read.`);
  assert.equal(await itemCount(page), 5 * goldCount());
  assert.equal(await page.getByTestId("batch-row").count(), 50, "a page of the table");
  await page.getByTestId("page-next").click();
  assert.match(await page.getByTestId("batch-range").textContent(), /^Items 51–100 of /);
  assert.equal(await page.getByTestId("unreadable").count(), 0, "every letter was read");
  const overall = await page.getByTestId("trends-overall").textContent();
  assert.equal(
    overall,
    `${5 * goldCount()} items in ${ALL.length} letters: ${5 * goldCount("upheld")} upheld, ${5 * goldCount("overturned")} overturned; overturn rate ${((100 * goldCount("overturned")) / (goldCount("upheld") + goldCount("overturned"))).toFixed(1)}%.`,
  );
  for (const chart of ["category", "drug-group", "specialty", "mtus", "guideline", "month"]) {
    const figure = page.getByTestId(`trend-${chart}`);
    assert.ok((await figure.locator("svg g.bar").count()) > 0, `${chart}: bars`);
    assert.equal(await figure.locator("svg g.bar").count(), await figure.locator("tbody tr").count(), `${chart}: a table row per bar`);
  }
  // The main thread was never held long enough to drop input.
  const longest = Math.max(0, ...(await page.evaluate(() => window.longTasks)));
  assert.ok(longest < 200, `longest main-thread task while reading: ${longest} ms`);
  assert.deepEqual(errors, []);
  await context.close();
});

test("filters, search, sort and opening a row", async () => {
  const { page, context } = await openBatch();
  await page.getByTestId("batch-files").setInputFiles(files("layout"));
  await waitForStatus(page, `${cases.length} letters read.`);
  assert.equal(await itemCount(page), goldCount());
  await page.getByTestId("filter-outcome").selectOption("overturned");
  assert.equal(await itemCount(page), goldCount("overturned"));
  assert.match(await page.getByTestId("trends-overall").textContent(), /\(those the filters keep\): 0 upheld/);
  await page.getByTestId("filter-clear").click();
  // Search: one case number gives exactly that letter's items.
  const gold = golds[7];
  await page.getByTestId("filter-search").fill(gold.case.case_number);
  assert.equal(await itemCount(page), gold.decisions.length);
  await page.getByTestId("filter-search").fill("");
  // Sort by case number, ascending: the first row is the first case.
  await page.getByTestId("sort-Case number").click();
  assert.equal(await page.getByTestId("batch-row").first().locator("td").first().textContent(), golds[0].case.case_number);
  // Choosing a treatment opens its letter in the one-letter view.
  await page.getByTestId("batch-row").first().getByRole("button").click();
  await page.getByTestId("case-number").getByText(golds[0].case.case_number, { exact: true }).waitFor();
  assert.equal(await page.getByTestId("decision").count(), golds[0].decisions.length);
  // Back to the batch: still there.
  await page.getByTestId("tab-many").click();
  assert.equal(await itemCount(page), goldCount());
  await context.close();
});

test("Cancel stops the worker; Continue reads the rest; Discard drops it", async () => {
  const { page, context } = await openBatch();
  await page.getByTestId("batch-files").setInputFiles(ALL);
  await page.getByTestId("batch-cancel").click();
  // Files still being opened join the queue, but nothing more is read.
  await page.getByTestId("batch-status").getByText(/^Stopped: \d+ of 655 letters read\.$/).waitFor();
  const stopped = await status(page);
  const done = Number(stopped.match(/(\d+) of/)[1]);
  assert.ok(done < ALL.length, stopped);
  await page.waitForTimeout(500);
  assert.equal(await status(page), stopped, "nothing is read after Cancel");
  await page.getByTestId("batch-continue").click();
  await waitForStatus(page, `${ALL.length} letters read.`);
  assert.equal(await itemCount(page), 5 * goldCount());

  await page.getByTestId("batch-clear").click();
  await page.getByTestId("batch-files").setInputFiles(ALL);
  await page.getByTestId("batch-cancel").click();
  await page.getByTestId("batch-discard").click();
  // What was read stays (possibly nothing); the rest, files still being opened included, is gone.
  const kept = () => page.getByTestId("batch-status").textContent({ timeout: 1000 }).catch(() => "0 letters read.");
  const after = await kept();
  assert.match(after, /^\d+ letters? read\.$/);
  assert.ok(Number(after.match(/\d+/)[0]) < ALL.length, after);
  await page.waitForTimeout(500);
  assert.equal(await kept(), after, "nothing more is read after Discard");
  await context.close();
});

test("several letters pasted as one text are split; unreadable files are listed with the reason", async () => {
  const { page, context } = await openBatch();
  await page.getByTestId("tab-one").click();
  const three = [0, 1, 2].map((i) => fs.readFileSync(files(RENDERINGS[i])[i], "utf8")).join("\n");
  await paste(page, three);
  await page.getByTestId("several-letters").getByText("This text holds 3 letters").waitFor();
  await page.getByTestId("case-number").getByText(golds[0].case.case_number, { exact: true }).waitFor();
  await page.getByTestId("read-all").click();
  await waitForStatus(page, "3 letters read. 1 text held several letters one after another: split into 3 letters.");
  assert.equal(await itemCount(page), golds.slice(0, 3).reduce((n, g) => n + g.decisions.length, 0));

  const dir = scratchDir();
  fs.writeFileSync(path.join(dir, "shopping.txt"), "milk, eggs, bread");
  fs.writeFileSync(path.join(dir, "empty.txt"), "");
  fs.writeFileSync(path.join(dir, "scan.png"), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
  await page.getByTestId("batch-files").setInputFiles(["shopping.txt", "empty.txt", "scan.png"].map((f) => path.join(dir, f)));
  await waitForStatus(page, "6 letters read. 1 text held several letters one after another: split into 3 letters.");
  const listed = await page.getByTestId("unreadable-letter").allTextContents();
  assert.deepEqual(listed.sort(), [
    "empty.txt: The file is empty.",
    "scan.png: Not a .txt or .pdf file, so it was not opened.",
    "shopping.txt: Not recognized as an IMR determination letter.",
  ]);
  await context.close();
});

test("CSV has a row per item; JSON Lines is exactly `imr parse --jsonl`", async () => {
  const { page, context } = await openBatch();
  const raw = files("raw");
  await page.getByTestId("batch-files").setInputFiles(raw);
  await waitForStatus(page, `${cases.length} letters read.`);
  const csv = await download(page, "batch-csv");
  assert.equal(csv.name, "imr-items.csv");
  assert.ok(csv.body.startsWith("\ufeffsource,case_number,decision_date,treatment,"));
  const records = csv.body.split("\r\n").filter(Boolean);
  assert.equal(records.length, goldCount() + 1);
  const jsonl = await download(page, "batch-jsonl");
  const cli = execFileSync(CLI, ["parse", "--jsonl", ...cases.map((c) => `${c}.txt`)], {
    cwd: path.join(DWC, "raw"),
    encoding: "utf8",
    maxBuffer: 1 << 28,
  });
  // The batch keeps letters in the order they were read; the CLI in argument order: the same here.
  assert.equal(jsonl.body, cli);
  await context.close();
});

test("a chosen folder is read with its subfolders; dropped files are read too", async () => {
  const { page, context } = await openBatch();
  const dir = scratchDir();
  const root = path.join(dir, "letters");
  fs.mkdirSync(path.join(root, "2017", "march"), { recursive: true });
  fs.copyFileSync(files("raw")[0], path.join(root, "2017", "a.txt"));
  fs.copyFileSync(files("pdfjs")[1], path.join(root, "2017", "march", "b.txt"));
  fs.writeFileSync(path.join(root, "photo.jpg"), Buffer.from([0xff, 0xd8, 0xff]));
  await page.getByTestId("batch-folder").setInputFiles(root);
  await waitForStatus(page, "3 letters read.");
  assert.equal(await itemCount(page), golds[0].decisions.length + golds[1].decisions.length);
  assert.deepEqual(await page.getByTestId("unreadable-letter").allTextContents(), [
    "letters/photo.jpg: Not a .txt or .pdf file, so it was not opened.",
  ]);
  // A drop of plain files (as from a file manager).
  const text = fs.readFileSync(files("layout")[2], "utf8");
  await page.getByTestId("batch-drop").evaluate((zone, text) => {
    const data = new DataTransfer();
    data.items.add(new File([text], "dropped.txt", { type: "text/plain" }));
    zone.dispatchEvent(new DragEvent("drop", { dataTransfer: data, bubbles: true, cancelable: true }));
  }, text);
  await waitForStatus(page, "4 letters read.");
  await page.getByTestId("filter-search").fill("dropped.txt");
  assert.equal(await itemCount(page), golds[2].decisions.length);
  await context.close();
});

test("PDFs join the batch: their decisions in the table, a scanned or broken one listed with why", async () => {
  const { page, context, errors } = await openBatch();
  const pdfs = cases.slice(0, 3).map((c) => path.join(DWC, "pdf", `${c}.pdf`));
  const fixtures = path.join(REPO, "crates/imr-pdf/tests/fixtures");
  await page
    .getByTestId("batch-files")
    .setInputFiles([...pdfs, path.join(fixtures, "scanned.pdf"), path.join(fixtures, "broken-font.pdf"), files("raw")[3]]);
  await waitForStatus(page, "6 letters read.");
  const want = [0, 1, 2, 3].reduce((n, i) => n + golds[i].decisions.length, 0);
  assert.equal(await itemCount(page), want);
  const listed = await page.getByTestId("unreadable-letter").allTextContents();
  assert.equal(listed.length, 2, listed.join("\n"));
  assert.match(listed.find((l) => l.startsWith("scanned.pdf")), /no text layer/);
  assert.match(listed.find((l) => l.startsWith("broken-font.pdf")), /PDF reader stopped/);
  assert.deepEqual(errors, []);
  await context.close();
});
