package openapi

import (
	"context"
	"encoding/json"
	"os"
	"testing"
	"time"

	"github.com/getkin/kin-openapi/openapi3"
	"go.yaml.in/yaml/v4"
)

// TestSemanticSpeed compares NewSemantic with encoding/json and kin-openapi's
// loader on the same bytes, interleaved so a busy machine affects all alike.
// It runs only with APIGW_SPEED=1 (it takes a minute).
func TestSemanticSpeed(t *testing.T) {
	if os.Getenv("APIGW_SPEED") == "" {
		t.Skip("set APIGW_SPEED=1 to measure")
	}
	best := func(d *time.Duration, f func()) {
		s := time.Now()
		f()
		*d = min(*d, time.Since(s))
	}
	for _, n := range []int{100, 1000, 3000} {
		data := genSpec(n)
		var doc yaml.Node
		if err := yaml.Unmarshal(data, &doc); err != nil {
			t.Fatal(err)
		}
		stdlib, sem, kin, phaseDecode, phaseResolve, phaseValidate := time.Hour, time.Hour, time.Hour, time.Hour, time.Hour, time.Hour
		for range 5 {
			best(&stdlib, func() {
				var m map[string]any
				_ = json.Unmarshal(data, &m)
			})
			best(&sem, func() { NewSemantic(context.Background(), &doc, SemanticOptions{Data: data}) })
			if n <= 1000 {
				best(&kin, func() { _, _ = openapi3.NewLoader().LoadFromData(data) })
			}
			var d *openapi3.T
			best(&phaseDecode, func() {
				s := &sanitizer{dropExtensions: true}
				d, _, _ = decodeV3(s.sanitize(&doc, ""))
			})
			best(&phaseResolve, func() { _ = openapi3.NewLoader().ResolveRefsIn(d, nil) })
			best(&phaseValidate, func() { _ = d.Validate(context.Background(), validationOptions()...) })
		}
		r := func(d time.Duration) float64 { return float64(d) / float64(stdlib) }
		t.Logf("%d ops, %.1f MB: encoding/json %v; NewSemantic %v (%.2f×: decode %.2f×, resolve %.2f×, validate %.2f×); LoadFromData %v (%.2f×)",
			n, float64(len(data))/1e6, stdlib, sem, r(sem), r(phaseDecode), r(phaseResolve), r(phaseValidate), kin, r(kin))
	}
}

// TestSemanticSpeedRealSpecs compares NewSemantic with encoding/json on the
// large real documents in ../shared/bench (APIGW_SPEED=1).
func TestSemanticSpeedRealSpecs(t *testing.T) {
	if os.Getenv("APIGW_SPEED") == "" {
		t.Skip("set APIGW_SPEED=1 to measure")
	}
	dir := semSharedDir(t, "bench")
	for _, name := range []string{"github-api.json", "stripe-spec3.json", "k8s-swagger.json"} {
		data, err := os.ReadFile(dir + "/" + name)
		if err != nil {
			t.Fatal(err)
		}
		var doc yaml.Node
		if err := yaml.Unmarshal(data, &doc); err != nil {
			t.Fatal(err)
		}
		stdlib, sem := time.Hour, time.Hour
		for range 5 {
			s := time.Now()
			var m map[string]any
			_ = json.Unmarshal(data, &m)
			stdlib = min(stdlib, time.Since(s))
			s = time.Now()
			NewSemantic(context.Background(), &doc, SemanticOptions{Data: data})
			sem = min(sem, time.Since(s))
		}
		t.Logf("%s: encoding/json %v; NewSemantic %v (%.2f×)", name, stdlib, sem, float64(sem)/float64(stdlib))
	}
}
