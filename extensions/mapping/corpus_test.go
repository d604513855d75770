package mapping

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/apigw/apigw/extensions/diag"
	"go.yaml.in/yaml/v4"
)

// corpusErrors are the corpus values that get an error and, we believe,
// would fail API Gateway's import too, keyed "file|key|value", with the reason.
var corpusErrors = map[string]string{
	"aws__serverless-application-model__tests__translator__output__api_with_cors.json|method.response.header.Access-Control-Allow-Headers|headers":                        unquotedCORS,
	"aws__serverless-application-model__tests__translator__output__api_with_cors.json|method.response.header.Access-Control-Allow-Methods|methods":                        unquotedCORS,
	"aws__serverless-application-model__tests__translator__output__api_with_cors.json|method.response.header.Access-Control-Allow-Origin|origins":                         unquotedCORS,
	"aws__serverless-application-model__tests__translator__output__api_with_cors_and_auth_preflight_auth.json|method.response.header.Access-Control-Allow-Origin|origins": unquotedCORS,
	"aws__serverless-application-model__tests__translator__output__api_with_cors_openapi_3.json|method.response.header.Access-Control-Allow-Headers|headers":              unquotedCORS,
	"aws__serverless-application-model__tests__translator__output__api_with_cors_openapi_3.json|method.response.header.Access-Control-Allow-Methods|methods":              unquotedCORS,
	"aws__serverless-application-model__tests__translator__output__api_with_cors_openapi_3.json|method.response.header.Access-Control-Allow-Origin|origins":               unquotedCORS,
}

// unquotedCORS: SAM's translator tests pass the Cors properties through as
// written ("origins" instead of "'origins'"); API Gateway reads an unquoted
// value as an expression and import fails with "Invalid mapping expression
// specified". SAM's own docs say these values must be single-quoted.
const unquotedCORS = "unquoted static CORS value from a SAM translator test"

// TestCorpus parses every mapping found in ../shared/corpus/specs and fails
// on any error not listed in corpusErrors.
func TestCorpus(t *testing.T) {
	dir := filepath.Join("..", "..", "..", "shared", "corpus", "specs")
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Skipf("corpus not present: %v", err)
	}
	total, files := 0, 0
	seen := map[string]bool{}
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || !(strings.HasSuffix(name, ".json") || strings.HasSuffix(name, ".yaml") || strings.HasSuffix(name, ".yml")) {
			continue
		}
		data, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		var doc yaml.Node
		if err := yaml.Unmarshal(data, &doc); err != nil {
			t.Logf("%s: not parsed: %v", name, err)
			continue
		}
		n := 0
		walkMappings(&doc, false, func(ctx Context, key, value string, line int) {
			n++
			var ps []Problem
			if key == "" {
				_, ps = ParseSource(ctx, value)
			} else {
				_, ps = Parse(ctx, key, value)
			}
			for _, p := range ps {
				id := name + "|" + key + "|" + value
				if p.Severity != diag.Error {
					t.Logf("%s:%d: %s %q=%q: %v", name, line, ctx, key, value, p)
					continue
				}
				seen[id] = true
				if _, ok := corpusErrors[id]; !ok {
					t.Errorf("%s:%d: %s %q=%q: %v", name, line, ctx, key, value, p)
				}
			}
		})
		if n > 0 {
			files++
		}
		total += n
	}
	for id := range corpusErrors {
		if !seen[id] {
			t.Errorf("listed corpus error no longer reported: %s", id)
		}
	}
	t.Logf("%d mapping expressions in %d files", total, files)
	if total == 0 {
		t.Fatal("no mapping expressions found in the corpus")
	}
}

// walkMappings calls fn for each string-valued parameter mapping below n:
// entries of requestParameters/responseParameters (any case) whose keys have
// a mapping form. Method request declarations (method.request.*: true) and
// values that are not plain strings (CloudFormation intrinsics) are skipped.
// An HTTP API integration's plain keys (integrationSubtype parameters) are
// reported with an empty key.
func walkMappings(n *yaml.Node, inResponse bool, fn func(ctx Context, key, value string, line int)) {
	switch n.Kind {
	case yaml.DocumentNode, yaml.SequenceNode:
		for _, c := range n.Content {
			walkMappings(c, inResponse, fn)
		}
	case yaml.AliasNode:
		// Corpus files are trusted but aliases are not followed, to keep the walk finite.
	case yaml.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			switch k.Value {
			case "requestParameters", "RequestParameters":
				params(v, false, fn)
			case "responseParameters", "ResponseParameters":
				params(v, true, fn)
			default:
				walkMappings(v, inResponse, fn)
			}
		}
	}
}

// params handles one parameters map; HTTP API responseParameters nest one
// map per status code.
func params(m *yaml.Node, response bool, fn func(ctx Context, key, value string, line int)) {
	if m.Kind != yaml.MappingNode {
		return
	}
	subtype := false
	for i := 0; i+1 < len(m.Content); i += 2 {
		k, v := m.Content[i], m.Content[i+1]
		if v.Kind == yaml.MappingNode && response {
			params(v, true, fn) // status code → map
			continue
		}
		if v.Kind != yaml.ScalarNode || v.Tag != "!!str" && v.Tag != "" {
			continue
		}
		key := k.Value
		var ctx Context
		switch {
		case strings.HasPrefix(key, "integration.request."):
			ctx = RESTRequest
			if strings.HasPrefix(v.Value, "route.request.") {
				ctx = WebSocketRequest
			}
		case strings.HasPrefix(key, "method.response."):
			ctx = RESTResponse
		case strings.HasPrefix(key, "gatewayresponse."):
			ctx = GatewayResponse
		case slices.ContainsFunc([]string{"append:", "overwrite:", "remove:"}, func(p string) bool { return strings.HasPrefix(key, p) }):
			ctx = HTTPRequest
			if response {
				ctx = HTTPResponse
			}
		case strings.HasPrefix(key, "method.request."):
			continue // a method's parameter declarations
		default:
			subtype = true
		}
		if subtype {
			fn(HTTPRequest, "", v.Value, v.Line)
			subtype = false
			continue
		}
		fn(ctx, key, v.Value, v.Line)
	}
}
