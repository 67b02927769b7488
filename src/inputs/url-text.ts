/**
 * URLs as heapcli prints them. A `user:password@` URL works (Node sends the pair as Basic
 * authentication), but the password never reaches the screen, a log or an error message.
 */

/** Shown in place of a password. */
export const MASK = '***';

/** `url` with its password, if it has one, replaced by ***; anything that is not a URL unchanged. */
export function redactUrl(url: string): string {
  // A password sits between "scheme://user:" and the last "@" of the authority.
  const match = /^([a-z][a-z0-9+.-]*:\/\/[^/?#@:]*:)([^/?#]*)@/i.exec(url);
  if (match === null) return url;
  return `${match[1]}${MASK}@${url.slice(match[0].length)}`;
}
