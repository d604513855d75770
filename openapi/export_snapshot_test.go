package openapi

import (
	"encoding/json"
	"sort"
	"strings"
	"testing"

	"github.com/apigw/apigw/extensions/apimodel"
	"github.com/apigw/apigw/extensions/source"
)

// Strict-comparison figures for export: matched may only go up, misses only
// down. When the comparison became strict, export matched 428 of 448
// recorded fields (95.5%). Run: go test ./openapi -run TestExportMatchesRecordedAWS -v
const (
	exportMatchedFloor = 448
	exportMissCeiling  = 0
)

// TestExportMatchesRecordedAWS imports what LocalStack's export tests
// imported, deploys it to the stage they used and compares the document
// apigw exports with the body GetExport returned, field by field.
func TestExportMatchesRecordedAWS(t *testing.T) {
	snap := loadSnapshot(t, "extended")
	files := map[string]snapImport{
		"TEST_IMPORT_PETSTORE_SWAGGER": {file: "petstore-swagger.json", replace: petstoreURI},
		"TEST_IMPORT_PETS":             {file: "pets.json"},
	}
	total := newTally()
	for _, test := range sortedKeysOf(snap) {
		var to Kind
		switch {
		case strings.HasPrefix(test, "test_export_swagger_openapi["):
			to = Swagger2
		case strings.HasPrefix(test, "test_export_oas30_openapi["):
			to = OpenAPI30
		default:
			continue
		}
		imp := files[test[strings.Index(test, "[")+1:len(test)-1]]
		dump := importFile(t, snapCase{}, imp, nil)
		for _, key := range []string{"get-export", "get-export-with-extensions"} {
			opts := ExportOptions{To: to, Stage: "local"}
			if key == "get-export-with-extensions" {
				opts.Extensions = []string{"apigateway"}
			}
			root, _ := Export(deployed(dump, "local"), opts)
			out, err := source.WriteJSON(root)
			if err != nil {
				t.Fatal(err)
			}
			var got any
			if err := json.Unmarshal(out, &got); err != nil {
				t.Fatal(err)
			}
			tl := newTally()
			tl.compare("body", got, snap[test][key].(map[string]any)["body"])
			t.Logf("%-60s %-28s %4d/%-4d matched", test, key, tl.matched, tl.compared)
			for _, m := range tl.misses {
				t.Logf("    miss %s", m)
			}
			total.add(tl)
		}
	}
	if total.compared == 0 {
		t.Fatal("no recorded export compared")
	}
	t.Logf("export: %d of %d recorded fields matched (%.1f%%), %d misses", total.matched, total.compared, total.percent(), total.compared-total.matched)
	if total.matched < exportMatchedFloor || total.compared-total.matched > exportMissCeiling {
		t.Errorf("export fidelity fell: %d matched (floor %d), %d misses (ceiling %d)",
			total.matched, exportMatchedFloor, total.compared-total.matched, exportMissCeiling)
	}
}

func sortedKeysOf[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// deployed returns the dump with a deployment on the stage, as the
// recorded tests deployed the API before exporting it.
func deployed(d *apimodel.RestDump, stage string) *apimodel.Dump {
	c := *d
	c.Deployments = []*apimodel.Deployment{{ID: "d3pl0y4bcd", CreatedDate: "2024-05-01T10:00:00+00:00"}}
	c.Stages = []*apimodel.RestStage{{StageName: stage, DeploymentID: "d3pl0y4bcd", CreatedDate: "2024-05-01T10:00:00+00:00"}}
	return &apimodel.Dump{REST: &c}
}
