package source

import (
	"net/url"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v4"
)

// JSON pointers (RFC 6901) and local references, for every package that
// locates values in a source tree.

// Pointer appends key to the JSON pointer ptr, escaping "~" and "/".
func Pointer(ptr string, key string) string {
	return ptr + "/" + EscapeToken(key)
}

// JoinPointer appends tokens, each escaped, to the pointer ptr.
func JoinPointer(ptr string, tokens ...string) string {
	var b strings.Builder
	b.WriteString(ptr)
	for _, t := range tokens {
		b.WriteByte('/')
		b.WriteString(EscapeToken(t))
	}
	return b.String()
}

// PointerIndex appends the index i to the JSON pointer ptr.
func PointerIndex(ptr string, i int) string {
	return ptr + "/" + strconv.Itoa(i)
}

var (
	tokenEscaper   = strings.NewReplacer("~", "~0", "/", "~1")
	tokenUnescaper = strings.NewReplacer("~1", "/", "~0", "~")
)

// EscapeToken escapes one pointer token: "~" is written "~0" and "/" "~1".
func EscapeToken(t string) string {
	// Two byte searches take a third of the time strings.ContainsAny
	// does, which builds a set each call; every pointer built goes here.
	if strings.IndexByte(t, '~') < 0 && strings.IndexByte(t, '/') < 0 {
		return t
	}
	return tokenEscaper.Replace(t)
}

// UnescapeToken undoes EscapeToken.
func UnescapeToken(t string) string {
	if !strings.Contains(t, "~") {
		return t
	}
	return tokenUnescaper.Replace(t)
}

// RefPointer returns the JSON pointer of a local reference ("#/components/
// schemas/Pet" gives "/components/schemas/Pet"), percent-decoded as a URI
// fragment is; ok is false for a reference to another file or a URL.
func RefPointer(ref string) (ptr string, ok bool) {
	frag, ok := strings.CutPrefix(ref, "#")
	if !ok {
		return "", false
	}
	if strings.Contains(frag, "%") {
		if u, err := url.PathUnescape(frag); err == nil {
			frag = u
		}
	}
	return frag, true
}

// RefTo returns the local reference ("#/definitions/Pet") of a pointer,
// percent-encoding what may not stand in a URI fragment.
func RefTo(ptr string) string {
	var b strings.Builder
	b.WriteByte('#')
	for _, c := range []byte(ptr) {
		if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || strings.IndexByte("-._~!$&'()*+,;=:@/", c) >= 0 {
			b.WriteByte(c)
			continue
		}
		const hex = "0123456789ABCDEF"
		b.WriteByte('%')
		b.WriteByte(hex[c>>4])
		b.WriteByte(hex[c&15])
	}
	return b.String()
}

// NodeAt returns the node that pointer names below root, or nil when there
// is none. Aliases are followed, a document node is unwrapped, keys merged
// in with YAML's "<<" are found, and "" names root itself.
func NodeAt(root *yaml.Node, pointer string) *yaml.Node {
	n, rest := NearestNode(root, pointer, nil)
	if rest != "" {
		return nil
	}
	return n
}

// ChildFunc finds the value under key in mapping m; NearestNode's default
// is an exact match, merge keys included.
type ChildFunc func(m *yaml.Node, key string) *yaml.Node

// NearestNode walks pointer from root as far as it goes and returns the
// deepest node found, with the part of pointer it could not follow ("" when
// all of it was found). A pointer that does not start with "/" finds root.
// child, when not nil, looks keys up in mappings (dumps match keys without
// regard to case, for instance).
func NearestNode(root *yaml.Node, pointer string, child ChildFunc) (*yaml.Node, string) {
	if child == nil {
		child = mappingChild
	}
	n := Resolve(root)
	if n == nil || pointer == "" {
		return n, ""
	}
	if pointer[0] != '/' {
		return n, pointer
	}
	rest := pointer
	for rest != "" {
		token, next := rest[1:], ""
		if i := strings.IndexByte(token, '/'); i >= 0 {
			token, next = token[:i], token[i:]
		}
		var c *yaml.Node
		switch key := UnescapeToken(token); n.Kind {
		case yaml.MappingNode:
			c = Resolve(child(n, key))
		case yaml.SequenceNode:
			c = sequenceChild(n, key)
		}
		if c == nil {
			return n, rest
		}
		n, rest = c, next
	}
	return n, ""
}

// Child returns the value under key in a mapping (keys merged with "<<"
// included) or the element at the index key in a sequence, aliases
// followed; nil when there is none.
func Child(n *yaml.Node, key string) *yaml.Node {
	n = Resolve(n)
	if n == nil {
		return nil
	}
	switch n.Kind {
	case yaml.MappingNode:
		return Resolve(mappingChild(n, key))
	case yaml.SequenceNode:
		return sequenceChild(n, key)
	}
	return nil
}

// sequenceChild returns the element at the index key, which RFC 6901 writes
// without leading zeros.
func sequenceChild(n *yaml.Node, key string) *yaml.Node {
	i, err := strconv.Atoi(key)
	if err != nil || i < 0 || i >= len(n.Content) || (len(key) > 1 && key[0] == '0') || key[0] == '+' || key[0] == '-' {
		return nil
	}
	return Resolve(n.Content[i])
}

// mappingChild returns the value under key in mapping n, looking in keys
// merged with "<<" when the mapping itself has none.
func mappingChild(n *yaml.Node, key string) *yaml.Node {
	for i := len(n.Content) - 2; i >= 0; i -= 2 {
		k := Resolve(n.Content[i])
		if k != nil && k.Kind == yaml.ScalarNode && k.Value == key && !IsMergeKey(k) {
			return n.Content[i+1]
		}
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if IsMergeKey(n.Content[i]) {
			if v := mergedChild(Resolve(n.Content[i+1]), key); v != nil {
				return v
			}
		}
	}
	return nil
}

// mergedChild looks key up in the mapping (or list of mappings) of a merge key.
func mergedChild(m *yaml.Node, key string) *yaml.Node {
	switch {
	case m == nil:
		return nil
	case m.Kind == yaml.SequenceNode:
		for _, e := range m.Content {
			if v := mergedChild(Resolve(e), key); v != nil {
				return v
			}
		}
	case m.Kind == yaml.MappingNode:
		return mappingChild(m, key)
	}
	return nil
}

// LocalRef returns the node a local reference names below root, and its
// pointer; nil when ref is not local or names nothing.
func LocalRef(root *yaml.Node, ref string) (*yaml.Node, string) {
	ptr, ok := RefPointer(ref)
	if !ok {
		return nil, ""
	}
	n := NodeAt(root, ptr)
	if n == nil {
		return nil, ""
	}
	return n, ptr
}

// MaxRefHops bounds how many local references Follow goes through, so a
// cycle of references ends. It is also the longest chain of references
// (a $ref naming a value that is itself only a $ref, and so on) a document
// may hold: openapi.Load refuses a longer one (LimitRefChain).
const MaxRefHops = 32

// Follow resolves n while it is an object {"$ref": "#/…"} naming a value
// below root, and returns the value reached and its pointer. ptr is n's own
// pointer, returned when n is not a reference. A reference to another file,
// to nothing, or a chain longer than MaxRefHops stops the walk: the last
// node reached is returned with ok false.
func Follow(root, n *yaml.Node, ptr string) (target *yaml.Node, targetPtr string, ok bool) {
	n = Resolve(n)
	for range MaxRefHops {
		ref := Get(n, "$ref")
		if ref == nil || ref.Kind != yaml.ScalarNode {
			return n, ptr, true
		}
		t, p := LocalRef(root, ref.Value)
		if t == nil {
			return n, ptr, false
		}
		n, ptr = t, p
	}
	// MaxRefHops links taken: the chain may end just here.
	ref := Get(n, "$ref")
	return n, ptr, ref == nil || ref.Kind != yaml.ScalarNode
}
