package openapi

import (
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/apigw/apigw/extensions/source"
)

// exportKnownDifferences are recorded GetExport values this export cannot
// reproduce, by test and JSON path, each with the reason.
var exportKnownDifferences = map[string]string{
	// OpenAPI 3 exports carry the deployment's date as info.version; a dump
	// has no deployment, so the API's version is written.
	"body/info/version": "GetExport (oas30) writes the deployment date as info.version",
}

func TestExportMatchesRecordedAWS(t *testing.T) {
	dir := filepath.Join(sharedDir(t), "corpus", "specs")
	data, err := os.ReadFile(filepath.Join(dir, "localstack__localstack__tests__aws__services__apigateway__test_apigateway_extended.snapshot.json"))
	if err != nil {
		t.Skip("export snapshot not present")
	}
	var snap map[string]struct {
		Recorded map[string]any `json:"recorded-content"`
	}
	if err := json.Unmarshal(data, &snap); err != nil {
		t.Fatal(err)
	}
	files := map[string]string{"TEST_IMPORT_PETSTORE_SWAGGER": "petstore-swagger.json", "TEST_IMPORT_PETS": "pets.json"}
	compared := 0
	for _, name := range sortedKeysOf(snap) {
		test := name[strings.LastIndex(name, "::")+2:]
		var to Kind
		switch {
		case strings.HasPrefix(test, "test_export_swagger_openapi["):
			to = Swagger2
		case strings.HasPrefix(test, "test_export_oas30_openapi["):
			to = OpenAPI30
		default:
			continue
		}
		param := test[strings.Index(test, "[")+1 : len(test)-1]
		src, err := os.ReadFile(filepath.Join(dir, lsFiles+files[param]))
		if err != nil {
			t.Skip(err)
		}
		s := strings.ReplaceAll(string(src), petstoreURI[0], petstoreURI[1])
		docs, _, err := Load(files[param], []byte(s), LoadOptions{})
		if err != nil || len(docs) != 1 {
			t.Fatalf("%s: %v", files[param], err)
		}
		dump, _ := Import(docs[0], ImportOptions{})
		for _, key := range []string{"get-export", "get-export-with-extensions"} {
			opts := ExportOptions{To: to, Stage: "local"}
			if key == "get-export-with-extensions" {
				opts.Extensions = []string{"apigateway"}
			}
			root, _ := Export(dump, opts)
			out, err := source.WriteJSON(root)
			if err != nil {
				t.Fatal(err)
			}
			var got any
			if err := json.Unmarshal(out, &got); err != nil {
				t.Fatal(err)
			}
			want := snap[name].Recorded[key].(map[string]any)["body"]
			var diffs []string
			compareExport(test+" "+key, "body", sortParams(got), sortParams(want), &diffs)
			for _, d := range diffs {
				t.Errorf("%s %s: %s", test, key, d)
			}
			compared++
		}
	}
	if compared == 0 {
		t.Error("no recorded export compared")
	}
	t.Logf("compared %d recorded exports", compared)
}

func compareExport(test, path string, got, want any, diffs *[]string) {
	var all []string
	compareJSON(test, path, normalize(got), normalize(want), &all)
	for _, d := range all {
		p, _, _ := strings.Cut(d, ":")
		if _, known := exportKnownDifferences[p]; !known {
			*diffs = append(*diffs, d)
		}
	}
}

// sortParams orders parameter lists by location and name: API Gateway keeps
// request parameters in a map, so their order in an export carries nothing.
func sortParams(v any) any {
	switch x := v.(type) {
	case map[string]any:
		for k, e := range x {
			x[k] = sortParams(e)
			if l, ok := x[k].([]any); ok && k == "parameters" {
				sort.SliceStable(l, func(a, b int) bool {
					return paramKey(l[a]) < paramKey(l[b])
				})
			}
		}
	case []any:
		for i, e := range x {
			x[i] = sortParams(e)
		}
	}
	return v
}

func paramKey(v any) string {
	m, _ := v.(map[string]any)
	in, _ := m["in"].(string)
	name, _ := m["name"].(string)
	return in + "\x00" + name
}

func sortedKeysOf[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
