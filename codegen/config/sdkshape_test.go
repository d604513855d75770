package config

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// sdkModel is the part of an AWS SDK API model (service-2.json) that
// describes operation inputs.
type sdkModel struct {
	Operations map[string]struct {
		Input struct{ Shape string }
	}
	Shapes map[string]sdkShape
}

type sdkShape struct {
	Type     string
	Required []string
	Members  map[string]struct{ Shape string }
	Member   struct{ Shape string }
	Key      struct{ Shape string }
	Value    struct{ Shape string }
	Enum     []string
}

func loadSDK(t *testing.T, service string) *sdkModel {
	files, _ := filepath.Glob(filepath.Join(schemasDir(t), "*__"+service+"__*__service-2.json"))
	if len(files) == 0 {
		t.Skipf("no SDK model for %s", service)
	}
	b, err := os.ReadFile(files[0])
	if err != nil {
		t.Fatal(err)
	}
	var m sdkModel
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	return &m
}

// isRef tells whether v is a calls.json reference ({"ref": …} or {"join": […]}),
// which stands for a string known once an earlier call has returned.
func isRef(v any) bool {
	m, ok := v.(map[string]any)
	if !ok || len(m) != 1 {
		return false
	}
	_, ref := m["ref"]
	_, join := m["join"]
	return ref || join
}

// check validates v against shape, appending problems to errs.
func (m *sdkModel) check(shape, ptr string, v any, errs *[]string) {
	s, ok := m.Shapes[shape]
	if !ok {
		*errs = append(*errs, fmt.Sprintf("%s: unknown shape %s", ptr, shape))
		return
	}
	bad := func(want string) { *errs = append(*errs, fmt.Sprintf("%s: want %s (%s), got %v", ptr, want, shape, v)) }
	switch s.Type {
	case "string":
		if isRef(v) {
			return
		}
		str, ok := v.(string)
		if !ok {
			bad("string")
			return
		}
		if len(s.Enum) > 0 && !slices.Contains(s.Enum, str) {
			bad("one of " + strings.Join(s.Enum, ","))
		}
	case "boolean":
		if _, ok := v.(bool); !ok {
			bad("boolean")
		}
	case "integer", "long":
		if f, ok := v.(float64); !ok || f != float64(int64(f)) {
			bad("integer")
		}
	case "double", "float":
		if _, ok := v.(float64); !ok {
			bad("number")
		}
	case "list":
		l, ok := v.([]any)
		if !ok {
			bad("list")
			return
		}
		for i, e := range l {
			m.check(s.Member.Shape, fmt.Sprintf("%s/%d", ptr, i), e, errs)
		}
	case "map":
		o, ok := v.(map[string]any)
		if !ok {
			bad("map")
			return
		}
		for _, k := range sortedMapKeys(o) {
			m.check(s.Value.Shape, ptr+"/"+k, o[k], errs)
		}
	case "structure":
		o, ok := v.(map[string]any)
		if !ok {
			bad("structure")
			return
		}
		for _, k := range sortedMapKeys(o) {
			mem, ok := s.Members[k]
			if !ok {
				*errs = append(*errs, fmt.Sprintf("%s: %s has no member %q", ptr, shape, k))
				continue
			}
			m.check(mem.Shape, ptr+"/"+k, o[k], errs)
		}
		for _, r := range s.Required {
			if _, ok := o[r]; !ok {
				*errs = append(*errs, fmt.Sprintf("%s: %s requires %q", ptr, shape, r))
			}
		}
	default:
		bad(s.Type)
	}
}

func sortedMapKeys(m map[string]any) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// validateCalls checks each call of a calls.json against its operation's
// input shape, and each reference against the labels of earlier calls.
func validateCalls(m *sdkModel, data []byte) []string {
	var doc struct {
		Calls []struct {
			Label, Operation string
			Input            map[string]any
		}
	}
	if err := json.Unmarshal(data, &doc); err != nil {
		return []string{err.Error()}
	}
	var errs []string
	seen := map[string]bool{}
	for _, c := range doc.Calls {
		op, ok := m.Operations[c.Operation]
		if !ok {
			errs = append(errs, c.Label+": unknown operation "+c.Operation)
			continue
		}
		m.check(op.Input.Shape, c.Label, c.Input, &errs)
		walkRefs(c.Input, func(ref string) {
			label, _, _ := strings.Cut(ref, ".")
			if !seen[label] {
				errs = append(errs, fmt.Sprintf("%s: refers to %s, which is not an earlier call", c.Label, ref))
			}
		})
		seen[c.Label] = true
	}
	return errs
}

func walkRefs(v any, f func(string)) {
	switch x := v.(type) {
	case map[string]any:
		if r, ok := x["ref"].(string); ok && len(x) == 1 {
			f(r)
			return
		}
		for _, k := range sortedMapKeys(x) {
			walkRefs(x[k], f)
		}
	case []any:
		for _, e := range x {
			walkRefs(e, f)
		}
	}
}

// TestCallsValidate checks every call of each golden case against the SDK API models.
func TestCallsValidate(t *testing.T) {
	for _, c := range cases {
		d := loadCase(t, c)
		service := "apigateway"
		if d.V2 != nil {
			service = "apigatewayv2"
		}
		m := loadSDK(t, service)
		files, _, err := Calls(d, Options{})
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range validateCalls(m, files[0].Data) {
			t.Errorf("%s: %s", c, e)
		}
	}
}

// TestCallsValidatorCatches makes sure the validator above can fail.
func TestCallsValidatorCatches(t *testing.T) {
	m := loadSDK(t, "apigateway")
	bad := `{"calls": [
	  {"label": "PutMethod#1", "operation": "PutMethod", "input": {"restApiId": {"ref": "CreateRestApi#1.id"}, "resourceId": "r",
	    "authorizationType": 5, "apiKeyRequired": "yes", "verb": "GET"}},
	  {"label": "PutIntegration#1", "operation": "PutIntegration", "input": {"restApiId": "a", "resourceId": "r", "httpMethod": "GET", "type": "LAMBDA"}}
	]}`
	errs := strings.Join(validateCalls(m, []byte(bad)), "\n")
	for _, want := range []string{`requires "httpMethod"`, `no member "verb"`, "want string", "want boolean", "not an earlier call", "one of HTTP"} {
		if !strings.Contains(errs, want) {
			t.Errorf("validator did not report %q:\n%s", want, errs)
		}
	}
}
