/** How `list` reads source files: a port the session is given, so the core does no I/O. */
export interface SourceFiles {
  /** The file's text, or null when it cannot be read. */
  read(path: string): string | null;
  /** The working directory, where relative source paths start. */
  readonly cwd: string;
  /** The environment `list` consults (GOROOT, GOMODCACHE, GOPATH, HOME). */
  readonly env: Readonly<Record<string, string | undefined>>;
}

/** No source files at all (the default of a session nobody gave files to). */
export const NO_SOURCE_FILES: SourceFiles = { read: () => null, cwd: '/', env: {} };
