package openapi

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"regexp"
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
// Findings that API Gateway's import also rejects (a $ref to nothing,
// conflicting path templates, a path not starting with "/", an unsupported
// schema type, a document that does not decode) are errors; the others are
// warnings. root may be nil when opts.Data holds the document.
func NewSemantic(ctx context.Context, root *yaml.Node, opts SemanticOptions) *Semantic {
	s := &Semantic{}
	r := &reporter{Collector: extensions.Collector{File: opts.File, Base: opts.Pointer}, root: source.Resolve(root), opts: opts}
	defer func() {
		diag.Sort(r.Diags)
		s.Diagnostics = r.Diags
	}()
	if r.root == nil {
		var doc yaml.Node
		if err := yaml.Unmarshal(opts.Data, &doc); err != nil {
			r.add(diag.Error, diag.SemanticDecode, "", "the document is neither JSON nor YAML: %v", err)
			return s
		}
		r.root = source.Resolve(&doc)
		if r.root == nil {
			r.add(diag.Error, diag.SemanticDecode, "", "the document is empty: write an OpenAPI document")
			return s
		}
	}

	swagger, oas := documentVersion(r.root)
	if swagger != "" && oas != "" {
		r.add(diag.Warning, diag.SemanticVersion, "/swagger", "the document has both swagger and openapi; it is read as OpenAPI %s: remove swagger", oas)
		swagger = ""
	}
	switch {
	case swagger == "2.0":
		s.Version = swagger
	case strings.HasPrefix(oas, "3.0.") || strings.HasPrefix(oas, "3.1.") || oas == "3.0" || oas == "3.1":
		s.Version = oas
	case swagger != "":
		r.add(diag.Error, diag.SemanticVersion, "/swagger", "swagger is %q: write \"2.0\"", swagger)
		return s
	case oas != "":
		r.add(diag.Error, diag.SemanticVersion, "/openapi", "openapi is %q: API Gateway reads 3.0.x and 3.1.x; write for example \"3.0.1\"", oas)
		return s
	default:
		r.add(diag.Error, diag.SemanticVersion, "", "no swagger or openapi field: write openapi: \"3.0.1\" (or swagger: \"2.0\")")
		return s
	}

	san := &sanitizer{bareRefBase: "#/components/schemas/", dropExtensions: !opts.KeepExtensionValues}
	if swagger != "" {
		san.bareRefBase = "#/definitions/"
	}
	clean := san.sanitize(r.root, "")
	if san.cycle != nil {
		p, _ := pointerAtPosition(r.root, san.cycle.Line, san.cycle.Column)
		r.addAt(diag.Error, diag.SemanticDecode, san.cycle, p, fmt.Sprintf("alias *%s is inside the value it names, so the value never ends: write the value out", san.cycle.Value))
		return s
	}
	refsOK := r.checkRefs(san.refs)

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
			r.add(diag.Warning, diag.SemanticConvert, "", "the Swagger 2.0 document could not be converted to OpenAPI 3 (%v); checks that need the OpenAPI 3 view were skipped", p)
			doc3 = nil
		}
	}()
	doc3, err = openapi2conv.ToV3WithLoader(doc2, loader, r.opts.Location)
	if err != nil {
		var dis *openapi3.DisallowedExternalRefError
		if errors.As(err, &dis) {
			r.refError(err)
		} else {
			r.add(diag.Warning, diag.SemanticConvert, "", "the Swagger 2.0 document could not be converted to OpenAPI 3 (%v); checks that need the OpenAPI 3 view were skipped", err)
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

// add records a diagnostic at the node the document-relative pointer ptr
// names, or at its nearest ancestor that exists (and then says so).
func (r *reporter) add(sev diag.Severity, code diag.Code, ptr, format string, args ...any) {
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
	r.addAt(sev, code, n, ptr, msg)
}

// addAt records a diagnostic at node n, whose pointer is ptr.
func (r *reporter) addAt(sev diag.Severity, code diag.Code, n *yaml.Node, ptr, msg string) {
	r.AddAs(sev, code, n, ptr, "%s", msg)
}

// checkRefs checks every $ref of the document: a local one must name a value
// in the document; an external one needs ReadFromURI. It reports whether all
// of them can be resolved.
func (r *reporter) checkRefs(refs []semRefSite) bool {
	ok := true
	for _, ref := range refs {
		v := ref.target
		ptr := ref.owner + "/$ref"
		if v != ref.node.Value {
			r.addAt(diag.Warning, diag.RefUnresolved, ref.node, ptr,
				fmt.Sprintf("$ref %q is a bare name, read as %q: write that instead", ref.node.Value, v))
		}
		if !strings.HasPrefix(v, "#") {
			if r.opts.ReadFromURI == nil {
				r.addAt(diag.Error, diag.RefNotAllowed, ref.node, ptr,
					fmt.Sprintf("$ref %q names another file or a URL, which is not allowed here: define the value under components (or definitions) and refer to it as \"#/...\", or allow external references below a folder", v))
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
		if source.NodeAt(r.root, frag) == nil {
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
			r.addAt(diag.Error, diag.RefUnresolved, ref.node, ptr,
				fmt.Sprintf("$ref %q points at nothing in the document: there is no %s%s", v, strings.TrimSuffix(frag, rest)+firstToken(rest), hint))
			ok = false
		}
	}
	return ok
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
		r.add(diag.Error, diag.RefNotAllowed, "", "$ref %q names another file or a URL, which is not allowed here: refer to a value in this document as \"#/...\"", dis.Ref)
		return
	}
	r.add(diag.Error, diag.RefUnresolved, "", "a $ref could not be resolved: %v", err)
}

// decodeError reports a decode error of the value at ptr, at the position
// the decoder gives when it gives one.
func (r *reporter) decodeError(ptr string, err error) {
	var le *yaml.LoadErrors
	if errors.As(err, &le) && len(le.Errors) > 0 {
		for _, e := range le.Errors {
			if p, n := pointerAtPosition(r.root, e.Mark.Line, e.Mark.Column); n != nil {
				r.addAt(diag.Error, diag.SemanticDecode, n, p, decodeMessage(e.Message))
				continue
			}
			r.add(diag.Error, diag.SemanticDecode, ptr, "%s", decodeMessage(e.Message))
		}
		return
	}
	r.add(diag.Error, diag.SemanticDecode, ptr, "%s", decodeMessage(err.Error()))
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
		r.add(diag.Error, diag.SemanticDecode, ptr, "the value has the wrong shape for Swagger 2.0: it is %s where %s belongs", te.Value, strings.TrimPrefix(te.Type.String(), "openapi2."))
		return
	}
	msg := err.Error()
	// Nested decoders lose the error's type but keep "field Type.key" in the text.
	if m := jsonFieldPattern.FindStringSubmatch(msg); m != nil {
		parts := strings.Split(m[1], ".")
		ptr = findKey(r.root, ptr, parts[len(parts)-1], "")
	}
	r.add(diag.Error, diag.SemanticDecode, ptr, "the value does not decode as Swagger 2.0: %v", strings.ReplaceAll(msg, "json: ", ""))
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
