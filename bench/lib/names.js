// Go-style names for the synthetic application part of a heap profile:
// package paths, receiver/method/closure symbols as the Go 1.19 runtime prints
// them, and source file paths. Only the shapes matter; the words are invented.

const PKG_WORDS = `cache store index api auth billing catalog config cluster codec compactor
ingest query planner executor router session shard raft wal memtable sstable bloom metrics
tracing ratelimit queue scheduler worker notify search tokenizer analyzer ranking feed graph
geo pricing inventory orders payments ledger audit users tenants quota snapshot replication
gossip membership discovery proxy gateway webhook export importer parser lexer render
template blob chunk dedupe compress keys vault migrate schema`.split(/\s+/);

const PREFIXES = ['svc/internal', 'svc/pkg', 'platform/pkg', 'storage/internal', 'kit'];

const NOUNS = `Entry Node Batch Record Segment Block Buffer Page Row Column Token Request Response
Header Session Span Metric Event Key Value Shard Tree Item Chunk Frame Message Field Schema
Plan Task Job Worker Pool Queue Conn Stream Cursor Iterator Snapshot Manifest Table Filter
Bloom Ring Peer Lease Txn Log Memtable Store Cache Index Client Server Handler Manager
Registry Builder Encoder Decoder Reader Writer Scanner Planner Executor Router Resolver
Tracker Limiter Watcher Compactor Flusher Merger Loader LRU`.split(/\s+/);

const VERBS = `Get Put Load Store Delete Decode Encode Parse Build Flush Merge Scan Handle Process
Write Read Apply Resolve Render Marshal Unmarshal Compact Query Fetch Sync Validate Visit Walk
Split Append Grow Copy Clone Reset Init Open Close Run Serve Dispatch Emit Collect Compute
Evaluate Lookup Insert Update Upsert Commit Rollback Prepare Execute Next Seek Refresh Rebuild
Restore Replicate Notify Publish Subscribe Transform Normalize Filter Sort Group Join
Aggregate`.split(/\s+/);

const SUFFIXES = ['Locked', 'Slow', 'Once', 'All', 'Batch', 'Ctx', 'Range', 'Into'];

// The main package gets hand-picked names so the report shows the familiar
// `main.handleRequest.func1` shapes next to the synthetic ones.
const MAIN_FUNCS = [
  ['main.handleRequest', 'handlers.go'],
  ['main.handleRequest.func1', 'handlers.go'],
  ['main.(*server).handleUpload', 'handlers.go'],
  ['main.(*server).handleSearch', 'handlers.go'],
  ['main.(*server).handleSearch.func1', 'handlers.go'],
  ['main.(*server).routes.func3', 'routes.go'],
  ['main.run', 'main.go'],
  ['main.run.func2', 'main.go'],
  ['main.loadConfig', 'config.go'],
  ['main.(*leakyCache).remember', 'leak.go'],
];

const lower = (s) => s[0].toLowerCase() + s.slice(1);

/** Source path of an application package file, as the Go toolchain records it for a module at /src. */
export function appFile(pkgPath, base) {
  if (pkgPath === 'main') return `/src/svc/cmd/leakyserver/${base}`;
  const rel = pkgPath.replace(/^github\.com\/acme\//, '');
  return `/src/${rel}/${base}`;
}

/** Creates the namer; all choices come from `rnd` so names are deterministic per seed. */
export function makeAppNamer(rnd) {
  // Every (prefix, word) pair once, in a seeded order, so paths never repeat.
  const combos = [];
  for (const p of PREFIXES) for (const w of PKG_WORDS) combos.push(`github.com/acme/${p}/${w}`);
  for (let i = combos.length - 1; i > 0; i--) {
    const j = rnd.int(0, i);
    [combos[i], combos[j]] = [combos[j], combos[i]];
  }
  let nextCombo = 0;

  /** Starts a new package: its path, receiver types and a name set for uniqueness. */
  function newPackage() {
    let path = combos[nextCombo % combos.length];
    // Past the combination list, nest packages one level deeper to stay unique.
    if (nextCombo >= combos.length) path += '/' + rnd.pick(PKG_WORDS) + ((nextCombo / combos.length) | 0);
    nextCombo++;
    const word = path.slice(path.lastIndexOf('/') + 1);
    const types = [];
    const nTypes = rnd.int(1, 5);
    for (let i = 0; i < nTypes; i++) {
      let t = rnd.pick(NOUNS);
      if (rnd.chance(0.3)) t = lower(t);
      if (rnd.chance(0.05)) t += '[...]'; // generic type, printed as Go 1.18+ does
      if (!types.includes(t)) types.push(t);
    }
    return { path, word, types, used: new Set(), closures: [] };
  }

  function methodName() {
    let m = rnd.pick(VERBS);
    if (rnd.chance(0.4)) m += rnd.pick(NOUNS);
    if (rnd.chance(0.15)) m += rnd.pick(SUFFIXES);
    return rnd.chance(0.3) ? lower(m) : m;
  }

  function fileFor(pkg, type) {
    const base = type ? type.replace('[...]', '').toLowerCase() : pkg.word;
    return appFile(pkg.path, `${base}.go`);
  }

  /** Next unique function symbol in `pkg`: {name, file}. */
  function nextFunction(pkg) {
    for (;;) {
      const r = rnd.next();
      let name;
      let type = null;
      if (r < 0.1 && pkg.closures.length) {
        // Closures are numbered per enclosing function, as the compiler does.
        const parent = rnd.pick(pkg.closures);
        parent.n++;
        name = `${parent.name}.func${parent.n}`;
        if (rnd.chance(0.15)) name += '.1';
        type = parent.type;
      } else if (r < 0.65) {
        type = rnd.pick(pkg.types);
        name = `${pkg.path}.(*${type}).${methodName()}`;
      } else if (r < 0.75) {
        type = rnd.pick(pkg.types);
        name = `${pkg.path}.${type}.${methodName()}`;
      } else {
        name = `${pkg.path}.${methodName()}`;
      }
      if (pkg.used.has(name)) continue;
      pkg.used.add(name);
      if (!name.includes('.func')) pkg.closures.push({ name, type, n: 0 });
      return { name, file: fileFor(pkg, type) };
    }
  }

  /** A small unexported helper of `pkg`, the kind the compiler inlines. */
  function inlineHelper(pkg) {
    for (;;) {
      const type = rnd.pick(pkg.types);
      const plain = type.replace('[...]', '');
      const choices = [
        `${pkg.path}.new${plain[0].toUpperCase()}${plain.slice(1)}`,
        `${pkg.path}.(*${type}).${lower(rnd.pick(VERBS))}`,
        `${pkg.path}.${lower(rnd.pick(VERBS))}${rnd.pick(NOUNS)}`,
      ];
      const name = rnd.pick(choices);
      if (pkg.used.has(name)) continue;
      pkg.used.add(name);
      return { name, file: fileFor(pkg, type) };
    }
  }

  /** The `main` package, seeded with the hand-picked symbols above. */
  function mainPackage() {
    const pkg = { path: 'main', word: 'main', types: ['server', 'leakyCache'], used: new Set(), closures: [] };
    const fixed = MAIN_FUNCS.map(([name, base]) => {
      pkg.used.add(name);
      return { name, file: appFile('main', base) };
    });
    return { pkg, fixed };
  }

  return { newPackage, nextFunction, inlineHelper, mainPackage };
}
