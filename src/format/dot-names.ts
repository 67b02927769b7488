import type { NodeInfo } from '../analysis/graph/frames.js';
import { baseName } from '../go/paths.js';

/** Escapes a string for a quoted DOT label: backslashes and quotes, and new lines become left-justified breaks. */
export function dotEscape(text: string): string {
  return text.replaceAll('\\', '\\\\').replaceAll('"', '\\"').replaceAll('\n', '\\l');
}

// pprof's patterns for shortening names in graph labels. `[^\n]` stands for Go's `.`, which,
// unlike JavaScript's, matches \r and the Unicode line separators.
const CPP_ANONYMOUS_PREFIX = /^\(anonymous namespace\)::/;
const GO_MODULE_VERSION = /^([^\n]*?)\/v(?:[2-9]|[1-9][0-9]+)([./][^\n]*)$/;
const GO_PACKAGE_PATH = /^(?:[\w\-.]+\/)+([^\n]+)/;
const JAVA_PACKAGE = /^(?:[a-z]\w*\.)*([A-Z][\w$]*\.(?:<init>|[a-z][\w$]*(?:\$\d+)?))(?:\(|$)/;
const CPP_NAMESPACE = /^(?:[_a-zA-Z]\w*::)+(_*[A-Z]\w*::~?[_a-zA-Z]\w*(?:<[^\n]*>)?)/;

/**
 * A function name as graph labels show it: without a Go package path or module version, a Java
 * package or arguments, or a C++ namespace before a class.
 */
export function shortFunctionName(name: string): string {
  const f = name.replace(CPP_ANONYMOUS_PREFIX, '').replace(GO_MODULE_VERSION, '$1$2');
  for (const pattern of [GO_PACKAGE_PATH, JAVA_PACKAGE, CPP_NAMESPACE]) {
    const m = pattern.exec(f);
    if (m && m.length >= 2) return m.slice(1).join('');
  }
  return f;
}

/**
 * A node's label in a drawn graph: its name cut into lines at each `.` and `::` (a Go generic's
 * `[...]` kept whole, as `[…]`), then the file's base name with the line, each line ended by `\n`.
 */
export function multilineName(info: NodeInfo): string {
  const name = dotEscape(shortFunctionName(info.name)).replaceAll('::', '\\n').replaceAll('[...]', '[…]').replaceAll('.', '\\n');
  const parts: string[] = [];
  if (info.address !== 0) parts.push(info.address.toString(16).padStart(16, '0'));
  if (name !== '') parts.push(name);
  const file = info.file !== '' ? baseName(info.file) : '';
  if (info.line !== 0) parts.push(`${file}:${info.line}`);
  else if (file !== '') parts.push(file);
  else if (name === '') parts.push(info.objfile !== '' ? `[${baseName(info.objfile)}]` : '<unknown>');
  return parts.join('\\n') + '\\n';
}
