package openapi

import (
	"bytes"
	"path/filepath"
	"slices"
	"strconv"
	"testing"

	"github.com/apigw/apigw/extensions"
	"github.com/apigw/apigw/extensions/apimodel"
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

// TestCorpusRoundTrip imports every corpus document that imports without
// errors, exports it with every extension, once in the document's own
// version and once in the other (Swagger 2.0 ↔ OpenAPI 3.0), and imports each
// export again: the dumps must be the same. Warnings are left out of the
// comparison: they belong to the import call, not to the API (get-rest-api
// never returns them). Every extension the model carries must be in the
// same-version export. Skipped documents are counted with their reason.
func TestCorpusRoundTrip(t *testing.T) {
	files := corpusFiles(t, "specs")
	checked, crossed := 0, 0
	skipped := map[string]int{}
	skip := func(reason, name, ptr string) {
		skipped[reason]++
		t.Logf("SKIPPED %s %s: %s", name, ptr, reason)
	}
	for _, f := range files {
		name := filepath.Base(f)
		docs, diags, err := LoadFile(f, LoadOptions{})
		switch {
		case err != nil || len(docs) == 0:
			skip("holds no API definition (a snapshot, a template without an inline API)", name, "")
			continue
		case hasErrors(diags):
			skip("has errors that import refuses", name, "")
			continue
		}
		for _, doc := range docs {
			if doc.Model != nil {
				// TestCorpusResourceAPIs holds these; what they set may be
				// more than a document says (a path parameter not
				// required, a required response header).
				skip("an API written as resources, read rather than imported", name, doc.Pointer)
				continue
			}
			first, idiags := Import(doc, ImportOptions{})
			if first == nil || hasErrors(idiags) {
				skip("import reports errors", name, doc.Pointer)
				continue
			}
			same := Swagger2
			if doc.Kind != Swagger2 {
				same = OpenAPI30
			}
			again, ok := roundTrip(t, name, doc, first, same, skip)
			if !ok {
				continue
			}
			for _, x := range doc.Extensions() {
				if a, ok := x.Value.(*extensions.Authorizer); ok && doc.HTTPAPI() && !a.Is(extensions.AuthorizerJWT) && !a.Is(extensions.AuthorizerRequest) {
					continue // an HTTP API has no such authorizer; import says so
				}
				if source.IntrinsicName(x.Node) != "" {
					continue // chosen whole by an intrinsic function; import warns
				}
				if slices.Contains(carried[doc.HTTPAPI()], x.Name) && len(again.ExtensionsNamed(x.Name)) == 0 && x.Value != nil {
					t.Errorf("%s %s: %s is lost by import → export", name, doc.Pointer, x.Name)
				}
			}
			checked++
			if doc.HTTPAPI() {
				skip("other version: HTTP APIs export as OpenAPI 3.0 only", name, doc.Pointer)
				continue
			}
			other := OpenAPI30
			if same == OpenAPI30 {
				other = Swagger2
			}
			if _, ok := roundTrip(t, name, doc, first, other, skip); ok {
				crossed++
			}
		}
	}
	t.Logf("%d documents round-tripped in their own version, %d in the other; skipped: %v", checked, crossed, skipped)
	if checked == 0 || crossed == 0 {
		t.Error("no corpus document round-tripped")
	}
}

// roundTrip exports first to the given version and imports the export
// again, reporting where the two dumps differ; it returns the export.
// CloudFormation intrinsic functions are values of the model, which export
// writes back as they were, so documents with them come back the same too.
func roundTrip(t *testing.T, name string, doc *Document, first *apimodel.Dump, to Kind, skip func(reason, name, ptr string)) (*Document, bool) {
	t.Helper()
	fail := func(format string, args ...any) {
		t.Errorf("%s %s (%s): "+format, append([]any{name, doc.Pointer, to}, args...)...)
	}
	out, _ := Export(first, ExportOptions{To: to, Extensions: []string{"apigateway"}, Documentation: true})
	data, err := source.WriteJSON(out)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	again, ldiags, err := Load(name+".export.json", data, LoadOptions{API: doc.API})
	if err != nil || len(again) != 1 || hasErrors(ldiags) {
		fail("the export does not load cleanly: %v %v", err, firstError(ldiags))
		return nil, false
	}
	second, _ := Import(again[0], ImportOptions{})
	m1, m2 := comparable(t, first), comparable(t, second)
	if !bytes.Equal(m1, m2) {
		fail("import → export → import changes the model:\n%s", firstLineDiff(m1, m2))
		return again[0], false
	}
	return again[0], true
}

// comparable is the dump without what belongs to the import call
// (warnings) and what a document cannot hold (the stages and tags a
// template's resource gives, a name it writes as an intrinsic function:
// info.title is text).
func comparable(t *testing.T, d *apimodel.Dump) []byte {
	t.Helper()
	c := *d
	if d.REST != nil && d.REST.RestAPI != nil {
		rest, api := *d.REST, *d.REST.RestAPI
		api.Warnings, api.Tags = nil, nil
		api.Intrinsics = withoutName(api.Intrinsics, "name")
		rest.RestAPI = &api
		rest.Stages = nil
		c.REST = &rest
	}
	if d.V2 != nil && d.V2.API != nil {
		v2, api := *d.V2, *d.V2.API
		api.Warnings, api.ImportInfo, api.Tags = nil, nil, nil
		api.Intrinsics = withoutName(api.Intrinsics, "Name")
		v2.API = &api
		v2.Stages = nil
		c.V2 = &v2
	}
	b, err := c.Marshal()
	if err != nil {
		t.Fatal(err)
	}
	return b
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

// withoutName returns t without the intrinsic at key.
func withoutName(t apimodel.Intrinsics, key string) apimodel.Intrinsics {
	out := apimodel.Intrinsics{}
	for k, v := range t {
		if k != key {
			out[k] = v
		}
	}
	return out
}
