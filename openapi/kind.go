package openapi

import (
	"fmt"
	"strings"

	"github.com/apigw/apigw/extensions/diag"
	"github.com/apigw/apigw/extensions/source"
	"go.yaml.in/yaml/v4"
)

// Kind is the specification a document follows.
type Kind uint8

// Kinds of documents.
const (
	// KindUnknown is a document none of the others matched.
	KindUnknown Kind = iota
	// Swagger2 is a Swagger 2.0 document (swagger: "2.0").
	Swagger2
	// OpenAPI30 is an OpenAPI 3.0.x document.
	OpenAPI30
	// OpenAPI31 is an OpenAPI 3.1.x document.
	OpenAPI31
	// CloudFormation is a CloudFormation or SAM template; Load yields the
	// definitions embedded in it, never the template itself.
	CloudFormation
)

// String names the kind as users write it.
func (k Kind) String() string {
	switch k {
	case Swagger2:
		return "Swagger 2.0"
	case OpenAPI30:
		return "OpenAPI 3.0"
	case OpenAPI31:
		return "OpenAPI 3.1"
	case CloudFormation:
		return "CloudFormation template"
	}
	return "unknown"
}

// expectedKinds is what a file should be, for messages.
const expectedKinds = `an OpenAPI 3.0/3.1 document (top-level "openapi: 3.0.3"), a Swagger 2.0 document (top-level "swagger: \"2.0\"") or a CloudFormation/SAM template (top-level "Resources")`

// DetectKind tells what the mapping root is and the version as written. A
// diagnostic (positioned, pointer ptr) explains an unknown kind or version.
func DetectKind(root *yaml.Node, ptr string) (Kind, string, *diag.Diagnostic) {
	if root == nil || root.Kind != yaml.MappingNode {
		d := &diag.Diagnostic{Severity: diag.Error, Code: diag.NotObject, Pointer: ptr,
			Message: fmt.Sprintf("expected %s, found %s", expectedKinds, describeNode(root))}
		if root != nil {
			d.Line, d.Column = root.Line, root.Column
		}
		return KindUnknown, "", d
	}
	if k, v := source.Entry(root, "openapi"); k != nil {
		ver := source.Scalar(v)
		switch {
		case strings.HasPrefix(ver, "3.0"):
			return OpenAPI30, ver, nil
		case strings.HasPrefix(ver, "3.1"):
			return OpenAPI31, ver, nil
		}
		return KindUnknown, ver, versionDiag(v, source.Pointer(ptr, "openapi"),
			fmt.Sprintf("openapi version %q is not supported: API Gateway imports OpenAPI 3.0 (write \"3.0.1\") and Swagger 2.0; this tool also reads 3.1", ver))
	}
	if k, v := source.Entry(root, "swagger"); k != nil {
		ver := source.Scalar(v)
		if ver == "2.0" {
			return Swagger2, ver, nil
		}
		return KindUnknown, ver, versionDiag(v, source.Pointer(ptr, "swagger"),
			fmt.Sprintf("swagger version %q is not supported: write swagger: \"2.0\", or use OpenAPI 3.0", ver))
	}
	for _, key := range []string{"AWSTemplateFormatVersion", "Resources", "Transform"} {
		if k, _ := source.Entry(root, key); k != nil {
			return CloudFormation, "", nil
		}
	}
	return KindUnknown, "", &diag.Diagnostic{Severity: diag.Error, Code: diag.UnknownKind, Pointer: ptr,
		Line: root.Line, Column: root.Column,
		Message: "not an API definition: expected " + expectedKinds}
}

func versionDiag(v *yaml.Node, ptr, msg string) *diag.Diagnostic {
	return &diag.Diagnostic{Severity: diag.Error, Code: diag.UnsupportedVersion, Pointer: ptr,
		Line: v.Line, Column: v.Column, Message: msg}
}

// describeNode names a node's kind for messages.
func describeNode(n *yaml.Node) string {
	n = source.Resolve(n)
	switch {
	case n == nil:
		return "nothing"
	case n.Kind == yaml.MappingNode:
		return "an object"
	case n.Kind == yaml.SequenceNode:
		return "a list"
	case n.Tag == "!!null":
		return "null"
	}
	return "the scalar " + source.Excerpt(n.Value, 40)
}
