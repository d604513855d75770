package source

import (
	"fmt"
	"math"
	"sync"

	"go.yaml.in/yaml/v4"
)

// wideBytes is the size of text from which newLayout walks the entries of
// the document's widest mapping side by side; wideEntries the fewest
// entries a group of them holds.
const (
	wideBytes   = 1 << 18
	wideEntries = 64
)

// wideGroups is how the entries of the widest mapping are cut: the child
// each group starts at (and the end; see entryBounds) and the nodes each
// group holds.
type wideGroups struct {
	bounds, counts []int
}

// entryBounds cuts the entries of a mapping's children into up to procs
// groups of at least least entries each, and returns the child each group
// starts at followed by len(content); nil when that makes fewer than two.
func entryBounds(content []*yaml.Node, procs, least int) []int {
	pairs := len(content) / 2
	groups := min(procs, pairs/max(least, 1))
	if groups < 2 {
		return nil
	}
	bounds := make([]int, groups+1)
	for k := range groups {
		bounds[k] = 2 * (pairs * k / groups)
	}
	bounds[groups] = len(content)
	return bounds
}

// countWide counts the nodes below root as countNodes does, the entries of
// wide, a block mapping in it, by the groups bounds cuts them into, side
// by side.
func countWide(root, wide *yaml.Node, bounds []int) (total int, g wideGroups) {
	g.bounds = bounds
	g.counts = make([]int, len(bounds)-1)
	var wg sync.WaitGroup
	for k := range g.counts {
		wg.Go(func() {
			for _, c := range wide.Content[bounds[k]:bounds[k+1]] {
				g.counts[k] += countNodes(c, math.MaxInt)
			}
		})
	}
	// The rest of the tree: wide itself without its entries the first
	// time it stands; a tree may hold a node twice, and its entries are
	// walked again there.
	seen := false
	var count func(n *yaml.Node)
	count = func(n *yaml.Node) {
		total++
		if n == wide && !seen {
			seen = true
			return
		}
		for _, c := range n.Content {
			count(c)
		}
	}
	count(root)
	wg.Wait()
	for _, c := range g.counts {
		total += c
	}
	return total, g
}

// widestMapping returns the mapping, among root and root's values, with
// the most entries (the paths of an OpenAPI document, the Resources of a
// template), only in block style when block is true; nil when there is
// none.
func widestMapping(root *yaml.Node, block bool) *yaml.Node {
	var best *yaml.Node
	consider := func(m *yaml.Node) {
		if m.Kind == yaml.MappingNode && (!block || m.Style&yaml.FlowStyle == 0) && (best == nil || len(m.Content) > len(best.Content)) {
			best = m
		}
	}
	consider(root)
	for i := 1; root.Kind == yaml.MappingNode && i < len(root.Content); i += 2 {
		consider(root.Content[i])
	}
	return best
}

// blockChildren walks the children from..to-1 of block collection n (whose
// place is p and whose children are indented by indent) and returns where
// the last of them ends, or p.start.
func (l *layout) blockChildren(n *yaml.Node, p *place, indent, from, to int) (int, error) {
	end := p.start
	var prev *place // the place of the child before
	for i := from; i < to; i++ {
		c := n.Content[i]
		cp, err := l.walk(c, n, false, indent, n.Kind == yaml.MappingNode && i%2 == 0)
		if err != nil {
			return 0, err
		}
		if isEmptyNull(c) {
			// yaml v4 places an empty value at the next token; it
			// stands right after its indicator.
			if err := l.placeEmpty(n, i, p, prev, cp, end); err != nil {
				return 0, err
			}
		}
		end = max(end, cp.end)
		prev = cp
	}
	return end, nil
}

// entriesSideBySide is blockChildren over every entry of block mapping n,
// the entries cut into l.groups walked side by side, each into its own
// part of l.places. Entries are independent: the place of an empty value
// depends only on its key, and an empty key's on nothing.
func (l *layout) entriesSideBySide(n *yaml.Node, p *place, indent int) (int, error) {
	g := l.groups
	at := len(l.places)
	ends, errs := make([]int, len(g.counts)), make([]error, len(g.counts))
	var wg sync.WaitGroup
	for k, count := range g.counts {
		if at+count > cap(l.places) {
			return 0, fmt.Errorf("%d:%d: more nodes than counted", n.Line, n.Column)
		}
		part := &layout{src: l.src, format: l.format, lines: l.lines, eol: l.eol,
			places: l.places[at : at : at+count], nodes: l.nodes[at : at : at+count]}
		at += count
		wg.Go(func() { ends[k], errs[k] = part.blockChildren(n, p, indent, g.bounds[k], g.bounds[k+1]) })
	}
	wg.Wait()
	end := p.start
	for k := range ends {
		if errs[k] != nil {
			return 0, errs[k] // the first in the order of one walk
		}
		end = max(end, ends[k])
	}
	l.places, l.nodes = l.places[:at], l.nodes[:at]
	return end, nil
}
