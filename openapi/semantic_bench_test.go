package openapi

import (
	"context"
	"strconv"
	"testing"

	"github.com/apigw/apigw/internal/specgen"
	"github.com/getkin/kin-openapi/openapi3"
	"go.yaml.in/yaml/v4"
)

// BenchmarkSemantic measures NewSemantic on a generated extension-heavy
// document whose source tree is already built (the caller builds it).
func BenchmarkSemantic(b *testing.B) {
	for _, n := range benchSizes {
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			data := specgen.JSON(n)
			var doc yaml.Node
			if err := yaml.Unmarshal(data, &doc); err != nil {
				b.Fatal(err)
			}
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				s := NewSemantic(context.Background(), &doc, SemanticOptions{Data: data})
				if len(s.Diagnostics) > 0 {
					b.Fatal(s.Diagnostics[0])
				}
			}
		})
	}
}

// BenchmarkKinLoadFromData measures kin-openapi's own loader on the same bytes.
func BenchmarkKinLoadFromData(b *testing.B) {
	for _, n := range benchSizes {
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			data := specgen.JSON(n)
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				if _, err := openapi3.NewLoader().LoadFromData(data); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
