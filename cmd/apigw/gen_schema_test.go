package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/apigw/apigw/internal/golden"
)

func TestGenSchema(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range []struct {
		args   []string
		code   int
		golden string // golden file the output must equal
		file   string // output file, when -o is used
		want   string // text the output must contain
	}{
		{args: []string{"gen", "schema", "--extensions"}, golden: "schema/extensions.json"},
		{args: []string{"gen", "schema", "--extensions", "--document", "-o", filepath.Join(dir, "doc.json")}, golden: "schema/document.json", file: filepath.Join(dir, "doc.json")},
		{args: []string{"gen", "schema", "--document", "--id", "https://schemas.example.com/o.json"}, want: `"$id": "https://schemas.example.com/o.json"`},
		{args: []string{"gen", "schema"}, code: exitUsage},
		{args: []string{"gen", "schema", "--extensions", "--id", "not a url"}, code: exitUsage},
		{args: []string{"gen", "schema", "--extensions", "extra"}, code: exitUsage},
		{args: []string{"gen", "schema", "--extensions", "-o", filepath.Join(dir, "missing", "x.json")}, code: exitWrite},
		{args: []string{"gen"}, code: exitUsage},
	} {
		t.Run(strings.Join(tc.args, " "), func(t *testing.T) {
			var out, errb bytes.Buffer
			code := run(tc.args, nil, &out, &errb)
			if code != tc.code {
				t.Fatalf("exit %d, want %d; stderr %q", code, tc.code, errb.String())
			}
			got := out.Bytes()
			if tc.file != "" {
				var err error
				if got, err = os.ReadFile(tc.file); err != nil {
					t.Fatal(err)
				}
			}
			if tc.golden != "" {
				want, err := os.ReadFile(golden.Path(t, tc.golden))
				if err != nil {
					t.Fatal(err)
				}
				if !bytes.Equal(got, want) {
					t.Errorf("output differs from golden/%s", tc.golden)
				}
			}
			if !strings.Contains(string(got), tc.want) {
				t.Errorf("output lacks %q", tc.want)
			}
		})
	}
}

func TestGenSchemaHelp(t *testing.T) {
	var out, errb bytes.Buffer
	if code := run([]string{"gen", "schema", "--help"}, nil, &out, &errb); code != exitOK {
		t.Fatalf("exit %d", code)
	}
	if !strings.Contains(out.String(), "# yaml-language-server: $schema=") {
		t.Errorf("help lacks the yaml-language-server line:\n%s", out.String())
	}
}
