// pprofserver serves net/http/pprof on loopback for heapcli's live-source tests
// (__tests__/cli/live-go.test.ts). It keeps some memory so the heap profile has
// in-use samples, keeps allocating so a delta profile (?seconds=N) has samples
// too, prints its address as "http://127.0.0.1:PORT" on stdout, and exits when
// stdin closes, so a test that dies never leaves it running.
package main

import (
	"fmt"
	"io"
	"net"
	"net/http"
	_ "net/http/pprof" // registers /debug/pprof/* on http.DefaultServeMux
	"os"
	"runtime"
	"time"
)

// kept is the retained heap: 200 blocks of 64 KiB, about 12.5 MiB in use.
var kept [][]byte

// ring is reused by churn, so its allocations are garbage a moment later.
var ring [64][]byte

// retain allocates the blocks that stay in use for the program's life.
func retain() {
	for i := 0; i < 200; i++ {
		kept = append(kept, make([]byte, 64<<10))
	}
}

// churn allocates 32 KiB every few milliseconds and collects now and then:
// heap profiles are published at GC, and a delta profile needs new samples.
func churn() {
	tick := time.NewTicker(5 * time.Millisecond)
	for i := 0; ; i++ {
		<-tick.C
		ring[i%len(ring)] = make([]byte, 32<<10)
		if i%20 == 0 {
			runtime.GC()
		}
	}
}

func main() {
	// A finer sampling rate than the default 512 KiB: every block above is
	// recorded with near certainty, so the profile is never empty.
	runtime.MemProfileRate = 4096
	retain()
	runtime.GC() // publish the allocations above in the heap profile

	ln, err := net.Listen("tcp", "127.0.0.1:0") // loopback, ephemeral port
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	go churn()
	go func() {
		io.Copy(io.Discard, os.Stdin)
		os.Exit(0)
	}()
	fmt.Printf("http://%s\n", ln.Addr())
	if err := http.Serve(ln, nil); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
