// Bundles the page's script (src/page.js with cytoscape and cytoscape-dagre) into dist/plan-page.js, the
// one asset the C# program embeds beside src/page.html. `node build.mjs --check` builds in memory and
// fails when dist/plan-page.js differs: the committed bundle is the sources' build.
import * as esbuild from "esbuild";
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const output = join(here, "dist", "plan-page.js");

export async function bundle() {
  const result = await esbuild.build({
    entryPoints: [join(here, "src", "page.js")],
    bundle: true,
    minify: true,
    format: "iife",
    target: "es2020",
    legalComments: "none",
    // The licences travel with every page: their notice in full is dist/THIRD-PARTY-NOTICES.txt.
    banner: { js: "/*! BlinkInfra plan page. Bundles cytoscape (MIT License, (c) 2016-2026 The Cytoscape Consortium). */" },
    charset: "utf8",
    write: false,
    logLevel: "silent",
  });
  // Inlined in a <script> element: no "</script" may appear in it.
  return result.outputFiles[0].text.replace(/<\/script/gi, "<\\/script");
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const text = await bundle();
  if (process.argv.includes("--check")) {
    if (readFileSync(output, "utf8") !== text) {
      console.error("dist/plan-page.js is not the build of src/: run npm run build in tools/PlanPage/web");
      process.exit(1);
    }
    console.log("dist/plan-page.js matches the sources' build");
  } else {
    mkdirSync(dirname(output), { recursive: true });
    writeFileSync(output, text);
    console.log(`dist/plan-page.js: ${text.length} bytes`);
  }
}
