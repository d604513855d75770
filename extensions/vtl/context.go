package vtl

// scope is Velocity's context as a template sees it: the variables, and
// the wrappers #foreach and macros put around them.
type scope interface {
	get(k string) any
	put(k string, v any)
	remove(k string)
}

// baseScope is the VelocityContext holding $input, $util, $context,
// $stageVariables and every #set variable.
type baseScope struct{ vars map[string]any }

func (s *baseScope) get(k string) any    { return s.vars[k] }
func (s *baseScope) put(k string, v any) { s.vars[k] = v }
func (s *baseScope) remove(k string)     { delete(s.vars, k) }

// nullHolder is Foreach.NullHolderContext: while the loop variable holds
// null, reading it gives null even after the body #sets it.
type nullHolder struct {
	inner  scope
	key    string
	active bool
}

func (s *nullHolder) get(k string) any {
	if s.active && k == s.key {
		return nil
	}
	return s.inner.get(k)
}

func (s *nullHolder) put(k string, v any) {
	if k == s.key && v == nil {
		s.active = true
	}
	s.inner.put(k, v)
}

func (s *nullHolder) remove(k string) {
	if k == s.key {
		s.active = false
	}
	s.inner.remove(k)
}

// vmScope is ProxyVMContext: a macro's arguments, passed by name (a
// reference argument is evaluated again at each use), and local values;
// #set inside a macro also sets the caller's variable (Velocity 1.7's
// default, velocimacro.context.localscope = false).
type vmScope struct {
	r       *renderer
	inner   scope
	local   map[string]any
	proxies map[string]*node
}

func (s *vmScope) get(k string) any {
	if o := s.local[k]; o != nil {
		return o
	}
	if n := s.proxies[k]; n != nil {
		switch n.kind {
		case nReference:
			if len(n.kids) > 0 {
				return s.r.execRef(n, s.inner)
			}
			return s.inner.get(n.ref.root)
		default:
			return s.r.value(n, s.inner)
		}
	}
	return s.inner.get(k)
}

func (s *vmScope) put(k string, v any) {
	s.local[k] = v
	s.inner.put(k, v)
}

func (s *vmScope) remove(k string) {
	delete(s.local, k)
	delete(s.proxies, k)
	s.inner.remove(k)
}
