// A tiny static file server for dist/, bound to 127.0.0.1. It can mount the
// folder under a sub-path (to prove the page uses relative URLs) and records
// every request it answers (to prove the page makes none after loading).
//
//   node tests/browser/server.mjs DIR [PORT]      (what scripts/serve.sh runs)

import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".webmanifest": "application/manifest+json",
  ".json": "application/json",
  ".txt": "text/plain; charset=utf-8",
};

/** Serves `root` at http://127.0.0.1:PORT`prefix` (prefix starts and ends with "/"). */
export function startServer({ root, prefix = "/", port = 0 }) {
  const requests = [];
  const server = http.createServer((req, res) => {
    requests.push(req.url);
    const url = new URL(req.url, "http://localhost");
    let rel = decodeURIComponent(url.pathname);
    if (!rel.startsWith(prefix)) return notFound(res);
    rel = rel.slice(prefix.length);
    if (rel === "" || rel.endsWith("/")) rel += "index.html";
    const file = path.resolve(root, rel);
    if (!file.startsWith(path.resolve(root) + path.sep)) return notFound(res);
    fs.readFile(file, (err, body) => {
      if (err) return notFound(res);
      res.writeHead(200, {
        "content-type": TYPES[path.extname(file)] ?? "application/octet-stream",
        "cache-control": "no-cache",
      });
      res.end(body);
    });
  });
  return new Promise((resolve) => {
    server.listen(port, "127.0.0.1", () => {
      const url = `http://127.0.0.1:${server.address().port}${prefix}`;
      // close() also drops kept-alive connections: afterwards the network is really gone.
      const close = () =>
        new Promise((done) => {
          server.close(done);
          server.closeAllConnections();
        });
      resolve({ url, requests, close });
    });
  });
}

function notFound(res) {
  res.writeHead(404, { "content-type": "text/plain" });
  res.end("not found");
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [root = "dist", port = "8080"] = process.argv.slice(2);
  const { url } = await startServer({ root, port: Number(port) });
  console.log(`IMR Lens: serving ${root} at ${url} (Ctrl-C to stop)`);
}
