package lint

import (
	"bytes"
	"fmt"
	"slices"
	"strings"

	"github.com/apigw/apigw/extensions/diag"
	"github.com/apigw/apigw/extensions/source"
	"go.yaml.in/yaml/v4"
)

// IgnoreKey is the key that suppresses findings inside the object that
// holds it, for JSON documents, which have no comments: "x-apigw-ignore":
// ["APIGW401"].
const IgnoreKey = "x-apigw-ignore"

// Options say what Apply uses besides the documents' own suppressions.
type Options struct {
	// Config, when set, applies to every file (--config); otherwise each
	// file's configuration is found with Find.
	Config *Config
	// Disable lists the codes --disable turns off.
	Disable []diag.Code
	// Inline holds each file's inline suppressions, found by
	// ReadSuppressions in the text the check read, by the name its
	// findings carry. A file without an entry is read again, within the
	// default limits.
	Inline map[string]Suppressions
}

// Suppressions are the inline suppressions in one file's text.
type Suppressions struct{ list []suppression }

// ReadSuppressions finds the inline suppressions in data, the text of
// file: # apigw:ignore comments, and x-apigw-ignore keys, read from tree
// when it is data's source tree, otherwise from data parsed within lim,
// the limits the file was read with.
func ReadSuppressions(file string, data []byte, tree *yaml.Node, lim source.Limits) Suppressions {
	var out []suppression
	if bytes.Contains(data, []byte(commentMarker)) {
		out = commentSuppressions(string(data))
	}
	if !bytes.Contains(data, []byte(IgnoreKey)) {
		return Suppressions{out}
	}
	if tree == nil {
		var err error
		if tree, _, err = source.Parse(file, data, lim); err != nil {
			return Suppressions{out} // the check reports why the file cannot be parsed
		}
	}
	return Suppressions{append(out, ignoreKeys(tree)...)}
}

// Apply applies the suppressions to the findings of files: inline ones
// first (# apigw:ignore on the offending line or the line above, and
// x-apigw-ignore keys), then the configuration's ignores and severities,
// then --disable. A suppressed finding is kept with Suppressed set; an inline
// suppression that matches nothing adds an info. It returns an error for a
// configuration file that cannot be used.
func Apply(diags []diag.Diagnostic, files []string, opts Options) ([]diag.Diagnostic, error) {
	out := slices.Clone(diags)
	configs := map[string]*Config{}
	for _, f := range files {
		sups, ok := opts.Inline[f]
		if !ok {
			data, err := source.ReadFile(f, source.Limits{})
			if err != nil {
				continue // the file's own findings already say why it cannot be read
			}
			sups = ReadSuppressions(f, data, nil, source.Limits{})
		}
		for _, s := range sups.list {
			used := false
			for i := range out {
				if out[i].File == f && out[i].Suppressed == nil && s.covers(out[i]) {
					out[i].Suppressed = &diag.Suppression{Kind: "inSource", Justification: s.reason}
					used = true
				}
			}
			if !used {
				out = append(out, diag.New(diag.UnusedSuppression, s.line, s.column, s.pointer,
					"%s %s matches no finding %s; remove it", s.form, codeList(s.codes), s.where()))
				out[len(out)-1].File = f
			}
		}
	}
	found := map[string]string{} // Find's answer, by file: many findings share a file
	for i := range out {
		d := &out[i]
		c := opts.Config
		if c == nil {
			path, ok := found[d.File]
			if !ok {
				path = Find(d.File)
				found[d.File] = path
			}
			if path == "" {
				continue
			}
			if c = configs[path]; c == nil {
				var err error
				if c, err = Load(path); err != nil {
					return nil, err
				}
				configs[path] = c
			}
		}
		c.apply(d)
	}
	for i := range out {
		if out[i].Suppressed == nil && slices.Contains(opts.Disable, out[i].Code) {
			out[i].Suppressed = &diag.Suppression{Kind: "external", Justification: "--disable " + string(out[i].Code)}
		}
	}
	diag.Sort(out)
	return out, nil
}

// apply applies the configuration to one finding.
func (c *Config) apply(d *diag.Diagnostic) {
	if d.Suppressed != nil {
		return
	}
	for _, ig := range c.Ignore {
		if ig.matches(c.Dir, d.File, d.Code) {
			why := "ignored by " + c.File
			if ig.Reason != "" {
				why += ": " + ig.Reason
			}
			d.Suppressed = &diag.Suppression{Kind: "external", Justification: why}
			return
		}
	}
	if l, ok := c.Severity[d.Code]; ok {
		if l.Off {
			d.Suppressed = &diag.Suppression{Kind: "external", Justification: string(d.Code) + " is off in " + c.File}
			return
		}
		d.Severity = l.Severity
	}
}

// suppression is one inline suppression.
type suppression struct {
	codes        []diag.Code
	reason       string
	form         string // "# apigw:ignore" or "x-apigw-ignore"
	line, column int    // where it is written
	target       int    // the line it covers (comments)
	pointer      string // the object it covers (keys)
}

// covers reports whether the suppression applies to d.
func (s suppression) covers(d diag.Diagnostic) bool {
	if !slices.Contains(s.codes, d.Code) {
		return false
	}
	if s.form == IgnoreKey {
		return d.Pointer == s.pointer || strings.HasPrefix(d.Pointer, s.pointer+"/")
	}
	return d.Line == s.target
}

// where says what the suppression covers, for messages.
func (s suppression) where() string {
	if s.form == IgnoreKey {
		if s.pointer == "" {
			return "in the document"
		}
		return "in " + s.pointer
	}
	return fmt.Sprintf("on line %d", s.target)
}

func codeList(cs []diag.Code) string {
	s := make([]string, len(cs))
	for i, c := range cs {
		s[i] = string(c)
	}
	return strings.Join(s, ", ")
}

// ignoreKeys finds the x-apigw-ignore keys of a source tree.
func ignoreKeys(tree *yaml.Node) []suppression {
	var out []suppression
	var walk func(n *yaml.Node, ptr string)
	walk = func(n *yaml.Node, ptr string) {
		switch n.Kind {
		case yaml.MappingNode:
			for i := 0; i+1 < len(n.Content); i += 2 {
				k, v := n.Content[i], n.Content[i+1]
				if k.Value == IgnoreKey {
					var codes []diag.Code
					for _, s := range stringList(v) {
						if c, err := ParseCode(s); err == nil {
							codes = append(codes, c)
						}
					}
					out = append(out, suppression{codes: codes, form: IgnoreKey, line: k.Line, column: k.Column, pointer: ptr, reason: "x-apigw-ignore at " + ptrOrRoot(ptr)})
					continue
				}
				walk(v, source.Pointer(ptr, k.Value))
			}
		case yaml.SequenceNode:
			for i, c := range n.Content {
				walk(c, source.PointerIndex(ptr, i))
			}
		case yaml.DocumentNode:
			for _, c := range n.Content {
				walk(c, ptr)
			}
		}
	}
	walk(tree, "")
	return out
}

func ptrOrRoot(p string) string {
	if p == "" {
		return "the document root"
	}
	return p
}

// commentMarker starts an inline suppression comment.
const commentMarker = "apigw:ignore"

// commentSuppressions finds "# apigw:ignore CODE[,CODE] reason" comments: a
// comment after content covers its own line, a comment alone on its line
// covers the next line.
func commentSuppressions(text string) []suppression {
	var out []suppression
	lines := strings.Split(text, "\n")
	for i, line := range lines {
		at := commentStart(line)
		if at < 0 {
			continue
		}
		body := strings.TrimSpace(line[at+1:])
		rest, ok := strings.CutPrefix(body, commentMarker)
		if !ok {
			continue
		}
		s := suppression{form: "# " + commentMarker, line: i + 1, column: at + 1, target: i + 1}
		if strings.TrimSpace(line[:at]) == "" {
			s.target = i + 2
		}
		fields := strings.Fields(strings.ReplaceAll(rest, ",", " "))
		n := 0
		for _, f := range fields {
			c, err := ParseCode(f)
			if err != nil || !strings.HasPrefix(strings.ToUpper(f), "APIGW") {
				break
			}
			s.codes = append(s.codes, c)
			n++
		}
		s.reason = strings.Join(fields[n:], " ")
		if len(s.codes) > 0 {
			out = append(out, s)
		}
	}
	return out
}

// commentStart returns the index of the "#" that starts a YAML comment on
// line, or -1: at the start or after white space, outside quotes.
func commentStart(line string) int {
	var quote byte
	for i := 0; i < len(line); i++ {
		c := line[i]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			if i == 0 || strings.ContainsRune(" \t:[{,-", rune(line[i-1])) {
				quote = c
			}
		case c == '#' && (i == 0 || line[i-1] == ' ' || line[i-1] == '\t'):
			return i
		}
	}
	return -1
}
