// Bad input never blanks the page or loses the text: empty input, a non-letter,
// a 5 MB paste, a truncated letter and a file of another kind each get a plain message saying
// what was found and what was expected, with no error in the console.

import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { after, before, beforeEach, test } from "node:test";
import { CORPUS, drop, launch, openApp, paste, pick, scratchDir, serveDist } from "./helpers.mjs";

let browser, server, app;
before(async () => {
  browser = await launch();
  server = await serveDist();
});
beforeEach(async () => {
  await app?.context.close();
  app = await openApp(browser, server.url);
});
after(async () => {
  await app.context.close();
  await browser.close();
  await server.close();
});

const status = () => app.page.getByTestId("status");
const textArea = () => app.page.getByLabel("Determination text");

test("empty input: an invitation, disabled exports, no letter pane", async () => {
  const { page } = app;
  assert.match(await status().innerText(), /No text yet\. Paste a letter, choose or drop its PDF or a \.txt file, or load the example\./);
  assert.equal(await page.getByTestId("download-json").isDisabled(), true);
  assert.equal(await page.locator("aside.source").isHidden(), true);
  await page.getByRole("button", { name: "Load example" }).click();
  await page.getByRole("button", { name: "Clear" }).click();
  assert.equal(await textArea().inputValue(), "");
  assert.match(await status().innerText(), /No text yet/);
  // Clear is undoable: no paste is ever lost.
  await page.getByRole("button", { name: /Undo/ }).click();
  assert.equal(await page.getByTestId("decision").count(), 2);
  assert.deepEqual(app.errors, []);
});

test("a non-letter: what was found, what was expected, and the text kept", async () => {
  const text = "Dear Ms. Lee,\n\nPlease find attached the invoice for March.\n\nKind regards";
  await paste(app.page, text);
  const shown = await status().innerText();
  assert.match(shown, /not recognized as an IMR Final Determination letter/);
  assert.match(shown, /Found: nothing a determination letter would contain\./);
  assert.match(shown, /expected "HOW THE IMR FINAL DETERMINATION WAS MADE"/);
  assert.equal(await textArea().inputValue(), text);
  assert.equal(await app.page.getByTestId("decision").count(), 0);
  assert.deepEqual(app.errors, []);
});

test("a 5 MB paste is kept but not parsed, and the page says why", async () => {
  const letter = fs.readFileSync(path.join(CORPUS, "dwc/raw/CM16-0221706.txt"), "utf8");
  const huge = letter.repeat(Math.ceil(5_000_000 / letter.length)).slice(0, 5_000_000);
  await paste(app.page, huge);
  assert.match(await status().innerText(), /This text is 5\.0 MB: far longer than a determination letter .*\(at most 1\.0 MB\)/s);
  assert.equal(await textArea().evaluate((t) => t.value.length), huge.length);
  assert.equal(await app.page.getByTestId("download-json").isDisabled(), true);
  // Typing back to a normal letter recovers.
  await paste(app.page, letter);
  await app.page.getByTestId("case-number").getByText("CM16-0221706").waitFor();
  assert.deepEqual(app.errors, []);
});

test("a truncated letter: cut off, with whatever was read", async () => {
  const letter = fs.readFileSync(path.join(CORPUS, "dwc/raw/CM16-0221706.txt"), "utf8");
  await paste(app.page, letter.slice(0, Math.floor(letter.length / 2)));
  const shown = await status().innerText();
  assert.match(shown, /the text seems cut off: paste the whole letter/);
  assert.match(shown, /The text seems to end early/);
  assert.match(shown, /Found: case number, decision date, date of injury/);
  assert.equal(await app.page.getByTestId("case-number").locator("dd").innerText(), "CM16-0221706");
  assert.deepEqual(app.errors, []);
});

test("a cut-off 2013 notice still shows its two items and says it ends early", async () => {
  await pick(app.page, path.join(CORPUS, "formats/dwc-2013-notice.fragment.txt"));
  await app.page.getByTestId("decision").nth(1).waitFor();
  assert.match(await status().innerText(), /seems cut off/);
  assert.deepEqual(await app.page.getByTestId("outcome").evaluateAll((os) => os.map((o) => o.dataset.outcome)), ["upheld", "upheld"]);
  assert.deepEqual(app.errors, []);
});

test("a file that is neither a PDF nor text is refused with advice, and the text stays", async () => {
  const doc = path.join(scratchDir(), "letter.docx");
  fs.writeFileSync(doc, "PK\u0003\u0004 not a letter");
  await paste(app.page, "my notes");
  await pick(app.page, doc);
  assert.match(await app.page.getByTestId("notice").innerText(), /letter\.docx.* is neither a PDF nor a \.txt file.*copy, and paste it here/s);
  assert.equal(await textArea().inputValue(), "my notes");
  assert.deepEqual(app.errors, []);
});

test("a dropped .txt file is read like a picked one", async () => {
  const { page } = app;
  const file = path.join(CORPUS, "dwc/pdfjs/CM16-0221706.txt");
  await drop(page, file, "text/plain");
  await page.getByTestId("case-number").getByText("CM16-0221706").waitFor();
  assert.equal(await textArea().inputValue(), fs.readFileSync(file, "utf8"));
  assert.deepEqual(app.errors, []);
});
