package extensions

import (
	"testing"

	"github.com/apigw/apigw/extensions/diag"
	"github.com/apigw/apigw/extensions/source"
	"github.com/apigw/apigw/internal/shared"
	"github.com/apigw/apigw/internal/tree"
)

// FuzzDecodeEncode decodes a value as each registered extension: no panic;
// a value decoded without errors (duplicate keys included) encodes back to
// the tree it was read from;
// and any value, encoded, decodes and encodes again to the same tree.
func FuzzDecodeEncode(f *testing.F) {
	var names []string
	for _, s := range Specs() {
		names = append(names, s.Name)
	}
	for _, s := range []string{
		`{type: mock, requestTemplates: {application/json: '{"statusCode": 200}'}, responses: {default: {statusCode: '200'}, '.*\[NotFound\].*': {statusCode: '404', responseParameters: {method.response.header.X: "'a'"}}}}`,
		`{type: aws_proxy, httpMethod: POST, uri: {Fn::Sub: "arn:aws:apigateway:${AWS::Region}:lambda:path/x"}, passthroughBehavior: when_no_match, timeoutInMillis: 29000}`,
		`{type: request, identitySource: "method.request.header.A, method.request.querystring.b", authorizerResultTtlInSeconds: 300}`,
		`{DEFAULT_4XX: {responseTemplates: {application/json: '{"m": $context.error.messageExtended}'}}}`,
		`[image/png, "*/*"]`,
		`{allowOrigins: ["*"], allowCredentials: true, maxAge: -1}`,
		`[1, {a: b}, null, true]`,
		`"text"`,
		`{all: {validateRequestBody: true, validateRequestParameters: yes}}`,
	} {
		f.Add(uint8(0), []byte(s))
	}
	for _, data := range shared.Seeds(f, "specs") {
		doc, _, err := source.Parse("seed", data, source.Limits{})
		if err != nil {
			continue
		}
		for _, site := range findExtensions(doc, "", names, nil) {
			if b, err := source.WriteJSON(site.node); err == nil {
				for i, n := range names {
					if n == site.name {
						f.Add(uint8(i), b)
					}
				}
			}
		}
	}
	f.Fuzz(func(t *testing.T, which uint8, data []byte) {
		doc, _, err := source.Parse("f.yaml", data, source.Limits{MaxBytes: 64 << 10, MaxDepth: 32, MaxAliasNodes: 1000})
		if err != nil || len(doc.Content) == 0 {
			return
		}
		n := doc.Content[0]
		name := names[int(which)%len(names)]
		v, diags := Decode(name, n, "/"+name)
		if v == nil {
			return
		}
		enc := v.Encode()
		// Duplicate keys are the loader's error (DuplicateKeys): a value
		// holding some is not expected to come back whole.
		clean := len(source.DuplicateKeys(n, "")) == 0
		for _, d := range diags {
			// A value of the wrong type is dropped (a warning, as import
			// drops it): it is not expected to come back either.
			if d.Severity == diag.Error || d.Code == diag.WrongType {
				clean = false
			}
		}
		if clean {
			if ok, why := tree.Equal(n, enc, tree.Options{}); !ok {
				t.Fatalf("%s decoded without errors but encodes differently: %s", name, why)
			}
		}
		v2, _ := Decode(name, enc, "/"+name)
		if v2 == nil {
			t.Fatalf("%s: the encoded value does not decode", name)
		}
		if ok, why := tree.Equal(enc, v2.Encode(), tree.Options{}); !ok {
			t.Fatalf("%s: encode(decode(encode(v))) differs from encode(v): %s", name, why)
		}
	})
}
