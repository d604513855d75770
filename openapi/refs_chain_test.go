package openapi

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/apigw/apigw/extensions/source"
)

// refChain writes a document whose schema S0 is a $ref to S1, and so on,
// for links references; S<links> is a string.
func refChain(links int) []byte {
	var b strings.Builder
	b.WriteString(`{"openapi": "3.0.1", "info": {"title": "t", "version": "1"}, "paths": {"/a": {"get": {"responses": {"200": {"description": "ok", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/S0"}}}}}}}}, "components": {"schemas": {`)
	for i := range links {
		fmt.Fprintf(&b, "\n\"S%d\": {\"$ref\": \"#/components/schemas/S%d\"},", i, i+1)
	}
	fmt.Fprintf(&b, "\n\"S%d\": {\"type\": \"string\"}}}}", links)
	return []byte(b.String())
}

func TestRefChainLimit(t *testing.T) {
	// The operation's $ref and S0..S30 make 32 links: allowed.
	docs, diags, err := Load("ok.json", refChain(31), LoadOptions{})
	if err != nil || len(docs) != 1 {
		t.Fatalf("32 links: %v %v", err, diags)
	}
	op := docs[0].Operations()[0]
	if s := op.Responses[0].Content[0].Schema; !s.Resolved || source.Scalar(source.Get(s.Target, "type")) != "string" {
		t.Errorf("the chain is not followed to its end: %+v", s)
	}
	for _, links := range []int{32, 8000} {
		start := time.Now()
		_, _, err := Load("chain.json", refChain(links), LoadOptions{})
		var le *source.LimitError
		if !errors.As(err, &le) || le.Limit != source.LimitRefChain || le.File != "chain.json" {
			t.Fatalf("%d links: %v, want a ref chain refusal", links, err)
		}
		// Reported where the longest chain starts: the operation's $ref.
		if le.Line != 1 || !strings.Contains(le.Message, fmt.Sprintf("chain of %d references", links+1)) {
			t.Errorf("%d links: %v", links, le)
		}
		if d := time.Since(start); d > 3*time.Second {
			t.Errorf("%d links took %s", links, d)
		}
	}
}

func TestRefChainCycleIsNotRefused(t *testing.T) {
	// A short cycle is a document error for the checks, not a limit.
	src := `{"openapi": "3.0.1", "info": {"title": "t", "version": "1"}, "paths": {}, "components": {"schemas": {"A": {"$ref": "#/components/schemas/B"}, "B": {"$ref": "#/components/schemas/A"}}}}`
	docs, _, err := Load("cycle.json", []byte(src), LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	a := source.NodeAt(docs[0].Root, "/components/schemas/A")
	if _, ok := docs[0].Follow(a, "/components/schemas/A"); ok {
		t.Error("a cycle resolved")
	}
}

func TestRefChainAcrossFiles(t *testing.T) {
	dir := t.TempDir()
	var b strings.Builder
	b.WriteString("S0:\n  $ref: '#/S1'\n")
	for i := 1; i < 40; i++ {
		fmt.Fprintf(&b, "S%d:\n  $ref: '#/S%d'\n", i, i+1)
	}
	b.WriteString("S40:\n  type: string\n")
	os.WriteFile(filepath.Join(dir, "common.yaml"), []byte(b.String()), 0o644)
	main := filepath.Join(dir, "main.yaml")
	os.WriteFile(main, []byte("openapi: 3.0.1\ninfo: {title: t, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n    P:\n      $ref: 'common.yaml#/S0'\n"), 0o644)
	_, _, err := LoadFile(main, LoadOptions{AllowRefs: dir})
	var le *source.LimitError
	if !errors.As(err, &le) || le.Limit != source.LimitRefChain || le.File != main || le.Line != 7 {
		t.Fatalf("got %v, want a refusal at %s:7", err, main)
	}
}

func TestFollowRemembers(t *testing.T) {
	docs, _, err := Load("ok.json", refChain(20), LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	d := docs[0]
	s0 := source.NodeAt(d.Root, "/components/schemas/S0")
	t1, ok1 := d.Follow(s0, "/components/schemas/S0")
	kept := len(d.followed)
	if _, hit := d.followed[s0]; !hit {
		t.Fatal("the answer is not kept")
	}
	t2, ok2 := d.Follow(s0, "/components/schemas/S0")
	if len(d.followed) != kept {
		t.Error("the second call resolved again")
	}
	if t1 != t2 || !ok1 || !ok2 || t1.Pointer != "/components/schemas/S20" {
		t.Errorf("%+v %v, %+v %v", t1, ok1, t2, ok2)
	}
}
