package openapi

import (
	"encoding/json"
	"strconv"
	"testing"

	"github.com/apigw/apigw/extensions/source"
	"github.com/apigw/apigw/internal/specgen"
	"go.yaml.in/yaml/v4"
)

var benchSizes = []int{100, 1000, 3000}

// BenchmarkLoad measures Parse+Load of generated JSON documents.
func BenchmarkLoad(b *testing.B) {
	for _, n := range benchSizes {
		data := specgen.JSON(n)
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for b.Loop() {
				if _, _, err := Load("bench.json", data, LoadOptions{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkParseJSON measures the JSON reader alone.
func BenchmarkParseJSON(b *testing.B) {
	for _, n := range benchSizes {
		data := specgen.JSON(n)
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for b.Loop() {
				if _, _, err := source.Parse("bench.json", data, source.Limits{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkJSONStdlib is the baseline: encoding/json into map[string]any on the same bytes.
func BenchmarkJSONStdlib(b *testing.B) {
	for _, n := range benchSizes {
		data := specgen.JSON(n)
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for b.Loop() {
				var v map[string]any
				if err := json.Unmarshal(data, &v); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkYAMLOnJSON is what the JSON reader replaces: yaml v4 reading the same bytes into a node tree.
func BenchmarkYAMLOnJSON(b *testing.B) {
	for _, n := range benchSizes[:2] {
		data := specgen.JSON(n)
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for b.Loop() {
				var doc yaml.Node
				if err := yaml.Unmarshal(data, &doc); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
