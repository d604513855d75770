package source

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/apigw/apigw/internal/shared"
	"go.yaml.in/yaml/v4"
)

// fuzzLimits are small limits, so that the fuzzer explores refusals as
// well as documents.
var fuzzLimits = Limits{MaxBytes: 256 << 10, MaxDepth: 64, MaxAliasNodes: 10_000, MaxAliasBytes: 64 << 10}

// FuzzParse reads JSON and YAML under the limits: no panic, every refusal
// a *LimitError or *SyntaxError naming the file, and what parses can be
// checked for duplicate keys and written back as YAML and (when it has a
// JSON form) as JSON that parses again to the same JSON.
func FuzzParse(f *testing.F) {
	for _, s := range []string{
		`{"openapi": "3.0.1", "paths": {"/a": {"get": {"x-amazon-apigateway-integration": {"type": "mock"}}}}}`,
		"openapi: 3.0.1\npaths:\n  /a: {get: {}}\n",
		"a: &a [x, x]\nb: &b [*a, *a]\nc: [*b, *b, *b]\n",
		"a: &big " + strings.Repeat("x", 1000) + "\nb: [*big, *big, *big]\n",
		"a: &x [1, *x]\n",
		strings.Repeat("[", 100) + strings.Repeat("]", 100),
		"a: 1\n---\nb: 2\n",
		"{\"a\": 1, \"a\": 2}",
		"{\"n\": [1e400, -0, 12345678901234567890123]}",
		"k: !Sub '${AWS::Region}'\nl: !GetAtt a.b\n",
		"\xef\xbb\xbf{\"bom\": true}",
		"a: \"\xff\"\n",
		"",
	} {
		f.Add([]byte(s))
	}
	for _, data := range shared.Seeds(f, "specs", "bad") {
		f.Add(data)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		if msg := answerWithin(5*time.Second, func() string { return parseAndWrite(data) }); msg != "" {
			t.Fatal(msg)
		}
	})
}

// answerWithin runs fn and returns its message, or one saying it did not return
// in time: a hang is a crash too.
func answerWithin(d time.Duration, fn func() string) string {
	done := make(chan string, 1)
	go func() { done <- fn() }()
	select {
	case msg := <-done:
		return msg
	case <-time.After(d):
		return fmt.Sprintf("no answer within %s", d)
	}
}

// parseAndWrite is FuzzParse's check of one input; "" when it holds.
func parseAndWrite(data []byte) string {
	{
		doc, format, err := Parse("f.in", data, fuzzLimits)
		if err != nil {
			var le *LimitError
			var se *SyntaxError
			switch {
			case errors.As(err, &le):
				if le.File != "f.in" || le.Message == "" || le.Code == "" {
					return fmt.Sprintf("refusal without file, message or code: %#v", le)
				}
			case errors.As(err, &se):
				if se.File != "f.in" || se.Code == "" {
					return fmt.Sprintf("syntax error without file or code: %#v", se)
				}
			default:
				return fmt.Sprintf("error of type %T: %v", err, err)
			}
			return ""
		}
		if format != DetectFormat(data) {
			return fmt.Sprintf("format %v, DetectFormat %v", format, DetectFormat(data))
		}
		if format == YAML {
			if msg := sameAsOneRead(data); msg != "" {
				return msg
			}
		}
		if msg := sameAsEmitter(doc); msg != "" {
			return msg
		}
		DuplicateKeys(doc, "")
		if _, err := WriteYAML(doc); err != nil {
			return "" // a tree yaml v4 cannot write back is reported, not a crash
		}
		js, err := WriteJSON(doc)
		if err != nil {
			return "" // no JSON form (a non-finite float, an alias cycle, ...)
		}
		again, _, err := Parse("f.json", js, Limits{MaxBytes: 64 << 20, MaxDepth: 200})
		if err != nil {
			return fmt.Sprintf("WriteJSON wrote what does not parse: %v\n%s", err, js)
		}
		js2, err := WriteJSON(again)
		if err != nil || string(js2) != string(js) {
			return fmt.Sprintf("JSON written twice differs (%v):\n%s\n%s", err, js, js2)
		}
		return ""
	}
}

// sameAsOneRead reads a YAML text in pieces, wherever it can be cut for
// three processors, and compares the tree with one read.
func sameAsOneRead(data []byte) string {
	split, ok := parseYAMLSplit(data, 3, 0)
	if !ok {
		return ""
	}
	whole, err := parseYAML("f.in", data)
	if err != nil {
		return fmt.Sprintf("read in pieces, but not in one: %v", err)
	}
	if err := sameNodes(split, whole, ""); err != nil {
		return fmt.Sprintf("read in pieces differs from one read: %v", err)
	}
	return ""
}

// sameAsEmitter writes the canonical copy of doc with the fast writer and
// with yaml v4's emitter and compares the bytes.
func sameAsEmitter(doc *yaml.Node) string {
	n := canonical(doc)
	fast, ok := writeFast(Clone(n), 2)
	if !ok {
		return ""
	}
	whole, err := dumpWhole(Clone(n), 2)
	if err != nil || string(fast) != string(whole) {
		return fmt.Sprintf("fast writer differs from yaml v4 (%v):\n%s\nwant:\n%s", err, fast, whole)
	}
	return ""
}
