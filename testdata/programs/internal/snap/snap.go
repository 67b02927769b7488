// Package snap writes the heap profiles of the test programs, so that each
// program writes its files the same way and with the same names.
package snap

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"
)

// Base writes <dir>/<name>.base.pb.gz: an early snapshot of the run, to serve
// as a -diff_base/-base profile in later tests.
func Base(dir, name string) {
	runtime.GC() // the heap profile only reflects the state as of the last GC
	write(dir, name+".base.pb.gz", "heap", 0)
}

// Final writes <dir>/<name>.heap.pb.gz and, from the same heap data,
// <dir>/<name>.heap.txt (the legacy text form). No GC runs between the two,
// so both show the cycle completed by the runtime.GC below.
// With allocs set it also writes <dir>/<name>.allocs.pb.gz, which differs
// from the heap profile only in default_sample_type (alloc_space).
func Final(dir, name string, allocs bool) {
	runtime.GC()
	write(dir, name+".heap.pb.gz", "heap", 0)
	write(dir, name+".heap.txt", "heap", 1)
	if allocs {
		write(dir, name+".allocs.pb.gz", "allocs", 0)
	}
}

// Dir returns the output directory given as the program's only argument.
func Dir() string {
	if len(os.Args) != 2 {
		fmt.Fprintf(os.Stderr, "usage: %s OUTDIR\n", filepath.Base(os.Args[0]))
		os.Exit(2)
	}
	return os.Args[1]
}

func write(dir, file, profile string, debug int) {
	f, err := os.Create(filepath.Join(dir, file))
	if err != nil {
		fail(err)
	}
	if err := pprof.Lookup(profile).WriteTo(f, debug); err != nil {
		fail(err)
	}
	if err := f.Close(); err != nil {
		fail(err)
	}
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, err)
	os.Exit(1)
}
