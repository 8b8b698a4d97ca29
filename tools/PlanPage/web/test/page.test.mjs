// The plan page in a real browser (headless Chromium from Debian's packages): each example stack's page,
// a click on a resource and its panel, a diff page's replaced resource, the search, policy findings, and
// the committed bundle against its sources. Screenshots go to .ci/artifacts/ (CI keeps them).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { bundle } from "../build.mjs";
import { blink, clickNode, launch, open, REPOSITORY, screenshot, stacks, tempDir } from "./support.mjs";

const isComponent = r => !r.custom && r.type !== "pulumi:pulumi:Stack";
let browser;
let dir;

before(async () => {
  browser = await launch();
  dir = tempDir();
});

after(async () => {
  await browser?.close();
});

/** A stack's plan (plan --json) and its page (plan --html), written in one run of the CLI. */
function planPage(stack) {
  const json = join(dir, `${stack}.json`);
  const html = join(dir, `${stack}.html`);
  const run = blink("plan", "--stack", stack, "--json", json, "--html", html);
  assert.equal(run.status, 0, run.stderr);
  return { plan: JSON.parse(readFileSync(json, "utf8")), html };
}

test("the committed bundle is the build of its sources", async () => {
  const built = await bundle();
  assert.ok(readFileSync(join(REPOSITORY, "tools", "PlanPage", "web", "dist", "plan-page.js"), "utf8") === built,
    "dist/plan-page.js differs from the build of src/: run npm run build in tools/PlanPage/web and commit it");
});

for (const stack of ["dev", "prod-hangzhou", "gpu-shanghai"]) {
  test(`${stack}: every resource of the plan is a node, every component a box, and nothing is fetched`, async () => {
    assert.ok(stacks().includes(stack), `stacks/Pulumi.${stack}.yaml`);
    const { plan, html } = planPage(stack);
    const { page, requests, errors } = await open(browser, html);
    const graph = await page.locator("#graph").evaluate(g => ({ ...g.dataset }));
    const custom = plan.resources.filter(r => r.custom).length;
    const components = plan.resources.filter(isComponent).length;
    const providers = plan.resources.filter(r => r.type.startsWith("pulumi:providers:")).length;
    assert.equal(Number(graph.resourceNodes), custom, "resources drawn, one node each or counted in their collapsed group or folded component");
    assert.equal(Number(graph.componentBoxes) + Number(graph.foldedComponents), components);
    // Drawn as cytoscape counts them: the nodes on the canvas and their members.
    const count = kind => `cy.nodes("[kind = '${kind}']").map(n => n.data("count")).reduce((a, b) => a + b, 0)`;
    const drawn = await page.evaluate(`(() => {
      const { cy } = window.planPage;
      return {
        resources: cy.nodes("[kind = 'resource']").length + ${count("group")} + ${count("folded")},
        components: cy.nodes("[kind = 'component']").filter(n => n.isParent()).length + cy.nodes("[kind = 'folded']").length,
      };
    })()`);
    assert.deepEqual(drawn, { resources: custom, components });
    // The count the text's Resources: line says, as pulumi preview counts it, and what it is made of.
    assert.match(await page.locator("#counts").textContent(),
      new RegExp(`^${plan.resources.length} resources as pulumi preview counts them \\(the stack, ${components} components, ${providers} providers, ${custom - providers} custom resources\\)`));
    const text = blink("plan", "--stack", stack).stdout;
    assert.match(text, new RegExp(`\n    \\+ ${plan.resources.length} to create: the stack, ${components} components, ${providers} providers, ${custom - providers} custom resources\n`));
    assert.deepEqual(errors, []);
    assert.deepEqual(requests.filter(url => !url.startsWith("file:")), [], "a self-contained page fetches nothing");
    await screenshot(page, `plan-${stack}.png`);
    await page.close();
  });
}

test("a click on a resource shows its type, name, inputs, dependencies and dependants, secrets masked", async () => {
  const { plan, html } = planPage("prod-hangzhou");
  const { page } = await open(browser, html);
  const model = await page.evaluate(() => window.planPage.model);
  // The NAT gateway: drawn on its own, with dependencies and dependants.
  const nat = model.resources.find(r => r.type === "alicloud:vpc/natGateway:NatGateway");
  assert.ok(nat.dependencies.length > 0 && nat.dependants.length > 0);
  // Its component opened first, as a reader would: a click on it and its Open button.
  await clickNode(page, nat.component);
  await page.locator("#expand-component").click();
  await clickNode(page, nat.id);
  const panel = page.locator("#panel");
  assert.equal(await panel.getAttribute("data-resource-id"), nat.id);
  assert.equal(await panel.locator("[data-field=name]").textContent(), nat.name);
  assert.equal(await panel.locator("[data-field=type]").textContent(), "alicloud:vpc/natGateway:NatGateway");
  const planned = plan.resources.find(r => r.type === nat.type && r.name === nat.name);
  assert.deepEqual(JSON.parse(await panel.locator("[data-field=inputs]").textContent()), planned.inputs);
  const names = async field => panel.locator(`[data-field=${field}] a`).evaluateAll(links => links.map(a => a.textContent));
  const label = id => { const r = model.resources.find(x => x.id === id); return `${r.type.slice(r.type.lastIndexOf(":") + 1)} ${r.name}`; };
  assert.deepEqual(await names("dependencies"), nat.dependencies.map(label));
  assert.deepEqual(await names("dependants"), nat.dependants.map(label));
  // docs/cli.md's picture (tools/PlanPage/plan-page.png is a copy of this one): selected from the page's own API, which zooms to it.
  await page.evaluate(id => window.planPage.select(id), nat.id);
  assert.equal(await panel.getAttribute("data-resource-id"), nat.id);
  await screenshot(page, "plan-prod-hangzhou-selected.png");
  // Following a dependency selects it.
  await panel.locator("[data-field=dependencies] a").first().click();
  assert.equal(await panel.getAttribute("data-resource-id"), nat.dependencies[0]);

  // The Kubernetes provider's kubeconfig is secret: masked as the plan masks it.
  const provider = model.resources.find(r => r.type === "pulumi:providers:kubernetes");
  await page.evaluate(id => window.planPage.reveal(id), provider.id);
  await clickNode(page, provider.id);
  const inputs = await panel.locator("[data-field=inputs]").textContent();
  assert.equal(JSON.parse(inputs).kubeconfig, "[secret]");
  assert.doesNotMatch(await page.content(), /BEGIN CERTIFICATE|client-key-data/);
  await page.close();
});

test("a diff page lists what is lost and every deletion beside the replacements, and a collapsed group shows every op it hides", async () => {
  const before = join(dir, "dev-before-losses.json");
  assert.equal(blink("plan", "--stack", "dev", "--json", before).status, 0);
  const old = JSON.parse(readFileSync(before, "utf8"));
  // A pool that was named otherwise, with no former name declared: its node pool is deleted, machines and all.
  const pool = old.resources.find(r => r.name === "blink-dev-pool-cpu");
  old.resources.push({ ...pool, name: "blink-dev-pool-old" });
  // One rule of many replaced: its collapsed group must show it among the unchanged ones.
  old.resources.find(r => r.name === "blink-dev-sgr-workers-from-masters-tcp-6121-6122").inputs.portRange = "6121/6121";
  writeFileSync(before, JSON.stringify(old));
  const html = join(dir, "dev-diff-losses.html");
  const run = blink("diff", "--stack", "dev", "--against", before, "--html", html);
  assert.equal(run.status, 2, run.stderr);

  const { page, errors } = await open(browser, html);
  assert.deepEqual(errors, []);
  const model = await page.evaluate(() => window.planPage.model);
  const gone = model.resources.find(r => r.name === "blink-dev-pool-old");
  assert.equal(gone.step, "delete");
  assert.match(gone.loss, /^the node pool blink-dev-pool-old is deleted: its machines are released/);
  // Lost, first, as the diff's WARNING block says it; then the deletion among the deletions, marked.
  const lost = page.locator(`#losses li[data-resource-id=${gone.id}]`);
  assert.equal(await lost.getAttribute("data-step"), "delete");
  assert.match(await lost.textContent(), /NodePool blink-dev-pool-old \(delete\): the node pool blink-dev-pool-old is deleted/);
  assert.match(await page.locator("#deletions h2").textContent(), /^Deletions \(1\)$/);
  assert.equal(await page.locator(`#deletions li[data-resource-id=${gone.id}]`).getAttribute("class"), "loss");
  assert.match(await page.locator("#replacements h2").textContent(), /^Replacements \(1\)$/);
  // The rules' group: every op it hides counted in the model, named in its label, drawn as a slice each.
  const group = model.groups.find(g => g.type === "alicloud:ecs/securityGroupRule:SecurityGroupRule");
  assert.deepEqual(Object.keys(group.steps), ["replace", "same"]);
  assert.equal(group.steps.replace, 1);
  assert.equal(group.steps.same, group.members.length - 1);
  // Folded, a component shows the ops it holds too: the rule's, and the deleted pool's.
  const label = id => page.evaluate(c => window.planPage.cy.getElementById(c).data("label"), id);
  assert.match(await label(group.component), /^ClusterSecurity blink-dev\n1 replace · \d+ same$/);
  assert.match(await label(gone.component), /^ClusterCompute blink-dev\n1 delete · \d+ same$/);
  await page.evaluate(id => window.planPage.reveal(id), group.id);
  const node = await page.evaluate(id => {
    const n = window.planPage.cy.getElementById(id);
    return { label: n.data("label"), mixed: n.hasClass("mixed"), slice: n.style("pie-1-background-color"), second: n.style("pie-2-background-color") };
  }, group.id);
  assert.match(node.label, new RegExp(`× ${group.members.length}\\n1 replace · ${group.members.length - 1} same$`));
  assert.ok(node.mixed);
  assert.equal(node.slice.replace(/ /g, ""), "rgb(214,39,40)");
  assert.equal(node.second.replace(/ /g, ""), "rgb(185,190,198)");
  await clickNode(page, group.id);
  assert.equal(await page.locator("#panel [data-field=group-steps]").textContent(), `1 replace, ${group.members.length - 1} same`);
  await screenshot(page, "diff-dev-losses.png");
  await page.close();
});

test("many of a kind are one node until expanded", async () => {
  const { html } = planPage("prod-hangzhou");
  const { page } = await open(browser, html);
  const group = await page.evaluate(() => window.planPage.model.groups.find(g => g.type === "alicloud:ecs/securityGroupRule:SecurityGroupRule"));
  assert.ok(group.members.length >= 3);
  await clickNode(page, group.component);
  await page.locator("#expand-component").click();
  const before = Number(await page.locator("#graph").getAttribute("data-visible-resource-nodes"));
  await clickNode(page, group.id);
  await page.locator("#expand-group").click();
  const afterExpand = Number(await page.locator("#graph").getAttribute("data-visible-resource-nodes"));
  assert.equal(afterExpand, before + group.members.length);
  assert.equal(await page.locator("#graph").getAttribute("data-resource-nodes"), String(await page.evaluate(() => window.planPage.model.resources.length)));
  await page.close();
});

test("the page opens on the components, readable at 1600x1000, and a component opens on a click", async () => {
  const { plan, html } = planPage("prod-hangzhou");
  const { page, errors } = await open(browser, html, { width: 1600, height: 1000 });
  // What is drawn as the page opens: each node's label size on screen and whether it is in view.
  const drawn = () => page.evaluate(() => {
    const { cy } = window.planPage;
    const view = cy.extent();
    return cy.nodes().map(n => {
      const b = n.boundingBox({ includeLabels: false });
      return {
        id: n.id(), kind: n.data("kind"), parent: n.data("parent") || null, isParent: n.isParent(),
        px: cy.zoom() * parseFloat(n.style("font-size")),
        inView: b.x1 >= view.x1 && b.x2 <= view.x2 && b.y1 >= view.y1 && b.y2 <= view.y2,
      };
    });
  });
  const opening = await drawn();
  const components = plan.resources.filter(isComponent);
  assert.equal(opening.filter(n => n.kind === "folded").length, components.length, "every component folded into one node");
  assert.equal(opening.filter(n => n.kind === "component").length, 0, "no box open");
  const model = await page.evaluate(() => window.planPage.model);
  assert.equal(opening.filter(n => n.kind === "resource" || n.kind === "group").length, model.resources.filter(r => !r.component).length, "beside them, the stack's own resources (its provider)");
  for (const node of opening) {
    assert.ok(node.px >= 10, `${node.id} (${node.kind}): its label is ${node.px.toFixed(1)} px high on screen`);
    assert.ok(node.inView, `${node.id} (${node.kind}) in view: the whole stack at once`);
  }
  await screenshot(page, "plan-prod-hangzhou-components.png");

  // Opening one: a click on it, its panel's Open button; its box drawn with its resources, readable.
  const security = model.components.find(c => c.type === "blink:security:ClusterSecurity");
  await clickNode(page, security.id);
  const panel = page.locator("#panel");
  assert.equal(await panel.getAttribute("data-component-id"), security.id);
  const members = model.resources.filter(r => r.component === security.id);
  assert.equal(await page.locator("#expand-component").textContent(), `Open its ${members.length} resources`);
  await page.locator("#expand-component").click();
  const opened = await drawn();
  const box = opened.find(n => n.id === security.id);
  assert.equal(box.kind, "component");
  assert.ok(box.isParent);
  const inside = opened.filter(n => n.parent === security.id);
  const groups = model.groups.filter(g => g.component === security.id);
  assert.equal(inside.length, members.length - groups.reduce((n, g) => n + g.members.length, 0) + groups.length, "its resources, many of a kind as one node");
  for (const node of inside) {
    assert.ok(node.px >= 10, `${node.id}: ${node.px.toFixed(1)} px`);
    assert.ok(node.inView, `${node.id} in view`);
  }
  assert.equal(opened.filter(n => n.kind === "folded").length, components.length - 1, "the others stay folded");
  assert.equal(await page.locator("#graph").getAttribute("data-resource-nodes"), String(plan.resources.filter(r => r.custom).length));
  await screenshot(page, "plan-prod-hangzhou-opened.png");
  // Folded again from its panel; "Collapse all" returns to the page as it opened.
  await page.locator("#collapse-component").click();
  assert.equal(await page.locator("#graph").getAttribute("data-component-boxes"), "0");
  await page.locator("#expand-all").click();
  assert.equal(await page.locator("#graph").getAttribute("data-folded-components"), "0");
  await page.locator("#collapse-all").click();
  assert.deepEqual((await drawn()).map(n => [n.id, n.kind]), opening.map(n => [n.id, n.kind]));
  assert.deepEqual(errors, []);
  await page.close();
});

test("the search finds resources by name or by type and lists them", async () => {
  const { plan, html } = planPage("prod-hangzhou");
  const { page } = await open(browser, html);
  await page.locator("#search").fill("SecurityGroupRule");
  const byType = plan.resources.filter(r => r.custom && r.type.toLowerCase().includes("securitygrouprule")).length;
  assert.equal(await page.locator("#search-results").getAttribute("data-count"), String(byType));
  assert.equal(await page.locator("#search-results li").count(), byType);
  await page.locator("#search").fill("blink-prod-nat");
  const byName = plan.resources.filter(r => r.custom && r.name.includes("blink-prod-nat"));
  assert.ok(byName.length >= 1);
  assert.deepEqual(await page.locator("#search-results a").evaluateAll(links => links.map(a => a.textContent.split(" ")[1])), byName.map(r => r.name));
  // A result inside a collapsed group: selecting it expands the group and opens its panel.
  await page.locator("#search").fill("blink-prod-sgr");
  await page.locator("#search-results a").first().click();
  const selected = await page.locator("#panel").getAttribute("data-resource-id");
  assert.ok(await page.evaluate(id => window.planPage.cy.getElementById(id).selected(), selected));
  await screenshot(page, "plan-search.png");
  await page.close();
});

test("a diff page colours each resource by its step and calls out replacements with the inputs that force them", async () => {
  const before = join(dir, "dev-before.json");
  assert.equal(blink("plan", "--stack", "dev", "--json", before).status, 0);
  const old = JSON.parse(readFileSync(before, "utf8"));
  // The vSwitch was planned in another block (cidrBlock forces replacement), and a rule is gone since.
  const vswitch = old.resources.find(r => r.name === "blink-dev-vsw-cn-hangzhou-h");
  vswitch.inputs.cidrBlock = "10.10.0.0/20";
  const rule = old.resources.find(r => r.type === "alicloud:ecs/securityGroupRule:SecurityGroupRule");
  old.resources.push({ ...rule, name: "blink-dev-sgr-retired" });
  writeFileSync(before, JSON.stringify(old));
  const html = join(dir, "dev-diff.html");
  const run = blink("diff", "--stack", "dev", "--against", before, "--html", html);
  assert.equal(run.status, 2, run.stderr);

  const { page, errors } = await open(browser, html);
  assert.deepEqual(errors, []);
  assert.equal(await page.locator("body").getAttribute("data-mode"), "diff");
  const model = await page.evaluate(() => window.planPage.model);
  const replaced = model.resources.find(r => r.name === "blink-dev-vsw-cn-hangzhou-h");
  assert.equal(replaced.step, "replace");
  assert.deepEqual(replaced.replaceReasons, ["cidrBlock"]);
  // Called out beside the graph with the input that forces it.
  const callout = page.locator(`#replacements li[data-resource-id=${replaced.id}]`);
  assert.match(await callout.textContent(), /Switch blink-dev-vsw-cn-hangzhou-h forced by cidrBlock/);
  await callout.locator("a").click();
  const panel = page.locator("#panel");
  assert.equal(await panel.locator("[data-field=step]").getAttribute("data-step"), "replace");
  assert.match(await panel.locator("[data-field=replace-reasons]").textContent(), /forced by cidrBlock/);
  assert.match(await panel.locator("[data-field=changes] li[data-key=cidrBlock]").textContent(), /"10\.10\.0\.0\/20" → "10\.10\.64\.0\/20" \(forces replacement\)/);
  // Its colour: the replace colour of the legend, unlike an unchanged resource's.
  const colours = await page.evaluate(id => {
    const { cy } = window.planPage;
    const swatch = step => getComputedStyle(document.querySelector(`[data-legend=${step}] i`)).backgroundColor;
    const same = cy.nodes("[kind = 'resource'][step = 'same']").first();
    return { replaced: cy.getElementById(id).style("background-color"), replace: swatch("replace"), same: same.style("background-color"), sameSwatch: swatch("same") };
  }, replaced.id);
  assert.equal(colours.replaced.replace(/ /g, ""), "rgb(214,39,40)", JSON.stringify(colours));
  assert.equal(colours.replace.replace(/ /g, ""), colours.replaced.replace(/ /g, ""));
  assert.equal(colours.same.replace(/ /g, ""), colours.sameSwatch.replace(/ /g, ""));
  assert.notEqual(colours.replaced, colours.same);
  // The rule that is gone is drawn as deleted.
  const deleted = model.resources.find(r => r.name === "blink-dev-sgr-retired");
  assert.equal(deleted.step, "delete");
  assert.equal(await page.locator("#graph").getAttribute("data-resource-nodes"), String(model.resources.length));
  await screenshot(page, "diff-dev.png");
  await page.close();
});

test("policy findings are marked on their resources, mandatory and advisory apart, with the report beside the graph", async () => {
  // The GPU example without its RRSA-capable image: HA metadata unreadable (mandatory); the same as advisory by the stack's levels.
  const yaml = readFileSync(join(REPOSITORY, "stacks", "Pulumi.gpu-shanghai.yaml"), "utf8")
    .replace("    image: registry-vpc.cn-shanghai.aliyuncs.com/blink-infra/flink:1.20.1-rrsa\n", "");
  const stackDir = join(dir, "stacks");
  mkdirSync(stackDir, { recursive: true });
  const mandatoryStack = join(stackDir, "Pulumi.gpu-shanghai.yaml");
  writeFileSync(mandatoryStack, yaml);
  const advisoryStack = join(stackDir, "Pulumi.gpu-advisory.yaml");
  writeFileSync(advisoryStack, yaml + "  blink-infra:policy:\n    levels:\n      ha-metadata-readable-through-rrsa: advisory\n");

  for (const [file, level] of [[mandatoryStack, "mandatory"], [advisoryStack, "advisory"]]) {
    const html = join(dir, `findings-${level}.html`);
    const run = blink("check", "--config", file, "--html", html);
    assert.equal(run.status, level === "mandatory" ? 1 : 0, run.stdout + run.stderr);
    const { page } = await open(browser, html);
    const other = level === "mandatory" ? "advisory" : "mandatory";
    assert.equal(await page.locator(`#report li[data-level=${other}]`).filter({ hasText: "ha-metadata-readable-through-rrsa" }).count(), 0);
    const finding = page.locator(`#report li[data-level=${level}]`).filter({ hasText: "ha-metadata-readable-through-rrsa" }).filter({ hasText: "blink-gpu-flink-cpu" });
    assert.equal(await finding.count(), 1);
    const id = await finding.getAttribute("data-resource-id");
    const model = await page.evaluate(() => window.planPage.model);
    assert.equal(model.resources.find(r => r.id === id).name, "blink-gpu-flink-cpu");
    // Marked on its folded component as the page opens, then on its own node once shown.
    const component = model.resources.find(r => r.id === id).component;
    assert.equal(await page.evaluate(([c, l]) => window.planPage.cy.getElementById(c).hasClass(`finding-${l}`), [component, level]), true);
    await finding.locator("a").click();
    const marks = await page.evaluate(nodeId => {
      const node = window.planPage.cy.getElementById(nodeId);
      return { mandatory: node.hasClass("finding-mandatory"), advisory: node.hasClass("finding-advisory"), border: node.style("border-style") };
    }, id);
    assert.equal(marks[level], true);
    assert.equal(marks[other], false);
    assert.equal(marks.border, level === "mandatory" ? "solid" : "dashed");
    assert.equal(await page.locator(`#panel [data-field=findings] li[data-level=${level}]`).count(), 1);
    await screenshot(page, `findings-${level}.png`);
    await page.close();
  }
});

test("the first frame is drawn without cytoscape's texture caches, which are back once it is drawn", async () => {
  const { html } = planPage("dev");
  const { page, errors } = await open(browser, html);
  const caches = await page.evaluate(() => {
    const data = window.planPage.cy.renderer().data;
    const elementCaches = [data.eleTxrCache, data.lblTxrCache, data.slbTxrCache, data.tlbTxrCache];
    return {
      // The hooks the page switches off exist in this cytoscape (a new version may rename them).
      found: window.planPage.directFirstFrame,
      // Switched back on: no own replacement left over the caches' methods.
      overridden: elementCaches.some(c => Object.hasOwn(c, "getElement")) || Object.hasOwn(data.lyrTxrCache, "getLayers"),
    };
  });
  assert.deepEqual(caches, { found: true, overridden: false });
  assert.deepEqual(errors, []);
  await page.close();
});

test("the first frame is a still picture of the same graph, which cytoscape's replaces once drawn", async () => {
  const { html } = planPage("prod-hangzhou");
  const { page, errors } = await open(browser, html);
  const seen = await page.evaluate(() => ({
    picture: window.planPage.pictureDrawn,
    before: window.planPage.firstFrameMs < window.planPage.renderMs,
    left: document.querySelectorAll("#graph svg.plan-picture").length,
  }));
  const graph = await page.locator("#graph").evaluate(g => ({ ...g.dataset }));
  assert.deepEqual(seen, {
    picture: {
      nodes: Number(graph.visibleResourceNodes) + Number(graph.groupNodes) + Number(graph.foldedComponents),
      boxes: Number(graph.componentBoxes),
      edges: Number(graph.edges),
    },
    before: true,
    left: 0,
  });
  assert.deepEqual(errors, []);
  await page.close();
});
