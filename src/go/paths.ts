/** A path with an empty, `.` or `..` element, or a trailing slash: one path.Clean changes. */
const UNCLEAN = /\/\/|(^|\/)\.\.?(\/|$)|.\/$/;

/** Go's path.Clean for slash-separated paths: collapses `//`, `.` and `..` elements. */
export function cleanPath(path: string): string {
  if (path === '') return '.';
  // Most paths in a profile are clean already: tested first, they are returned without splitting.
  if (!UNCLEAN.test(path)) return path;
  const rooted = path.startsWith('/');
  const out: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (out.length > 0 && out[out.length - 1] !== '..') out.pop();
      else if (!rooted) out.push('..');
    } else {
      out.push(part);
    }
  }
  const joined = out.join('/');
  return rooted ? `/${joined}` : joined || '.';
}

/** Go's path.Base: the last element, without trailing slashes. */
export function baseName(path: string): string {
  const trimmed = path.replace(/\/+$/, '');
  if (trimmed === '') return path === '' ? '.' : '/';
  return trimmed.slice(trimmed.lastIndexOf('/') + 1);
}
