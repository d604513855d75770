package config

// syntax is how one emitter writes graph values.
type syntax struct {
	// name returns an argument's name, "" when the syntax has none.
	name func(k *kind, p prop) string
	// expand returns a value whose shape is this syntax's own (see
	// jsonDoc, policyDoc, intText, tagList, statusMappings, paramRequired,
	// routeSettings) as other graph values; ok is false for anything else.
	expand func(v any) (any, bool)
	// leaf writes strings, references and intrinsic functions; ok is
	// false for anything else.
	leaf func(v any) (any, bool)
	// lost is told what a setting the syntax has no name for holds.
	lost func(what string)
}

// render turns a graph value of a resource of kind k into a tree of
// objects, lists and scalars in this syntax.
func (s syntax) render(k *kind, v any) any {
	if e, ok := s.expand(v); ok {
		v = e
	}
	if out, ok := s.leaf(v); ok {
		return out
	}
	switch x := v.(type) {
	case *props:
		o := &obj{keys: make([]string, 0, len(x.list)), vals: make([]any, 0, len(x.list))}
		for _, p := range x.list {
			name := s.name(k, p)
			switch {
			case name != "":
				o.set(name, s.render(k, p.v))
			case p.only != "" && s.lost != nil:
				s.lost(p.only)
			}
		}
		return o
	case *obj: // keys are data (header names, media types), not names
		return mapValues(x, func(e any) any { return s.render(k, e) })
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = s.render(k, e)
		}
		return out
	}
	return v
}
