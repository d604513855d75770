package openapi

import (
	"strings"

	"github.com/apigw/apigw/extensions/source"
	"go.yaml.in/yaml/v4"
)

// Target is where a $ref leads.
type Target struct {
	// Node is the value reached.
	Node *yaml.Node
	// Pointer is its pointer: absolute in the document's file, or in File.
	Pointer string
	// File is "" for the document's own file, or the file an external $ref
	// read (relative to the allowed folder).
	File string
}

// followed is one answer of Follow.
type followed struct {
	t  Target
	ok bool
}

// Follow resolves n while it is an object {"$ref": …} and returns the value
// reached; ptr is n's own absolute pointer. Local references resolve in the
// file the node belongs to, a bare name ("Pet") names a definition as API
// Gateway's import reads it, and references to files that Load read (with
// AllowRefs) are followed into them. ok is false when a reference names
// nothing that can be reached; the last value reached is returned then.
// Each reference is resolved once: the answer is kept for the next call.
// Follow is safe for concurrent use.
func (d *Document) Follow(n *yaml.Node, ptr string) (t Target, ok bool) {
	start := source.Resolve(n)
	if ref := source.Get(start, "$ref"); ref == nil || ref.Kind != yaml.ScalarNode {
		return Target{Node: start, Pointer: ptr, File: d.fileOf(start)}, true
	}
	d.followMu.Lock()
	f, hit := d.followed[start]
	d.followMu.Unlock()
	if hit {
		return f.t, f.ok
	}
	t, ok = d.follow(start, ptr)
	if t.Node == start {
		return t, ok // not one step taken: the answer holds ptr, which differs between aliases
	}
	d.followMu.Lock()
	if d.followed == nil {
		d.followed = map[*yaml.Node]followed{}
	}
	d.followed[start] = followed{t, ok}
	d.followMu.Unlock()
	return t, ok
}

// follow is Follow without the memory.
func (d *Document) follow(n *yaml.Node, ptr string) (t Target, ok bool) {
	t = Target{Node: n, Pointer: ptr, File: d.fileOf(n)}
	for range source.MaxRefHops {
		ref := source.Get(t.Node, "$ref")
		if ref == nil || ref.Kind != yaml.ScalarNode {
			return t, true
		}
		next, ok := d.refTarget(t, ref.Value)
		if !ok {
			return t, false
		}
		t = next
	}
	// MaxRefHops links taken: the chain may end just here.
	ref := source.Get(t.Node, "$ref")
	return t, ref == nil || ref.Kind != yaml.ScalarNode
}

// refTarget resolves one $ref written in the value at from.
func (d *Document) refTarget(from Target, ref string) (Target, bool) {
	if isBareName(ref) {
		ref = d.bareRefBase() + ref
	}
	if strings.HasPrefix(ref, "#") {
		ptr, _ := source.RefPointer(ref)
		if from.File == "" {
			n := source.NodeAt(d.Root, ptr)
			return Target{Node: n, Pointer: d.Pointer + ptr}, n != nil
		}
		for _, r := range d.Refs {
			if r.Target == from.File && r.Tree != nil {
				n := source.NodeAt(r.Tree, ptr)
				return Target{Node: n, Pointer: ptr, File: r.Target}, n != nil
			}
		}
		return Target{}, false
	}
	for _, r := range d.Refs {
		if r.Ref == ref && r.Tree != nil {
			ptr, _ := source.RefPointer("#" + r.Fragment)
			n := source.NodeAt(r.Tree, ptr)
			return Target{Node: n, Pointer: ptr, File: r.Target}, n != nil
		}
	}
	return Target{}, false
}

// bareRefBase completes a bare-name $ref.
func (d *Document) bareRefBase() string {
	if d.Kind == Swagger2 {
		return "#/definitions/"
	}
	return "#/components/schemas/"
}

// fileOf returns the external file a node was read from, or "" for the
// document's own file. The nodes of each external file are indexed once,
// at the first call, which comes after Load has read them all.
func (d *Document) fileOf(n *yaml.Node) string {
	if len(d.Refs) == 0 || n == nil {
		return ""
	}
	d.extFileOnce.Do(func() {
		d.extFile = map[*yaml.Node]string{}
		for _, r := range d.Refs {
			if r.Tree != nil {
				markFile(d.extFile, r.Tree, r.Target)
			}
		}
	})
	return d.extFile[n]
}

func markFile(m map[*yaml.Node]string, n *yaml.Node, file string) {
	if _, done := m[n]; done {
		return
	}
	m[n] = file
	for _, c := range n.Content {
		markFile(m, c, file)
	}
}

// schemaAt describes the schema n written at ptr, its $refs followed.
func (d *Document) schemaAt(n *yaml.Node, ptr string) *Schema {
	n = source.Resolve(n)
	if n == nil {
		return nil
	}
	s := &Schema{Node: n, Pointer: ptr, Ref: source.Scalar(source.Get(n, "$ref"))}
	t, ok := d.Follow(n, ptr)
	s.Target, s.TargetPointer, s.File, s.Resolved = t.Node, t.Pointer, t.File, ok
	if s.Ref != "" {
		ref := s.Ref
		if isBareName(ref) {
			ref = d.bareRefBase() + ref
		}
		if p, local := source.RefPointer(ref); local {
			for _, base := range []string{"/definitions/", "/components/schemas/"} {
				if name, ok := strings.CutPrefix(p, base); ok && !strings.Contains(name, "/") {
					s.Name = source.UnescapeToken(name)
				}
			}
		}
	}
	return s
}
