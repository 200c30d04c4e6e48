// Every corpus letter, in each of its five text renderings, opened with the
// file picker: the page renders the gold decisions, and "Download JSON" is
// byte for byte what `imr parse --jsonl` prints for the same file (the
// browser and the native CLI agree).

import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { after, before, test } from "node:test";
import { CORPUS, RENDERINGS, REPO, alnum, download, launch, onFreshPages, pick, renderedDecisions, serveDist } from "./helpers.mjs";

const CLI = path.join(REPO, "target/release/imr");
const DWC = path.join(CORPUS, "dwc");
const cases = fs.readdirSync(path.join(DWC, "gold")).map((f) => path.basename(f, ".json")).sort();
// A fresh page per few letters keeps every "Download JSON" real (onFreshPages).
const LETTERS_PER_PAGE = 8;
let browser, server;

before(async () => {
  assert.ok(cases.length > 100, `corpus not found at ${DWC}`);
  browser = await launch();
  server = await serveDist();
});
after(async () => {
  await browser.close();
  await server.close();
});

for (const rendering of RENDERINGS) {
  test(`${rendering}: ${cases.length} letters render their gold decisions and export the CLI's JSON`, async () => {
    const dir = path.join(DWC, rendering);
    const files = cases.map((c) => `${c}.txt`);
    const cli = execFileSync(CLI, ["parse", "--jsonl", ...files], { cwd: dir, encoding: "utf8", maxBuffer: 1 << 28 })
      .split("\n")
      .filter(Boolean);
    assert.equal(cli.length, files.length);
    const problems = [];
    const errors = await onFreshPages(browser, server.url, files, LETTERS_PER_PAGE, async (page, file, i) => {
      const gold = JSON.parse(fs.readFileSync(path.join(DWC, "gold", `${cases[i]}.json`), "utf8"));
      await pick(page, path.join(dir, file));
      await page.getByTestId("case-number").getByText(gold.case.case_number, { exact: true }).waitFor();
      const shown = await renderedDecisions(page);
      const native = JSON.parse(cli[i]);
      const want = gold.decisions.map((d) => [alnum(d.treatment), d.outcome]);
      const got = shown.map((d) => [alnum(d.treatment), d.outcome]);
      if (JSON.stringify(got) !== JSON.stringify(want)) problems.push(`${file}: decisions ${JSON.stringify(got)} != gold ${JSON.stringify(want)}`);
      const guidelines = (ds) => ds.map((d) => [alnum(d.claims_administrator_guideline?.text ?? d.claims_administrator_guideline), alnum(d.reviewer_guideline?.text ?? d.reviewer_guideline)]);
      if (JSON.stringify(guidelines(shown)) !== JSON.stringify(guidelines(native.decisions))) problems.push(`${file}: guidelines differ from the CLI's`);
      const json = await download(page, "download-json");
      if (json.body !== `${cli[i]}\n`) problems.push(`${file}: Download JSON differs from imr parse --jsonl`);
      if (json.name !== `${gold.case.case_number}.json`) problems.push(`${file}: JSON saved as ${json.name}`);
    });
    assert.deepEqual(problems, []);
    assert.deepEqual(errors, []);
  });
}
