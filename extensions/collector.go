package extensions

import (
	"fmt"

	"github.com/apigw/apigw/extensions/diag"
	"go.yaml.in/yaml/v4"
)

// Collector gathers diagnostics positioned at source-tree nodes. Every
// layer that reports on a source tree records through one.
type Collector struct {
	// File, when set, is written into each diagnostic added.
	File string
	// Base is put in front of each pointer added: the location of an
	// embedded definition in its template, so that callers pass pointers
	// relative to the definition.
	Base string
	// Once drops a diagnostic whose code, pointer and message equal one
	// already added (a schema reached from several operations is reported once).
	Once bool
	// Diags are the diagnostics added so far, in order.
	Diags []diag.Diagnostic

	seen map[string]bool
}

// Add records a diagnostic with code's default severity at node n (its
// line and column; none when n is nil).
func (c *Collector) Add(code diag.Code, n *yaml.Node, ptr, format string, args ...any) {
	c.AddAs(code.Severity(), code, n, ptr, format, args...)
}

// AddAs records a diagnostic with severity sev, for a case whose severity
// differs from the code's default; the caller says why.
func (c *Collector) AddAs(sev diag.Severity, code diag.Code, n *yaml.Node, ptr, format string, args ...any) {
	d := diag.Diagnostic{Severity: sev, Code: code, Pointer: c.Base + ptr, File: c.File, Message: fmt.Sprintf(format, args...)}
	if n != nil {
		d.Line, d.Column = n.Line, n.Column
	}
	c.Append(d)
}

// Append records diagnostics made elsewhere, filling in File when they have none.
func (c *Collector) Append(ds ...diag.Diagnostic) {
	for _, d := range ds {
		if d.File == "" {
			d.File = c.File
		}
		if c.Once {
			key := string(d.Code) + "\x00" + d.Pointer + "\x00" + d.Message
			if c.seen[key] {
				continue
			}
			if c.seen == nil {
				c.seen = map[string]bool{}
			}
			c.seen[key] = true
		}
		c.Diags = append(c.Diags, d)
	}
}
