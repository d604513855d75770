package schema

import (
	"bytes"
	"testing"

	"github.com/apigw/apigw/extensions/source"
	js "github.com/invopop/jsonschema"
	sj "github.com/santhosh-tekuri/jsonschema/v6"
	"go.yaml.in/yaml/v4"
)

// compile compiles a generated schema with santhosh-tekuri/jsonschema, which
// also validates it against its draft's meta-schema.
func compile(t testing.TB, s []byte) *sj.Schema {
	t.Helper()
	doc, err := sj.UnmarshalJSON(bytes.NewReader(s))
	if err != nil {
		t.Fatal(err)
	}
	c := sj.NewCompiler()
	if err := c.AddResource("mem://schema.json", doc); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile("mem://schema.json")
	if err != nil {
		t.Fatalf("compile: %v", err)
	}
	return sch
}

// gen marshals a generated schema.
func gen(t testing.TB, s *js.Schema) []byte {
	t.Helper()
	b, err := Marshal(s)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

var (
	extensionsSchema = func(t testing.TB) *sj.Schema {
		return compile(t, gen(t, Extensions(Options{})))
	}
	documentSchema = func(t testing.TB) *sj.Schema {
		return compile(t, gen(t, Document(Options{})))
	}
)

// instance converts a YAML node to the JSON data a validator reads, with
// CloudFormation short forms (!Sub x) in their long form ({"Fn::Sub": x}).
func instance(t testing.TB, n *yaml.Node) any {
	t.Helper()
	js, err := source.WriteJSON(n)
	if err != nil {
		t.Fatal(err)
	}
	v, err := sj.UnmarshalJSON(bytes.NewReader(js))
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// parseYAML parses one YAML (or JSON) document into its root node.
func parseYAML(t testing.TB, src string) *yaml.Node {
	t.Helper()
	var doc yaml.Node
	if err := yaml.Unmarshal([]byte(src), &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Kind == yaml.DocumentNode && len(doc.Content) == 1 {
		return doc.Content[0]
	}
	return &doc
}
