package goclient_test

import (
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/apigw/apigw/codegen/goclient"
	"github.com/apigw/apigw/internal/specgen"
	"github.com/apigw/apigw/openapi"
)

var writeSpecs = flag.String("write-specs", "", "write the synthetic benchmark documents (1000.json, 3000.json) to this folder and stop")

// BenchmarkGenerate measures load + generate (with gofmt and type check) on
// synthetic documents with 1,000 and 3,000 operations.
func BenchmarkGenerate(b *testing.B) {
	for _, n := range []int{1000, 3000} {
		data := specgen.JSON(n)
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for b.Loop() {
				docs, _, err := openapi.Load("bench.json", data, openapi.LoadOptions{})
				if err != nil {
					b.Fatal(err)
				}
				if _, err := goclient.Generate(docs[0], goclient.Options{Package: "x"}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// TestWriteSpecs writes the benchmark documents for bench/oapi-codegen.sh
// when -write-specs is given.
func TestWriteSpecs(t *testing.T) {
	if *writeSpecs == "" {
		t.Skip("use -write-specs DIR")
	}
	for _, n := range []int{1000, 3000} {
		if err := os.WriteFile(filepath.Join(*writeSpecs, strconv.Itoa(n)+".json"), specgen.JSON(n), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// TestSyntheticDocuments generates the benchmark documents once as a test.
func TestSyntheticDocuments(t *testing.T) {
	if testing.Short() {
		t.Skip("slow")
	}
	docs, _, err := openapi.Load("bench.json", specgen.JSON(200), openapi.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := goclient.Generate(docs[0], goclient.Options{Package: "x"}); err != nil {
		t.Fatal(err)
	}
}
