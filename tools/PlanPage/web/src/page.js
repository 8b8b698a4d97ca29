// The plan page: the model the C# program embeds (<script id="plan-data" type="application/json">) drawn
// as a graph (cytoscape, laid out left to right by layout.js), with a panel for the selected resource, the
// policy report, the diff's replacements and a search. It opens on the components, each folded into one
// node with a label a person reads, the dependencies between them; the reader opens one (or all) to see
// its resources. Stable ids and data-* attributes are what the browser tests (test/page.test.js) read.
import cytoscape from "cytoscape";
import { graphOf, layered, sizeOf, PAD } from "./layout.js";

// Plan mode colours a resource by its provider (as the Mermaid graph does), diff mode by its step.
export const PROVIDER_COLOURS = { alicloud: "#ff6a00", kubernetes: "#326ce5", pulumi: "#8a3391" };
export const STEP_COLOURS = {
  same: "#b9bec6",
  create: "#2ca02c",
  update: "#e8a317",
  replace: "#d62728",
  delete: "#6b2b2b",
  "delete-replaced": "#6b2b2b",
};

// Label sizes (px at zoom 1): a resource's and a folded component's. The page opens no smaller than
// READABLE px on screen, and an opened component's resources are shown no smaller either.
export const FONT = { resource: 10, folded: 14, box: 11 };
export const READABLE = 11;
const FOLDED_COLOUR = "#3c4043";
// The order ops are counted in, costliest first (as the model counts a group's).
const STEP_ORDER = ["delete", "delete-replaced", "replace", "update", "create", "same"];

function providerOf(type) {
  const pkg = type.split(":")[0];
  return PROVIDER_COLOURS[pkg] ? pkg : "pulumi";
}

function shortType(type) {
  if (type.startsWith("pulumi:providers:")) return "provider " + type.slice("pulumi:providers:".length);
  return type.slice(type.lastIndexOf(":") + 1);
}

/** A finding's code (BLINK2xxx, which `./blink explain` explains) and a space, as the CLI prints it before the policy. */
function codeOf(finding) {
  return finding.code ? `${finding.code} ` : "";
}

function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) {
    if (value === undefined || value === null) continue;
    if (key === "class") node.className = value;
    else if (key === "text") node.textContent = value;
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value);
  }
  for (const child of children) if (child !== null && child !== undefined) node.append(child);
  return node;
}

const SVG = "http://www.w3.org/2000/svg";
function svg(tag, attributes = {}, text) {
  const node = document.createElementNS(SVG, tag);
  for (const [key, value] of Object.entries(attributes)) if (value !== undefined && value !== null) node.setAttribute(key, String(value));
  if (text !== undefined) node.textContent = text;
  return node;
}

/**
 * The page's first frame: a still picture of the graph (SVG) from the same elements and the same layout
 * as cytoscape's, drawn in tens of milliseconds while cytoscape's own first frame takes most of a second
 * (its code running for the first time). Component boxes, nodes with their colours, findings and labels,
 * edges as straight lines; cytoscape replaces it once it has drawn. Returns the picture.
 */
function drawPicture(container, list) {
  const positions = layered(graphOf(list));
  const nodes = list.filter(e => e.group === "nodes");
  const parentOf = new Map(nodes.map(n => [n.data.id, n.data.parent || null]));
  const depthOf = id => { let d = 0; for (let p = parentOf.get(id); p; p = parentOf.get(p)) d++; return d; };
  const rects = new Map();
  for (const n of nodes) {
    const at = positions.get(n.data.id);
    if (!at) continue;
    const size = sizeOf(n.data.kind, n.data.large);
    rects.set(n.data.id, { x1: at.x - size.width / 2, y1: at.y - size.height / 2, x2: at.x + size.width / 2, y2: at.y + size.height / 2 });
  }
  // Boxes from the inside out: each around its children, with the layout's padding.
  const boxes = nodes.filter(n => n.data.kind === "component").sort((a, b) => depthOf(b.data.id) - depthOf(a.data.id));
  for (const box of boxes) {
    const inside = [...rects.entries()].filter(([id]) => parentOf.get(id) === box.data.id).map(([, r]) => r);
    if (inside.length === 0) continue;
    rects.set(box.data.id, {
      x1: Math.min(...inside.map(r => r.x1)) - PAD.side, y1: Math.min(...inside.map(r => r.y1)) - PAD.top,
      x2: Math.max(...inside.map(r => r.x2)) + PAD.side, y2: Math.max(...inside.map(r => r.y2)) + PAD.side,
    });
  }
  const all = [...rects.values()];
  const padding = 40;
  const x1 = Math.min(...all.map(r => r.x1)) - padding, y1 = Math.min(...all.map(r => r.y1)) - padding;
  const x2 = Math.max(...all.map(r => r.x2)) + padding, y2 = Math.max(...all.map(r => r.y2)) + padding;
  const picture = svg("svg", { class: "plan-picture", viewBox: `${x1} ${y1} ${x2 - x1} ${y2 - y1}`, preserveAspectRatio: "xMidYMid meet",
    style: "position:absolute;inset:0;width:100%;height:100%;font-family:sans-serif" });
  const defs = svg("defs");
  const marker = svg("marker", { id: "plan-picture-arrow", viewBox: "0 0 10 10", refX: 10, refY: 5, markerWidth: 5, markerHeight: 5, orient: "auto" });
  marker.append(svg("path", { d: "M0,0 L10,5 L0,10 z", fill: "#9aa0a6" }));
  defs.append(marker);
  picture.append(defs);
  for (const box of [...boxes].reverse()) {
    const r = rects.get(box.data.id);
    if (!r) continue;
    picture.append(svg("rect", { class: "box", x: r.x1, y: r.y1, width: r.x2 - r.x1, height: r.y2 - r.y1, rx: 6, fill: "#f4f5f7", stroke: "#8a8f98" }),
      svg("text", { x: (r.x1 + r.x2) / 2, y: r.y1 + 16, "text-anchor": "middle", "font-size": FONT.box, "font-weight": "bold", fill: "#222" }, box.data.label));
  }
  for (const e of list) {
    if (e.group !== "edges") continue;
    const from = rects.get(e.data.source), to = rects.get(e.data.target);
    if (!from || !to) continue;
    const forward = from.x2 <= to.x1;
    picture.append(svg("line", {
      x1: forward ? from.x2 : (from.x1 + from.x2) / 2, y1: (from.y1 + from.y2) / 2,
      x2: forward ? to.x1 : (to.x1 + to.x2) / 2, y2: (to.y1 + to.y2) / 2,
      stroke: "#9aa0a6", "stroke-width": 1, "marker-end": "url(#plan-picture-arrow)",
    }));
  }
  for (const n of nodes) {
    if (n.data.kind === "component") continue;
    const r = rects.get(n.data.id);
    if (!r) continue;
    const classes = (n.classes || "").split(" ");
    const finding = classes.includes("finding-mandatory") ? { stroke: "#b00020", width: 6 } : classes.includes("finding-advisory") ? { stroke: "#f0b400", width: 4, dash: "6 3" } : null;
    picture.append(svg("rect", { class: "node", x: r.x1, y: r.y1, width: r.x2 - r.x1, height: r.y2 - r.y1, rx: 6, fill: n.data.colour,
      stroke: finding ? finding.stroke : "#333", "stroke-width": finding ? finding.width : n.data.kind === "group" ? 3 : 1, "stroke-dasharray": finding ? finding.dash : undefined }));
    // A group hiding several ops: a band per op across its width, as cytoscape's slices show them.
    let from = r.x1;
    for (const slice of (n.data.slices || []).length > 1 ? n.data.slices : []) {
      const width = (r.x2 - r.x1) * slice.share;
      picture.append(svg("rect", { class: "slice", "data-step": slice.op, x: from, y: r.y2 - 8, width, height: 6, fill: slice.colour }));
      from += width;
    }
    const lines = String(n.data.label).split("\n");
    const font = n.data.kind === "folded" || n.data.large ? FONT.folded : FONT.resource;
    const text = svg("text", { x: (r.x1 + r.x2) / 2, y: (r.y1 + r.y2) / 2 - (lines.length - 1) * font * 0.6 + font * 0.35, "text-anchor": "middle", "font-size": font, fill: "#fff" });
    lines.forEach((line, i) => text.append(svg("tspan", { x: (r.x1 + r.x2) / 2, dy: i === 0 ? 0 : font * 1.2 }, line)));
    picture.append(text);
  }
  container.append(picture);
  return picture;
}

async function start() {
  performance.mark("plan-page:start");
  const model = JSON.parse(document.getElementById("plan-data").textContent);
  const resources = new Map(model.resources.map(r => [r.id, r]));
  const components = new Map(model.components.map(c => [c.id, c]));
  const groupOf = new Map();
  for (const group of model.groups) for (const member of group.members) groupOf.set(member, group);
  const expanded = new Set();
  // The components opened by the reader: every other one is folded into one node (the page opens on them all folded).
  const open = new Set();
  const componentParent = new Map(model.components.map(c => [c.id, c.parent || null]));
  // The outermost folded component holding a component (itself included), from the top; null when all are open.
  const foldedHolder = componentId => {
    const chain = [];
    for (let c = componentId; c; c = componentParent.get(c)) chain.push(c);
    for (let i = chain.length - 1; i >= 0; i--) if (!open.has(chain[i])) return chain[i];
    return null;
  };
  // Each component's resources, its nested components' included.
  const membersOf = new Map(model.components.map(c => [c.id, []]));
  for (const resource of model.resources) for (let c = resource.component; c; c = componentParent.get(c)) membersOf.get(c).push(resource.id);
  const findingsOf = new Map();
  for (const finding of model.findings) {
    if (!finding.resource) continue;
    if (!findingsOf.has(finding.resource)) findingsOf.set(finding.resource, []);
    findingsOf.get(finding.resource).push(finding);
  }
  const worstLevel = ids => {
    const levels = ids.flatMap(id => (findingsOf.get(id) || []).map(f => f.level));
    return levels.includes("mandatory") ? "mandatory" : levels.includes("advisory") ? "advisory" : null;
  };

  // The node that shows a resource now: its folded component's, its collapsed group's, or its own.
  const visibleIdOf = id => {
    const resource = resources.get(id);
    const folded = resource && foldedHolder(resource.component);
    if (folded) return folded;
    const group = groupOf.get(id);
    return group && !expanded.has(group.id) ? group.id : id;
  };
  // How many of each op some resources take, costliest first: [[op, n], ...].
  const stepCounts = ids => {
    const counts = new Map();
    for (const id of ids) { const op = resources.get(id).step || "same"; counts.set(op, (counts.get(op) || 0) + 1); }
    return [...counts.entries()].sort((a, b) => STEP_ORDER.indexOf(a[0]) - STEP_ORDER.indexOf(b[0]));
  };

  function elements() {
    const nodes = [];
    for (const component of model.components) {
      // Inside a folded component: drawn by it.
      if (component.parent && foldedHolder(component.parent)) continue;
      if (open.has(component.id)) {
        nodes.push({ group: "nodes", data: { id: component.id, kind: "component", parent: component.parent || undefined, label: `${shortType(component.type)} ${component.name}` } });
        continue;
      }
      // Folded: one node for the whole box, its resources counted, in a diff every op they take (as a group shows them).
      const members = membersOf.get(component.id);
      const counts = model.mode === "diff" ? stepCounts(members) : [];
      const slices = counts.map(([op, n]) => ({ op, colour: STEP_COLOURS[op], share: n / Math.max(1, members.length) }));
      const level = worstLevel(members);
      nodes.push({
        group: "nodes",
        classes: ["folded", level && `finding-${level}`, slices.length > 1 && "mixed"].filter(Boolean).join(" "),
        data: {
          id: component.id, kind: "folded", parent: component.parent || undefined, count: members.length,
          label: `${shortType(component.type)} ${component.name}\n${model.mode === "diff" && counts.length > 0 ? counts.map(([op, n]) => `${n} ${op}`).join(" · ") : `${members.length} resource${members.length === 1 ? "" : "s"} (click to open)`}`,
          colour: model.mode === "diff" ? STEP_COLOURS[counts.length > 0 ? counts[0][0] : "same"] : FOLDED_COLOUR,
          step: counts.length > 0 ? counts[0][0] : undefined,
          slices,
          ...Object.fromEntries(slices.slice(0, 8).flatMap((sl, i) => [[`pie${i + 1}Colour`, sl.colour], [`pie${i + 1}Size`, 100 * sl.share]])),
        },
      });
    }
    for (const group of model.groups) {
      if (expanded.has(group.id) || (group.component && foldedHolder(group.component))) continue;
      // In a diff a group shows every op it hides (the model counts them, costliest first): named in its
      // label, and drawn as slices of its colour, one per op, so one replaced rule among 30 is not lost.
      const counts = Object.entries(group.steps || {});
      const step = counts.length > 0 ? counts[0][0] : undefined;
      const slices = model.mode === "diff" ? counts.map(([op, n]) => ({ op, colour: STEP_COLOURS[op], share: n / group.members.length })) : [];
      nodes.push({
        group: "nodes",
        classes: ["group", worstLevel(group.members) && `finding-${worstLevel(group.members)}`, slices.length > 1 && "mixed"].filter(Boolean).join(" "),
        data: {
          id: group.id, kind: "group", parent: group.component || undefined, count: group.members.length, large: !group.component || undefined,
          label: `${shortType(group.type)} × ${group.members.length}\n${model.mode === "diff" ? counts.map(([op, n]) => `${n} ${op}`).join(" · ") : "(click to expand)"}`,
          colour: model.mode === "diff" ? STEP_COLOURS[step || "same"] : PROVIDER_COLOURS[providerOf(group.type)],
          step: step || undefined,
          steps: counts.map(([op, n]) => `${op}:${n}`).join(" ") || undefined,
          slices,
          ...Object.fromEntries(slices.slice(0, 8).flatMap((s, i) => [[`pie${i + 1}Colour`, s.colour], [`pie${i + 1}Size`, 100 * s.share]])),
        },
      });
    }
    for (const resource of model.resources) {
      if (visibleIdOf(resource.id) !== resource.id) continue;
      const level = worstLevel([resource.id]);
      nodes.push({
        group: "nodes",
        classes: ["resource", level && `finding-${level}`, resource.step && `step-${resource.step}`].filter(Boolean).join(" "),
        data: {
          id: resource.id, kind: "resource", parent: resource.component || undefined, large: !resource.component || undefined,
          label: `${resource.loss ? "! " : ""}${resource.step === "replace" ? "± " : ""}${shortType(resource.type)}\n${resource.name}`,
          colour: model.mode === "diff" ? STEP_COLOURS[resource.step || "same"] : PROVIDER_COLOURS[providerOf(resource.type)],
          step: resource.step || undefined,
        },
      });
    }
    const edges = [];
    const seen = new Set();
    for (const resource of model.resources) {
      const to = visibleIdOf(resource.id);
      for (const dependency of resource.dependencies) {
        const from = visibleIdOf(dependency);
        const key = `${from}>${to}`;
        if (from === to || seen.has(key)) continue;
        seen.add(key);
        edges.push({ group: "edges", data: { id: `e${edges.length}`, source: from, target: to } });
      }
    }
    return nodes.concat(edges);
  }

  // The legend, from the colours the nodes are drawn with (by step in a diff, by provider in a plan).
  const legend = document.getElementById("legend");
  const swatches = model.mode === "diff" ? Object.entries(STEP_COLOURS).filter(([step]) => step !== "delete-replaced") : Object.entries(PROVIDER_COLOURS);
  for (const [name, colour] of swatches) legend.append(el("span", { "data-legend": name }, el("i", { style: `background:${colour}` }), name));
  legend.append(el("span", {}, el("i", { style: "border:3px solid #b00020" }), "mandatory"), el("span", {}, el("i", { style: "border:3px dashed #f0b400" }), "advisory"));

  // The first frame: the still picture (see drawPicture), then cytoscape, after that frame is drawn.
  const picture = drawPicture(document.getElementById("graph"), elements());
  await new Promise(resolve => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  const firstFrameMs = performance.now();
  const pictureDrawn = { nodes: picture.querySelectorAll("rect.node").length, boxes: picture.querySelectorAll("rect.box").length, edges: picture.querySelectorAll("line").length };
  performance.mark("plan-page:picture");

  const cy = cytoscape({
    container: document.getElementById("graph"),
    // Panning and zooming a large stack moves a snapshot, not every edge.
    textureOnViewport: model.resources.length > 300,
    hideEdgesOnViewport: model.resources.length > 300,
    minZoom: 0.05,
    maxZoom: 4,
    style: [
      { selector: "node", style: { label: "data(label)", "font-size": FONT.resource, "min-zoomed-font-size": model.resources.length > 300 ? 6 : 0, "text-wrap": "wrap", "text-max-width": 150, "text-valign": "center", "text-halign": "center" } },
      { selector: "node[kind = 'resource'], node[kind = 'group']", style: { shape: "round-rectangle", width: 160, height: 40, "background-color": "data(colour)", color: "#fff", "border-width": 1, "border-color": "#333" } },
      { selector: "node[kind = 'group']", style: { "border-style": "double", "border-width": 4, height: 46 } },
      // A group that hides more than one op: a slice per op (cytoscape draws up to 16; the model counts at most 6 ops).
      { selector: "node.mixed", style: { "pie-size": "100%", ...Object.fromEntries([1, 2, 3, 4, 5, 6, 7, 8].flatMap(i => [[`pie-${i}-background-color`, `data(pie${i}Colour)`], [`pie-${i}-background-size`, `data(pie${i}Size)`]])), "text-outline-color": "#333", "text-outline-width": 1 } },
      { selector: "node[kind = 'component']", style: { shape: "round-rectangle", "background-color": "#f4f5f7", "background-opacity": 0.9, "border-color": "#8a8f98", "border-width": 1, color: "#222", "text-valign": "top", "text-halign": "center", "font-size": FONT.box, "font-weight": "bold", padding: 14 } },
      // Beside the folded components, the stack's own resources (its providers) are drawn as large as they are.
      { selector: "node[?large]", style: { width: sizeOf("folded").width, height: sizeOf("folded").height, "font-size": FONT.folded, "text-max-width": sizeOf("folded").width - 12 } },
      { selector: "node[kind = 'folded']", style: { shape: "round-rectangle", width: sizeOf("folded").width, height: sizeOf("folded").height, "background-color": "data(colour)", color: "#fff", "font-size": FONT.folded, "font-weight": "bold", "text-max-width": sizeOf("folded").width - 12, "border-width": 2, "border-color": "#202124" } },
      { selector: "node.finding-advisory", style: { "border-color": "#f0b400", "border-width": 4, "border-style": "dashed" } },
      { selector: "node.finding-mandatory", style: { "border-color": "#b00020", "border-width": 6, "border-style": "solid" } },
      { selector: "edge", style: { width: 1, "curve-style": model.resources.length > 300 ? "haystack" : "straight", "line-color": "#9aa0a6", "target-arrow-color": "#9aa0a6", "target-arrow-shape": "triangle", "arrow-scale": 0.7 } },
      { selector: "node:selected", style: { "overlay-color": "#1a73e8", "overlay-opacity": 0.25, "overlay-padding": 4 } },
      { selector: ".faded", style: { opacity: 0.2 } },
      { selector: ".match", style: { "overlay-color": "#fbbc04", "overlay-opacity": 0.35, "overlay-padding": 6 } },
    ],
    elements: [],
  });

  const graph = document.getElementById("graph");
  // The extent of laid-out leaves, each with its kind's size (and room for the boxes' padding around them).
  function extentOf(positions) {
    const e = { x1: Infinity, y1: Infinity, x2: -Infinity, y2: -Infinity };
    for (const [id, p] of positions) {
      const node = cy.getElementById(id);
      const size = sizeOf(node.data("kind"), node.data("large"));
      e.x1 = Math.min(e.x1, p.x - size.width / 2 - PAD.side); e.x2 = Math.max(e.x2, p.x + size.width / 2 + PAD.side);
      e.y1 = Math.min(e.y1, p.y - size.height / 2 - PAD.top); e.y2 = Math.max(e.y2, p.y + size.height / 2 + PAD.side);
    }
    return e;
  }
  // Fits an extent in the view; with a label size, never so small that a label of that size reads under
  // READABLE px: then the extent's top left is shown at the readable zoom, and the reader pans to the rest.
  function fitTo(e, font) {
    if (!Number.isFinite(e.x1)) return;
    const padding = 40;
    let zoom = Math.min((cy.width() - 2 * padding) / (e.x2 - e.x1), (cy.height() - 2 * padding) / (e.y2 - e.y1));
    if (font) zoom = Math.min(Math.max(zoom, READABLE / font), 1.5);
    zoom = Math.min(cy.maxZoom(), Math.max(cy.minZoom(), zoom));
    const fits = zoom * (e.x2 - e.x1) <= cy.width() - 2 * padding && zoom * (e.y2 - e.y1) <= cy.height() - 2 * padding;
    cy.viewport({
      zoom,
      pan: fits
        ? { x: (cy.width() - zoom * (e.x1 + e.x2)) / 2, y: (cy.height() - zoom * (e.y1 + e.y2)) / 2 }
        : { x: padding - zoom * e.x1, y: Math.max(padding - zoom * e.y1, (cy.height() - zoom * (e.y1 + e.y2)) / 2) },
    });
  }
  const api = { cy, model, firstFrameMs, pictureDrawn, renderMs: null, ready: false };
  window.planPage = api;

  // The page's first frame is drawn directly, without cytoscape's texture caches: filling them (a bitmap
  // per element, then layers of the whole graph) slowed that frame, and a frame drawn from empty caches
  // gains nothing from them. They come back for the frames after it, where panning and zooming reuse
  // them. Only the first: after "expand all" (1000 nodes, 4000 edges) the caches made the frame faster. (cytoscape 3.34.4's canvas renderer: each cache's getElement, and
  // the layered cache's getLayers, falling back to drawing the element when they return null.)
  const caches = (() => {
    const data = cy.renderer() && cy.renderer().data;
    const elementCaches = data ? [data.eleTxrCache, data.lblTxrCache, data.slbTxrCache, data.tlbTxrCache] : [];
    if (!data || !data.lyrTxrCache || elementCaches.some(c => !c || typeof c.getElement !== "function")) return null;
    return { layered: data.lyrTxrCache, elements: elementCaches };
  })();
  let cachesOff = false;
  function drawNextFrameDirectly() {
    if (!caches || cachesOff) return;
    cachesOff = true;
    caches.layered.getLayers = () => null;
    for (const c of caches.elements) c.getElement = () => null;
    // Back on once that frame is drawn: cytoscape draws in its own animation frame, before this one's second.
    requestAnimationFrame(() => requestAnimationFrame(() => {
      delete caches.layered.getLayers;
      for (const c of caches.elements) delete c.getElement;
      cachesOff = false;
    }));
  }
  api.directFirstFrame = caches !== null;

  // The smallest label drawn now, for the opening view's zoom: a folded component's, or a resource's once one is open.
  const smallestFont = () => cy.nodes("[kind = 'resource'][!large], [kind = 'group'][!large]").length > 0 ? FONT.resource : FONT.folded;

  // Lays the graph out again; view: "keep" the viewport, "fit" everything in it, or "open" as the page opens
  // (everything fitted, but no label under READABLE px: the top left shown when it does not fit).
  function layout(view = "fit") {
    // One batch: cytoscape restyles and redraws once, not once per element.
    const t0 = performance.now();
    let t1, t2, t3, extent;
    cy.batch(() => {
      cy.elements().remove();
      const list = elements();
      t1 = performance.now();
      cy.add(list);
      t2 = performance.now();
      const positions = layered(cy);
      t3 = performance.now();
      cy.nodes().forEach(node => { if (!node.isParent()) node.position(positions.get(node.id())); });
      extent = extentOf(positions);
    });
    api.timings = { elements: t1 - t0, add: t2 - t1, layout: t3 - t2, total: performance.now() - t0 };
    // Fitted from the layout's own extent: cytoscape's fit would measure every label and edge first.
    if (view === "fit") fitTo(extent);
    else if (view === "open") fitTo(extent, smallestFont());
    const shown = cy.nodes("[kind = 'resource']").length;
    const inGroups = cy.nodes("[kind = 'group']").map(n => n.data("count")).reduce((a, b) => a + b, 0);
    const inFolded = cy.nodes("[kind = 'folded']").map(n => n.data("count")).reduce((a, b) => a + b, 0);
    graph.dataset.resourceNodes = String(shown + inGroups + inFolded);
    graph.dataset.visibleResourceNodes = String(shown);
    graph.dataset.groupNodes = String(cy.nodes("[kind = 'group']").length);
    graph.dataset.componentBoxes = String(cy.nodes("[kind = 'component']").length);
    graph.dataset.foldedComponents = String(cy.nodes("[kind = 'folded']").length);
    graph.dataset.edges = String(cy.edges().length);
  }

  // Shows an opened component's box: fitted, its resources' labels no smaller than READABLE px.
  function viewBox(componentId) {
    const box = cy.getElementById(componentId);
    if (box.empty()) return;
    fitTo(box.boundingBox({ includeLabels: false }), FONT.resource);
  }

  // The side panel: what the selected resource is, its inputs (secrets arrive masked), what it needs and what needs it.
  const panel = document.getElementById("panel");
  function link(id) {
    const resource = resources.get(id);
    return el("li", {}, el("a", { href: "#", "data-resource-id": id, onclick: e => { e.preventDefault(); select(id); } }, `${shortType(resource.type)} ${resource.name}`));
  }
  function showResource(resource) {
    panel.replaceChildren();
    panel.dataset.resourceId = resource.id;
    delete panel.dataset.componentId;
    panel.append(
      el("h2", { "data-field": "name", text: resource.name }),
      el("dl", {},
        el("dt", { text: "type" }), el("dd", { "data-field": "type", text: resource.type }),
        el("dt", { text: "component" }), el("dd", { "data-field": "component", text: resource.component ? `${components.get(resource.component).type} ${components.get(resource.component).name}` : "(the stack)" }),
        resource.step ? el("dt", { text: "step" }) : null,
        resource.step ? el("dd", { "data-field": "step", "data-step": resource.step, text: resource.step }) : null,
        resource.protect ? el("dt", { text: "protected" }) : null,
        resource.protect ? el("dd", { text: "yes" }) : null),
    );
    if (resource.loss) {
      panel.append(el("p", { class: "loss-callout", "data-field": "loss" }, el("b", { text: "Lost: " }), resource.loss));
    }
    if (resource.step === "replace") {
      panel.append(el("p", { class: "replace-callout", "data-field": "replace-reasons" }, "Replaced: forced by ", el("code", { text: (resource.replaceReasons || []).join(", ") || "the state (" + (resource.cause || "see the diff") + ")" })));
    }
    if (resource.renamedFrom) {
      panel.append(el("p", { "data-field": "renamed-from" }, "Renamed from ", el("code", { text: resource.renamedFrom })));
    }
    if (resource.deleteBeforeReplace) {
      panel.append(el("p", { "data-field": "delete-before-replace" }, `Deleted before it is replaced: ${resource.deleteBeforeReplace}`));
    }
    if (resource.createOnly) {
      panel.append(el("p", { class: "no-effect", "data-field": "create-only" }, "No effect after create: ", el("code", { text: resource.createOnly.join(", ") }), " applied only when the resource is created"));
    }
    const findings = findingsOf.get(resource.id) || [];
    if (findings.length > 0) {
      panel.append(el("h3", { text: "Policy findings" }), el("ul", { "data-field": "findings" }, ...findings.map(f => el("li", { class: `level-${f.level}`, "data-level": f.level }, el("b", { text: `${f.level} ` }), `${codeOf(f)}${f.pack}/${f.policy}: ${f.message}`))));
    }
    if (resource.changes && resource.changes.length > 0) {
      panel.append(el("h3", { text: "Changes" }), el("ul", { "data-field": "changes" }, ...resource.changes.map(c =>
        el("li", { "data-key": c.key, class: c.forcesReplacement ? "forces" : "" }, el("code", { text: c.key }), `: ${JSON.stringify(c.old ?? null)} → ${c.knownAfterApply ? "[unknown]" : JSON.stringify(c.new ?? null)}${c.forcesReplacement ? " (forces replacement)" : ""}${c.createOnly ? " (no effect after create)" : ""}`))));
    }
    panel.append(
      el("h3", { text: "Inputs" }), el("pre", { "data-field": "inputs", text: JSON.stringify(resource.inputs, null, 2) }),
      el("h3", { text: `Dependencies (${resource.dependencies.length})` }), el("ul", { "data-field": "dependencies" }, ...resource.dependencies.map(link)),
      el("h3", { text: `Dependants (${resource.dependants.length})` }), el("ul", { "data-field": "dependants" }, ...resource.dependants.map(link)),
    );
    const group = groupOf.get(resource.id);
    if (group && expanded.has(group.id)) {
      panel.append(el("button", { id: "collapse-group", "data-group-id": group.id, onclick: () => collapse(group.id) }, `Collapse the ${group.members.length} ${shortType(group.type)}`));
    }
  }
  function showGroup(group) {
    panel.replaceChildren();
    panel.dataset.resourceId = "";
    delete panel.dataset.componentId;
    panel.append(...[
      el("h2", { text: `${shortType(group.type)} × ${group.members.length}` }),
      el("p", { text: group.type }),
      group.steps ? el("p", { "data-field": "group-steps" }, Object.entries(group.steps).map(([op, n]) => `${n} ${op}`).join(", ")) : null,
      el("button", { id: "expand-group", "data-group-id": group.id, onclick: () => expand(group.id) }, "Expand"),
      el("ul", { "data-field": "members" }, ...group.members.map(id => {
        const item = link(id);
        const step = resources.get(id).step;
        if (step) item.append(` (${step})`);
        return item;
      })),
    ].filter(Boolean));
  }

  // A component in the panel: what it holds, counted by type, its findings, and the button that opens (or folds) it.
  function showComponent(componentId) {
    const component = components.get(componentId);
    const members = membersOf.get(componentId);
    const byType = new Map();
    for (const id of members) { const type = shortType(resources.get(id).type); byType.set(type, (byType.get(type) || 0) + 1); }
    const findings = members.flatMap(id => findingsOf.get(id) || []);
    panel.replaceChildren();
    panel.dataset.resourceId = "";
    panel.dataset.componentId = componentId;
    panel.append(...[
      el("h2", { "data-field": "name", text: `${shortType(component.type)} ${component.name}` }),
      el("p", { "data-field": "type", text: component.type }),
      open.has(componentId)
        ? el("button", { id: "collapse-component", "data-component-id": componentId, onclick: () => fold(componentId) }, "Fold")
        : el("button", { id: "expand-component", "data-component-id": componentId, onclick: () => unfold(componentId) }, `Open its ${members.length} resource${members.length === 1 ? "" : "s"}`),
      model.mode === "diff" ? el("p", { "data-field": "component-steps", text: stepCounts(members).map(([op, n]) => `${n} ${op}`).join(", ") }) : null,
      el("h3", { text: "Resources by type" }),
      el("ul", { "data-field": "types" }, ...[...byType.entries()].map(([type, n]) => el("li", { text: `${type} × ${n}` }))),
      findings.length > 0 ? el("h3", { text: `Policy findings (${findings.length})` }) : null,
      findings.length > 0 ? el("ul", { "data-field": "findings" }, ...findings.map(f => el("li", { class: `level-${f.level}`, "data-level": f.level }, el("b", { text: `${f.level} ` }), `${codeOf(f)}${f.policy} (${f.resourceName}): ${f.message}`))) : null,
      el("h3", { text: "Resources" }),
      el("ul", { "data-field": "members" }, ...members.slice(0, 500).map(link)),
    ].filter(Boolean));
  }

  function expand(groupId) {
    if (expanded.has(groupId)) return;
    expanded.add(groupId);
    const pan = cy.pan(), zoom = cy.zoom();
    layout("keep");
    cy.viewport({ zoom, pan });
  }
  function collapse(groupId) {
    expanded.delete(groupId);
    layout("keep");
    const group = model.groups.find(g => g.id === groupId);
    showGroup(group);
  }
  // Opens a folded component (and the ones around it): its box drawn with its resources, shown readable.
  function unfold(componentId) {
    for (let c = componentId; c; c = componentParent.get(c)) open.add(c);
    layout("keep");
    viewBox(componentId);
    showComponent(componentId);
  }
  function fold(componentId) {
    open.delete(componentId);
    layout("keep");
    const node = cy.getElementById(componentId);
    if (!node.empty()) cy.center(node);
    showComponent(componentId);
  }
  // Opens every component holding a resource (or a group), so it is drawn; true when something opened.
  function reveal(id) {
    const holder = resources.get(id)?.component ?? model.groups.find(g => g.id === id)?.component;
    let opened = false;
    for (let c = holder; c; c = componentParent.get(c)) if (!open.has(c)) { open.add(c); opened = true; }
    return opened;
  }

  function select(id) {
    const resource = resources.get(id);
    if (!resource) return;
    const group = groupOf.get(id);
    const grouped = group && !expanded.has(group.id);
    if (grouped) expanded.add(group.id);
    if (reveal(id) || grouped) {
      const pan = cy.pan(), zoom = cy.zoom();
      layout("keep");
      cy.viewport({ zoom, pan });
    }
    cy.nodes(":selected").unselect();
    const node = cy.getElementById(id);
    node.select();
    cy.animate({ center: { eles: node }, zoom: Math.max(cy.zoom(), READABLE / FONT.resource) }, { duration: 0 });
    showResource(resource);
  }
  api.select = select;
  api.expand = expand;
  api.unfold = unfold;
  api.fold = fold;
  api.reveal = id => { if (reveal(id)) layout("keep"); };
  api.idOf = name => (model.resources.find(r => r.name === name) || {}).id;
  api.componentOf = id => resources.get(id)?.component ?? null;

  cy.on("tap", "node", event => {
    const node = event.target;
    const kind = node.data("kind");
    if (kind === "resource") showResource(resources.get(node.id()));
    else if (kind === "group") {
      const group = model.groups.find(g => g.id === node.id());
      showGroup(group);
    } else if (kind === "folded" || kind === "component") showComponent(node.id());
  });
  cy.on("dbltap", "node[kind = 'group']", event => expand(event.target.id()));
  cy.on("dbltap", "node[kind = 'folded']", event => unfold(event.target.id()));

  // Search by name or type: matches listed, lit on the graph, the rest faded.
  const search = document.getElementById("search");
  const results = document.getElementById("search-results");
  search.addEventListener("input", () => {
    const query = search.value.trim().toLowerCase();
    cy.elements().removeClass("faded match");
    results.replaceChildren();
    if (!query) return;
    const matches = model.resources.filter(r => r.name.toLowerCase().includes(query) || r.type.toLowerCase().includes(query));
    results.dataset.count = String(matches.length);
    const lit = new Set(matches.map(r => visibleIdOf(r.id)));
    cy.nodes("[kind != 'component']").forEach(n => n.addClass(lit.has(n.id()) ? "match" : "faded"));
    cy.edges().addClass("faded");
    results.append(...matches.slice(0, 200).map(r => link(r.id)));
  });

  // The policy report beside the graph, mandatory first.
  const report = document.getElementById("report");
  const byLevel = level => model.findings.filter(f => f.level === level);
  for (const level of ["mandatory", "advisory"]) {
    const findings = byLevel(level);
    report.append(el("h3", { class: `level-${level}`, text: `${level} (${findings.length})` }));
    report.append(el("ul", { "data-level": level }, ...findings.map(f =>
      el("li", { class: `finding level-${f.level}`, "data-level": f.level, "data-resource-id": f.resource || "" },
        el("b", { text: `${codeOf(f)}${f.pack}/${f.policy}` }), " ",
        f.resource ? el("a", { href: "#", onclick: e => { e.preventDefault(); select(f.resource); } }, `${f.resourceName}`) : "(the stack)",
        `: ${f.message}`))));
  }

  // In a diff, what is lost first (the diff's WARNING block), then every replacement with the inputs that
  // force it and every deletion, each loss marked.
  const replacements = document.getElementById("replacements");
  const deletions = document.getElementById("deletions");
  const losses = document.getElementById("losses");
  const jump = r => el("a", { href: "#", onclick: e => { e.preventDefault(); select(r.id); } }, `${shortType(r.type)} ${r.name}`);
  if (model.mode === "diff") {
    if (model.losses.length > 0) {
      losses.hidden = false;
      losses.append(el("h2", { text: `Lost (${model.losses.length})` }),
        el("ul", {}, ...model.losses.map(l => el("li", { "data-resource-id": l.resource || "", "data-step": l.step, "data-urn": l.urn },
          l.resource ? jump(resources.get(l.resource)) : `${shortType(l.type)} ${l.name}`, ` (${l.step}): ${l.message}`))));
    }
    const replaced = model.resources.filter(r => r.step === "replace");
    replacements.hidden = false;
    replacements.append(el("h2", { text: `Replacements (${replaced.length})` }),
      el("ul", {}, ...replaced.map(r => el("li", { "data-resource-id": r.id, class: r.loss ? "loss" : "" },
        jump(r), r.renamedFrom ? ` (renamed from ${r.renamedFrom})` : "",
        " forced by ", el("code", { text: (r.replaceReasons || []).join(", ") || r.cause || "the state" }),
        r.deleteBeforeReplace ? "; deleted first" : ""))));
    const deleted = model.resources.filter(r => r.step === "delete" || r.step === "delete-replaced");
    deletions.hidden = false;
    deletions.append(el("h2", { text: `Deletions (${deleted.length})` }),
      el("ul", {}, ...deleted.map(r => el("li", { "data-resource-id": r.id, class: r.loss ? "loss" : "" }, jump(r), r.step === "delete-replaced" ? " (a copy pending deletion)" : ""))));
  }

  document.getElementById("fit").addEventListener("click", () => cy.fit(undefined, 40));
  document.getElementById("expand-all").addEventListener("click", () => {
    model.components.forEach(c => open.add(c.id));
    model.groups.forEach(g => expanded.add(g.id));
    layout("fit");
  });
  // Back to the page as it opened: every component folded, every group collapsed.
  document.getElementById("collapse-all").addEventListener("click", () => { open.clear(); expanded.clear(); layout("open"); });

  performance.mark("plan-page:ui");
  drawNextFrameDirectly();
  layout("open");
  performance.mark("plan-page:laid-out");
  // Rendered: the frame after the layout has been drawn.
  requestAnimationFrame(() => requestAnimationFrame(() => {
    api.renderMs = performance.now();
    picture.remove();
    api.ready = true;
    document.body.dataset.ready = "true";
  }));
}

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
else start();
