// httpleak is an HTTP server that keeps per-request state forever: every
// request adds a session (a copy of the body plus some metadata) to a global
// map keyed by the request id, and nothing ever evicts it. The program drives
// itself with an http.Client over loopback, then writes its heap profiles.
// MemProfileRate is left at the default (one sample per 512 KiB on average).
package main

import (
	"bytes"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"strconv"
	"sync"
	"time"

	"heapcli/testdata/programs/internal/snap"
)

// Session is the per-request state that leaks.
type Session struct {
	ID      string
	Created time.Time
	Agent   string
	Headers http.Header
	Body    []byte
	Stats   *Stats
}

// Stats is a separate small allocation per session.
type Stats struct {
	Bytes int
	Hits  [8]int64
}

var (
	mu       sync.Mutex
	sessions = map[string]*Session{} // the leak: never evicted
)

// newSession copies what it keeps: the body buffer itself is reused by nobody,
// but a copy is what a careful-looking handler would do.
func newSession(id string, r *http.Request, body []byte) *Session {
	kept := make([]byte, len(body))
	copy(kept, body)
	return &Session{
		ID:      id,
		Created: time.Now(),
		Agent:   r.UserAgent(),
		Headers: r.Header.Clone(),
		Body:    kept,
		Stats:   &Stats{Bytes: len(body)},
	}
}

func handleSession(w http.ResponseWriter, r *http.Request) {
	body, err := io.ReadAll(r.Body)
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	id := r.Header.Get("X-Request-Id")
	s := newSession(id, r, body)
	mu.Lock()
	sessions[id] = s
	n := len(sessions)
	mu.Unlock()
	fmt.Fprintf(w, "session %s stored (%d live)\n", id, n)
}

// post sends one request and drains the answer so the connection is reused.
func post(c *http.Client, url string, i int, payload []byte) error {
	req, err := http.NewRequest("POST", url, bytes.NewReader(payload))
	if err != nil {
		return err
	}
	req.Header.Set("X-Request-Id", "req-"+strconv.Itoa(i))
	req.Header.Set("Content-Type", "application/octet-stream")
	resp, err := c.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	_, err = io.Copy(io.Discard, resp.Body)
	return err
}

func main() {
	dir := snap.Dir()

	ln, err := net.Listen("tcp", "127.0.0.1:0") // loopback, ephemeral port
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/session", handleSession)
	srv := &http.Server{Handler: mux}
	go srv.Serve(ln)

	url := "http://" + ln.Addr().String() + "/session"
	client := &http.Client{Timeout: 10 * time.Second}
	const requests = 3000
	for i := 0; i < requests; i++ {
		// Bodies of 2-8 KiB, so the copies dominate the retained heap.
		payload := bytes.Repeat([]byte{byte('a' + i%26)}, 2048+(i%7)*1024)
		if err := post(client, url, i, payload); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		if i == requests/3-1 {
			snap.Base(dir, "httpleak")
		}
	}
	client.CloseIdleConnections()
	srv.Close()

	snap.Final(dir, "httpleak", false)
	fmt.Printf("httpleak: %d sessions kept\n", len(sessions))
}
