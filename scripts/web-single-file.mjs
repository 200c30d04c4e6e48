// Trunk post_build hook: folds Trunk's output into ONE self-contained index.html.
//
// Why: the page's Content-Security-Policy forbids all connections
// (connect-src 'none'), and Trunk's normal loader fetch()es the .wasm, which
// connect-src governs. So the wasm-bindgen glue is inlined (without its
// exports) and the wasm is embedded, gzipped then base64-encoded, and started
// with `__wbg_init({ module_or_path: bytes })` after the browser's own
// DecompressionStream unpacks it. The CSP is then written with the sha256 of
// every inline script and style. One file also means dist/index.html works
// from file:// and from any sub-path.
//
// It also fills in the service worker's cache list and version.
//
// Env (set by Trunk): TRUNK_STAGING_DIR, the folder about to become dist/.

import crypto from "node:crypto";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { packPdfExtractor } from "./pdf-extractor-pack.mjs";

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error("run me as a Trunk post_build hook (TRUNK_STAGING_DIR is not set)");
const at = (name) => path.join(dir, name);

const wasmName = fs.readdirSync(dir).find((f) => f.endsWith("_bg.wasm"));
if (!wasmName) throw new Error(`no *_bg.wasm in ${dir}`);
const glueName = wasmName.replace(/_bg\.wasm$/, ".js");

// The glue as a plain script body: drop its ES module exports.
const glue = fs
  .readFileSync(at(glueName), "utf8")
  .replace(/^export (?=(?:async )?function |class |const |let )/gm, "")
  .replace(/^export \{[^}]*\};?[ \t]*$/gm, "")
  .replace(/^export default [\w$]+;?[ \t]*$/gm, "");
if (/^\s*(?:import|export)\b/m.test(glue)) throw new Error(`${glueName}: unexpected import/export left`);
if (!/function __wbg_init\b/.test(glue)) throw new Error(`${glueName}: no __wbg_init`);

// Zopfli writes gzip that any inflater reads, about 7% smaller than gzip -9
// (it comes with the browser tests' npm packages; scripts/setup.sh installs them).
const npm = createRequire(fileURLToPath(new URL("../tests/browser/package.json", import.meta.url)));
const { gzipAsync } = npm("@gfx/zopfli");
const wasm = fs.readFileSync(at(wasmName));
const packed = Buffer.from(await gzipAsync(wasm, { numiterations: 15 })).toString("base64");
// The PDF extractor is a file of its own, loaded only when a PDF is opened.
const pdf = await packPdfExtractor(dir, gzipAsync);

// The batch worker (src/worker.rs) runs this same glue and the already
// compiled module: its source is the glue, cut from this very script at the
// marker (so it is not shipped twice), plus a message handler. A panic traps
// the worker's wasm: it answers null and closes, and the page retries.
// It is a classic worker, as only those start from a blob: URL in a page
// opened from file://; the glue's one module-only expression, import.meta.url
// (its default wasm path, never used: the worker is given the module), is
// replaced in the worker's copy.
const GLUE_END = "//# end of the wasm-bindgen glue";
if (glue.includes(GLUE_END)) throw new Error(`${glueName}: contains the glue-end marker`);
if (glue.replaceAll("import.meta.url", "").includes("import.meta")) throw new Error(`${glueName}: import.meta beyond import.meta.url`);
const workerMain = `
let ready;
onmessage = async ({ data }) => {
  if (data instanceof WebAssembly.Module) {
    ready = __wbg_init({ module_or_path: data });
    return;
  }
  try {
    await ready;
    postMessage(data.job === "jsonl" ? letters_to_jsonl(data.sources, data.texts) : read_letters(data.texts));
  } catch {
    postMessage(null);
    close();
  }
};`;

const loader = `${glue}
${GLUE_END}
const loading = document.getElementById("loading");
${pdf.loader}
// A panic in the wasm traps (it is never printed: it could quote the letter).
// Then say so plainly; the text area keeps the user's text.
const crashed = (error) => {
  if (error instanceof WebAssembly.RuntimeError) document.getElementById("crash").hidden = false;
};
addEventListener("error", (event) => crashed(event.error));
addEventListener("unhandledrejection", (event) => crashed(event.reason));
try {
  const packed = Uint8Array.from(atob("${packed}"), (c) => c.charCodeAt(0));
  const unpacked = new Blob([packed]).stream().pipeThrough(new DecompressionStream("gzip"));
  const module = await WebAssembly.compile(await new Response(unpacked).arrayBuffer());
  const appScript = document.getElementById("imr-lens-app").textContent;
  const workerSource = URL.createObjectURL(
    new Blob([
      appScript.slice(0, appScript.indexOf(${JSON.stringify(GLUE_END)})).replaceAll("import.meta.url", "location.href"),
      ${JSON.stringify(workerMain)},
    ], { type: "text/javascript" }),
  );
  globalThis.imrLensWorker = () => {
    const worker = new Worker(workerSource);
    worker.postMessage(module);
    return worker;
  };
  // Files dropped on the batch view, folders walked, each with its path in the
  // drop. (The File and Directory Entries API is callbacks all the way down: a
  // few lines here cost far less than its bindings in the wasm.) The entries
  // are taken before the first await, while the drop event still holds them.
  globalThis.imrLensDroppedFiles = async (dataTransfer) => {
    const entries = [...dataTransfer.items].map((item) => item.webkitGetAsEntry?.()).filter(Boolean);
    const found = [];
    const walk = async (entry, folder) => {
      if (entry.isFile) {
        found.push([folder + entry.name, await new Promise((ok, fail) => entry.file(ok, fail))]);
      } else if (entry.isDirectory) {
        const reader = entry.createReader();
        for (let some; (some = await new Promise((ok, fail) => reader.readEntries(ok, fail))).length; ) {
          for (const child of some) await walk(child, \`\${folder}\${entry.name}/\`);
        }
      }
    };
    for (const entry of entries) await walk(entry, "");
    return found;
  };
  await __wbg_init({ module_or_path: module });
  loading.remove();
  performance.mark("imr-lens-ready");
} catch {
  loading.textContent = "IMR Lens could not start in this browser: it needs a current browser with WebAssembly.";
}
if ("serviceWorker" in navigator && location.protocol.startsWith("http")) {
  navigator.serviceWorker.register("sw.js").catch(() => {});
}
`;

const sha256 = (text) => `'sha256-${crypto.createHash("sha256").update(text, "utf8").digest("base64")}'`;

let html = fs.readFileSync(at("index.html"), "utf8");
// Anything Trunk added that points at the separate glue or wasm goes.
html = html.replace(/<link\b[^>]*\b(?:href)="[^"]*(?:\.js|\.wasm)"[^>]*>\s*/g, "");
html = html.replace(/<script\b[^>]*>[\s\S]*?<\/script>\s*/g, "");
if (html.includes(glueName) || html.includes(wasmName)) throw new Error("index.html still refers to the glue or wasm");
html = html.replace("</body>", `<script type="module" id="imr-lens-app">${loader}</script>\n</body>`);

const styles = [...html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/g)].map((m) => sha256(m[1]));
const scripts = [...html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)].map((m) => sha256(m[1]));
const csp = [
  "default-src 'none'",
  // file: only matters when the page itself is a file (see pdf-extractor-pack.mjs).
  `script-src 'wasm-unsafe-eval' ${scripts.join(" ")} ${pdf.hash} file:`,
  `style-src ${styles.join(" ")}`,
  "img-src 'self'",
  "manifest-src 'self'",
  // 'self': the service worker; blob: the batch worker (built from this page's own
  // script) and the PDF reader's worker (scripts/pdf-extractor.js).
  "worker-src 'self' blob:",
  "connect-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join("; ");
const cspMeta = /<meta http-equiv="Content-Security-Policy" content="[^"]*">/;
if (!cspMeta.test(html)) throw new Error("index.html has no Content-Security-Policy meta to fill in");
html = html.replace(cspMeta, `<meta http-equiv="Content-Security-Policy" content="${csp}">`);

fs.writeFileSync(at("index.html"), html);
fs.rmSync(at(glueName));
fs.rmSync(at(wasmName));

// The service worker caches exactly what is left, under a version that changes with it.
const assets = fs.readdirSync(dir).filter((f) => f !== "sw.js").sort();
const version = crypto.createHash("sha256");
for (const f of assets) version.update(f).update(fs.readFileSync(at(f)));
const sw = fs
  .readFileSync(at("sw.js"), "utf8")
  .replace("__VERSION__", version.digest("hex").slice(0, 16))
  .replace("__ASSETS__", JSON.stringify(["./", ...assets]));
if (/__(?:VERSION|ASSETS)__/.test(sw)) throw new Error("sw.js: a placeholder was not filled in");
fs.writeFileSync(at("sw.js"), sw);

console.log(
  `single-file index.html: ${html.length} bytes (wasm ${wasm.length} -> gzip+base64 ${packed.length}); cached: ${assets.join(", ")}`,
);
