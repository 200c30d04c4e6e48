// The seed letter (the page's example) renders its two upheld decisions with
// the right treatments and guidelines, and every value leads back to its text.

import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { after, before, test } from "node:test";
import { CORPUS, SEED, alnum, launch, openApp, renderedDecisions, serveDist } from "./helpers.mjs";

const gold = JSON.parse(fs.readFileSync(path.join(CORPUS, "seed/000_7757b3c11355ef51.gold.json"), "utf8"));
let browser, server, app;

before(async () => {
  browser = await launch();
  server = await serveDist();
  app = await openApp(browser, server.url);
  await app.page.getByRole("button", { name: "Load example" }).click();
  await app.page.getByTestId("decision").first().waitFor();
});
after(async () => {
  await browser.close();
  await server.close();
});

test("the example is the seed letter from the corpus", async () => {
  const shown = await app.page.getByLabel("Determination text").inputValue();
  assert.equal(shown, fs.readFileSync(path.join(CORPUS, "seed/000_7757b3c11355ef51.txt"), "utf8"));
  assert.equal(shown, fs.readFileSync(SEED, "utf8"));
});

test("two upheld decisions with the gold treatments and guidelines", async () => {
  const shown = await renderedDecisions(app.page);
  assert.equal(shown.length, 2);
  gold.decisions.forEach((want, i) => {
    assert.equal(shown[i].outcome, "upheld");
    assert.equal(alnum(shown[i].treatment), alnum(want.treatment));
    assert.equal(alnum(shown[i].claims_administrator_guideline), alnum(want.claims_administrator_guideline.text));
    assert.equal(alnum(shown[i].reviewer_guideline), alnum(want.reviewer_guideline.text));
  });
  const mtus = await app.page.getByTestId("mtus").allTextContents();
  assert.deepEqual(mtus, ["Based on the MTUS", "Not based on the MTUS", "Based on the MTUS", "Not based on the MTUS"]);
  const citations = await app.page.getByTestId("citation").allTextContents();
  assert.ok(citations.some((c) => c.includes("ACOEM Chapter 12 Low Back Complaints")), citations.join(" | "));
  assert.ok(citations.some((c) => c.startsWith("ODG")), citations.join(" | "));
});

test("the overview counts outcomes and shows the seed's facts", async () => {
  const { page } = app;
  assert.match(await page.getByTestId("status").innerText(), /Read as a DWC IMR Final Determination/);
  // Words, an icon and a colour: never colour alone.
  assert.equal(await page.getByTestId("badge-upheld").first().textContent(), "\u27152 upheld");
  assert.equal(await page.getByTestId("badge-overturned").first().textContent(), "\u27130 overturned");
  assert.equal(await page.getByTestId("date-of-injury").locator("time").getAttribute("datetime"), "2011-04-19");
  assert.match(await page.getByTestId("appeal").innerText(), /Cannot estimate: the decision date was not found.*4610\.6\(h\)/s);
  assert.equal(await page.getByTestId("age").locator("dd").innerText(), String(gold.patient.age));
  assert.equal(await page.getByTestId("sex").locator("dd").innerText(), "Male");
  assert.equal(await page.getByTestId("licensure").locator("dd").innerText(), "California");
  assert.equal(await page.getByTestId("specialty").locator("dd").innerText(), "Internal Medicine");
  const items = (testid) => page.getByTestId(testid).locator("li").allTextContents();
  assert.deepEqual(await items("diagnoses"), gold.patient.diagnoses);
  assert.deepEqual(
    await items("medication-details"),
    gold.patient.medications.map((m) => `${m.name} ${m.strength} — current`),
  );
});

test("choosing a value highlights and scrolls to the exact text it came from", async () => {
  const { page } = app;
  const letter = fs.readFileSync(SEED, "utf8");
  const enc = new TextEncoder();
  for (const testid of ["treatment", "date-of-injury", "specialty", "age"]) {
    const link = page.getByTestId(testid).first().locator("a.src");
    const [start, end] = (await link.getAttribute("data-span")).split("-").map(Number);
    await link.focus();
    await page.keyboard.press("Enter");
    const mark = page.getByTestId("highlight");
    const want = new TextDecoder().decode(enc.encode(letter).slice(start, end));
    assert.equal(await mark.textContent(), want, testid);
    assert.equal(await link.getAttribute("aria-current"), "location");
    await assert.doesNotReject(mark.evaluate((m) => {
      const box = m.getBoundingClientRect();
      const pane = m.closest("pre").getBoundingClientRect();
      if (box.top < pane.top - 1 || box.bottom > pane.bottom + 1) throw new Error("highlight not scrolled into view");
    }), testid);
  }
  assert.match(await page.locator(".source [role=status]").textContent(), /line \d+/);
  // The rationale is collapsible and its source can be shown too.
  const rationale = page.getByTestId("rationale").first();
  await rationale.locator("summary").click();
  await rationale.getByRole("link", { name: "Show in letter" }).click();
  assert.match(await page.getByTestId("highlight").textContent(), /Pursuant to the Official Disability Guidelines/);
});

test("the case summary panel and the timeline show what the summary says, linked to its text", async () => {
  const bodyParts = await app.page.getByTestId("body-parts").locator("a.src").allTextContents();
  assert.ok(bodyParts.includes("lumbar spine"), `body parts: ${bodyParts}`);
  const events = app.page.getByTestId("timeline").locator("li");
  const dates = (await events.allTextContents()).map((t) => t.slice(0, 10));
  assert.deepEqual(dates, [...dates].sort(), "events in date order");
  assert.equal(dates[0], "2011-04-19", `the date of injury comes first: ${dates}`);
  // A timeline entry leads back to the letter like every other value.
  await events.first().locator("a.src").click();
  assert.equal(await app.page.getByTestId("highlight").textContent(), "April 19, 2011");
});
