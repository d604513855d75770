package goclient

import "go.yaml.in/yaml/v4"

// components finds the groups of component schemas that refer to each other
// (strongly connected components of the $ref graph), so that a field whose
// type could contain its own struct is a pointer.
func (g *gen) components() {
	edges := make(map[*yaml.Node][]*yaml.Node, len(g.comps))
	for _, nt := range g.comps {
		var out []*yaml.Node
		seen := map[*yaml.Node]bool{}
		walkRefs(nt.node, 0, func(ref *yaml.Node) {
			t, _ := g.ref(ref)
			if t != nil && g.named[t] != nil && !seen[t] {
				seen[t] = true
				out = append(out, t)
			}
		})
		edges[nt.node] = out
	}
	// Tarjan's algorithm.
	g.scc = make(map[*yaml.Node]int, len(g.comps))
	g.cyclic = map[int]bool{}
	index := map[*yaml.Node]int{}
	low := map[*yaml.Node]int{}
	on := map[*yaml.Node]bool{}
	var stack []*yaml.Node
	next, group := 0, 0
	var visit func(v *yaml.Node)
	visit = func(v *yaml.Node) {
		index[v], low[v] = next, next
		next++
		stack = append(stack, v)
		on[v] = true
		for _, w := range edges[v] {
			if _, ok := index[w]; !ok {
				visit(w)
				low[v] = min(low[v], low[w])
			} else if on[w] {
				low[v] = min(low[v], index[w])
			}
		}
		if low[v] == index[v] {
			size := 0
			for {
				w := stack[len(stack)-1]
				stack = stack[:len(stack)-1]
				on[w] = false
				g.scc[w] = group
				size++
				if w == v {
					break
				}
			}
			self := false
			for _, w := range edges[v] {
				self = self || w == v
			}
			g.cyclic[group] = size > 1 || self
			group++
		}
	}
	for _, nt := range g.comps {
		if _, ok := index[nt.node]; !ok {
			visit(nt.node)
		}
	}
}

// walkRefs calls fn with every object below n that is a $ref.
func walkRefs(n *yaml.Node, depth int, fn func(*yaml.Node)) {
	if n == nil || depth > 200 {
		return
	}
	if n.Kind == yaml.MappingNode {
		for i := 0; i+1 < len(n.Content); i += 2 {
			if n.Content[i].Value == "$ref" && n.Content[i+1].Kind == yaml.ScalarNode {
				fn(n)
				continue
			}
			walkRefs(n.Content[i+1], depth+1, fn)
		}
		return
	}
	for _, c := range n.Content {
		walkRefs(c, depth+1, fn)
	}
}

// recursive reports whether a struct of owner may contain a value of type
// target: both belong to one cycle of component references.
func (g *gen) recursive(owner *yaml.Node, target *namedType) bool {
	if target != nil && target.external && target.kind == kStruct {
		return true
	}
	if owner == nil || target == nil || target.owner == nil {
		return false
	}
	a, ok1 := g.scc[owner]
	b, ok2 := g.scc[target.owner]
	return ok1 && ok2 && a == b && g.cyclic[a]
}
