package main

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/apigw/apigw/internal/golden"
	"github.com/spf13/cobra"
)

// TestRefuseGolden runs the commands on documents with errors in some
// parts: gen client writes the clients of golden/refuse/<case> (compiled,
// vetted and tested with the module) and the warnings beside them; serve
// and simulate leave out or refuse the broken operation; --strict refuses.
func TestRefuseGolden(t *testing.T) {
	fixtures := golden.Fixture(t, "refuse") + string(filepath.Separator)
	clean := func(b []byte) []byte {
		b = bytes.ReplaceAll(b, []byte(fixtures), nil)
		return bytes.Replace(b, []byte("apigw "+Version()+" gen"), []byte("apigw v0.0.0-test gen"), 1)
	}
	for _, tc := range []struct {
		name string
		args []string
		code int
		out  string // golden file of stdout ("" when not compared)
		err  string // golden file of stderr
	}{
		{"client with placeholder URIs", []string{"gen", "client", "-package", "constructs", "constructs.yaml"}, exitOK, "constructs/client_gen.go", "constructs/gen-client.txt"},
		{"client without the broken operation", []string{"gen", "client", "-package", "leftout", "leftout.yaml"}, exitOK, "leftout/client_gen.go", "leftout/gen-client.txt"},
		{"strict client", []string{"gen", "client", "-package", "constructs", "-strict", "constructs.yaml"}, exitFindings, "", "constructs/gen-client-strict.txt"},
		{"simulate the broken operation", []string{"simulate", "leftout.yaml", "--operation", "createNote"}, exitFindings, "", "leftout/simulate-createNote.txt"},
		{"simulate another operation", []string{"simulate", "leftout.yaml", "--operation", "getNote"}, exitOK, "leftout/simulate-getNote.txt", "leftout/simulate-getNote-stderr.txt"},
		{"convert keeps the extensions", []string{"convert", "constructs.yaml", "--to", "oas31"}, exitOK, "", "constructs/convert.txt"},
		{"schema of the responses", []string{"gen", "schema", "constructs.yaml", "-o", t.TempDir()}, exitOK, "", "constructs/gen-schema.txt"},
		{"import reads everything", []string{"import", "constructs.yaml"}, exitFindings, "", "constructs/import.txt"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			args := append([]string(nil), tc.args...)
			for i, a := range args {
				if strings.HasSuffix(a, ".yaml") {
					args[i] = fixtures + a
				}
			}
			var out, errb bytes.Buffer
			if code := run(args, nil, &out, &errb); code != tc.code {
				t.Fatalf("exit %d, want %d; stderr: %s", code, tc.code, errb.String())
			}
			if tc.out != "" {
				golden.Assert(t, "refuse/"+tc.out, clean(out.Bytes()))
			}
			golden.Assert(t, "refuse/"+tc.err, clean(errb.Bytes()))
		})
	}
}

// TestServeLeavesOut serves the notes API: createNote, whose MOCK
// integration is broken, answers 501 saying it was left out; getNote
// answers from its MOCK integration; listNotes (a Lambda proxy) answers 501
// as every integration serve does not run does.
func TestServeLeavesOut(t *testing.T) {
	src, err := loadSimSource(&cobra.Command{}, golden.Fixture(t, "refuse/leftout.yaml"), &apiFlag{})
	if err != nil {
		t.Fatal(err)
	}
	var warnings bytes.Buffer
	h, err := serveHandler(&warnings, src, nil, false)
	if err != nil {
		t.Fatal(err)
	}
	golden.Assert(t, "refuse/leftout/serve.txt", bytes.ReplaceAll(warnings.Bytes(), []byte(golden.Fixture(t, "refuse")+string(filepath.Separator)), nil))
	srv := httptest.NewServer(h)
	defer srv.Close()
	for _, c := range []struct {
		method, path string
		status       int
		want         string
	}{
		{"POST", "/notes", http.StatusNotImplemented, "left this operation out"},
		{"GET", "/notes/7", http.StatusOK, `{"id": "1", "text": "hello"}`},
		{"GET", "/notes", http.StatusNotImplemented, "MOCK integrations only"},
	} {
		req, _ := http.NewRequest(c.method, srv.URL+c.path, strings.NewReader("{}"))
		req.Header.Set("Content-Type", "application/json")
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != c.status || !strings.Contains(string(body), c.want) {
			t.Errorf("%s %s: %d %s, want %d with %q", c.method, c.path, resp.StatusCode, body, c.status, c.want)
		}
		if c.status == http.StatusNotImplemented {
			var m map[string]string
			if err := json.Unmarshal(body, &m); err != nil || m["operation"] != c.method+" "+c.path {
				t.Errorf("%s %s: body %s does not name the operation", c.method, c.path, body)
			}
		}
	}
	if _, err := serveHandler(io.Discard, src, nil, true); err == nil {
		t.Error("serve --strict served a document with errors")
	}
}

// TestServeRefusesWhenNothingIsLeft refuses a document whose every MOCK
// integration is broken.
func TestServeRefusesWhenNothingIsLeft(t *testing.T) {
	path := filepath.Join(t.TempDir(), "api.yaml")
	doc := "openapi: 3.0.1\ninfo: {title: T, version: '1'}\npaths:\n  /a:\n    get:\n      responses: {'200': {description: ok}}\n      x-amazon-apigateway-integration:\n        type: mock\n        responses:\n          default: {statusCode: '200', responseParameters: {method.response.header.X: x}}\n"
	if err := os.WriteFile(path, []byte(doc), 0o644); err != nil {
		t.Fatal(err)
	}
	src, err := loadSimSource(&cobra.Command{}, path, &apiFlag{})
	if err != nil {
		t.Fatal(err)
	}
	var warnings bytes.Buffer
	if _, err := serveHandler(&warnings, src, nil, false); err == nil || !strings.Contains(warnings.String(), "error:") {
		t.Errorf("served a document whose only MOCK integration is broken: %v %s", err, warnings.String())
	}
}
