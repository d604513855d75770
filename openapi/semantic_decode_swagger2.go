package openapi

import (
	"encoding/json"
	"runtime"
	"sync"

	"github.com/apigw/apigw/extensions/source"
	"github.com/getkin/kin-openapi/openapi2"
	"go.yaml.in/yaml/v4"
)

// decodeSwagger2 decodes a Swagger 2.0 document from its (sanitized) node. The
// openapi2 types decode only JSON, and each object's UnmarshalJSON decodes
// its whole subtree a second time (for its extensions), so the document is
// decoded in parts: the top level without paths and definitions, then each
// path item and each definition on its own, in parallel. The parts are the
// same values a whole decode gives.
func decodeSwagger2(root *yaml.Node) (*openapi2.T, []pathDecodeError, error) {
	root = source.Resolve(root)
	doc := &openapi2.T{}
	paths, defs := source.Child(root, "paths"), source.Child(root, "definitions")
	if root.Kind != yaml.MappingNode || paths != nil && paths.Kind != yaml.MappingNode || defs != nil && defs.Kind != yaml.MappingNode {
		data, err := nodeJSON(root)
		if err == nil {
			err = json.Unmarshal(data, doc)
		}
		return doc, nil, err
	}
	top := *root
	top.Content = make([]*yaml.Node, 0, len(root.Content))
	for i := 0; i+1 < len(root.Content); i += 2 {
		if k := root.Content[i].Value; k != "paths" && k != "definitions" {
			top.Content = append(top.Content, root.Content[i], root.Content[i+1])
		}
	}

	type part struct {
		section string
		key     *yaml.Node
		value   *yaml.Node
		item    *openapi2.PathItem
		schema  *openapi2.SchemaRef
		err     error
	}
	var parts []*part
	for _, sec := range []struct {
		name string
		n    *yaml.Node
	}{{"paths", paths}, {"definitions", defs}} {
		if sec.n == nil {
			continue
		}
		for i := 0; i+1 < len(sec.n.Content); i += 2 {
			parts = append(parts, &part{section: sec.name, key: sec.n.Content[i], value: sec.n.Content[i+1]})
		}
	}
	decode := func(p *part) {
		data, err := nodeJSON(p.value)
		if err != nil {
			p.err = err
			return
		}
		if p.section == "paths" {
			p.item = &openapi2.PathItem{}
			p.err = json.Unmarshal(data, p.item)
		} else {
			p.schema = &openapi2.SchemaRef{}
			p.err = json.Unmarshal(data, p.schema)
		}
	}
	var wg sync.WaitGroup
	var mu sync.Mutex
	next := 0
	work := func() {
		defer wg.Done()
		for {
			mu.Lock()
			i := next
			next++
			mu.Unlock()
			if i >= len(parts) {
				return
			}
			decode(parts[i])
		}
	}
	workers := max(1, min(runtime.GOMAXPROCS(0), 8, len(parts)/64))
	wg.Add(workers)
	for range workers - 1 {
		go work()
	}
	data, err := nodeJSON(&top)
	if err == nil {
		err = json.Unmarshal(data, doc)
	}
	work()
	wg.Wait()
	if err != nil {
		return doc, nil, err
	}

	var perrs []pathDecodeError
	for _, p := range parts {
		switch {
		case p.err != nil:
			perrs = append(perrs, pathDecodeError{path: source.JoinPointer("", p.section, p.key.Value), err: p.err})
		case p.item != nil:
			if doc.Paths == nil {
				doc.Paths = make(map[string]*openapi2.PathItem)
			}
			doc.Paths[p.key.Value] = p.item
		default:
			if doc.Definitions == nil {
				doc.Definitions = make(map[string]*openapi2.SchemaRef)
			}
			doc.Definitions[p.key.Value] = p.schema
		}
	}
	return doc, perrs, nil
}
