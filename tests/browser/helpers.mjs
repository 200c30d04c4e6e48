// Shared set-up for the browser tests: Debian's Chromium driven by
// playwright-core against the built dist/, served on 127.0.0.1.

import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { startServer } from "./server.mjs";

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const DIST = path.join(REPO, "dist");
export const CORPUS = process.env.IMR_CORPUS ?? path.resolve(REPO, "../shared/corpus");
export const SEED = path.join(REPO, "src/example_letter.txt");
export const SCREENSHOTS = path.join(REPO, "tests/browser/screenshots");
export const RENDERINGS = ["raw", "layout", "mutool", "pdfjs", "seedstyle"];

/** Debian's Chromium, headless, with nothing of its own talking to the network. */
export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

/** Serves dist/ (under `prefix`) for one test file. */
export function serveDist(prefix = "/") {
  return startServer({ root: DIST, prefix });
}

/**
 * Opens the page in a fresh context and waits until it is usable. Returns the
 * page and what it printed: `console` (every console message) and `errors`
 * (console errors and uncaught exceptions).
 */
export async function openApp(browser, url, options = {}) {
  const context = await browser.newContext({ acceptDownloads: true, ...options });
  const page = await context.newPage();
  const console = [];
  const errors = [];
  page.on("console", (m) => {
    console.push(m.text());
    if (m.type() === "error") errors.push(m.text());
  });
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(url);
  await ready(page);
  return { context, page, console, errors };
}

/**
 * Runs `visit(page, item, index)` for every item, on a fresh page every
 * `perPage` items (Chromium stops a tab's downloads after ten or so without
 * asking). Returns the errors every page logged.
 */
export async function onFreshPages(browser, url, items, perPage, visit) {
  const errors = [];
  let app;
  const close = async () => {
    errors.push(...app.errors);
    await app.context.close();
  };
  for (const [i, item] of items.entries()) {
    if (i % perPage === 0) {
      if (app) await close();
      app = await openApp(browser, url);
    }
    await visit(app.page, item, i);
  }
  if (app) await close();
  return errors;
}

/** Waits until the app has mounted (the text area exists, the loading note is gone). */
export async function ready(page) {
  await page.getByLabel("Determination text").waitFor();
  await page.locator("#loading").waitFor({ state: "detached" });
}

/**
 * Puts `text` in the text area as a paste does: the value changes, then one
 * input event. (Playwright's fill() types through the editor and takes
 * minutes for megabytes.)
 */
export async function paste(page, text) {
  await page.getByLabel("Determination text").evaluate((area, value) => {
    area.focus();
    area.value = value;
    area.dispatchEvent(new InputEvent("input", { bubbles: true, inputType: "insertFromPaste" }));
  }, text);
}

/** Opens `file` with the "Choose PDF or .txt file" picker. */
export async function pick(page, file) {
  await page.getByTestId("file").setInputFiles(file);
}

/** Drops `file` (its bytes, under its name) on the text area, as a file manager does. */
export async function drop(page, file, type = "") {
  const bytes = fs.readFileSync(file).toString("base64");
  const data = await page.evaluateHandle(
    ([bytes, name, type]) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([Uint8Array.from(atob(bytes), (c) => c.charCodeAt(0))], name, { type }));
      return transfer;
    },
    [bytes, path.basename(file), type],
  );
  await page.getByLabel("Determination text").dispatchEvent("drop", { dataTransfer: data });
}

/** The decisions as rendered: treatment, outcome and both guideline texts. */
export function renderedDecisions(page) {
  return page.getByTestId("decision").evaluateAll((cards) =>
    cards.map((card) => {
      const text = (sel) => card.querySelector(sel)?.textContent.trim() ?? null;
      return {
        treatment: text("[data-testid=treatment]"),
        outcome: card.querySelector("[data-testid=outcome]").dataset.outcome,
        claims_administrator_guideline: text("[data-testid=ca-guideline] [data-testid=guideline-text]"),
        reviewer_guideline: text("[data-testid=reviewer-guideline] [data-testid=guideline-text]"),
      };
    }),
  );
}

/** Clicks an export button and returns the downloaded file's name and text. */
export async function download(page, testid) {
  const [file] = await Promise.all([page.waitForEvent("download"), page.getByTestId(testid).click()]);
  const body = fs.readFileSync(await file.path(), "utf8");
  return { name: file.suggestedFilename(), body };
}

/** Lower-case letters and digits only, as the corpus scorer compares text. */
export function alnum(s) {
  return (s ?? "").toLowerCase().replace(/[^a-z0-9]/g, "");
}

/** A scratch folder, removed when the process exits. */
export function scratchDir() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "imr-lens-test-"));
  process.on("exit", () => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}
