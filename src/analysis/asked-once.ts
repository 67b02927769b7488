/**
 * A yes/no question about items 0 to `count - 1` (functions, mappings), asked of each item once, on
 * first need: a large profile has many lines per function, and the questions are regexps.
 */
export function askedOnce(count: number, ask: (item: number) => boolean): (item: number) => boolean {
  const UNASKED = 0,
    YES = 1,
    NO = 2;
  const answers = new Uint8Array(count);
  return (item) => {
    if (answers[item] === UNASKED) answers[item] = ask(item) ? YES : NO;
    return answers[item] === YES;
  };
}
