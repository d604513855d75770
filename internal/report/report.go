// Package report renders diagnostics for the command line: text for people,
// JSON for scripts, and SARIF 2.1.0 for code-scanning tools such as GitHub's.
// It also turns diagnostics into the exit code.
package report

import (
	"fmt"
	"slices"
	"strings"

	"github.com/apigw/apigw/extensions/diag"
)

// Format names an output format.
type Format string

// Output formats, as written on the command line (--format).
const (
	FormatText  Format = "text"
	FormatJSON  Format = "json"
	FormatSARIF Format = "sarif"
)

// ParseFormat reads a format name as given to --format.
func ParseFormat(s string) (Format, error) {
	switch f := Format(s); f {
	case FormatText, FormatJSON, FormatSARIF:
		return f, nil
	}
	return "", fmt.Errorf("unknown format %q: write text, json or sarif", s)
}

// Options carry what the SARIF form says about the tool and its rules.
type Options struct {
	// ToolVersion is the apigw version, written as tool.driver.version.
	ToolVersion string
	// InformationURI is the tool's home page; empty means DefaultInformationURI.
	InformationURI string
	// BaseDir is the repository root: SARIF locations of files below it are
	// URIs relative to it, as GitHub code scanning wants them; other files
	// get absolute file: URIs. Empty keeps relative paths as given.
	BaseDir string
	// Files is how many files were read; when set, the text summary says so
	// ("checked 3 files: …"), so a clean run still shows what it covered.
	Files int
	// Refused is how many files a safety limit refused; the summary says so.
	Refused int
	// Skipped is how many files of checked folders were passed over because
	// they are not API definitions or templates; the summary says so.
	Skipped int
	// Checked makes the text summary say how many files were checked even
	// when none were ("checked 0 files").
	Checked bool
}

// DefaultInformationURI is the tool's home page in SARIF output.
const DefaultInformationURI = "https://github.com/apigw/apigw"

// Render writes diags in the given format. Diagnostics are sorted (see
// extensions.SortDiagnostics); the slice passed in is not reordered.
func Render(f Format, diags []diag.Diagnostic, o Options) ([]byte, error) {
	switch f {
	case FormatText:
		if o.Checked || o.Files > 0 || o.Refused > 0 {
			return textChecked(diags, o), nil
		}
		return Text(diags), nil
	case FormatJSON:
		return JSON(diags)
	case FormatSARIF:
		return SARIF(diags, o)
	}
	return nil, fmt.Errorf("unknown format %q: write text, json or sarif", f)
}

// ExitCode returns 1 when any diagnostic that is not suppressed is at least
// as severe as failOn, and 0 otherwise.
func ExitCode(diags []diag.Diagnostic, failOn diag.Severity) int {
	for _, d := range diags {
		if d.Suppressed == nil && d.Severity >= failOn {
			return 1
		}
	}
	return 0
}

// sorted returns a sorted copy of diags.
func sorted(diags []diag.Diagnostic) []diag.Diagnostic {
	c := slices.Clone(diags)
	diag.Sort(c)
	return c
}

// active returns the diagnostics that are not suppressed, sorted, and how
// many are.
func active(diags []diag.Diagnostic) ([]diag.Diagnostic, int) {
	out := make([]diag.Diagnostic, 0, len(diags))
	for _, d := range sorted(diags) {
		if d.Suppressed == nil {
			out = append(out, d)
		}
	}
	return out, len(diags) - len(out)
}

// Text renders one line per diagnostic, "file:line:col: severity: message
// [CODE]", sorted, then a summary line such as
// "3 errors, 1 warning, 0 infos in 2 files", or "no problems" when there are
// none.
func Text(diags []diag.Diagnostic) []byte {
	return textWith(diags, Summary(diags))
}

// textChecked is Text with the number of files read, refused and skipped
// in the summary.
func textChecked(diags []diag.Diagnostic, o Options) []byte {
	head := "checked " + plural(o.Files, "file", "files")
	var notes []string
	if o.Refused > 0 {
		notes = append(notes, plural(o.Refused, "file", "files")+" refused by a safety limit")
	}
	if o.Skipped > 0 {
		notes = append(notes, "skipped "+plural(o.Skipped, "file", "files")+" that are not API definitions")
	}
	if len(notes) > 0 {
		head += " (" + strings.Join(notes, "; ") + ")"
	}
	if len(diags) == 0 && (o.Refused > 0 || o.Files == 0) {
		return textWith(diags, head)
	}
	return textWith(diags, head+": "+Summary(diags))
}

// textWith writes one line per diagnostic, sorted, then the summary line.
func textWith(diags []diag.Diagnostic, summary string) []byte {
	var b strings.Builder
	shown, _ := active(diags)
	for _, d := range shown {
		b.WriteString(d.String())
		b.WriteByte('\n')
	}
	b.WriteString(summary)
	b.WriteByte('\n')
	return []byte(b.String())
}

// Summary counts diagnostics by severity and the files they are in:
// "3 errors, 1 warning, 0 infos in 2 files", or "no problems".
func Summary(diags []diag.Diagnostic) string {
	shown, suppressed := active(diags)
	if len(shown) == 0 {
		if suppressed > 0 {
			return "no problems, " + plural(suppressed, "suppressed", "suppressed")
		}
		return "no problems"
	}
	var counts [3]int
	var files []string
	for _, d := range shown {
		counts[min(max(int(d.Severity), 0), 2)]++
		if !slices.Contains(files, d.File) {
			files = append(files, d.File)
		}
	}
	s := fmt.Sprintf("%s, %s, %s in %s",
		plural(counts[diag.Error], "error", "errors"),
		plural(counts[diag.Warning], "warning", "warnings"),
		plural(counts[diag.Info], "info", "infos"),
		plural(len(files), "file", "files"))
	if suppressed > 0 {
		s += ", " + plural(suppressed, "suppressed", "suppressed")
	}
	return s
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}
