// Accessibility: an axe scan finds no serious or critical violation (light and
// dark, empty and with a letter); the page works from the keyboard alone with
// a visible focus. Also saves screenshots at phone and desktop widths, light,
// dark and print, to tests/browser/screenshots/ for people to look at.

import AxeBuilder from "@axe-core/playwright";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { after, before, test } from "node:test";
import { CORPUS, SCREENSHOTS, launch, openApp, serveDist } from "./helpers.mjs";

/** A quarter of the corpus's layout rendering: enough for every chart to have bars. */
const BATCH = fs
  .readdirSync(path.join(CORPUS, "dwc/layout"))
  .filter((_, i) => i % 4 === 0)
  .map((f) => path.join(CORPUS, "dwc/layout", f));

async function loadBatch(page) {
  await page.getByTestId("tab-many").click();
  await page.getByTestId("batch-files").setInputFiles(BATCH);
  await page.getByTestId("batch-status").getByText(`${BATCH.length} letters read.`).waitFor();
}

let browser, server;
before(async () => {
  browser = await launch();
  server = await serveDist();
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
});
after(async () => {
  await browser.close();
  await server.close();
});

async function seriousViolations(page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
}

async function loadExampleAndChoose(page) {
  await page.getByRole("button", { name: "Load example" }).click();
  await page.getByTestId("rationale").first().locator("summary").click();
  await page.getByTestId("treatment").first().locator("a").click();
}

for (const colorScheme of ["light", "dark"]) {
  test(`axe: no serious or critical violation (${colorScheme})`, async () => {
    const app = await openApp(browser, server.url, { colorScheme });
    assert.deepEqual(await seriousViolations(app.page), [], "empty page");
    await loadExampleAndChoose(app.page);
    assert.deepEqual(await seriousViolations(app.page), [], "with the example");
    await loadBatch(app.page);
    assert.deepEqual(await seriousViolations(app.page), [], "the batch view");
    await app.context.close();
  });
}

test("keyboard only: load the example, reach a value, highlight it; focus is visible", async () => {
  const app = await openApp(browser, server.url);
  const { page } = app;
  const focused = () =>
    page.evaluate(() => {
      const el = document.activeElement;
      const style = getComputedStyle(el);
      return { text: el.textContent.trim(), cls: el.className, outline: `${style.outlineStyle} ${style.outlineWidth}` };
    });
  const tabTo = async (matches, limit = 40) => {
    for (let i = 0; i < limit; i++) {
      await page.keyboard.press("Tab");
      const f = await focused();
      if (matches(f)) return f;
    }
    throw new Error("not reachable with Tab");
  };
  const first = await tabTo(() => true);
  assert.equal(first.text, "Skip to the result");
  const example = await tabTo((f) => f.text === "Load example");
  assert.match(example.outline, /^solid [1-9]/);
  await page.keyboard.press("Enter");
  await page.getByTestId("decision").nth(1).waitFor();
  const value = await tabTo((f) => f.cls.includes("src"));
  assert.match(value.outline, /^solid [1-9]/);
  await page.keyboard.press("Enter");
  assert.equal(await page.getByTestId("highlight").count(), 1);
  assert.deepEqual(app.errors, []);
  await app.context.close();
});

const SIZES = { phone: { width: 390, height: 844 }, desktop: { width: 1440, height: 900 } };
for (const [size, viewport] of Object.entries(SIZES)) {
  for (const colorScheme of ["light", "dark"]) {
    test(`screenshot: ${size}, ${colorScheme}`, async () => {
      const app = await openApp(browser, server.url, { viewport, colorScheme });
      await loadExampleAndChoose(app.page);
      const file = path.join(SCREENSHOTS, `${size}-${colorScheme}.png`);
      await app.page.screenshot({ path: file, fullPage: true });
      // Nothing wider than the screen: usable from phone width up.
      const overflow = await app.page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
      assert.ok(overflow <= 0, `page is ${overflow}px wider than the ${size} screen`);
      assert.ok(fs.statSync(file).size > 10_000);
      await loadBatch(app.page);
      await app.page.screenshot({ path: path.join(SCREENSHOTS, `batch-${size}-${colorScheme}.png`), fullPage: true });
      const batchOverflow = await app.page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
      assert.ok(batchOverflow <= 0, `the batch view is ${batchOverflow}px wider than the ${size} screen`);
      await app.context.close();
    });
  }
}

test("print: only the structured result, rationales open", async () => {
  const app = await openApp(browser, server.url, { viewport: SIZES.desktop });
  await app.page.getByRole("button", { name: "Load example" }).click();
  await app.page.emulateMedia({ media: "print" });
  for (const hidden of ["#letter-text", "aside.source", "[data-testid=download-json]"]) {
    assert.equal(await app.page.locator(hidden).isVisible(), false, hidden);
  }
  assert.equal(await app.page.getByTestId("rationale").first().getByText("Pursuant to the Official Disability Guidelines, EMGs").isVisible(), true);
  await app.page.screenshot({ path: path.join(SCREENSHOTS, "print.png"), fullPage: true });
  await app.context.close();
});
