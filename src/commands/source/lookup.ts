import { dirName, isAbsolutePath, joinPath, splitPathList, trimSourcePath } from '../../analysis/reports/source-paths.js';
import type { SourceLines } from '../../format/list.js';
import type { SourceFiles, SourceRead } from './port.js';
import { decodeText, scanSource } from './text.js';

/** A source file's lines, or why it could not be read. */
export type SourceText = { readonly lines: SourceLines } | { readonly error: string };

/** What the lookup needs besides the files: the options and the profile's file names. */
export interface SourceLookupSettings {
  /** `source_path` ('' = the working directory). */
  readonly sourcePath: string;
  readonly trimPath: string;
  /** Every file name in the profile: where the profile's GOROOT was is read from them. */
  readonly profileFiles: readonly string[];
}

/**
 * Finds the source of a file named in a profile (as `list` shows it) the way pprof does: the path
 * trimmed, then as is when absolute, else under each source_path entry and each of its parents.
 * When pprof's rules find nothing, heapcli looks further (the main module from go.mod, vendor/, the
 * module cache, GOROOT; see `goSourceCandidates`) before giving pprof's error. Make one per report:
 * each path is read once in it, however many functions and file names lead to it.
 */
export function sourceLookup(sources: SourceFiles, settings: SourceLookupSettings): (file: string) => SourceText {
  const searchPath = settings.sourcePath !== '' ? settings.sourcePath : sources.cwd;
  const absolute = (p: string) => (isAbsolutePath(p) ? p : joinPath(sources.cwd, p));
  const reads = new Map<string, SourceRead>();
  const read = (p: string) => {
    const path = absolute(p);
    let result = reads.get(path);
    if (!result) reads.set(path, (result = sources.read(path)));
    return result;
  };
  const searchDirs = splitPathList(searchPath).flatMap(withParents);
  const go = goEnvironment(sources, settings.profileFiles);
  let modules: MainModule[] | null = null;
  const mainModules = () => (modules ??= findMainModules(searchDirs, (p) => textOf(read(p))));
  const found = new Map<string, SourceText>();
  return (file) => {
    let text = found.get(file);
    if (!text) {
      text = findSource(
        file,
        settings.trimPath,
        searchPath,
        searchDirs,
        (path) => goSourceCandidates(path, searchDirs, go, mainModules()),
        read,
      );
      found.set(file, text);
    }
    return text;
  };
}

function findSource(
  file: string,
  trim: string,
  searchPath: string,
  searchDirs: readonly string[],
  extras: (path: string) => Iterable<string>,
  read: (p: string) => SourceRead,
): SourceText {
  const path = trimSourcePath(file, trim, searchPath);
  const problems: string[] = [];
  const candidates = isAbsolutePath(path) ? [path] : searchDirs.map((dir) => joinPath(dir, path));
  const bytes = firstReadable(candidates, read, problems) ?? firstReadable(extras(path), read, problems);
  if (bytes !== null) return { lines: scanSource(bytes) };
  // Something there that is no source file (a directory, a device) says what it is.
  if (problems.length > 0) return { error: problems[0] };
  // pprof reports an absolute path with the open error, which is all heapcli can say about it.
  if (isAbsolutePath(path)) return { error: `open ${path}: no such file or directory` };
  return { error: `could not find file ${path} on path ${searchPath}` };
}

/** The bytes of the first path that holds a source file; what stood in the way goes to `problems`. */
function firstReadable(paths: Iterable<string>, read: (p: string) => SourceRead, problems: string[]): Uint8Array | null {
  for (const p of paths) {
    const result = read(p);
    if ('bytes' in result) return result.bytes;
    if ('problem' in result) problems.push(result.problem);
  }
  return null;
}

/** A small file's text (go.mod), or null when it cannot be read. */
function textOf(result: SourceRead): string | null {
  return 'bytes' in result ? decodeText(result.bytes) : null;
}

/** A directory and each of its parents, as pprof searches them. */
function withParents(dir: string): string[] {
  const dirs = [dir];
  for (let d = dir, parent = dirName(d); parent !== d; d = parent, parent = dirName(d)) dirs.push(parent);
  return dirs;
}

/** Where Go keeps sources on this machine, as far as the environment and the profile tell. */
export interface GoEnvironment {
  /**
   * GOROOT: from the environment, else where the profile's runtime sources were and then the Go
   * installed here (asked at first use: it runs `go env GOROOT`).
   */
  readonly goroots: readonly string[];
  /** Where the profile's standard library was when it was written: prefixes to take off. */
  readonly profileGoroots: readonly string[];
  /** The module cache, or '' when neither GOMODCACHE, GOPATH nor HOME is set. */
  readonly modCache: string;
}

/** The Go environment `list` searches: GOROOT and GOMODCACHE as `go env` would report them. */
export function goEnvironment(sources: SourceFiles, profileFiles: readonly string[]): GoEnvironment {
  const { env } = sources;
  const profileGoroots = [
    ...new Set(profileFiles.map((f) => /^(\/.*)\/src\/runtime\/[^/]+$/.exec(f)?.[1]).filter((r): r is string => r !== undefined)),
  ];
  const gopath = splitPathList(env.GOPATH ?? '')[0] || (env.HOME ? joinPath(env.HOME, 'go') : '');
  const modCache = env.GOMODCACHE || (gopath ? joinPath(gopath, 'pkg', 'mod') : '');
  let goroots: readonly string[] | null = env.GOROOT ? [env.GOROOT] : null;
  return {
    get goroots() {
      goroots ??= [...new Set([...profileGoroots, ...[sources.installedGoroot?.()].filter((r): r is string => !!r)])];
      return goroots;
    },
    profileGoroots,
    modCache,
  };
}

/**
 * Beyond pprof: where else a Go source may be, for a path pprof could not open (`path` as pprof
 * tried it, after trimming). In order: the main module, when the path starts with the module path
 * of a go.mod in a search directory (binaries built with -trimpath); `vendor/` in a search
 * directory; the module cache, for `module@version/file` paths (-trimpath) and for paths into
 * another machine's cache; `$GOROOT/src`, for standard-library paths (-trimpath names them by
 * import path, `runtime/proc.go`, or `std/...`; otherwise they start with the profile's GOROOT).
 */
export function* goSourceCandidates(
  path: string,
  searchDirs: readonly string[],
  go: GoEnvironment,
  mainModules: readonly MainModule[],
): Generator<string> {
  if (!isAbsolutePath(path)) {
    for (const { dir, module } of mainModules) if (path.startsWith(`${module}/`)) yield joinPath(dir, path.slice(module.length + 1));
  }
  const versioned = moduleFiles(path);
  for (const m of versioned) for (const dir of searchDirs) yield joinPath(dir, 'vendor', unescapeModulePath(m.module), m.rest);
  const vendored = path.lastIndexOf('/vendor/');
  if (vendored >= 0) for (const dir of searchDirs) yield joinPath(dir, path.slice(vendored + 1));
  if (go.modCache !== '') {
    for (const m of versioned) yield joinPath(go.modCache, `${escapeModulePath(m.module)}@${escapeModulePath(m.version)}`, m.rest);
  }
  for (const rel of standardLibraryPaths(path, go.profileGoroots)) for (const root of go.goroots) yield joinPath(root, 'src', rel);
}

/** A go.mod found in a search directory: the module's path and its root. */
export interface MainModule {
  readonly dir: string;
  readonly module: string;
}

/** The modules whose go.mod is in one of `dirs`. */
export function findMainModules(dirs: readonly string[], read: (p: string) => string | null): MainModule[] {
  return dirs.flatMap((dir) => {
    const module = modulePath(read(joinPath(dir, 'go.mod')));
    return module ? [{ dir, module }] : [];
  });
}

/** The `module` directive of a go.mod file, or null. */
function modulePath(goMod: string | null): string | null {
  const match = goMod && /^\s*module\s+"?([^\s"]+)"?\s*(?:\/\/.*)?$/m.exec(goMod);
  return match ? match[1] : null;
}

/**
 * The `module@version/file` readings of a path: after `/pkg/mod/` when it has one (another
 * machine's module cache), else the whole path when relative (-trimpath), else every suffix of
 * an absolute path that ends in the `@version` element (the cache's location unknown).
 */
function moduleFiles(path: string): { module: string; version: string; rest: string }[] {
  const parts = path.split('/');
  // A leading `@` is a scope (`@datadog/pprof` in node_modules), not a version.
  const at = parts.findIndex((p) => p.indexOf('@') > 0);
  if (at < 0) return [];
  const sign = parts[at].indexOf('@');
  const [last, version] = [parts[at].slice(0, sign), parts[at].slice(sign + 1)];
  const rest = parts.slice(at + 1).join('/');
  let cache = -1;
  for (let i = 0; i + 2 <= at; i++) if (parts[i] === 'pkg' && parts[i + 1] === 'mod') cache = i + 2;
  let firsts: number[];
  if (cache >= 0) firsts = [cache];
  else if (!isAbsolutePath(path)) firsts = [0];
  else firsts = parts.map((_, i) => i).filter((i) => i >= 1 && i <= at);
  return firsts.map((first) => ({ module: [...parts.slice(first, at), last].join('/'), version, rest })).filter((m) => m.rest !== '');
}

/** Standard-library readings of a path, relative to GOROOT/src. */
function standardLibraryPaths(path: string, profileGoroots: readonly string[]): string[] {
  if (!isAbsolutePath(path)) return path.startsWith('std/') ? [path.slice(4), path] : [path];
  return profileGoroots.filter((root) => path.startsWith(`${root}/src/`)).map((root) => path.slice(root.length + 5));
}

/** The module cache's spelling of a module path or version: `!` and the lower-case letter for each capital. */
export function escapeModulePath(path: string): string {
  return path.replace(/[A-Z]/g, (c) => `!${c.toLowerCase()}`);
}

/** The module path an escaped cache path stands for (vendor/ uses the real spelling). */
export function unescapeModulePath(path: string): string {
  return path.replace(/!([a-z])/g, (_, c: string) => c.toUpperCase());
}
