package vtl

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Error is a template that cannot be parsed, or a render that failed: its
// position in the template and a message that says what to write instead.
type Error struct {
	// Name is the template's name, as given to Parse.
	Name string
	// Line and Column are 1-based; Column counts characters.
	Line, Column int
	// Offset is the byte offset in the template (as read: bytes that are
	// not UTF-8 count as U+FFFD, as Java's reader turns them).
	Offset int
	// Message describes the problem.
	Message string
	err     error
}

// Error formats the error as name:line:col: message.
func (e *Error) Error() string {
	return e.Name + ":" + strconv.Itoa(e.Line) + ":" + strconv.Itoa(e.Column) + ": " + e.Message
}

// Unwrap returns ErrLimit for errors caused by a render limit.
func (e *Error) Unwrap() error { return e.err }

// ErrLimit is wrapped by the *Error of a render that exceeded one of its
// Options limits (steps, loop iterations, output size, nesting depth).
var ErrLimit = errors.New("vtl: render limit exceeded")

// position converts a byte offset of src to a line and column.
func position(src string, off int) (line, col int) {
	if off > len(src) {
		off = len(src)
	}
	line = 1
	start := 0
	for i := 0; i < off; i++ {
		switch src[i] {
		case '\n':
			line++
			start = i + 1
		case '\r':
			if i+1 < len(src) && src[i+1] == '\n' {
				continue
			}
			line++
			start = i + 1
		}
	}
	return line, utf8.RuneCountInString(src[start:off]) + 1
}

// parseError is what the parser panics with.
type parseError struct {
	offset int
	msg    string
}

func (p *parser) errorAt(off int, format string, a ...any) *parseError {
	return &parseError{off, fmt.Sprintf(format, a...)}
}

func quoteText(s string) string { return strconv.Quote(s) }

// expected says what a production wanted, for messages.
var expected = map[string]string{
	"closeDirective": `write ")" to close the directive's parentheses`,
	"end":            "add #end",
	"value":          `write a value: a $reference, a "string", a number, true, false, a [list], a {map} or a (expression)`,
	"colon":          `write ":" between a key and its value, as in {"key": $value}`,
	"closeMap":       `write "}" to close the map`,
	"closeList":      `write "]" to close the list or range`,
	"range":          `write a range as [1..5]`,
	"rangeEnd":       "a range bound is an integer or a $reference",
	"index":          `an index is a "string", an integer, true, false or a $reference, as in $list[0] or $map["key"]`,
	"closeMethod":    `write ")" to close the method call, with "," between arguments; arguments are values, not expressions`,
	"closeIndex":     `write "]" to close the index`,
	"reference":      "write a reference name after $",
	"closeFormal":    `write "}" to close ${…}`,
	"openIf":         `write the condition in parentheses: #if($condition)`,
	"setTarget":      "#set needs a reference to assign: #set($name = value)",
	"setEquals":      `write "=" between the reference and the value: #set($name = value)`,
	"closeParen":     `write ")" to close the parenthesis`,
}

func (p *parser) unexpected(t *token, what string) *parseError {
	if t.kind == tEOF && len(p.open) > 0 {
		o := p.open[len(p.open)-1]
		name := o.image[strings.LastIndexByte(o.image, '#'):]
		return p.errorAt(o.begin, "%s is never closed: add #end after its body", name)
	}
	switch t.kind {
	case tEnd, tElse, tElseIf:
		name := strings.TrimRight(t.image[strings.LastIndexByte(t.image, '#'):], " \t\r\n")
		if t.kind == tEnd || len(p.open) == 0 {
			return p.errorAt(t.begin, "%s without an open #if, #foreach, #macro or #define: remove it, or write \\%s to print it", name, name)
		}
		return p.errorAt(t.begin, "%s belongs to #if; it cannot stand inside #foreach, #macro or #define", name)
	}
	found := "unexpected " + t.describe()
	if h, ok := expected[what]; ok {
		return p.errorAt(t.begin, "%s: %s", found, h)
	}
	return p.errorAt(t.begin, "%s", found)
}

func (p *parser) lexicalError(e *lexError) *parseError {
	src := p.lx.src
	if e.atEOF {
		switch e.state {
		case sTextblock:
			return p.errorAt(e.offset, "#[[ is never closed: end the literal block with ]]#")
		case sReference:
			return p.errorAt(max(e.offset-1, 0), `the template ends with "$": write #[[$]]# for a literal dollar sign at the end`)
		case sPreDirective:
			return p.errorAt(max(e.offset-1, 0), `the template ends with "#": write #[[#]]# for a literal # at the end`)
		}
		return p.errorAt(e.offset, "the template ends inside a directive: close its parentheses")
	}
	r, _ := utf8.DecodeRuneInString(src[e.offset:])
	c := quoteText(string(r))
	switch e.state {
	case sRefMod2:
		return p.errorAt(e.offset, "%s cannot appear in method arguments: arguments are values separated by \",\" (compute expressions with #set first)", c)
	case sRefIndex:
		return p.errorAt(e.offset, "%s cannot appear inside [ ]: an index is a \"string\", an integer or a $reference", c)
	}
	return p.errorAt(e.offset, "%s cannot appear inside a directive's parentheses", c)
}
