package extensions

import (
	"slices"

	"github.com/apigw/apigw/extensions/javaregex"

	"github.com/apigw/apigw/extensions/diag"
	"go.yaml.in/yaml/v4"
)

// Value is a decoded extension value.
type Value interface {
	// Extension returns the x-amazon-apigateway-* name the value is stored under.
	Extension() string
	// Encode returns the value as a node. Unchanged parts are the nodes that
	// were decoded, so key order, unknown keys, comments and scalar spelling survive.
	Encode() *yaml.Node
}

// Place is a set of locations in an OpenAPI document where an extension may stand.
type Place uint8

// Places where extensions stand.
const (
	// AtRoot is the document's top level.
	AtRoot Place = 1 << iota
	// AtPathItem is a path item object.
	AtPathItem
	// AtOperation is an operation object.
	AtOperation
	// AtSecurityScheme is a security scheme (securityDefinitions in Swagger 2.0).
	AtSecurityScheme
	// AtServer is a server object (OpenAPI 3 only).
	AtServer
	// AtComponents is the components object (OpenAPI 3 only).
	AtComponents
	// AtTag is a tag object.
	AtTag
)

// Spec describes one extension: its name, where it may stand and how to decode it.
type Spec struct {
	Name string
	// Places are the locations API Gateway reads it from.
	Places Place
	// HTTPOnly marks extensions that only HTTP APIs read; RESTOnly those only REST APIs read.
	HTTPOnly, RESTOnly bool
	// Summary is a one-line description for help and schemas.
	Summary string
	decode  func(d *decoder, n *yaml.Node, ptr string) Value
}

var specs = map[string]*Spec{}

// register adds an extension; each extension's file calls it from init.
func register(s *Spec) {
	if _, dup := specs[s.Name]; dup {
		panic("extensions: registered twice: " + s.Name)
	}
	specs[s.Name] = s
}

// LookupSpec returns the Spec of an extension name, or nil when API Gateway does not know it.
func LookupSpec(name string) *Spec { return specs[name] }

// Specs returns every known extension, sorted by name.
func Specs() []*Spec {
	out := make([]*Spec, 0, len(specs))
	for _, s := range specs {
		out = append(out, s)
	}
	slices.SortFunc(out, func(a, b *Spec) int {
		if a.Name < b.Name {
			return -1
		}
		if a.Name > b.Name {
			return 1
		}
		return 0
	})
	return out
}

// Decode decodes the value n of the extension name, found at JSON pointer ptr.
// It returns nil and a diagnostic when name is not an API Gateway extension.
// A value written as a CloudFormation Fn::If is returned as written, with
// the findings of each branch (see IfBranches).
// The checks of selection patterns take at most javaregex.DefaultBudget;
// DecodeWithin shares one budget between the extensions of a document.
func Decode(name string, n *yaml.Node, ptr string) (Value, []diag.Diagnostic) {
	return DecodeWithin(name, n, ptr, nil)
}

// DecodeWithin is Decode with the time that selection patterns take to
// check (overlap searches, the backtracking engine) taken from budget, which
// the extensions of one document share so that their patterns together take
// a bounded time; when it is spent, the remaining overlap checks are skipped
// and a warning (APIGW354) says so, once per budget. A nil budget is a new
// one of javaregex.DefaultBudget.
func DecodeWithin(name string, n *yaml.Node, ptr string, budget *javaregex.Budget) (Value, []diag.Diagnostic) {
	d := decoder{budget: budget}
	s := specs[name]
	if s == nil {
		names := make([]string, 0, len(specs))
		for _, sp := range Specs() {
			names = append(names, sp.Name)
		}
		hint := ""
		if sug := Suggest(name, names); sug != "" {
			hint = "; did you mean " + sug + "?"
		}
		d.Add(diag.UnknownExtension, n, ptr, "%s is not an API Gateway extension and is ignored%s", name, hint)
		return nil, d.Diags
	}
	// A value written as Fn::If is kept as written, and each branch
	// CloudFormation may choose is decoded for its findings, at its own
	// position.
	if IfBranches(n, ptr, func(b *yaml.Node, p string) { s.decode(&d, b, p) }) {
		return s.decode(&decoder{}, n, ptr), d.Diags
	}
	v := s.decode(&d, n, ptr)
	return v, d.Diags
}
