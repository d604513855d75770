package source

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/apigw/apigw/internal/shared"
	"github.com/apigw/apigw/internal/specgen"
	"go.yaml.in/yaml/v4"
)

// sameTree compares two trees field by field, positions and styles included.
func sameTree(a, b *yaml.Node, path string) string {
	if a == nil || b == nil {
		if a != b {
			return path + ": one side is nil"
		}
		return ""
	}
	if a.Kind != b.Kind || a.Tag != b.Tag || a.Value != b.Value || a.Style != b.Style || a.Line != b.Line || a.Column != b.Column || a.Anchor != b.Anchor {
		return fmt.Sprintf("%s:\n  json: kind=%v tag=%q value=%q style=%v at %d:%d\n  yaml: kind=%v tag=%q value=%q style=%v at %d:%d",
			path, a.Kind, a.Tag, a.Value, a.Style, a.Line, a.Column, b.Kind, b.Tag, b.Value, b.Style, b.Line, b.Column)
	}
	if len(a.Content) != len(b.Content) {
		return fmt.Sprintf("%s: %d vs %d children", path, len(a.Content), len(b.Content))
	}
	for i := range a.Content {
		if d := sameTree(a.Content[i], b.Content[i], fmt.Sprintf("%s/%d", path, i)); d != "" {
			return d
		}
	}
	return ""
}

// compareWithYAML parses src both ways; ok is false when yaml v4 itself refuses it.
func compareWithYAML(t *testing.T, name string, src []byte) (ok bool) {
	t.Helper()
	var want yaml.Node
	if err := yaml.Unmarshal(src, &want); err != nil {
		return false
	}
	got, err := parseJSON(name, src, DefaultMaxDepth)
	if err != nil {
		t.Errorf("%s: JSON reader refused what yaml accepts: %v", name, err)
		return true
	}
	if d := sameTree(got, &want, ""); d != "" {
		t.Errorf("%s: trees differ at %s", name, d)
	}
	return true
}

func TestJSONMatchesYAMLOnEdgeCases(t *testing.T) {
	cases := []string{
		`{}`, `[]`, `"text"`, `0`, `-0`, `-0.0`, `1.5`, `true`, `null`,
		`{"a": 1, "b": [1.5, -0, 1e3, 1E-3, 1e+2, -12.5e-3, true, false, null]}`,
		`[9223372036854775807, 9223372036854775808, 18446744073709551615, 18446744073709551616, -9223372036854775808, -9223372036854775809]`,
		`[123456789012345678901234567890, 1e308, 1e309, 1.7976931348623157e309, 1e-400, 0.000000001]`,
		"\n\n   {\"a\":\r\n\t1,\r\"b\" :\t[ ]\n, \"c\":{ }}  \n",
		"\xef\xbb\xbf{\"bom\": true}",
		`{"é€😀": ["x", "ünïcödé", "日本語のテキスト"], "after": "ascii"}`,
		`{"k": "\u00e9\u20ac\u0041\u0000x", "e": "\"\\\/\b\f\n\r\t"}`,
		`{"long": "` + strings.Repeat("abcdefghij", 200) + `"}`,
		`[[[[[[[[["deep"]]]]]]]]]`,
		`{"a":{"b":{"c":[{"d":[1,{"e":"f"}]}]}}}`,
		`{"x-amazon-apigateway-integration": {"responses": {"default": {"statusCode": "200"}, ".*\\[Error\\].*": {"statusCode": "400"}}}}`,
		`{"tab	inside": "a	b"}`,
		`{"dup": 1, "dup": 2}`,
		`{"<<": {"a": 1}, "~": "null", "y": "yes", "n": "No", "1": "2001-12-14"}`,
		"{\"multi\":\n  [\n    1,\n    \"é\",\n    {\"é\": \"é\"}\n  ]\n}",
	}
	for i, c := range cases {
		if !compareWithYAML(t, fmt.Sprintf("case %d %q", i, c), []byte(c)) {
			t.Errorf("case %d: yaml v4 refuses %q; pick cases it accepts", i, c)
		}
	}
}

// TestJSONMatchesYAMLOnGeneratedInput builds random JSON with random
// whitespace, line endings, non-ASCII text, escapes and numbers.
func TestJSONMatchesYAMLOnGeneratedInput(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for i := range 300 {
		var b strings.Builder
		genValue(r, &b, 0)
		src := genSpace(r) + b.String() + genSpace(r)
		if !compareWithYAML(t, fmt.Sprintf("generated %d", i), []byte(src)) {
			t.Fatalf("yaml refuses generated input %d: %q", i, src)
		}
	}
}

var genStrings = []string{"", "a", "name", "é", "€uro", "😀", "x y", "日本", `\"`, `\\`, `\/`, `\n`, `\t`, `\u00e9`, `\u20AC`, "tab\there", "$ref", "x-amazon-apigateway-integration", "#/a/b", ": -", "'q'", "# not a comment", "null", "true", "123", "@at", "&amp", "*star", "!bang", "%pct"}

var genNumbers = []string{"0", "-0", "1", "-1", "42", "3.25", "-0.5", "1e10", "2E-3", "1.5e+300", "9223372036854775807", "9223372036854775808", "-9223372036854775809", "100000000000000000000000", "1e400", "29000"}

func genSpace(r *rand.Rand) string {
	spaces := []string{"", "", " ", "  ", "\n", "\r\n", "\t", "\n    ", " \r\n  ", "\r"}
	return spaces[r.IntN(len(spaces))]
}

func genString(r *rand.Rand) string {
	var b strings.Builder
	b.WriteByte('"')
	for range r.IntN(4) {
		b.WriteString(genStrings[r.IntN(len(genStrings))])
	}
	b.WriteByte('"')
	return b.String()
}

func genValue(r *rand.Rand, b *strings.Builder, depth int) {
	k := r.IntN(8)
	if depth == 0 {
		k = r.IntN(2) // yaml reads a top-level scalar after a tab differently
	} else if depth > 4 {
		k = 2 + r.IntN(6)
	}
	switch k {
	case 0:
		b.WriteByte('{')
		n := r.IntN(5)
		for i := range n {
			if i > 0 {
				b.WriteString(genSpace(r) + ",")
			}
			b.WriteString(genSpace(r) + genString(r) + genSpace(r) + ":" + genSpace(r))
			genValue(r, b, depth+1)
		}
		b.WriteString(genSpace(r) + "}")
	case 1:
		b.WriteByte('[')
		n := r.IntN(5)
		for i := range n {
			if i > 0 {
				b.WriteString(genSpace(r) + ",")
			}
			b.WriteString(genSpace(r))
			genValue(r, b, depth+1)
		}
		b.WriteString(genSpace(r) + "]")
	case 2, 3, 4:
		b.WriteString(genString(r))
	case 5, 6:
		b.WriteString(genNumbers[r.IntN(len(genNumbers))])
	default:
		b.WriteString([]string{"true", "false", "null"}[r.IntN(3)])
	}
}

// TestJSONMatchesYAMLOnCorpus compares the two readers on every JSON file
// of the shared corpus and benchmark folder, and on a generated document.
func TestJSONMatchesYAMLOnCorpus(t *testing.T) {
	compareWithYAML(t, "specgen", specgen.JSON(50))
	files := shared.CorpusFiles(t, "specs", "bad")
	if !testing.Short() {
		bench, _ := filepath.Glob(filepath.Join(shared.Dir(t), "bench", "*.json"))
		files = append(files, bench...)
	}
	compared := 0
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if DetectFormat(data) != JSON {
			continue
		}
		if compareWithYAML(t, filepath.Base(f), data) {
			compared++
		} else {
			t.Logf("%s: yaml v4 refuses this JSON file; not compared", filepath.Base(f))
		}
	}
	t.Logf("compared %d JSON files", compared)
}

// TestJSONSurrogatePairs checks what yaml v4 cannot read (it refuses UTF-16
// surrogate pairs) against encoding/json.
func TestJSONSurrogatePairs(t *testing.T) {
	src := `{"emoji": "\ud83d\ude00 and \uD834\uDD1E", "mixed": "a\u00e9\ud83d\ude00b"}`
	doc, err := parseJSON("s.json", []byte(src), DefaultMaxDepth)
	if err != nil {
		t.Fatal(err)
	}
	var want map[string]string
	if err := json.Unmarshal([]byte(src), &want); err != nil {
		t.Fatal(err)
	}
	m := doc.Content[0]
	for i := 0; i < len(m.Content); i += 2 {
		if got := m.Content[i+1].Value; got != want[m.Content[i].Value] {
			t.Errorf("%s = %q, want %q", m.Content[i].Value, got, want[m.Content[i].Value])
		}
	}
}

func TestJSONSyntaxErrors(t *testing.T) {
	cases := []struct {
		src        string
		line, col  int
		msgContain string
	}{
		{`{"a": 1 "b": 2}`, 1, 9, "expected ',' or '}'"},
		{`{"a": 1,}`, 1, 9, "expected a string key"},
		{`[1, 2,]`, 1, 7, "expected a value"},
		{`{'a': 1}`, 1, 2, "expected a string key"},
		{"{\"a\":\n  01}", 2, 5, "leading zeros"},
		{`{"a": tru}`, 1, 7, "expected a value"},
		{`{"a": "x\qy"}`, 1, 9, `invalid escape \q`},
		{`{"a": "\ud800"}`, 1, 14, "lone UTF-16 surrogate"},
		{`{"a": "\u12"}`, 1, 10, `invalid \u escape`},
		{"{\"a\": \"line\nbreak\"}", 1, 12, "control character"},
		{"{\"a\": \"bell\x07\"}", 1, 12, "control character"},
		{`{"a": "open`, 1, 12, "end of file in a string"},
		{`{"a": 1} {}`, 1, 10, "after the end of the JSON value"},
		{`{"é": 1.}`, 1, 9, "digit after '.'"},
		{`{"a": -}`, 1, 8, "digit after '-'"},
		{`{"a": 1e}`, 1, 9, "exponent"},
		{`{"a" 1}`, 1, 6, "expected ':'"},
		{`[1 2]`, 1, 4, "expected ',' or ']'"},
		{"  \n ", 0, 0, "empty"},
	}
	for _, c := range cases {
		_, err := parseJSON("x.json", []byte(c.src), DefaultMaxDepth)
		se, ok := err.(*SyntaxError)
		if !ok {
			t.Errorf("%q: error %v (%T), want *SyntaxError", c.src, err, err)
			continue
		}
		if se.Line != c.line || se.Column != c.col || !strings.Contains(se.Message, c.msgContain) {
			t.Errorf("%q: got %d:%d %q, want %d:%d containing %q", c.src, se.Line, se.Column, se.Message, c.line, c.col, c.msgContain)
		}
	}
}

// TestJSONContentIsNotShared checks that appending to one node's Content
// cannot overwrite another's (they are cut from one slab).
func TestJSONContentIsNotShared(t *testing.T) {
	doc, err := parseJSON("x.json", []byte(`[[1, 2], [3, 4]]`), DefaultMaxDepth)
	if err != nil {
		t.Fatal(err)
	}
	a, b := doc.Content[0].Content[0], doc.Content[0].Content[1]
	a.Content = append(a.Content, &yaml.Node{Kind: yaml.ScalarNode, Value: "9"})
	if b.Content[0].Value != "3" {
		t.Errorf("appending to one list changed its neighbour: %q", b.Content[0].Value)
	}
}
