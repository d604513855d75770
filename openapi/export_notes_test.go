package openapi

import (
	"strings"
	"testing"

	"github.com/apigw/apigw/extensions/apimodel"
	"github.com/apigw/apigw/extensions/diag"
)

// TestExportNotes checks what export says when the dump does not fit the
// chosen export: a model whose schema is not JSON, a request parameter that
// is not a path, query string or header, and a dump without an API.
func TestExportNotes(t *testing.T) {
	dump, diags := apimodel.Load("dump.json", []byte(`{
  "restApi": {"id": "a1", "name": "n"},
  "models": [{"id": "m1", "name": "Odd", "contentType": "application/json", "schema": "not json at all"}],
  "resources": [{"id": "r1", "path": "/", "resourceMethods": {"GET": {"httpMethod": "GET", "authorizationType": "NONE",
    "requestParameters": {"method.request.body.x": true}}}}]
}`))
	if dump == nil || hasSeverity(diags, diag.Error) {
		t.Fatalf("load: %v", diags)
	}
	_, diags = Export(dump, ExportOptions{To: OpenAPI30})
	want := map[diag.Code]string{
		diag.ExportModel: `model "Odd": the schema is not JSON`,
		diag.ExportLoss:  `request parameter "method.request.body.x"`,
	}
	for code, msg := range want {
		found := false
		for _, d := range diags {
			if d.Code == code && d.Severity == diag.Warning && strings.Contains(d.Message, msg) {
				found = true
			}
		}
		if !found {
			t.Errorf("no warning %s containing %q in %v", code, msg, diags)
		}
	}
	if _, diags := Export(nil, ExportOptions{}); len(diags) != 1 || diags[0].Code != diag.ExportLoss || diags[0].Severity != diag.Error {
		t.Errorf("empty dump: %v, want one error %s", diags, diag.ExportLoss)
	}
}

func hasSeverity(ds []diag.Diagnostic, s diag.Severity) bool {
	m, ok := diag.MaxSeverity(ds)
	return ok && m >= s
}
