package vtl

import (
	"fmt"
	"strings"

	"github.com/apigw/apigw/extensions/javaregex"
)

// renderer holds the state of one Render.
type renderer struct {
	t       *Template
	opts    Options
	steps   int64
	macros  map[string]*macroDef
	vmStack []string // macro call stack (Velocity's macroNameStack)
	depth   int
	node    *node // the node being evaluated, for error positions

	patterns map[string]*javaregex.Pattern
}

// renderError is what a failed render panics with.
type renderError struct {
	n     *node
	msg   string
	limit bool
}

// stopCmd is Velocity's StopCommand (#break and #stop).
type stopCmd struct {
	nearest bool
	stopMe  any // the directive node to stop at, or nil
}

// topLevel stands for the template (RuntimeInstance) as a stop target.
type topLevel struct{}

func (s *stopCmd) isFor(that any) bool {
	if s.nearest {
		s.stopMe = that
		s.nearest = false
		return true
	}
	if s.stopMe != nil {
		return that == s.stopMe
	}
	switch that.(type) {
	case topLevel, evaluateTarget:
		return true
	}
	return false
}

type evaluateTarget struct{ n *node }

func (r *renderer) fail(n *node, format string, a ...any) {
	panic(&renderError{n: n, msg: fmt.Sprintf(format, a...)})
}

func (r *renderer) failLimit(n *node, format string, a ...any) {
	panic(&renderError{n: n, msg: fmt.Sprintf(format, a...), limit: true})
}

func (r *renderer) step() {
	r.steps++
	if r.steps > r.opts.MaxSteps {
		r.failLimit(r.node, "the template took more than %d steps: raise Options.MaxSteps, or look for a loop that does not end", r.opts.MaxSteps)
	}
}

// countAlloc charges work proportional to data a method creates.
func (r *renderer) countAlloc(n int) {
	r.steps += int64(n / 64)
	r.step()
}

// checkSize refuses strings larger than the output limit.
func (r *renderer) checkSize(n int) {
	if n > r.opts.MaxOutput {
		r.failLimit(r.node, "a value grew past %d bytes (Options.MaxOutput)", r.opts.MaxOutput)
	}
	r.countAlloc(n)
}

// grow checks a string a method made.
func (r *renderer) grow(s string) string {
	r.checkSize(len(s))
	return s
}

// check turns a Go error from $input into a Java exception.
func (r *renderer) check(v any, err error) any {
	if err != nil {
		if err.Error() == errJSONDepth.Error() {
			r.failLimit(r.node, "the JSON payload nests deeper than %d levels", maxJSONDepth)
		}
		throw("java.lang.IllegalArgumentException", err.Error())
	}
	return v
}

func (r *renderer) write(w *strings.Builder, s string) {
	if s == "" {
		return
	}
	if w.Len()+len(s) > r.opts.MaxOutput {
		r.failLimit(r.node, "the output grew past %d bytes (Options.MaxOutput)", r.opts.MaxOutput)
	}
	w.WriteString(s)
}

func (r *renderer) enter(n *node) {
	r.depth++
	if r.depth > r.opts.MaxDepth {
		r.failLimit(n, "templates nest deeper than %d levels (Options.MaxDepth): look for a macro or #define that calls itself", r.opts.MaxDepth)
	}
}

func (r *renderer) leave() { r.depth-- }

// str is toString(), rendering a #define block when asked to.
func (r *renderer) str(v any) string {
	if b, ok := v.(*blockRef); ok {
		s, ok := r.blockString(b)
		if !ok {
			return "null"
		}
		return s
	}
	return toString(v)
}

// render is Node.render for the nodes that appear as statements.
func (r *renderer) render(n *node, c scope, w *strings.Builder) {
	r.node = n
	r.step()
	switch n.kind {
	case nProcess, nBlock:
		for _, k := range n.kids {
			r.render(k, c, w)
		}
	case nText, nEscape, nEscapedDirective, nComment, nTextblock:
		r.write(w, n.text)
	case nReference:
		r.renderRef(n, c, w)
	case nIf:
		if r.evaluate(n.kids[0], c) {
			r.render(n.kids[1], c, w)
			return
		}
		for _, k := range n.kids[2:] {
			if k.kind == nElse || r.evaluate(k.kids[0], c) {
				r.render(k.kids[len(k.kids)-1], c, w)
				return
			}
		}
	case nSet:
		r.renderSet(n, c)
	case nDirective:
		r.renderDirective(n, c, w)
	}
}

// renderRef is ASTReference.render.
func (r *renderer) renderRef(n *node, c scope, w *strings.Builder) {
	ri := n.ref
	if ri.typ == refRunt {
		r.write(w, ri.root)
		return
	}
	value := r.execRef(n, c)
	if ri.escaped {
		ns := r.nullString(ri, c)
		if value == nil {
			r.write(w, ri.escPrefix+`\`+ns)
		} else {
			r.write(w, ri.escPrefix+ns)
		}
		return
	}
	if value != nil {
		var s string
		ok := true
		if b, isBlock := value.(*blockRef); isBlock {
			if r.renderBlockRef(b, c, w) {
				return
			}
			s, ok = r.blockString(b)
		} else {
			s = toString(value)
		}
		if ok {
			r.write(w, ri.escPrefix+ri.morePrefix+s)
			return
		}
	}
	r.write(w, ri.escPrefix+ri.escPrefix+ri.morePrefix+r.nullString(ri, c))
}

// nullString is ASTReference.getNullString: inside a macro, the text of
// the argument expression a parameter stands for.
func (r *renderer) nullString(ri *refInfo, c scope) string {
	if arg, ok := c.get(".literal." + ri.nullString).(*node); ok {
		return arg.literal()
	}
	return ri.nullString
}

// execRef is ASTReference.execute with the reference renderer's handler
// for invalid references: wherever Velocity would find null (an
// undefined variable, a missing property, a method that returns null or
// does not exist), the reference is the empty string.
func (r *renderer) execRef(n *node, c scope) any {
	ri := n.ref
	if ri.typ == refRunt {
		return nil
	}
	result := c.get(ri.root)
	if result == nil {
		return ""
	}
	for _, k := range n.kids {
		result = r.execute(k, result, c)
		if result == nil {
			return ""
		}
	}
	return result
}

// execute applies one part of a reference (.name, .method(…), [index])
// to o.
func (r *renderer) execute(n *node, o any, c scope) any {
	r.node = n
	r.step()
	switch n.kind {
	case nIdentifier:
		return r.getProperty(n, o)
	case nMethod:
		args := make([]any, len(n.kids)-1)
		for i, k := range n.kids[1:] {
			args[i] = r.value(k, c)
		}
		m := findMethod(o, n.name, args)
		if m == nil {
			return nil
		}
		res := r.invoke(n, m, o, args)
		if res == nil && m.void {
			return ""
		}
		return res
	case nIndex:
		arg := r.adjustIndex(n, r.value(n.kids[0], c), o)
		m := findMethod(o, "get", []any{arg})
		if m == nil {
			return nil
		}
		res := r.invoke(n, m, o, []any{arg})
		if res == nil && m.void {
			return ""
		}
		return res
	}
	return nil
}

// adjustIndex is ASTIndex.adjMinusIndexArg: a negative Integer counts
// from the end, through size().
func (r *renderer) adjustIndex(n *node, arg, o any) any {
	i, ok := arg.(jInt)
	if !ok || i >= 0 {
		return arg
	}
	m := findMethod(o, "size", nil)
	if m == nil {
		r.fail(n, "a negative index needs a size() method, which %s does not have", className(o))
	}
	size, ok := r.invoke(n, m, o, nil).(jInt)
	if !ok {
		r.fail(n, "size() of %s is not an Integer", className(o))
	}
	return size + i
}

// invoke calls a Java method; a Java exception fails the render.
func (r *renderer) invoke(n *node, m *jmethod, o any, args []any) (res any) {
	defer func() {
		if x := recover(); x != nil {
			je, ok := x.(javaException)
			if !ok {
				panic(x)
			}
			name := n.name
			if n.kind == nIndex {
				name = "get"
			}
			r.fail(n, "calling %s on %s threw %s", name, className(o), je.msg)
		}
	}()
	if len(m.params) == 0 && len(args) > 0 {
		throw("java.lang.IllegalArgumentException", "wrong number of arguments")
	}
	return m.fn(r, o, packArgs(m, args))
}

// getProperty is UberspectImpl.getPropertyGet: getName()/getname(),
// then Map.get("name"), then get("name"), then isName() returning boolean.
func (r *renderer) getProperty(n *node, o any) any {
	name := n.name
	if m := findMethod(o, "get"+name, nil); m != nil {
		return r.invoke(n, m, o, nil)
	}
	if m := findMethod(o, "get"+toggleFirst(name), nil); m != nil {
		return r.invoke(n, m, o, nil)
	}
	switch x := o.(type) {
	case *jMap:
		return x.get(name)
	case *scopeVal:
		return x.get(name)
	}
	if m := findMethod(o, "get", []any{name}); m != nil {
		return r.invoke(n, m, o, []any{name})
	}
	for _, is := range []string{"is" + name, "is" + toggleFirst(name)} {
		if m := findMethod(o, is, nil); m != nil && m.boolRet {
			return r.invoke(n, m, o, nil)
		}
	}
	return nil
}

func toggleFirst(s string) string {
	if s == "" {
		return s
	}
	c := s[0]
	switch {
	case c >= 'a' && c <= 'z':
		c -= 'a' - 'A'
	case c >= 'A' && c <= 'Z':
		c += 'a' - 'A'
	}
	return string(c) + s[1:]
}

// renderSet is ASTSetDirective.render: a null value leaves everything as it was.
func (r *renderer) renderSet(n *node, c scope) {
	si := n.set
	value := r.value(si.right, c)
	if value == nil {
		return
	}
	if len(si.left.kids) == 0 {
		c.put(si.name, value)
		return
	}
	r.setValue(si.left, c, value)
}

// setValue is ASTReference.setValue.
func (r *renderer) setValue(n *node, c scope, value any) {
	ri := n.ref
	result := c.get(ri.root)
	if result == nil {
		return
	}
	for _, k := range n.kids[:len(n.kids)-1] {
		result = r.execute(k, result, c)
		if result == nil {
			return
		}
	}
	last := n.kids[len(n.kids)-1]
	r.node = last
	if ri.lastIndex != nil {
		arg := r.adjustIndex(last, r.value(last.kids[0], c), result)
		args := []any{arg, value}
		m := findMethod(result, "set", args)
		if m == nil {
			m = findMethod(result, "put", args)
		}
		if m != nil {
			r.invoke(last, m, result, args)
		}
		return
	}
	name := ri.identifier
	for _, set := range []string{"set" + name, "set" + toggleFirst(name)} {
		if m := findMethod(result, set, []any{value}); m != nil {
			r.invoke(last, m, result, []any{value})
			return
		}
	}
	switch x := result.(type) {
	case *jMap:
		if x.kind == mTreeCI {
			if _, ok := x.put(name, value); !ok {
				r.fail(last, "cannot set %s", name)
			}
			return
		}
		x.put(name, value)
		return
	case *scopeVal:
		x.storageMap().put(name, value)
		return
	}
	if m := findMethod(result, "put", []any{name, value}); m != nil {
		r.invoke(last, m, result, []any{name, value})
	}
}
