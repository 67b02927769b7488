// The synthetic program behind a generated profile: functions, call sites and
// allocation sites wired into a call graph whose random walks become stacks.
//
// Shape: runtime.goexit -> goroutine entries (hand-written chains through
// net/http, grpc, ... or app workers) -> an application band of `levels`
// layers (each call goes 1..3 layers deeper, preferring a few popular callees
// per layer, so shared helpers get many callers) -> library chains (bytes,
// encoding/json, protobuf, ...) that end in allocation sites.
import { ENTRY_CHAINS, LIBRARY_CHAINS, RUNTIME_STACKS, libraryFile, parseChain } from './golibs.js';
import { makeAppNamer } from './names.js';

const GOEXIT = { name: 'runtime.goexit', file: '/usr/local/go/src/runtime/asm_amd64.s', line: 1594 };

/** Builds the graph for about `appFunctions` application functions spread over `levels` layers. */
export function buildCallGraph(rnd, { appFunctions, levels = 32 }) {
  const funcs = [];
  const sites = [];
  const byName = new Map();

  function addFunc(name, file, kind) {
    const f = { idx: funcs.length, name, file, kind, alloc: false, edges: [], allocSites: [], self: -1, pkg: null };
    funcs.push(f);
    byName.set(name, f);
    return f;
  }
  // A site is one code location: `fn` is the real (outermost) function,
  // `inline` the [helper, lineOffset] frames inlined at that spot, innermost first.
  function addSite(fn, inline = null) {
    const s = { idx: sites.length, fn: fn.idx, line: 0, inline, addr: 0, hot: 0, size: 0 };
    sites.push(s);
    return s;
  }
  function addEdge(from, to, site) {
    from.edges.push({ callee: to.idx, site: site.idx });
  }

  // --- hand-written chains (entries and libraries) ---
  const chainSite = new Map(); // chain functions call everything from one spot
  const siteOf = (f) => chainSite.get(f) ?? chainSite.set(f, addSite(f)).get(f);
  const appCallers = [];
  const entries = [];
  const libHeads = [];
  function loadChains(chains, isLibrary) {
    for (const chain of chains) {
      const steps = parseChain(chain);
      let prev = null;
      steps.forEach((step, i) => {
        if (step.app) {
          appCallers.push(prev);
          return;
        }
        let f = byName.get(step.name);
        if (!f) {
          if (!step.file) throw new Error(`no file for ${step.name}`);
          f = addFunc(step.name, libraryFile(step.name, step.file), 'lib');
        }
        if (step.alloc) f.alloc = true;
        if (step.entry && !entries.includes(f)) entries.push(f);
        if (isLibrary && i === 0 && !libHeads.includes(f)) libHeads.push(f);
        if (prev && !prev.edges.some((e) => e.callee === f.idx)) addEdge(prev, f, siteOf(prev));
        prev = f;
      });
    }
  }
  loadChains(ENTRY_CHAINS, false);
  loadChains(LIBRARY_CHAINS, true);
  // Servers first: they run many goroutines; runtime.main and helpers are few.
  const order = ['net/http.(*conn).serve', 'google.golang.org/grpc.(*Server).serveStreams.func1.2', 'time.goFunc', 'runtime.main'];
  const rank = (f) => (order.includes(f.name) ? order.indexOf(f.name) : order.length);
  entries.sort((x, y) => rank(x) - rank(y));

  // --- application band ---
  const namer = makeAppNamer(rnd);
  const layers = Array.from({ length: levels + 1 }, () => []);
  const { pkg: mainPkg, fixed } = namer.mainPackage();
  mainPkg.helpers = [];
  const pkgs = [mainPkg];
  fixed.forEach((fn, i) => {
    const f = addFunc(fn.name, fn.file, 'app');
    f.pkg = mainPkg;
    layers[1 + (i % 3)].push(f);
  });
  const nWorkers = Math.max(3, Math.round(appFunctions / 300));
  let pkg = null;
  for (let n = 0; n < appFunctions; n++) {
    if (!pkg || pkg.used.size >= pkg.target) {
      pkg = namer.newPackage();
      pkg.target = rnd.int(8, 45);
      pkg.helpers = [];
      pkgs.push(pkg);
    }
    const fn = namer.nextFunction(pkg);
    const f = addFunc(fn.name, fn.file, 'app');
    f.pkg = pkg;
    const worker = n % Math.floor(appFunctions / nWorkers) === 0;
    const level = worker ? 0 : 1 + ((n * 7919) % levels); // spread packages over layers
    layers[level].push(f);
    if (level === 0) entries.splice(2, 0, f); // after net/http and grpc in popularity
  }
  for (const p of pkgs) {
    const nHelpers = rnd.int(1, 3);
    for (let i = 0; i < nHelpers; i++) {
      const h = namer.inlineHelper(p);
      p.helpers.push(addFunc(h.name, h.file, 'inline'));
    }
  }
  const inlineFor = (f) => {
    if (!f.pkg || !rnd.chance(0.12)) return null;
    // One or two distinct helpers: a function is never inlined into itself.
    const first = rnd.pick(f.pkg.helpers);
    const frames = [[first.idx, rnd.int(1, 6)]];
    const second = rnd.pick(f.pkg.helpers);
    if (second !== first && rnd.chance(0.5)) frames.unshift([second.idx, rnd.int(1, 6)]);
    return frames;
  };

  const step = () => {
    const r = rnd.next();
    return r < 0.85 ? 1 : r < 0.97 ? 2 : 3;
  };
  for (let level = 0; level <= levels; level++) {
    for (const f of layers[level]) {
      const want = 2 + rnd.zipf(10, 0.8);
      const pLib = 0.005 + (0.05 * level) / levels;
      if (level >= 2 && rnd.chance(0.015)) {
        const s = addSite(f, inlineFor(f));
        f.self = f.edges.length;
        addEdge(f, f, s); // recursion: the walker takes it repeatedly
      }
      for (let k = 0; k < want; k++) {
        let callee;
        if (level === levels || (level > 0 && rnd.chance(pLib))) {
          callee = libHeads[rnd.zipf(libHeads.length, 0.9)];
        } else {
          // Half the calls go to a layer's popular functions (shared helpers
          // with many callers), half anywhere, so most functions are reachable.
          const layer = layers[Math.min(levels, level + step())];
          callee = layer[rnd.chance(0.5) ? rnd.zipf(layer.length, 0.9) : rnd.int(0, layer.length - 1)];
        }
        if (f.edges.some((e) => e.callee === callee.idx)) continue;
        addEdge(f, callee, addSite(f, inlineFor(f)));
      }
      if (level === levels || (level >= 2 && rnd.chance(0.4))) f.alloc = true;
    }
  }
  // Entry chains reach the band's first layers through one call site each.
  for (const caller of appCallers) {
    const site = siteOf(caller);
    caller.fanout = true; // picks callees uniformly (one dispatch site, many targets)
    const n = Math.min(layers[1].length, caller.name === 'main.main' ? 4 : 20 + rnd.int(0, 40));
    for (let k = 0; k < n; k++) {
      const callee = layers[1][rnd.chance(0.5) ? rnd.zipf(layers[1].length, 0.8) : rnd.int(0, layers[1].length - 1)];
      if (!caller.edges.some((e) => e.callee === callee.idx)) addEdge(caller, callee, site);
    }
  }

  // --- allocation sites, each with a hotness and a typical block size ---
  for (const f of funcs) {
    if (f.edges.length === 0 && f.kind !== 'inline') f.alloc = true; // chain ends allocate
    if (!f.alloc) continue;
    const n = f.kind === 'app' ? rnd.int(1, 4) : 1;
    for (let i = 0; i < n; i++) f.allocSites.push(addSite(f, f.kind === 'app' ? inlineFor(f) : null).idx);
  }
  const goexit = addFunc(GOEXIT.name, GOEXIT.file, 'runtime');
  const goexitSite = addSite(goexit);
  const runtimeStacks = RUNTIME_STACKS.map((stack) =>
    stack.map((spec) => {
      const [name, file] = spec.split('@');
      const f = byName.get(name) ?? addFunc(name, libraryFile(name, file), 'runtime');
      return addSite(f).idx;
    }),
  );
  return finish({ funcs, sites, entries, goexitSite: goexitSite.idx, runtimeStacks }, rnd);
}

const SIZE_CLASSES = [
  16, 32, 48, 64, 24, 80, 96, 128, 112, 144, 192, 256, 8, 176, 208, 288, 320, 384, 512, 416, 576, 640, 768, 896, 1024, 1152, 1280, 1536,
  2048, 2688, 3072, 4096, 5376, 6144, 8192, 9472, 10240, 12288, 16384, 20480, 24576, 32768, 40960, 65536, 139264, 262144, 1048576, 4194304,
];

// Second pass: source lines and addresses, laid out function by function the
// way a linker would, plus how far each function is from an allocation.
function finish(graph, rnd) {
  const { funcs, sites } = graph;
  const byFn = funcs.map(() => []);
  for (const s of sites) byFn[s.fn].push(s);
  const fileCursor = new Map();
  let pc = 0x401000;
  for (const f of funcs) {
    const isGoexit = f.name === GOEXIT.name;
    let line = isGoexit ? GOEXIT.line - 1 : (fileCursor.get(f.file) ?? rnd.int(20, 120)) + rnd.int(3, 40);
    f.startLine = line;
    let addr = pc + 0x10;
    for (const s of byFn[f.idx]) {
      line += isGoexit ? 1 : rnd.int(1, 9);
      s.line = line;
      addr += 0x10 + rnd.int(0, 0x3f);
      s.addr = addr;
    }
    fileCursor.set(f.file, line + rnd.int(2, 12));
    pc = (addr + 0x60) & ~0x1f;
    f.sites = byFn[f.idx].map((s) => s.idx);
  }
  for (const s of sites) {
    if (s.inline) s.inline = s.inline.map(([fi, off]) => [fi, funcs[fi].startLine + off]);
    s.hot = Math.min(400, rnd.pareto(0.9));
    s.size = SIZE_CLASSES[rnd.zipf(SIZE_CLASSES.length, 0.6)];
  }
  graph.textEnd = pc;
  graph.dist = allocDistances(funcs);
  // A walkable function that cannot reach an allocation would loop forever.
  const stuck = funcs.find((f) => (f.kind === 'app' || f.kind === 'lib') && graph.dist[f.idx] === Infinity);
  if (stuck) throw new Error(`call graph: ${stuck.name} reaches no allocation site`);
  return graph;
}

// Fewest calls from each function to one that allocates (Bellman-Ford style
// relaxation; the graph is small and nearly acyclic, so few rounds are needed).
function allocDistances(funcs) {
  const dist = funcs.map((f) => (f.alloc ? 0 : Infinity));
  for (let changed = true; changed;) {
    changed = false;
    for (const f of funcs) {
      for (const e of f.edges) {
        if (dist[e.callee] + 1 < dist[f.idx]) {
          dist[f.idx] = dist[e.callee] + 1;
          changed = true;
        }
      }
    }
  }
  return dist;
}
