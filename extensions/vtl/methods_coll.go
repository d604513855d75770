package vtl

import "slices"

var (
	listMethods         = methodTable{}
	viewMethods         = methodTable{}
	arrayWrapperMethods = methodTable{}
	mapMethods          = methodTable{}
	treeMapMethods      = methodTable{}
	entryMethods        = methodTable{}
	scopeMethods        = methodTable{}
	inputMethods        = methodTable{}
	utilMethods         = methodTable{}
)

func indexErr(i, n int) {
	throw("java.lang.IndexOutOfBoundsException", "Index "+itoa(i)+" out of bounds for length "+itoa(n))
}

func elemsOf(v any) []any {
	if l, ok := v.(*jList); ok {
		return l.elems
	}
	return nil
}

// addCollectionReads adds the read-only methods every collection has.
func addCollectionReads(t methodTable) {
	l := func(v any) *jList { return v.(*jList) }
	t.add("size", nil, func(r *renderer, v any, a []any) any { return jInt(len(l(v).elems)) })
	t.add("isEmpty", nil, func(r *renderer, v any, a []any) any { return len(l(v).elems) == 0 }).boolRet = true
	t.add("contains", []string{"Object"}, func(r *renderer, v any, a []any) any {
		return containsValue(l(v).elems, a[0])
	}).boolRet = true
	t.add("containsAll", []string{"Collection"}, func(r *renderer, v any, a []any) any {
		if a[0] == nil {
			throw("java.lang.NullPointerException", "")
		}
		for _, e := range elemsOf(a[0]) {
			if !containsValue(l(v).elems, e) {
				return false
			}
		}
		return true
	}).boolRet = true
	t.add("iterator", nil, func(r *renderer, v any, a []any) any {
		return &iterVal{elems: slices.Clone(l(v).elems)}
	})
	t.add("toArray", nil, func(r *renderer, v any, a []any) any {
		return &jList{kind: lArray, elems: slices.Clone(l(v).elems), objects: true}
	})
}

func init() {
	l := func(v any) *jList { return v.(*jList) }
	addObjectMethods(viewMethods)
	addCollectionReads(viewMethods)

	t := listMethods
	addObjectMethods(t)
	addCollectionReads(t)
	get := func(r *renderer, v any, a []any) any {
		i, es := argInt(a[0]), l(v).elems
		if i < 0 || i >= len(es) {
			indexErr(i, len(es))
		}
		return es[i]
	}
	t.add("get", []string{"int"}, get)
	t.add("indexOf", []string{"Object"}, func(r *renderer, v any, a []any) any {
		for i, e := range l(v).elems {
			if nullSafeEquals(a[0], e) {
				return jInt(i)
			}
		}
		return jInt(-1)
	})
	t.add("lastIndexOf", []string{"Object"}, func(r *renderer, v any, a []any) any {
		es := l(v).elems
		for i := len(es) - 1; i >= 0; i-- {
			if nullSafeEquals(a[0], es[i]) {
				return jInt(i)
			}
		}
		return jInt(-1)
	})
	t.add("add", []string{"Object"}, func(r *renderer, v any, a []any) any {
		r.countAlloc(1)
		l(v).elems = append(l(v).elems, a[0])
		return true
	}).boolRet = true
	t.add("add", []string{"int", "Object"}, func(r *renderer, v any, a []any) any {
		i, x := argInt(a[0]), l(v)
		if i < 0 || i > len(x.elems) {
			indexErr(i, len(x.elems))
		}
		r.countAlloc(1)
		x.elems = slices.Insert(x.elems, i, a[1])
		return nil
	}).void = true
	addAll := func(x *jList, at int, c any) bool {
		if c == nil {
			throw("java.lang.NullPointerException", "")
		}
		add := slices.Clone(elemsOf(c))
		x.elems = slices.Insert(x.elems, at, add...)
		return len(add) > 0
	}
	t.add("addAll", []string{"Collection"}, func(r *renderer, v any, a []any) any {
		r.countAlloc(len(elemsOf(a[0])))
		return addAll(l(v), len(l(v).elems), a[0])
	}).boolRet = true
	t.add("addAll", []string{"int", "Collection"}, func(r *renderer, v any, a []any) any {
		i := argInt(a[0])
		if i < 0 || i > len(l(v).elems) {
			indexErr(i, len(l(v).elems))
		}
		r.countAlloc(len(elemsOf(a[1])))
		return addAll(l(v), i, a[1])
	}).boolRet = true
	t.add("remove", []string{"int"}, func(r *renderer, v any, a []any) any {
		i, x := argInt(a[0]), l(v)
		if i < 0 || i >= len(x.elems) {
			indexErr(i, len(x.elems))
		}
		old := x.elems[i]
		x.elems = slices.Delete(x.elems, i, i+1)
		return old
	})
	t.add("remove", []string{"Object"}, func(r *renderer, v any, a []any) any {
		x := l(v)
		for i, e := range x.elems {
			if nullSafeEquals(a[0], e) {
				x.elems = slices.Delete(x.elems, i, i+1)
				return true
			}
		}
		return false
	}).boolRet = true
	t.add("set", []string{"int", "Object"}, func(r *renderer, v any, a []any) any {
		i, x := argInt(a[0]), l(v)
		if i < 0 || i >= len(x.elems) {
			indexErr(i, len(x.elems))
		}
		old := x.elems[i]
		x.elems[i] = a[1]
		return old
	})
	t.add("clear", nil, func(r *renderer, v any, a []any) any { l(v).elems = nil; return nil }).void = true
	t.add("removeAll", []string{"Collection"}, func(r *renderer, v any, a []any) any {
		x, drop := l(v), elemsOf(a[0])
		n := len(x.elems)
		x.elems = slices.DeleteFunc(x.elems, func(e any) bool { return containsValue(drop, e) })
		return len(x.elems) != n
	}).boolRet = true
	t.add("retainAll", []string{"Collection"}, func(r *renderer, v any, a []any) any {
		x, keep := l(v), elemsOf(a[0])
		n := len(x.elems)
		x.elems = slices.DeleteFunc(x.elems, func(e any) bool { return !containsValue(keep, e) })
		return len(x.elems) != n
	}).boolRet = true
	t.add("subList", []string{"int", "int"}, func(r *renderer, v any, a []any) any {
		f, to, es := argInt(a[0]), argInt(a[1]), l(v).elems
		if f < 0 || to > len(es) || f > to {
			throw("java.lang.IndexOutOfBoundsException", "fromIndex "+itoa(f)+", toIndex "+itoa(to)+", size "+itoa(len(es)))
		}
		return newList(lArrayList, slices.Clone(es[f:to]))
	})

	// Arrays reach the methods of Velocity's ArrayListWrapper.
	w := arrayWrapperMethods
	addCollectionReads(w)
	w.add("get", []string{"int"}, get)
	w.add("set", []string{"int", "Object"}, func(r *renderer, v any, a []any) any {
		i, x := argInt(a[0]), l(v)
		if i < 0 || i >= len(x.elems) {
			throw("java.lang.ArrayIndexOutOfBoundsException", "Index "+itoa(i)+" out of bounds for length "+itoa(len(x.elems)))
		}
		if _, ok := a[1].(string); !ok && a[1] != nil {
			throw("java.lang.ArrayStoreException", className(a[1]))
		}
		old := x.elems[i]
		x.elems[i] = a[1]
		return old
	})
	w.add("indexOf", []string{"Object"}, listMethods["indexOf"][0].fn)

	addMapMethods(mapMethods)
	addMapMethods(treeMapMethods)

	e := entryMethods
	addObjectMethods(e)
	e.add("getKey", nil, func(r *renderer, v any, a []any) any { return v.(*entryVal).e.key })
	e.add("getValue", nil, func(r *renderer, v any, a []any) any { return v.(*entryVal).e.val })
	e.add("setValue", []string{"Object"}, func(r *renderer, v any, a []any) any {
		en := v.(*entryVal).e
		old := en.val
		en.val = a[0]
		return old
	})

	addInputMethods(inputMethods)
	addUtilMethods(utilMethods)
	addScopeMethods(scopeMethods)
}

// mapOf returns the map a receiver stands for (a $foreach scope keeps its
// entries in a HashMap).
func mapOf(v any) *jMap {
	if s, ok := v.(*scopeVal); ok {
		return s.storageMap()
	}
	return v.(*jMap)
}

func addMapMethods(t methodTable) {
	addObjectMethods(t)
	keyCheck := func(m *jMap, k any) {
		if m.kind == mTreeCI {
			if k == nil {
				throw("java.lang.NullPointerException", "")
			}
			if _, ok := k.(string); !ok {
				throw("java.lang.ClassCastException", className(k)+" cannot be cast to java.lang.String")
			}
		}
	}
	t.add("get", []string{"Object"}, func(r *renderer, v any, a []any) any {
		m := mapOf(v)
		keyCheck(m, a[0])
		return m.get(a[0])
	})
	t.add("getOrDefault", []string{"Object", "Object"}, func(r *renderer, v any, a []any) any {
		m := mapOf(v)
		keyCheck(m, a[0])
		if e := m.find(a[0]); e != nil {
			return e.val
		}
		return a[1]
	})
	t.add("containsKey", []string{"Object"}, func(r *renderer, v any, a []any) any {
		m := mapOf(v)
		keyCheck(m, a[0])
		return m.containsKey(a[0])
	}).boolRet = true
	t.add("containsValue", []string{"Object"}, func(r *renderer, v any, a []any) any {
		for _, e := range mapOf(v).entries {
			if nullSafeEquals(a[0], e.val) {
				return true
			}
		}
		return false
	}).boolRet = true
	t.add("put", []string{"Object", "Object"}, func(r *renderer, v any, a []any) any {
		m := mapOf(v)
		keyCheck(m, a[0])
		r.countAlloc(1)
		prev, _ := m.put(a[0], a[1])
		return prev
	})
	t.add("putIfAbsent", []string{"Object", "Object"}, func(r *renderer, v any, a []any) any {
		m := mapOf(v)
		keyCheck(m, a[0])
		if e := m.find(a[0]); e != nil && e.val != nil {
			return e.val
		}
		r.countAlloc(1)
		m.put(a[0], a[1])
		return nil
	})
	t.add("putAll", []string{"Map"}, func(r *renderer, v any, a []any) any {
		if a[0] == nil {
			throw("java.lang.NullPointerException", "")
		}
		m := mapOf(v)
		for _, e := range mapOf(a[0]).ordered() {
			keyCheck(m, e.key)
			r.countAlloc(1)
			m.put(e.key, e.val)
		}
		return nil
	}).void = true
	t.add("remove", []string{"Object"}, func(r *renderer, v any, a []any) any {
		m := mapOf(v)
		keyCheck(m, a[0])
		old, _ := m.remove(a[0])
		return old
	})
	t.add("replace", []string{"Object", "Object"}, func(r *renderer, v any, a []any) any {
		m := mapOf(v)
		keyCheck(m, a[0])
		if e := m.find(a[0]); e != nil {
			old := e.val
			e.val = a[1]
			return old
		}
		return nil
	})
	t.add("size", nil, func(r *renderer, v any, a []any) any { return jInt(mapOf(v).size()) })
	t.add("isEmpty", nil, func(r *renderer, v any, a []any) any { return mapOf(v).size() == 0 }).boolRet = true
	t.add("clear", nil, func(r *renderer, v any, a []any) any { mapOf(v).clear(); return nil }).void = true
	t.add("keySet", nil, func(r *renderer, v any, a []any) any {
		m := mapOf(v)
		es := m.ordered()
		out := &jList{kind: lKeySet, owner: m.kind, elems: make([]any, len(es))}
		for i, e := range es {
			out.elems[i] = e.key
		}
		return out
	})
	t.add("values", nil, func(r *renderer, v any, a []any) any {
		m := mapOf(v)
		es := m.ordered()
		out := &jList{kind: lValues, owner: m.kind, elems: make([]any, len(es))}
		for i, e := range es {
			out.elems[i] = e.val
		}
		return out
	})
	t.add("entrySet", nil, func(r *renderer, v any, a []any) any {
		m := mapOf(v)
		es := m.ordered()
		out := &jList{kind: lEntrySet, owner: m.kind, elems: make([]any, len(es))}
		for i, e := range es {
			out.elems[i] = &entryVal{e}
		}
		return out
	})
}
