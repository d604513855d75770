package openapi

import (
	"encoding/json"
	"fmt"
	"slices"
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
	for _, test := range apimodel.SortedKeys(snap) {
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

// deployed returns the dump with a deployment on the stage, as the
// recorded tests deployed the API before exporting it.
func deployed(d *apimodel.RestDump, stage string) *apimodel.Dump {
	c := *d
	c.Deployments = []*apimodel.Deployment{{ID: "d3pl0y4bcd", CreatedDate: "2024-05-01T10:00:00+00:00"}}
	c.Stages = []*apimodel.RestStage{{StageName: stage, DeploymentID: "d3pl0y4bcd", CreatedDate: "2024-05-01T10:00:00+00:00"}}
	return &apimodel.Dump{REST: &c}
}

// TestExportReadsAWSDumps gathers what API Gateway returned after a
// recorded import (get-rest-api, get-resources with each get-method, get-models,
// get-authorizers) into a dump, with each placeholder replaced by the value
// apigw's import gave it, and checks that the dump loads without a finding
// and exports to the same document as apigw's own import.
func TestExportReadsAWSDumps(t *testing.T) {
	c := snapCases[slices.IndexFunc(snapCases, func(c snapCase) bool { return c.test == "test_import_swagger_api" })]
	rec := loadSnapshot(t, c.suite)[c.test]
	ours := importFile(t, c, c.imports[0], nil)
	tl := newTally()
	for _, key := range apimodel.SortedKeys(rec) {
		got, _ := recordedView(c, []*apimodel.RestDump{ours}, key)
		tl.compare(key, plain(got), rec[key])
	}
	if tl.matched != tl.compared {
		t.Fatalf("the import no longer matches the recording: %v", tl.misses)
	}
	fill := func(v any) any { return fillPlaceholders(v, tl.bound) }
	var resources []any
	for _, item := range rec["resources"].(map[string]any)["items"].([]any) {
		r := fill(item).(map[string]any)
		methods, _ := r["resourceMethods"].(map[string]any)
		for verb := range methods {
			path := strings.TrimPrefix(r["path"].(string), "/")
			if path == "" {
				path = "root"
			}
			methods[verb] = fill(rec["method-"+path+"-"+strings.ToLower(verb)])
		}
		resources = append(resources, r)
	}
	dump := map[string]any{"restApi": fill(rec["import-swagger"]), "resources": resources,
		"models": fill(rec["get-models"]).(map[string]any)["items"], "authorizers": fill(rec["get-authorizers"]).(map[string]any)["items"]}
	data, err := json.Marshal(templatesAsText(dump))
	if err != nil {
		t.Fatal(err)
	}
	aws, diags := apimodel.Load("aws.json", data)
	for _, d := range diags {
		t.Errorf("the AWS dump: %s", d)
	}
	for _, to := range []Kind{OpenAPI30, Swagger2} {
		opts := ExportOptions{To: to, Extensions: []string{"apigateway"}, Stage: "local"}
		want := exportJSON(t, &apimodel.Dump{REST: ours}, opts)
		got := exportJSON(t, aws, opts)
		// The recording lists object keys sorted, so the dump built from it
		// cannot hold API Gateway's parameter order: compare parameters as sets.
		et := newTally()
		et.compare("", sortParameters(templatesAsJSON(got)), sortParameters(templatesAsJSON(want)))
		if et.matched != et.compared {
			t.Errorf("%s: the export of the AWS dump differs from the export of the import: %v", to, et.misses)
		}
	}
}

// unnumbered are values for the placeholders that stand for any value of their shape.
var unnumbered = map[string]string{"<region>": "us-east-1", "<partition>": "aws", "<account-id>": "123456789012",
	"<model-base-url>": "https://apigateway.amazonaws.com"}

// fillPlaceholders replaces each placeholder in v's strings with its bound value.
func fillPlaceholders(v any, bound map[string]string) any {
	switch x := v.(type) {
	case map[string]any:
		out := map[string]any{}
		for k, e := range x {
			if !transportKeys[k] {
				out[k] = fillPlaceholders(e, bound)
			}
		}
		return out
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = fillPlaceholders(e, bound)
		}
		return out
	case string:
		if x == "datetime" {
			return "2024-05-01T10:00:00+00:00"
		}
		return placeholderRE.ReplaceAllStringFunc(x, func(ph string) string {
			if v, ok := bound[ph]; ok {
				return v
			}
			return unnumbered[ph]
		})
	}
	return v
}

// templatesAsText undoes the recording's parsing of JSON text: API Gateway
// returns mapping templates as strings.
func templatesAsText(v any) any {
	return mapTemplates(v, func(body any) any {
		if _, isText := body.(string); isText {
			return body
		}
		b, _ := json.Marshal(body)
		return string(b)
	})
}

// templatesAsJSON parses the mapping templates that hold JSON, so that two
// spellings of the same JSON compare equal.
func templatesAsJSON(v any) any {
	return mapTemplates(v, func(body any) any {
		var parsed any
		if s, isText := body.(string); isText && json.Unmarshal([]byte(s), &parsed) == nil {
			return parsed
		}
		return body
	})
}

// mapTemplates replaces each mapping template in v (the values of
// requestTemplates and responseTemplates objects) by what f makes of it.
func mapTemplates(v any, f func(any) any) any {
	switch x := v.(type) {
	case map[string]any:
		for k, e := range x {
			if t, ok := e.(map[string]any); ok && (k == "requestTemplates" || k == "responseTemplates") {
				for ct, body := range t {
					t[ct] = f(body)
				}
				continue
			}
			mapTemplates(e, f)
		}
	case []any:
		for _, e := range x {
			mapTemplates(e, f)
		}
	}
	return v
}

// sortParameters sorts every "parameters" list by location and name.
func sortParameters(v any) any {
	switch x := v.(type) {
	case map[string]any:
		for k, e := range x {
			if l, ok := e.([]any); ok && k == "parameters" {
				slices.SortStableFunc(l, func(a, b any) int {
					return strings.Compare(fmt.Sprint(jget(a, "in"), jget(a, "name")), fmt.Sprint(jget(b, "in"), jget(b, "name")))
				})
			}
			sortParameters(e)
		}
	case []any:
		for _, e := range x {
			sortParameters(e)
		}
	}
	return v
}
