package main

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/apigw/apigw/extensions/source"
	"github.com/apigw/apigw/internal/golden"
	"github.com/apigw/apigw/internal/shared"
	"github.com/apigw/apigw/openapi"
	"go.yaml.in/yaml/v4"
)

const lambdaURI = "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:Pets/invocations"

// copyTo copies a file into dir and returns the copy's path.
func copyTo(t *testing.T, dir, from string) string {
	t.Helper()
	data, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	to := filepath.Join(dir, filepath.Base(from))
	if err := os.WriteFile(to, data, 0o640); err != nil {
		t.Fatal(err)
	}
	return to
}

// TestSet fills the uri of an integration in place: the file differs from
// the original only in that value's bytes, keeps its permission, and
// several values, --from, --string and -o work.
func TestSet(t *testing.T) {
	dir := t.TempDir()
	api := copyTo(t, dir, golden.Fixture(t, "petstore.yaml"))
	orig, _ := os.ReadFile(api)
	const ptr = "/paths/~1pets~1{petId}/get/x-amazon-apigateway-integration"
	if _, stderr, code := runAt(t, "set", api, ptr+"/uri", "arn:aws:lambda:PLACEHOLDER", ptr+"/timeoutInMillis", "10000"); code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	got, _ := os.ReadFile(api)
	oldURI := "uri: arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:GetPet/invocations\n"
	want := strings.Replace(string(orig), oldURI, "uri: arn:aws:lambda:PLACEHOLDER\n", 1)
	want = strings.Replace(want, "            statusCode: \"400\"\n", "            statusCode: \"400\"\n        timeoutInMillis: 10000\n", 1)
	if string(got) != want {
		t.Errorf("got\n%s", lineDiff(want, string(got)))
	}
	if info, _ := os.Stat(api); info.Mode().Perm() != 0o640 {
		t.Errorf("permission %v, want 0640", info.Mode().Perm())
	}

	value := filepath.Join(dir, "integration.yaml")
	os.WriteFile(value, []byte("type: mock\nrequestTemplates:\n  application/json: '{\"statusCode\": 200}'\n"), 0o644)
	out, stderr, code := runAt(t, "set", api, ptr, "--from", value, "-o", "-")
	if code != exitOK {
		t.Fatalf("--from: exit %d: %s", code, stderr)
	}
	if !strings.Contains(out, "      x-amazon-apigateway-integration:\n        type: mock\n        requestTemplates:\n          application/json: '{\"statusCode\": 200}'\n  /pets:\n") {
		t.Errorf("--from: got\n%s", out)
	}
	if again, _ := os.ReadFile(api); string(again) != string(got) {
		t.Error("-o - rewrote the file")
	}

	out, _, code = runAt(t, "set", api, ptr+"/responses/default/responseParameters", `{"method.response.header.X-Request-Id": "context.requestId", "x": "200"}`, "-o", "-")
	if code != exitOK || !strings.Contains(out, "            responseParameters:\n              method.response.header.X-Request-Id: context.requestId\n              x: '200'\n") {
		t.Errorf("a JSON value in a YAML file: exit %d\n%s", code, out)
	}

	out, _, code = runAt(t, "set", api, ptr+"/uri", "not: YAML # text", "--string", "-o", "-")
	if code != exitOK || !strings.Contains(out, "        uri: 'not: YAML # text'\n") {
		t.Errorf("--string: exit %d\n%s", code, out)
	}
}

// TestSetFormats fills placeholders in a JSON document and a SAM template.
func TestSetFormats(t *testing.T) {
	dir := t.TempDir()
	js := filepath.Join(dir, "api.json")
	os.WriteFile(js, []byte("{\n    \"openapi\": \"3.0.1\",\n    \"paths\": {\"/a\": {\"get\": {\n        \"x-amazon-apigateway-integration\": {\"type\": \"aws_proxy\", \"uri\": \"LAMBDA\"}\n    }}}\n}\n"), 0o644)
	if _, stderr, code := runAt(t, "set", js, "/paths/~1a/get/x-amazon-apigateway-integration/uri", "!Sub arn:${AWS::Partition}:lambda"); code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	got, _ := os.ReadFile(js)
	if want := "{\n    \"openapi\": \"3.0.1\",\n    \"paths\": {\"/a\": {\"get\": {\n        \"x-amazon-apigateway-integration\": {\"type\": \"aws_proxy\", \"uri\": {\"Fn::Sub\": \"arn:${AWS::Partition}:lambda\"}}\n    }}}\n}\n"; string(got) != want {
		t.Errorf("JSON: got\n%s\nwant\n%s", got, want)
	}

	tpl := copyTo(t, dir, golden.Fixture(t, "check/template.yaml"))
	orig, _ := os.ReadFile(tpl)
	docs, _, err := openapi.LoadFile(tpl, openapi.LoadOptions{})
	if err != nil || len(docs) == 0 {
		t.Fatal(err)
	}
	args := []string{"set", tpl}
	for _, d := range docs {
		for _, op := range d.Operations() {
			if _, e := op.Integration(); e != nil && source.Get(e.Node, "uri") != nil {
				args = append(args, e.Pointer+"/uri", lambdaURI)
			}
		}
	}
	if len(args) < 4 {
		t.Fatal("the template has no integration uri")
	}
	if _, stderr, code := runAt(t, args...); code != exitOK {
		t.Fatalf("template: exit %d: %s", code, stderr)
	}
	got, _ = os.ReadFile(tpl)
	assertOnlyValuesChanged(t, tpl, orig, got, args[2:])
}

// TestSetRefuses checks the exit codes: a pointer naming nothing is a usage
// error, a file with duplicate keys an input error, and nothing is written.
func TestSetRefuses(t *testing.T) {
	dir := t.TempDir()
	api := filepath.Join(dir, "api.yaml")
	const src = "a: &x {b: 1}\nc: *x\nd: [1]\n"
	os.WriteFile(api, []byte(src), 0o644)
	dup := filepath.Join(dir, "dup.yaml")
	os.WriteFile(dup, []byte("a: 1\na: 2\n"), 0o644)
	deep := filepath.Join(dir, "deep.json")
	os.WriteFile(deep, []byte(strings.Repeat("[", 2000)+strings.Repeat("]", 2000)), 0o644)
	for _, tc := range []struct {
		args []string
		code int
		msg  string
	}{
		{[]string{"set", api, "/x/y", "1"}, exitUsage, `no key "x"`},
		{[]string{"set", api, "/c/b", "1"}, exitUsage, "alias"},
		{[]string{"set", api, "/d/3", "1"}, exitUsage, "no item"},
		{[]string{"set", api, "/a", "1", "/x/y", "2"}, exitUsage, `no key "x"`},
		{[]string{"set", api, "/a", "{"}, exitUsage, "VALUE for /a"},
		{[]string{"set", api, "/a"}, exitUsage, "POINTER VALUE"},
		{[]string{"set", api, "/a", "1", "--from", api}, exitUsage, "--from"},
		{[]string{"set", dup, "/a", "3"}, exitFindings, "duplicate"},
		{[]string{"set", deep, "/0", "3"}, exitLimit, "deep"},
		{[]string{"set", api, "/a", "1", "-o", filepath.Join(dup, "in-a-file.yaml")}, exitWrite, ""},
		{[]string{"set", filepath.Join(dir, "api.yaml.tpl"), "/a", "1"}, exitUsage, "templatefile"},
	} {
		_, stderr, code := runAt(t, tc.args...)
		if code != tc.code || !strings.Contains(stderr, tc.msg) {
			t.Errorf("%v: exit %d, want %d; stderr %q should say %q", tc.args[2:], code, tc.code, stderr, tc.msg)
		}
	}
	if got, _ := os.ReadFile(api); string(got) != src {
		t.Errorf("a refused change wrote the file:\n%s", got)
	}
}

// TestSetAboveDefaultSize: a file larger than the default size limit,
// allowed by --max-size, is edited (the text is read again within the same
// limit when spliced), and its duplicate keys are still refused.
func TestSetAboveDefaultSize(t *testing.T) {
	dir := t.TempDir()
	data, err := os.ReadFile(golden.Fixture(t, "petstore.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	line := "# " + strings.Repeat("x", 1022) + "\n"
	padding := strings.Repeat(line, (source.DefaultMaxBytes+1<<20)/len(line))
	api := filepath.Join(dir, "api.yaml")
	os.WriteFile(api, append(data, padding...), 0o644)
	size := strconv.Itoa(len(data) + len(padding) + 100)
	const ptr = "/paths/~1pets~1{petId}/get/x-amazon-apigateway-integration/timeoutInMillis"
	if _, stderr, code := runAt(t, "set", "--max-size", size, api, ptr, "12345"); code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	got, _ := os.ReadFile(api)
	if len(got) < len(padding) || !strings.HasSuffix(string(got), padding) || !strings.Contains(string(got), "timeoutInMillis: 12345") {
		t.Errorf("the value was not set, or the rest of the file changed (%d bytes)", len(got))
	}
	dup := filepath.Join(dir, "dup.yaml")
	os.WriteFile(dup, []byte("a: 1\na: 2\n"+padding), 0o644)
	if _, stderr, code := runAt(t, "set", "--max-size", size, dup, "/a", "3"); code != exitFindings || !strings.Contains(stderr, "duplicate") {
		t.Errorf("duplicate keys: exit %d, %q", code, stderr)
	}
}

// TestSetCorpus fills every integration's uri of every corpus document, one
// command per file: the text changes only on the lines of those values.
func TestSetCorpus(t *testing.T) {
	files, changed := 0, 0
	for _, file := range shared.CorpusFiles(t, "specs") {
		docs, _, err := openapi.LoadFile(file, openapi.LoadOptions{})
		if err != nil || len(docs) == 0 {
			continue
		}
		args := []string{"set", "-o", "-", file}
		for _, d := range docs {
			if d.Model != nil {
				continue // an API written as resources: its pointers name its export, not the file
			}
			for _, op := range d.Operations() {
				if _, e := op.Integration(); e != nil && source.Lookup(e.Node, "uri") != nil && !strings.Contains(e.Pointer, "/<<") {
					args = append(args, e.Pointer+"/uri", lambdaURI)
				}
			}
		}
		if len(args) == 4 {
			continue
		}
		out, stderr, code := runAt(t, args...)
		if code != exitOK {
			t.Errorf("%s: exit %d: %s", filepath.Base(file), code, stderr)
			continue
		}
		orig, _ := os.ReadFile(file)
		assertOnlyValuesChanged(t, file, orig, []byte(out), args[4:])
		files++
		changed += (len(args) - 4) / 2
	}
	t.Logf("%d files, %d integration uris filled", files, changed)
}

// assertOnlyValuesChanged checks that got differs from orig only on the
// lines of the values the pointers name (from the line of their key to the
// line before whatever follows them), and that got holds the new values.
func assertOnlyValuesChanged(t *testing.T, file string, orig, got []byte, ptrValues []string) {
	t.Helper()
	name := filepath.Base(file)
	before, _, err := source.Parse(file, orig, source.Limits{})
	if err != nil {
		t.Fatal(err)
	}
	after, _, err := source.Parse(file, got, source.Limits{})
	if err != nil {
		t.Fatalf("%s: the result does not load: %v", name, err)
	}
	allowed := map[int]bool{} // lines of orig that may change
	for i := 0; i+1 < len(ptrValues); i += 2 {
		ptr := ptrValues[i]
		if v := source.NodeAt(after.Content[0], ptr); v == nil || v.Value != ptrValues[i+1] {
			t.Errorf("%s: %s was not set", name, ptr)
		}
		parent := source.NodeAt(before.Content[0], ptr[:strings.LastIndexByte(ptr, '/')])
		key, value := source.Entry(parent, source.UnescapeToken(ptr[strings.LastIndexByte(ptr, '/')+1:]))
		last := min(nextLine(before, value)-1, strings.Count(string(orig), "\n")+1)
		if last < key.Line {
			last = key.Line
		}
		for l := key.Line; l <= last; l++ {
			allowed[l] = true
		}
	}
	// The lines outside the allowed ones must come back unchanged and in
	// order, with only the new values' text between them.
	lines := strings.SplitAfter(string(orig), "\n")
	var segments []string
	var seg strings.Builder
	for i, line := range lines {
		switch {
		case !allowed[i+1]:
			seg.WriteString(line)
		case i == 0 || !allowed[i]: // the first line of a value's lines
			segments = append(segments, seg.String())
			seg.Reset()
		}
	}
	segments = append(segments, seg.String())
	text := string(got)
	if !strings.HasPrefix(text, segments[0]) || !strings.HasSuffix(text, segments[len(segments)-1]) {
		t.Errorf("%s: lines before or after the values changed:\n%s", name, lineDiff(string(orig), text))
		return
	}
	pos := len(segments[0])
	for _, sg := range segments[1 : len(segments)-1] {
		k := strings.Index(text[pos:], sg)
		if k < 0 {
			t.Errorf("%s: lines between the values changed:\n%s", name, lineDiff(string(orig), text))
			return
		}
		pos += k + len(sg)
	}
}

func lineAt(lines []string, i int) string {
	if i < len(lines) {
		return lines[i]
	}
	return "(end)\n"
}

// nextLine returns the first line after n on which something that is not
// inside n starts (a key, an item), or a line past the end.
func nextLine(doc, n *yaml.Node) int {
	inside := map[*yaml.Node]bool{}
	var mark func(m *yaml.Node)
	mark = func(m *yaml.Node) {
		inside[m] = true
		for _, c := range m.Content {
			mark(c)
		}
	}
	mark(n)
	best := 1 << 30
	var walk func(m *yaml.Node)
	walk = func(m *yaml.Node) {
		if !inside[m] && m.Kind != yaml.DocumentNode && (m.Line > lastLine(n) || m.Line == lastLine(n) && m.Column > n.Column && m.Line > n.Line) && m.Line < best {
			best = m.Line
		}
		for _, c := range m.Content {
			walk(c)
		}
	}
	walk(doc)
	return best
}

// lastLine is the line of the last node inside n.
func lastLine(n *yaml.Node) int {
	l := n.Line
	for _, c := range n.Content {
		l = max(l, lastLine(c))
	}
	return l
}

// lineDiff shows the lines that differ between want and got.
func lineDiff(want, got string) string {
	a, b := strings.Split(want, "\n"), strings.Split(got, "\n")
	var s strings.Builder
	for i := 0; i < max(len(a), len(b)); i++ {
		x, y := lineAt(a, i), lineAt(b, i)
		if x != y {
			s.WriteString("-" + x + "\n+" + y + "\n")
		}
	}
	return s.String()
}
