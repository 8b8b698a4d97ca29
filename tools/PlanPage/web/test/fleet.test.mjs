// The fleet page (`./blink fleet --html`) in a real browser (headless Chromium from Debian's packages):
// a row per stack with its verdict, machines and estimate as `fleet --json` gives them, sorted by a
// click on any column (and back), filtered by the search, each stack linking to its plan page written
// beside it, and nothing fetched. Screenshots go to .ci/artifacts/.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { blink, launch, REPOSITORY, screenshot, stacks, tempDir } from "./support.mjs";

let browser;
let dir;
let fleet;

before(async () => {
  browser = await launch();
  dir = tempDir();
  const run = blink("fleet", "--html", join(dir, "fleet.html"), "--json", join(dir, "fleet.json"),
    "--prices", join(REPOSITORY, "tests", "Fixtures", "prices", "example.yaml"));
  assert.equal(run.status, 0, run.stderr);
  fleet = JSON.parse(readFileSync(join(dir, "fleet.json"), "utf8"));
});

after(async () => {
  await browser?.close();
});

async function openFleet() {
  const page = await browser.newPage({ viewport: { width: 1600, height: 700 } });
  const requests = [];
  const errors = [];
  page.on("request", request => requests.push(request.url()));
  page.on("pageerror", error => errors.push(error.message));
  await page.goto(pathToFileURL(join(dir, "fleet.html")).href);
  await page.waitForFunction(() => window.fleetPage && window.fleetPage.ready, null, { timeout: 30000 });
  return { page, requests, errors };
}

/** The rows as the page shows them now: each cell's text by column key. */
const rows = page => page.locator("#tenants tbody tr").evaluateAll(trs => trs.filter(tr => !tr.hidden).map(tr =>
  Object.fromEntries([...tr.cells].map(td => [td.dataset.key, td.textContent]))));

const money = value => value.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 });

test("a row per stack with fleet's verdict, machines and estimate, and nothing fetched", async () => {
  const { page, requests, errors } = await openFleet();
  const shown = await rows(page);
  assert.deepEqual(shown.map(r => r.stack), stacks(), "a row per stack of stacks/, in name order");
  for (const tenant of fleet.tenants) {
    const row = shown.find(r => r.stack === tenant.stack);
    assert.equal(row.region, tenant.region);
    assert.equal(row.ha, tenant.highAvailability ? "yes" : "no");
    assert.match(row.policy, new RegExp(`^${tenant.verdict}`));
    const machines = tenant.billOfMaterials.pools.reduce((sum, p) => ({ min: sum.min + p.min, max: sum.max + p.max }), { min: 0, max: 0 });
    assert.equal(row.machines, machines.min === machines.max ? `${machines.max}` : `${machines.min}-${machines.max}`);
    const estimate = tenant.estimate.perMonth;
    assert.equal(row.estimate, estimate.min === estimate.max ? money(estimate.max) : `${money(estimate.min)}-${money(estimate.max)}`);
  }
  assert.match(await page.locator("#counts").textContent(), new RegExp(`^${fleet.stacks} stacks: ${fleet.verdicts.pass} pass`));
  assert.match(await page.locator("#totals").textContent(), /not what Alibaba Cloud will charge/);
  assert.deepEqual(errors, []);
  assert.deepEqual(requests.filter(url => !url.startsWith("file:")), [], "a self-contained page fetches nothing");
  await screenshot(page, "fleet.png");
  await page.close();
});

test("a click on a column sorts by it, a second click the other way", async () => {
  const { page } = await openFleet();
  const machinesOf = async () => (await rows(page)).map(r => Number(r.machines.split("-").pop()));
  await page.locator("th[data-key=machines] button").click();
  assert.equal(await page.locator("th[data-key=machines]").getAttribute("aria-sort"), "ascending");
  const ascending = await machinesOf();
  assert.deepEqual(ascending, [...ascending].sort((a, b) => a - b));
  await page.locator("th[data-key=machines] button").click();
  assert.equal(await page.locator("th[data-key=machines]").getAttribute("aria-sort"), "descending");
  const descending = await machinesOf();
  assert.deepEqual(descending, [...ascending].reverse());
  assert.equal(await page.locator("th[data-key=stack]").getAttribute("aria-sort"), "none");

  await page.locator("th[data-key=estimate] button").click();
  const estimates = (await rows(page)).map(r => Number(r.estimate.split("-").pop().replaceAll(",", "")));
  assert.deepEqual(estimates, [...estimates].sort((a, b) => a - b));
  await page.locator("th[data-key=region] button").click();
  const regions = (await rows(page)).map(r => r.region);
  assert.deepEqual(regions, [...regions].sort());
  await page.close();
});

test("the search keeps the rows that hold every word", async () => {
  const { page } = await openFleet();
  await page.locator("#filter").fill("shanghai gn7i");
  assert.deepEqual((await rows(page)).map(r => r.stack), ["gpu-shanghai"]);
  await page.locator("#filter").fill("");
  assert.equal((await rows(page)).length, fleet.stacks);
  await page.close();
});

test("each stack links to its plan page, written beside the fleet page", async () => {
  const { page } = await openFleet();
  await page.locator("#tenants tbody tr[data-stack=prod-hangzhou] td[data-key=stack] a").click();
  await page.waitForFunction(() => window.planPage && window.planPage.ready, null, { timeout: 60000 });
  assert.match(page.url(), /\/plan-prod-hangzhou\.html$/);
  assert.equal(await page.evaluate(() => window.planPage.model.stack), "prod-hangzhou");
  await page.close();
});
