package config

import (
	"encoding/json"
	"hash/crc32"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/apigw/apigw/internal/golden"
	"github.com/santhosh-tekuri/jsonschema/v6"
)

// schemasDir is the shared folder of CloudFormation resource schemas and SDK
// API models; tests that need it skip when it is absent.
func schemasDir(t *testing.T) string {
	dir := filepath.Join(golden.Root(t), "..", "shared", "schemas")
	if _, err := os.Stat(dir); err != nil {
		t.Skip("no shared/schemas beside the repository")
	}
	return dir
}

// cfnSchema compiles the resource schema of a CloudFormation type
// ("AWS::ApiGateway::Method" → *aws-apigateway-method.json), nil when the
// folder has none for it.
func cfnSchema(t *testing.T, dir, typ string) *jsonschema.Schema {
	parts := strings.Split(strings.ToLower(typ), "::")
	files, _ := filepath.Glob(filepath.Join(dir, "*__"+parts[0]+"-"+parts[1]+"-"+parts[2]+".json"))
	if len(files) == 0 {
		return nil
	}
	f, err := os.Open(files[0])
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		t.Fatal(err)
	}
	delete(doc.(map[string]any), "$schema")
	c := jsonschema.NewCompiler()
	url := "mem://schemas/" + strings.Join(parts, "-") + ".json"
	if err := c.AddResource(url, doc); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile(url)
	if err != nil {
		t.Fatalf("%s: %v", typ, err)
	}
	return s
}

// placeholders replaces each CloudFormation intrinsic function (a one-key
// object Ref, Fn::GetAtt, Fn::Sub, …) with the string "placeholder": the
// value it resolves to at deployment is a string, which is what the resource
// schemas expect where the template refers to another resource.
func placeholders(v any) any {
	switch x := v.(type) {
	case map[string]any:
		if len(x) == 1 {
			for k := range x {
				if k == "Ref" || strings.HasPrefix(k, "Fn::") {
					// One per function, so that lists of distinct functions stay distinct.
					b, _ := json.Marshal(x)
					return "placeholder" + strconv.Itoa(len(b)) + strconv.FormatUint(uint64(crc32.ChecksumIEEE(b)), 16)
				}
			}
		}
		out := make(map[string]any, len(x))
		for k, e := range x {
			out[k] = placeholders(e)
		}
		return out
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = placeholders(e)
		}
		return out
	}
	return v
}

// TestCloudFormationValidates checks every resource of each golden template
// against its CloudFormation resource schema. AWS::Lambda::Permission is
// checked only when its schema is in the folder.
func TestCloudFormationValidates(t *testing.T) {
	dir := schemasDir(t)
	schemas := map[string]*jsonschema.Schema{}
	for _, c := range cases {
		files, _, err := CloudFormation(loadCase(t, c), Options{})
		if err != nil {
			t.Fatal(err)
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
		checked := 0
		for name, r := range tmpl.Resources {
			s, ok := schemas[r.Type]
			if !ok {
				s = cfnSchema(t, dir, r.Type)
				schemas[r.Type] = s
			}
			if s == nil {
				if strings.HasPrefix(r.Type, "AWS::ApiGateway") {
					t.Errorf("%s: no schema for %s", c, r.Type)
				}
				continue
			}
			props := placeholders(jsonRoundTrip(t, r.Properties))
			if err := s.Validate(props); err != nil {
				t.Errorf("%s: %s (%s): %v", c, name, r.Type, err)
			}
			checked++
		}
		if checked < 5 {
			t.Errorf("%s: only %d resources checked", c, checked)
		}
	}
}

// TestCloudFormationValidatorCatches makes sure the schema check above can
// fail: a Method without HttpMethod and with an unknown property is rejected.
func TestCloudFormationValidatorCatches(t *testing.T) {
	s := cfnSchema(t, schemasDir(t), "AWS::ApiGateway::Method")
	bad := map[string]any{"RestApiId": "a", "ResourceId": "b", "Verb": "GET"}
	if s.Validate(bad) == nil {
		t.Error("a Method without HttpMethod and with an unknown property passed the schema")
	}
}

// jsonRoundTrip converts v to the generic form the validator expects (json.Number for numbers).
func jsonRoundTrip(t *testing.T, v any) any {
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	out, err := jsonschema.UnmarshalJSON(strings.NewReader(string(b)))
	if err != nil {
		t.Fatal(err)
	}
	return out
}
