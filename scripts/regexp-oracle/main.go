// The regexp oracle for scripts/adversarial.js: reads one JSON query a line,
// {"pattern": ..., "inputs": [...]}, and answers each with Go's verdict,
// {"error": ...} or {"matches": [...]}, so heapcli's regexps can be compared
// with Go's own on random patterns.
package main

import (
	"bufio"
	"encoding/json"
	"os"
	"regexp"
)

type query struct {
	Pattern string   `json:"pattern"`
	Inputs  []string `json:"inputs"`
}

type answer struct {
	Error   string `json:"error,omitempty"`
	Matches []bool `json:"matches,omitempty"`
}

func main() {
	in := bufio.NewScanner(os.Stdin)
	in.Buffer(make([]byte, 1<<20), 1<<26)
	out := json.NewEncoder(os.Stdout)
	for in.Scan() {
		var q query
		if err := json.Unmarshal(in.Bytes(), &q); err != nil {
			panic(err)
		}
		re, err := regexp.Compile(q.Pattern)
		if err != nil {
			out.Encode(answer{Error: err.Error()})
			continue
		}
		a := answer{Matches: []bool{}}
		for _, s := range q.Inputs {
			a.Matches = append(a.Matches, re.MatchString(s))
		}
		out.Encode(a)
	}
}
