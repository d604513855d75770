package openapi

import (
	"context"
	"encoding/json"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"go.yaml.in/yaml/v4"
)

func BenchmarkExplore(b *testing.B) {
	data := genSpec(1000)
	var root yaml.Node
	yaml.Unmarshal(data, &root)
	b.Run("map", func(b *testing.B) {
		for b.Loop() {
			var m map[string]any
			json.Unmarshal(data, &m)
		}
	})
	b.Run("decode", func(b *testing.B) {
		for b.Loop() {
			doc := &openapi3.T{}
			root.Decode(doc)
		}
	})
	doc := &openapi3.T{}
	root.Decode(doc)
	b.Run("resolve", func(b *testing.B) {
		for b.Loop() {
			openapi3.NewLoader().ResolveRefsIn(doc, nil)
		}
	})
	b.Run("validate", func(b *testing.B) {
		for b.Loop() {
			doc.Validate(context.Background())
		}
	})
	b.Run("validatenoex", func(b *testing.B) {
		for b.Loop() {
			doc.Validate(context.Background(), openapi3.DisableExamplesValidation(), openapi3.DisableSchemaDefaultsValidation(), openapi3.DisableSchemaPatternValidation())
		}
	})
}
