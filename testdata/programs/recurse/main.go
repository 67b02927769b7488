// recurse exercises the stack shapes a heap report has to get right:
// recursion (the same function many times on one stack), closures (anonymous
// funcs, and a closure returned from a function), methods with value and
// pointer receivers, and small helpers inlined into several callers.
// MemProfileRate is the default; the program keeps tens of MB live so that
// sampling still catches every one of these functions.
package main

import (
	"fmt"
	"strconv"

	"heapcli/testdata/programs/internal/snap"
)

// Node is one tree node; Data and Label are separate allocations.
type Node struct {
	Depth int
	Label string
	Data  []byte
	Kids  []*Node
}

// Forest is a named collection of trees, with methods on both receivers.
type Forest struct {
	Name  string
	Trees []*Node
	Index map[string][]byte
	Notes []byte
}

// block and label are small enough to be inlined wherever they are called.
func block(n int) []byte { return make([]byte, n) }
func label(d, i int) string {
	return "node-depth-" + strconv.Itoa(d) + "-index-" + strconv.Itoa(i) + "-of-tree"
}

// build is the recursive tree builder: it allocates at every level.
func build(depth, fanout, i int) *Node {
	n := &Node{Depth: depth, Label: label(depth, i), Data: block(192)}
	if depth > 0 {
		n.Kids = make([]*Node, fanout)
		for k := range n.Kids {
			n.Kids[k] = build(depth-1, fanout, k)
		}
	}
	return n
}

// Grow has a pointer receiver: it adds a tree and indexes its top levels.
func (f *Forest) Grow(depth, fanout int) {
	t := build(depth, fanout, len(f.Trees))
	f.Trees = append(f.Trees, t)
	walk(t, func(n *Node) { // closure allocating inside a method: Grow.func1
		if n.Depth >= depth-4 {
			f.Index[f.Name+"/"+strconv.Itoa(len(f.Index))+"/"+n.Label] = block(8192)
		}
	})
}

// Snapshot has a value receiver; it copies the tree list and adds 2 MB of
// notes, large enough that sampling nearly always records it.
func (f Forest) Snapshot() Forest {
	f.Trees = append([]*Node(nil), f.Trees...)
	f.Notes = block(2 << 20)
	return f
}

// walk calls visit on every node, depth first (recursion without allocation).
func walk(n *Node, visit func(*Node)) {
	visit(n)
	for _, k := range n.Kids {
		walk(k, visit)
	}
}

// makeTagger returns a closure that allocates each time it is called; the
// returned tags are kept. noinline keeps the closure's name makeTagger.func1:
// inlined into main, it would be renamed main.func<N>.
//
//go:noinline
func makeTagger(prefix string) func(n *Node) []byte {
	count := 0
	return func(n *Node) []byte {
		count++
		b := block(64 + len(prefix))
		copy(b, prefix)
		return b
	}
}

var (
	forest    = &Forest{Name: "main", Index: map[string][]byte{}}
	snapshots []Forest
	tags      [][]byte
)

func main() {
	dir := snap.Dir()
	tag := makeTagger("tag:")

	const rounds = 3 // the base snapshot is taken after the first round
	for r := 0; r < rounds; r++ {
		forest.Grow(7, 4) // 21845 nodes per tree
		snapshots = append(snapshots, forest.Snapshot())
		walk(forest.Trees[r], func(n *Node) { // anonymous func: main.main.func1
			if n.Depth <= 1 {
				tags = append(tags, tag(n))
			}
		})
		if r == 0 {
			snap.Base(dir, "recurse")
		}
	}
	snap.Final(dir, "recurse", false)
	fmt.Printf("recurse: %d trees, %d indexed, %d tags\n",
		len(forest.Trees), len(forest.Index), len(tags))
}
