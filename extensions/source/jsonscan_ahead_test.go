package source

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/apigw/apigw/internal/shared"
	"github.com/apigw/apigw/internal/specgen"
)

// lineStarts returns the offset of every line start after the first.
func lineStarts(data []byte) []int {
	var out []int
	for i, c := range data {
		if c == '\n' && i+1 < len(data) {
			out = append(out, i+1)
		}
	}
	return out
}

// sameAsInOrder parses data in order and reading ahead from ats, and
// returns how they differ ("" when the trees, or the errors, are the same)
// and how many runs were taken.
func sameAsInOrder(name string, data []byte, maxDepth int, ats []int) (string, int) {
	want, _, wantErr := scanJSON(name, data, maxDepth, nil)
	got, s, err := scanJSON(name, data, maxDepth, ats)
	switch {
	case wantErr != nil || err != nil:
		if fmt.Sprint(wantErr) != fmt.Sprint(err) {
			return fmt.Sprintf("in order: %v; ahead from %v: %v", wantErr, ats, err), s.taken
		}
		return "", s.taken
	}
	if d := sameTree(got, want, ""); d != "" {
		return fmt.Sprintf("ahead from %v: trees differ at %s", ats, d), s.taken
	}
	return "", s.taken
}

// aheadInputs are JSON documents of every shape: generated API Gateway
// documents, the corpus's JSON and the large benchmark specs when present,
// and texts with CR LF and lone CR line breaks, a byte-order mark and
// non-ASCII keys.
func aheadInputs(t *testing.T) map[string][]byte {
	in := map[string][]byte{
		"specgen-40.json":   specgen.JSON(40),
		"crlf.json":         bytes.ReplaceAll(specgen.JSON(8), []byte("\n"), []byte("\r\n")),
		"lone-cr.json":      bytes.ReplaceAll(specgen.JSON(8), []byte("\n"), []byte("\r")),
		"mixed-breaks.json": []byte("{\r\n \"a\": {\r \"b\": 1,\n \"c\": [\r\n  \"x\",\n  \"y\"\r ],\r\n \"d\": {}\n },\n \"é\": {\n  \"ü\": \"日本\",\n  \"k\": {\"x\": 1}\n }\n}\n"),
		"bom.json":          append([]byte("\xef\xbb\xbf"), specgen.JSON(4)...),
		"one-line.json":     []byte(`{"a": {"b": 1}, "c": [1, 2]}`),
	}
	if os.Getenv("APIGW_SHORT_AHEAD") == "" {
		dir := filepath.Join(shared.Dir(t), "bench")
		for _, name := range []string{"github-api.json", "k8s-swagger.json", "stripe-spec3.json"} {
			if data, err := os.ReadFile(filepath.Join(dir, name)); err == nil {
				in[name] = data
			}
		}
		for _, f := range shared.CorpusFiles(t, "specs", "bad") {
			if data, err := os.ReadFile(f); err == nil && bytes.HasPrefix(bytes.TrimSpace(data), []byte("{")) {
				in[filepath.Base(f)] = data
			}
		}
	}
	return in
}

// TestReadAheadReadsWhatTheScannerReadsInOrder reads documents ahead from
// the lines the parser picks for 2 to 8 processors, from every line that
// starts with a key (on the smaller ones) and from random lines of any
// kind, and compares every node, position and style with the document read
// in order.
func TestReadAheadReadsWhatTheScannerReadsInOrder(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 17))
	taken, docs := 0, 0
	for name, data := range aheadInputs(t) {
		docs++
		var sets [][]int
		for procs := 2; procs <= 8; procs++ {
			var ats []int
			for i := 1; i < procs; i++ {
				if at := keyLine(data, i*len(data)/procs, aheadWindow); at > 0 && (len(ats) == 0 || at > ats[len(ats)-1]) {
					ats = append(ats, at)
				}
			}
			sets = append(sets, ats)
		}
		starts := lineStarts(data)
		if len(data) < 64<<10 {
			var keys []int
			for _, at := range starts {
				if startsWithKey(bytes.TrimLeft(data[at:], " \t")) {
					keys = append(keys, at)
				}
			}
			sets = append(sets, keys)
		}
		for range 6 {
			if len(starts) == 0 {
				break
			}
			n := 1 + rng.IntN(min(6, len(starts)))
			var ats []int
			for _, i := range rng.Perm(len(starts))[:n] {
				ats = append(ats, starts[i])
			}
			ats = sortedUnique(ats)
			sets = append(sets, ats)
		}
		for _, ats := range sets {
			d, n := sameAsInOrder(name, data, DefaultMaxDepth, ats)
			if d != "" {
				t.Fatalf("%s: %s", name, d)
			}
			taken += n
		}
	}
	// The runs must have been used, not only read: otherwise the
	// comparison above proves nothing.
	if taken < 10*docs {
		t.Errorf("%d runs taken over %d documents; the runs read ahead are not being used", taken, docs)
	}
}

// TestReadAheadErrorsAsInOrder breaks documents at random places (a byte
// removed, changed or added, a level of nesting beyond the limit) and
// checks that reading ahead reports the same error, at the same place, as
// reading in order.
func TestReadAheadErrorsAsInOrder(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 11))
	base := specgen.JSON(12)
	errs := 0
	for i := range 300 {
		data := bytes.Clone(base)
		at := rng.IntN(len(data))
		switch i % 3 {
		case 0:
			data = append(data[:at], data[at+1:]...)
		case 1:
			data[at] = "{}[],:\"x1 \n"[rng.IntN(11)]
		default:
			data = append(data[:at], append([]byte{"{}[],:\"\\"[rng.IntN(8)]}, data[at:]...)...)
		}
		starts := lineStarts(data)
		var ats []int
		for range 3 {
			ats = append(ats, starts[rng.IntN(len(starts))])
		}
		if d, _ := sameAsInOrder(fmt.Sprintf("broken %d", i), data, DefaultMaxDepth, sortedUnique(ats)); d != "" {
			t.Fatal(d)
		}
		if _, _, err := scanJSON("x", data, DefaultMaxDepth, nil); err != nil {
			errs++
		}
	}
	if errs < 100 {
		t.Errorf("only %d of 300 broken documents are refused; the breaking is too gentle to test errors", errs)
	}
	// A run that nests within the limit on its own but not below the
	// object it was read in is not taken: the depth error is reported
	// where reading in order finds it.
	deep := []byte("{\"a\": {\"b\": {\n\"c\": [[[1]]],\n\"d\": 2}}}")
	for depth := 3; depth <= 7; depth++ {
		if d, _ := sameAsInOrder("deep", deep, depth, lineStarts(deep)); d != "" {
			t.Errorf("depth limit %d: %s", depth, d)
		}
	}
}

func sortedUnique(ats []int) []int {
	out := slices.Clone(ats)
	slices.Sort(out)
	return slices.Compact(out)
}

// TestKeyLine picks the least indented key line in the window.
func TestKeyLine(t *testing.T) {
	src := []byte("{\n  \"paths\": {\n    \"/a\": {\n      \"get\": {}\n    },\n    \"/b\": [\n      \"x\",\n      \"y\"\n    ]\n  }\n}\n")
	got := keyLine(src, 20, 1000)
	if want := strings.Index(string(src), "    \"/b\""); got != want {
		t.Errorf("keyLine = %d (%q); want %d, the line of \"/b\"", got, src[got:min(len(src), got+12)], want)
	}
	if got := keyLine(src, 70, 1000); got != 0 {
		t.Errorf("keyLine past the last key = %d (%q); want 0", got, src[got:min(len(src), got+12)])
	}
}

// BenchmarkParseJSON reads the 1,000-operation document in order and
// reading ahead on all processors.
func BenchmarkParseJSON(b *testing.B) {
	data := specgen.JSON(1000)
	for _, c := range []struct {
		name string
		ats  []int
	}{{"in-order", nil}, {"ahead", aheadLines(data)}} {
		b.Run(c.name, func(b *testing.B) {
			for b.Loop() {
				if _, _, err := scanJSON("bench.json", data, DefaultMaxDepth, c.ats); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
