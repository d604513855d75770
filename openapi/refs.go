package openapi

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/apigw/apigw/extensions/diag"
	"github.com/apigw/apigw/extensions/source"
	"go.yaml.in/yaml/v4"
)

// ExternalRef is a $ref to another file that was read because
// LoadOptions.AllowRefs allowed it.
type ExternalRef struct {
	// Ref is the $ref value as written ("common.yaml#/components/schemas/Pet").
	Ref string
	// File, Pointer, Line and Column say where the $ref stands.
	File         string
	Pointer      string
	Line, Column int
	// Target is the file read, relative to the allowed folder; Fragment is
	// the part after '#' ("" for the whole file).
	Target, Fragment string
	// Tree is the target's document node; files named by several $refs share it.
	Tree *yaml.Node
}

// refSite is one $ref found in a tree.
type refSite struct {
	value *yaml.Node
	ptr   string
}

// findRefs returns every $ref whose value does not start with '#', in document order.
func findRefs(n *yaml.Node, base string) []refSite {
	var out []refSite
	var path []string
	var walk func(n *yaml.Node)
	walk = func(n *yaml.Node) {
		switch n.Kind {
		case yaml.DocumentNode:
			for _, c := range n.Content {
				walk(c)
			}
		case yaml.SequenceNode:
			for i, c := range n.Content {
				path = append(path, strconv.Itoa(i))
				walk(c)
				path = path[:len(path)-1]
			}
		case yaml.MappingNode:
			for i := 0; i+1 < len(n.Content); i += 2 {
				k, v := n.Content[i], n.Content[i+1]
				if isDataKey(k.Value) {
					continue // example payloads and extension values may hold "$ref" as data
				}
				if k.Value == "examples" && v.Kind == yaml.MappingNode {
					path = append(path, k.Value)
					for j := 0; j+1 < len(v.Content); j += 2 {
						// An Example object may be a $ref; its value is data.
						if r := source.Lookup(v.Content[j+1], "$ref"); r != nil {
							path = append(path, v.Content[j].Value)
							walk(&yaml.Node{Kind: yaml.MappingNode, Content: []*yaml.Node{{Kind: yaml.ScalarNode, Value: "$ref"}, r}})
							path = path[:len(path)-1]
						}
					}
					path = path[:len(path)-1]
					continue
				}
				if k.Value == "$ref" && v.Kind == yaml.ScalarNode && !strings.HasPrefix(v.Value, "#") && !isBareName(v.Value) {
					ptr := base
					for _, p := range path {
						ptr = source.Pointer(ptr, p)
					}
					out = append(out, refSite{v, source.Pointer(ptr, "$ref")})
					continue
				}
				if v.Kind == yaml.MappingNode || v.Kind == yaml.SequenceNode {
					path = append(path, k.Value)
					walk(v)
					path = path[:len(path)-1]
				}
			}
		}
	}
	walk(n)
	return out
}

// isDataKey tells whether a key's value is data rather than OpenAPI
// structure: examples, defaults, enums, consts and extension values.
func isDataKey(k string) bool {
	switch k {
	case "example", "default", "enum", "const":
		return true
	}
	return strings.HasPrefix(k, "x-")
}

// refs applies the $ref policy to d: without AllowRefs every external $ref
// is an error; with it, files below the folder are read through os.Root
// (which refuses "../" and symbolic links that leave the folder), and the
// $refs inside them are followed the same way. URLs are never fetched.
func (l *loader) refs(d *Document) error {
	sites := findRefs(d.Root, d.Pointer)
	if len(sites) == 0 {
		return nil
	}
	var root *os.Root
	var absRoot string
	if l.opts.AllowRefs != "" {
		var err error
		if root, err = os.OpenRoot(l.opts.AllowRefs); err != nil {
			return fmt.Errorf("opening the --allow-refs folder: %w", err)
		}
		defer root.Close()
		if absRoot, err = filepath.Abs(l.opts.AllowRefs); err != nil {
			return err
		}
	}
	trees := map[string]*yaml.Node{}
	type pending struct {
		file  string // path of the file the $refs stand in
		sites []refSite
	}
	queue := []pending{{l.File, sites}}
	for len(queue) > 0 {
		p := queue[0]
		queue = queue[1:]
		for _, s := range p.sites {
			ref := s.value.Value
			refDiag := func(code diag.Code, format string, args ...any) {
				l.Append(diag.Diagnostic{Severity: diag.Error, Code: code, File: p.file, Pointer: s.ptr,
					Line: s.value.Line, Column: s.value.Column, Message: fmt.Sprintf(format, args...)})
			}
			target, fragment, _ := strings.Cut(ref, "#")
			switch {
			case isURL(target):
				refDiag(diag.NetworkRef, "$ref %q names a URL; the network is never used: download the file and pass --allow-refs with its folder", ref)
				continue
			case root == nil:
				refDiag(diag.ExternalRef, "$ref %q names another file, which is not read: pass --allow-refs DIR to allow files below DIR, or inline the definition", ref)
				continue
			}
			abs, err := filepath.Abs(filepath.Join(filepath.Dir(p.file), filepath.FromSlash(target)))
			if err != nil {
				refDiag(diag.RefUnreadable, "$ref %q: %v", ref, err)
				continue
			}
			rel, err := filepath.Rel(absRoot, abs)
			if err != nil {
				rel = abs
			}
			er := &ExternalRef{Ref: ref, File: p.file, Pointer: s.ptr, Line: s.value.Line, Column: s.value.Column,
				Target: filepath.ToSlash(rel), Fragment: fragment}
			if t, ok := trees[rel]; ok {
				er.Tree = t
				d.Refs = append(d.Refs, er)
				continue
			}
			// os.Root refuses paths that leave the folder, so rel is passed as is.
			data, err := source.ReadFileIn(root, l.opts.AllowRefs, rel, l.opts.Limits)
			if err != nil {
				var le *source.LimitError
				if errors.As(err, &le) {
					return le
				}
				refDiag(diag.RefUnreadable, "$ref %q cannot be read below the --allow-refs folder %s: %v", ref, l.opts.AllowRefs, err)
				continue
			}
			name := filepath.Join(l.opts.AllowRefs, rel)
			tree, _, err := source.Parse(name, data, l.opts.Limits)
			if err != nil {
				var se *source.SyntaxError
				if errors.As(err, &se) {
					refDiag(diag.RefUnreadable, "$ref %q: %s", ref, se.Error())
					continue
				}
				return err
			}
			trees[rel] = tree
			er.Tree = tree
			d.Refs = append(d.Refs, er)
			queue = append(queue, pending{name, findRefs(tree, "")})
		}
	}
	return nil
}

// isURL tells whether a $ref target names a network location.
func isURL(s string) bool {
	return strings.Contains(s, "://") || strings.HasPrefix(s, "//")
}

// refChains refuses a document whose $refs form a chain (a $ref naming a
// value that is itself only a $ref, and so on) longer than
// source.MaxRefHops: resolvers walk such chains again for each reference
// into them, so their work grows with the square of the length. Each
// reference is followed once; a cycle counts its distinct links.
func (l *loader) refChains(d *Document) error {
	length := map[*yaml.Node]int{} // chain length from a reference object
	check := func(n *yaml.Node) error {
		if _, done := length[n]; done {
			return nil
		}
		var path []*yaml.Node
		onPath := map[*yaml.Node]bool{}
		cur := Target{Node: n, File: d.fileOf(n)}
		base := 0
		for {
			ref := source.Get(cur.Node, "$ref")
			if ref == nil || ref.Kind != yaml.ScalarNode || onPath[cur.Node] {
				break
			}
			if known, done := length[cur.Node]; done {
				base = known
				break
			}
			path = append(path, cur.Node)
			onPath[cur.Node] = true
			next, ok := d.refTarget(cur, ref.Value)
			if !ok || next.Node == nil {
				break
			}
			next.Node = source.Resolve(next.Node)
			cur = next
		}
		for i, p := range path {
			length[p] = base + len(path) - i
		}
		if len(path) > 0 && length[n] > source.MaxRefHops {
			ref := source.Lookup(n, "$ref")
			file := d.File
			if f := d.fileOf(n); f != "" {
				file = filepath.Join(l.opts.AllowRefs, filepath.FromSlash(f))
			}
			return &source.LimitError{Limit: source.LimitRefChain, Code: diag.LimitRefChain, File: file, Line: ref.Line, Column: ref.Column,
				Message: fmt.Sprintf("this $ref starts a chain of %d references, each naming a value that is only another $ref; more than %d is refused: point the $ref at the value it means", length[n], source.MaxRefHops)}
		}
		return nil
	}
	var walk func(n *yaml.Node) error
	walk = func(n *yaml.Node) error {
		switch n.Kind {
		case yaml.DocumentNode, yaml.SequenceNode:
			for _, c := range n.Content {
				if err := walk(c); err != nil {
					return err
				}
			}
		case yaml.MappingNode:
			for i := 0; i+1 < len(n.Content); i += 2 {
				k, v := n.Content[i], n.Content[i+1]
				switch {
				case k.Value == "$ref" && v.Kind == yaml.ScalarNode:
					if err := check(n); err != nil {
						return err
					}
				case isDataKey(k.Value):
				default:
					if err := walk(v); err != nil {
						return err
					}
				}
			}
		}
		return nil
	}
	if err := walk(d.Root); err != nil {
		return err
	}
	seen := map[*yaml.Node]bool{}
	for _, r := range d.Refs {
		if r.Tree != nil && !seen[r.Tree] {
			seen[r.Tree] = true
			if err := walk(r.Tree); err != nil {
				return err
			}
		}
	}
	return nil
}
