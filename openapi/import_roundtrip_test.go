package openapi

import (
	"bytes"
	"path/filepath"
	"slices"
	"strconv"
	"testing"

	"github.com/apigw/apigw/extensions"
	"github.com/apigw/apigw/extensions/diag"
	"github.com/apigw/apigw/extensions/source"
	"go.yaml.in/yaml/v4"
)

// carried are the extensions whose content the API model holds, so export
// must write them again (others, such as x-amazon-apigateway-tag-value,
// have no place in the model).
var carried = map[bool][]string{
	false: {extensions.ExtIntegration, extensions.ExtAuthorizer, extensions.ExtRequestValidators, extensions.ExtRequestValidator,
		extensions.ExtGatewayResponses, extensions.ExtBinaryMediaTypes, extensions.ExtMinimumCompressionSize,
		extensions.ExtPolicy, extensions.ExtDocumentation, extensions.ExtAnyMethod},
	true: {extensions.ExtIntegration, extensions.ExtAuthorizer, extensions.ExtAnyMethod, extensions.ExtCORS},
}

// TestCorpusRoundTrip imports every corpus document, exports it with all
// extensions and imports the export again: the two models must be the same,
// and every extension the model carries must be in the export.
func TestCorpusRoundTrip(t *testing.T) {
	files := corpusFiles(t, "specs")
	checked := 0
	for _, f := range files {
		name := filepath.Base(f)
		docs, diags, err := LoadFile(f, LoadOptions{})
		if err != nil || len(docs) == 0 || hasErrors(diags) {
			t.Logf("REFUSED %s: not loaded without errors", name)
			continue
		}
		for _, doc := range docs {
			if n := intrinsicIn(doc.Root); n != "" {
				// the model holds an intrinsic as text ("<Fn::Join>"), which loads back as a different literal
				t.Logf("REFUSED %s %s: uses the CloudFormation intrinsic %s", name, doc.Pointer, n)
				continue
			}
			first, idiags := Import(doc, ImportOptions{})
			if first == nil || hasErrors(idiags) {
				t.Logf("REFUSED %s %s: import reports errors", name, doc.Pointer)
				continue
			}
			m1, err := first.Marshal()
			if err != nil {
				t.Fatal(err)
			}
			out, _ := Export(first, ExportOptions{Extensions: []string{"apigateway"}, Documentation: true})
			data, err := source.WriteJSON(out)
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			again, ldiags, err := Load(name+".export.json", data, LoadOptions{})
			if err != nil || len(again) != 1 || hasErrors(ldiags) {
				t.Errorf("%s %s: the export does not load cleanly: %v %v", name, doc.Pointer, err, firstError(ldiags))
				continue
			}
			again[0].API = doc.API
			second, _ := Import(again[0], ImportOptions{})
			m2, _ := second.Marshal()
			if !bytes.Equal(m1, m2) {
				t.Errorf("%s %s: import → export → import changes the model:\n%s", name, doc.Pointer, firstLineDiff(m1, m2))
			}
			for _, x := range doc.Extensions() {
				if a, ok := x.Value.(*extensions.Authorizer); ok && doc.HTTPAPI() && !a.Is(extensions.AuthorizerJWT) && !a.Is(extensions.AuthorizerRequest) {
					continue // an HTTP API has no such authorizer; import says so
				}
				if slices.Contains(carried[doc.HTTPAPI()], x.Name) && len(again[0].ExtensionsNamed(x.Name)) == 0 && x.Value != nil {
					t.Errorf("%s %s: %s is lost by import → export", name, doc.Pointer, x.Name)
				}
			}
			checked++
		}
	}
	t.Logf("%d documents round-tripped", checked)
}

// intrinsicIn returns the name of the first CloudFormation intrinsic function in n, or "".
func intrinsicIn(n *yaml.Node) string {
	if n == nil {
		return ""
	}
	if fn := source.IntrinsicName(n); fn != "" {
		return fn
	}
	for _, c := range n.Content {
		if fn := intrinsicIn(c); fn != "" {
			return fn
		}
	}
	return ""
}

func hasErrors(ds []diag.Diagnostic) bool { return firstError(ds) != nil }

func firstError(ds []diag.Diagnostic) *diag.Diagnostic {
	for i := range ds {
		if ds[i].Severity == diag.Error {
			return &ds[i]
		}
	}
	return nil
}

func firstLineDiff(a, b []byte) string {
	al, bl := bytes.Split(a, []byte("\n")), bytes.Split(b, []byte("\n"))
	for i := 0; i < max(len(al), len(bl)); i++ {
		var x, y []byte
		if i < len(al) {
			x = al[i]
		}
		if i < len(bl) {
			y = bl[i]
		}
		if !bytes.Equal(x, y) {
			lo := max(0, i-3)
			return "line " + strconv.Itoa(i+1) + ":\n  first:  " + string(bytes.Join(al[lo:min(i+1, len(al))], []byte("\n"))) + "\n  second: " + string(y)
		}
	}
	return ""
}
