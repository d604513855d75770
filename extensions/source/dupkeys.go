package source

import (
	"fmt"
	"runtime"
	"slices"
	"strconv"
	"sync"

	"github.com/apigw/apigw/extensions/diag"
	"go.yaml.in/yaml/v4"
)

// DuplicateKeys reports every key that appears twice in one object, naming
// both positions and saying that the last value is the one API Gateway
// keeps (as JSON readers do); YAML readers may keep either or refuse, so the
// document does not mean the same thing everywhere.
// ptr is the JSON pointer of n; aliases are not followed (their target is
// checked where it is written).
//
// The entries of the widest mapping are walked side by side when it holds
// many; the findings come in the order of one walk.
func DuplicateKeys(n *yaml.Node, ptr string) []diag.Diagnostic {
	return duplicateKeys(n, ptr, runtime.GOMAXPROCS(0), dupEntries)
}

// dupEntries is the fewest entries of the widest mapping a group walked on
// its own holds.
const dupEntries = 256

// duplicateKeys is DuplicateKeys walking the entries of the widest mapping
// in up to procs groups of at least entries each.
func duplicateKeys(n *yaml.Node, ptr string, procs, entries int) []diag.Diagnostic {
	w := dupWalker{base: ptr}
	if root := n; procs > 1 {
		if root.Kind == yaml.DocumentNode && len(root.Content) > 0 {
			root = root.Content[0]
		}
		w.wide = widestMapping(root, false)
		w.procs, w.least = procs, entries
	}
	w.walk(n)
	return w.out
}

// dupWalker keeps the path as a stack of keys and builds a pointer only
// when it reports, so a clean document costs no string building.
type dupWalker struct {
	base string
	path []string
	out  []diag.Diagnostic
	// wide is the mapping whose entries are walked in up to procs groups of
	// at least least each (see walkWide).
	wide         *yaml.Node
	procs, least int
}

func (w *dupWalker) walk(n *yaml.Node) {
	switch n.Kind {
	case yaml.DocumentNode:
		for _, c := range n.Content {
			w.walk(c)
		}
	case yaml.SequenceNode:
		for i, c := range n.Content {
			if c.Kind == yaml.MappingNode || c.Kind == yaml.SequenceNode {
				w.path = append(w.path, strconv.Itoa(i))
				w.walk(c)
				w.path = w.path[:len(w.path)-1]
			}
		}
	case yaml.MappingNode:
		w.check(n)
		if n == w.wide {
			w.walkWide(n)
			return
		}
		w.entries(n, 0, len(n.Content))
	}
}

// entries walks the values of mapping n's entries from..to-1 (child
// indexes).
func (w *dupWalker) entries(n *yaml.Node, from, to int) {
	for i := from; i+1 < to; i += 2 {
		if c := n.Content[i+1]; c.Kind == yaml.MappingNode || c.Kind == yaml.SequenceNode {
			w.path = append(w.path, n.Content[i].Value)
			w.walk(c)
			w.path = w.path[:len(w.path)-1]
		}
	}
}

// walkWide walks the values of mapping n's entries in groups side by side,
// each with a walker of its own, and adds their findings in order.
func (w *dupWalker) walkWide(n *yaml.Node) {
	bounds := entryBounds(n.Content, w.procs, w.least)
	if bounds == nil {
		w.entries(n, 0, len(n.Content))
		return
	}
	parts := make([]dupWalker, len(bounds)-1)
	var wg sync.WaitGroup
	for g := range parts {
		parts[g] = dupWalker{base: w.base, path: slices.Clone(w.path)}
		wg.Go(func() { parts[g].entries(n, bounds[g], bounds[g+1]) })
	}
	wg.Wait()
	for _, p := range parts {
		w.out = append(w.out, p.out...)
	}
}

func (w *dupWalker) report(first, again *yaml.Node) {
	ptr := w.base
	for _, k := range w.path {
		ptr = Pointer(ptr, k)
	}
	w.out = append(w.out, diag.Diagnostic{Severity: diag.DuplicateKey.Severity(), Code: diag.DuplicateKey,
		Pointer: Pointer(ptr, again.Value), Line: again.Line, Column: again.Column,
		Message: fmt.Sprintf("duplicate key %q: first at %d:%d, again at %d:%d; API Gateway keeps the last value, so the one at %d:%d is lost: keep one and remove or rename the other",
			again.Value, first.Line, first.Column, again.Line, again.Column, first.Line, first.Column)})
}

// check compares keys pairwise in small objects and through a map in large
// ones; merge keys (<<) are YAML syntax, not keys.
func (w *dupWalker) check(n *yaml.Node) {
	keys := n.Content
	if len(keys) <= 32 {
		for i := 2; i+1 < len(keys); i += 2 {
			if keys[i].Kind != yaml.ScalarNode || IsMergeKey(keys[i]) {
				continue
			}
			for j := 0; j < i; j += 2 {
				if keys[j].Value == keys[i].Value && keys[j].Kind == yaml.ScalarNode {
					w.report(keys[j], keys[i])
					break
				}
			}
		}
		return
	}
	seen := make(map[string]*yaml.Node, len(keys)/2)
	for i := 0; i+1 < len(keys); i += 2 {
		k := keys[i]
		if k.Kind != yaml.ScalarNode || IsMergeKey(k) {
			continue
		}
		if first, dup := seen[k.Value]; dup {
			w.report(first, k)
			continue
		}
		seen[k.Value] = k
	}
}
