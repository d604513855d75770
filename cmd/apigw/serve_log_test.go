package main

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
)

// TestLogRequests: every request gets its line, in order for one client,
// by the time flush returns; a line after flush is written at once.
func TestLogRequests(t *testing.T) {
	var out syncBuffer
	h, flush := logRequests(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/missing" {
			w.WriteHeader(http.StatusNotFound)
		}
	}), &out)
	var wg sync.WaitGroup
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 50 {
				h.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest("GET", "/pets?x=1", nil))
			}
		}()
	}
	h.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest("POST", "/missing", nil))
	wg.Wait()
	flush()
	lines := strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n")
	if len(lines) != 201 {
		t.Fatalf("%d lines, want 201", len(lines))
	}
	for _, l := range lines {
		if !strings.HasPrefix(l, "GET /pets?x=1 200 ") && !strings.HasPrefix(l, "POST /missing 404 ") {
			t.Errorf("line %q", l)
		}
	}
	h.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest("GET", "/late", nil))
	if !strings.Contains(out.String(), "GET /late 200 ") {
		t.Error("a request after flush was not logged")
	}
	flush() // a second flush does nothing
}
