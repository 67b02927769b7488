/**
 * A source file as `list` asked for it: its bytes, nothing there (`missing`), or something there
 * that cannot be read as a source file, with the line that says why (a directory, a device, a
 * file too large).
 */
export type SourceRead = { readonly bytes: Uint8Array } | { readonly missing: true } | { readonly problem: string };

/** How `list` reads source files: a port the session is given, so the core does no I/O. */
export interface SourceFiles {
  /** What is at `path` (absolute). */
  read(path: string): SourceRead;
  /** The working directory, where relative source paths start. */
  readonly cwd: string;
  /** The environment `list` consults (GOROOT, GOMODCACHE, GOPATH, HOME). */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** The GOROOT of the Go installed here (`go env GOROOT`), asked only when GOROOT is unset and a standard-library file is looked for. */
  readonly installedGoroot?: () => string | undefined;
}

/** Nothing at any path. */
export const MISSING: SourceRead = { missing: true };

/** No source files at all (the default of a session nobody gave files to). */
export const NO_SOURCE_FILES: SourceFiles = { read: () => MISSING, cwd: '/', env: {} };
