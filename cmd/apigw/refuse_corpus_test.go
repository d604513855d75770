package main

import (
	"bytes"
	"fmt"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/apigw/apigw/extensions/diag"
	"github.com/apigw/apigw/internal/golden"
	"github.com/apigw/apigw/internal/shared"
	"github.com/apigw/apigw/openapi"
	"github.com/spf13/cobra"
)

// TestCorpusRefusals runs every corpus document that check finds errors in
// through each command that reads documents, and records in
// golden/refuse/corpus.txt which ones proceed and which refuse, and why.
// It fails when a command refuses over an error in a part it does not read,
// or prints an error and still succeeds.
func TestCorpusRefusals(t *testing.T) {
	if testing.Short() {
		t.Skip("runs every command on the corpus")
	}
	root := filepath.Join(shared.Dir(t), "corpus")
	var report strings.Builder
	for _, file := range shared.CorpusFiles(t, "specs", "bad") {
		checked, err := openapi.CheckFile(file, openapi.LoadOptions{})
		if err != nil || !slices.ContainsFunc(checked, isError) || notAPIDefinition(checked) {
			continue // check skips what is not an API definition, as it does in a folder
		}
		rel, _ := filepath.Rel(root, file)
		docs, loaded, err := openapi.LoadFile(file, openapi.LoadOptions{})
		if err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(&report, "%s\n  check: %s; loading: %s\n", filepath.ToSlash(rel), countCodes(checked), countCodes(loaded))
		if !slices.ContainsFunc(loaded, isError) {
			report.WriteString("  (the errors are document checks or OpenAPI validation, which only check runs)\n")
		}
		c := corpusRun{t: t, file: file, docs: docs, loaded: loaded}
		resources := []string{""}
		if len(docs) > 1 {
			resources = nil
			for _, d := range docs {
				resources = append(resources, d.Resource)
			}
		}
		for i, res := range resources {
			c.doc = nil
			if len(docs) > 0 {
				c.doc = docs[i]
			}
			var flag []string
			if res != "" {
				flag = []string{"--resource", res}
				fmt.Fprintf(&report, "  --resource %s\n", res)
			}
			for _, cmd := range []struct {
				name  string
				reads openapi.Usage
				args  []string
			}{
				{"gen client", clientReads, []string{"gen", "client", "-package", "x"}},
				{"gen schema", schemaReads, []string{"gen", "schema", "-o", t.TempDir()}},
				{"convert", convertReads, []string{"convert", "--to", "oas31"}},
				{"import", importReads, []string{"import"}},
				{"config", configReads, []string{"config", "--target", "cloudformation"}},
			} {
				line := c.command(cmd.reads, slices.Concat(cmd.args, flag, []string{file}))
				fmt.Fprintf(&report, "    %-10s  %s\n", cmd.name, line)
			}
			fmt.Fprintf(&report, "    %-10s  %s\n", "simulate", c.simulate())
			if i == 0 {
				fmt.Fprintf(&report, "    %-10s  %s\n", "serve", c.serve())
			} else {
				fmt.Fprintf(&report, "    %-10s  serves the template's first API only\n", "serve")
			}
		}
	}
	golden.Assert(t, "refuse/corpus.txt", []byte(report.String()))
}

func isError(d diag.Diagnostic) bool { return d.Severity == diag.Error }

// countCodes summarises the errors of ds: "APIGW304×6, APIGW401×2", or "no errors".
func countCodes(ds []diag.Diagnostic) string {
	var codes []string
	n := map[string]int{}
	for _, d := range ds {
		if d.Severity == diag.Error {
			if n[string(d.Code)] == 0 {
				codes = append(codes, string(d.Code))
			}
			n[string(d.Code)]++
		}
	}
	if len(codes) == 0 {
		return "no errors"
	}
	slices.Sort(codes)
	for i, c := range codes {
		codes[i] = c + "×" + strconv.Itoa(n[c])
	}
	return strings.Join(codes, ", ")
}

// corpusRun runs the commands on one corpus file.
type corpusRun struct {
	t      *testing.T
	file   string
	docs   []*openapi.Document
	doc    *openapi.Document // the API the commands read (nil when there is none)
	loaded []diag.Diagnostic
}

// textLine matches a diagnostic as the commands print it.
var textLine = regexp.MustCompile(`^(.+?):(\d+):(\d+): (error|warning|info): (.*) \[(APIGW\d{3})\]$`)

// quoted is the error a warning of a verdict quotes, at the end of its message.
var quoted = regexp.MustCompile(`\(error (APIGW\d{3})\)$`)

// leftOutOps are the operations an APIGW061 warning names.
var leftOutOps = regexp.MustCompile(`: left out operations? (.*?): `)

// command runs one command and describes its outcome; reads is what the
// command declares it reads.
func (c *corpusRun) command(reads openapi.Usage, args []string) string {
	var out, errb bytes.Buffer
	code := run(args, nil, &out, &errb)
	return c.describe(reads, code, errb.String())
}

// describe reads what a command printed: the errors that refused the
// document, the errors it ignored and the operations it left out.
func (c *corpusRun) describe(reads openapi.Usage, code int, stderr string) string {
	c.t.Helper()
	var refusing, own []string
	ignored := map[string]int{}
	var ignoredKeys, leftOut []string
	for _, line := range strings.Split(stderr, "\n") {
		m := textLine.FindStringSubmatch(line)
		if m == nil {
			continue
		}
		ln, _ := strconv.Atoi(m[2])
		col, _ := strconv.Atoi(m[3])
		switch {
		case m[4] == "error":
			d, loc, ok := c.find(ln, col, m[6])
			if !ok {
				own = append(own, m[6])
				continue
			}
			if loc.Part&reads.Parts == 0 {
				c.t.Errorf("%s %s refuses over %s in %s, which it does not read", filepath.Base(c.file), reads.Command, d.Code, loc.Part)
			}
			if reads.Only != nil && len(loc.Operations) > 0 && !slices.ContainsFunc(loc.Operations, reads.Only) {
				c.t.Errorf("%s %s refuses over %s in%s, which it does not read", filepath.Base(c.file), reads.Command, d.Code, opList(loc.Operations))
			}
			refusing = append(refusing, fmt.Sprintf("%s in %s%s", d.Code, loc.Part, opList(loc.Operations)))
		case m[6] == string(diag.ErrorIgnored):
			q := quoted.FindStringSubmatch(m[5])
			_, loc, _ := c.find(ln, col, q[1])
			key := q[1] + " (" + loc.Part.String() + ")"
			if ignored[key] == 0 {
				ignoredKeys = append(ignoredKeys, key)
			}
			ignored[key]++
		case m[6] == string(diag.OperationLeftOut):
			q := quoted.FindStringSubmatch(m[5])
			key := leftOutOps.FindStringSubmatch(m[5])[1] + " (" + q[1] + ")"
			if !slices.Contains(leftOut, key) {
				leftOut = append(leftOut, key)
			}
		}
	}
	var b strings.Builder
	switch {
	case code == exitOK && (len(refusing) > 0 || len(own) > 0):
		c.t.Errorf("%s %s printed errors and succeeded", filepath.Base(c.file), reads.Command)
	case code == exitOK:
		b.WriteString("proceeds")
	case len(refusing)+len(own) > 0:
		b.WriteString("refuses: " + strings.Join(dedupe(slices.Concat(refusing, ownFindings(own))), "; "))
		if strings.Contains(stderr, "every ") {
			b.WriteString(" (every operation it reads would be left out)")
		}
	default:
		last := strings.TrimSpace(stderr)
		last = last[strings.LastIndex(last, "\n")+1:]
		last = strings.ReplaceAll(last, c.file, filepath.Base(c.file))
		b.WriteString(fmt.Sprintf("stops (exit %d): %s", code, last))
	}
	if len(ignoredKeys) > 0 {
		for i, k := range ignoredKeys {
			ignoredKeys[i] = fmt.Sprintf("%s×%d", k, ignored[k])
		}
		b.WriteString("; ignores " + strings.Join(ignoredKeys, ", "))
	}
	if len(leftOut) > 0 {
		b.WriteString("; leaves out " + strings.Join(leftOut, ", "))
	}
	return b.String()
}

// find returns the loaded diagnostic printed at line and column with code,
// and where it belongs in the API the command read.
func (c *corpusRun) find(line, col int, code string) (diag.Diagnostic, openapi.Location, bool) {
	for _, d := range c.loaded {
		if d.Line == line && d.Column == col && string(d.Code) == code {
			if c.doc == nil {
				return d, openapi.Location{Part: openapi.PartDocument}, true
			}
			return d, c.doc.Locate([]diag.Diagnostic{d})[0], true
		}
	}
	return diag.Diagnostic{}, openapi.Location{}, false
}

// simulate simulates each operation of the API and sums up.
func (c *corpusRun) simulate() string {
	src, err := loadSimSource(&cobra.Command{}, c.file, &apiFlag{})
	if err != nil {
		return "stops: " + strings.ReplaceAll(strings.SplitN(err.Error(), "\n", 2)[0], c.file, filepath.Base(c.file))
	}
	names := map[string]int{}
	for _, o := range src.operations {
		names[o.name]++
	}
	proceed, ambiguous := 0, 0
	var refused []string
	for _, o := range src.operations {
		if c.doc == nil || o.doc.Resource != c.doc.Resource {
			continue
		}
		if names[o.name] > 1 {
			ambiguous++ // another API of the template has a route of that name
			continue
		}
		var out, errb bytes.Buffer
		code := run([]string{"simulate", c.file, "--operation", o.name}, nil, &out, &errb)
		// The operation as the command found it, in the document it loaded.
		sub := *c
		sub.doc = o.doc
		if d := sub.describe(simulateReads(o.docOperation()), code, errb.String()); strings.HasPrefix(d, "proceeds") {
			proceed++
		} else {
			refused = append(refused, o.name+": "+strings.TrimPrefix(d, "refuses: "))
		}
	}
	s := operations(proceed) + " proceed"
	if len(refused) > 0 {
		s += fmt.Sprintf(", %s refuse: %s", operations(len(refused)), strings.Join(refused, " | "))
	}
	if ambiguous > 0 {
		s += ", " + operations(ambiguous) + " share their names with another API's"
	}
	return s
}

// operations counts operations: "1 operation", "2 operations".
func operations(n int) string {
	if n == 1 {
		return "1 operation"
	}
	return fmt.Sprintf("%d operations", n)
}

// serve builds serve's handler for the file.
func (c *corpusRun) serve() string {
	src, err := loadSimSource(&cobra.Command{}, c.file, &apiFlag{})
	if err != nil {
		return "stops: " + strings.ReplaceAll(strings.SplitN(err.Error(), "\n", 2)[0], c.file, filepath.Base(c.file))
	}
	var errb bytes.Buffer
	code := exitOK
	if _, err := serveHandler(&errb, src, nil, false); err != nil {
		code = exitFindings
		errb.WriteString("apigw: " + err.Error() + "\n")
	}
	sub := *c
	sub.doc = src.doc
	return sub.describe(serveReads, code, errb.String())
}

// opList names operations after a part: " (OPTIONS /add, POST /add)".
func opList(ops []*openapi.Operation) string {
	if len(ops) == 0 {
		return ""
	}
	s := make([]string, len(ops))
	for i, o := range ops {
		s[i] = o.Method + " " + o.Path
	}
	return " (" + strings.Join(s, ", ") + ")"
}

// ownFindings names the errors a command found itself (not loading).
func ownFindings(codes []string) []string {
	out := make([]string, len(codes))
	for i, c := range codes {
		out[i] = c + " (the command's own finding)"
	}
	return out
}

// dedupe counts repeated reasons: "APIGW304 in …×3".
func dedupe(reasons []string) []string {
	var out []string
	n := map[string]int{}
	for _, r := range reasons {
		if n[r] == 0 {
			out = append(out, r)
		}
		n[r]++
	}
	for i, r := range out {
		if n[r] > 1 {
			out[i] = fmt.Sprintf("%s×%d", r, n[r])
		}
	}
	return out
}
