package vtl

import "strings"

// Velocity 1.7's limits that templates can reach.
const (
	macroMaxDepth  = 20 // velocimacro.max.depth
	defineMaxDepth = 2  // directive.define.max.depth
)

func (r *renderer) renderDirective(n *node, c scope, w *strings.Builder) {
	di := n.dir
	if di.known {
		switch n.name {
		case "foreach":
			r.foreach(n, c, w)
		case "define":
			c.put(di.key, &blockRef{def: n, ctx: c})
		case "literal":
			r.write(w, di.literal)
		case "evaluate":
			r.evaluateDirective(n, c, w)
		case "break":
			if len(n.kids) == 0 {
				panic(&stopCmd{nearest: true})
			}
			arg := r.value(n.kids[0], c)
			s, ok := arg.(*scopeVal)
			if !ok {
				r.fail(n, "%s is not a scope: #break takes $foreach (or $foreach.parent)", n.kids[0].literal())
			}
			panic(&stopCmd{stopMe: s.owner})
		case "stop":
			if len(n.kids) == 1 {
				r.value(n.kids[0], c)
			}
			panic(&stopCmd{})
		case "include", "parse":
			r.fail(n, "#%s reads other template files, which API Gateway does not have: inline the text instead", n.name)
		}
		return
	}
	if strings.HasPrefix(n.name, "@") && !di.blockMacro {
		r.write(w, "#"+n.name)
		return
	}
	name := n.name
	if di.blockMacro {
		name = name[1:]
	}
	r.callMacro(n, name, c, w)
}

// callMacro is RuntimeMacro.render: a call of a macro not defined prints
// as written.
func (r *renderer) callMacro(n *node, name string, c scope, w *strings.Builder) {
	def := r.macros[name]
	if def == nil {
		var b strings.Builder
		for t := n.first; t != nil; t = t.next {
			b.WriteString(t.image)
			if t == n.last {
				break
			}
		}
		r.write(w, b.String())
		return
	}
	if n.dir.badArg != "" {
		r.fail(n, "%s is not a valid argument of macro #%s: write $%s for a variable or quote it as a string", quoteText(n.dir.badArg), name, n.dir.badArg)
	}
	depth := r.depth
	defer func() {
		if x := recover(); x != nil {
			if s, ok := x.(*stopCmd); ok && s.isFor(n) {
				r.depth = depth
				return
			}
			panic(x)
		}
	}()
	var body *blockRef
	if n.dir.blockMacro {
		body = &blockRef{def: n, ctx: c, macroBody: true}
	}
	r.renderMacro(def, n, c, w, body)
}

// renderMacro is VelocimacroProxy.render.
func (r *renderer) renderMacro(def *macroDef, call *node, c scope, w *strings.Builder, body *blockRef) {
	vmc := &vmScope{r: r, inner: c, local: map[string]any{}, proxies: map[string]*node{}}
	argNames := append([]string{def.name}, def.args...)
	for i := 1; i < len(argNames) && i <= len(call.kids); i++ {
		arg := call.kids[i-1]
		switch arg.kind {
		case nRange, nReference, nList, nMap, nString, nText:
			vmc.proxies[argNames[i]] = arg
			vmc.local[".literal.$"+argNames[i]] = arg
		default:
			vmc.local[argNames[i]] = r.value(arg, c)
		}
	}
	if body != nil {
		vmc.local["bodyContent"] = body
	}
	if len(r.vmStack) == macroMaxDepth {
		r.vmStack = r.vmStack[:0]
		r.fail(call, "macro #%s calls macros more than %d deep (Velocity's limit): look for a macro that calls itself without end", def.name, macroMaxDepth)
	}
	r.enter(call)
	r.vmStack = append(r.vmStack, def.name)
	r.render(def.body, vmc, w)
	r.vmStack = r.vmStack[:len(r.vmStack)-1] // not on #break or #stop, as in Velocity
	r.leave()
}

// foreach is Velocity's #foreach, with $foreach (index, count, hasNext,
// first, last, parent), $velocityCount and $velocityHasNext.
func (r *renderer) foreach(n *node, c scope, w *strings.Builder) {
	if len(n.kids) < 3 {
		r.fail(n, "#foreach needs a loop: #foreach($item in $list) … #end")
	}
	list := r.value(n.kids[2], c)
	if list == nil {
		return
	}
	if len(n.kids) < 4 {
		r.fail(n, "#foreach needs a loop: #foreach($item in $list) … #end")
	}
	it := r.iterator(list)
	if it == nil {
		return
	}
	key := n.dir.key
	o, savedCounter, nextFlag := c.get(key), c.get("velocityCount"), c.get("velocityHasNext")
	sc := &scopeVal{index: -1, owner: n}
	switch prev := c.get("foreach").(type) {
	case *scopeVal:
		sc.parent = prev
	case nil:
	default:
		sc.replaced = prev
	}
	c.put("foreach", sc)
	var holder *nullHolder
	counter := 1
	body := n.kids[3]
	done := false
	for !done && it.hasNext() {
		if counter > r.opts.MaxIterations {
			r.failLimit(n, "#foreach ran more than %d times (Options.MaxIterations)", r.opts.MaxIterations)
		}
		c.put("velocityCount", jInt(counter))
		value := it.next(r, n)
		c.put("velocityHasNext", it.hasNext())
		c.put(key, value)
		sc.index++
		sc.hasNext = it.hasNext()
		bc := c
		if value == nil {
			if holder == nil {
				holder = &nullHolder{inner: c, key: key, active: true}
			}
			bc = holder
		}
		depth := r.depth
		func() {
			defer func() {
				if x := recover(); x != nil {
					if s, ok := x.(*stopCmd); ok && s.isFor(n) {
						r.depth = depth
						done = true
						return
					}
					r.foreachClean(c, key, o, savedCounter, nextFlag)
					panic(x)
				}
			}()
			r.render(body, bc, w)
		}()
		counter++
	}
	r.foreachClean(c, key, o, savedCounter, nextFlag)
}

func (r *renderer) foreachClean(c scope, key string, o, savedCounter, nextFlag any) {
	restore := func(k string, v any) {
		if v != nil {
			c.put(k, v)
		} else {
			c.remove(k)
		}
	}
	restore(key, o)
	restore("velocityCount", savedCounter)
	restore("velocityHasNext", nextFlag)
	if s, ok := c.get("foreach").(*scopeVal); ok {
		switch {
		case s.parent != nil:
			c.put("foreach", s.parent)
		case s.getReplaced() != nil:
			c.put("foreach", s.getReplaced())
		default:
			c.remove("foreach")
		}
	}
}

// loopIter walks what #foreach accepts: lists, arrays, collections, a
// map's values, an Iterator. Lists are read live, and changing a list
// while walking it fails as Java's ConcurrentModificationException does.
type loopIter struct {
	list   *jList
	pos    int
	size   int
	shared *iterVal
}

func (r *renderer) iterator(v any) *loopIter {
	switch x := v.(type) {
	case *jList:
		return &loopIter{list: x, size: len(x.elems)}
	case *jMap:
		es := x.ordered()
		vals := make([]any, len(es))
		for i, e := range es {
			vals[i] = e.val
		}
		return &loopIter{list: newList(lValues, vals), size: len(vals)}
	case *scopeVal:
		return r.iterator(x.storageMap())
	case *iterVal:
		return &loopIter{shared: x}
	}
	return nil
}

func (it *loopIter) hasNext() bool {
	if it.shared != nil {
		return it.shared.pos < len(it.shared.elems)
	}
	return it.pos != len(it.list.elems)
}

func (it *loopIter) next(r *renderer, n *node) any {
	if it.shared != nil {
		v := it.shared.elems[it.shared.pos]
		it.shared.pos++
		return v
	}
	if len(it.list.elems) != it.size || it.pos >= len(it.list.elems) {
		r.fail(n, "the list changed while #foreach walked it (Java throws ConcurrentModificationException): build a new list instead")
	}
	v := it.list.elems[it.pos]
	it.pos++
	return v
}

// renderBlockRef is Block.Reference.render: the #define body in the
// current context, at most defineMaxDepth deep.
func (r *renderer) renderBlockRef(b *blockRef, c scope, w *strings.Builder) bool {
	max := defineMaxDepth
	if b.macroBody {
		max = macroMaxDepth
	}
	b.depth++
	if b.depth > max {
		b.depth--
		return false
	}
	r.enter(b.def)
	depth := r.depth
	func() {
		defer func() {
			if x := recover(); x != nil {
				if s, ok := x.(*stopCmd); ok && s.isFor(b.def) {
					r.depth = depth
					return
				}
				b.depth--
				r.leave()
				panic(x)
			}
		}()
		r.render(b.def.kids[len(b.def.kids)-1], c, w)
	}()
	r.leave()
	b.depth--
	return true
}

// blockString is Block.Reference.toString: rendered in the context the
// block was defined in; ok is false when too deep (Java's null).
func (r *renderer) blockString(b *blockRef) (string, bool) {
	var sb strings.Builder
	if !r.renderBlockRef(b, b.ctx, &sb) {
		return "", false
	}
	return sb.String(), true
}

// evaluateDirective is #evaluate: the text is parsed and rendered here.
func (r *renderer) evaluateDirective(n *node, c scope, w *strings.Builder) {
	v := r.value(n.kids[0], c)
	src := ""
	if v != nil {
		src = r.str(v)
	}
	r.countAlloc(len(src))
	r.enter(n)
	defer r.leave()
	tmp := &Template{name: r.t.name, src: r.t.src, macros: r.macros, macroNames: r.t.macroNames}
	p := newParser(src, tmp.isMacro)
	for k := range r.t.macroNames {
		p.macroNames[k] = true
	}
	root, err := tmp.run(p, 0)
	if err != nil {
		r.fail(n, "#evaluate: the text does not parse: %s", err.(*Error).Message)
	}
	in := &initializer{t: tmp, parseErr: tmp.nodeError}
	r.macros = cloneMacros(r.macros)
	tmp.macros = r.macros
	if err := in.init(root); err != nil {
		r.fail(n, "#evaluate: %s", err.(*Error).Message)
	}
	target := evaluateTarget{n}
	depth := r.depth
	defer func() {
		if x := recover(); x != nil {
			if s, ok := x.(*stopCmd); ok && s.isFor(target) {
				r.depth = depth
				return
			}
			panic(x)
		}
	}()
	r.render(root, c, w)
}

func cloneMacros(m map[string]*macroDef) map[string]*macroDef {
	out := make(map[string]*macroDef, len(m))
	for k, v := range m {
		out[k] = v
	}
	return out
}
