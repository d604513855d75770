package specgen

import (
	"encoding/json"
	"testing"

	"go.yaml.in/yaml/v4"
)

func TestJSONIsValidAndSized(t *testing.T) {
	data := JSON(1000)
	var v map[string]any
	if err := json.Unmarshal(data, &v); err != nil {
		t.Fatal(err)
	}
	if got := len(v["paths"].(map[string]any)); got != 1000 {
		t.Errorf("paths = %d, want 1000", got)
	}
	if mb := float64(len(data)) / 1e6; mb < 6.5 || mb > 8.5 {
		t.Errorf("1000 operations are %.2f MB of JSON, want about 7.5", mb)
	}
}

func TestYAMLHoldsTheSameDocument(t *testing.T) {
	var fromJSON, fromYAML any
	if err := yaml.Unmarshal(JSON(7), &fromJSON); err != nil {
		t.Fatal(err)
	}
	if err := yaml.Unmarshal(YAML(7), &fromYAML); err != nil {
		t.Fatal(err)
	}
	a, _ := json.Marshal(fromJSON)
	b, _ := json.Marshal(fromYAML)
	if string(a) != string(b) {
		t.Error("YAML and JSON documents differ")
	}
}

func TestDeterministic(t *testing.T) {
	if string(JSON(20)) != string(JSON(20)) || string(YAML(5)) != string(YAML(5)) {
		t.Error("two runs differ")
	}
}
