#!/usr/bin/env bash
# Regenerates the test profiles and the golden outputs of `go tool pprof`.
#
#   scripts/update-goldens.sh                 profiles + goldens
#   scripts/update-goldens.sh --goldens-only  goldens only, from the profiles
#                                             already in testdata/profiles/
#   scripts/update-goldens.sh --manifest oneshot-list.txt   one manifest's goldens
#
# Needs Go (the reference is go 1.19's pprof) and, without --goldens-only,
# Node/npm for the @datadog/pprof writer. The tests themselves need neither.
# Round-trip manifests (roundtrip*.txt: proto, topproto) also read heapcli's
# output back with pprof when heapcli is built (npm run build), and exit 1
# after writing the goldens if pprof reads any of it otherwise.
# See testdata/README.md for what every file is.
set -euo pipefail

usage() { sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'; }
die() { echo "update-goldens: $*" >&2; exit 1; }
say() { echo "update-goldens: $*"; }

goldens_only=0
only_manifest=""
while (($# > 0)); do
  case "$1" in
    --goldens-only) goldens_only=1 ;;
    --manifest) only_manifest="${2:?--manifest takes a file name in testdata/golden}"; goldens_only=1; shift ;;
    -h | --help) usage; exit 0 ;;
    *) usage >&2; die "unknown argument: $1" ;;
  esac
  shift
done

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root" # pprof is run from here so that File: lines and paths are stable
programs=testdata/programs
profiles=testdata/profiles
golden=testdata/golden

command -v go >/dev/null || die "go is not on PATH"
gover="$(go env GOVERSION)"
case "$gover" in
  go1.19*) ;;
  *) echo "update-goldens: warning: $gover, but the goldens are meant to come from go1.19's pprof" >&2 ;;
esac

# Same output whatever the caller's environment: UTC times in the headers, no
# go.work from a parent folder, no binary search path, and pprof's scratch
# files (it saves fetched profiles in PPROF_TMPDIR) out of $HOME.
export TZ=UTC GOWORK=off
unset PPROF_BINARY_PATH PPROF_TOOLS
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
export PPROF_TMPDIR="$tmp/pprof"

# ---------------------------------------------------------------- profiles --

# Builds and runs one Go program; it writes its profiles into $tmp/out.
# Built as $tmp/bin/<name> so that pprof's "File:" header reads <name>.
run_go_program() {
  local name="$1"
  say "go build -o \$tmp/bin/$name ./$name (in $programs)"
  (cd "$programs" && go build -o "$tmp/bin/$name" "./$name")
  say "running $name"
  "$tmp/bin/$name" "$tmp/out"
}

run_node_writer() {
  local dir="$programs/nodeleak"
  if [[ ! -d "$dir/node_modules/@datadog/pprof" ]]; then
    say "npm ci in $dir"
    (cd "$dir" && npm ci --no-audit --no-fund)
  fi
  say "running node $dir/leak.js"
  node "$dir/leak.js" "$tmp/out"
}

if ((goldens_only == 0)); then
  command -v node >/dev/null || die "node is not on PATH"
  mkdir -p "$tmp/bin" "$tmp/out" "$profiles"
  run_go_program leakybuf
  run_go_program httpleak
  run_go_program recurse
  run_go_program growing # the growth series: growing-01.pb.gz .. growing-08.pb.gz, ~2 s
  run_node_writer
  # Copy exactly the expected files, so a missing one is an error.
  for f in \
    leakybuf.heap.pb.gz leakybuf.base.pb.gz leakybuf.heap.txt leakybuf.allocs.pb.gz \
    httpleak.heap.pb.gz httpleak.base.pb.gz httpleak.heap.txt \
    recurse.heap.pb.gz recurse.base.pb.gz recurse.heap.txt \
    nodeleak.heap.pb.gz; do
    [[ -s "$tmp/out/$f" ]] || die "the writer did not produce $f"
    cp "$tmp/out/$f" "$profiles/$f"
  done
  # The series for heapcli's growth report has its own folder (pprof has no golden for it).
  mkdir -p "$profiles/growing"
  rm -f "$profiles"/growing/*.pb.gz
  for i in 01 02 03 04 05 06 07 08; do
    f="growing-$i.pb.gz"
    [[ -s "$tmp/out/$f" ]] || die "the writer did not produce $f"
    cp "$tmp/out/$f" "$profiles/growing/$f"
  done
  say "new growth series: refresh heapcli's goldens with npm run build && node scripts/update-growth-goldens.js"
  # The binaries go now: pprof must not find them (it would look for the
  # mapping's path) and so behave differently from a machine without them.
  rm -rf "${tmp:?}/bin"
  say "profiles written to $profiles:"
  (cd "$profiles" && ls -l)
fi

# ----------------------------------------------------------------- goldens --

# pprof itself must work and read every profile: some cases below are meant
# to fail, so their failures alone would not reveal a broken setup.
for p in "$profiles"/*.pb.gz; do
  go tool pprof -raw "$p" >/dev/null 2>&1 || die "go tool pprof cannot read $p"
done

# Yields the case lines of a manifest: no comments, no blank lines.
# A manifest's profile column: a file under testdata/profiles/, or, with a '/' in it, a path from the
# repository's root (testdata/realworld/...: profiles other projects wrote).
profile_path() {
  if [[ "$1" == */* ]]; then echo "$1"; else echo "$profiles/$1"; fi
}

manifest_lines() {
  [[ -f "$1" ]] || die "no manifest $1"
  grep -v -e '^[[:space:]]*#' -e '^[[:space:]]*$' "$1" || true
}

# Manifests: every oneshot*.txt (one-shot cases), images*.txt (one-shot cases whose output is
# binary, compared as bytes), unordered*.txt (one-shot cases pprof orders at random, compared up
# to that order), console*.txt (sessions) and roundtrip*.txt (profiles written, then read back)
# in the golden folder, or just the one given with --manifest. Each is read and checked whole
# first, so that a bad manifest stops the script before any golden is touched.
if [[ -n "$only_manifest" ]]; then
  manifests=("$golden/$(basename "$only_manifest")")
else
  manifests=("$golden"/oneshot*.txt "$golden"/images*.txt "$golden"/unordered*.txt "$golden"/console*.txt "$golden"/roundtrip*.txt)
fi
declare -A seen=()
for manifest in "${manifests[@]}"; do
  mapfile -t cases < <(manifest_lines "$manifest")
  ((${#cases[@]} > 0)) || die "$manifest is missing or empty"
  for line in "${cases[@]}"; do
    read -r name profile rest <<<"$line"
    [[ -n "$profile" ]] || die "$name: no profile given"
    [[ -z "${seen[$name]:-}" ]] || die "case name used twice: $name"
    seen[$name]=1
    [[ -f "$(profile_path "$profile")" ]] || die "$name: no profile $(profile_path "$profile")"
    if [[ "$(basename "$manifest")" == console* ]]; then
      [[ -z "$rest" ]] || die "$name: a console manifest takes <name> <profile> only"
      [[ -f "$golden/$name.in" ]] || die "$name: no input file $golden/$name.in"
    fi
  done
done

# Runs one case; stdin comes from the caller. pprof failing is a result to
# record (some cases are about errors), not a failure of this script.
run_case() {
  local name="$1" profile="$2"
  shift 2
  local rc=0
  go tool pprof "$@" "$(profile_path "$profile")" >"$golden/$name.out" 2>"$golden/$name.err" || rc=$?
  echo "$name $rc" >>"$status_file"
  if [[ ! -s "$golden/$name.out" && ! -s "$golden/$name.err" ]]; then
    die "$name: pprof printed nothing at all"
  fi
  printf 'update-goldens:   %-52s exit %d, %5d bytes out, %4d bytes err\n' \
    "$name" "$rc" "$(wc -c <"$golden/$name.out")" "$(wc -c <"$golden/$name.err")"
}

# A round-trip case: pprof writes a profile (-proto, -topproto, ...); the golden .out is
# pprof's -raw of what it wrote, the .err what it printed writing it. heapcli's output
# for the same flags, when heapcli is built, must read back the same in pprof.
mismatches=0
run_roundtrip_case() {
  local name="$1" profile="$2"
  shift 2
  local rc=0
  go tool pprof "$@" "$(profile_path "$profile")" >"$tmp/theirs.pb.gz" 2>"$golden/$name.err" </dev/null || rc=$?
  echo "$name $rc" >>"$status_file"
  : >"$golden/$name.out"
  if ((rc == 0)); then
    go tool pprof -raw "$tmp/theirs.pb.gz" >"$golden/$name.out" 2>/dev/null || die "$name: pprof cannot read back what it wrote"
  fi
  local check="not built"
  if [[ -f dist/bundle/cli.cjs ]]; then
    local ours=0
    node bin/heapcli.js "$@" "$(profile_path "$profile")" >"$tmp/ours.pb.gz" 2>/dev/null </dev/null || ours=$?
    check="same"
    if (((rc == 0) != (ours == 0))); then
      check="MISMATCH (pprof exit $rc, heapcli exit $ours)"
    elif ((rc == 0)) && ! { go tool pprof -raw "$tmp/ours.pb.gz" 2>/dev/null | cmp -s - "$golden/$name.out"; }; then
      check="MISMATCH (pprof reads heapcli's output otherwise)"
    fi
    [[ "$check" == same ]] || mismatches=$((mismatches + 1))
  fi
  printf 'update-goldens:   %-52s exit %d, %6d bytes raw, heapcli: %s\n' "$name" "$rc" "$(wc -c <"$golden/$name.out")" "$check"
}

total=0
for manifest in "${manifests[@]}"; do
  mapfile -t cases < <(manifest_lines "$manifest")
  # Every .out/.err of a manifest is generated, so clear them first: a case removed
  # from it leaves no stale golden behind. Exit statuses go beside it, as <stem>.status.
  status_file="${manifest%.txt}.status"
  for line in "${cases[@]}"; do read -r name _ <<<"$line"; rm -f "$golden/$name.out" "$golden/$name.err"; done
  {
    echo "# Exit status of go tool pprof for each case of $(basename "$manifest") (generated)."
    echo "# <name> <status>"
  } >"$status_file"
  say "${#cases[@]} cases from $manifest"
  for line in "${cases[@]}"; do
    read -r -a fields <<<"$line"
    if [[ "$(basename "$manifest")" == console* ]]; then
      run_case "${fields[0]}" "${fields[1]}" <"$golden/${fields[0]}.in"
    elif [[ "$(basename "$manifest")" == roundtrip* ]]; then
      run_roundtrip_case "${fields[0]}" "${fields[1]}" "${fields[@]:2}"
    else
      run_case "${fields[0]}" "${fields[1]}" "${fields[@]:2}" </dev/null
    fi
  done
  total=$((total + ${#cases[@]}))
done

say "done: $total cases; exit statuses in testdata/golden/*.status"
((mismatches == 0)) || die "$mismatches round-trip cases read back otherwise from heapcli's output (see MISMATCH above)"
