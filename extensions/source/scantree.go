package source

import (
	"fmt"

	"github.com/apigw/apigw/extensions/diag"
	"go.yaml.in/yaml/v4"
)

// scanTree checks a YAML tree against the depth and alias limits before
// anything walks it. Aliases are counted as a reader that expands them sees
// them, in nodes and in bytes, over the whole tree: kin-openapi decodes each
// schema on its own, so its per-value alias limit does not stop a "billion
// laughs" spread over many schemas, and a string counts as one node however
// long it is. An alias inside the node it names would make every walker
// loop, so it is refused too.
func scanTree(file string, doc *yaml.Node, lim Limits) error {
	sc := &treeScan{file: file, lim: lim, memo: map[*yaml.Node]*expansion{}}
	return sc.walk(doc, 0)
}

type treeScan struct {
	file     string
	lim      Limits
	expanded int   // nodes reached through aliases so far
	bytes    int64 // bytes of those nodes
	memo     map[*yaml.Node]*expansion
}

// expansion is the size (in nodes and bytes) and height of a node with its
// aliases expanded.
type expansion struct {
	size, height int
	bytes        int64
	done         bool
}

// nodeBytes is what one node adds when expanded: its text (a scalar's
// value, an alias's own name does not count) and a byte for the node.
func nodeBytes(n *yaml.Node) int64 {
	if n.Kind == yaml.ScalarNode {
		return int64(len(n.Value)) + 1
	}
	return 1
}

func (sc *treeScan) walk(n *yaml.Node, depth int) error {
	switch n.Kind {
	case yaml.MappingNode, yaml.SequenceNode:
		depth++
		if depth > sc.lim.MaxDepth {
			return sc.depthError(n)
		}
	case yaml.AliasNode:
		e, err := sc.expand(n.Alias, n)
		if err != nil {
			return err
		}
		sc.expanded += e.size
		sc.bytes += e.bytes
		if sc.expanded > sc.lim.MaxAliasNodes {
			return &LimitError{Limit: LimitAlias, Code: diag.LimitAlias, File: sc.file, Line: n.Line, Column: n.Column,
				Message: fmt.Sprintf("YAML aliases expand to more than %d nodes (the alias *%s here passes the limit); the input is refused: write the values out or use $ref", sc.lim.MaxAliasNodes, n.Value)}
		}
		if sc.bytes > sc.lim.MaxAliasBytes {
			return &LimitError{Limit: LimitAlias, Code: diag.LimitAlias, File: sc.file, Line: n.Line, Column: n.Column,
				Message: fmt.Sprintf("YAML aliases expand to more than %d bytes (the alias *%s here passes the limit); the input is refused: write the values out or use $ref", sc.lim.MaxAliasBytes, n.Value)}
		}
		if depth+e.height > sc.lim.MaxDepth {
			return sc.depthError(n)
		}
		return nil
	}
	for _, c := range n.Content {
		if err := sc.walk(c, depth); err != nil {
			return err
		}
	}
	return nil
}

func (sc *treeScan) depthError(n *yaml.Node) error {
	return &LimitError{Limit: LimitDepth, Code: diag.LimitDepth, File: sc.file, Line: n.Line, Column: n.Column,
		Message: fmt.Sprintf("objects and lists nest deeper than %d levels; the input is refused (raise the depth limit if the file is genuine)", sc.lim.MaxDepth)}
}

// expand returns the expanded size and height of n, memoized; at names the
// alias being followed, for the message when n contains it.
func (sc *treeScan) expand(n *yaml.Node, at *yaml.Node) (*expansion, error) {
	if n == nil {
		return &expansion{done: true}, nil
	}
	if n.Kind == yaml.AliasNode {
		return sc.expand(n.Alias, n)
	}
	if e, ok := sc.memo[n]; ok {
		if !e.done {
			return nil, &LimitError{Limit: LimitAlias, Code: diag.LimitAlias, File: sc.file, Line: at.Line, Column: at.Column,
				Message: fmt.Sprintf("the alias *%s refers to a node that contains it, which would expand forever; the input is refused", at.Value)}
		}
		return e, nil
	}
	e := &expansion{size: 1, bytes: nodeBytes(n)}
	if len(n.Content) == 0 {
		e.done = true
		return e, nil
	}
	sc.memo[n] = e
	for _, c := range n.Content {
		ce, err := sc.expand(c, at)
		if err != nil {
			return nil, err
		}
		// Saturate: the exact number past the limit does not matter.
		e.size = min(e.size+ce.size, sc.lim.MaxAliasNodes+1)
		e.bytes = min(e.bytes+ce.bytes, sc.lim.MaxAliasBytes+1)
		e.height = max(e.height, ce.height)
	}
	if n.Kind == yaml.MappingNode || n.Kind == yaml.SequenceNode {
		e.height++
	}
	e.done = true
	return e, nil
}
