package goclient_test

import (
	"bytes"
	"go/format"
	"strings"
	"testing"

	"github.com/apigw/apigw/codegen/goclient"
)

// TestLeaveOut generates a client without one operation: no method, no
// types of its own, and the package comment names it.
func TestLeaveOut(t *testing.T) {
	d := load(t, `openapi: 3.0.1
info: {title: T, version: "1"}
paths:
  /a:
    get:
      operationId: getA
      responses: {"200": {description: ok}}
    post:
      operationId: postA
      parameters: [{name: q, in: query, schema: {type: string}}]
      responses: {"201": {description: ok}}
`)
	code, err := goclient.Generate(d, goclient.Options{Package: "a", LeaveOut: d.Operations()[1:]})
	if err != nil {
		t.Fatal(err)
	}
	src := string(code)
	if !strings.Contains(src, "func (c *Client) GetA(") || strings.Contains(src, "PostA") {
		t.Errorf("getA kept, postA left out:\n%s", src)
	}
	if !strings.Contains(src, "// It leaves out these operations, which the document has errors in:\n//   - postA (POST /a)\npackage a\n") {
		t.Errorf("the package comment does not name postA:\n%.600s", src)
	}
	if formatted, err := format.Source(code); err != nil || !bytes.Equal(formatted, code) {
		t.Errorf("not gofmt-clean: %v", err)
	}
}
