package main

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/apigw/apigw/internal/golden"
)

// failingWriter fails every write, as standard output does on a full disk
// or a closed pipe.
type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) { return 0, errors.New("no space left on device") }

// commandInputs gives, for each command that reads a file, its arguments
// around the input: before, the input, after.
func commandInputs(t *testing.T) []struct {
	name          string
	before, after []string
	input         string
} {
	doc := golden.Fixture(t, "petstore.yaml")
	mock := golden.Fixture(t, "simulate/http.yaml")
	dump := golden.Fixture(t, "apimodel/rest.json")
	out := t.TempDir()
	return []struct {
		name          string
		before, after []string
		input         string
	}{
		{"check", []string{"check"}, nil, doc},
		{"fmt", []string{"fmt"}, nil, doc},
		{"convert", []string{"convert", "--to", "oas31"}, nil, doc},
		{"import", []string{"import"}, nil, doc},
		{"export", []string{"export"}, nil, dump},
		{"config", []string{"config", "--target", "cloudformation"}, nil, doc},
		{"config dump", []string{"config", "--target", "terraform"}, nil, dump},
		{"simulate", []string{"simulate", "--operation", "GET /health"}, nil, mock},
		{"simulate dump", []string{"simulate", "--operation", "GET /pets"}, nil, dump},
		{"serve", []string{"serve", "--addr", "127.0.0.1:0"}, nil, mock},
		{"gen client", []string{"gen", "client", "-package", "petstore"}, nil, doc},
		{"gen schema", []string{"gen", "schema"}, []string{"-o", out}, doc},
	}
}

func args(before []string, input string, after []string) []string {
	return append(append(append([]string{}, before...), input), after...)
}

// TestExitCodeMissingInput: an input that does not exist is a usage error
// (2) in every command, and the message names it.
func TestExitCodeMissingInput(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "none.yaml")
	for _, c := range commandInputs(t) {
		var out, errb bytes.Buffer
		code := run(args(c.before, missing, c.after), nil, &out, &errb)
		if code != exitUsage || !strings.Contains(errb.String(), "none.yaml") {
			t.Errorf("%s: exit %d, stderr %q; want %d naming the file", c.name, code, errb.String(), exitUsage)
		}
	}
	var out, errb bytes.Buffer
	if code := run([]string{"fmt", t.TempDir()}, nil, &out, &errb); code != exitUsage || !strings.Contains(errb.String(), "is a folder") {
		t.Errorf("fmt FOLDER: exit %d, stderr %q", code, errb.String())
	}
}

// TestExitCodeLimit: a refusal by a safety limit is 3 in every command,
// serve and simulate included, with --max-size, APIGW_MAX_SIZE or the
// payload limit of --body.
func TestExitCodeLimit(t *testing.T) {
	for _, c := range commandInputs(t) {
		var out, errb bytes.Buffer
		code := run(args(append(c.before, "--max-size", "100"), c.input, c.after), nil, &out, &errb)
		if code != exitLimit || !strings.Contains(errb.String(), "limit of 100 bytes") || !strings.Contains(errb.String(), "--max-size") {
			t.Errorf("%s: exit %d, stderr %q; want %d", c.name, code, errb.String(), exitLimit)
		}
	}
	t.Setenv(maxSizeEnv, "1KiB")
	var out, errb bytes.Buffer
	if code := run([]string{"check", golden.Fixture(t, "petstore.yaml")}, nil, &out, &errb); code != exitLimit || !strings.Contains(errb.String(), "limit of 1024 bytes") {
		t.Errorf("%s=1KiB: exit %d, stderr %q", maxSizeEnv, code, errb.String())
	}
	// The flag wins over the variable.
	if code := run([]string{"check", "--max-size", "1MB", golden.Fixture(t, "petstore.yaml")}, nil, &out, &errb); code != exitOK {
		t.Errorf("--max-size 1MB over %s=1KiB: exit %d, stderr %q", maxSizeEnv, code, errb.String())
	}
	t.Setenv(maxSizeEnv, "lots")
	errb.Reset()
	if code := run([]string{"check", golden.Fixture(t, "petstore.yaml")}, nil, &out, &errb); code != exitUsage || !strings.Contains(errb.String(), maxSizeEnv) {
		t.Errorf("%s=lots: exit %d, stderr %q", maxSizeEnv, code, errb.String())
	}
	t.Setenv(maxSizeEnv, "")

	mock := golden.Fixture(t, "simulate/http.yaml")
	big := filepath.Join(t.TempDir(), "body.json")
	if err := os.WriteFile(big, bytes.Repeat([]byte("x"), maxBody+1), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name  string
		body  string
		stdin []byte
	}{
		{"file", big, nil},
		{"standard input", "-", bytes.Repeat([]byte("x"), maxBody+1)},
	} {
		errb.Reset()
		code := run([]string{"simulate", mock, "--operation", "GET /items", "--body", tc.body}, bytes.NewReader(tc.stdin), &out, &errb)
		if code != exitLimit || !strings.Contains(errb.String(), "payload limit") || strings.Contains(errb.String(), "--max-size") {
			t.Errorf("--body from %s over 10 MiB: exit %d, stderr %q", tc.name, code, errb.String())
		}
	}
	errb.Reset()
	exact := bytes.Repeat([]byte("x"), maxBody)
	if code := run([]string{"simulate", mock, "--operation", "GET /items", "--body", "-"}, bytes.NewReader(exact), &out, &errb); code != exitOK {
		t.Errorf("--body of exactly 10 MiB: exit %d, stderr %q", code, errb.String())
	}
}

// TestExitCodeWriteToStdout: a failed write to standard output is 4 in
// every command that writes there, with no usage hint.
func TestExitCodeWriteToStdout(t *testing.T) {
	cmds := [][]string{{"version"}, {"--help"}, {"gen", "schema", "--extensions"}}
	for _, c := range commandInputs(t) {
		switch c.name {
		case "serve", "gen schema": // serve logs to stderr; gen schema FILE writes into a folder
			continue
		}
		cmds = append(cmds, args(c.before, c.input, c.after))
	}
	loose := filepath.Join(t.TempDir(), "loose.yaml")
	os.WriteFile(loose, []byte("openapi:    3.0.1\n"), 0o644)
	cmds = append(cmds, []string{"fmt", "--check", loose},
		[]string{"simulate", "--format", "json", "--operation", "GET /health", golden.Fixture(t, "simulate/http.yaml")})
	for _, a := range cmds {
		var errb bytes.Buffer
		code := run(a, nil, failingWriter{}, &errb)
		if code != exitWrite || !strings.Contains(errb.String(), "no space left on device") || strings.Contains(errb.String(), "--help") {
			t.Errorf("%v: exit %d, stderr %q; want %d", a, code, errb.String(), exitWrite)
		}
	}
}

func TestParseSize(t *testing.T) {
	for in, want := range map[string]int64{"100": 100, "64MiB": 64 << 20, "64mib": 64 << 20, "1 GiB": 1 << 30, "100MB": 100_000_000, "2k": 2048, "5KB": 5000, "7b": 7} {
		if got, err := parseSize(in); err != nil || got != want {
			t.Errorf("parseSize(%q) = %d, %v; want %d", in, got, err, want)
		}
	}
	for _, in := range []string{"", "0", "-5", "MiB", "1.5MiB", "lots", "99999999999GiB"} {
		if _, err := parseSize(in); err == nil {
			t.Errorf("parseSize(%q) accepted", in)
		}
	}
}
