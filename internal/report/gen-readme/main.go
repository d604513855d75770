// Command gen-readme writes the code table of README.md's "Diagnostic codes"
// section from the catalog of package extensions/diag, between the markers
// report.CodesBegin and report.CodesEnd.
//
// Run it with go generate in internal/report.
package main

import (
	"log"
	"os"
	"path/filepath"

	"github.com/apigw/apigw/internal/atomicfile"
	"github.com/apigw/apigw/internal/report"
)

func main() {
	path := filepath.Join("..", "..", "README.md")
	data, err := os.ReadFile(path)
	if err != nil {
		log.Fatal(err)
	}
	out, err := report.SpliceCodes(data)
	if err != nil {
		log.Fatalf("%s: %v", path, err)
	}
	if err := atomicfile.Write(path, out, 0o644); err != nil {
		log.Fatal(err)
	}
}
