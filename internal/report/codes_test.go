package report

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/apigw/apigw/extensions/diag"
)

// TestReadmeCodesCurrent fails when README.md's code table is not what the
// catalog generates.
func TestReadmeCodesCurrent(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	want, err := SpliceCodes(data)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(data, want) {
		t.Error("README.md's code table is stale: run go generate ./internal/report")
	}
}

// TestCodesTable checks one row per code with the anchor HelpURI names.
func TestCodesTable(t *testing.T) {
	table := CodesTable()
	rows := strings.Split(strings.TrimSuffix(table, "\n"), "\n")
	if len(rows) != len(diag.Catalog())+2 {
		t.Fatalf("%d rows for %d codes", len(rows)-2, len(diag.Catalog()))
	}
	for i, e := range diag.Catalog() {
		row := rows[i+2]
		_, frag, _ := strings.Cut(e.HelpURI(), "#")
		if !strings.HasPrefix(row, `| <a id="`+frag+`"></a>`+string(e.Code)+" | ") ||
			!strings.Contains(row, " | "+e.Severity.String()+" | ") || strings.Count(row, " | ") != 3 {
			t.Errorf("row %q does not carry %s", row, e.Code)
		}
	}
	if _, err := SpliceCodes([]byte("no markers")); err == nil {
		t.Error("SpliceCodes accepted a README without markers")
	}
}
