import { DEFAULT_OPTIONS, FILTER_OPTIONS, COLON_CLEARS, OPTION_SPECS, filterKey, optionsWithRole } from '../../src/analysis/options.js';
import { commandOptions } from '../../src/commands/command-options.js';
import { COMMANDS } from '../../src/commands/table.js';
import { loadProfileFile } from '../../src/host/profile-file.js';
import { Session } from '../../src/session.js';

process.env.TZ = 'UTC';
const rulesOf = (name: string) => COMMANDS.get(name)!.rules;

describe("each command's rules, from its row", () => {
  it('top: nodecount -1 is 10 in the console and all rows one-shot; a count given stays', () => {
    expect(commandOptions(rulesOf('top'), DEFAULT_OPTIONS, {}, true).nodecount).toBe(10);
    expect(commandOptions(rulesOf('top'), DEFAULT_OPTIONS, {}, false).nodecount).toBe(0);
    expect(commandOptions(rulesOf('top'), DEFAULT_OPTIONS, { nodecount: 3 }, true).nodecount).toBe(3);
  });

  it('tree: 80 in both; growth: 20 in both', () => {
    for (const interactive of [true, false]) {
      expect(commandOptions(rulesOf('tree'), DEFAULT_OPTIONS, {}, interactive).nodecount).toBe(80);
      expect(commandOptions(rulesOf('growth'), DEFAULT_OPTIONS, {}, interactive).nodecount).toBe(20);
    }
  });

  it('list: lines, untrimmed, whatever the session and the line say', () => {
    const o = commandOptions(rulesOf('list'), { ...DEFAULT_OPTIONS, granularity: 'files', nodefraction: 0.5 }, { nodecount: 4 }, true);
    expect([o.granularity, o.trim, o.nodecount, o.nodefraction, o.edgefraction]).toEqual(['lines', false, 0, 0, 0]);
  });

  it('peek: trimming off; top keeps it', () => {
    expect(commandOptions(rulesOf('peek'), DEFAULT_OPTIONS, {}, true).trim).toBe(false);
    expect(commandOptions(rulesOf('top'), DEFAULT_OPTIONS, {}, true).trim).toBe(true);
  });

  it("tags: the line's regexps filter labels, and the session's focus stays", () => {
    const session = { ...DEFAULT_OPTIONS, focus: 'main' };
    const o = commandOptions(rulesOf('tags'), session, { focus: 'bytes', ignore: 'x' }, true);
    expect([o.focus, o.ignore, o.tagfocus, o.tagignore]).toEqual(['main', '', 'bytes', 'x']);
  });
});

describe('the option table', () => {
  it("derives the defaults, the filters in pprof's order, what ':' clears, and the name regexps", () => {
    expect(DEFAULT_OPTIONS.nodefraction).toBe(0.005);
    expect(DEFAULT_OPTIONS.unit).toBe('minimum');
    expect(DEFAULT_OPTIONS.trim).toBe(true);
    expect(Object.keys(DEFAULT_OPTIONS)).toEqual(Object.keys(OPTION_SPECS));
    expect(FILTER_OPTIONS).toEqual(['focus', 'ignore', 'hide', 'show', 'show_from', 'tagfocus', 'tagignore', 'tagshow', 'taghide']);
    expect(COLON_CLEARS).toEqual(['focus', 'ignore', 'hide', 'tagfocus', 'tagignore']);
    expect(optionsWithRole('nameRegex')).toEqual(['focus', 'ignore', 'hide', 'show', 'show_from', 'prune_from']);
    expect(optionsWithRole('unlisted')).toEqual(['source_path']);
  });

  it('keys the filter cache by every option that edits the profile, and only those', () => {
    expect(filterKey({ ...DEFAULT_OPTIONS, tagroot: 'a' })).not.toBe(filterKey(DEFAULT_OPTIONS));
    expect(filterKey({ ...DEFAULT_OPTIONS, prune_from: 'a' })).not.toBe(filterKey(DEFAULT_OPTIONS));
    expect(filterKey({ ...DEFAULT_OPTIONS, nodecount: 5, sort: 'cum' })).toBe(filterKey(DEFAULT_OPTIONS));
  });
});

describe('Session.open', () => {
  const profile = loadProfileFile('testdata/profiles/leakybuf.heap.pb.gz');

  it('applies the option flags in order and greets with the type they chose', () => {
    const assignments = [
      { name: 'sample_index', value: '1', bare: false },
      { name: 'mean', value: 'true', bare: false },
    ];
    const { session, failure } = Session.open(profile, { interactive: true, assignments });
    expect(failure).toBeNull();
    expect(session!.options.sample_index).toBe(profile.sampleTypes[1].type);
    expect(session!.greeting()).toContain(`Type: mean_${profile.sampleTypes[1].type}\n`);
  });

  it("answers the first flag refused, with pprof's message, and no session", () => {
    const assignments = [
      { name: 'nodecount', value: 'x', bare: false },
      { name: 'sample_index', value: '9', bare: false },
    ];
    expect(Session.open(profile, { interactive: false, assignments })).toEqual({
      session: null,
      failure: 'strconv.Atoi: parsing "x": invalid syntax',
    });
  });
});
