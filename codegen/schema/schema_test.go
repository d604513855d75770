package schema

import (
	"bytes"
	"strings"
	"testing"

	"github.com/apigw/apigw/extensions"
	"github.com/apigw/apigw/internal/golden"
	sj "github.com/santhosh-tekuri/jsonschema/v6"
)

func TestGoldenSchemas(t *testing.T) {
	golden.Assert(t, "schema/extensions.json", gen(t, Extensions(Options{})))
	golden.Assert(t, "schema/document.json", gen(t, Document(Options{})))
}

func TestDeterministic(t *testing.T) {
	a := gen(t, Document(Options{}))
	for range 5 {
		if b := gen(t, Document(Options{})); !bytes.Equal(a, b) {
			t.Fatal("two runs gave different bytes")
		}
	}
}

// TestMetaSchema validates both schemas as instances of the 2020-12
// meta-schema, which the compiler has built in.
func TestMetaSchema(t *testing.T) {
	c := sj.NewCompiler()
	meta, err := c.Compile("https://json-schema.org/draft/2020-12/schema")
	if err != nil {
		t.Fatal(err)
	}
	for name, s := range map[string][]byte{
		"extensions": gen(t, Extensions(Options{})),
		"document":   gen(t, Document(Options{})),
	} {
		v, err := sj.UnmarshalJSON(bytes.NewReader(s))
		if err != nil {
			t.Fatal(err)
		}
		if err := meta.Validate(v); err != nil {
			t.Errorf("%s schema is not a valid 2020-12 schema: %v", name, err)
		}
		compile(t, s)
	}
}

func TestID(t *testing.T) {
	for _, tc := range []struct {
		got, want string
	}{
		{string(Extensions(Options{}).ID), DefaultExtensionsID},
		{string(Document(Options{}).ID), DefaultDocumentID},
		{string(Extensions(Options{ID: "https://example.com/x.json"}).ID), "https://example.com/x.json"},
		{string(Document(Options{BaseURI: "https://example.com/schemas"}).ID), "https://example.com/schemas/document.json"},
		{string(Extensions(Options{BaseURI: "https://example.com/schemas/"}).ID), "https://example.com/schemas/extensions.json"},
	} {
		if tc.got != tc.want {
			t.Errorf("$id = %q, want %q", tc.got, tc.want)
		}
	}
}

// TestEveryExtension checks that each registered extension has a property
// that refers to a definition.
func TestEveryExtension(t *testing.T) {
	s := Extensions(Options{})
	for _, sp := range extensions.Specs() {
		p := prop(s, sp.Name)
		if p == nil || !strings.HasPrefix(p.Ref, "#/$defs/") {
			t.Errorf("%s: no property referring to a definition", sp.Name)
			continue
		}
		if s.Definitions[strings.TrimPrefix(p.Ref, "#/$defs/")] == nil {
			t.Errorf("%s: %s is not defined", sp.Name, p.Ref)
		}
		if p.Description != sp.Summary {
			t.Errorf("%s: description %q, want the summary", sp.Name, p.Description)
		}
	}
}
