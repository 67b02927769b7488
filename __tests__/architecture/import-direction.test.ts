import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const SRC = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'src');

/**
 * The layers, lowest first (docs/architecture.md): a file may import its own layer and those
 * below it, never one above. `session` is the file src/session.ts; any other top-level folder
 * must be listed here, so a new one is placed on purpose.
 */
const LAYERS = ['go', 'profile', 'analysis', 'format', 'commands', 'session', 'host', 'inputs', 'ui', 'cli', 'api'];

/** The layers that hold the pure core: no files, processes, threads or network there. */
const CORE = new Set(['go', 'profile', 'analysis', 'format', 'commands', 'session']);
/** Node modules that reach outside the process's memory, which the core does without. */
const OUTSIDE_MODULES = /^node:(fs|fs\/promises|child_process|worker_threads|net|http|https|os|readline|tty|dgram|process)$/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(e.name) ? [path] : [];
  });
}

/** Every module a file names: static imports and re-exports (types too), and dynamic imports. */
function importsOf(text: string): string[] {
  const found: string[] = [];
  const patterns = [
    /^\s*(?:import|export)\b[^'"]*?\bfrom\s*['"]([^'"]+)['"]/gms,
    /^\s*import\s*['"]([^'"]+)['"]/gm,
    /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g,
  ];
  for (const pattern of patterns) for (const m of text.matchAll(pattern)) found.push(m[1]);
  return found;
}

/** The layer of a path under src/ ('session' for src/session.ts). */
function layerOf(pathInSrc: string): string {
  const first = pathInSrc.split('/')[0];
  return first.replace(/\.(ts|tsx|js)$/, '');
}

interface Edge {
  from: string;
  to: string;
  file: string;
  spec: string;
}

function layerEdges(): { edges: Edge[]; nodeImports: { file: string; spec: string }[] } {
  const edges: Edge[] = [];
  const nodeImports: { file: string; spec: string }[] = [];
  for (const file of sourceFiles(SRC)) {
    const rel = relative(SRC, file).split('\\').join('/');
    for (const spec of importsOf(readFileSync(file, 'utf8'))) {
      if (!spec.startsWith('.')) {
        nodeImports.push({ file: rel, spec });
        continue;
      }
      const target = relative(SRC, normalize(join(dirname(file), spec)))
        .split('\\')
        .join('/');
      edges.push({ from: layerOf(rel), to: layerOf(target), file: rel, spec });
    }
  }
  return { edges, nodeImports };
}

const { edges, nodeImports } = layerEdges();

describe('import direction', () => {
  it('finds the imports it checks', () => {
    expect(edges.length).toBeGreaterThan(300);
    expect(edges.some((e) => e.from === 'cli' && e.to === 'session')).toBe(true);
  });

  it('knows every top-level folder of src/', () => {
    const unknown = [...new Set(edges.flatMap((e) => [e.from, e.to]))].filter((l) => !LAYERS.includes(l));
    expect(unknown).toEqual([]);
  });

  it('has no import from a lower layer into a higher one', () => {
    const upward = edges
      .filter((e) => LAYERS.indexOf(e.to) > LAYERS.indexOf(e.from))
      .map((e) => `${e.file} imports ${e.spec} (${e.from} -> ${e.to})`);
    expect(upward).toEqual([]);
  });

  it('has no cycle between layers', () => {
    const next = new Map<string, Set<string>>();
    for (const e of edges) if (e.from !== e.to) next.set(e.from, (next.get(e.from) ?? new Set()).add(e.to));
    const reach = (from: string): Set<string> => {
      const seen = new Set<string>();
      const todo = [from];
      while (todo.length > 0) for (const to of next.get(todo.pop()!) ?? []) if (!seen.has(to) && seen.add(to)) todo.push(to);
      return seen;
    };
    // Layers that reach each other, one group per cycle.
    const groups = new Set<string>();
    for (const layer of next.keys()) {
      const mutual = [...reach(layer)].filter((other) => reach(other).has(layer));
      if (mutual.length > 0) groups.add([...new Set([layer, ...mutual])].sort().join(' <-> '));
    }
    expect([...groups]).toEqual([]);
  });

  it('has no cycle of files that import each other, types too', () => {
    const next = new Map<string, string[]>();
    for (const file of sourceFiles(SRC)) {
      const text = readFileSync(file, 'utf8');
      const local = importsOf(text).filter((spec) => spec.startsWith('.'));
      next.set(
        file,
        local.map((spec) => normalize(join(dirname(file), spec)).replace(/\.js$/, '')).flatMap((t) => [`${t}.ts`, `${t}.tsx`]),
      );
    }
    const state = new Map<string, 'open' | 'done'>();
    const cycles: string[] = [];
    const visit = (file: string, path: string[]): void => {
      if (state.get(file) === 'done' || !next.has(file)) return;
      if (state.get(file) === 'open') {
        cycles.push(
          path
            .slice(path.indexOf(file))
            .map((f) => relative(SRC, f))
            .join(' -> '),
        );
        return;
      }
      state.set(file, 'open');
      for (const to of next.get(file)!) visit(to, [...path, file]);
      state.set(file, 'done');
    };
    for (const file of next.keys()) visit(file, []);
    // The decoder's columns and its sample reader name each other's types: one unit in two files.
    const known = ['profile/decode-samples.ts -> profile/raw.ts', 'profile/raw.ts -> profile/decode-samples.ts'];
    expect(cycles.filter((c) => !known.includes(c))).toEqual([]);
  });

  it('keeps the core off files, processes and the network', () => {
    const outside = nodeImports
      .filter((i) => CORE.has(layerOf(i.file)) && OUTSIDE_MODULES.test(i.spec))
      .map((i) => `${i.file} imports ${i.spec}`);
    expect(outside).toEqual([]);
  });
});
