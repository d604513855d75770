package main

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/apigw/apigw/internal/golden"
)

func TestSimulateGolden(t *testing.T) {
	cases := []struct {
		name string
		args []string
		code int
	}{
		{"lambda-notfound", []string{"lambda.yaml", "--operation", "GET /pets/{id}", "--error-message", "[NotFound] no pet 7", "--context", "requestId=req-1", "--stage-var", "env=dev"}, exitOK},
		{"lambda-stacktrace", []string{"lambda.yaml", "--operation", "get /pets/{id}", "--error-message", "[NotFound] no pet 7\n    at handler (index.js:12)"}, exitOK},
		{"lambda-success", []string{"lambda.yaml", "--operation", "GET /pets/{id}", "--accept", "application/xml"}, exitOK},
		{"lambda-lookahead", []string{"lambda.yaml", "--operation", "GET /orders/{id}", "--error-message", "Gateway Timeout after 3s"}, exitOK},
		{"lambda-nodefault", []string{"lambda.yaml", "--operation", "GET /strict", "--error-message", "[NotFound] x"}, exitOK},
		{"lambda-invalid", []string{"lambda.yaml", "--operation", "GET /broken", "--error-message", "x"}, exitFindings},
		{"unknown-operation", []string{"lambda.yaml", "--operation", "GET /nope"}, exitUsage},
		{"http-400", []string{"http.yaml", "--operation", "GET /items", "--status", "404", "--header", "X-Reason: gone", "--header", "X-Trace: a", "--header", "X-Trace: b", "--body", "body-400.json"}, exitOK},
		{"http-image", []string{"http.yaml", "--operation", "GET /items/{id}/image", "--header", "Content-Type: image/png", "--body", "pixel.bin", "--accept", "application/json"}, exitOK},
		{"mock", []string{"http.yaml", "--operation", "GET /health", "--context", "stage=dev"}, exitOK},
		{"httpapi-200", []string{"httpapi.yaml", "--operation", "GET /users/{id}", "--header", "Server: nginx", "--context", "stage=prod"}, exitOK},
		{"httpapi-404", []string{"httpapi.yaml", "--operation", "GET /users/{id}", "--status", "404", "--body", "body-404.json"}, exitOK},
		{"websocket-http", []string{"websocket.json", "--operation", "sendMessage", "--status", "201"}, exitOK},
		{"websocket-lambda", []string{"websocket.json", "--operation", "getHistory", "--error-message", "Rate exceeded: Throttled"}, exitOK},
		// Mapping templates: the request template's statusCode selects the
		// MOCK response; a request names its path parameters; the response
		// template renders and overrides; a template that fails is a 500.
		{"template-mock", []string{"templates.yaml", "--operation", "GET /orders/7", "--context", "identity.sourceIp=203.0.113.7"}, exitOK},
		{"template-mock-fail", []string{"templates.yaml", "--operation", "GET /orders/{id}", "--query", "fail=yes"}, exitOK},
		{"template-request", []string{"templates.yaml", "--operation", "POST /orders", "--request-body", "order.json", "--request-header", "Content-Type: application/json; charset=utf-8",
			"--request-header", "X-Trace-Id: t-1", "--query", "dryRun=true", "--status", "201", "--body", "order-created.json"}, exitOK},
		{"template-override", []string{"templates.yaml", "--operation", "POST /orders", "--status", "200", "--body", "order-rejected.json"}, exitOK},
		{"template-error", []string{"templates.yaml", "--operation", "GET /broken"}, exitOK},
		{"template-passthrough", []string{"templates.yaml", "--operation", "POST /orders", "--request-header", "Content-Type: text/plain", "--request-body", "order.json", "--status", "201", "--body", "order-created.json"}, exitOK},
	}
	for _, c := range cases {
		for _, format := range []string{"text", "json"} {
			t.Run(c.name+"/"+format, func(t *testing.T) {
				args := append([]string{"simulate"}, c.args...)
				args = append(args, "--format", format)
				for i, a := range args {
					if strings.HasSuffix(a, ".yaml") || strings.HasSuffix(a, ".json") || strings.HasSuffix(a, ".bin") {
						args[i] = golden.Fixture(t, "simulate/"+a)
					}
				}
				var out, errb bytes.Buffer
				code := run(args, nil, &out, &errb)
				if code != c.code {
					t.Fatalf("exit %d, want %d; stderr: %s", code, c.code, errb.String())
				}
				got := out.String() + strings.ReplaceAll(errb.String(), golden.Fixture(t, "simulate")+"/", "")
				ext := ".txt"
				if format == "json" {
					ext = ".json"
				}
				golden.Assert(t, "simulate/"+c.name+ext, []byte(got))
			})
		}
	}
}

// syncBuffer is a bytes.Buffer safe for the server's and the test's goroutines.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func TestServeStopsOnSIGINT(t *testing.T) {
	var out, errb syncBuffer
	done := make(chan int, 1)
	go func() {
		done <- run([]string{"serve", golden.Fixture(t, "simulate/http.yaml"), "--addr", "127.0.0.1:0"}, nil, &out, &errb)
	}()
	var url string
	deadline := time.Now().Add(5 * time.Second)
	for url == "" && time.Now().Before(deadline) {
		sc := bufio.NewScanner(strings.NewReader(errb.String()))
		for sc.Scan() {
			if u, ok := strings.CutPrefix(sc.Text(), "apigw serve: listening on "); ok {
				url = u
			}
		}
		time.Sleep(10 * time.Millisecond)
	}
	if url == "" {
		t.Fatalf("server did not start: %s", errb.String())
	}
	resp, err := http.Get(url + "/health")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || resp.Header.Get("Cache-Control") != "no-store" || !strings.Contains(string(body), `"status": "ok"`) {
		t.Errorf("GET /health: %d %v %s", resp.StatusCode, resp.Header, body)
	}
	if err := syscall.Kill(syscall.Getpid(), syscall.SIGINT); err != nil {
		t.Fatal(err)
	}
	select {
	case code := <-done:
		if code != exitOK {
			t.Errorf("exit %d after SIGINT; stderr: %s", code, errb.String())
		}
	case <-time.After(10 * time.Second):
		t.Fatal("serve did not stop after SIGINT")
	}
	if log := errb.String(); !strings.Contains(log, "GET /health 200 ") || !strings.Contains(log, "shutting down") {
		t.Errorf("log: %s", log)
	}
}

// TestSimulateOperationNames: the operation as written, a concrete request
// routed as API Gateway routes it, and an operationId all name the same
// operation; an operationId used twice lists the candidates. A concrete
// request gives the path parameters its path holds.
func TestSimulateOperationNames(t *testing.T) {
	file := golden.Fixture(t, "petstore.yaml")
	sim := func(op string) (string, int) {
		var out, errb bytes.Buffer
		code := run([]string{"simulate", file, "--operation", op, "--format", "json", "--error-message", "[NotFound] no pet 7", "--path", "petId=7"}, nil, &out, &errb)
		return out.String() + errb.String(), code
	}
	want, code := sim("GET /pets/{petId}")
	if code != exitOK || !strings.Contains(want, `"statusCode": "404"`) {
		t.Fatalf("template name: exit %d\n%s", code, want)
	}
	for _, name := range []string{"get /pets/{petId}", "GET /pets/7", "getPet"} {
		if got, code := sim(name); code != exitOK || got != want {
			t.Errorf("%q: exit %d, output differs:\n%s", name, code, got)
		}
	}
	var out1, err1 bytes.Buffer
	if code := run([]string{"simulate", file, "--operation", "GET /pets/9", "--format", "json", "--error-message", "[NotFound] no pet 7"}, nil, &out1, &err1); code != exitOK || !strings.Contains(out1.String(), `"body": "{\"petId\": \"9\"}"`) {
		t.Errorf("GET /pets/9 does not give petId 9: exit %d\n%s%s", code, out1.String(), err1.String())
	}
	if got, code := sim("GET /nothing/here"); code != exitUsage || !strings.Contains(got, "GET /pets/{petId}") {
		t.Errorf("unknown request: exit %d, does not list the operations:\n%s", code, got)
	}
	dir := t.TempDir()
	dup := filepath.Join(dir, "dup.yaml")
	src := "openapi: 3.0.1\ninfo: {title: d, version: '1'}\npaths:\n" +
		"  /a: {get: {operationId: same, responses: {'200': {description: ok}}, x-amazon-apigateway-integration: {type: mock, responses: {default: {statusCode: '200'}}}}}\n" +
		"  /b: {get: {operationId: same, responses: {'200': {description: ok}}, x-amazon-apigateway-integration: {type: mock, responses: {default: {statusCode: '200'}}}}}\n"
	if err := os.WriteFile(dup, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	var out, errb bytes.Buffer
	if code := run([]string{"simulate", dup, "--operation", "same"}, nil, &out, &errb); code != exitUsage || !strings.Contains(errb.String(), "GET /a, GET /b") {
		t.Errorf("ambiguous operationId: exit %d, %s", code, errb.String())
	}
}

// startServe runs serve in the background and returns its URL and a channel
// with its exit code.
func startServe(t *testing.T, extra ...string) (string, <-chan int, *syncBuffer) {
	t.Helper()
	var out, errb syncBuffer
	done := make(chan int, 1)
	go func() {
		args := append([]string{"serve", golden.Fixture(t, "simulate/http.yaml"), "--addr", "127.0.0.1:0"}, extra...)
		done <- run(args, nil, &out, &errb)
	}()
	deadline := time.Now().Add(5 * time.Second)
	for time.Now().Before(deadline) {
		sc := bufio.NewScanner(strings.NewReader(errb.String()))
		for sc.Scan() {
			if u, ok := strings.CutPrefix(sc.Text(), "apigw serve: listening on "); ok {
				return u, done, &errb
			}
		}
		time.Sleep(10 * time.Millisecond)
	}
	t.Fatalf("server did not start: %s", errb.String())
	return "", nil, nil
}

// TestServeBoundsConnections: clients holding every connection open, idle
// or silent, do not lock out a normal request; SIGTERM with a request half
// sent exits 0 within the grace period.
func TestServeBoundsConnections(t *testing.T) {
	url, done, errb := startServe(t, "--max-connections", "8")
	host := strings.TrimPrefix(url, "http://")
	var held []net.Conn
	defer func() {
		for _, c := range held {
			c.Close()
		}
	}()
	for i := range 40 {
		c, err := net.Dial("tcp", host)
		if err != nil {
			t.Fatal(err)
		}
		held = append(held, c)
		if i%2 == 0 {
			// A keep-alive connection, idle after one request.
			fmt.Fprintf(c, "GET /health HTTP/1.1\r\nHost: x\r\n\r\n")
		}
	}
	client := &http.Client{Timeout: 3 * time.Second}
	start := time.Now()
	resp, err := client.Get(url + "/health")
	if err != nil {
		t.Fatalf("a normal request with 40 connections held: %v", err)
	}
	resp.Body.Close()
	if resp.StatusCode != 200 || time.Since(start) > 2*time.Second {
		t.Errorf("status %d after %s", resp.StatusCode, time.Since(start))
	}

	half, err := net.Dial("tcp", host)
	if err != nil {
		t.Fatal(err)
	}
	defer half.Close()
	fmt.Fprintf(half, "POST /health HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{\"par")
	time.Sleep(100 * time.Millisecond)
	start = time.Now()
	syscall.Kill(syscall.Getpid(), syscall.SIGTERM)
	select {
	case code := <-done:
		if code != exitOK {
			t.Errorf("exit %d after SIGTERM; stderr: %s", code, errb.String())
		}
		if d := time.Since(start); d > shutdownGrace+time.Second {
			t.Errorf("stopped %s after SIGTERM", d)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("serve did not stop after SIGTERM")
	}
}
