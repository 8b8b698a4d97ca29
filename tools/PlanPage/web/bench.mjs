// The plan page's benchmark (not a test): how long headless Chromium takes from opening a page to the
// first frame with its graph drawn (window.planPage.renderMs, from the navigation's start), for the
// largest example stack's page and for a synthetic stack of 1000 resources, the median of a few runs.
// Also how long expanding every collapsed group takes (every resource drawn as its own node).
//
//   npm run bench [-- --runs N]          in tools/PlanPage/web, after ./blink build (or ./blink test)
//
// The synthetic stack is the prod-hangzhou plan with more worker pools: a stack's nodes grow with its
// pools (a node pool and a session cluster each), not with its machines. It is a plan file, written as
// `plan --json` writes one, and drawn by `check --plan FILE --html PAGE`.
import { readFileSync, writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import { join } from "node:path";
import { blink, launch, open, tempDir } from "./test/support.mjs";

const runs = Number(process.argv[process.argv.indexOf("--runs") + 1]) || 5;
const target = 1000;
const dir = tempDir();

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

const median = values => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function measure(browser, file) {
  const render = [];
  const expand = [];
  let nodes = {};
  for (let i = 0; i < runs; i++) {
    const { page } = await open(browser, file);
    render.push(await page.evaluate(() => window.planPage.renderMs));
    nodes = await page.locator("#graph").evaluate(g => ({ ...g.dataset }));
    expand.push(await page.evaluate(() => new Promise(resolve => {
      const start = performance.now();
      document.getElementById("expand-all").click();
      requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now() - start)));
    })));
    await page.close();
  }
  return { render: median(render), expand: median(expand), nodes };
}

const prod = prodPage();
const synthetic = syntheticPage(prod.plan);
const browser = await launch();
try {
  // A warm-up: Chromium's first page pays for its own start.
  await (await open(browser, prod.html)).page.close();
  const rows = [
    ["prod-hangzhou", prod.plan.resources.filter(r => r.custom).length, await measure(browser, prod.html)],
    [`synthetic (${synthetic.count} resources)`, synthetic.count, await measure(browser, synthetic.html)],
  ];
  console.log(`Plan page in headless Chromium (${runs} runs each, median; goal: drawn in under 1000 ms; load average ${loadavg().map(l => l.toFixed(1)).join(" ")})`);
  for (const [name, count, m] of rows) {
    console.log(`  ${name.padEnd(32)} ${String(count).padStart(5)} resources  drawn in ${m.render.toFixed(0).padStart(5)} ms `
      + `(${m.nodes.visibleResourceNodes} nodes shown)  expand all: ${m.expand.toFixed(0).padStart(5)} ms`);
  }
} finally {
  await browser.close();
}
