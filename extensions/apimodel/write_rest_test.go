package apimodel

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/apigw/apigw/extensions/source"
	"github.com/apigw/apigw/internal/golden"
	"github.com/apigw/apigw/internal/testfill"
	"go.yaml.in/yaml/v4"
)

// jsonMembers lists the JSON member names and options of a struct type, in
// the order encoding/json writes them.
func jsonMembers(t reflect.Type) []string {
	var out []string
	for f := range t.Fields() {
		if tag := f.Tag.Get("json"); tag != "-" && f.IsExported() {
			out = append(out, strings.Replace(tag, ",omitzero", ",omitempty", 1))
		}
	}
	return out
}

// TestWriteMirrors holds that the structs Marshal writes REST dumps through
// have the members of the ones they mirror, in the same order.
func TestWriteMirrors(t *testing.T) {
	for _, p := range [][2]any{{RestDump{}, restJSON{}}, {Resource{}, resourceJSON{}}, {Method{}, methodJSON{}},
		{MethodResponse{}, methodResponseJSON{}}, {Integration{}, integrationJSON{}}, {IntegrationResponse{}, integrationResponseJSON{}}} {
		want, got := jsonMembers(reflect.TypeOf(p[0])), jsonMembers(reflect.TypeOf(p[1]))
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%T has %v, %T %v", p[1], got, p[0], want)
		}
	}
}

// marshalThroughMethods is Marshal as written with Method's own
// MarshalJSON, the reference the mirrors are held to.
func marshalThroughMethods(t *testing.T, r *RestDump) []byte {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(r.sorted()); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestMarshalMirrorsMethods holds that Marshal writes the bytes Method's
// MarshalJSON writes: on a dump with ordered parameters, keys that need
// escaping, a nil method and an empty one, and on every REST dump of the
// fixtures, of import's golden outputs and of the shared corpus
// (openapi's TestMarshalMethodsOfCorpus compares the methods of every corpus
// document imported).
func TestMarshalMirrorsMethods(t *testing.T) {
	yes := true
	var n yaml.Node
	if err := yaml.Unmarshal([]byte(`{"Fn::Sub": "${Pattern}"}`), &n); err != nil {
		t.Fatal(err)
	}
	sub := NewIntrinsic(n.Content[0])
	dumps := map[string]*RestDump{"made": {Resources: []*Resource{
		{ID: "r", Path: "/", ResourceMethods: map[string]*Method{"GET": {
			HTTPMethod: "GET", APIKeyRequired: &yes,
			RequestParameters: map[string]bool{"method.request.path.z": true, "method.request.header.ä<b>": false, "method.request.querystring.\"q\"": true},
			ParameterOrder:    []string{"method.request.querystring.\"q\"", "method.request.path.z"},
			MethodResponses:   map[string]*MethodResponse{"200": {StatusCode: "200", ResponseParameters: map[string]bool{"b": true, "a": true}, ParameterOrder: []string{"b"}}},
			MethodIntegration: &Integration{Type: "MOCK", RequestTemplates: map[string]string{"application/json": `{"statusCode": 200}`},
				IntegrationResponses: map[string]*IntegrationResponse{
					"200": {StatusCode: "200", ResponseParameters: map[string]string{"method.response.header.a": "'x'"}},
					"400": {StatusCode: "400", SelectionPattern: "4\\d{2}", Intrinsics: Intrinsics{"selectionPattern": sub},
						ResponseTemplates: map[string]string{"application/json": "#set($x = 1)\n$x"}},
					"500": nil,
				}},
		}, "POST": nil, "PUT": {}, "PATCH": {MethodResponses: map[string]*MethodResponse{"404": nil, "500": {}}}}},
		{ID: "s", Path: "/s"},
	}}}
	files, _ := filepath.Glob(filepath.Join(golden.Root(t), "fixtures", "apimodel", "*.json"))
	imports, _ := filepath.Glob(filepath.Join(golden.Root(t), "golden", "import", "*", "stdout"))
	files = append(files, imports...)
	corpus, _ := filepath.Glob(filepath.Join(golden.Root(t), "..", "shared", "corpus", "specs", "*.json"))
	for _, f := range append(files, corpus...) {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if d, _, err := Read(f+".json", data, source.Limits{}); err == nil && d != nil && d.REST != nil {
			dumps[f] = d.REST
		}
	}
	for name, r := range dumps {
		got, err := (&Dump{REST: r}).Marshal()
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if want := marshalThroughMethods(t, r); !bytes.Equal(got, want) {
			t.Errorf("%s: Marshal differs from Method's MarshalJSON:\n%s\nwant\n%s", name, got, want)
		}
	}
	if len(dumps) < 6 {
		t.Errorf("only %d dumps compared", len(dumps))
	}
}

// TestIntegrationMirrorCopiesEveryField: integrationForJSON copies an
// integration's members one by one into its mirror; with every member set,
// the mirror writes what the integration's own MarshalJSON writes.
func TestIntegrationMirrorCopiesEveryField(t *testing.T) {
	var in Integration
	// Intrinsics aside: an integration holding them is written by its own MarshalJSON.
	testfill.Fill(reflect.ValueOf(&in).Elem(), "Integration", func(t reflect.Type) bool { return t == reflect.TypeFor[Intrinsics]() })
	want, err := json.Marshal(&in)
	if err != nil {
		t.Fatal(err)
	}
	got, err := json.Marshal(integrationForJSON(&in))
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != string(want) {
		t.Errorf("the mirror writes\n%s\nthe integration\n%s", got, want)
	}
	if !strings.Contains(string(want), `"insecureSkipVerification":true`) || !strings.Contains(string(want), `"integrationResponses":{"IntegrationResponses"`) {
		t.Errorf("not every member was set: %s", want)
	}
}
