package config

import (
	"bytes"
	"encoding/json"
	"math"
	"math/rand/v2"
	"strconv"
	"testing"
)

// TestRenderJSONAsEncodingJSON compares renderJSON with encoding/json's
// indented output (HTML left unescaped) on random trees up to 45 levels
// deep, with escaped strings and floats from 1e-30 to 1e30, and checks
// that sizeJSON gives the length, so that the buffer is made once.
func TestRenderJSONAsEncodingJSON(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	var gen func(depth int) (any, any)
	gen = func(depth int) (mine, plain any) {
		switch k := r.IntN(8); {
		case depth < 45 && k < 3:
			o, m := newObj(), map[string]any{}
			for i := range r.IntN(4) {
				key := "k" + strconv.Itoa(i) + "<&>\u2028"
				a, b := gen(depth + 1)
				o.keys, o.vals = append(o.keys, key), append(o.vals, a)
				m[key] = b
			}
			return o, m
		case depth < 45 && k < 5:
			var l, p []any
			for range r.IntN(4) {
				a, b := gen(depth + 1)
				l, p = append(l, a), append(p, b)
			}
			if l == nil {
				return []any{}, []any{}
			}
			return l, p
		case k == 5:
			b := r.IntN(2) == 0
			return b, b
		case k == 6:
			n := r.IntN(2000) - 1000
			return n, n
		case k == 7 && r.IntN(2) == 0:
			f := r.NormFloat64() * math.Pow(10, float64(r.IntN(60)-30))
			return f, f
		}
		s := "s\"\\\n\t\x01ë\u2028" + strconv.Itoa(r.IntN(100))
		return s, s
	}
	longest := 0
	for range 300 {
		mine, plain := gen(0)
		got := renderJSON(mine)
		var want bytes.Buffer
		enc := json.NewEncoder(&want)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		if err := enc.Encode(plain); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want.Bytes()) {
			t.Fatalf("renderJSON:\n%s\nencoding/json:\n%s", got, want.Bytes())
		}
		if n := sizeJSON(mine, 0) + 1; n != len(got) || cap(got) != n {
			t.Fatalf("sizeJSON gives %d for %d bytes (buffer of %d):\n%s", n, len(got), cap(got), got)
		}
		longest = max(longest, maxIndent(got))
	}
	if longest < 60 {
		t.Errorf("the deepest indentation was %d spaces; the test needs trees 30 levels deep", longest)
	}
}

// maxIndent is the longest run of spaces starting a line of text.
func maxIndent(text []byte) int {
	n := 0
	for line := range bytes.Lines(text) {
		n = max(n, len(line)-len(bytes.TrimLeft(line, " ")))
	}
	return n
}
