package openapi

import (
	"strconv"
	"testing"

	"github.com/apigw/apigw/internal/specgen"
)

// BenchmarkCheck measures the whole check of a generated JSON document:
// parsing, extension decoding and the document-level checks (CheckData).
func BenchmarkCheck(b *testing.B) {
	for _, n := range benchSizes {
		data := specgen.JSON(n)
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := CheckData("bench.json", data, LoadOptions{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
