package vtl

// scopeVal is $foreach (Velocity's ForeachScope): a map of its own, plus
// the loop's index and hasNext, and the scope it nests in.
type scopeVal struct {
	storage  *jMap
	index    int
	hasNext  bool
	parent   *scopeVal
	replaced any   // what $foreach held before, when it was not a scope
	owner    *node // the #foreach node, for #break($foreach)
	ownerID  int   // which execution of that node
}

func (s *scopeVal) storageMap() *jMap {
	if s.storage == nil {
		s.storage = newMap(mHash)
	}
	return s.storage
}

func (s *scopeVal) topmost() *scopeVal {
	if s.parent == nil {
		return s
	}
	return s.parent.topmost()
}

func (s *scopeVal) getReplaced() any {
	if s.replaced == nil && s.parent != nil {
		return s.parent.getReplaced()
	}
	return s.replaced
}

// get is Scope.get: its own entries, then its parent's.
func (s *scopeVal) get(k any) any {
	m := s.storageMap()
	o := m.get(k)
	if o == nil && s.parent != nil && !m.containsKey(k) {
		return s.parent.get(k)
	}
	return o
}

func addScopeMethods(t methodTable) {
	addMapMethods(t)
	sc := func(v any) *scopeVal { return v.(*scopeVal) }
	t["get"] = nil
	t.add("get", []string{"Object"}, func(r *renderer, v any, a []any) any { return sc(v).get(a[0]) })
	t.add("getIndex", nil, func(r *renderer, v any, a []any) any { return jInt(sc(v).index) })
	t.add("getCount", nil, func(r *renderer, v any, a []any) any { return jInt(sc(v).index + 1) })
	t.add("hasNext", nil, func(r *renderer, v any, a []any) any { return sc(v).hasNext }).boolRet = true
	t.add("getHasNext", nil, func(r *renderer, v any, a []any) any { return sc(v).hasNext }).boolRet = true
	t.add("isFirst", nil, func(r *renderer, v any, a []any) any { return sc(v).index < 1 }).boolRet = true
	t.add("getFirst", nil, func(r *renderer, v any, a []any) any { return sc(v).index < 1 }).boolRet = true
	t.add("isLast", nil, func(r *renderer, v any, a []any) any { return !sc(v).hasNext }).boolRet = true
	t.add("getLast", nil, func(r *renderer, v any, a []any) any { return !sc(v).hasNext }).boolRet = true
	t.add("getParent", nil, func(r *renderer, v any, a []any) any {
		if p := sc(v).parent; p != nil {
			return p
		}
		return nil
	})
	t.add("getTopmost", nil, func(r *renderer, v any, a []any) any { return sc(v).topmost() })
	t.add("getReplaced", nil, func(r *renderer, v any, a []any) any { return sc(v).getReplaced() })
}

// blockRef is what #define($name) stores: its body, rendered where
// $name is used (Block.Reference).
type blockRef struct {
	def       *node // the #define node, or the #@macro call whose body this is
	ctx       scope // the context at definition, used by toString()
	depth     int
	macroBody bool // $bodyContent of a block macro call
}

func addInputMethods(t methodTable) {
	addObjectMethods(t)
	in := func(v any) *inputObj { return v.(*inputObj) }
	t.add("getBody", nil, func(r *renderer, v any, a []any) any { return in(v).body() })
	t.add("path", []string{"String"}, func(r *renderer, v any, a []any) any {
		return r.check(in(v).path(needArgStr(a[0])))
	})
	t.add("json", []string{"String"}, func(r *renderer, v any, a []any) any {
		return r.check(in(v).json(needArgStr(a[0])))
	})
	t.add("params", nil, func(r *renderer, v any, a []any) any { return in(v).params })
	t.add("params", []string{"String"}, func(r *renderer, v any, a []any) any { return in(v).param(nullStr(a[0])) })
}

// needArgStr is a JSONPath argument: null is an IllegalArgumentException.
func needArgStr(a any) string {
	s, ok := a.(string)
	if !ok {
		throw("java.lang.IllegalArgumentException", "null path")
	}
	return s
}

func nullStr(a any) string {
	s, _ := a.(string)
	return s
}

func addUtilMethods(t methodTable) {
	addObjectMethods(t)
	// Each takes any object and uses its toString(); null gives null.
	text := func(r *renderer, a any) (string, bool) {
		if a == nil {
			return "", false
		}
		return r.str(a), true
	}
	t.add("escapeJavaScript", []string{"Object"}, func(r *renderer, v any, a []any) any {
		s, ok := text(r, a[0])
		if !ok {
			return nil
		}
		return r.grow(escapeJavaScript(s))
	})
	t.add("parseJson", []string{"Object"}, func(r *renderer, v any, a []any) any {
		s, ok := text(r, a[0])
		if !ok {
			return nil
		}
		val, err := parseJSON(s)
		if err != nil {
			throw("java.lang.IllegalArgumentException", err.Error())
		}
		r.countAlloc(len(s) / 16)
		return val
	})
	t.add("urlEncode", []string{"Object"}, func(r *renderer, v any, a []any) any {
		s, ok := text(r, a[0])
		if !ok {
			return nil
		}
		return r.grow(urlEncode(s))
	})
	t.add("urlDecode", []string{"Object"}, func(r *renderer, v any, a []any) any {
		s, ok := text(r, a[0])
		if !ok {
			return nil
		}
		out, err := urlDecode(s)
		if err != nil {
			throw("java.lang.IllegalArgumentException", err.Error())
		}
		return out
	})
	t.add("base64Encode", []string{"Object"}, func(r *renderer, v any, a []any) any {
		s, ok := text(r, a[0])
		if !ok {
			return nil
		}
		return r.grow(base64Encode(s))
	})
	t.add("base64Decode", []string{"Object"}, func(r *renderer, v any, a []any) any {
		s, ok := text(r, a[0])
		if !ok {
			return nil
		}
		out, err := base64Decode(s)
		if err != nil {
			throw("java.lang.IllegalArgumentException", err.Error())
		}
		return out
	})
}
