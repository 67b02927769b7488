// growing writes a series of heap snapshots of one run, for heapcli's growth
// report: a steady leak, a burst freed halfway, churn and a flat table live in
// the same heap, and the series must tell them apart. MemProfileRate is 1, so
// each function's in-use bytes are exact and the same on every run.
package main

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"time"
)

const (
	snapshots = 8
	// Go's profile time has nanosecond resolution, but the growth report's
	// slope is per minute: a visible gap between snapshots keeps it readable.
	pause = 200 * time.Millisecond
)

// Each of these is kept by a global, so what is in use at a snapshot is
// exactly what the function below it chose to keep.
var (
	table   [][]byte  // loaded once before the first snapshot, never touched again
	leaked  [][]byte  // the leak: grows by a few records at every step
	burstup [][]byte  // a burst made after the first snapshot, mostly freed halfway
	working [8][]byte // churn: a working set that grows and shrinks
)

// loadTable makes one big long-lived allocation: in use, but never growing.
//
//go:noinline
func loadTable() {
	table = make([][]byte, 0, 16)
	for i := 0; i < 16; i++ {
		table = append(table, make([]byte, 64<<10))
	}
}

// leakStep keeps eight 512-byte records more at every step and never lets go,
// a little at a time: the leak a -base of first and last makes look small.
//
//go:noinline
func leakStep() {
	for i := 0; i < 8; i++ {
		leaked = append(leaked, make([]byte, 512))
	}
}

// burst allocates 1 MB at once, much more than the leak ever reaches.
//
//go:noinline
func burst() {
	for i := 0; i < 64; i++ {
		burstup = append(burstup, make([]byte, 16<<10))
	}
}

// releaseBurst drops three quarters of the burst; a quarter (256 kB) stays, so
// the burst still gained more than the leak between the first and last
// snapshot. It allocates nothing itself.
//
//go:noinline
func releaseBurst() {
	for i := 16; i < len(burstup); i++ {
		burstup[i] = nil
	}
	burstup = burstup[:16]
}

// churnSizes is the working set (in kB) churn holds at each snapshot: up and
// down, ending where it began, so nothing is gained over the run.
var churnSizes = [snapshots]int{64, 128, 16, 112, 32, 96, 8, 64}

// churn allocates and drops buffers in a loop; only the last 8 stay reachable
// (a ring, so churn allocates nothing but the buffers), and their sizes add up
// to this step's working set.
//
//go:noinline
func churn(step int) {
	each := churnSizes[step] << 10 / len(working)
	for i := 0; i < 200; i++ {
		buf := make([]byte, each)
		buf[0] = byte(i)
		working[i%len(working)] = buf
	}
}

func main() {
	// First statement: record every allocation from here on (exact counts).
	runtime.MemProfileRate = 1
	if len(os.Args) != 2 {
		fmt.Fprintf(os.Stderr, "usage: %s OUTDIR\n", filepath.Base(os.Args[0]))
		os.Exit(2)
	}
	dir := os.Args[1]
	leaked = make([][]byte, 0, 8*snapshots) // sized once, so only records grow
	burstup = make([][]byte, 0, 64)
	loadTable()
	for step := 0; step < snapshots; step++ {
		leakStep()
		churn(step)
		switch step {
		case 1:
			burst()
		case snapshots / 2:
			releaseBurst()
		}
		write(filepath.Join(dir, fmt.Sprintf("growing-%02d.pb.gz", step+1)))
		if step < snapshots-1 {
			time.Sleep(pause)
		}
	}
}

// write saves the heap profile as of a GC run just before it, so the in-use
// values show exactly what is reachable at this step.
func write(path string) {
	runtime.GC()
	f, err := os.Create(path)
	if err == nil {
		err = pprof.Lookup("heap").WriteTo(f, 0)
		if cerr := f.Close(); err == nil {
			err = cerr
		}
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
