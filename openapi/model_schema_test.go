package openapi

import (
	"testing"

	"github.com/apigw/apigw/extensions/source"
)

func TestModelSchemaAt(t *testing.T) {
	src := `openapi: 3.0.3
info: {title: Pets, version: "1"}
paths: {}
components:
  schemas:
    Pet:
      type: object
      properties:
        owner: {$ref: "#/components/schemas/Owner"}
        bare: {$ref: Owner}
        name: {$ref: "#/components/schemas/Pet/properties/tag"}
        tag: {type: string}
        lost: {$ref: "#/components/schemas/Nope"}
        inline: {type: integer}
    Owner: {type: string}
`
	docs, diags, err := Load("t.yaml", []byte(src), LoadOptions{})
	if err != nil || len(docs) != 1 {
		t.Fatalf("load: %v %v", err, diags)
	}
	d := docs[0]
	if d.Info.Title != "Pets" {
		t.Errorf("title %q", d.Info.Title)
	}
	props := source.NodeAt(d.Root, "/components/schemas/Pet/properties")
	at := func(name string) *Schema {
		return d.SchemaAt(source.NodeAt(props, "/"+name), "/components/schemas/Pet/properties/"+name)
	}
	for _, tc := range []struct {
		prop, name, target string
		resolved           bool
	}{
		{"owner", "Owner", "/components/schemas/Owner", true},
		{"bare", "Owner", "/components/schemas/Owner", true},
		{"name", "", "/components/schemas/Pet/properties/tag", true},
		{"lost", "Nope", "/components/schemas/Pet/properties/lost", false},
		{"inline", "", "/components/schemas/Pet/properties/inline", true},
	} {
		s := at(tc.prop)
		if s.Name != tc.name || s.TargetPointer != tc.target || s.Resolved != tc.resolved || s.File != "" {
			t.Errorf("%s: name %q target %q resolved %v, want %q %q %v", tc.prop, s.Name, s.TargetPointer, s.Resolved, tc.name, tc.target, tc.resolved)
		}
	}
	if d.SchemaAt(nil, "/x") != nil {
		t.Error("a missing schema is described")
	}
}
