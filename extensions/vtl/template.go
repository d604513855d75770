package vtl

import "fmt"

// Template is a parsed mapping template. It is safe for concurrent use:
// every Render has its own state.
type Template struct {
	name   string
	src    string
	root   *node
	macros map[string]*macroDef
	// macroNames are the #macro names the parser has seen (escape rules).
	macroNames map[string]bool
	nested     int
}

// maxNesting bounds how deeply directives, expressions and string
// templates may nest in a template.
const maxNesting = 500

// Parse parses a mapping template with Velocity 1.7's grammar. A syntax
// error is an *Error with the position and what to write instead.
func Parse(name, src string) (*Template, error) {
	src = sanitize(src)
	t := &Template{name: name, src: src, macros: map[string]*macroDef{}}
	p := newParser(src, nil)
	root, err := t.run(p, 0)
	if err != nil {
		return nil, err
	}
	t.macroNames = p.macroNames
	in := &initializer{t: t, parseErr: t.nodeError}
	if err := in.init(root); err != nil {
		return nil, err
	}
	t.root = root
	return t, nil
}

// run parses with p, turning its panics into an *Error; base is the offset
// of p's source within the template (for string templates).
func (t *Template) run(p *parser, base int) (root *node, err error) {
	defer func() {
		if r := recover(); r != nil {
			pe, ok := r.(*parseError)
			if !ok {
				panic(r)
			}
			root, err = nil, t.errorAt(base+pe.offset, pe.msg)
		}
	}()
	return p.parseProcess(), nil
}

func (t *Template) errorAt(off int, msg string) *Error {
	line, col := position(t.src, off)
	return &Error{Name: t.name, Line: line, Column: col, Offset: off, Message: msg}
}

func (t *Template) nodeError(n *node, format string, a ...any) error {
	return t.errorAt(n.offset(), fmt.Sprintf(format, a...))
}

// parseNested parses the text of an interpolated string literal, which
// starts at offset base of the template. Offsets of its tokens are
// shifted so that positions point into the template.
func (t *Template) parseNested(src string, base int) (*node, error) {
	t.nested++
	defer func() { t.nested-- }()
	if t.nested > maxNesting {
		return nil, t.errorAt(base, "string templates nest too deeply")
	}
	p := newParser(src, t.isMacro)
	for k := range t.macroNames {
		p.macroNames[k] = true
	}
	root, err := t.run(p, base)
	if err != nil {
		return nil, err
	}
	shift(root, base)
	return root, nil
}

func (t *Template) isMacro(name string) bool { _, ok := t.macros[name]; return ok }

// shift moves the offsets of a nested template's tokens by base.
func shift(n *node, base int) {
	seen := map[*token]bool{}
	var walk func(*node)
	walk = func(n *node) {
		for _, tk := range []*token{n.first, n.last} {
			if tk != nil && !seen[tk] {
				seen[tk] = true
				tk.begin += base
				tk.end += base
			}
		}
		for _, k := range n.kids {
			walk(k)
		}
	}
	walk(n)
}
