// The plan page's benchmark (not a test): how long headless Chromium takes from opening a page to the
// first frame with its graph drawn (window.planPage.firstFrameMs: the still picture the page draws
// first) and to the graph drawn by cytoscape, zoomable and clickable (window.planPage.renderMs), both
// from the navigation's start, for the
// largest example stack's page and for a synthetic stack of 1000 resources, the median of a few runs.
// Also how long expanding every collapsed group takes (every resource drawn as its own node).
//
//   npm run bench [-- --runs N]          in tools/PlanPage/web, after ./blink build (or ./blink test)
//   npm run bench -- --vs OLD.js         the same pages with another bundle (e.g. a copy of an older
//                                        dist/plan-page.js) spliced in, measured in turns in one run
//
// The synthetic stack is the prod-hangzhou plan with more worker pools: a stack's nodes grow with its
// pools (a node pool and a session cluster each), not with its machines. It is a plan file, written as
// `plan --json` writes one, and drawn by `check --plan FILE --html PAGE`.
import { readFileSync, writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { blink, launch, open, tempDir } from "./test/support.mjs";

const runs = Number(process.argv[process.argv.indexOf("--runs") + 1]) || 5;
const vs = process.argv.includes("--vs") ? process.argv[process.argv.indexOf("--vs") + 1] : null;
const target = 1000;
const dir = tempDir();
const here = dirname(fileURLToPath(import.meta.url));

function prodPage() {
  const json = join(dir, "prod-hangzhou.json");
  const html = join(dir, "prod-hangzhou.html");
  const run = blink("plan", "--stack", "prod-hangzhou", "--json", json, "--html", html);
  if (run.status !== 0) throw new Error(run.stderr);
  return { plan: JSON.parse(readFileSync(json, "utf8")), html };
}

/** The prod plan with worker pools added (each pool's node pool and session cluster) up to `target` custom resources. */
function syntheticPage(plan) {
  const perPool = plan.resources.filter(r => r.custom && /-(pool|flink)-cpu$/.test(r.name));
  const resources = [...plan.resources];
  for (let i = 1; resources.filter(r => r.custom).length < target; i++) {
    for (const r of perPool) {
      if (resources.filter(x => x.custom).length >= target) break;
      resources.push({ ...r, name: r.name.replace(/cpu$/, `pool${String(i).padStart(3, "0")}`) });
    }
  }
  const json = join(dir, "synthetic.json");
  const html = join(dir, "synthetic.html");
  writeFileSync(json, JSON.stringify({ ...plan, stack: "synthetic-1000", resources }));
  const run = blink("check", "--plan", json, "--html", html);
  if (run.status > 1) throw new Error(run.stderr);
  return { count: resources.filter(r => r.custom).length, html };
}

/** A copy of a page with another bundle in place of its script (the last <script> element). */
function withBundle(html, bundleFile, name) {
  const page = readFileSync(html, "utf8");
  const at = page.lastIndexOf("<script>") + "<script>".length;
  const end = page.lastIndexOf("</script>");
  const file = join(dir, name);
  writeFileSync(file, page.slice(0, at) + readFileSync(bundleFile, "utf8") + page.slice(end));
  return file;
}

const median = values => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function once(browser, file) {
  const { page } = await open(browser, file);
  const { picture, render } = await page.evaluate(() => ({ picture: window.planPage.firstFrameMs ?? window.planPage.renderMs, render: window.planPage.renderMs }));
  const nodes = await page.locator("#graph").evaluate(g => ({ ...g.dataset }));
  const expand = await page.evaluate(() => new Promise(resolve => {
    const start = performance.now();
    document.getElementById("expand-all").click();
    requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now() - start)));
  }));
  await page.close();
  return { picture, render, expand, nodes };
}

/** Each file opened `runs` times, the files in turns (so a change in the machine's load touches all alike); medians. */
async function measure(browser, files) {
  const samples = files.map(() => []);
  for (let i = 0; i < runs; i++) {
    for (let f = 0; f < files.length; f++) samples[f].push(await once(browser, files[f]));
  }
  return samples.map(s => ({ picture: median(s.map(x => x.picture)), render: median(s.map(x => x.render)), expand: median(s.map(x => x.expand)), nodes: s[0].nodes }));
}

const prod = prodPage();
const synthetic = syntheticPage(prod.plan);
const browser = await launch();
try {
  // A warm-up: Chromium's first page pays for its own start.
  await (await open(browser, prod.html)).page.close();
  const pages = [
    ["prod-hangzhou", prod.plan.resources.filter(r => r.custom).length, prod.html],
    [`synthetic (${synthetic.count} resources)`, synthetic.count, synthetic.html],
  ];
  const rows = [];
  for (const [name, count, html] of pages) {
    // With --vs both pages get a bundle spliced in, this one dist/plan-page.js (what the next C# build embeds).
    const files = vs ? [withBundle(html, vs, `vs-${name.split(" ")[0]}.html`), withBundle(html, join(here, "dist", "plan-page.js"), `this-${name.split(" ")[0]}.html`)] : [html];
    const [first, second] = await measure(browser, files);
    if (vs) rows.push([`${name}, --vs bundle`, count, first], [`${name}, this build`, count, second]);
    else rows.push([name, count, first]);
  }
  console.log(`Plan page in headless Chromium (${runs} runs each, median${vs ? ", the two bundles in turns" : ""}; goal: drawn in under 1000 ms; load average ${loadavg().map(l => l.toFixed(1)).join(" ")})`);
  for (const [name, count, m] of rows) {
    console.log(`  ${name.padEnd(44)} ${String(count).padStart(5)} resources  drawn in ${m.picture.toFixed(0).padStart(5)} ms, interactive in ${m.render.toFixed(0).padStart(5)} ms `
      + `(${m.nodes.visibleResourceNodes} nodes shown)  expand all: ${m.expand.toFixed(0).padStart(5)} ms`);
  }
} finally {
  await browser.close();
}
