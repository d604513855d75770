package source

import (
	"errors"
	"strings"
	"testing"

	"github.com/apigw/apigw/internal/tree"
)

func TestSplice(t *testing.T) {
	tests := []struct {
		name, src, ptr, value, want string
	}{
		{"plain scalar", "a: 1 # one\nb: x\n", "/a", "2", "a: 2 # one\nb: x\n"},
		{"quotes kept", "a: \"x\"\nb: 'y'\n", "/a", "z", "a: \"z\"\nb: 'y'\n"},
		{"single quotes kept", "a: \"x\"\nb: 'y'\n", "/b", "it's", "a: \"x\"\nb: 'it''s'\n"},
		{"explicit quotes win", "a: x\n", "/a", "'200'", "a: '200'\n"},
		{"inside flow", "a: {type: http, uri: 'https://x'}\n", "/a/uri", "arn:aws:lambda", "a: {type: http, uri: 'arn:aws:lambda'}\n"},
		{"flow needs quotes", "a: [x, y]\n", "/a/1", "b, c", "a: [x, 'b, c']\n"},
		{"tag replaced", "uri: !Sub \"arn:${X}\" # c\n", "/uri", "arn:aws:x", "uri: \"arn:aws:x\" # c\n"},
		{"tag written", "uri: PLACEHOLDER\n", "/uri", "!Sub arn:${AWS::Region}", "uri: !Sub arn:${AWS::Region}\n"},
		{"block scalar", "t: |\n  a\n  b\nn: 1\n", "/t", "x", "t: x\nn: 1\n"},
		{"to block scalar", "  k:\n    t: x\n    n: 1\n", "/k/t", "|\n a\n b\n", "  k:\n    t: |\n      a\n      b\n    n: 1\n"},
		{"mapping below key", "a:\n    b: 1\n    c: 2\nd: 3\n", "/a", "{b: 1, c: 5, e: {f: 1}}", "a:\n    b: 1\n    c: 5\n    e:\n        f: 1\nd: 3\n"},
		{"scalar to mapping", "a: x\nd: 3\n", "/a", "{b: 1}", "a:\n  b: 1\nd: 3\n"},
		{"mapping to scalar", "a:\n  b: 1\nd: 3\n", "/a", "x", "a: x\nd: 3\n"},
		{"new key in block", "a:\n  b: 1 # c\nd: 3\n", "/a/c", "2", "a:\n  b: 1 # c\n  c: 2\nd: 3\n"},
		{"new key in flow", "a: {b: 1}\n", "/a/c", "[1, 2]", "a: {b: 1, c: [1, 2]}\n"},
		{"key removed", "a:\n  b: 1\n  c: 2\n  d: 3\n", "/a", "{b: 1, d: 3}", "a:\n  b: 1\n  d: 3\n"},
		{"append block", "a:\n  - x\n  - y\n", "/a/-", "z", "a:\n  - x\n  - y\n  - z\n"},
		{"append flow", "a: [x]\n", "/a/1", "z", "a: [x, z]\n"},
		{"sequence item mapping", "a:\n  - b: 1\n    c: 2\n", "/a/0", "{b: 1, c: 3, d: 4}", "a:\n  - b: 1\n    c: 3\n    d: 4\n"},
		{"item replaced by mapping", "a:\n  - x\n  - y\n", "/a/0", "{b: 1, c: 2}", "a:\n  - b: 1\n    c: 2\n  - y\n"},
		{"anchor kept", "a: &x 1\nb: *x\n", "/a", "2", "a: &x 2\nb: *x\n"},
		{"empty value", "a:\nb: 1\n", "/a", "x", "a: x\nb: 1\n"},
		{"empty value to mapping", "a:\nb: 1\n", "/a", "{c: 1}", "a:\n  c: 1\nb: 1\n"},
		{"empty item", "a:\n  -\n  - x\n", "/a/0", "{b: 1, c: 2}", "a:\n  - b: 1\n    c: 2\n  - x\n"},
		{"compact sequence to mapping", "a:\n- x\nb: 1\n", "/a", "{c: 1}", "a:\n  c: 1\nb: 1\n"},
		{"comment after key", "a: # c\n  b: 1\nd: 2\n", "/a", "x", "a: # c\n  x\nd: 2\n"},
		{"anchored mapping", "a: &y\n  k: v\nb: *y\n", "/a", "{k: w}", "a: &y\n  k: w\nb: *y\n"},
		{"anchored mapping replaced", "a: &y\n  k: v\nb: *y\n", "/a", "[1]", "a: &y\n  - 1\nb: *y\n"},
		{"keep chomping", "a: |+\n  x\n\nb: 1\n", "/a", "y", "a: y\nb: 1\n"},
		{"byte-order mark", "\xef\xbb\xbfa: 1\nb: 2\n", "/b", "3", "\xef\xbb\xbfa: 1\nb: 3\n"},
		{"root", "a: 1\n", "", "{b: 2}", "b: 2\n"},
		{"crlf", "a:\r\n  b: 1\r\nc: 2\r\n", "/a", "{b: 1, x: {y: 2}}", "a:\r\n  b: 1\r\n  x:\r\n    y: 2\r\nc: 2\r\n"},
		{"json scalar", "{\n  \"a\": \"x\",\n  \"b\": 1\n}\n", "/a", "y", "{\n  \"a\": \"y\",\n  \"b\": 1\n}\n"},
		{"json object", "{\n    \"a\": \"x\",\n    \"b\": 1\n}\n", "/a", "{k: [1, 2]}", "{\n    \"a\": {\n        \"k\": [\n            1,\n            2\n        ]\n    },\n    \"b\": 1\n}\n"},
		{"json new key", "{\n  \"a\": \"x\"\n}\n", "/b", "!Sub y", "{\n  \"a\": \"x\",\n  \"b\": {\n    \"Fn::Sub\": \"y\"\n  }\n}\n"},
		{"json compact", "{\"a\": {\"b\": 1}}", "/a/c", "{d: 2}", "{\"a\": {\"b\": 1, \"c\": {\"d\": 2}}}"},
		{"unicode columns", "a: {é: 'ü', b: x}\n", "/a/b", "y", "a: {é: 'ü', b: y}\n"},
		{"key whose tag changes", "a:\n  200: x\n  b: 1\n  c: 2\n", "/a", "{'200': x, c: 3}", "a:\n  '200': x\n  c: 3\n"},
		{"same value no change", "a: {b: 1}\n", "/a", "{b: 1}", "a: {b: 1}\n"},
		{"multi-line plain", "a: one\n  two\nb: 1\n", "/a", "x", "a: x\nb: 1\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Splice([]byte(tt.src), Edit{tt.ptr, tree.Load(t, tt.value)})
			if err != nil {
				t.Fatal(err)
			}
			if string(got) != tt.want {
				t.Errorf("got\n%q\nwant\n%q", got, tt.want)
			}
		})
	}
}

func TestSpliceRefuses(t *testing.T) {
	for _, tt := range []struct{ name, src, ptr, msg string }{
		{"through alias", "a: &x {b: 1}\nc: *x\n", "/c/b", "alias"},
		{"merge key", "a: &x {b: 1}\nc:\n  <<: *x\n", "/c/b", "merge"},
		{"missing parent", "a: 1\n", "/b/c", "no key"},
		{"scalar parent", "a: 1\n", "/a/c", "scalar"},
		{"index", "a: [1]\n", "/a/5", "no item"},
		{"no slash", "a: 1\n", "a", "starts with /"},
		{"duplicate key", "a: 1\nb: 2\na: 3\n", "/a", "written twice"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Splice([]byte(tt.src), Edit{tt.ptr, tree.Load(t, "1")})
			var ee *EditError
			if !errors.As(err, &ee) || !strings.Contains(err.Error(), tt.msg) {
				t.Errorf("error %v, want an EditError saying %q", err, tt.msg)
			}
		})
	}
}

// TestSpliceWithin: the text is read within the limits given, and the
// result is read back within them but for its size, which may exceed src's.
func TestSpliceWithin(t *testing.T) {
	src := []byte("a: {b: [1]}\n")
	long := tree.Load(t, strings.Repeat("x", 100))
	out, err := SpliceWithin(Limits{MaxBytes: int64(len(src))}, src, Edit{"/a/c", long})
	if err != nil || !strings.Contains(string(out), strings.Repeat("x", 100)) {
		t.Errorf("a result larger than MaxBytes: %q, %v", out, err)
	}
	var le *LimitError
	if _, err := SpliceWithin(Limits{MaxBytes: int64(len(src)) - 1}, src, Edit{"/a/c", long}); !errors.As(err, &le) {
		t.Errorf("src above MaxBytes: %v, want a LimitError", err)
	}
	if _, err := SpliceWithin(Limits{MaxDepth: 2}, src, Edit{"/a/c", long}); !errors.As(err, &le) {
		t.Errorf("src deeper than MaxDepth: %v, want a LimitError", err)
	}
}

func TestSpliceSeveral(t *testing.T) {
	src := "a: {uri: X}\nb:\n  uri: X # placeholder\n"
	got, err := Splice([]byte(src),
		Edit{"/a/uri", tree.Load(t, "arn:1")},
		Edit{"/b/uri", tree.Load(t, "arn:2")},
		Edit{"/b", tree.Load(t, "{uri: arn:2, timeoutInMillis: 100}")},
		Edit{"/b/timeoutInMillis", tree.Load(t, "200")},
	)
	if err != nil {
		t.Fatal(err)
	}
	if want := "a: {uri: 'arn:1'}\nb:\n  uri: arn:2 # placeholder\n  timeoutInMillis: 200\n"; string(got) != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}
