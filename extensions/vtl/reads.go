package vtl

// Reads lists the API Gateway variables and functions the template reads,
// in order of first use, each once: $input.body, $input.path('…'),
// $input.json('…'), $input.params('…') (as written), $context.a.b (the
// property names up to the first method call or index), $stageVariables.x
// and $util.name. References inside string templates, macros and #define
// blocks count; text given to #evaluate at run time cannot be known.
func (t *Template) Reads() []string {
	var out []string
	seen := map[string]bool{}
	add := func(s string) {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	var walk func(n *node)
	walk = func(n *node) {
		if n.kind == nReference && n.ref != nil {
			if s := readOf(n); s != "" {
				add(s)
			}
		}
		for _, k := range n.kids {
			walk(k)
		}
		if n.str != nil && n.str.tree != nil {
			walk(n.str.tree)
		}
	}
	walk(t.root)
	return out
}

func readOf(n *node) string {
	root := n.ref.root
	var first *node
	if len(n.kids) > 0 {
		first = n.kids[0]
	}
	switch root {
	case "input":
		if first == nil {
			return "$input"
		}
		switch first.kind {
		case nMethod:
			return "$input." + first.literal()
		case nIdentifier:
			return "$input." + first.name
		}
		return "$input"
	case "util":
		if first != nil && (first.kind == nMethod || first.kind == nIdentifier) {
			return "$util." + first.name
		}
		return "$util"
	case "stageVariables":
		if first != nil {
			switch first.kind {
			case nIdentifier:
				return "$stageVariables." + first.name
			case nIndex:
				return "$stageVariables" + first.literal()
			}
		}
		return "$stageVariables"
	case "context":
		s := "$context"
		for _, k := range n.kids {
			if k.kind != nIdentifier {
				break
			}
			s += "." + k.name
		}
		return s
	}
	return ""
}
