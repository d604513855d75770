package main

import (
	"cmp"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/apigw/apigw/extensions/diag"
	"github.com/spf13/cobra"
)

func init() { subcommands = append(subcommands, newExplainCmd) }

func newExplainCmd() *cobra.Command {
	// The help shows real codes, written through their constants.
	id, num := string(diag.OutOfRange), strings.TrimPrefix(string(diag.OutOfRange), "APIGW")
	ex, exNum := string(diag.UndeclaredRequestParameter), strings.TrimPrefix(string(diag.UndeclaredRequestParameter), "APIGW")
	return &cobra.Command{
		Use:   "explain [CODE]",
		Short: "Explain a diagnostic code: what API Gateway does, what to write, and the evidence",
		Long: `explain prints a diagnostic code's id, title and default severity, what API
Gateway does with the problem and what to write instead, and the evidence the
severity rests on (a response recorded against AWS, an AWS documentation page,
a public issue thread, or a judgement where there is none).

CODE is written ` + id + `, ` + strings.ToLower(id) + ` or ` + num + `. Without CODE, explain lists every
code with its default severity and title.

Exit codes:
  0  done
  2  usage: more than one CODE, or a code the catalog does not hold (the
     message names the nearest codes)`,
		Example: `  # Why is an undeclared method.request source an error?
  apigw explain ` + ex + `

  # The same, shorter
  apigw explain ` + exNum + `

  # Every code with its default severity and title
  apigw explain`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			var err error
			if len(args) == 0 {
				err = listCodes(cmd.OutOrStdout())
			} else {
				e, ok := diag.Lookup(normalizeCode(args[0]))
				if !ok {
					return withCode(exitUsage, fmt.Errorf("%s is not a diagnostic code: %s", strconv.Quote(args[0]), nearestCodes(args[0])))
				}
				err = explainCode(cmd.OutOrStdout(), e)
			}
			if err != nil {
				return withCode(exitWrite, err)
			}
			return nil
		},
	}
}

// normalizeCode reads APIGW104, apigw104 or 104 as the code APIGW104.
func normalizeCode(s string) diag.Code {
	s = strings.ToUpper(strings.TrimSpace(s))
	if n, err := strconv.Atoi(s); err == nil && n >= 0 && n < 1000 && !strings.HasPrefix(s, "+") {
		return diag.Code(fmt.Sprintf("APIGW%03d", n))
	}
	return diag.Code(s)
}

// nearestCodes says which codes come closest to s by number, or how codes
// are written when s has none.
func nearestCodes(s string) string {
	digits := strings.TrimPrefix(string(normalizeCode(s)), "APIGW")
	n, err := strconv.Atoi(digits)
	if err != nil || len(digits) != 3 {
		return "codes are written APIGW followed by three digits, such as " + string(diag.OutOfRange) + "; run apigw explain for the list"
	}
	all := diag.Catalog()
	number := func(e diag.Entry) int { m, _ := strconv.Atoi(strings.TrimPrefix(string(e.Code), "APIGW")); return m }
	slices.SortStableFunc(all, func(a, b diag.Entry) int {
		return cmp.Or(cmp.Compare(abs(number(a)-n), abs(number(b)-n)), cmp.Compare(number(a), number(b)))
	})
	var near []string
	for _, e := range all[:min(3, len(all))] {
		near = append(near, fmt.Sprintf("%s (%s)", e.Code, e.Title))
	}
	return "the nearest are " + strings.Join(near, ", ") + "; run apigw explain for the list"
}

func abs(i int) int { return max(i, -i) }

// listCodes writes one line per code: id, default severity, title.
func listCodes(w io.Writer) error {
	var b strings.Builder
	for _, e := range diag.Catalog() {
		fmt.Fprintf(&b, "%s  %-7s  %s\n", e.Code, e.Severity, e.Title)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// explainCode writes a code's entry, its paragraphs wrapped for a terminal.
func explainCode(w io.Writer, e diag.Entry) error {
	var b strings.Builder
	fmt.Fprintf(&b, "%s: %s\n\nDefault severity: %s\nHelp: %s\n\n", e.Code, e.Title, e.Severity, e.HelpURI())
	b.WriteString(wrapText(e.Doc, 78))
	b.WriteString("\n\n")
	b.WriteString(wrapText("Evidence: "+e.Evidence, 78))
	b.WriteString("\n")
	_, err := io.WriteString(w, b.String())
	return err
}

// wrapText breaks text into lines of at most width columns at spaces; a word
// longer than width (a URL) stands on a line of its own.
func wrapText(text string, width int) string {
	var b strings.Builder
	col := 0
	for _, word := range strings.Fields(text) {
		n := len([]rune(word))
		switch {
		case col == 0:
		case col+1+n > width:
			b.WriteByte('\n')
			col = 0
		default:
			b.WriteByte(' ')
			col++
		}
		b.WriteString(word)
		col += n
	}
	return b.String()
}
