package hostile

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// TestEndlessAndBlockingInputs: a device that never ends, a named pipe
// without a writer (named, below a checked folder, or behind an allowed
// $ref), and a file past the size limit are refused at once, exit 3,
// naming the file, by every command; --body too.
func TestEndlessAndBlockingInputs(t *testing.T) {
	if _, err := os.Stat("/dev/zero"); err != nil {
		t.Skip("no /dev/zero")
	}
	dir := t.TempDir()
	pipe := fifo(t, dir, "p.yaml")
	big := sparse(t, dir, "big.yaml", 40<<20)
	for _, c := range slices.Concat(docCommands, dumpCommands[:1]) {
		for _, in := range []string{"/dev/zero", pipe, big} {
			r := expect(t, "endless, blocking", 3, spec{args: c.args(in), dir: dir})
			if !bytes.Contains(r.stderr, []byte(in)) {
				t.Errorf("%s\nthe message does not name %s", r, in)
			}
		}
	}
	// Below a checked folder, and behind an allowed $ref.
	folder := filepath.Join(dir, "apis")
	write(t, folder, "ok.yaml", []byte(mockDoc))
	fifo(t, folder, "sub/pipe.yaml")
	expect(t, "endless, blocking", 3, spec{args: []string{"check", folder}, dir: dir})
	main := write(t, folder, "main.yaml", []byte(strings.Replace(mockDoc, `"200": {description: ok}`, `"200": {$ref: "sub/pipe.yaml#/r"}`, 1)))
	for _, args := range [][]string{{"check", "--allow-refs", folder, main}, {"gen", "client", "-package", "x", "--allow-refs", folder, main}} {
		r := expect(t, "endless, blocking", 3, spec{args: args, dir: dir})
		if !bytes.Contains(r.stderr, []byte("pipe.yaml")) {
			t.Errorf("%s\nthe message does not name the pipe", r)
		}
	}
	// The backend body: a device, and standard input past 10 MiB.
	doc := write(t, dir, "api.yaml", []byte(mockDoc))
	expect(t, "endless, blocking", 3, spec{args: []string{"simulate", doc, "--operation", "GET /a", "--body", "/dev/zero"}, dir: dir})
	zero, err := os.Open("/dev/zero")
	if err != nil {
		t.Fatal(err)
	}
	defer zero.Close()
	r := expect(t, "endless, blocking", 3, spec{args: []string{"simulate", doc, "--operation", "GET /a", "--body", "-"}, dir: dir, stdin: zero})
	if !bytes.Contains(r.stderr, []byte("payload limit")) {
		t.Errorf("%s\nno word of the payload limit", r)
	}
}

// TestAliasExpansionBytes: one 4 MiB string repeated by 1,000 aliases is
// refused by every command, as a document and as a dump.
func TestAliasExpansionBytes(t *testing.T) {
	dir := t.TempDir()
	bomb := write(t, dir, "bomb.yaml", aliasBomb(4<<20, 1000))
	for _, c := range slices.Concat(docCommands, dumpCommands[:1]) {
		r := expect(t, "alias bytes", 3, spec{args: c.args(bomb), dir: dir})
		if !bytes.Contains(r.stderr, []byte("APIGW012")) {
			t.Errorf("%s\nnot refused by the alias limit", r)
		}
	}
}

// TestDumps: dumps go through the loader of documents: the size limit,
// duplicate keys, several documents and alias expansion.
func TestDumps(t *testing.T) {
	dir := t.TempDir()
	huge := write(t, dir, "huge.json", bigDump(60<<20))
	dup := write(t, dir, "dup.json", []byte(`{"restApi": {"id": "api", "name": "a", "name": "b", "rootResourceId": "root"}, "resources": [{"id": "root", "path": "/"}, `+dumpResource(0)+`]}`))
	multi := write(t, dir, "multi.yaml", []byte("restApi: {id: a, name: a, rootResourceId: root}\n---\nrestApi: {id: b, name: b, rootResourceId: root}\n"))
	anchors := write(t, dir, "anchors.yaml", anchoredDump(20000))
	for _, c := range dumpCommands {
		expect(t, "dumps", 3, spec{args: c.args(huge), dir: dir})
		r := expect(t, "dumps", 1, spec{args: c.args(dup), dir: dir})
		if !bytes.Contains(r.stderr, []byte("APIGW002")) {
			t.Errorf("%s\nno duplicate-key error", r)
		}
		expect(t, "dumps", 3, spec{args: c.args(multi), dir: dir})
		expect(t, "dumps", 3, spec{args: c.args(anchors), dir: dir})
	}
}

// TestRefChains: an 8,000-link chain of $refs is refused by every command
// that follows $refs; fmt, which does not, formats it.
func TestRefChains(t *testing.T) {
	dir := t.TempDir()
	chain := write(t, dir, "chain.json", refChain(8000))
	for _, c := range docCommands {
		if strings.HasPrefix(c.name, "fmt") {
			expect(t, "ref chains", 0, spec{args: c.args(chain), dir: dir})
			continue
		}
		r := expect(t, "ref chains", 3, spec{args: c.args(chain), dir: dir})
		if !bytes.Contains(r.stderr, []byte("APIGW016")) {
			t.Errorf("%s\nnot refused by the chain limit", r)
		}
	}
}

// TestNumbers: fmt keeps a number beyond float64 a number.
func TestNumbers(t *testing.T) {
	dir := t.TempDir()
	f := write(t, dir, "n.json", []byte(`{"openapi": "3.0.1", "x-n": [1e400, -1E+400, "1e400"]}`))
	for _, args := range [][]string{{"fmt", f}, {"fmt", "--to", "yaml", f}} {
		r := expect(t, "numbers", 0, spec{args: args, dir: dir})
		if !bytes.Contains(r.stdout, []byte("1e400,")) && !bytes.Contains(r.stdout, []byte("- 1e400\n")) || !bytes.Contains(r.stdout, []byte(`"1e400"`)) {
			t.Errorf("%s\nstdout:\n%s", r, r.stdout)
		}
	}
}

// TestExitCodes: a missing input is 2, a limit 3 and a full standard output
// 4, in every command.
func TestExitCodes(t *testing.T) {
	dir := t.TempDir()
	doc := write(t, dir, "api.yaml", []byte(mockDoc))
	full, err := os.OpenFile("/dev/full", os.O_WRONLY, 0)
	if err != nil {
		t.Skip("no /dev/full")
	}
	full.Close()
	for _, c := range slices.Concat(docCommands, dumpCommands[:1]) {
		expect(t, "exit codes", 2, spec{args: c.args(filepath.Join(dir, "missing.yaml")), dir: dir})
		expect(t, "exit codes", 3, spec{args: append(c.args(doc), "--max-size", "100"), dir: dir})
		expect(t, "exit codes", 3, spec{args: c.args(doc), dir: dir, env: []string{"APIGW_MAX_SIZE=100"}})
		if c.name == "serve" || c.name == "gen schema" || c.name == "export" {
			continue // serve logs to stderr, gen schema FILE writes a folder, export needs a dump
		}
		// Standard output is /dev/full.
		r := runToFull(t, dir, c.args(doc))
		record("exit codes", r)
		if r.code != 4 || !bytes.Contains(r.stderr, []byte("no space left on device")) {
			t.Errorf("%s\nwant exit 4", r)
		}
	}
}

// runToFull runs apigw with standard output on /dev/full.
func runToFull(t *testing.T, dir string, args []string) result {
	t.Helper()
	full, err := os.OpenFile("/dev/full", os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer full.Close()
	c, report := capped(t.Context(), spec{args: args, dir: dir})
	var errb bytes.Buffer
	c.Stdout, c.Stderr = full, &errb
	start := time.Now()
	c.Run()
	r := report(args, start)
	r.stderr = errb.Bytes()
	return r
}

// TestSmallPromises: patterns share a time budget; a text file is not
// echoed; -package main is refused.
func TestSmallPromises(t *testing.T) {
	dir := t.TempDir()
	patterns := write(t, dir, "patterns.json", manyPatterns(300))
	for _, args := range [][]string{{"check", patterns}, {"import", patterns}, {"simulate", patterns, "--operation", "GET /a", "--error-message", "E5 failed"}} {
		// Warnings only (status codes mapped twice, the budget spent): exit 0.
		expect(t, "patterns, small", 0, spec{args: args, dir: dir})
	}
	text := write(t, dir, "notes.txt", bytes.Repeat([]byte("plain text, not a document "), 20000))
	for _, c := range slices.Concat(docCommands[:1], docCommands[3:9]) {
		r := expect(t, "patterns, small", 1, spec{args: c.args(text), dir: dir})
		if len(r.stdout)+len(r.stderr) > 2000 {
			t.Errorf("%s\n%d bytes of messages for a %d-byte file", r, len(r.stdout)+len(r.stderr), 540000)
		}
	}
	doc := write(t, dir, "api.yaml", []byte(mockDoc))
	expect(t, "patterns, small", 2, spec{args: []string{"gen", "client", "-package", "main", "-o", "main.go", doc}, dir: dir})
}
