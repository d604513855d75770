package source

import (
	"strings"
	"testing"
)

// TestNumbersKeepTheirType: a number beyond the range of 64-bit floats
// stays a number, spelled as written, through every writer; the same
// text quoted stays a string.
func TestNumbersKeepTheirType(t *testing.T) {
	src := `{"n": [1e400, -1E+400, 0.1e-500, 123456789012345678901234567890], "s": "1e400"}`
	doc, _, err := Parse("n.json", []byte(src), Limits{})
	if err != nil {
		t.Fatal(err)
	}
	js, err := WriteJSON(doc)
	if err != nil {
		t.Fatal(err)
	}
	if c := compact(string(js)); c != `{"n": [1e400,-1E+400,0.1e-500,123456789012345678901234567890],"s": "1e400"}` {
		t.Errorf("JSON to JSON: %s", c)
	}
	y, err := WriteYAML(Restyle(doc.Content[0]))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(y), "- 1e400\n") || !strings.Contains(string(y), `s: "1e400"`) {
		t.Errorf("JSON to YAML:\n%s", y)
	}
	back, _, err := Parse("n.yaml", y, Limits{})
	if err != nil {
		t.Fatal(err)
	}
	js2, err := WriteJSON(back)
	if err != nil {
		t.Fatal(err)
	}
	if string(js2) != string(js) {
		t.Errorf("JSON to YAML to JSON:\n%s\nwant\n%s", js2, js)
	}
	// Written in YAML: plain is a number, quoted or tagged a string.
	doc, _, err = Parse("t.yaml", []byte("a: 1e400\nb: '1e400'\nc: !!str 1e400\nd: 2.0\n"), Limits{})
	if err != nil {
		t.Fatal(err)
	}
	js, _ = WriteJSON(doc)
	if c := compact(string(js)); c != `{"a": 1e400,"b": "1e400","c": "1e400","d": 2.0}` {
		t.Errorf("YAML to JSON: %s", c)
	}
}

func TestExcerpt(t *testing.T) {
	for in, want := range map[string]string{
		"short":                       `"short"`,
		strings.Repeat("é", 50):       `"` + strings.Repeat("é", 40) + `"… (100 bytes)`,
		"line one\nline two and more": `"line one\nline two an"… (26 bytes)`,
	} {
		max := 40
		if strings.HasPrefix(in, "line") {
			max = 20
		}
		if got := Excerpt(in, max); got != want {
			t.Errorf("Excerpt(%q) = %s, want %s", in, got, want)
		}
	}
}
