package openapi

import (
	"slices"
	"strings"
	"sync"

	"github.com/apigw/apigw/extensions"
	"github.com/apigw/apigw/extensions/source"
	"go.yaml.in/yaml/v4"
)

// resolve builds the document's model once its extensions are decoded, the
// operations' on up to workers goroutines.
func (d *Document) resolve(workers int) {
	root := d.Root
	d.SecuritySchemes, d.Schemas = nil, nil
	schemes, schemesPtr := source.Get(source.Get(root, "components"), "securitySchemes"), d.Pointer+"/components/securitySchemes"
	schemas, schemasPtr := source.Get(source.Get(root, "components"), "schemas"), d.Pointer+"/components/schemas"
	if d.Kind == Swagger2 {
		schemes, schemesPtr = source.Get(root, "securityDefinitions"), d.Pointer+"/securityDefinitions"
		schemas, schemasPtr = source.Get(root, "definitions"), d.Pointer+"/definitions"
	}
	source.Pairs(schemes, func(name string, v *yaml.Node) {
		ptr := source.Pointer(schemesPtr, name)
		t, _ := d.Follow(v, ptr)
		s := &SecurityScheme{Name: name, Node: t.Node, Pointer: t.Pointer,
			Type: scalarAt(t.Node, "type"), In: scalarAt(t.Node, "in"), Scheme: scalarAt(t.Node, "scheme"), ParamName: scalarAt(t.Node, "name")}
		s.Authorizer, _ = d.SecuritySchemeExtension(name, extensions.ExtAuthorizer).(*extensions.Authorizer)
		s.AuthType, _ = d.SecuritySchemeExtension(name, extensions.ExtAuthType).(*extensions.AuthType)
		d.SecuritySchemes = append(d.SecuritySchemes, s)
	})
	source.Pairs(schemas, func(name string, v *yaml.Node) {
		d.Schemas = append(d.Schemas, &NamedSchema{Name: name, Node: v, Pointer: source.Pointer(schemasPtr, name)})
	})
	d.Security, d.HasSecurity = d.security(root, d.Pointer)
	d.resolveServers()
	ops := slices.Concat(d.ops, d.branchOps)
	// Each operation's model is its own: a large document's are built side
	// by side (Follow and fileOf are safe for concurrent use).
	workers = max(1, min(workers, len(ops)/pathsPerWorker))
	var wg sync.WaitGroup
	for i := range workers {
		wg.Go(func() {
			for _, o := range ops[i*len(ops)/workers : (i+1)*len(ops)/workers] {
				d.resolveOperation(o)
			}
		})
	}
	wg.Wait()
}

func scalarAt(n *yaml.Node, key string) string { return source.Scalar(source.Get(n, key)) }

// resolveOperation fills an operation's model.
func (d *Document) resolveOperation(o *Operation) {
	n := o.Node
	o.ID, o.Summary, o.Description = scalarAt(n, "operationId"), scalarAt(n, "summary"), scalarAt(n, "description")
	o.Tags = scalarList(source.Get(n, "tags"))
	o.Parameters = nil
	d.addParameters(o, source.Get(o.PathItem, "parameters"), o.PathItemPointer+"/parameters")
	d.addParameters(o, source.Get(n, "parameters"), o.Pointer+"/parameters")
	o.Security, o.HasSecurity = d.security(n, o.Pointer)
	if d.Kind == Swagger2 {
		o.Consumes = mediaTypes(n, d.Root, "consumes")
		o.Produces = mediaTypes(n, d.Root, "produces")
		o.Body = d.swaggerBody(o)
	} else {
		o.Body = d.requestBody(o)
	}
	o.Responses = nil
	source.Pairs(source.Get(n, "responses"), func(status string, v *yaml.Node) {
		if strings.HasPrefix(status, "x-") {
			return
		}
		o.Responses = append(o.Responses, d.response(o, status, v, source.Pointer(o.Pointer+"/responses", status)))
	})
}

// scalarList returns the scalar items of sequence n.
func scalarList(n *yaml.Node) []string {
	var out []string
	for _, e := range source.Items(n) {
		if e.Kind == yaml.ScalarNode {
			out = append(out, e.Value)
		}
	}
	return out
}

// mediaTypes returns Swagger's consumes or produces for an operation: its
// own list when it has the key, else the document's, else application/json.
func mediaTypes(op, root *yaml.Node, key string) []string {
	if v := source.Get(op, key); v != nil {
		return scalarList(v)
	}
	if v := source.Get(root, key); v != nil {
		return scalarList(v)
	}
	return []string{"application/json"}
}

// addParameters merges the parameter list at ptr into o.Parameters.
func (d *Document) addParameters(o *Operation, list *yaml.Node, ptr string) {
	for i, item := range source.Items(list) {
		at := source.PointerIndex(ptr, i)
		t, _ := d.Follow(item, at)
		p := &Parameter{Name: scalarAt(t.Node, "name"), In: scalarAt(t.Node, "in"), Description: scalarAt(t.Node, "description"),
			Node: t.Node, Pointer: t.Pointer, At: at}
		p.Required = p.In == "path" || source.IsTrue(source.Get(t.Node, "required"))
		switch {
		case d.Kind != Swagger2:
			if s := source.Get(t.Node, "schema"); s != nil {
				p.Schema = d.schemaAt(s, p.Pointer+"/schema")
			}
		case p.In == "body":
			if s := source.Get(t.Node, "schema"); s != nil {
				p.Schema = d.schemaAt(s, p.Pointer+"/schema")
			}
		default:
			p.Schema = &Schema{Node: t.Node, Pointer: t.Pointer, Target: t.Node, TargetPointer: t.Pointer, File: t.File, Resolved: true}
		}
		replaced := false
		for j, q := range o.Parameters {
			if q.Name == p.Name && q.In == p.In {
				o.Parameters[j], replaced = p, true
			}
		}
		if !replaced {
			o.Parameters = append(o.Parameters, p)
		}
	}
}

// requestBody reads an OpenAPI 3 requestBody.
func (d *Document) requestBody(o *Operation) *RequestBody {
	rb := source.Get(o.Node, "requestBody")
	if rb == nil {
		return nil
	}
	t, _ := d.Follow(rb, o.Pointer+"/requestBody")
	b := &RequestBody{Required: source.IsTrue(source.Get(t.Node, "required")), Description: scalarAt(t.Node, "description"),
		Node: t.Node, Pointer: t.Pointer}
	b.Content = d.content(source.Get(t.Node, "content"), t.Pointer+"/content")
	return b
}

// swaggerBody reads Swagger 2.0's body parameter, or its formData parameters.
func (d *Document) swaggerBody(o *Operation) *RequestBody {
	var form *Parameter
	for _, p := range o.Parameters {
		switch p.In {
		case "body":
			b := &RequestBody{Required: p.Required, Description: p.Description, Node: p.Node, Pointer: p.Pointer}
			for _, ct := range o.Consumes {
				b.Content = append(b.Content, &MediaType{Type: ct, Schema: p.Schema})
			}
			return b
		case "formData":
			if form == nil {
				form = p
			}
		}
	}
	if form == nil {
		return nil
	}
	b := &RequestBody{Form: true, Required: true, Node: form.Node, Pointer: form.Pointer}
	for _, ct := range o.Consumes {
		b.Content = append(b.Content, &MediaType{Type: ct})
	}
	return b
}

// content reads an OpenAPI 3 content map.
func (d *Document) content(n *yaml.Node, ptr string) []*MediaType {
	var out []*MediaType
	source.Pairs(n, func(ct string, v *yaml.Node) {
		mptr := source.Pointer(ptr, ct)
		m := &MediaType{Type: ct, Node: v, Pointer: mptr}
		if s := source.Get(v, "schema"); s != nil {
			m.Schema = d.schemaAt(s, mptr+"/schema")
		}
		out = append(out, m)
	})
	return out
}

// response reads one entry of an operation's responses.
func (d *Document) response(o *Operation, status string, v *yaml.Node, ptr string) *Response {
	t, _ := d.Follow(v, ptr)
	r := &Response{Status: status, Description: scalarAt(t.Node, "description"), Node: t.Node, Pointer: t.Pointer}
	source.Pairs(source.Get(t.Node, "headers"), func(name string, h *yaml.Node) {
		hptr := source.Pointer(t.Pointer+"/headers", name)
		ht, _ := d.Follow(h, hptr)
		hd := &Header{Name: name, Required: source.IsTrue(source.Get(ht.Node, "required")), Description: scalarAt(ht.Node, "description"),
			Node: ht.Node, Pointer: ht.Pointer}
		if d.Kind == Swagger2 {
			hd.Schema = &Schema{Node: ht.Node, Pointer: ht.Pointer, Target: ht.Node, TargetPointer: ht.Pointer, File: ht.File, Resolved: true}
		} else if s := source.Get(ht.Node, "schema"); s != nil {
			hd.Schema = d.schemaAt(s, ht.Pointer+"/schema")
		}
		r.Headers = append(r.Headers, hd)
	})
	if d.Kind == Swagger2 {
		if s := source.Get(t.Node, "schema"); s != nil {
			schema := d.schemaAt(s, t.Pointer+"/schema")
			for _, ct := range o.Produces {
				r.Content = append(r.Content, &MediaType{Type: ct, Schema: schema})
			}
		}
	} else {
		r.Content = d.content(source.Get(t.Node, "content"), t.Pointer+"/content")
	}
	return r
}

// security reads the security list of the object n (the document root or
// an operation) at ptr.
func (d *Document) security(n *yaml.Node, ptr string) ([]SecurityRequirement, bool) {
	list := source.Get(n, "security")
	if list == nil {
		return nil, false
	}
	reqs := []SecurityRequirement{}
	for i, item := range source.Items(list) {
		r := SecurityRequirement{Node: item, Pointer: source.PointerIndex(ptr+"/security", i)}
		if item.Kind == yaml.MappingNode {
			for j := 0; j+1 < len(item.Content); j += 2 {
				r.Schemes = append(r.Schemes, SecurityUse{Name: item.Content[j].Value, Key: item.Content[j], Scopes: scalarList(item.Content[j+1])})
			}
		}
		reqs = append(reqs, r)
	}
	return reqs, true
}
