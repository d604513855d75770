package goclient

import (
	"bytes"
	"strings"
	"testing"

	"github.com/apigw/apigw/openapi"
)

// TestTypeCheckNamesTheSource breaks a rendered client and checks that the
// type checker's complaint names the operation and pointer it came from.
func TestTypeCheckNamesTheSource(t *testing.T) {
	docs, _, err := openapi.LoadFile("../../fixtures/client/petstore.yaml", openapi.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	g := newGen(docs[0], Options{Package: "petstore"})
	if err := g.run(); err != nil {
		t.Fatal(err)
	}
	chunks, fset, err := g.finish()
	if err != nil {
		t.Fatal(err)
	}
	if err := g.pipe.wait(); err != nil {
		t.Fatal(err)
	}
	if err := g.typeCheck(fset, chunks); err != nil {
		t.Fatalf("the client does not type-check: %v", err)
	}
	// Break GetPet's body: the checker must blame getPet at its pointer.
	broken := false
	for i, c := range chunks {
		if bytes.Contains(c.src, []byte("GetPetResponse,error) {\n")) {
			src := bytes.Replace(c.src, []byte("GetPetResponse,error) {\n"), []byte("GetPetResponse,error) {\n\tvar unused int = \"x\"\n"), 1)
			chunks[i].src = src
			chunks[i].parse(g.pipe.reserve(len(src)))
			broken = true
		}
	}
	if !broken {
		t.Fatal("GetPet not found in the rendered code")
	}
	err = g.typeCheck(fileSet(chunks), chunks)
	if err == nil {
		t.Fatal("broken code type-checks")
	}
	for _, want := range []string{"operation getPet", "/paths/~1pets~1{petId}/get", "does not type-check"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q does not mention %q", err, want)
		}
	}
}
