package source

import (
	"testing"

	"github.com/apigw/apigw/internal/specgen"
)

// BenchmarkFormatYAML times the steps of formatting a generated YAML
// document of 1,000 operations (8.7 MB): loading it, finding where every
// node and comment stands, and writing it.
//
//	go test ./extensions/source -run X -bench FormatYAML
func BenchmarkFormatYAML(b *testing.B) {
	src := specgen.YAML(1000)
	tree, _, err := Parse("api.yaml", src, Limits{})
	if err != nil {
		b.Fatal(err)
	}
	b.Run("parse", func(b *testing.B) {
		b.SetBytes(int64(len(src)))
		for b.Loop() {
			if _, _, err := Parse("api.yaml", src, Limits{}); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("place-comments", func(b *testing.B) {
		b.SetBytes(int64(len(src)))
		for b.Loop() {
			if _, ok := placeComments(src, tree); !ok {
				b.Fatal("no comment plan")
			}
		}
	})
	b.Run("format", func(b *testing.B) {
		b.SetBytes(int64(len(src)))
		for b.Loop() {
			if _, err := FormatYAML(src, tree); err != nil {
				b.Fatal(err)
			}
		}
	})
}
