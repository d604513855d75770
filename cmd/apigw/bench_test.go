package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/apigw/apigw/internal/specgen"
)

// benchSizes are the operation counts BenchmarkCommands measures: 1,000
// always; 10,000 (a 76 MB document) when APIGW_BENCH_10K is set, since one
// run takes seconds; APIGW_BENCH_OPS=100,3000 names the counts instead.
func benchSizes() []int {
	sizes := []int{1000}
	if os.Getenv("APIGW_BENCH_10K") != "" {
		sizes = append(sizes, 10000)
	}
	if s := os.Getenv("APIGW_BENCH_OPS"); s != "" {
		var ns []int
		for f := range strings.SplitSeq(s, ",") {
			if n, err := strconv.Atoi(strings.TrimSpace(f)); err == nil && n > 0 {
				ns = append(ns, n)
			}
		}
		if len(ns) > 0 {
			sizes = ns
		}
	}
	return sizes
}

// BenchmarkCommands runs every command that reads a document as a user
// runs it (through the command line, output discarded or written to a
// temporary folder) on a generated API Gateway document, beside
// encoding/json decoding the same bytes into map[string]any: each run of a
// command follows a decode, and the ratio of their times, x-decode, is the
// figure README gives.
//
//	go test ./cmd/apigw -run X -bench Commands -benchtime 3x -count 3
//	APIGW_BENCH_10K=1 go test ./cmd/apigw -run X -bench 'Commands/10000' -benchtime 1x -count 3
//	APIGW_BENCH_OPS=100,3000 go test ./cmd/apigw -run X -bench Commands -benchtime 3x -count 3
//
// gen schema writes a file per operation into the temporary folder
// (TMPDIR), synced to disk; TMPDIR=/dev/shm measures it without the disk.
// gen-schema writes into an empty folder, gen-schema-again over its own
// earlier output.
func BenchmarkCommands(b *testing.B) {
	for _, n := range benchSizes() {
		dir := b.TempDir()
		data := specgen.JSON(n)
		doc := filepath.Join(dir, "api.json")
		yamlDoc := filepath.Join(dir, "api.yaml")
		if err := os.WriteFile(doc, data, 0o644); err != nil {
			b.Fatal(err)
		}
		if err := os.WriteFile(yamlDoc, specgen.YAML(n), 0o644); err != nil {
			b.Fatal(err)
		}
		size := []string{"--max-size", strconv.Itoa(4 * len(data))}
		dump := filepath.Join(dir, "dump.json")
		if code := run(append([]string{"import", doc, "-o", dump}, size...), nil, io.Discard, io.Discard); code != exitOK {
			b.Fatalf("import for the dump: exit %d", code)
		}
		out := filepath.Join(dir, "out")
		cases := specgen.Commands(doc, yamlDoc, dump, out)
		b.Run(fmt.Sprintf("%d/json-decode", n), func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				decodeTime(b, data)
			}
		})
		for _, c := range cases {
			b.Run(fmt.Sprintf("%d/%s", n, c.Name), func(b *testing.B) {
				b.SetBytes(int64(len(data)))
				args := append(c.Args, size...)
				if c.Again { // the output it writes over
					if code := run(args, nil, io.Discard, io.Discard); code > exitFindings {
						b.Fatalf("exit %d", code)
					}
				}
				var decode, command time.Duration
				for b.Loop() {
					// The decode beside each run (untimed) gives the ratio
					// x-decode, which the machine's load moves far less
					// than either time. Each starts on a collected heap, as
					// a process of its own would.
					b.StopTimer()
					runtime.GC()
					decode += decodeTime(b, data)
					if !c.Again {
						os.RemoveAll(out)
					}
					runtime.GC()
					b.StartTimer()
					start := time.Now()
					if code := run(args, nil, io.Discard, io.Discard); code > exitFindings {
						b.Fatalf("exit %d", code)
					}
					command += time.Since(start)
				}
				b.ReportMetric(float64(command)/float64(decode), "x-decode")
			})
		}
	}
}

// decodeTime decodes data with encoding/json into map[string]any, the
// reference every command is measured against, and returns how long it
// took.
func decodeTime(b *testing.B, data []byte) time.Duration {
	start := time.Now()
	var v map[string]any
	if err := json.Unmarshal(data, &v); err != nil {
		b.Fatal(err)
	}
	return time.Since(start)
}
