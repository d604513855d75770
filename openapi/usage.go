package openapi

import (
	"fmt"
	"strings"

	"github.com/apigw/apigw/extensions"
	"github.com/apigw/apigw/extensions/diag"
)

// Usage declares what a command reads of a document, so that an error in
// a part it does not read does not stop it: see Judge.
type Usage struct {
	// Command names the command in messages ("gen client").
	Command string
	// Parts are the parts it reads.
	Parts Part
	// Unread says why an error in another part does not matter; %s stands
	// for the part: "a client does not read %s".
	Unread string
	// Only, when set, picks the operations whose parts it reads; an error
	// confined to other operations does not matter.
	Only func(*Operation) bool
	// NotOnly says why an error confined to operations Only does not pick
	// does not matter; %s stands for the operations: "the error is in %s,
	// not in the operation simulated".
	NotOnly string
	// LeaveOut tells that the command can leave an operation out: an error
	// confined to some operations then leaves them out instead of refusing
	// the document (unless every operation it reads would be left out).
	LeaveOut bool
}

// Verdict is what a command does with a document's diagnostics.
type Verdict struct {
	// Diagnostics are the diagnostics given to Judge, in the same order,
	// with each error that does not stop the command replaced by a warning
	// at the same place that names the command and the reason and quotes
	// the error: diag.ErrorIgnored for a part it does not read,
	// diag.OperationLeftOut for an operation it leaves out. The errors
	// that remain refuse the document.
	Diagnostics []diag.Diagnostic
	// LeftOut are the operations to leave out, in document order.
	LeftOut []*Operation
	// NothingLeft tells that the errors confined to operations would have
	// left out every operation the command reads, so they refuse the
	// document instead.
	NothingLeft bool
}

// Refused tells whether errors remain, so that the command must refuse
// the document.
func (v Verdict) Refused() bool {
	for _, d := range v.Diagnostics {
		if d.Severity == diag.Error {
			return true
		}
	}
	return false
}

// Judge decides, for each error of ds (diagnostics about d, such as Load
// returned them), whether it stops the command u describes: an error in a
// part u does not read, or confined to operations u does not read, is
// ignored; an error confined to operations u can leave out leaves them
// out; any other error refuses the document. Warnings and infos pass
// through unchanged. Where each error belongs is Locate's answer.
func (u Usage) Judge(d *Document, ds []diag.Diagnostic) Verdict {
	var errs []int
	var errDiags []diag.Diagnostic
	for i, dg := range ds {
		if dg.Severity == diag.Error {
			errs = append(errs, i)
			errDiags = append(errDiags, dg)
		}
	}
	v := Verdict{Diagnostics: append([]diag.Diagnostic(nil), ds...)}
	if len(errs) == 0 {
		return v
	}
	locs := d.Locate(errDiags)
	c := &extensions.Collector{}
	note := func(i int, code diag.Code, format string, args ...any) {
		dg := ds[i]
		n := diag.New(code, dg.Line, dg.Column, dg.Pointer, format, args...)
		n.File, n.Suppressed = dg.File, dg.Suppressed
		c.Append(n)
		v.Diagnostics[i] = c.Diags[len(c.Diags)-1]
	}
	quote := func(dg diag.Diagnostic) string { return fmt.Sprintf("%s (%s %s)", dg.Message, dg.Severity, dg.Code) }
	leave := map[*Operation]bool{}
	var leaving []int // the errors that leave operations out
	for j, i := range errs {
		loc, dg := locs[j], ds[i]
		ops := loc.Operations
		if u.Only != nil {
			ops = nil
			for _, o := range loc.Operations {
				if u.Only(o) {
					ops = append(ops, o)
				}
			}
		}
		switch {
		case loc.Part&u.Parts == 0 && loc.Part == PartOtherResources:
			note(i, diag.ErrorIgnored, "%s: ignored, the error is in another resource of the template: %s", u.Command, quote(dg))
		case loc.Part&u.Parts == 0:
			note(i, diag.ErrorIgnored, "%s: ignored, %s: %s", u.Command, fmt.Sprintf(u.Unread, loc.Part), quote(dg))
		case len(loc.Operations) > 0 && len(ops) == 0:
			note(i, diag.ErrorIgnored, "%s: ignored, %s: %s", u.Command, fmt.Sprintf(u.NotOnly, names(loc.Operations)), quote(dg))
		case len(ops) > 0 && u.LeaveOut:
			for _, o := range ops {
				leave[o] = true
			}
			leaving = append(leaving, i)
			note(i, diag.OperationLeftOut, "%s: left out %s: %s", u.Command, names(ops), quote(dg))
		}
	}
	if len(leave) == 0 {
		return v
	}
	read := 0
	for _, o := range d.ops {
		if u.Only == nil || u.Only(o) {
			read++
		}
		if leave[o] {
			v.LeftOut = append(v.LeftOut, o)
		}
	}
	if len(v.LeftOut) == read {
		// Nothing would be left: the errors refuse the document.
		for _, i := range leaving {
			v.Diagnostics[i] = ds[i]
		}
		v.LeftOut, v.NothingLeft = nil, true
	}
	return v
}

// Name names the operation in full: "listMessages (GET /messages)", or
// "GET /messages" when it has no operationId.
func (o *Operation) Name() string {
	if o.ID == "" {
		return o.Method + " " + o.Path
	}
	return o.ID + " (" + o.Method + " " + o.Path + ")"
}

// names names operations in messages (see Name), joined with commas.
func names(ops []*Operation) string {
	s := make([]string, len(ops))
	for i, o := range ops {
		s[i] = o.Name()
	}
	if len(s) > 1 {
		return "operations " + strings.Join(s, ", ")
	}
	return "operation " + s[0]
}

// ResourcePath is the path of the REST API resource that import puts the
// operation's method on when the base path is ignored (the default): the
// path with its leading and trailing slashes trimmed, after one slash
// ("/pets/" → "/pets"; "/" for the root).
func (o *Operation) ResourcePath() string {
	if p := cleanPath(o.Path); p != "" {
		return p
	}
	return "/"
}
