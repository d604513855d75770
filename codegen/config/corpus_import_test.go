package config

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/apigw/apigw/extensions/apimodel"
	"github.com/apigw/apigw/extensions/diag"
	"github.com/apigw/apigw/extensions/source"
	"github.com/apigw/apigw/internal/golden"
	"github.com/apigw/apigw/openapi"
	"github.com/santhosh-tekuri/jsonschema/v6"
	"go.yaml.in/yaml/v4"
)

// TestCorpusImportConfigValidates imports every corpus OpenAPI document and
// checks what two emitters make of it: each CloudFormation resource against
// its resource schema, each call against the SDK model's input shape.
func TestCorpusImportConfigValidates(t *testing.T) {
	dir := schemasDir(t)
	specs, _ := filepath.Glob(filepath.Join(golden.Root(t), "..", "shared", "corpus", "specs", "*"))
	if len(specs) == 0 {
		t.Skip("no shared corpus")
	}
	schemas := map[string]*jsonschema.Schema{}
	sdk := map[string]*sdkModel{"apigateway": loadSDK(t, "apigateway"), "apigatewayv2": loadSDK(t, "apigatewayv2")}
	imported := 0
	for _, api := range importedAPIs(specs, func(name, ptr string) { t.Logf("REFUSED %s %s: import reports errors", name, ptr) }) {
		name, doc, dump := api.file, api.doc, api.dump
		imported++
		files, fdiags, err := CloudFormation(dump, Options{Template: templateOf(doc), Resource: doc.Resource})
		if err != nil || files == nil {
			t.Errorf("%s: %v %v", name, err, fdiags)
			continue
		}
		var tmpl struct {
			Resources map[string]struct {
				Type       string
				Properties map[string]any
			}
		}
		if err := json.Unmarshal(files[0].Data, &tmpl); err != nil {
			t.Fatal(err)
		}
		for rname, r := range tmpl.Resources {
			s, ok := schemas[r.Type]
			if !ok {
				s = cfnSchema(t, dir, r.Type)
				schemas[r.Type] = s
			}
			if s == nil {
				if strings.HasPrefix(r.Type, "AWS::ApiGateway") {
					t.Errorf("%s: no schema for %s", name, r.Type)
				}
				continue
			}
			if err := s.Validate(placeholders(jsonRoundTrip(t, r.Properties))); err != nil {
				t.Errorf("%s %s: %s (%s): %v", name, doc.Pointer, rname, r.Type, err)
			}
		}
		calls, cdiags, err := Calls(dump, Options{})
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if calls == nil {
			for _, d := range cdiags {
				if d.Code != diag.ConfigIntrinsic {
					t.Errorf("%s: %s", name, d)
				}
			}
			t.Logf("REFUSED %s %s: the calls target holds no intrinsic function (%d)", name, doc.Pointer, len(cdiags))
			continue
		}
		service := "apigateway"
		if dump.V2 != nil {
			service = "apigatewayv2"
		}
		for _, e := range validateCalls(sdk[service], calls[0].Data) {
			if reason := knownCallGap(e); reason != "" {
				t.Logf("KNOWN %s: %s (%s)", name, e, reason)
				continue
			}
			t.Errorf("%s %s: %s", name, doc.Pointer, e)
		}
	}
	if imported == 0 {
		t.Error("no corpus document imported")
	}
	t.Logf("%d corpus documents imported and validated", imported)
}

// knownCallGaps are findings of the SDK-shape check that come from the data,
// not from import, each with the reason.
var knownCallGaps = []struct{ contains, reason string }{
	// The apigateway SDK model under shared/schemas predates response
	// streaming; the API accepts responseTransferMode since 2025.
	{`has no member "responseTransferMode"`, "the SDK model predates responseTransferMode"},
	// An HTTP API Lambda authorizer without caching needs no identity
	// source; the SDK model still marks the member required, and the calls
	// emitter leaves an empty list out.
	{`CreateAuthorizerRequest requires "IdentitySource"`, "REQUEST authorizer without identity source (caching off)"},
}

func knownCallGap(e string) string {
	for _, g := range knownCallGaps {
		if strings.Contains(e, g.contains) {
			return g.reason
		}
	}
	return ""
}

// importedAPI is one API of a corpus file, imported without errors.
type importedAPI struct {
	file string // the file's base name
	doc  *openapi.Document
	dump *apimodel.Dump
}

// importedAPIs loads each file and imports each API in it; files and APIs
// with errors are left out, and refused is told of each API left out for
// its import's errors.
func importedAPIs(files []string, refused func(file, ptr string)) []importedAPI {
	var out []importedAPI
	for _, f := range files {
		docs, diags, err := openapi.LoadFile(f, openapi.LoadOptions{})
		if err != nil || hasErrorDiag(diags) {
			continue
		}
		for _, doc := range docs {
			dump, idiags := openapi.Import(doc, openapi.ImportOptions{})
			if dump == nil || hasErrorDiag(idiags) {
				if refused != nil {
					refused(filepath.Base(f), doc.Pointer)
				}
				continue
			}
			out = append(out, importedAPI{filepath.Base(f), doc, dump})
		}
	}
	return out
}

func hasErrorDiag(ds []diag.Diagnostic) bool {
	s, ok := diag.MaxSeverity(ds)
	return ok && s == diag.Error
}

// templateOf returns the template a document is embedded in, nil for a whole file.
func templateOf(doc *openapi.Document) *yaml.Node {
	if !doc.Embedded() {
		return nil
	}
	return source.Resolve(doc.Tree)
}
