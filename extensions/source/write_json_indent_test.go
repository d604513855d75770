package source

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/apigw/apigw/internal/shared"
)

// indentSeeds are JSON texts whose indentation has corners: empty
// containers, escapes that end in quotes or backslashes, brackets and
// colons inside strings, whitespace around and inside the value.
var indentSeeds = []string{
	`{}`, `[]`, `{"a":{}}`, `[[],[{}]]`, `"x"`, `1`, `null`,
	`{"a":"b\"","c":"\\","d":"{[,:]}","e":[1,2.5e3,true,false,null]}`,
	` { "a" : [ 1 , 2 ] } ` + "\n",
	`{"u":"\u00e9\u2028","k":{"l":{"m":[{"n":[]}]}}}`,
	"[\"\\\\\\\"\",\"\"]\n\n",
}

// FuzzIndentJSON holds IndentJSON to json.Indent on every valid JSON text.
func FuzzIndentJSON(f *testing.F) {
	for _, s := range indentSeeds {
		f.Add([]byte(s), "", "  ")
	}
	f.Add([]byte(`{"a":[1,{"b":2}]}`), ">", "\t")
	f.Fuzz(func(t *testing.T, src []byte, prefix, indent string) {
		if !json.Valid(src) {
			return
		}
		var want bytes.Buffer
		if err := json.Indent(&want, src, prefix, indent); err != nil {
			t.Fatal(err)
		}
		if got := IndentJSON(nil, src, prefix, indent); !bytes.Equal(got, want.Bytes()) {
			t.Fatalf("IndentJSON(%q, %q, %q)\n got %q\nwant %q", src, prefix, indent, got, want.Bytes())
		}
	})
}

// TestIndentJSONCorpus compares IndentJSON with json.Indent on every JSON
// document of the corpus, compacted first as encoding/json writes them.
func TestIndentJSONCorpus(t *testing.T) {
	n := 0
	for _, file := range shared.CorpusFiles(t, "specs", "bad") {
		if filepath.Ext(file) != ".json" {
			continue
		}
		data, err := os.ReadFile(file)
		if err != nil || !json.Valid(data) {
			continue
		}
		var compact bytes.Buffer
		if err := json.Compact(&compact, data); err != nil {
			t.Fatal(err)
		}
		for _, src := range [][]byte{data, compact.Bytes()} {
			var want bytes.Buffer
			json.Indent(&want, src, "", "  ")
			if got := IndentJSON(nil, src, "", "  "); !bytes.Equal(got, want.Bytes()) {
				t.Fatalf("%s: IndentJSON differs from json.Indent", file)
			}
		}
		n++
	}
	if n < 50 {
		t.Fatalf("only %d JSON documents compared", n)
	}
}

// TestIndentJSONInvalid holds that invalid input, whose output is
// unspecified, does not make IndentJSON fail.
func TestIndentJSONInvalid(t *testing.T) {
	for _, src := range []string{`"abc`, `{"a":"b\`, `{"a`, `]]}`, `"\`, ""} {
		IndentJSON(nil, []byte(src), "", "  ")
	}
}
