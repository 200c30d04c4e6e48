// Privacy and offline invariants: a CSP that forbids connections and every
// other origin; not one request after the page has loaded, whatever the user
// does; nothing logged; the text stored only when the user opts in; the app
// loads offline after one visit, from file://, and from a sub-path.

import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { after, before, test } from "node:test";
import { CORPUS, DIST, REPO, SEED, download, launch, openApp, paste, pick, ready, serveDist } from "./helpers.mjs";

const LETTER = path.join(CORPUS, "dwc/layout/CM16-0230651.txt");
const BATCH = fs
  .readdirSync(path.join(CORPUS, "dwc/mutool"))
  .slice(0, 40)
  .map((f) => path.join(CORPUS, "dwc/mutool", f));
let browser;
before(async () => {
  browser = await launch();
});
after(() => browser.close());

/** Waits until the service worker has installed (cached the app) and controls the page. */
async function serviceWorkerReady(page) {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((resolve) => navigator.serviceWorker.addEventListener("controllerchange", resolve));
    }
  });
}

test("dist/ is one page (and its PDF reader) with a CSP that forbids connections and other origins", () => {
  const files = fs.readdirSync(DIST).sort();
  assert.deepEqual(files, ["icon.svg", "imr-pdf.js", "index.html", "manifest.webmanifest", "sw.js"]);
  const html = fs.readFileSync(path.join(DIST, "index.html"), "utf8");
  const csp = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]*)">/)[1];
  const policy = Object.fromEntries(csp.split(";").map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k, v]));
  assert.deepEqual(policy["default-src"], ["'none'"]);
  assert.deepEqual(policy["connect-src"], ["'none'"]);
  assert.deepEqual(policy["base-uri"], ["'none'"]);
  assert.deepEqual(policy["form-action"], ["'none'"]);
  assert.equal(policy["script-src"][0], "'wasm-unsafe-eval'");
  // The inline script by hash, imr-pdf.js by hash (pdf.test.mjs), and file:
  // scripts only when the page itself is a file (SRI cannot check them there).
  assert.ok(policy["script-src"].slice(1, -1).every((s) => s.startsWith("'sha256-")), csp);
  assert.equal(policy["script-src"].at(-1), "file:");
  assert.ok(policy["style-src"].every((s) => s.startsWith("'sha256-")), csp);
  // The batch worker and the PDF reader's worker are started from blob: URLs
  // the page makes of its own scripts; nothing else may use blob:.
  assert.deepEqual(policy["worker-src"], ["'self'", "blob:"]);
  for (const [name, sources] of Object.entries(policy)) {
    const allowed = name === "worker-src" ? sources.filter((s) => s !== "blob:") : sources;
    for (const s of allowed) assert.ok(!/^(https?:|\*|data:|blob:|'unsafe-)/.test(s), `${name} allows ${s}`);
  }
  // No URL to anywhere else: every src/href is relative.
  for (const file of files) {
    const text = fs.readFileSync(path.join(DIST, file), "utf8");
    const urls = [...text.matchAll(/(?:src|href|start_url|scope)"?\s*[=:]\s*"([^"]*)"/g)].map((m) => m[1]);
    assert.ok(urls.every((u) => !/^(?:[a-z]+:)?\/\//i.test(u) && !u.startsWith("/")), `${file}: ${urls}`);
  }
});

test("no request after load while pasting, parsing, highlighting and exporting", async () => {
  const server = await serveDist();
  const app = await openApp(browser, server.url);
  const { page, context } = app;
  await serviceWorkerReady(page);
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  const served = server.requests.length;
  const seen = [];
  context.on("request", (r) => seen.push(r.url()));
  page.on("framenavigated", (f) => seen.push(`navigation: ${f.url()}`));

  await paste(page, fs.readFileSync(SEED, "utf8"));
  await page.getByLabel("Determination text").press("End");
  await page.keyboard.type(" more text typed at the end");
  await page.getByRole("button", { name: "Load example" }).click();
  await pick(page, LETTER);
  await page.getByTestId("case-number").getByText("CM16-0230651").waitFor();
  await page.getByTestId("treatment").first().locator("a").click();
  const json = await download(page, "download-json");
  const csv = await download(page, "download-csv");
  await page.getByTestId("copy-summary").click();
  await page.getByTestId("export-message").getByText("Summary copied to the clipboard.").waitFor();
  const clipboard = await page.evaluate(() => navigator.clipboard.readText());
  // The batch view: its worker, its table and both of its exports.
  await page.getByTestId("tab-many").click();
  await page.getByTestId("batch-files").setInputFiles(BATCH);
  await page.getByTestId("batch-status").getByText(`${BATCH.length} letters read.`).waitFor();
  await download(page, "batch-csv");
  await download(page, "batch-jsonl");
  await page.waitForTimeout(1500);

  // Downloads are Blob URLs made in the page, which are not network requests.
  assert.deepEqual(seen.filter((u) => !u.startsWith("blob:")), []);
  assert.equal(server.requests.length, served, server.requests.slice(served).join(", "));

  // ... and they are the CLI's output for the same file.
  const cli = (format) =>
    execFileSync(path.join(REPO, "target/release/imr"), ["parse", format, path.basename(LETTER)], {
      cwd: path.dirname(LETTER),
      encoding: "utf8",
    });
  assert.ok(json.body === cli("--jsonl"), "Download JSON is not what imr parse --jsonl prints");
  assert.equal(csv.name, "CM16-0230651.csv");
  assert.ok(csv.body === cli("--csv"), "Download CSV is not what imr parse --csv prints");
  assert.ok(csv.body.startsWith("\ufeffsource,format,case_number"));
  assert.match(clipboard, /^IMR determination: CM16-0230651\r?\n/);
  assert.match(clipboard, /Labor Code 4610\.6\(h\)/);

  assert.deepEqual(app.console, [], "the page logs nothing");

  // The policy is in force: even a same-origin fetch is refused.
  const attempt = await page.evaluate(() => fetch("sw.js").then(() => "fetched", () => "refused"));
  assert.equal(attempt, "refused");
  assert.equal(server.requests.length, served);
  await app.context.close();
  await server.close();
});

test("after one visit the app loads and works with the network off", async () => {
  const server = await serveDist("/some/sub/path/");
  const app = await openApp(browser, server.url);
  await serviceWorkerReady(app.page);
  await server.close();
  await app.page.reload();
  await ready(app.page);
  await app.page.getByRole("button", { name: "Load example" }).click();
  assert.equal(await app.page.getByTestId("decision").count(), 2);
  assert.deepEqual(app.errors, []);
  await app.context.close();
});

test("dist/index.html works from file:// (one self-contained file), batch worker included", async () => {
  const app = await openApp(browser, pathToFileURL(path.join(DIST, "index.html")).href);
  await app.page.getByRole("button", { name: "Load example" }).click();
  assert.equal(await app.page.getByTestId("decision").count(), 2);
  await app.page.getByTestId("tab-many").click();
  await app.page.getByTestId("batch-files").setInputFiles(BATCH);
  await app.page.getByTestId("batch-status").getByText(`${BATCH.length} letters read.`).waitFor();
  assert.equal(await app.page.getByTestId("unreadable").count(), 0);
  assert.deepEqual(app.errors, []);
  await app.context.close();
});

test("the text is stored only while 'Remember text on this device' is on", async () => {
  const server = await serveDist();
  const app = await openApp(browser, server.url);
  const { page } = app;
  const stored = () => page.evaluate(() => ({ ...localStorage }));
  const remember = page.getByLabel("Remember text on this device");
  assert.equal(await remember.isChecked(), false, "off by default");
  await paste(page, "private letter text");
  assert.deepEqual(await stored(), {});
  await page.reload();
  await ready(page);
  assert.equal(await page.getByLabel("Determination text").inputValue(), "");

  await paste(page, "private letter text");
  await remember.check();
  assert.deepEqual(await stored(), { "imr-lens.text": "private letter text" });
  await page.reload();
  await ready(page);
  assert.equal(await page.getByLabel("Determination text").inputValue(), "private letter text");
  assert.equal(await remember.isChecked(), true);

  await remember.uncheck();
  assert.deepEqual(await stored(), {});
  assert.deepEqual(app.errors, []);
  await app.context.close();
  await server.close();
});

test("the privacy statement is on the page and says only what is true", async () => {
  const server = await serveDist();
  const app = await openApp(browser, server.url);
  const note = await app.page.getByTestId("privacy").innerText();
  assert.match(note, /not uploaded or sent anywhere/);
  assert.match(note, /no network requests once loaded/);
  assert.match(note, /works offline after the first visit/);
  assert.match(note, /stored only if you turn on .Remember text on this device./);
  await app.context.close();
  await server.close();
});
