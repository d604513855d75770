package config

import (
	"testing"

	"github.com/apigw/apigw/extensions/apimodel"
	"github.com/apigw/apigw/internal/specgen"
	"github.com/apigw/apigw/openapi"
)

// BenchmarkEmit measures each target on the REST fixture and on a
// synthetic document with 1,000 operations, imported once.
func BenchmarkEmit(b *testing.B) {
	docs, _, err := openapi.Load("bench.json", specgen.JSON(1000), openapi.LoadOptions{})
	if err != nil {
		b.Fatal(err)
	}
	big, _ := openapi.Import(docs[0], openapi.ImportOptions{})
	for _, c := range []struct {
		name string
		dump *apimodel.Dump
	}{{"rest", loadCase(b, "rest")}, {"1000", big}} {
		for _, target := range Targets {
			b.Run(c.name+"/"+target, func(b *testing.B) {
				b.ReportAllocs()
				for b.Loop() {
					if _, _, err := Emit(target, c.dump, Options{}); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}
