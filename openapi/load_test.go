package openapi

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/apigw/apigw/extensions"
	"github.com/apigw/apigw/extensions/diag"
	"github.com/apigw/apigw/extensions/source"
	"github.com/apigw/apigw/internal/golden"
)

// diagLines renders diagnostics as "line:col severity code pointer" for comparison.
func diagLines(ds []diag.Diagnostic) []string {
	out := make([]string, len(ds))
	for i, d := range ds {
		out[i] = fmt.Sprintf("%d:%d %s %s %s", d.Line, d.Column, d.Severity, d.Code, d.Pointer)
	}
	return out
}

func hasDiag(ds []diag.Diagnostic, want string) bool {
	for _, l := range diagLines(ds) {
		if l == want {
			return true
		}
	}
	return false
}

func TestDuplicateKeys(t *testing.T) {
	cases := []struct {
		name, src string
		want      []string // "line:col severity code pointer"
		msg       string
	}{
		{"json", "{\"openapi\": \"3.0.1\", \"paths\": {\"/a\": {\"get\": {}, \"get\": {}}}}",
			[]string{"1:50 warning APIGW002 /paths/~1a/get"}, "first at 1:39, again at 1:50; API Gateway keeps the last value"},
		{"yaml", "openapi: 3.0.1\npaths:\n  /a:\n    get: {}\n    post: {}\n    get: {}\n",
			[]string{"6:5 warning APIGW002 /paths/~1a/get"}, "first at 4:5, again at 6:5"},
		{"in a list", "openapi: 3.0.1\ntags:\n- name: a\n  name: b\n",
			[]string{"4:3 warning APIGW002 /tags/0/name"}, "first at 3:3"},
		{"large object", "openapi: 3.0.1\nx:\n" + manyKeys(40) + "  k7: again\n",
			[]string{"43:3 warning APIGW002 /x/k7"}, "first at 10:3"},
		{"merge keys are not duplicates", "openapi: 3.0.1\nbase: &b {x: 1}\nm:\n  <<: *b\n  <<: *b\n", nil, ""},
		{"same key in different objects", `{"openapi": "3.0.1", "a": {"k": 1}, "b": {"k": 1}}`, nil, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, diags, err := Load("d", []byte(c.src), LoadOptions{})
			if err != nil {
				t.Fatal(err)
			}
			var dups []diag.Diagnostic
			for _, d := range diags {
				if d.Code == diag.DuplicateKey {
					dups = append(dups, d)
				}
			}
			if got := diagLines(dups); strings.Join(got, "|") != strings.Join(c.want, "|") {
				t.Fatalf("got %q, want %q", got, c.want)
			}
			if c.msg != "" && !strings.Contains(dups[0].Message, c.msg) {
				t.Errorf("message %q does not contain %q", dups[0].Message, c.msg)
			}
		})
	}
}

func manyKeys(n int) string {
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, "  k%d: %d\n", i, i)
	}
	return b.String()
}

func TestDetectKind(t *testing.T) {
	cases := []struct {
		src     string
		kind    Kind
		version string
		code    diag.Code
	}{
		{`{"openapi": "3.0.3"}`, OpenAPI30, "3.0.3", ""},
		{"openapi: 3.0\n", OpenAPI30, "3.0", ""},
		{"openapi: 3.1.0\n", OpenAPI31, "3.1.0", ""},
		{"swagger: \"2.0\"\n", Swagger2, "2.0", ""},
		{"swagger: 2.0\n", Swagger2, "2.0", ""},
		{"AWSTemplateFormatVersion: 2010-09-09\n", CloudFormation, "", ""},
		{"Transform: AWS::Serverless-2016-10-31\n", CloudFormation, "", ""},
		{"openapi: 2.0.0\n", KindUnknown, "2.0.0", diag.UnsupportedVersion},
		{"openapi: 3.2.0\n", KindUnknown, "3.2.0", diag.UnsupportedVersion},
		{"swagger: \"1.2\"\n", KindUnknown, "1.2", diag.UnsupportedVersion},
		{"items: []\n", KindUnknown, "", diag.UnknownKind},
		{"- a\n", KindUnknown, "", diag.NotObject},
		{"just text\n", KindUnknown, "", diag.NotObject},
	}
	for _, c := range cases {
		tree, _, err := source.Parse("k", []byte(c.src), source.Limits{})
		if err != nil {
			t.Fatal(err)
		}
		kind, version, found := DetectKind(tree.Content[0], "")
		var code diag.Code
		if found != nil {
			code = found.Code
			if found.Line == 0 || !strings.Contains(found.Message, "write") && !strings.Contains(found.Message, "expected") {
				t.Errorf("%q: diagnostic %s says neither where nor what to write", c.src, found)
			}
		}
		if kind != c.kind || version != c.version || code != c.code {
			t.Errorf("%q: got %v %q %q, want %v %q %q", c.src, kind, version, code, c.kind, c.version, c.code)
		}
	}
}

func TestTemplateYAMLWithShortTags(t *testing.T) {
	docs, diags, err := LoadFile(golden.Fixture(t, "load/sam-template.yaml"), LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 2 {
		t.Fatalf("got %d documents, want MyApi and MyHttpApi", len(docs))
	}
	rest, http := docs[0], docs[1]
	if rest.Resource != "MyApi" || rest.ResourceType != "AWS::Serverless::Api" || rest.HTTPAPI() ||
		rest.Pointer != "/Resources/MyApi/Properties/DefinitionBody" || rest.Kind != OpenAPI30 || rest.Raw != nil {
		t.Errorf("REST document: %+v", rest)
	}
	if http.Resource != "MyHttpApi" || !http.HTTPAPI() || http.Pointer != "/Resources/MyHttpApi/Properties/DefinitionBody" {
		t.Errorf("HTTP document: %+v", http)
	}
	// Nodes keep their positions in the template.
	if rest.Root.Line != 13 || rest.Root.Column != 9 {
		t.Errorf("root at %d:%d, want 13:9", rest.Root.Line, rest.Root.Column)
	}
	_, info := source.Entry(rest.Root, "info")
	_, title := source.Entry(info, "title")
	if title.Tag != "!Sub" || title.Line != 15 {
		t.Errorf("title: tag %q line %d, want !Sub on line 15", title.Tag, title.Line)
	}
	op := rest.Operation("/pets", "get")
	if op == nil || op.Pointer != "/Resources/MyApi/Properties/DefinitionBody/paths/~1pets/get" {
		t.Fatalf("operation: %+v", op)
	}
	if v, ok := op.Effective(extensions.ExtRequestValidator).(*extensions.RequestValidatorName); !ok || v.Name != "all" {
		t.Errorf("request validator: %#v", op.Effective(extensions.ExtRequestValidator))
	}
	for _, want := range []string{
		// A decoding diagnostic inside the embedded document: absolute pointer, template position.
		"20:40 warning APIGW100 /Resources/MyApi/Properties/DefinitionBody/x-amazon-apigateway-request-validators/all/validateRequestParameters",
		"41:9 info APIGW021 /Resources/Included/Properties/DefinitionBody",
		"48:7 info APIGW021 /Resources/FromS3/Properties/BodyS3Location",
	} {
		if !hasDiag(diags, want) {
			t.Errorf("missing diagnostic %s in\n%s", want, strings.Join(diagLines(diags), "\n"))
		}
	}
	for _, d := range diags {
		if d.File != golden.Fixture(t, "load/sam-template.yaml") {
			t.Errorf("diagnostic without the file: %s", d)
		}
	}
}

func TestTemplateJSON(t *testing.T) {
	docs, diags, err := LoadFile(golden.Fixture(t, "load/template.json"), LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 2 {
		t.Fatalf("got %d documents: %v", len(docs), diags)
	}
	if d := docs[0]; d.Kind != Swagger2 || d.HTTPAPI() || d.Format != source.JSON || d.Pointer != "/Resources/Rest/Properties/Body" || d.Root.Line != 6 {
		t.Errorf("REST document: %+v", d)
	}
	if d := docs[1]; d.Kind != OpenAPI30 || !d.HTTPAPI() || d.ResourceType != "AWS::ApiGatewayV2::Api" {
		t.Errorf("HTTP document: %+v", d)
	}
	any := docs[1].Operation("/a/b", "ANY")
	if any == nil || any.Key != anyMethod || len(any.Extensions()) != 1 || any.Extensions()[0].Pointer != "/Resources/Http/Properties/Body/paths/~1a~1b/x-amazon-apigateway-any-method/x-amazon-apigateway-request-validator" {
		t.Errorf("ANY operation: %+v", any)
	}
	if v, ok := docs[0].Extension(extensions.ExtRequestValidator).(*extensions.RequestValidatorName); !ok || v.Name != "basic" {
		t.Errorf("root extension of the Swagger body: %#v", docs[0].Extension(extensions.ExtRequestValidator))
	}
}

func TestTemplateBodies(t *testing.T) {
	cases := []struct {
		name, body string
		docs       int
		want       string
	}{
		{"intrinsic", "{Fn::If: [c, {openapi: 3.0.1}, {openapi: 3.0.1}]}", 0, "5:13 info APIGW022 /Resources/A/Properties/Body"},
		{"short intrinsic", "!If [c, {openapi: 3.0.1}, {openapi: 3.0.1}]", 0, "5:13 info APIGW022 /Resources/A/Properties/Body"},
		{"include", "{Fn::Transform: {Name: AWS::Include}}", 0, "5:13 info APIGW021 /Resources/A/Properties/Body"},
		{"string", "'{\"openapi\": \"3.0.1\"}'", 0, "5:13 info APIGW022 /Resources/A/Properties/Body"},
		{"not a definition", "{title: x}", 0, "5:13 error APIGW004 /Resources/A/Properties/Body"},
		{"bad version", "{openapi: 4.0.0}", 0, "5:23 error APIGW005 /Resources/A/Properties/Body/openapi"},
		{"inline", "{openapi: 3.0.1}", 1, ""},
	}
	for _, c := range cases {
		src := "Resources:\n  A:\n    Type: AWS::ApiGateway::RestApi\n    Properties:\n      Body: " + c.body + "\n"
		docs, diags, err := Load("t.yaml", []byte(src), LoadOptions{})
		if err != nil {
			t.Fatal(err)
		}
		if len(docs) != c.docs || c.want != "" && !hasDiag(diags, c.want) {
			t.Errorf("%s: %d documents, diagnostics\n%s\nwant %d documents and %s", c.name, len(docs), strings.Join(diagLines(diags), "\n"), c.docs, c.want)
		}
	}
	_, diags, _ := Load("t.yaml", []byte("Resources:\n  Fn:\n    Type: AWS::Lambda::Function\n"), LoadOptions{})
	if !hasDiag(diags, "2:3 info APIGW020 /Resources") {
		t.Errorf("a template without APIs: %v", diagLines(diags))
	}
}

func TestRefPolicy(t *testing.T) {
	api := golden.Fixture(t, "load/refs/api.yaml")
	t.Run("refused without a folder", func(t *testing.T) {
		docs, diags, err := LoadFile(api, LoadOptions{})
		if err != nil || len(docs) != 1 {
			t.Fatal(err)
		}
		if !hasDiag(diags, "8:17 error APIGW030 /paths/~1pets/get/responses/200/$ref") || len(docs[0].Refs) != 0 {
			t.Errorf("diagnostics %v, refs %v", diagLines(diags), docs[0].Refs)
		}
		for _, d := range diags {
			if d.Code == diag.ExternalRef && !strings.Contains(d.Message, "--allow-refs") {
				t.Errorf("message %q does not say what to do", d.Message)
			}
		}
	})
	t.Run("allowed below the folder", func(t *testing.T) {
		dir := filepath.Dir(api)
		docs, diags, err := LoadFile(api, LoadOptions{AllowRefs: dir})
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range diags {
			if d.Code >= "APIGW030" && d.Code <= "APIGW039" {
				t.Errorf("unexpected %s", d)
			}
		}
		refs := docs[0].Refs
		if len(refs) != 2 || refs[0].Target != "shared/responses.yaml" || refs[0].Fragment != "/Ok" || refs[0].Tree == nil ||
			refs[1].Target != "shared/pet.yaml" || refs[1].File != filepath.Join(dir, "shared/responses.yaml") || refs[1].Line != 6 {
			for _, r := range refs {
				t.Logf("%+v", r)
			}
			t.Errorf("refs not loaded as expected")
		}
	})
	t.Run("escape and URL refused", func(t *testing.T) {
		esc := golden.Fixture(t, "load/refs/escape.yaml")
		_, diags, err := LoadFile(esc, LoadOptions{AllowRefs: filepath.Dir(esc)})
		if err != nil {
			t.Fatal(err)
		}
		if !hasDiag(diags, "7:13 error APIGW032 /components/schemas/Secret/$ref") ||
			!hasDiag(diags, "9:13 error APIGW031 /components/schemas/Remote/$ref") {
			t.Errorf("diagnostics %v", diagLines(diags))
		}
		for _, d := range diags {
			if d.Code == diag.RefUnreadable && !strings.Contains(d.Message, "escapes") {
				t.Errorf("the refusal should come from os.Root (path escapes): %s", d.Message)
			}
		}
	})
	t.Run("URL refused without a folder too", func(t *testing.T) {
		_, diags, _ := Load("u.yaml", []byte("openapi: 3.0.1\nx:\n  $ref: http://example.com/a.yaml\n"), LoadOptions{})
		if !hasDiag(diags, "3:9 error APIGW031 /x/$ref") {
			t.Errorf("diagnostics %v", diagLines(diags))
		}
	})
}

func TestLoadFileRefusesLargeFiles(t *testing.T) {
	path := filepath.Join(t.TempDir(), "big.yaml")
	if err := os.WriteFile(path, []byte("openapi: 3.0.1\n"+strings.Repeat("# padding\n", 100)), 0o644); err != nil {
		t.Fatal(err)
	}
	_, _, err := LoadFile(path, LoadOptions{Limits: source.Limits{MaxBytes: 100}})
	if le, ok := err.(*source.LimitError); !ok || le.Limit != source.LimitSize || le.File != path {
		t.Errorf("got %v", err)
	}
	if _, _, err := LoadFile(filepath.Join(t.TempDir(), "missing.yaml"), LoadOptions{}); !os.IsNotExist(err) {
		t.Errorf("missing file: %v", err)
	}
}

// TestRefsInDataAreNotRefs checks that "$ref" keys inside examples, defaults
// and extension values are data, that an Example object's own $ref is still a
// reference, and that a bare definition name is not taken for a file.
func TestRefsInDataAreNotRefs(t *testing.T) {
	doc := `openapi: 3.0.1
info: {title: t, version: "1"}
paths:
  /a:
    get:
      responses:
        "200":
          description: ok
          content:
            application/json:
              example: {$ref: "https://example.com/user/1"}
              examples:
                one: {value: {$ref: "https://example.com/user/2"}}
                two: {$ref: "other.yaml#/components/examples/two"}
              schema:
                default: {$ref: "https://example.com/user/3"}
                properties:
                  pet: {$ref: Pet}
      x-vendor: {$ref: "https://example.com/user/4"}
`
	_, diags, err := Load("a.yaml", []byte(doc), LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, d := range diags {
		if d.Code >= "APIGW030" && d.Code <= "APIGW039" {
			got = append(got, d.Pointer)
		}
	}
	if want := []string{"/paths/~1a/get/responses/200/content/application~1json/examples/two/$ref"}; !slices.Equal(got, want) {
		t.Fatalf("$ref diagnostics at %v, want %v", got, want)
	}
}
