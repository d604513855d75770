package openapi

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/apigw/apigw/extensions"
	"github.com/apigw/apigw/extensions/diag"
	"github.com/apigw/apigw/extensions/javaregex"
	"github.com/apigw/apigw/extensions/source"
	"go.yaml.in/yaml/v4"
)

// extPrefix starts every API Gateway extension name.
const extPrefix = "x-amazon-apigateway-"

// anyMethod is the path-item key API Gateway reads as the ANY method.
const anyMethod = "x-amazon-apigateway-any-method"

// operationKeys maps path-item keys that hold operations to their HTTP method.
var operationKeys = map[string]string{
	"get": "GET", "put": "PUT", "post": "POST", "delete": "DELETE", "options": "OPTIONS",
	"head": "HEAD", "patch": "PATCH", "trace": "TRACE", anyMethod: "ANY",
}

// isExtKey tells whether a key names an API Gateway extension; any case, so
// that a miscapitalised name gets a "did you mean" warning from the registry.
func isExtKey(k string) bool {
	return len(k) >= len(extPrefix) && strings.EqualFold(k[:len(extPrefix)], extPrefix)
}

// discovery is one walk of a document that decodes its extensions.
type discovery struct {
	d     *Document
	diags []diag.Diagnostic
	// budget is the time the document's selection patterns may take to check.
	budget *javaregex.Budget
	// exts, ops and branchOps are what the walk found, in document order:
	// the Document's once the walk ends.
	exts           []Extension
	ops, branchOps []*Operation
	// workers is how many goroutines may walk the path items side by side.
	workers int
}

// discover walks every place an extension may stand, decodes the extensions
// API Gateway reads there, warns about those it does not, and records the
// document's operations. Pointers are absolute (they include d.Pointer).
// Up to workers goroutines walk a large paths object, and build the model
// of its operations, side by side.
func (d *Document) discover(workers int) []diag.Diagnostic {
	w := &discovery{d: d, budget: javaregex.NewBudget(javaregex.DefaultBudget), workers: workers}
	root := d.Root
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], source.Resolve(root.Content[i+1])
		ptr := source.Pointer(d.Pointer, k.Value)
		switch {
		case isExtKey(k.Value):
			w.ext(extensions.AtRoot, k, v, ptr, Extension{})
		case k.Value == "paths":
			for _, b := range branches(v, ptr) {
				w.paths(source.Resolve(b.Node), b.Pointer, b.alt)
			}
		case k.Value == "components" && d.Kind != Swagger2:
			w.components(v, ptr)
		case k.Value == "securityDefinitions" && d.Kind == Swagger2:
			w.schemes(v, ptr)
		case k.Value == "servers" && d.Kind != Swagger2:
			w.list(v, ptr, extensions.AtServer, func(item *yaml.Node, i int) string { return strconv.Itoa(i) })
		case k.Value == "tags":
			w.list(v, ptr, extensions.AtTag, func(item *yaml.Node, _ int) string {
				_, n := source.Entry(item, "name")
				return source.Scalar(n)
			})
		default:
			w.elsewhere(v, ptr)
		}
	}
	d.exts, d.ops, d.branchOps = w.exts, w.ops, w.branchOps
	d.resolve(workers)
	return w.diags
}

// pathsPerWorker is how many path items, or operations to resolve, are
// worth a goroutine of their own.
const pathsPerWorker = 64

// paths walks the paths object at ptr; alt says it stands in a later
// branch of an Fn::If (see Document.Operations). A large one is cut into
// runs of path items walked side by side, each by a discovery of its own,
// whose findings are then added in document order.
func (w *discovery) paths(paths *yaml.Node, ptr string, alt bool) {
	if paths == nil || paths.Kind != yaml.MappingNode {
		return
	}
	n := len(paths.Content) / 2
	workers := max(1, min(w.workers, n/pathsPerWorker))
	if workers == 1 {
		w.pathItems(paths, ptr, alt, 0, n)
		return
	}
	parts := make([]*discovery, workers)
	var wg sync.WaitGroup
	for i := range parts {
		parts[i] = &discovery{d: w.d, budget: w.budget}
		wg.Go(func() { parts[i].pathItems(paths, ptr, alt, i*n/workers, (i+1)*n/workers) })
	}
	wg.Wait()
	for _, p := range parts {
		for _, o := range slices.Concat(p.ops, p.branchOps) {
			o.first += len(w.exts)
			o.last += len(w.exts)
		}
		w.exts = append(w.exts, p.exts...)
		w.ops = append(w.ops, p.ops...)
		w.branchOps = append(w.branchOps, p.branchOps...)
		w.diags = append(w.diags, p.diags...)
	}
}

// pathItems walks the path items from the first to before the last.
func (w *discovery) pathItems(paths *yaml.Node, ptr string, alt bool, first, last int) {
	for i := 2 * first; i < 2*last; i += 2 {
		path := paths.Content[i].Value
		itemPtr := source.Pointer(ptr, path)
		if isExtKey(path) {
			w.stray(paths.Content[i], source.Resolve(paths.Content[i+1]), itemPtr, "in the paths object")
			continue
		}
		for _, b := range branches(paths.Content[i+1], itemPtr) {
			w.pathItem(path, source.Resolve(b.Node), b.Pointer, alt || b.alt)
		}
	}
}

// pathItem walks one path item (or one branch of a path item written as
// an Fn::If) at ptr.
func (w *discovery) pathItem(path string, item *yaml.Node, ptr string, alt bool) {
	if item == nil || item.Kind != yaml.MappingNode {
		return
	}
	for j := 0; j+1 < len(item.Content); j += 2 {
		k, v := item.Content[j], item.Content[j+1]
		kp := source.Pointer(ptr, k.Value)
		if method, ok := operationKeys[k.Value]; ok {
			for _, b := range branches(v, kp) {
				o := &Operation{Path: path, Method: method, Key: k.Value, Pointer: b.Pointer, Node: source.Resolve(b.Node),
					PathItem: item, PathItemPointer: ptr, doc: w.d}
				w.operation(o, alt || b.alt)
			}
			continue
		}
		if isExtKey(k.Value) {
			w.ext(extensions.AtPathItem, k, source.Resolve(v), kp, Extension{Path: path})
			continue
		}
		w.elsewhere(source.Resolve(v), kp)
	}
}

// operation decodes the extensions of o and records it; alt says it stands
// in a later branch of an Fn::If.
func (w *discovery) operation(o *Operation, alt bool) {
	o.first = len(w.exts)
	if op := o.Node; op != nil && op.Kind == yaml.MappingNode {
		for i := 0; i+1 < len(op.Content); i += 2 {
			k, v := op.Content[i], source.Resolve(op.Content[i+1])
			kp := source.Pointer(o.Pointer, k.Value)
			if isExtKey(k.Value) {
				w.ext(extensions.AtOperation, k, v, kp, Extension{Path: o.Path, Method: o.Method})
				continue
			}
			w.elsewhere(v, kp)
		}
	}
	o.last = len(w.exts)
	if alt {
		w.branchOps = append(w.branchOps, o)
		return
	}
	w.ops = append(w.ops, o)
}

// branch is a value and its pointer; alt says it is not the branch read
// when every Fn::If condition holds.
type branch struct {
	Node    *yaml.Node
	Pointer string
	alt     bool
}

// branches returns the values n stands for: n itself, or each branch of a
// CloudFormation Fn::If (CloudFormation chooses one before API Gateway reads
// the document, so every branch is walked; see extensions.IfBranches).
func branches(n *yaml.Node, ptr string) []branch {
	var out []branch
	if !extensions.IfBranches(n, ptr, func(b *yaml.Node, p string) {
		out = append(out, branch{Node: b, Pointer: p, alt: len(out) > 0})
	}) {
		return []branch{{Node: n, Pointer: ptr}}
	}
	return out
}

func (w *discovery) components(c *yaml.Node, ptr string) {
	if c == nil || c.Kind != yaml.MappingNode {
		return
	}
	for i := 0; i+1 < len(c.Content); i += 2 {
		k, v := c.Content[i], source.Resolve(c.Content[i+1])
		kp := source.Pointer(ptr, k.Value)
		switch {
		case isExtKey(k.Value):
			w.ext(extensions.AtComponents, k, v, kp, Extension{})
		case k.Value == "securitySchemes":
			w.schemes(v, kp)
		default:
			w.elsewhere(v, kp)
		}
	}
}

func (w *discovery) schemes(s *yaml.Node, ptr string) {
	if s == nil || s.Kind != yaml.MappingNode {
		return
	}
	for i := 0; i+1 < len(s.Content); i += 2 {
		name := s.Content[i].Value
		for _, b := range branches(s.Content[i+1], source.Pointer(ptr, name)) {
			w.object(source.Resolve(b.Node), b.Pointer, extensions.AtSecurityScheme, name)
		}
	}
}

// list handles servers and tags: a list of objects that may carry extensions.
func (w *discovery) list(l *yaml.Node, ptr string, place extensions.Place, owner func(*yaml.Node, int) string) {
	if l == nil || l.Kind != yaml.SequenceNode {
		w.elsewhere(l, ptr)
		return
	}
	for i, item := range l.Content {
		item = source.Resolve(item)
		w.object(item, ptr+"/"+strconv.Itoa(i), place, owner(item, i))
	}
}

// object decodes the extensions of one security scheme, server or tag.
func (w *discovery) object(n *yaml.Node, ptr string, place extensions.Place, owner string) {
	if n == nil || n.Kind != yaml.MappingNode {
		return
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], source.Resolve(n.Content[i+1])
		kp := source.Pointer(ptr, k.Value)
		if isExtKey(k.Value) {
			w.ext(place, k, v, kp, Extension{Owner: owner})
			continue
		}
		w.elsewhere(v, kp)
	}
}

// ext decodes one extension found at place, or warns when API Gateway does
// not read it there. rec carries Path, Method and Owner.
func (w *discovery) ext(place extensions.Place, k, v *yaml.Node, ptr string, rec Extension) {
	spec := extensions.LookupSpec(k.Value)
	if spec != nil && spec.Places&place == 0 {
		w.misplaced(k, ptr, placeName(place), spec)
		return
	}
	val, diags := extensions.DecodeWithin(k.Value, v, ptr, w.budget)
	w.diags = append(w.diags, diags...)
	if val == nil {
		return
	}
	rec.Name, rec.Place, rec.Pointer, rec.Key, rec.Node, rec.Value = k.Value, place, ptr, k, v, val
	w.exts = append(w.exts, rec)
}

func (w *discovery) misplaced(k *yaml.Node, ptr, where string, spec *extensions.Spec) {
	w.diags = append(w.diags, diag.Diagnostic{Severity: diag.MisplacedExtension.Severity(), Code: diag.MisplacedExtension,
		Pointer: ptr, Line: k.Line, Column: k.Column,
		Message: fmt.Sprintf("%s is not read %s and is ignored by API Gateway, which reads it %s: move it there", k.Value, where, placesText(spec.Places))})
}

// stray handles an extension key where API Gateway reads none: a warning
// naming where it belongs, or the registry's warning for an unknown name.
func (w *discovery) stray(k, v *yaml.Node, ptr, where string) {
	if spec := extensions.LookupSpec(k.Value); spec != nil {
		w.misplaced(k, ptr, where, spec)
		return
	}
	_, diags := extensions.DecodeWithin(k.Value, v, ptr, w.budget)
	w.diags = append(w.diags, diags...)
}

// skipKeys hold values, names or schemas rather than places where
// extensions are read, so the search for misplaced extensions skips them.
var skipKeys = map[string]bool{
	"example": true, "examples": true, "default": true, "enum": true, "const": true,
	"properties": true, "patternProperties": true,
}

// elsewhere searches a subtree where API Gateway reads no extension and
// warns about each x-amazon-apigateway-* key in it.
func (w *discovery) elsewhere(n *yaml.Node, ptr string) {
	if n == nil {
		return
	}
	var path []string
	var walk func(n *yaml.Node)
	walk = func(n *yaml.Node) {
		switch n.Kind {
		case yaml.SequenceNode:
			for i, c := range n.Content {
				if c.Kind == yaml.MappingNode || c.Kind == yaml.SequenceNode {
					path = append(path, strconv.Itoa(i))
					walk(c)
					path = path[:len(path)-1]
				}
			}
		case yaml.MappingNode:
			for i := 0; i+1 < len(n.Content); i += 2 {
				k, v := n.Content[i], n.Content[i+1]
				switch {
				case isExtKey(k.Value):
					p := ptr
					for _, s := range path {
						p = source.Pointer(p, s)
					}
					w.stray(k, v, source.Pointer(p, k.Value), "here")
				case strings.HasPrefix(k.Value, "x-") || skipKeys[k.Value]:
				case v.Kind == yaml.MappingNode || v.Kind == yaml.SequenceNode:
					path = append(path, k.Value)
					walk(v)
					path = path[:len(path)-1]
				}
			}
		}
	}
	walk(n)
}

// placeNames describe each place, in the order of the Place bits.
var placeNames = []struct {
	p    extensions.Place
	name string
}{
	{extensions.AtRoot, "at the document root"},
	{extensions.AtPathItem, "in a path item"},
	{extensions.AtOperation, "in an operation"},
	{extensions.AtSecurityScheme, "in a security scheme"},
	{extensions.AtServer, "in a server object"},
	{extensions.AtComponents, "in components"},
	{extensions.AtTag, "in a tag object"},
}

func placeName(p extensions.Place) string {
	for _, n := range placeNames {
		if n.p == p {
			return n.name
		}
	}
	return "here"
}

// placesText lists the places of ps: "at the document root or in an operation".
func placesText(ps extensions.Place) string {
	var parts []string
	for _, n := range placeNames {
		if ps&n.p != 0 {
			parts = append(parts, n.name)
		}
	}
	if len(parts) == 0 {
		return "where API Gateway reads it"
	}
	if len(parts) == 1 {
		return parts[0]
	}
	return strings.Join(parts[:len(parts)-1], ", ") + " or " + parts[len(parts)-1]
}
