/**
 * Function names simplified as pprof simplifies them on load. Every expected name below is what
 * Go 1.19's `go tool pprof -raw` printed for a profile built with that function (name and system
 * name as given), or for the real-world profile it comes from (testdata/realworld).
 */
import { normalizeProfile } from '../../src/profile/merge.js';
import { functionName } from '../../src/profile/model.js';
import { simplifiedName, simplifyFunctionNames } from '../../src/profile/simplify-names.js';
import { decodeSpec } from '../helpers/profile-fixtures.js';

describe('simplifiedName', () => {
  it.each([
    // C++: parameter lists, then template arguments, nested ones with them
    ['a::b::c(int)', 'a::b::c'],
    ['std::vector<int>::push_back(int const&)', 'std::vector::push_back'],
    ['w::v<a<b>,c>(d<e>)', 'w::v'],
    ['{lambda(int)#1}::operator()', '{lambda#1}::operator'],
    ['s::t()  const', 's::t  const'],
    ['p((a)b)c::r', 'pc::r'],
    ['aa::bb<cc>', 'aa::bb'],
    ['é::ü(x)', 'é::ü'],
    // Rust: a trait impl's `<T as Trait>` goes whole
    ['<pprof::backtrace::backtrace_rs::Trace as pprof::backtrace::Trace>::trace', '::trace'],
    ['backtrace_rs.rs:23 - <pprof::backtrace::backtrace_rs::Trace as pprof::backtrace::Trace>::trace', 'backtrace_rs.rs:23 - ::trace'],
    ['core::cmp::impls::<impl core::cmp::PartialOrd<&B> for &A>::ge', 'core::cmp::impls::::ge'],
    ['(x)::y', '::y'],
    // Go generics: square brackets stay, parameter lists inside them go
    ['a.F[go.shape.interface { A() int }]', 'a.F[go.shape.interface { A int }]'],
    [
      'github.com/bboreham/go-loser.New[go.shape.uint64,go.shape.interface { At() github.com/prometheus/prometheus/storage.SeriesRef; Err() error; Next() bool; Seek(github.com/prometheus/prometheus/storage.SeriesRef) bool }]',
      'github.com/bboreham/go-loser.New[go.shape.uint64,go.shape.interface { At github.com/prometheus/prometheus/storage.SeriesRef; Err error; Next bool; Seek bool }]',
    ],
    ['f[a](b)', 'f[a]'],
    ['x.(*T).M[a](b)', 'x..M[a]'],
    ['(a[b])x(d)', 'x'],
    ['a[(b)', 'a['],
    ['a](b)', 'a]'],
    // parentheses first, then angle brackets
    ['n<(a)>::q', 'n::q'],
    ['a<(>)::b', 'a<::b'],
    ['y<.(a)', 'y<.'],
    // an unmatched closing bracket stops a pass, keeping what it cut so far
    ['x(a)y)z(b)[]', 'xy)z(b)[]'],
    ['q::r<s>>t', 'q::r>t'],
    ['a>(b)', 'a>'],
    ['a)b(c)[]', 'a)b(c)[]'],
    ['a>b<c>[]', 'a>b<c>[]'],
    ['a->b::c', 'a->b::c'],
    // an opening bracket never closed stays
    ['a(b[]', 'a(b[]'],
    ['h::i(j', 'h::i(j'],
    ['k::l(m)n(o', 'k::ln(o'],
    ['std::operator<< <char>(std::ostream&)', 'std::operator<< <char>'],
    ['<>', ''],
    ['::', '::'],
    ['a::b', 'a::b'],
  ])('%s → %s', (name, simple) => {
    expect(simplifiedName(name)).toBe(simple);
  });

  it.each([
    ['plain(bar)', 'no bracket and no ::'],
    ['main.(*Forest).Grow.func1', 'a Go method: no bracket and no ::'],
    ['a.(*T[x]).M', 'a Go method on a generic type (`]).`)'],
    ['r.(*S[a]).T.func1[b](c)', '`]).` anywhere'],
    [
      'github.com/grafana/pyroscope/pkg/phlaredb/symdb.(*deduplicatingSlice[go.shape.string,go.shape.string,go.shape.*uint8]).ingest',
      'a real one',
    ],
    ['(a[b]).c(d)', '`]).` anywhere'],
    ['Foo.<init>(x)', "Java's `.<`"],
    ['java/lang/Thread.<init>', "Java's `.<`"],
    ['View.as_view.<locals>.view', "Python's `.<`"],
    ['x::y.<z>(q)', '`.<` anywhere'],
    ['f(a).<b>', '`.<` anywhere'],
    ['_ZN3foo3barEv', 'a mangled name (pprof demangles it; heapcli leaves it)'],
  ])('%s stays (%s)', (name) => {
    expect(simplifiedName(name)).toBe(name);
  });
});

describe('which functions are simplified', () => {
  const names = (spec: Parameters<typeof decodeSpec>[0]) => {
    const p = simplifyFunctionNames(decodeSpec(spec));
    return Array.from({ length: p.functions.count }, (_, f) => [functionName(p, f), p.strings[p.functions.systemName[f]]]);
  };
  const one = (fn: string, systemName: string) => ({ samples: [{ stack: [{ lines: [{ fn, systemName }] }], values: [1, 2, 3, 4] }] });

  it('a name equal to the system name: simplified, the system name kept', () => {
    expect(names(one('k::m(int)', 'k::m(int)'))).toEqual([['k::m', 'k::m(int)']]);
  });

  it('no name: the simplified system name, or the system name as it is', () => {
    expect(names(one('', 'e::f(int)'))).toEqual([['e::f', 'e::f(int)']]);
    expect(names(one('', 'plainfn'))).toEqual([['plainfn', 'plainfn']]);
    expect(names(one('', ''))).toEqual([['', '']]);
  });

  it('a name of its own: left alone, whatever the system name', () => {
    expect(names(one('k::m(int)', 'k::m(long)'))).toEqual([['k::m(int)', 'k::m(long)']]);
    expect(names(one('g::h(int)', ''))).toEqual([['g::h(int)', '']]);
    expect(names(one('github.com/segmentio/parquet-go..Clone', 'github.com/segmentio/parquet-go.(*page[...]).Clone'))).toEqual([
      ['github.com/segmentio/parquet-go..Clone', 'github.com/segmentio/parquet-go.(*page[...]).Clone'],
    ]);
  });

  it('leaves a profile with nothing to simplify as it is', () => {
    const p = decodeSpec({ samples: [{ stack: ['main.(*T).M', 'main.main'], values: [1, 2, 3, 4] }] });
    expect(simplifyFunctionNames(p)).toBe(p);
  });

  it('two functions that simplify alike share the new string', () => {
    const p = simplifyFunctionNames(decodeSpec({ samples: [{ stack: ['x::f(int)', 'x::f(long)'], values: [1, 2, 3, 4] }] }));
    expect(p.functions.name[0]).toBe(p.functions.name[1]);
    expect(functionName(p, 0)).toBe('x::f');
  });

  it('happens on load, merged or not', () => {
    for (const merge of [true, false]) {
      const p = normalizeProfile(
        decodeSpec(one('std::vector<int>::push_back(int const&)', 'std::vector<int>::push_back(int const&)')),
        merge,
      );
      expect(functionName(p, 0)).toBe('std::vector::push_back');
    }
  });
});
