package openapi

import (
	"context"
	"errors"
	"strings"

	"github.com/apigw/apigw/extensions/diag"
	"github.com/apigw/apigw/extensions/source"
	"github.com/getkin/kin-openapi/openapi3"
	"go.yaml.in/yaml/v4"
)

// validationOptions are kin-openapi's validation options that match what
// API Gateway's import checks (see NewSemantic).
func validationOptions() []openapi3.ValidationOption {
	return []openapi3.ValidationOption{
		openapi3.EnableMultiError(),
		openapi3.DisableExamplesValidation(),
		openapi3.DisableSchemaDefaultsValidation(),
		openapi3.DisableSchemaPatternValidation(),
		openapi3.DisableSchemaFormatValidation(),
	}
}

// importVerdict says what API Gateway's import does with the part of a
// document that one of kin-openapi's validation codes is about, when that
// is not "ignores it" (an info, APIGW056): the severity and code to report
// and what to write instead, for a REST API and for an HTTP API.
type importVerdict struct {
	rest, http diag.Code // OpenAPIInvalid (an error), OpenAPILenient (a warning), RefUnresolved or OpenAPIWarning (an info)
	hint       string
}

// importVerdicts are kin-openapi's validation codes whose findings are not
// infos. Two path templates that differ only in their variable names need
// one resource with two variable children, which REST APIs refuse
// (recorded); HTTP APIs have no resource tree, and their outcome is not
// recorded. A path without its leading "/" is read leniently (a judgement:
// no import is recorded to reject one). A schema type JSON Schema draft 4
// does not know is in a REST API model (whether import rejects the model is
// not recorded); HTTP APIs ignore schemas (documented).
var importVerdicts = map[string]importVerdict{
	"conflicting-paths": {diag.OpenAPIInvalid, diag.OpenAPILenient,
		"API Gateway allows one variable path part per resource level: use the same parameter name in both paths"},
	"path-must-start-with-slash": {diag.OpenAPILenient, diag.OpenAPILenient,
		"import reads the path as if it started with \"/\"; write the \"/\" so that other tools read it the same way"},
	"unresolved-ref": {diag.RefUnresolved, diag.RefUnresolved, "make the $ref point at a defined value"},
	"schema-type-unsupported": {diag.OpenAPILenient, diag.OpenAPIWarning,
		"use one of array, boolean, integer, number, object, string, in lower case: API Gateway models are JSON Schema draft 4"},
}

// validate runs kin-openapi's validation and reports each finding. fromSwagger2
// says the model is the conversion of a Swagger 2.0 document, whose pointers
// are mapped back to the Swagger 2.0 layout.
func (r *reporter) validate(ctx context.Context, doc *openapi3.T, fromSwagger2 bool) {
	swap := detachSchemaRefs(doc)
	err := func() error {
		defer swap.restore()
		return doc.Validate(ctx, validationOptions()...)
	}()
	if err == nil {
		return
	}
	var errs []error
	if me, ok := err.(openapi3.MultiError); ok {
		errs = me
	} else {
		errs = []error{err}
	}
	for _, e := range errs {
		r.validationError(e, fromSwagger2)
	}
}

// validationError reports one validation finding.
func (r *reporter) validationError(err error, fromSwagger2 bool) {
	// API Gateway's import neither warns about nor rejects most of what the
	// OpenAPI specification requires (a response per operation, info.version…):
	// those findings are info, so --fail-on warning keeps meaning failonwarnings.
	code, hint := diag.OpenAPIWarning, ""
	var coded openapi3.CodedError
	if errors.As(err, &coded) {
		if v, ok := importVerdicts[coded.Code()]; ok {
			code, hint = v.rest, v.hint
			if r.opts.HTTPAPI {
				code = v.http
			}
		}
	}
	if fromSwagger2 && coded != nil && coded.Code() == "paths-required" {
		return // the conversion leaves out an empty paths object
	}
	if coded != nil && coded.Code() == "security-requirement-scheme-undefined" {
		return // Check reports it with what to write (APIGW405)
	}
	if coded != nil && coded.Code() == "path-parameters-mismatch" && strings.Contains(err.Error(), "+]") {
		// API Gateway's greedy {name+} is declared as the parameter "name",
		// which kin-openapi does not know.
		return
	}
	var slash *openapi3.PathMustStartWithSlashError
	if errors.As(err, &slash) && slash.Path == "$default" {
		return // HTTP APIs' catch-all route
	}
	ptr := errorPointer(err, r.root)
	if fromSwagger2 {
		ptr = swagger2Pointer(ptr)
	}
	msg := err.Error()
	if hint != "" {
		msg += ": " + hint
	}
	if coded != nil {
		msg += " (" + coded.Code() + ")"
	}
	if code != diag.OpenAPIWarning && ignoredPart(ptr, r.opts.HTTPAPI) {
		// About a part import does not read: an info whatever kin-openapi found.
		code = diag.OpenAPIWarning
	}
	var conflict *openapi3.ConflictingPathsError
	if name, ok := strings.CutPrefix(ptr, "/paths/"); ok && !strings.Contains(name, "/") && (errors.As(err, &slash) || errors.As(err, &conflict)) {
		if k := keyNode(source.Get(r.root, "paths"), source.UnescapeToken(name)); k != nil {
			r.Add(code, k, ptr, "%s", msg) // about the path itself: at its key
			return
		}
	}
	r.add(code, ptr, "%s", msg)
}

// errorPointer derives the JSON pointer of what a kin-openapi validation
// error is about from the context wrappers in its chain, refined by the leaf
// error's own fields (an extra field's name, a parameter's name) looked up in
// the source tree. It is the deepest place the chain identifies; callers
// report at the nearest ancestor that exists.
func errorPointer(err error, root *yaml.Node) string {
	ptr := ""
	for e := err; e != nil; e = errors.Unwrap(e) {
		switch x := e.(type) {
		case *openapi3.SectionValidationError:
			if ptr == "" {
				ptr = source.JoinPointer("", sectionKey(x.Section))
			}
		case *openapi3.ComponentValidationError:
			ptr = source.JoinPointer("/components", componentKey(x.Section), x.Name)
		case *openapi3.PathValidationError:
			ptr = source.JoinPointer("/paths", x.Path)
		case *openapi3.WebhookValidationError:
			ptr = source.JoinPointer("/webhooks", x.Name)
		case *openapi3.OperationValidationError:
			ptr = source.JoinPointer(ptr, strings.ToLower(x.Method))
		case *openapi3.PathParametersError:
			ptr = source.JoinPointer("/paths", x.Path, strings.ToLower(x.Method))
			if source.NodeAt(root, ptr+"/parameters") != nil {
				ptr += "/parameters"
			}
		case *openapi3.DuplicateOperationIDError:
			if method, path, ok := strings.Cut(x.Endpoint2, " "); ok {
				ptr = source.JoinPointer("/paths", path, strings.ToLower(method), "operationId")
			}
		case *openapi3.PathMustStartWithSlashError:
			ptr = source.JoinPointer("/paths", x.Path)
		case *openapi3.ConflictingPathsError:
			ptr = laterInDocument(root, source.JoinPointer("/paths", x.Path1), source.JoinPointer("/paths", x.Path2))
		case *openapi3.ParameterFieldValidationError:
			ptr = source.JoinPointer(parameterPointer(root, ptr, x.ParameterName), x.Field)
		case *openapi3.HeaderFieldValidationError:
			ptr = source.JoinPointer(ptr, x.Field)
		case *openapi3.TagValidationError:
			ptr = namedElement(root, "/tags", x.Name)
		case *openapi3.SchemaCombinatorElementValidationError:
			ptr = source.JoinPointer(ptr, x.Combinator)
		case *openapi3.OAuthFlowValidationError:
			ptr = source.JoinPointer(ptr, "flows", x.FlowKind)
		case *openapi3.OAuthFlowFieldValidationError:
			ptr = source.JoinPointer(ptr, x.Field)
		case *openapi3.ExtraSiblingFieldsError:
			if len(x.Fields) > 0 {
				ptr = findKey(root, ptr, x.Fields[0], "")
			}
		case *openapi3.FieldVersionMismatchError:
			ptr = findKey(root, ptr, x.Field, "")
		case *openapi3.SchemaTypeError:
			ptr = findKey(root, ptr, "type", x.Type)
		}
	}
	return ptr
}

// laterInDocument returns whichever of two pointers names the node written
// later: the one to change.
func laterInDocument(root *yaml.Node, a, b string) string {
	na, nb := source.NodeAt(root, a), source.NodeAt(root, b)
	if na == nil || nb != nil && (nb.Line > na.Line || nb.Line == na.Line && nb.Column > na.Column) {
		return b
	}
	return a
}

// sectionKey is the document key of a section named in a SectionValidationError.
func sectionKey(section string) string {
	if section == "external docs" {
		return "externalDocs"
	}
	return section
}

// componentKey is the key under components of a ComponentValidationError's section.
func componentKey(section string) string {
	switch section {
	case "schema":
		return "schemas"
	case "parameter":
		return "parameters"
	case "header":
		return "headers"
	case "request body":
		return "requestBodies"
	case "response":
		return "responses"
	case "security scheme":
		return "securitySchemes"
	case "example":
		return "examples"
	case "link":
		return "links"
	case "callback":
		return "callbacks"
	}
	return section
}

// parameterPointer finds the parameter called name in the parameters list of
// the operation or path item at ptr (its own list first, then the path
// item's); ptr itself when ptr is a parameter or nothing matches.
func parameterPointer(root *yaml.Node, ptr, name string) string {
	for p := ptr; ; {
		if q := namedElement(root, p+"/parameters", name); q != p+"/parameters" {
			return q
		}
		i := strings.LastIndexByte(p, '/')
		if i < 0 || !strings.HasPrefix(p, "/paths/") || strings.Count(p, "/") < 3 {
			return ptr
		}
		p = p[:i]
	}
}

// namedElement returns the pointer of the element of the list at ptr whose
// name is name, or ptr when there is none.
func namedElement(root *yaml.Node, ptr, name string) string {
	list := source.NodeAt(root, ptr)
	if list == nil || list.Kind != yaml.SequenceNode {
		return ptr
	}
	for i, e := range list.Content {
		if v := source.Child(source.Resolve(e), "name"); v != nil && v.Value == name {
			return source.JoinPointer(ptr, semItoa(i))
		}
	}
	return ptr
}

// findKey returns the pointer of the first key called key below ptr (breadth
// first, not inside extensions, a bounded number of nodes), or ptr. When
// value is not empty, the key's value must be the scalar value.
func findKey(root *yaml.Node, ptr, key, value string) string {
	start := source.NodeAt(root, ptr)
	type item struct {
		n   *yaml.Node
		ptr string
	}
	queue := []item{{start, ptr}}
	for seen := 0; len(queue) > 0 && seen < 10000; seen++ {
		it := queue[0]
		queue = queue[1:]
		n := source.Resolve(it.n)
		if n == nil {
			continue
		}
		switch n.Kind {
		case yaml.MappingNode:
			for i := 0; i+1 < len(n.Content); i += 2 {
				if n.Content[i].Value == key && (value == "" || source.Resolve(n.Content[i+1]).Value == value) {
					return source.JoinPointer(it.ptr, key)
				}
			}
			for i := 0; i+1 < len(n.Content); i += 2 {
				if k := n.Content[i].Value; !strings.HasPrefix(k, "x-") {
					queue = append(queue, item{n.Content[i+1], source.JoinPointer(it.ptr, k)})
				}
			}
		case yaml.SequenceNode:
			for i, e := range n.Content {
				queue = append(queue, item{e, source.JoinPointer(it.ptr, semItoa(i))})
			}
		}
	}
	return ptr
}

// swagger2Pointer maps a pointer into the OpenAPI 3 conversion of a Swagger 2.0
// document back to where the value is in the Swagger 2.0 document (as near
// as the layouts allow).
func swagger2Pointer(ptr string) string {
	switch {
	case strings.HasPrefix(ptr, "/components/schemas/"):
		return "/definitions/" + strings.TrimPrefix(ptr, "/components/schemas/")
	case strings.HasPrefix(ptr, "/components/parameters/"):
		return "/parameters/" + strings.TrimPrefix(ptr, "/components/parameters/")
	case strings.HasPrefix(ptr, "/components/responses/"):
		return "/responses/" + strings.TrimPrefix(ptr, "/components/responses/")
	case strings.HasPrefix(ptr, "/components/securitySchemes/"):
		return "/securityDefinitions/" + strings.TrimPrefix(ptr, "/components/securitySchemes/")
	case strings.HasPrefix(ptr, "/components"), strings.HasPrefix(ptr, "/servers"):
		return ""
	}
	return ptr
}

// semItoa formats a list index.
func semItoa(i int) string {
	const digits = "0123456789"
	if i < 10 {
		return digits[i : i+1]
	}
	return semItoa(i/10) + digits[i%10:i%10+1]
}
