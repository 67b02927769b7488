/**
 * `call_tree` (paths in context): the call graph drawn as a tree. pprof orders the tree's nodes
 * that tie by Go's map order, so its DOT text changes from run to run; heapcli's is compared with
 * pprof's golden up to that order: node ids replaced by the node's label, lines sorted.
 */
import { golden, manifests, profilePath } from '../helpers/goldens.js';
import { runHeapcli } from '../helpers/run-cli.js';

process.env.TZ = 'UTC';

/** DOT text with each node id (N3, NN3_1, N3_0...) replaced by its node's label, and its lines sorted. */
function unnumbered(dot: string): string[] {
  const labels = new Map<string, string>();
  for (const m of dot.matchAll(/^(N\d+) \[label="([^"]*)"/gm)) labels.set(m[1], m[2]);
  return dot
    .split('\n')
    .map((line) =>
      line
        .replace(/id="node\d+"/, 'id=node')
        .replace(/\bN?N(\d+)((?:_\d+)*)\b/g, (_id, n: string, rest: string) => `<${labels.get(`N${n}`)}>${rest}`),
    )
    .sort();
}

describe("-dot -call_tree equals pprof's up to the order of tied nodes", () => {
  it.each(manifests('unordered'))('%s', async (name, profile, ...args) => {
    const run = await runHeapcli([...args, profilePath(profile)]);
    expect(run.status).toBe(0);
    expect(unnumbered(run.stdout)).toEqual(unnumbered(golden(name, 'out')));
  });

  it('compares trees, not graphs: a function on two paths is two nodes', async () => {
    const tree = await runHeapcli(['-dot', '-call_tree', profilePath('recurse.heap.pb.gz')]);
    const graph = await runHeapcli(['-dot', profilePath('recurse.heap.pb.gz')]);
    const nodes = (dot: string) => dot.split('\n').filter((l) => /^N\d+ \[/.test(l)).length;
    expect(nodes(tree.stdout)).toBeGreaterThan(nodes(graph.stdout));
    expect(unnumbered(tree.stdout)).not.toEqual(unnumbered(graph.stdout));
  });
});
