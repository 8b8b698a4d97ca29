// Helpers of the plan page's browser tests: BlinkInfra's CLI (the BlinkInfra.dll the C# build wrote) to
// write pages, and headless Chromium from the system's packages (never a downloaded browser) to open them.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { chromium } from "playwright-core";

export const REPOSITORY = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..", "..", "..");
/** Where screenshots go: .ci/artifacts/ (git-ignored; CI keeps it), or PLAN_PAGE_ARTIFACTS. */
export const ARTIFACTS = process.env.PLAN_PAGE_ARTIFACTS || join(REPOSITORY, ".ci", "artifacts");
/** Debian's chromium package, or CHROMIUM. */
export const CHROMIUM = process.env.CHROMIUM || "/usr/bin/chromium";

/** BlinkInfra.dll: BLINKINFRA_DLL, else the newer of the builds ./blink build and ./blink test write. */
export function findDll() {
  if (process.env.BLINKINFRA_DLL) return resolve(process.env.BLINKINFRA_DLL);
  const candidates = ["real", "offline"].map(sdk => join(REPOSITORY, "bin", sdk, "Debug", "net10.0", "BlinkInfra.dll")).filter(existsSync);
  if (candidates.length === 0) throw new Error(`BlinkInfra.dll is not built: run ./blink build in ${REPOSITORY}, or set BLINKINFRA_DLL`);
  return candidates.sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs)[0];
}

/** Runs the CLI; returns its exit code and output (the verbs exit 1 or 2 on purpose for violations and changes). */
export function blink(...args) {
  const result = spawnSync("dotnet", [findDll(), ...args], { cwd: REPOSITORY, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
  if (result.error) throw result.error;
  if (result.status === 3 || /internal error/.test(result.stderr)) throw new Error(`blink ${args.join(" ")}: ${result.stderr}`);
  return result;
}

export function tempDir() {
  return mkdtempSync(join(tmpdir(), "blink-page-"));
}

export async function launch() {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install chromium (.ci/run does), or set CHROMIUM`);
  // Root in CI: Chromium's sandbox needs a user namespace it may not have.
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: ["--no-sandbox", "--disable-gpu"] });
}

/**
 * Opens a page file and waits until its graph is drawn. Every request the page makes is recorded: a
 * self-contained page asks for nothing but its own file.
 */
export async function open(browser, file, viewport = { width: 1600, height: 900 }) {
  const page = await browser.newPage({ viewport });
  const requests = [];
  const errors = [];
  page.on("request", request => requests.push(request.url()));
  page.on("pageerror", error => errors.push(error.message));
  await page.goto(pathToFileURL(file).href);
  await page.waitForFunction(() => window.planPage && window.planPage.ready, null, { timeout: 60000 });
  return { page, requests, errors };
}

/** Clicks a node of the graph where Chromium drew it, as a person would. */
export async function clickNode(page, id) {
  const point = await page.evaluate(nodeId => {
    const { cy } = window.planPage;
    const node = cy.getElementById(nodeId);
    cy.center(node);
    const box = document.getElementById("graph").getBoundingClientRect();
    const at = node.renderedPosition();
    return { x: box.left + at.x, y: box.top + at.y };
  }, id);
  await page.mouse.click(point.x, point.y);
}

export async function screenshot(page, name) {
  mkdirSync(ARTIFACTS, { recursive: true });
  const path = join(ARTIFACTS, name);
  await page.screenshot({ path });
  return path;
}

export function stacks() {
  return execFileSync("ls", [join(REPOSITORY, "stacks")], { encoding: "utf8" }).split("\n")
    .map(file => /^Pulumi\.(.+)\.yaml$/.exec(file)).filter(Boolean).map(m => m[1]).sort();
}
