package source

import (
	"go.yaml.in/yaml/v4"
)

// jsonPair is one member of a JSON object, with its key already a string.
type jsonPair struct {
	key   string
	value *yaml.Node
}

// pairs lists a mapping's members in order, applying merge keys: merged
// members go where the << key stands, and a key written in the mapping
// itself, or by an earlier merge source, wins.
func (w *jsonWriter) pairs(n *yaml.Node, ptr string) ([]jsonPair, error) {
	explicit := map[string]bool{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if k := deref(n.Content[i]); !IsMergeKey(k) {
			key, err := jsonKey(k, ptr)
			if err != nil {
				return nil, err
			}
			if explicit[key] {
				return nil, pathError(ptr, k, "key %q appears twice once written as JSON; rename one", key)
			}
			explicit[key] = true
		}
	}
	var out []jsonPair
	seen := map[string]bool{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := deref(n.Content[i]), n.Content[i+1]
		if !IsMergeKey(k) {
			key, _ := jsonKey(k, ptr)
			seen[key] = true
			out = append(out, jsonPair{key, v})
			continue
		}
		merged, err := w.mergeSources(v, ptr)
		if err != nil {
			return nil, err
		}
		for _, p := range merged {
			if !explicit[p.key] && !seen[p.key] {
				seen[p.key] = true
				out = append(out, p)
			}
		}
	}
	return out, nil
}

// mergeSources returns the members a << value brings: one mapping, or a
// sequence of mappings where the earlier ones win.
func (w *jsonWriter) mergeSources(v *yaml.Node, ptr string) ([]jsonPair, error) {
	var sources []*yaml.Node
	switch d := deref(v); d.Kind {
	case yaml.MappingNode:
		sources = []*yaml.Node{v}
	case yaml.SequenceNode:
		sources = d.Content
	default:
		return nil, pathError(ptr, v, "merge key << needs a mapping or a list of mappings")
	}
	var out []jsonPair
	seen := map[string]bool{}
	for _, src := range sources {
		target := deref(src)
		if target.Kind != yaml.MappingNode {
			return nil, pathError(ptr, src, "merge key << needs a mapping or a list of mappings")
		}
		if w.active[target] {
			return nil, pathError(ptr, src, "merge key << refers to a mapping that contains it")
		}
		w.active[target] = true
		ps, err := w.pairs(target, ptr)
		delete(w.active, target)
		if err != nil {
			return nil, err
		}
		for _, p := range ps {
			if !seen[p.key] {
				seen[p.key] = true
				out = append(out, p)
			}
		}
	}
	return out, nil
}

// IsMergeKey tells whether a key is YAML's merge key (<< written plain).
func IsMergeKey(k *yaml.Node) bool {
	return k.Kind == yaml.ScalarNode && ScalarTag(k) == TagMerge
}

// deref follows aliases to the node they name.
func deref(n *yaml.Node) *yaml.Node {
	for n != nil && n.Kind == yaml.AliasNode && n.Alias != nil {
		n = n.Alias
	}
	return n
}

// jsonKey writes a mapping key as a JSON string: strings as they are, numbers
// in their JSON form, booleans and null by name.
func jsonKey(k *yaml.Node, ptr string) (string, error) {
	if k.Kind != yaml.ScalarNode {
		return "", pathError(ptr, k, "a %s as a mapping key has no JSON form; use a string key", kindName(k.Kind))
	}
	if isCustomTag(k.Tag) {
		return "", pathError(ptr, k, "tag %s on a mapping key has no JSON form; write the key without it", k.Tag)
	}
	switch ScalarTag(k) {
	case TagInt:
		if s, err := jsonInt(k.Value); err == nil {
			return s, nil
		}
	case TagFloat:
		if s, err := jsonFloat(k.Value); err == nil {
			return s, nil
		}
	case TagBool:
		if b, ok := yamlBool(k.Value); ok {
			return b, nil
		}
	case TagNull:
		return "null", nil
	}
	return k.Value, nil
}

// kindName names a node kind in messages.
func kindName(k yaml.Kind) string {
	switch k {
	case yaml.MappingNode:
		return "mapping"
	case yaml.SequenceNode:
		return "sequence"
	case yaml.ScalarNode:
		return "scalar"
	case yaml.AliasNode:
		return "alias"
	case yaml.DocumentNode:
		return "document"
	}
	return "node"
}
