package schema

import (
	"strconv"
	"testing"

	"github.com/apigw/apigw/internal/golden"
	"github.com/apigw/apigw/internal/specgen"
	"github.com/apigw/apigw/openapi"
)

// BenchmarkForAPI measures ForAPI alone (the document is loaded once) on the
// fixtures and on synthetic documents with 200 and 1,000 operations.
func BenchmarkForAPI(b *testing.B) {
	for _, name := range apiCases {
		b.Run(name, func(b *testing.B) {
			docs, _, err := openapi.LoadFile(golden.Fixture(b, "schema/"+name+".yaml"), openapi.LoadOptions{})
			if err != nil {
				b.Fatal(err)
			}
			benchForAPI(b, docs[0])
		})
	}
	for _, n := range []int{200, 1000} {
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			docs, _, err := openapi.Load("bench.json", specgen.JSON(n), openapi.LoadOptions{})
			if err != nil {
				b.Fatal(err)
			}
			benchForAPI(b, docs[0])
		})
	}
}

func benchForAPI(b *testing.B, doc *openapi.Document) {
	b.ReportAllocs()
	for b.Loop() {
		files, _, err := ForAPI(doc, APIOptions{})
		if err != nil || len(files) == 0 {
			b.Fatalf("%d files, %v", len(files), err)
		}
	}
}
