package schema

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/apigw/apigw/openapi"
)

// convertOne converts the schema src (YAML) of an OpenAPI 3.1 document (3.0
// with legacy) whose components.schemas holds comps, and returns the JSON of
// the schema and of its $defs, and the diagnostic codes.
func convertOne(t *testing.T, src, comps string, legacy bool) (string, string, []string) {
	t.Helper()
	version := "3.1.0"
	if legacy {
		version = "3.0.3"
	}
	text := "openapi: " + version + "\ninfo: {title: T, version: '1'}\npaths: {}\ncomponents:\n  x-other: {type: boolean}\n  x-alias: {$ref: '#/components/schemas/A'}\n  schemas:\n" + indent(comps, "    ")
	docs, diags, err := openapi.Load("t.yaml", []byte(text), openapi.LoadOptions{})
	if err != nil || len(docs) != 1 {
		t.Fatalf("load: %v %v", err, diags)
	}
	g := newAPIGen(docs[0])
	c := newBodyConv(g)
	s := c.schema(parseYAML(t, src), "/x", 0)
	defs := c.finish()
	b, err := Marshal(s)
	if err != nil {
		t.Fatal(err)
	}
	var d []byte
	if defs != nil {
		if d, err = marshalCompact(defs); err != nil {
			t.Fatal(err)
		}
	}
	var codes []string
	for _, dg := range g.Diags {
		codes = append(codes, string(dg.Code))
	}
	return compactString(t, b), string(d), codes
}

func indent(s, pre string) string {
	if s == "" {
		return ""
	}
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	for i := range lines {
		lines[i] = pre + lines[i]
	}
	return strings.Join(lines, "\n") + "\n"
}

func TestConvertSchema(t *testing.T) {
	for _, tc := range []struct {
		name, src, comps string
		legacy           bool
		want, defs       string
		codes            string
	}{
		{name: "plain", src: "{type: string, minLength: 1, pattern: '^a'}", want: `{"type":"string","minLength":1,"pattern":"^a"}`},
		{name: "type list and enum with null", src: "{type: [string, 'null'], enum: [a, b]}", want: `{"enum":["a","b",null],"type":["string","null"]}`},
		{name: "duplicate types collapse", src: "{type: [string, string]}", want: `{"type":"string"}`},
		{name: "x-nullable", src: "{type: integer, x-nullable: true}", want: `{"type":["integer","null"]}`},
		{name: "file is a string", src: "{type: file}", want: `{"type":"string"}`},
		{name: "unknown type dropped", src: "{type: int}", want: `true`, codes: "APIGW703"},
		{name: "example becomes examples", src: "{example: {b: 1, a: 2}}", want: `{"examples":[{"b":1,"a":2}]}`},
		{name: "YAML numbers become JSON numbers", src: "{maximum: 0x10, minimum: 1_000, multipleOf: .5}", want: `{"multipleOf":0.5,"maximum":16,"minimum":1000}`},
		{name: "string bound dropped", src: `{minimum: "5"}`, want: `true`, codes: "APIGW703"},
		{name: "negative length dropped", src: "{maxLength: -1}", want: `true`, codes: "APIGW703"},
		{name: "zero multipleOf dropped", src: "{multipleOf: 0}", want: `true`, codes: "APIGW703"},
		{name: "required true dropped", src: "{required: true}", want: `true`, codes: "APIGW703"},
		{name: "required deduplicated", src: "{required: [a, b, a]}", want: `{"required":["a","b"]}`},
		{name: "empty enum dropped", src: "{enum: []}", want: `true`, codes: "APIGW703"},
		{name: "empty allOf dropped", src: "{allOf: []}", want: `true`, codes: "APIGW703"},
		{name: "RE2-refused pattern kept in $comment", src: `{pattern: '^(?!x)'}`, want: `{"$comment":"pattern ^(?!x) is not checked: RE2-based validators cannot compile it"}`, codes: "APIGW705"},
		{name: "RE2-refused property pattern dropped", src: `{patternProperties: {'(?=a)': {type: string}, '^b': {type: integer}}}`, want: `{"patternProperties":{"^b":{"type":"integer"}}}`, codes: "APIGW705"},
		{name: "non-object schema", src: "[1]", want: `true`, codes: "APIGW703"},
		{name: "boolean schema", src: "false", want: `false`},
		{name: "OpenAPI keywords and extensions are left out", src: "{discriminator: {propertyName: kind}, xml: {name: x}, x-go-name: K}", want: `true`},
		{name: "format becomes a comment", src: "{type: integer, format: int32, $comment: kept}", want: `{"$comment":"format: int32\nkept","type":"integer"}`},
		{name: "identifiers dropped", src: "{$id: 'https://x/', $schema: 'x', nullable: true, type: object}", want: `{"type":"object"}`},
		{name: "tuple items", src: "{items: [{type: string}, {type: integer}]}", want: `{"prefixItems":[{"type":"string"},{"type":"integer"}]}`},
		{name: "component ref", src: "{$ref: '#/components/schemas/Pet'}", comps: "Pet: {type: object, properties: {o: {$ref: '#/components/schemas/Owner'}}}\nOwner: {type: string}",
			want: `{"$ref":"#/$defs/Pet"}`, defs: `{"Owner":{"type":"string"},"Pet":{"properties":{"o":{"$ref":"#/$defs/Owner"}},"type":"object"}}`},
		{name: "recursive component", src: "{$ref: '#/components/schemas/Node'}", comps: "Node: {type: object, properties: {next: {$ref: '#/components/schemas/Node'}}}",
			want: `{"$ref":"#/$defs/Node"}`, defs: `{"Node":{"properties":{"next":{"$ref":"#/$defs/Node"}},"type":"object"}}`},
		{name: "name escaped in the fragment", src: "{$ref: '#/components/schemas/Pet%20Store'}", comps: "Pet Store: {type: string}",
			want: `{"$ref":"#/$defs/Pet%20Store"}`, defs: `{"Pet Store":{"type":"string"}}`},
		{name: "pointer into a component", src: "{$ref: '#/components/schemas/Pet/properties/name'}", comps: "Pet: {properties: {name: {type: string}}}",
			want: `{"$ref":"#/$defs/Pet/properties/name"}`, defs: `{"Pet":{"properties":{"name":{"type":"string"}}}}`},
		{name: "missing component", src: "{$ref: '#/components/schemas/Nope'}", want: `{"$ref":"#/$defs/Nope"}`, defs: `{"Nope":{"$comment":"undefined in the document"}}`, codes: "APIGW704"},
		{name: "external ref", src: "{$ref: 'other.yaml#/Pet'}", want: `{"$comment":"unresolved $ref other.yaml#/Pet"}`, codes: "APIGW704"},
		{name: "other local ref inlined", src: "{$ref: '#/components/x-other'}", want: `{"type":"boolean"}`},
		{name: "3.1 keeps siblings of $ref", src: "{$ref: '#/components/schemas/A', maxLength: 3}", comps: "A: {type: string}", want: `{"$ref":"#/$defs/A","maxLength":3}`, defs: `{"A":{"type":"string"}}`},
		{name: "3.0 keeps only annotations beside $ref", src: "{$ref: '#/components/schemas/A', maxLength: 3, description: d}", comps: "A: {type: string}", legacy: true,
			want: `{"$ref":"#/$defs/A","description":"d"}`, defs: `{"A":{"type":"string"}}`},
		{name: "bare name", src: "{$ref: A}", comps: "A: {type: string}", want: `{"$ref":"#/$defs/A"}`, defs: `{"A":{"type":"string"}}`},
		{name: "ref to a ref leads to the component", src: "{$ref: '#/components/x-alias'}", comps: "A: {type: string}", want: `{"$ref":"#/$defs/A"}`, defs: `{"A":{"type":"string"}}`},
		{name: "3.0 nullable adds null to the type", src: "{type: string, nullable: true}", legacy: true, want: `{"type":["string","null"]}`},
		{name: "3.0 nullable with True", src: "{type: string, nullable: True, enum: [a]}", legacy: true, want: `{"enum":["a",null],"type":["string","null"]}`},
		{name: "3.0 nullable alone means nothing", src: "{nullable: true}", legacy: true, want: `true`},
		{name: "3.0 exclusive bound", src: "{minimum: 1, exclusiveMinimum: true, maximum: 9, exclusiveMaximum: false}", legacy: true, want: `{"maximum":9,"exclusiveMinimum":1}`},
		{name: "3.0 exclusive bound without a bound", src: "{exclusiveMaximum: true}", legacy: true, want: `true`},
		{name: "3.1 boolean exclusive bound refused", src: "{minimum: 1, exclusiveMinimum: true}", want: `{"minimum":1}`, codes: "APIGW703"},
		{name: "3.0 example replaces examples", src: "{example: 1, examples: [2, 3]}", legacy: true, want: `{"examples":[1]}`},
		{name: "3.1 example joins examples", src: "{example: 1, examples: [2, 3]}", want: `{"examples":[1,2,3]}`},
		{name: "3.0 keywords in every sub-schema", src: "{patternProperties: {'^x': {type: integer, nullable: true}}, prefixItems: [{type: string, nullable: true}], if: {minimum: 0, exclusiveMinimum: true}}", legacy: true,
			want: `{"if":{"exclusiveMinimum":0},"prefixItems":[{"type":["string","null"]}],"patternProperties":{"^x":{"type":["integer","null"]}}}`},
		{name: "3.0 example beside $ref kept", src: "{$ref: '#/components/schemas/A', example: x, nullable: true}", comps: "A: {type: string}", legacy: true,
			want: `{"$ref":"#/$defs/A","examples":["x"]}`, defs: `{"A":{"type":"string"}}`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, defs, codes := convertOne(t, tc.src, tc.comps, tc.legacy)
			if got != tc.want {
				t.Errorf("schema\n got %s\nwant %s", got, tc.want)
			}
			if defs != tc.defs {
				t.Errorf("$defs\n got %s\nwant %s", defs, tc.defs)
			}
			if c := strings.Join(codes, ","); c != tc.codes {
				t.Errorf("codes %q, want %q", c, tc.codes)
			}
		})
	}
}

func TestConvertDepthBound(t *testing.T) {
	src := strings.Repeat("{items: ", maxSchemaDepth+5) + "{}" + strings.Repeat("}", maxSchemaDepth+5)
	_, _, codes := convertOne(t, src, "", false)
	if strings.Join(codes, ",") != "APIGW703" {
		t.Errorf("codes %v, want the depth warning", codes)
	}
}

func TestFileNames(t *testing.T) {
	g := &apiGen{names: map[string]bool{}}
	long := "/" + strings.Repeat("segment/", 20)
	for _, tc := range []struct{ method, path, want string }{
		{"GET", "/pets/{petId}", "get-pets-petId.json"},
		{"GET", "/", "get.json"},
		{"ANY", "/{proxy+}", "any-proxy.json"},
		{"GET", "/Pets/{petId}", "get-Pets-petId-2.json"}, // differs only in case
		{"GET", "/pets/{petId}/", "get-pets-petId-3.json"},
		{"POST", "/a b/ü/../c", "post-a-b-..-c.json"},
		{"GET", long, "get-segment-segment-segment-segment-segment-segment-segment-segment-segment-segment-segment-01850086.json"},
	} {
		if got := g.fileName(tc.method, tc.path); got != tc.want {
			t.Errorf("%s %s: %q, want %q", tc.method, tc.path, got, tc.want)
		}
	}
}

func marshalCompact(v any) ([]byte, error) {
	b, err := marshalIndent(v)
	if err != nil {
		return nil, err
	}
	return []byte(compactBytes(b)), nil
}

func compactString(t *testing.T, b []byte) string {
	t.Helper()
	return compactBytes(b)
}

func compactBytes(b []byte) string {
	var buf bytes.Buffer
	if err := json.Compact(&buf, b); err != nil {
		return string(b)
	}
	return buf.String()
}
