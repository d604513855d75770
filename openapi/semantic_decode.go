package openapi

import (
	"runtime"
	"strconv"
	"strings"
	"sync"

	"github.com/apigw/apigw/extensions"
	"github.com/apigw/apigw/extensions/source"
	"github.com/getkin/kin-openapi/openapi3"
	"go.yaml.in/yaml/v4"
)

// Decoding goes from the source tree into kin-openapi's types through their
// UnmarshalYAML methods, which read each node once. Their UnmarshalJSON
// methods decode every object twice (into the struct and into a map for the
// extensions), at every level, which costs about four times as much on an
// extension-heavy document.

// documentVersion reads the top-level swagger or openapi field: it returns
// ("2.0", "") for Swagger, ("", "3.x.y") for OpenAPI, or empty strings.
func documentVersion(root *yaml.Node) (swagger, openapi string) {
	root = source.Resolve(root)
	if root == nil || root.Kind != yaml.MappingNode {
		return "", ""
	}
	if v := source.Child(root, "swagger"); v != nil && v.Kind == yaml.ScalarNode {
		swagger = v.Value
	}
	if v := source.Child(root, "openapi"); v != nil && v.Kind == yaml.ScalarNode {
		openapi = v.Value
	}
	return swagger, openapi
}

// sanitizer rewrites what kin-openapi's decoder cannot take into plain
// strings, copying only the nodes on the way to a change so the source tree
// itself is never modified, and notes every $ref on the way.
type sanitizer struct {
	memo map[*yaml.Node]*yaml.Node // anchored nodes already visited
	// cycle is an alias found inside the value it names, if any.
	cycle *yaml.Node
	// dropExtensions replaces the value of every x- key with emptyExtension.
	dropExtensions bool
	// bareRefBase completes a bare-name $ref: "#/definitions/" or "#/components/schemas/".
	bareRefBase string
	refs        []semRefSite
	tokens      []string // pointer tokens from the document root to the node being visited
}

// semRefSite is a $ref found in the tree: its value node and the pointer of the
// object holding it.
type semRefSite struct {
	node   *yaml.Node
	owner  string
	target string // the $ref, with a bare name completed
}

// isBareName reports whether a $ref is a bare name such as "Pet": no
// fragment, path, file extension or scheme.
func isBareName(ref string) bool {
	return ref != "" && !strings.ContainsAny(ref, "#/.:")
}

// sanitize returns n, or a copy of it in which CloudFormation intrinsics
// (!Sub, {"Fn::Sub": …}, {"Ref": …}) became strings, timestamps and non-string
// keys became strings, and infinities became strings.
func (s *sanitizer) sanitize(n *yaml.Node, parentKey string) *yaml.Node {
	if n == nil {
		return nil
	}
	switch n.Kind {
	case yaml.DocumentNode:
		if len(n.Content) == 0 {
			return n
		}
		c := s.sanitize(n.Content[0], parentKey)
		if c == n.Content[0] {
			return n
		}
		cp := *n
		cp.Content = []*yaml.Node{c}
		return &cp
	case yaml.AliasNode:
		if s.memo == nil {
			s.memo = map[*yaml.Node]*yaml.Node{}
		}
		t, seen := s.memo[n.Alias]
		if seen && t == nil {
			// The alias is inside the value it names: decoding it would never end.
			s.cycle = n
			return n
		}
		if !seen {
			s.memo[n.Alias] = nil // in progress
			t = s.sanitize(n.Alias, parentKey)
			s.memo[n.Alias] = t
		}
		if t == n.Alias {
			return n
		}
		cp := *n
		cp.Alias = t
		return &cp
	case yaml.ScalarNode:
		if tag := scalarTagFix(n, parentKey); tag != "" {
			cp := *n
			cp.Tag = tag
			return &cp
		}
		return n
	}
	if branch := ifBranch(n); branch != nil {
		return s.sanitize(branch, parentKey)
	}
	if isLocalTag(n.Tag) || n.Kind == yaml.MappingNode && intrinsicName(n) != "" {
		return intrinsicString(n)
	}
	var out []*yaml.Node // nil until something changes
	if n.Kind == yaml.MappingNode {
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			nk := k
			if k.Kind == yaml.ScalarNode && k.Tag != "!!str" && !source.IsMergeKey(k) && k.Tag != "!!null" {
				cp := *k
				cp.Tag = "!!str"
				nk = &cp
			}
			var nv *yaml.Node
			switch {
			case k.Value == "$ref" && v.Kind == yaml.ScalarNode && parentKey != "properties":
				site := semRefSite{node: v, owner: source.JoinPointer("", s.tokens...), target: v.Value}
				nv = v
				if isBareName(v.Value) && s.bareRefBase != "" {
					// `$ref: Pet` is read by API Gateway's importer as a
					// definition's name; kin-openapi needs the pointer.
					cp := *v
					cp.Value = s.bareRefBase + v.Value
					nv, site.target = &cp, cp.Value
				}
				s.refs = append(s.refs, site)
			case s.dropExtensions && strings.HasPrefix(k.Value, "x-") && parentKey != "properties":
				nv = emptyExtension
			case strings.HasPrefix(k.Value, "x-") || isValueKey(k.Value) && parentKey != "properties":
				// Extension values and example data are not OpenAPI objects:
				// their $refs are data, but intrinsics still become strings.
				s.tokens = append(s.tokens, k.Value)
				refs := len(s.refs)
				nv = s.sanitize(v, k.Value)
				s.refs = s.refs[:refs]
				s.tokens = s.tokens[:len(s.tokens)-1]
			default:
				s.tokens = append(s.tokens, k.Value)
				nv = s.sanitize(v, k.Value)
				s.tokens = s.tokens[:len(s.tokens)-1]
			}
			if (nk != k || nv != v) && out == nil {
				out = make([]*yaml.Node, len(n.Content))
				copy(out, n.Content[:i])
			}
			if out != nil {
				out[i], out[i+1] = nk, nv
			}
		}
	} else {
		for i, e := range n.Content {
			s.tokens = append(s.tokens, strconv.Itoa(i))
			ne := s.sanitize(e, "")
			s.tokens = s.tokens[:len(s.tokens)-1]
			if ne != e && out == nil {
				out = make([]*yaml.Node, len(n.Content))
				copy(out, n.Content[:i])
			}
			if out != nil {
				out[i] = ne
			}
		}
	}
	if out == nil {
		return n
	}
	cp := *n
	cp.Content = out
	return &cp
}

// emptyExtension stands for an extension's value in kin-openapi's view when
// only the source tree's copy is read: an empty object.
var emptyExtension = &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}

// isValueKey reports whether key holds data rather than OpenAPI objects.
func isValueKey(key string) bool {
	switch key {
	case "example", "default", "enum", "const", "value":
		return true
	}
	return false
}

// textFields are OpenAPI fields that hold text. YAML reads an unquoted
// `version: 1.0` as a number, which API Gateway's import takes as the text
// it is written as; kin-openapi refuses it, so it is retagged as a string.
var textFields = map[string]bool{
	"swagger": true, "openapi": true, "version": true, "title": true, "description": true,
	"summary": true, "operationId": true, "name": true, "format": true, "pattern": true,
	"url": true, "email": true, "host": true, "basePath": true, "termsOfService": true,
	"scheme": true, "bearerFormat": true, "tokenUrl": true, "authorizationUrl": true,
	"refreshUrl": true, "openIdConnectUrl": true, "propertyName": true, "contentType": true,
}

// scalarTagFix returns the tag a scalar under key must get for kin-openapi, or "".
func scalarTagFix(n *yaml.Node, key string) string {
	switch {
	case isLocalTag(n.Tag), n.Tag == "!!timestamp":
		return "!!str"
	case textFields[key] && (n.Tag == "!!int" || n.Tag == "!!float" || n.Tag == "!!bool"):
		return "!!str"
	case n.Tag == "!!float":
		switch strings.ToLower(strings.TrimLeft(n.Value, "+-")) {
		case ".inf", ".nan":
			return "!!str"
		}
	}
	return ""
}

// isLocalTag reports whether tag is a local tag such as CloudFormation's !Sub.
func isLocalTag(tag string) bool {
	return strings.HasPrefix(tag, "!") && !strings.HasPrefix(tag, "!!")
}

// intrinsicName returns "Ref" or "Fn::…" when the mapping n is a
// CloudFormation intrinsic function call, or "".
func intrinsicName(n *yaml.Node) string {
	if len(n.Content) != 2 {
		return ""
	}
	k, v := n.Content[0].Value, source.Resolve(n.Content[1])
	switch {
	case k == "Ref" && v != nil && v.Kind == yaml.ScalarNode:
		return k
	case strings.HasPrefix(k, "Fn::"):
		return k
	}
	return ""
}

// ifBranch returns the branch of a CloudFormation Fn::If (or !If) that
// kin-openapi sees: the first one that is not AWS::NoValue (see
// extensions.IfBranches), or nil. CloudFormation resolves the condition
// before API Gateway reads the document, so either branch is a document API
// Gateway may get; the document checks read every branch.
func ifBranch(n *yaml.Node) *yaml.Node {
	var first *yaml.Node
	extensions.IfBranches(n, "", func(b *yaml.Node, _ string) {
		if first == nil {
			first = b
		}
	})
	return first
}

// intrinsicString stands in for an intrinsic in kin-openapi's view: the text
// of a !Sub or Fn::Sub template, else the function's name in ${…}.
func intrinsicString(n *yaml.Node) *yaml.Node {
	name := strings.TrimPrefix(n.Tag, "!")
	arg := n
	if n.Kind == yaml.MappingNode {
		name, arg = strings.TrimPrefix(n.Content[0].Value, "Fn::"), source.Resolve(n.Content[1])
	}
	text := "${" + name + "}"
	if name == "Sub" {
		if arg.Kind == yaml.SequenceNode && len(arg.Content) > 0 {
			arg = source.Resolve(arg.Content[0])
		}
		if arg != nil && arg.Kind == yaml.ScalarNode {
			text = arg.Value
		}
	}
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: text, Line: n.Line, Column: n.Column}
}

// decodeV3 decodes an OpenAPI 3 document from its (sanitized) node. Path
// items are decoded in parallel: each is independent of the others.
func decodeV3(root *yaml.Node) (*openapi3.T, []pathDecodeError, error) {
	root = source.Resolve(root)
	doc := &openapi3.T{}
	paths := source.Child(root, "paths")
	if root.Kind != yaml.MappingNode || paths == nil || paths.Kind != yaml.MappingNode {
		return doc, nil, root.Decode(doc)
	}
	top := *root
	top.Content = make([]*yaml.Node, 0, len(root.Content))
	for i := 0; i+1 < len(root.Content); i += 2 {
		if root.Content[i].Value != "paths" {
			top.Content = append(top.Content, root.Content[i], root.Content[i+1])
		}
	}

	n := len(paths.Content) / 2
	items := make([]*openapi3.PathItem, n)
	errs := make([]error, n)
	var wg sync.WaitGroup
	var next sync.Mutex
	cursor := 0
	const chunk = 16
	work := func() {
		defer wg.Done()
		for {
			next.Lock()
			from := cursor
			cursor += chunk
			next.Unlock()
			if from >= n {
				return
			}
			for i := from; i < min(from+chunk, n); i++ {
				k, v := paths.Content[2*i], paths.Content[2*i+1]
				if strings.HasPrefix(k.Value, "x-") {
					continue
				}
				item := &openapi3.PathItem{}
				if err := v.Decode(item); err != nil {
					errs[i] = err
					continue
				}
				items[i] = item
			}
		}
	}
	const perWorker = 64 // path items worth a goroutine
	workers := max(1, min(runtime.GOMAXPROCS(0), 8, n/perWorker))
	wg.Add(workers)
	for range workers - 1 {
		go work()
	}
	var topErr error
	// The rest of the document is decoded while the workers run.
	topErr = top.Decode(doc)
	work()
	wg.Wait()
	if topErr != nil {
		return doc, nil, topErr
	}

	var ext yaml.Node // the paths object's own x- keys
	ext.Kind, ext.Tag = yaml.MappingNode, "!!map"
	doc.Paths = openapi3.NewPathsWithCapacity(n)
	var perrs []pathDecodeError
	for i := range n {
		k := paths.Content[2*i]
		switch {
		case strings.HasPrefix(k.Value, "x-"):
			ext.Content = append(ext.Content, k, paths.Content[2*i+1])
		case errs[i] != nil:
			perrs = append(perrs, pathDecodeError{path: k.Value, err: errs[i]})
		default:
			doc.Paths.Set(k.Value, items[i])
		}
	}
	if len(ext.Content) > 0 {
		var p openapi3.Paths
		if err := ext.Decode(&p); err == nil {
			doc.Paths.Extensions = p.Extensions
		}
	}
	return doc, perrs, nil
}

// pathDecodeError is a path item that could not be decoded.
type pathDecodeError struct {
	path string
	err  error
}
