package schema

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"sync/atomic"
	"testing"

	"github.com/apigw/apigw/internal/specgen"
	"github.com/apigw/apigw/openapi"
	"github.com/invopop/jsonschema"
	orderedmap "github.com/pb33f/ordered-map/v2"
)

func compareMarshal(t *testing.T, what string, s *jsonschema.Schema) {
	t.Helper()
	want, werr := marshalIndent(s) // encoding/json through jsonschema's MarshalJSON
	got, gerr := Marshal(s)
	if (werr != nil) != (gerr != nil) {
		t.Fatalf("%s: error %v, encoding/json says %v", what, gerr, werr)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s: Marshal differs from encoding/json:\n%s\nwant:\n%s", what, got, want)
	}
}

// compareIndex runs ForAPI on doc and compares the index.json it writes
// from entries marshalled one by one with encoding/json writing the same
// index at once.
func compareIndex(t *testing.T, name string, doc *openapi.Document) {
	t.Helper()
	files, _, err := ForAPI(doc, APIOptions{})
	if err != nil || len(files) == 0 {
		return
	}
	got := files[len(files)-1].Data
	var index Index
	if err := json.Unmarshal(got, &index); err != nil {
		t.Fatalf("%s: index.json does not read back: %v", name, err)
	}
	if want, _ := marshalIndent(index); !bytes.Equal(got, want) {
		t.Errorf("%s: index.json differs from encoding/json:\n%s\nwant:\n%s", name, got, want)
	}
}

func TestIndexJSON(t *testing.T) {
	entries := []IndexEntry{
		{Method: "GET", Path: "/a<b>&c\u2028", File: "get-a.json", ID: "x", Responses: []IndexResponse{{Status: "200", ResponseParameters: json.RawMessage(`{"a": [1, {}], "b": "\"q\""}`)}}},
		{Method: "POST", Path: "/", OperationID: "p", File: "post.json", ID: "y", Responses: []IndexResponse{}},
		{Method: "PUT", Path: "/n"},
	}
	for n := range len(entries) + 1 {
		for _, title := range []string{"", "T <&> \u00e9"} {
			index := Index{ID: "urn:x", Title: title, Operations: entries[:n]}
			var raw [][]byte
			for _, e := range index.Operations {
				b, err := marshalEntry(e)
				if err != nil {
					t.Fatal(err)
				}
				raw = append(raw, b)
			}
			got, err := indexJSON(index, raw)
			want, werr := marshalIndent(index)
			if err != nil || werr != nil || !bytes.Equal(got, want) {
				t.Errorf("%d entries, title %q: got (%v)\n%s\nwant (%v)\n%s", n, title, err, got, werr, want)
			}
		}
	}
}

func TestMarshalAsEncodingJSON(t *testing.T) {
	u := uint64(3)
	props := jsonschema.NewProperties()
	props.Set("a<b>&c", &jsonschema.Schema{Type: "string", Pattern: `^\d+$`})
	props.Set("nil", nil)
	props.Set("empty", &jsonschema.Schema{})
	props.Set("true", jsonschema.TrueSchema)
	cases := map[string]*jsonschema.Schema{
		"empty":          {},
		"true":           jsonschema.TrueSchema,
		"false":          jsonschema.FalseSchema,
		"empty slices":   {Required: []string{}, AllOf: []*jsonschema.Schema{}, Enum: []any{}},
		"empty maps":     {Definitions: jsonschema.Definitions{}, Extras: map[string]any{}},
		"empty props":    {Properties: jsonschema.NewProperties()},
		"zero props":     {Properties: &orderedmap.OrderedMap[string, *jsonschema.Schema]{}},
		"strings":        {Title: "a \"quoted\" <tag> & \\ \n\t\r\b\f\x01 \u2028\u2029 é \xff end", Description: "日本"},
		"numbers":        {Minimum: "1", Maximum: "1.5e3", MultipleOf: "-0.25", MaxLength: &u, MinItems: &u},
		"bad number":     {Minimum: "1 "},
		"flags":          {UniqueItems: true, Deprecated: true, ReadOnly: true, WriteOnly: true},
		"values":         {Const: "", Default: map[string]any{"b": []any{1, "x", nil, map[string]any{}}, "a": []any{}}, Enum: []any{"a", 1.5, true, nil}, Examples: []any{map[string]any{"k": "<v>"}}},
		"extras only":    {Extras: map[string]any{"z": 1, "x-a": map[string]any{"deep": []any{1, 2}}}},
		"extras":         {Type: "object", Extras: map[string]any{"b": "two", "a": []string{}}},
		"required":       {Required: []string{"a", "b"}, DependentRequired: map[string][]string{"b": {"c"}, "a": {}, "n": nil}},
		"nested":         {Properties: props, Items: &jsonschema.Schema{AnyOf: []*jsonschema.Schema{{Type: "string"}, nil, {}}}},
		"maps":           {Definitions: jsonschema.Definitions{"B": {Type: "integer"}, "A": nil}, PatternProperties: map[string]*jsonschema.Schema{"^x-": {}}},
		"conditions":     {If: &jsonschema.Schema{Const: 1}, Then: jsonschema.FalseSchema, Else: &jsonschema.Schema{Not: &jsonschema.Schema{}}},
		"all fields set": {Version: "v", ID: "id", Anchor: "an", Ref: "#/r", DynamicRef: "#d", Comments: "c", OneOf: []*jsonschema.Schema{{}}, DependentSchemas: map[string]*jsonschema.Schema{"d": {}}, PrefixItems: []*jsonschema.Schema{{}}, Contains: &jsonschema.Schema{}, AdditionalProperties: jsonschema.FalseSchema, PropertyNames: &jsonschema.Schema{Pattern: "p"}, ExclusiveMaximum: "9", ExclusiveMinimum: "0", MaxItems: &u, MaxContains: &u, MinContains: &u, MaxProperties: &u, MinProperties: &u, MinLength: &u, Format: "f", ContentEncoding: "base64", ContentMediaType: "text/plain", ContentSchema: &jsonschema.Schema{}},
	}
	for name, s := range cases {
		compareMarshal(t, name, s)
	}
}

// TestMarshalOnDocuments compares every schema ForAPI marshals, for the
// fixtures and the shared corpus, with encoding/json.
func TestMarshalOnDocuments(t *testing.T) {
	var n atomic.Int64 // ForAPI marshals on several goroutines
	marshalSchema = func(s *jsonschema.Schema) ([]byte, error) {
		n.Add(1)
		compareMarshal(t, "schema", s)
		return Marshal(s)
	}
	defer func() { marshalSchema = Marshal }()
	var files []string
	for _, glob := range []string{"../../fixtures/*/*.yaml", "../../fixtures/*/*.json", "../../fixtures/*/*/*.yaml", "../../fixtures/*/*/*.json", "../../../shared/corpus/*/*"} {
		m, _ := filepath.Glob(glob)
		files = append(files, m...)
	}
	for _, f := range files {
		if fi, err := os.Stat(f); err != nil || fi.IsDir() {
			continue
		}
		docs, _, err := openapi.LoadFile(f, openapi.LoadOptions{})
		if err != nil {
			continue
		}
		for _, doc := range docs {
			compareIndex(t, f, doc)
		}
	}
	docs, _, err := openapi.Load("specgen.json", specgen.JSON(50), openapi.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	compareIndex(t, "specgen.json", docs[0])
	if n.Load() == 0 {
		t.Fatal("no schema marshalled")
	}
	t.Logf("%d schemas of %d files compared", n.Load(), len(files))
}
