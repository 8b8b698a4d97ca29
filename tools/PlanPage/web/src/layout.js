// A layered left-to-right layout in linear time, nested by component: inside each box (and at the top)
// the children are ranked by the longest path of the dependencies between them (lifted to the child
// that holds each end), one column per rank, what is needed left of what needs it. A column taller than
// COLUMN_MAX nodes wraps into several, so a thousand node pools make a grid, not a line a mile long.
// dagre's compound layout took tens of seconds on a thousand nodes; this takes milliseconds.
export const NODE = { width: 160, height: 40, group: 46 };
// A folded component: one node standing for its whole box, larger, its label larger, so the page can open on
// the components with labels a person reads.
export const FOLDED = { width: 210, height: 66 };

/**
 * The size of a leaf node of a kind: a resource, a group of many of a kind, or a folded component; a large
 * one (a folded component, or a resource of the stack's own, drawn beside the components) as a folded one.
 */
export function sizeOf(kind, large = false) {
  if (kind === "folded" || large) return FOLDED;
  return { width: NODE.width, height: kind === "group" ? NODE.group : NODE.height };
}
const GAP = { rank: 44, node: 10, wrap: 16 };
export const PAD = { side: 16, top: 30 };
export const COLUMN_MAX = 12;

/** Positions (centres) of every leaf node of a cytoscape graph whose compound nodes are the component boxes. */
export function layered(cy) {
  const parentOf = new Map();
  const childrenOf = new Map([[null, []]]);
  cy.nodes().forEach(node => {
    const parent = node.data("parent") || null;
    parentOf.set(node.id(), parent);
    if (!childrenOf.has(parent)) childrenOf.set(parent, []);
    childrenOf.get(parent).push(node);
  });
  // Each node's chain up to the top: [itself, its box, its box's box, ..., null].
  const chains = new Map();
  const chainOf = id => {
    if (chains.has(id)) return chains.get(id);
    const chain = [id];
    for (let p = parentOf.get(id); p; p = parentOf.get(p)) chain.push(p);
    chain.push(null);
    chains.set(id, chain);
    return chain;
  };
  const edges = cy.edges().map(e => [e.data("source"), e.data("target")]);
  const sizes = new Map();
  const offsets = new Map();

  // Lays out a container's children relative to its top left; returns its content's size.
  function box(container) {
    const children = childrenOf.get(container) || [];
    const ids = children.map(c => c.id());
    const index = new Map(ids.map((id, i) => [id, i]));
    for (const child of children) {
      if (childrenOf.has(child.id())) {
        const content = box(child.id());
        sizes.set(child.id(), { width: content.width + 2 * PAD.side, height: content.height + PAD.top + PAD.side });
      } else {
        sizes.set(child.id(), sizeOf(child.data("kind"), child.data("large")));
      }
    }
    // Dependencies between this container's children.
    const out = ids.map(() => new Set());
    const indegree = ids.map(() => 0);
    const holder = id => { const chain = chainOf(id); const at = chain.indexOf(container); return at > 0 ? index.get(chain[at - 1]) : undefined; };
    for (const [source, target] of edges) {
      const from = holder(source), to = holder(target);
      if (from === undefined || to === undefined || from === to || out[from].has(to)) continue;
      out[from].add(to);
      indegree[to]++;
    }
    // Longest path ranks (Kahn); what a cycle leaves unranked goes after the rest.
    const rank = ids.map(() => 0);
    const queue = ids.map((_, i) => i).filter(i => indegree[i] === 0);
    const done = new Array(ids.length).fill(false);
    for (let q = 0; q < queue.length; q++) {
      const i = queue[q];
      done[i] = true;
      for (const j of out[i]) {
        rank[j] = Math.max(rank[j], rank[i] + 1);
        if (--indegree[j] === 0) queue.push(j);
      }
    }
    const top = Math.max(0, ...rank);
    ids.forEach((_, i) => { if (!done[i]) rank[i] = top + 1; });

    // Columns: one per rank, wrapped at COLUMN_MAX; placed left to right, centred on the tallest.
    const ranks = [];
    ids.forEach((_, i) => (ranks[rank[i]] ||= []).push(i));
    const columns = [];
    for (const members of ranks.filter(Boolean)) {
      for (let k = 0; k < members.length; k += COLUMN_MAX) columns.push({ members: members.slice(k, k + COLUMN_MAX), wrapped: k > 0 });
    }
    let x = 0;
    let height = 0;
    for (const column of columns) {
      column.width = Math.max(...column.members.map(i => sizes.get(ids[i]).width));
      column.height = column.members.reduce((h, i) => h + sizes.get(ids[i]).height, 0) + GAP.node * (column.members.length - 1);
      if (column.x === undefined) {
        x += column.wrapped ? GAP.wrap - GAP.rank : 0;
        column.x = x;
        x += column.width + GAP.rank;
      }
      height = Math.max(height, column.height);
    }
    for (const column of columns) {
      let y = (height - column.height) / 2;
      for (const i of column.members) {
        const size = sizes.get(ids[i]);
        offsets.set(ids[i], { x: column.x + (column.width - size.width) / 2, y });
        y += size.height + GAP.node;
      }
    }
    return { width: Math.max(0, x - GAP.rank), height };
  }

  box(null);
  // Absolute centres of the leaves: each offset is relative to its box's content.
  const positions = new Map();
  const origin = new Map([[null, { x: 0, y: 0 }]]);
  const originOf = id => {
    if (origin.has(id)) return origin.get(id);
    const parent = originOf(parentOf.get(id));
    const at = offsets.get(id);
    const o = { x: parent.x + at.x + PAD.side, y: parent.y + at.y + PAD.top };
    origin.set(id, o);
    return o;
  };
  cy.nodes().forEach(node => {
    if (childrenOf.has(node.id())) return;
    const parent = originOf(parentOf.get(node.id()));
    const at = offsets.get(node.id());
    const size = sizes.get(node.id());
    positions.set(node.id(), { x: parent.x + at.x + size.width / 2, y: parent.y + at.y + size.height / 2 });
  });
  return positions;
}

/**
 * The view of an element list (cytoscape's JSON form: { group, data }) that layered() reads, so the
 * page can lay out and draw its first picture before cytoscape exists.
 */
export function graphOf(list) {
  const view = element => ({ id: () => element.data.id, data: key => element.data[key] });
  const nodes = list.filter(e => e.group === "nodes").map(view);
  const edges = list.filter(e => e.group === "edges").map(view);
  return { nodes: () => nodes, edges: () => edges };
}
