package openapi

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/apigw/apigw/extensions/diag"
	"github.com/apigw/apigw/extensions/source"
	"go.yaml.in/yaml/v4"
)

// semSharedDir returns ../shared/<sub> beside the repository, skipping the test when absent.
func semSharedDir(t *testing.T, sub string) string {
	t.Helper()
	dir := filepath.Join("..", "..", "shared", sub)
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("%s absent", dir)
	}
	return dir
}

// embeddedDoc is an OpenAPI document inside a file, at a JSON pointer.
type embeddedDoc struct {
	ptr  string
	node *yaml.Node
}

// embeddedDocs returns the OpenAPI documents in a parsed file: the file
// itself, or the Body/DefinitionBody of CloudFormation resources, in file order.
func embeddedDocs(root *yaml.Node) []embeddedDoc {
	root = source.Resolve(root)
	if sw, oas := documentVersion(root); sw != "" || oas != "" {
		return []embeddedDoc{{"", root}}
	}
	res := source.Child(root, "Resources")
	if res == nil || res.Kind != yaml.MappingNode {
		return nil
	}
	var docs []embeddedDoc
	for i := 0; i+1 < len(res.Content); i += 2 {
		for _, key := range []string{"Body", "DefinitionBody"} {
			ptr := source.JoinPointer("", "Resources", res.Content[i].Value, "Properties", key)
			if n := source.NodeAt(root, ptr); n != nil {
				if sw, oas := documentVersion(n); sw != "" || oas != "" {
					docs = append(docs, embeddedDoc{ptr, n})
				}
			}
		}
	}
	return docs
}

// knownCorpusErrors lists the error diagnostics in the corpus that are real
// (API Gateway's import rejects them too), by file and code.
var knownCorpusErrors = map[string]diag.Code{
	// securitySchemes is indented under paths, so it is read as a path "securitySchemes".
	"aws-cloudformation__cfn-lint__test__fixtures__templates__good__parameters__used_transform_removed.yaml": diag.OpenAPIInvalid,
	// type: Object (capital O) is not a JSON Schema type; API Gateway rejects the model.
	"aws__serverless-application-model__tests__translator__input__api_with_security_definition_and_components.yaml": diag.OpenAPIInvalid,
	"aws__serverless-application-model__tests__translator__input__error_swagger_security_definitions_not_dict.yaml": diag.OpenAPIInvalid,
	// A test input for an invalid version: openapi: 2.0.0.
	"getmoto__moto__tests__test_apigateway__resources__test_api_invalid_version.json": diag.SemanticVersion,
}

func TestSemanticCorpus(t *testing.T) {
	dir := semSharedDir(t, "corpus/specs")
	files, _ := filepath.Glob(filepath.Join(dir, "*"))
	// Documents known to be broken must load without panicking; what they say is not checked.
	bad, _ := filepath.Glob(filepath.Join(dir, "..", "bad", "*"))
	for _, f := range bad {
		data, _ := os.ReadFile(f)
		var doc yaml.Node
		if yaml.Unmarshal(data, &doc) == nil {
			for _, e := range embeddedDocs(&doc) {
				NewSemantic(context.Background(), e.node, SemanticOptions{Pointer: e.ptr})
			}
		}
		NewSemantic(context.Background(), nil, SemanticOptions{Data: data})
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var doc yaml.Node
		if err := yaml.Unmarshal(data, &doc); err != nil {
			continue // not for this layer
		}
		name := filepath.Base(f)
		docs := embeddedDocs(&doc)
		for _, e := range docs {
			ptr, n := e.ptr, e.node
			opts := SemanticOptions{Pointer: ptr, File: name}
			if ptr == "" {
				opts.Data = data
			}
			s := NewSemantic(context.Background(), n, opts)
			if s.V3 == nil && s.Swagger2 == nil {
				t.Logf("%s%s: no model", name, ptr)
			}
			for _, d := range s.Diagnostics {
				if d.Severity == diag.Error {
					if knownCorpusErrors[name] != d.Code {
						t.Errorf("%s", d)
					}
				} else if testing.Verbose() {
					t.Logf("%s", d)
				}
			}
		}
	}
}

func TestSemanticBench(t *testing.T) {
	dir := semSharedDir(t, "bench")
	files, _ := filepath.Glob(filepath.Join(dir, "*.*"))
	for _, f := range files {
		if strings.HasSuffix(f, ".md") {
			continue
		}
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		doc, _, err := source.Parse(f, data, source.Limits{})
		if err != nil {
			t.Fatal(err)
		}
		s := NewSemantic(context.Background(), doc, SemanticOptions{Data: data, File: filepath.Base(f)})
		if s.V3 == nil {
			t.Errorf("%s: no OpenAPI 3 view", f)
		}
		counts := map[diag.Code]int{}
		for _, d := range s.Diagnostics {
			if d.Severity == diag.Error {
				t.Errorf("%s", d)
			}
			counts[d.Code]++
			if counts[d.Code] <= 5 {
				t.Logf("%s", d)
			}
		}
		t.Logf("%s: version %s, %d diagnostics", filepath.Base(f), s.Version, len(s.Diagnostics))
	}
}
