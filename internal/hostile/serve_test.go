package hostile

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"net"
	"net/http"
	"os/exec"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// lockedBuffer is a buffer the server's output and the test share.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) Bytes() []byte {
	l.mu.Lock()
	defer l.mu.Unlock()
	return bytes.Clone(l.b.Bytes())
}

// server is apigw serve running in the background.
type server struct {
	c      *exec.Cmd
	report func([]string, time.Time) result
	start  time.Time
	args   []string
	stderr *lockedBuffer
	addr   string
}

// startServer starts apigw serve on file and waits until it listens.
func startServer(t *testing.T, file string, extra ...string) *server {
	t.Helper()
	args := append([]string{"serve", file, "--addr", "127.0.0.1:0"}, extra...)
	ctx, cancel := context.WithTimeout(context.Background(), 2*timeout)
	t.Cleanup(cancel)
	c, report := capped(ctx, spec{args: args, dir: t.TempDir()})
	s := &server{c: c, report: report, args: args, stderr: &lockedBuffer{}}
	c.Stderr = s.stderr
	s.start = time.Now()
	if err := c.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Process.Kill() })
	for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
		sc := bufio.NewScanner(bytes.NewReader(s.stderr.Bytes()))
		for sc.Scan() {
			if u, ok := strings.CutPrefix(sc.Text(), "apigw serve: listening on http://"); ok {
				s.addr = u
				return s
			}
		}
	}
	t.Fatalf("serve did not start: %s", s.stderr.Bytes())
	return nil
}

// stop sends SIGTERM and returns the run's result and how long the server
// took to end after the signal.
func (s *server) stop(t *testing.T) (result, time.Duration) {
	t.Helper()
	sent := time.Now()
	s.c.Process.Signal(syscall.SIGTERM)
	s.c.Wait()
	took := time.Since(sent)
	r := s.report(s.args, s.start)
	r.stderr = s.stderr.Bytes()
	return r, took
}

// TestServeUnderLoad: thousands of connections held open, idle or silent,
// do not lock out a normal request; methods are case-sensitive; SIGTERM
// with a request half sent ends the server, exit 0, within the grace
// period.
func TestServeUnderLoad(t *testing.T) {
	dir := t.TempDir()
	doc := write(t, dir, "api.yaml", []byte(mockDoc))
	s := startServer(t, doc)
	var held []net.Conn
	defer func() {
		for _, c := range held {
			c.Close()
		}
	}()
	for i := range 2000 {
		c, err := net.Dial("tcp", s.addr)
		if err != nil {
			t.Fatalf("connection %d: %v", i, err)
		}
		held = append(held, c)
		if i%2 == 0 {
			fmt.Fprintf(c, "GET /a HTTP/1.1\r\nHost: x\r\n\r\n") // then idle, kept alive
		}
	}
	client := &http.Client{Timeout: 3 * time.Second, Transport: &http.Transport{DisableKeepAlives: true}}
	start := time.Now()
	resp, err := client.Get("http://" + s.addr + "/a")
	if err != nil {
		t.Fatalf("a request with 2,000 connections held: %v", err)
	}
	resp.Body.Close()
	if took := time.Since(start); resp.StatusCode != 200 || took > time.Second {
		t.Errorf("a request with 2,000 connections held: %d after %s", resp.StatusCode, took)
	}
	req, _ := http.NewRequest("get", "http://"+s.addr+"/a", nil)
	if resp, err := client.Do(req); err != nil || resp.StatusCode != 403 {
		t.Errorf("lowercase get: %v %v, want 403", resp, err)
	} else {
		resp.Body.Close()
	}

	half, err := net.Dial("tcp", s.addr)
	if err != nil {
		t.Fatal(err)
	}
	defer half.Close()
	fmt.Fprintf(half, "POST /a HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\n{\"half")
	time.Sleep(100 * time.Millisecond)
	r, took := s.stop(t)
	record("serve", r)
	if r.code != 0 || took > maxWall {
		t.Errorf("%s\nSIGTERM with a request half sent: ended after %s", r, took)
	}
	if r.rssMB >= maxRSSMB {
		t.Errorf("%s\npeak memory over %d MB", r, maxRSSMB)
	}
}
