package openapi

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"regexp"
	"slices"
	"strings"

	"github.com/apigw/apigw/extensions"
	"github.com/apigw/apigw/extensions/diag"
	"github.com/apigw/apigw/extensions/source"
	"github.com/getkin/kin-openapi/openapi2"
	"github.com/getkin/kin-openapi/openapi2conv"
	"github.com/getkin/kin-openapi/openapi3"
	"go.yaml.in/yaml/v4"
)

// SemanticOptions says where a document comes from and what its $refs may read.
type SemanticOptions struct {
	// Data is the document's bytes (JSON or YAML), read only when the root
	// node passed to NewSemantic is nil.
	Data []byte
	// Pointer is the JSON pointer of the document inside its file: "" for a
	// whole file, "/Resources/Api/Properties/Body" for a document embedded in
	// a CloudFormation template. Diagnostics carry it as a prefix.
	Pointer string
	// File names the file in diagnostics.
	File string
	// Location is the document's URL, against which relative external $refs
	// are resolved.
	Location *url.URL
	// ReadFromURI reads the target of an external $ref, and alone decides
	// which locations may be read. Nil refuses every external $ref; the
	// network is never used unless this function uses it.
	ReadFromURI openapi3.ReadFromURIFunc
	// SkipValidation stops after decoding and $ref resolution.
	SkipValidation bool
	// KeepExtensionValues fills the Extensions maps of kin-openapi's model
	// with the values of the x- keys. By default each holds an empty object:
	// extensions are decoded from the source tree (package extensions), and
	// decoding them twice is a third of the time on extension-heavy documents.
	KeepExtensionValues bool
	// HTTPAPI says the document is imported as an HTTP API, which ignores
	// schemas: findings about them are infos. Otherwise it is a REST API,
	// which has the Empty and Error models built in.
	HTTPAPI bool
}

// Semantic is kin-openapi's view of one document and what kin-openapi found
// wrong with it, positioned in the source tree.
type Semantic struct {
	// Version is the document's swagger or openapi field ("2.0", "3.0.1", "3.1.0").
	Version string
	// Swagger2 is the Swagger 2.0 model, for Swagger 2.0 documents.
	Swagger2 *openapi2.T
	// V3 is the OpenAPI 3 model: the document itself, or the conversion of a
	// Swagger 2.0 document. Nil when the document could not be decoded.
	V3 *openapi3.T
	// Diagnostics are the findings, codes APIGW050–APIGW099, sorted.
	Diagnostics []diag.Diagnostic
}

// NewSemantic decodes the document whose source-tree node is root into
// kin-openapi's model, resolves its $refs and validates it with options that
// match what API Gateway's import accepts:
//
//   - examples and schema defaults are not checked against their schemas
//     (API Gateway does not check them);
//   - schema patterns are not compiled (they are Java or ECMA regexes, which
//     Go's regexp rejects in valid cases such as lookaheads);
//   - unknown formats are accepted;
//   - OpenAPI 3.1 documents are validated as JSON Schema 2020-12.
//
// Severities follow what API Gateway's import does with the part of the
// document a finding is about: an error where it rejects the document (a
// version it does not read, two path templates that need one resource to
// have two variable children), a warning where it reads the part leniently
// (a $ref to nothing, a path without its leading "/", a field of the wrong
// shape, a schema type JSON Schema draft 4 does not know), an info where it
// ignores the part (tags, examples, external docs; schemas in an HTTP API)
// or does not check what OpenAPI requires. A REST API's $ref to an
// undefined Empty or Error schema names the model REST APIs have built in:
// an info, and validation goes on. root may be nil when opts.Data holds the
// document.
func NewSemantic(ctx context.Context, root *yaml.Node, opts SemanticOptions) *Semantic {
	s := &Semantic{}
	r := &reporter{Collector: extensions.Collector{File: opts.File, Base: opts.Pointer}, root: source.Resolve(root), opts: opts}
	defer func() {
		diag.Sort(r.Diags)
		s.Diagnostics = r.Diags
	}()
	if r.root == nil {
		var doc yaml.Node
		// Errors, not the code's warning: import refuses a body that does
		// not parse or is empty ("Invalid OpenAPI input.", APIGW001's evidence).
		if err := yaml.Unmarshal(opts.Data, &doc); err != nil {
			r.addAs(diag.Error, diag.SemanticDecode, "", "the document is neither JSON nor YAML: %v", err)
			return s
		}
		r.root = source.Resolve(&doc)
		if r.root == nil {
			r.addAs(diag.Error, diag.SemanticDecode, "", "the document is empty: write an OpenAPI document")
			return s
		}
	}

	swagger, oas := documentVersion(r.root)
	if swagger != "" && oas != "" {
		// A warning, not the code's error: the document is readable, and
		// which field import goes by is not recorded (a judgement).
		r.addAs(diag.Warning, diag.SemanticVersion, "/swagger", "the document has both swagger and openapi; it is read as OpenAPI %s: remove swagger", oas)
		swagger = ""
	}
	switch {
	case swagger == "2.0":
		s.Version = swagger
	case strings.HasPrefix(oas, "3.0.") || strings.HasPrefix(oas, "3.1.") || oas == "3.0" || oas == "3.1":
		s.Version = oas
	case swagger != "":
		r.add(diag.SemanticVersion, "/swagger", "swagger is %q: write \"2.0\"", swagger)
		return s
	case oas != "":
		r.add(diag.SemanticVersion, "/openapi", "openapi is %q: API Gateway reads 3.0.x and 3.1.x; write for example \"3.0.1\"", oas)
		return s
	default:
		r.add(diag.SemanticVersion, "", "no swagger or openapi field: write openapi: \"3.0.1\" (or swagger: \"2.0\")")
		return s
	}

	san := &sanitizer{bareRefBase: "#/components/schemas/", dropExtensions: !opts.KeepExtensionValues}
	if swagger != "" {
		san.bareRefBase = "#/definitions/"
	}
	clean := san.sanitize(r.root, "")
	if san.cycle != nil {
		p, _ := pointerAtPosition(r.root, san.cycle.Line, san.cycle.Column)
		// An error, not the code's warning: such a value has no end, and the
		// loader refuses the file too (APIGW012).
		r.AddAs(diag.Error, diag.SemanticDecode, san.cycle, p, "alias *%s is inside the value it names, so the value never ends: write the value out", san.cycle.Value)
		return s
	}
	refsOK, builtin := r.checkRefs(san.refs, swagger != "")
	clean = withBuiltinModels(clean, builtin, swagger != "")

	loader := openapi3.NewLoader()
	loader.Context = ctx
	if opts.ReadFromURI != nil {
		loader.IsExternalRefsAllowed = true
		loader.ReadFromURIFunc = opts.ReadFromURI
	} else {
		loader.ReadFromURIFunc = refuseExternal
	}

	if swagger != "" {
		s.Swagger2, s.V3 = r.convertSwagger2(clean, loader, refsOK)
	} else {
		doc, perrs, err := decodeV3(clean)
		if err != nil {
			r.decodeError("", err)
			return s
		}
		for _, pe := range perrs {
			r.decodeError(source.JoinPointer("", "paths", pe.path), pe.err)
		}
		s.V3 = doc
		if !refsOK {
			return s // unresolved $refs would leave holes that validation trips over
		}
		if err := loader.ResolveRefsIn(doc, opts.Location); err != nil {
			r.refError(err)
			return s
		}
		if len(perrs) > 0 {
			return s
		}
	}
	if s.V3 != nil && refsOK && !opts.SkipValidation {
		r.validate(ctx, s.V3, swagger != "")
	}
	return s
}

// refuseExternal is the ReadFromURIFunc used when external $refs are not allowed.
func refuseExternal(_ *openapi3.Loader, u *url.URL) ([]byte, error) {
	return nil, &openapi3.DisallowedExternalRefError{Ref: u.String()}
}

// convertSwagger2 decodes a Swagger 2.0 document and converts it to OpenAPI 3.
func (r *reporter) convertSwagger2(clean *yaml.Node, loader *openapi3.Loader, refsOK bool) (doc2 *openapi2.T, doc3 *openapi3.T) {
	doc2, perrs, err := decodeSwagger2(clean)
	if err != nil {
		r.jsonError("", err)
		return nil, nil
	}
	for _, pe := range perrs {
		r.jsonError(pe.path, pe.err)
	}
	if !refsOK || len(perrs) > 0 {
		return doc2, nil
	}
	defer func() {
		if p := recover(); p != nil {
			r.add(diag.SemanticConvert, "", "the Swagger 2.0 document could not be converted to OpenAPI 3 (%v); checks that need the OpenAPI 3 view were skipped", p)
			doc3 = nil
		}
	}()
	doc3, err = openapi2conv.ToV3WithLoader(doc2, loader, r.opts.Location)
	if err != nil {
		var dis *openapi3.DisallowedExternalRefError
		if errors.As(err, &dis) {
			r.refError(err)
		} else {
			r.add(diag.SemanticConvert, "", "the Swagger 2.0 document could not be converted to OpenAPI 3 (%v); checks that need the OpenAPI 3 view were skipped", err)
		}
		return doc2, nil
	}
	return doc2, doc3
}

// reporter turns findings into positioned diagnostics.
type reporter struct {
	root *yaml.Node
	opts SemanticOptions
	extensions.Collector
}

// add records a diagnostic with the code's default severity at the node the
// document-relative pointer ptr names, or at its nearest ancestor that
// exists (and then says so).
func (r *reporter) add(code diag.Code, ptr, format string, args ...any) {
	r.addAs(code.Severity(), code, ptr, format, args...)
}

// addAs is add for a case whose severity differs from the code's default;
// the caller says why.
func (r *reporter) addAs(sev diag.Severity, code diag.Code, ptr, format string, args ...any) {
	msg := fmt.Sprintf(format, args...)
	n, rest := source.NearestNode(r.root, ptr, nil)
	if rest != "" {
		found := strings.TrimSuffix(ptr, rest)
		where := found
		if where == "" {
			where = "the document root"
		}
		msg += fmt.Sprintf(" (reported at %s, the nearest enclosing value found for %s)", where, ptr)
		ptr = found
	}
	r.AddAs(sev, code, n, ptr, "%s", msg)
}

// checkRefs checks every $ref of the document: a local one must name a value
// in the document; an external one needs ReadFromURI. It reports whether
// all of them can be resolved once the built-in models it returns (Empty,
// Error: a REST API's $refs to them when the document does not define them)
// are added.
func (r *reporter) checkRefs(refs []semRefSite, swagger bool) (ok bool, builtin []string) {
	ok = true
	for _, ref := range refs {
		v := ref.target
		ptr := ref.owner + "/$ref"
		if v != ref.node.Value {
			r.Add(diag.RefUnresolved, ref.node, ptr, "$ref %q is a bare name, read as %q: write that instead", ref.node.Value, v)
		}
		if !strings.HasPrefix(v, "#") {
			if r.opts.ReadFromURI == nil {
				r.Add(diag.RefNotAllowed, ref.node, ptr,
					"$ref %q names another file or a URL, which is not allowed here: define the value under components (or definitions) and refer to it as \"#/...\", or allow external references below a folder", v)
				ok = false
			}
			continue
		}
		frag := v[1:]
		if strings.Contains(frag, "%") {
			if u, err := url.PathUnescape(frag); err == nil {
				frag = u
			}
		}
		if source.NodeAt(r.root, frag) != nil {
			continue
		}
		if name := builtinModelName(frag, swagger); name != "" && !r.opts.HTTPAPI {
			// An info, not the code's warning: REST APIs have the Empty and
			// Error models built in (documented), which the reference names.
			r.AddAs(diag.Info, diag.RefUnresolved, ref.node, ptr,
				"$ref %q names no schema of this document, but REST APIs have the %s model built in: define %s in the document too if other OpenAPI tools read it", v, name, frag)
			if !slices.Contains(builtin, name) {
				builtin = append(builtin, name)
			}
			continue
		}
		ok = false
		near, rest := source.NearestNode(r.root, frag, nil)
		hint := ""
		if near != nil && near.Kind == yaml.MappingNode && strings.Count(rest, "/") == 1 {
			var keys []string
			for i := 0; i < len(near.Content); i += 2 {
				keys = append(keys, near.Content[i].Value)
			}
			if s := extensions.Suggest(source.UnescapeToken(rest[1:]), keys); s != "" {
				hint = fmt.Sprintf("; did you mean %q?", "#"+strings.TrimSuffix(frag, rest)+"/"+source.EscapeToken(s))
			}
		}
		msg := fmt.Sprintf("$ref %q points at nothing in the document: there is no %s%s", v, strings.TrimSuffix(frag, rest)+firstToken(rest), hint)
		if r.opts.HTTPAPI && inSchema(ref.owner) {
			// An info, not the code's warning: HTTP APIs ignore schemas
			// (documented: import reports them as info).
			r.AddAs(diag.Info, diag.RefUnresolved, ref.node, ptr, "%s; HTTP APIs ignore schemas, so import does not mind: define the target for other tools", msg)
			continue
		}
		r.Add(diag.RefUnresolved, ref.node, ptr, "%s; API Gateway's import warns about a missing reference and goes on: define the target, or correct the reference", msg)
	}
	return ok, builtin
}

// builtinModelName returns "Empty" or "Error" when frag is the pointer to a
// schema of that name (components/schemas in OpenAPI 3, definitions in
// Swagger 2.0): the models every REST API has; "" otherwise.
func builtinModelName(frag string, swagger bool) string {
	base := "/components/schemas/"
	if swagger {
		base = "/definitions/"
	}
	if name, ok := strings.CutPrefix(frag, base); ok && (name == "Empty" || name == "Error") {
		return name
	}
	return ""
}

// builtinModels are the schemas of the models every REST API has, as the
// documentation shows them (without $schema, which OpenAPI 3.0 does not have).
var builtinModels = map[string]string{
	"Empty": `{"title": "Empty Schema", "type": "object"}`,
	"Error": `{"title": "Error Schema", "type": "object", "properties": {"message": {"type": "string"}}}`,
}

// withBuiltinModels returns root with the schemas of the built-in models
// names added under components/schemas (definitions in Swagger 2.0), so
// that kin-openapi resolves the $refs to them; root itself is not changed.
func withBuiltinModels(root *yaml.Node, names []string, swagger bool) *yaml.Node {
	if len(names) == 0 || root == nil || root.Kind != yaml.MappingNode {
		return root
	}
	path := []string{"components", "schemas"}
	if swagger {
		path = []string{"definitions"}
	}
	schemas := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}
	for _, name := range names {
		var v yaml.Node
		_ = yaml.Unmarshal([]byte(builtinModels[name]), &v)
		schemas.Content = append(schemas.Content, &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: name}, v.Content[0])
	}
	return mergeAt(root, path, schemas)
}

// mergeAt returns a copy of mapping m in which the mapping add is merged
// into the mapping at path (created when missing); keys already there win.
// Only the nodes on the path are copied.
func mergeAt(m *yaml.Node, path []string, add *yaml.Node) *yaml.Node {
	cp := *m
	cp.Content = slices.Clone(m.Content)
	if len(path) == 0 {
		for i := 0; i+1 < len(add.Content); i += 2 {
			if source.Child(m, add.Content[i].Value) == nil {
				cp.Content = append(cp.Content, add.Content[i], add.Content[i+1])
			}
		}
		return &cp
	}
	for i := 0; i+1 < len(cp.Content); i += 2 {
		if cp.Content[i].Value == path[0] {
			child := source.Resolve(cp.Content[i+1])
			if child == nil || child.Kind != yaml.MappingNode {
				return m // not a mapping: leave the finding to validation
			}
			cp.Content[i+1] = mergeAt(child, path[1:], add)
			return &cp
		}
	}
	empty := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}
	cp.Content = append(cp.Content, &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: path[0]}, mergeAt(empty, path[1:], add))
	return &cp
}

// inSchema tells whether the document-relative pointer ptr is inside a
// schema: a named one, or one under a "schema" key.
func inSchema(ptr string) bool {
	return strings.HasPrefix(ptr, "/components/schemas/") || strings.HasPrefix(ptr, "/definitions/") ||
		strings.Contains(ptr+"/", "/schema/")
}

// firstToken returns the first token of a pointer, with its slash.
func firstToken(p string) string {
	if p == "" {
		return ""
	}
	if i := strings.IndexByte(p[1:], '/'); i >= 0 {
		return p[:i+1]
	}
	return p
}

// refError reports an error from kin-openapi's $ref resolution.
func (r *reporter) refError(err error) {
	var dis *openapi3.DisallowedExternalRefError
	if errors.As(err, &dis) {
		r.add(diag.RefNotAllowed, "", "$ref %q names another file or a URL, which is not allowed here: refer to a value in this document as \"#/...\"", dis.Ref)
		return
	}
	r.add(diag.RefUnresolved, "", "a $ref could not be resolved: %v", err)
}

// decodeError reports a decode error of the value at ptr, at the position
// the decoder gives when it gives one.
func (r *reporter) decodeError(ptr string, err error) {
	var le *yaml.LoadErrors
	if errors.As(err, &le) && len(le.Errors) > 0 {
		for _, e := range le.Errors {
			if p, n := pointerAtPosition(r.root, e.Mark.Line, e.Mark.Column); n != nil {
				r.AddAs(r.shapeSeverity(p), diag.SemanticDecode, n, p, "%s", decodeMessage(e.Message))
				continue
			}
			r.addAs(r.shapeSeverity(ptr), diag.SemanticDecode, ptr, "%s", decodeMessage(e.Message))
		}
		return
	}
	r.addAs(r.shapeSeverity(ptr), diag.SemanticDecode, ptr, "%s", decodeMessage(err.Error()))
}

// shapeSeverity is the severity of a value of the wrong shape at the
// document-relative pointer ptr: the code's default (a warning: API Gateway
// reads its part of OpenAPI leniently), or an info where API Gateway does
// not read the value at all (see ignoredPart).
func (r *reporter) shapeSeverity(ptr string) diag.Severity {
	if ignoredPart(ptr, r.opts.HTTPAPI) {
		return diag.Info
	}
	return diag.SemanticDecode.Severity()
}

// unreadKeys hold what API Gateway's import does not read: documentation
// meant for people and other tools.
var unreadKeys = map[string]bool{
	"tags": true, "externalDocs": true, "example": true, "examples": true, "xml": true,
	"contact": true, "license": true, "termsOfService": true,
}

// ignoredPart tells whether the document-relative pointer ptr is in a part
// of the document API Gateway's import does not read: tags (an HTTP API
// reads the document's tags, for x-amazon-apigateway-tag-value), external
// docs, examples, contact and license; and, in an HTTP API, schemas, which
// HTTP APIs ignore (documented). A judgement for the REST parts: import is
// not recorded to read them.
func ignoredPart(ptr string, httpAPI bool) bool {
	tokens := strings.Split(strings.TrimPrefix(ptr, "/"), "/")
	for i, t := range tokens {
		t = source.UnescapeToken(t)
		if unreadKeys[t] && !(httpAPI && i == 0 && t == "tags") {
			return true
		}
	}
	return httpAPI && inSchema(ptr)
}

// decodeMessage rewrites a decoder message in the document's terms.
func decodeMessage(m string) string {
	m = strings.TrimPrefix(m, "yaml: ")
	m = strings.ReplaceAll(m, "openapi3.", "")
	return "the value has the wrong shape for OpenAPI: " + m
}

// jsonError reports an encoding/json error of the Swagger 2.0 decode of
// the value at ptr.
func (r *reporter) jsonError(ptr string, err error) {
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		if te.Field != "" {
			ptr += "/" + strings.ReplaceAll(te.Field, ".", "/")
		}
		r.addAs(r.shapeSeverity(ptr), diag.SemanticDecode, ptr, "the value has the wrong shape for Swagger 2.0: it is %s where %s belongs", te.Value, strings.TrimPrefix(te.Type.String(), "openapi2."))
		return
	}
	msg := err.Error()
	// Nested decoders lose the error's type but keep "field Type.key" in the text.
	if m := jsonFieldPattern.FindStringSubmatch(msg); m != nil {
		parts := strings.Split(m[1], ".")
		ptr = findKey(r.root, ptr, parts[len(parts)-1], "")
	}
	r.addAs(r.shapeSeverity(ptr), diag.SemanticDecode, ptr, "the value does not decode as Swagger 2.0: %v", strings.ReplaceAll(msg, "json: ", ""))
}

// jsonFieldPattern finds the field an encoding/json error names.
var jsonFieldPattern = regexp.MustCompile(`into (?:Go struct )?field \w+\.([\w.$-]+) of type`)

// pointerAtPosition finds the node that starts at line and column and
// returns its pointer; the shallowest match wins.
func pointerAtPosition(root *yaml.Node, line, col int) (string, *yaml.Node) {
	if line == 0 {
		return "", nil
	}
	var tokens []string
	var walk func(n *yaml.Node) *yaml.Node
	walk = func(n *yaml.Node) *yaml.Node {
		if n == nil {
			return nil
		}
		if n.Line == line && n.Column == col {
			return n
		}
		if n.Line > line {
			return nil
		}
		switch n.Kind {
		case yaml.MappingNode:
			for i := 0; i+1 < len(n.Content); i += 2 {
				tokens = append(tokens, n.Content[i].Value)
				if f := walk(n.Content[i+1]); f != nil {
					return f
				}
				tokens = tokens[:len(tokens)-1]
			}
		case yaml.SequenceNode:
			for i, e := range n.Content {
				tokens = append(tokens, fmt.Sprint(i))
				if f := walk(e); f != nil {
					return f
				}
				tokens = tokens[:len(tokens)-1]
			}
		}
		return nil
	}
	n := walk(root)
	if n == nil {
		return "", nil
	}
	return source.JoinPointer("", tokens...), n
}
