// Package wanttest compares diagnostics with the findings a fixture expects,
// written as comments on the offending lines in the way of
// golang.org/x/tools/go/analysis/analysistest:
//
//	responses:
//	  default:
//	    statusCode: "500"   # want APIGW400
//	    responseParameters:
//	      method.response.header.x-id: "'1'"   # want APIGW401 "does not declare" APIGW401
//
// A want comment lists the findings expected on its line, each a code,
// optionally preceded by a severity (info:APIGW430) and followed by a quoted
// regular expression that the message must match ("…" with Go's escapes, or
// `…`). A code written twice expects two findings. Every finding must be
// expected and every expectation met; each miss is reported with the file
// and line.
package wanttest

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/apigw/apigw/extensions/diag"
)

// Want is one expected finding.
type Want struct {
	// Line is the 1-based line the comment stands on.
	Line int
	// Severity is "error", "warning" or "info"; "" accepts any.
	Severity string
	// Code is the expected code.
	Code diag.Code
	// Message, when not nil, must match the finding's message.
	Message *regexp.Regexp

	index int // the order of the comment in the file
}

// String writes the expectation as it is written in a comment.
func (w Want) String() string {
	s := string(w.Code)
	if w.Severity != "" {
		s = w.Severity + ":" + s
	}
	if w.Message != nil {
		s += " " + strconv.Quote(w.Message.String())
	}
	return s
}

// wantComment finds a want comment: "#" at the start of a line or after a
// blank, then "want".
var wantComment = regexp.MustCompile(`(?:^|\s)#\s*want\s(.*)$`)

// codeToken is a code with an optional severity.
var codeToken = regexp.MustCompile(`^(?:(error|warning|info):)?(APIGW\d{3})$`)

// Parse reads the want comments of a fixture.
func Parse(data []byte) ([]Want, error) {
	var out []Want
	for i, line := range strings.Split(string(data), "\n") {
		m := wantComment.FindStringSubmatch(line)
		if m == nil {
			continue
		}
		ws, err := parseLine(i+1, m[1])
		if err != nil {
			return nil, fmt.Errorf("line %d: %v", i+1, err)
		}
		out = append(out, ws...)
	}
	return out, nil
}

// parseLine reads the text after "# want".
func parseLine(line int, s string) ([]Want, error) {
	var out []Want
	for s = strings.TrimSpace(s); s != ""; s = strings.TrimSpace(s) {
		if s[0] == '"' || s[0] == '`' {
			q, err := strconv.QuotedPrefix(s)
			if err != nil {
				return nil, fmt.Errorf("bad quoted message pattern in %s", s)
			}
			s = s[len(q):]
			text, _ := strconv.Unquote(q)
			if len(out) == 0 || out[len(out)-1].Message != nil {
				return nil, fmt.Errorf("message pattern %s follows no code", q)
			}
			re, err := regexp.Compile(text)
			if err != nil {
				return nil, fmt.Errorf("message pattern %s: %v", q, err)
			}
			out[len(out)-1].Message = re
			continue
		}
		tok, rest, _ := strings.Cut(s, " ")
		s = rest
		m := codeToken.FindStringSubmatch(tok)
		if m == nil {
			return nil, fmt.Errorf("%q is not a code (APIGW401, or warning:APIGW401)", tok)
		}
		out = append(out, Want{Line: line, Severity: m[1], Code: diag.Code(m[2])})
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("want lists no code")
	}
	return out, nil
}

// Compare matches diags, the findings about the fixture file (whose content
// is data), with its want comments and returns what does not match, one
// line each, in line order: an expectation no finding meets, or a finding
// nothing expects.
func Compare(file string, data []byte, diags []diag.Diagnostic) []string {
	wants, err := Parse(data)
	if err != nil {
		return []string{file + ": " + err.Error()}
	}
	// The most specific expectations take their findings first, so that a
	// plain code does not use up the finding a message pattern needs.
	for i := range wants {
		wants[i].index = i
	}
	slices.SortStableFunc(wants, func(a, b Want) int { return specificity(b) - specificity(a) })
	met := make([]bool, len(wants))
	type miss struct {
		line int
		text string
	}
	var misses []miss
	sorted := slices.Clone(diags)
	diag.Sort(sorted)
	for _, d := range sorted {
		where := file
		if d.File != "" && filepath.Clean(d.File) != filepath.Clean(file) {
			where = d.File // a finding about another file is never expected
		} else if i := slices.IndexFunc(wants, func(w Want) bool { return w.matches(d) && !met[w.index] }); i >= 0 {
			met[wants[i].index] = true
			continue
		}
		misses = append(misses, miss{d.Line, fmt.Sprintf("%s:%d:%d: unexpected finding: %s: %s [%s]", where, d.Line, d.Column, d.Severity, d.Message, d.Code)})
	}
	for _, w := range wants {
		if !met[w.index] {
			misses = append(misses, miss{w.Line, fmt.Sprintf("%s:%d: no finding for want %s", file, w.Line, w)})
		}
	}
	slices.SortStableFunc(misses, func(a, b miss) int { return a.line - b.line })
	out := make([]string, len(misses))
	for i, m := range misses {
		out[i] = m.text
	}
	return out
}

func specificity(w Want) int {
	n := 0
	if w.Message != nil {
		n += 2
	}
	if w.Severity != "" {
		n++
	}
	return n
}

// matches tells whether finding d meets w (its line is not compared with the file).
func (w Want) matches(d diag.Diagnostic) bool {
	return d.Line == w.Line && d.Code == w.Code &&
		(w.Severity == "" || w.Severity == d.Severity.String()) &&
		(w.Message == nil || w.Message.MatchString(d.Message))
}

// Check reads the fixture file and fails t for each difference between
// diags, the findings about it, and its want comments. A fixture without
// any want comment must give no finding.
func Check(t testing.TB, file string, diags []diag.Diagnostic) {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range Compare(file, data, diags) {
		t.Error(p)
	}
}
