import { DEFAULT_OPTIONS } from '../../src/analysis/options.js';
import { parseLine } from '../../src/commands/parse.js';
import { labelArguments as tagsOptions } from '../../src/commands/command-options.js';

describe('the arguments of `tags` filter labels', () => {
  function routed(line: string, session = { focus: '', ignore: '' }) {
    const parsed = parseLine(line, []);
    if (parsed.kind !== 'command') throw new Error(`${line} is not a command`);
    const o = tagsOptions({ ...DEFAULT_OPTIONS, ...session, ...parsed.args.overrides }, parsed.args.overrides, session);
    return { focus: o.focus, ignore: o.ignore, tagfocus: o.tagfocus, tagignore: o.tagignore };
  }

  it('moves the focus and ignore regexps of the command line to tagfocus and tagignore', () => {
    expect(routed('tags acme 64kb: -health')).toEqual({ focus: '', ignore: '', tagfocus: 'acme|64kb:', tagignore: 'health' });
  });

  it("keeps the session's focus and ignore, and its tag filters when the line has none", () => {
    expect(routed('tags acme', { focus: 'main', ignore: 'fmt' })).toEqual({
      focus: 'main',
      ignore: 'fmt',
      tagfocus: 'acme',
      tagignore: '',
    });
    expect(routed('tags')).toEqual({ focus: '', ignore: '', tagfocus: '', tagignore: '' });
  });
});
