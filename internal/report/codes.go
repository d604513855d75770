package report

//go:generate go run ./gen-readme

import (
	"bytes"
	"errors"
	"strings"

	"github.com/apigw/apigw/extensions/diag"
)

// The markers around the generated code table in README.md.
const (
	CodesBegin = "<!-- codes:begin (generated from extensions/diag by go generate ./internal/report; do not edit) -->"
	CodesEnd   = "<!-- codes:end -->"
)

// CodesTable renders the catalog as the Markdown table of README's
// "Diagnostic codes" section: one row per code, in code order, with the
// anchor that Entry.HelpURI points at, the title, the default severity and
// the first sentence of the evidence.
func CodesTable() string {
	var b strings.Builder
	b.WriteString("| Code | Title | Default | Evidence |\n|---|---|---|---|\n")
	for _, e := range diag.Catalog() {
		b.WriteString("| <a id=\"")
		b.WriteString(strings.ToLower(string(e.Code)))
		b.WriteString("\"></a>")
		b.WriteString(string(e.Code))
		b.WriteString(" | ")
		b.WriteString(markdownCell(e.Title))
		b.WriteString(" | ")
		b.WriteString(e.Severity.String())
		b.WriteString(" | ")
		b.WriteString(markdownCell(e.EvidenceSummary()))
		b.WriteString(" |\n")
	}
	return b.String()
}

// markdownCell escapes what would end a table cell or start emphasis.
func markdownCell(s string) string {
	return strings.NewReplacer("|", `\|`, "*", `\*`, "\n", " ").Replace(s)
}

// SpliceCodes returns readme with the text between CodesBegin and CodesEnd
// replaced by CodesTable.
func SpliceCodes(readme []byte) ([]byte, error) {
	begin := bytes.Index(readme, []byte(CodesBegin))
	end := bytes.Index(readme, []byte(CodesEnd))
	if begin < 0 || end < begin {
		return nil, errors.New("README has no " + CodesBegin + " … " + CodesEnd + " section")
	}
	var out bytes.Buffer
	out.Write(readme[:begin+len(CodesBegin)])
	out.WriteString("\n\n")
	out.WriteString(CodesTable())
	out.WriteString("\n")
	out.Write(readme[end:])
	return out.Bytes(), nil
}
