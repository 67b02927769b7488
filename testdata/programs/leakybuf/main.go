// leakybuf leaks the classic way: GetLargeData builds a slice of rows and the
// caller keeps every result in a global cache that is never trimmed.
// MemProfileRate is 1, so every allocation is in the profile (exact counts).
package main

import (
	"bytes"
	"fmt"
	"runtime"
	"strings"

	"heapcli/testdata/programs/internal/snap"
)

// Row is one record; its Payload and Name are separate heap objects.
type Row struct {
	ID      int
	Name    string
	Payload []byte
}

// The leak: these only ever grow. cache holds every GetLargeData result,
// byName indexes the rows (map growth), journal logs them (bytes.Buffer growth).
var (
	cache   [][]Row
	byName  = map[string]*Row{}
	journal bytes.Buffer
)

// growBuf is small enough to be inlined into GetLargeData, so its allocation
// shows as an inlined frame (same address as GetLargeData's call site).
func growBuf(n int) []byte {
	return make([]byte, n)
}

// GetLargeData returns n rows; the slice grows by append (runtime.growslice).
func GetLargeData(n int) []Row {
	var rows []Row
	for i := 0; i < n; i++ {
		rows = append(rows, Row{
			ID:      i,
			Name:    fmt.Sprintf("row-%05d", i),
			Payload: growBuf(512 + 128*(i%4)), // four size classes
		})
	}
	return rows
}

// indexRows keeps a pointer to every row, keyed by a fresh string.
func indexRows(batch int, rows []Row) {
	for i := range rows {
		byName[fmt.Sprint(batch, "/", rows[i].Name)] = &rows[i]
	}
}

// record appends a line per row to the journal, which is never truncated.
func record(rows []Row) {
	for _, r := range rows {
		fmt.Fprintf(&journal, "%d %s %d\n", r.ID, r.Name, len(r.Payload))
	}
}

// summarize allocates garbage only: it shows in alloc_* but not in inuse_*.
func summarize(rows []Row) string {
	var b strings.Builder
	for _, r := range rows {
		b.WriteString(r.Name)
		b.WriteByte(',')
	}
	return b.String()
}

var lastSummary int // keeps summarize's result alive just long enough

func main() {
	// First statement: record every allocation from here on. Allocations made
	// before main (package init) were sampled at the default rate.
	runtime.MemProfileRate = 1
	dir := snap.Dir()

	const batches, rowsPerBatch = 24, 250
	for i := 0; i < batches; i++ {
		rows := GetLargeData(rowsPerBatch)
		cache = append(cache, rows)
		indexRows(i, rows)
		record(rows)
		lastSummary += len(summarize(rows))
		if i == batches/3-1 {
			snap.Base(dir, "leakybuf")
		}
	}
	snap.Final(dir, "leakybuf", true)
	fmt.Printf("leakybuf: %d batches, summary bytes %d\n", len(cache), lastSummary)
}
