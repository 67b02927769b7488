import type { Profile } from '../../profile/model.js';
import type { Granularity } from '../options.js';
import { StringTable } from '../../profile/string-table.js';
import { cleanPath } from '../../go/paths.js';
import { NodeKeyTable } from './node-keys.js';

/** What identifies a graph node at a granularity; fields a granularity drops are empty. */
export interface NodeInfo {
  readonly name: string;
  readonly file: string;
  readonly line: number;
  readonly address: number;
  readonly objfile: string;
  /** The function's start line, a part of the key only where the name is not (see node()). */
  readonly startLine: number;
}

/** Which NodeInfo fields a granularity keeps. */
export const KEEPS: Record<Granularity, { fn: boolean; file: boolean; line: boolean; address: boolean }> = {
  functions: { fn: true, file: false, line: false, address: false },
  filefunctions: { fn: true, file: true, line: false, address: false },
  files: { fn: false, file: true, line: false, address: false },
  lines: { fn: true, file: true, line: true, address: false },
  addresses: { fn: true, file: true, line: true, address: true },
};

/**
 * Gives each distinct node of one granularity an id, in order of first sight. Keys are made of
 * small numbers standing for the texts (equal texts, equal numbers), not of the texts: hashing
 * keys with whole function names and paths in them was most of the work at line granularity.
 */
export class NodeInterner {
  readonly nodes: NodeInfo[] = [];
  private readonly keys = new NodeKeyTable();
  private readonly texts = new StringTable();
  /** Per string-table index, the text id of the string, and of it as a cleaned path; -1 until seen. */
  private readonly stringText: Int32Array;
  private readonly pathText: Int32Array;
  /** Per mapping, the text id of its file; -1 until seen. */
  private readonly objfileText: Int32Array;

  constructor(
    private readonly p: Profile,
    private readonly keeps: (typeof KEEPS)[Granularity],
    /** Key every node by its binary and start line too (pprof's ObjNames, for callgrind). */
    private readonly objNames = false,
  ) {
    this.texts.intern('');
    this.stringText = new Int32Array(p.strings.length).fill(-1);
    this.pathText = new Int32Array(p.strings.length).fill(-1);
    this.objfileText = new Int32Array(p.mappings.length).fill(-1);
  }

  /** The node of location `loc`'s line `line` (an index into its lines), or of the bare location when `line` is -1. */
  node(loc: number, line: number): number {
    const { locations, functions } = this.p;
    const fn = line >= 0 ? locations.lineFunction[line] : -1;
    const address = this.keeps.address ? locations.address[loc] : 0;
    const objfile = this.objfile(locations.mapping[loc]);
    if (fn < 0) return this.intern(address, 0, 0, 0, objfile);
    const name = this.keeps.fn ? this.string(functions.name[fn]) : 0;
    const file = this.keeps.file ? this.path(functions.filename[fn]) : 0;
    const lineNumber = this.keeps.line ? locations.lineNumber[line] : 0;
    // Without a function name (at file granularity, for one) the binary and the function's start
    // line identify the frame, as in pprof: a file's functions stay apart where the profile says
    // where each starts (Go 1.20 on), and print as rows of the same file.
    if (name !== 0 && !this.objNames) return this.intern(address, name, file, lineNumber, 0, 0);
    return this.intern(address, name, file, lineNumber, objfile, functions.startLine[fn]);
  }

  private intern(address: number, name: number, file: number, line: number, objfile: number, startLine = 0): number {
    const id = this.keys.intern(address, name, file, line, objfile, startLine);
    if (id === this.nodes.length) {
      const t = this.texts.strings;
      this.nodes.push({ name: t[name], file: t[file], line, address, objfile: t[objfile], startLine });
    }
    return id;
  }

  private string(i: number): number {
    if (this.stringText[i] < 0) this.stringText[i] = this.texts.intern(this.p.strings[i]);
    return this.stringText[i];
  }

  private path(i: number): number {
    if (this.pathText[i] < 0) {
      const file = this.p.strings[i];
      this.pathText[i] = this.texts.intern(file === '' ? '' : cleanPath(file));
    }
    return this.pathText[i];
  }

  private objfile(mapping: number): number {
    if (mapping < 0) return 0;
    if (this.objfileText[mapping] < 0) this.objfileText[mapping] = this.texts.intern(this.p.mappings[mapping].file);
    return this.objfileText[mapping];
  }
}
