package openapi

import (
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/apigw/apigw/extensions/apimodel"
)

// snapImport is one document a recorded test imported.
type snapImport struct {
	file string
	// replace lists old, new pairs applied to the file first, as the recording did.
	replace []string
	// prefix starts the recorded keys of this import's methods ("srv-var-").
	prefix string
	// apiKey and resourcesKey name the recorded rest API and get-resources outputs.
	apiKey, resourcesKey string
	// put is the PutRestApi mode when the document was put into an existing
	// API (the previous import's, or a new empty one); "" for ImportRestApi.
	put ImportMode
	// existing is the API the first put went into, as get-rest-api printed it.
	existing func() *apimodel.RestDump
}

// snapCase is one recorded test.
type snapCase struct {
	suite, test string
	basePath    BasePathMode
	imports     []snapImport
	// sortRequired: the recording sorted "required" lists.
	sortRequired bool
	// only lists the recorded outputs to compare; empty means all.
	only []string
}

const lsFiles = "localstack__localstack__tests__aws__files__"

var petstoreURI = []string{"${uri}", "http://petstore.execute-api.us-east-1.amazonaws.com/petstore/pets"}

// createdAPI is what CreateRestApi makes before a recorded PutRestApi: an
// API with a root resource and nothing else.
func createdAPI(binary ...string) func() *apimodel.RestDump {
	return func() *apimodel.RestDump {
		d := &apimodel.RestDump{RestAPI: &apimodel.RestAPI{ID: "k2x8abq1zp", Name: "restapi-3f9a1c2e", CreatedDate: "2024-05-01T10:00:00+00:00",
			APIKeySource: "HEADER", BinaryMediaTypes: binary, DisableExecuteAPIEndpoint: new(bool), Tags: map[string]string{},
			EndpointConfiguration: &apimodel.EndpointConfiguration{Types: []string{"EDGE"}, IPAddressType: "ipv4"}, RootResourceID: "r00t4bcd3f"},
			Resources: []*apimodel.Resource{{ID: "r00t4bcd3f", Path: "/"}}}
		return d
	}
}

// snapCases are the recorded imports: every ImportRestApi and PutRestApi of
// the import snapshot whose input is in the corpus, the imports the export
// tests made, and the documentation parts an import created.
var snapCases = []snapCase{
	{suite: "import", test: "test_import_rest_api", imports: []snapImport{{file: "openapi.spec.pulumi.json", apiKey: "import_rest_api"}}},
	{suite: "import", test: "test_import_swagger_api", imports: []snapImport{{file: "petstore-authorizer.swagger.json", replace: petstoreURI, apiKey: "import-swagger", resourcesKey: "resources"}}},
	{suite: "import", test: "test_import_and_validate_rest_api[openapi.spec.tf.json]", imports: []snapImport{{file: "openapi.spec.tf.json", apiKey: "import_tf_rest_api", resourcesKey: "resources"}}},
	{suite: "import", test: "test_import_rest_apis_with_base_path_swagger[ignore]", basePath: BasePathIgnore, imports: []snapImport{
		{file: "swagger.json", apiKey: "put-rest-api-swagger-json", resourcesKey: "get-resources-swagger-json", put: ModeOverwrite, existing: createdAPI()},
		{file: "pets.json", resourcesKey: "get-resources-no-base-path-swagger"}}},
	{suite: "import", test: "test_import_rest_apis_with_base_path_swagger[prepend]", basePath: BasePathPrepend, imports: []snapImport{
		{file: "swagger.json", apiKey: "put-rest-api-swagger-json", resourcesKey: "get-resources-swagger-json", put: ModeOverwrite, existing: createdAPI()},
		{file: "pets.json", resourcesKey: "get-resources-no-base-path-swagger"}}},
	{suite: "import", test: "test_import_rest_api_with_base_path_oas30[split]", basePath: BasePathSplit, imports: []snapImport{
		{file: "openapi-basepath-server-variable.yaml", prefix: "srv-var-", apiKey: "put-rest-api-oas30-srv-var", resourcesKey: "get-resources-oas30-srv-var", put: ModeOverwrite, existing: createdAPI()},
		{file: "openapi-basepath-url.yaml", prefix: "srv-url-", apiKey: "put-rest-api-oas30-srv-url", resourcesKey: "get-resources-oas30-srv-url", put: ModeOverwrite}}},
	{suite: "import", test: "test_import_rest_api_with_base_path_oas30[ignore]", basePath: BasePathIgnore, imports: []snapImport{
		{file: "openapi-basepath-server-variable.yaml", prefix: "srv-var-", apiKey: "put-rest-api-oas30-srv-var", resourcesKey: "get-resources-oas30-srv-var", put: ModeOverwrite, existing: createdAPI()},
		{file: "openapi-basepath-url.yaml", prefix: "srv-url-", apiKey: "put-rest-api-oas30-srv-url", resourcesKey: "get-resources-oas30-srv-url", put: ModeOverwrite}}},
	{suite: "import", test: "test_import_with_circular_models", sortRequired: true, imports: []snapImport{{file: "openapi.spec.circular-ref.json", apiKey: "import-api", resourcesKey: "resources"}}},
	{suite: "import", test: "test_put_rest_api_mode_binary_media_types[merge]", only: []string{"put-api"}, imports: []snapImport{
		{file: "pets.json", apiKey: "put-api", put: ModeMerge, existing: createdAPI("image/heif")}}},
	{suite: "import", test: "test_put_rest_api_mode_binary_media_types[overwrite]", only: []string{"put-api"}, imports: []snapImport{
		{file: "pets.json", apiKey: "put-api", put: ModeOverwrite, existing: createdAPI("image/heif")}}},
	{suite: "extended", test: "test_export_swagger_openapi[TEST_IMPORT_PETSTORE_SWAGGER]", only: []string{"import-api"}, imports: []snapImport{{file: "petstore-swagger.json", replace: petstoreURI, apiKey: "import-api"}}},
	{suite: "extended", test: "test_export_swagger_openapi[TEST_IMPORT_PETS]", only: []string{"import-api"}, imports: []snapImport{{file: "pets.json", apiKey: "import-api"}}},
	{suite: "extended", test: "test_export_oas30_openapi[TEST_IMPORT_PETSTORE_SWAGGER]", only: []string{"import-api"}, imports: []snapImport{{file: "petstore-swagger.json", replace: petstoreURI, apiKey: "import-api"}}},
	{suite: "extended", test: "test_export_oas30_openapi[TEST_IMPORT_PETS]", only: []string{"import-api"}, imports: []snapImport{{file: "pets.json", apiKey: "import-api"}}},
	{suite: "api", test: "test_import_documentation_parts", only: []string{"get-documentations-parts-after-api-imports"}, imports: []snapImport{{file: "oas30_documentation_parts.json"}}},
}

// notCompared are the recorded tests of the import snapshot that hold no
// import result to compare, with the reason.
var notCompared = map[string]string{
	"test_import_with_stage_variables": "records HTTP invocations of the deployed API, not the imported model",
	"test_import_api_bad_file":         "the malformed input files are not in the corpus",
}

// Strict-comparison figures: matched may only go up, misses only down.
// When the comparison became strict, import matched 1095 of 1180 recorded
// fields (92.8%). Run: go test ./openapi -run TestImportMatchesRecordedAWS -v
const (
	importMatchedFloor = 1180
	importMissCeiling  = 0
)

// importFile loads and imports one recorded input, putting it into prev
// when the recording did.
func importFile(t *testing.T, c snapCase, imp snapImport, prev *apimodel.RestDump) *apimodel.RestDump {
	t.Helper()
	src, err := os.ReadFile(filepath.Join(sharedDir(t), "corpus", "specs", lsFiles+imp.file))
	if err != nil {
		t.Skip(err)
	}
	s := string(src)
	for i := 0; i+1 < len(imp.replace); i += 2 {
		s = strings.ReplaceAll(s, imp.replace[i], imp.replace[i+1])
	}
	docs, _, err := Load(imp.file, []byte(s), LoadOptions{})
	if err != nil || len(docs) != 1 {
		t.Fatalf("%s: %v", imp.file, err)
	}
	opts := ImportOptions{BasePath: c.basePath}
	if imp.put != "" {
		opts.Mode = imp.put
		opts.Existing = &apimodel.Dump{REST: prev}
		if imp.existing != nil {
			opts.Existing = &apimodel.Dump{REST: imp.existing()}
		}
	}
	d, diags := Import(docs[0], opts)
	if hasErrors(diags) {
		t.Fatalf("%s: %v", imp.file, firstError(diags))
	}
	if d == nil || d.REST == nil {
		t.Fatalf("%s: no REST API imported", imp.file)
	}
	return d.REST
}

func TestImportMatchesRecordedAWS(t *testing.T) {
	snaps := map[string]map[string]map[string]any{}
	total := newTally()
	for _, c := range snapCases {
		if snaps[c.suite] == nil {
			snaps[c.suite] = loadSnapshot(t, c.suite)
		}
		rec, ok := snaps[c.suite][c.test]
		if !ok {
			t.Errorf("%s: not recorded", c.test)
			continue
		}
		tl := newTally()
		tl.sortRequired = c.sortRequired
		var dumps []*apimodel.RestDump
		var prev *apimodel.RestDump
		for _, imp := range c.imports {
			prev = importFile(t, c, imp, prev)
			dumps = append(dumps, prev)
		}
		for _, key := range apimodel.SortedKeys(rec) {
			if len(c.only) > 0 && !slices.Contains(c.only, key) {
				continue
			}
			got, ok := recordedView(c, dumps, key)
			if !ok {
				t.Errorf("%s %s: no rule to rebuild this output", c.test, key)
				continue
			}
			tl.compare(key, plain(got), rec[key])
		}
		t.Logf("%-70s %4d/%-4d matched", c.test, tl.matched, tl.compared)
		for _, m := range tl.misses {
			t.Logf("    miss %s", m)
		}
		total.add(tl)
	}
	for test, reason := range notCompared {
		t.Logf("not compared: %s (%s)", test, reason)
	}
	t.Logf("import: %d of %d recorded fields matched (%.1f%%), %d misses", total.matched, total.compared, total.percent(), total.compared-total.matched)
	if total.matched < importMatchedFloor || total.compared-total.matched > importMissCeiling {
		t.Errorf("import fidelity fell: %d matched (floor %d), %d misses (ceiling %d)",
			total.matched, importMatchedFloor, total.compared-total.matched, importMissCeiling)
	}
}

var outputKinds = []string{"method-response-", "integration-response-", "method-", "integration-"}

// recordedView rebuilds the output recorded under key from the imported
// dumps: what the recorded call (get-rest-api, get-resources, get-method,
// get-models, …) returns for the API apigw built.
func recordedView(c snapCase, dumps []*apimodel.RestDump, key string) (any, bool) {
	switch key {
	case "get-models":
		return map[string]any{"items": sortedModels(dumps[0].Models)}, true
	case "get-authorizers":
		return map[string]any{"items": dumps[0].Authorizers}, true
	case "get-documentations-parts-after-api-imports":
		return map[string]any{"items": dumps[0].DocumentationParts}, true
	}
	for i, imp := range c.imports {
		switch key {
		case imp.apiKey:
			return dumps[i].RestAPI, true
		case imp.resourcesKey:
			return resourcesView(dumps[i]), true
		}
	}
	for i, imp := range c.imports {
		rest, ok := strings.CutPrefix(key, imp.prefix)
		if !ok {
			continue
		}
		for _, kind := range outputKinds {
			target, ok := strings.CutPrefix(rest, kind)
			if !ok {
				continue
			}
			cut := strings.LastIndex(target, "-")
			path, method := "/"+target[:cut], strings.ToUpper(target[cut+1:])
			if path == "/root" {
				path = "/"
			}
			for _, r := range dumps[i].Resources {
				if m := r.ResourceMethods[method]; r.Path == path && m != nil {
					return methodView(kind, m), true
				}
			}
			break
		}
	}
	return nil, false
}

// resourcesView is what get-resources (without --embed) returns: the
// resources by path, each method as an empty object.
func resourcesView(d *apimodel.RestDump) any {
	res := slices.Clone(d.Resources)
	sort.Slice(res, func(a, b int) bool { return res[a].Path < res[b].Path })
	var out []any
	for _, r := range res {
		m := map[string]any{"id": r.ID, "path": r.Path}
		if r.ParentID != "" {
			m["parentId"] = r.ParentID
		}
		if r.PathPart != "" {
			m["pathPart"] = r.PathPart
		}
		if len(r.ResourceMethods) > 0 {
			rm := map[string]any{}
			for k := range r.ResourceMethods {
				rm[k] = map[string]any{}
			}
			m["resourceMethods"] = rm
		}
		out = append(out, m)
	}
	return map[string]any{"items": out}
}

// methodView returns what get-method, get-integration and their response
// calls print for m, or a NotFound error for what is missing.
func methodView(kind string, m *apimodel.Method) any {
	notFound := map[string]any{"Error": map[string]any{"Code": "NotFoundException"}}
	switch kind {
	case "method-":
		return m
	case "method-response-":
		if r := m.MethodResponses["200"]; r != nil {
			return r
		}
	case "integration-":
		if m.MethodIntegration != nil {
			return m.MethodIntegration
		}
	case "integration-response-":
		if m.MethodIntegration != nil && m.MethodIntegration.IntegrationResponses["200"] != nil {
			return m.MethodIntegration.IntegrationResponses["200"]
		}
	}
	return notFound
}

func sortedModels(ms []*apimodel.Model) []*apimodel.Model {
	out := slices.Clone(ms)
	sort.Slice(out, func(a, b int) bool { return out[a].Name < out[b].Name })
	return out
}
