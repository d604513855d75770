package config

import (
	"bytes"
	"fmt"
	"slices"
	"strings"

	"github.com/apigw/apigw/extensions"
	"github.com/apigw/apigw/extensions/apimodel"
	"github.com/apigw/apigw/extensions/diag"
	"github.com/apigw/apigw/extensions/source"
	"go.yaml.in/yaml/v4"
)

// CloudFormation intrinsic functions in the model are values: the
// CloudFormation emitter writes them as they were; Terraform and Pulumi
// translate the ones they have a counterpart for and refuse the others.
// Either way, what a function refers to outside the API (a template
// parameter, another resource of the template) becomes an input of the
// output, named after what it stands for: Ref X is the input X,
// Fn::GetAtt X.Arn the input XArn (a CloudFormation parameter, a Terraform
// variable, a Pulumi config value).

// scope is what the API's intrinsic functions may refer to.
type scope struct {
	// params, conditions and mappings are the template's.
	params, conditions, mappings map[string]*yaml.Node
	// resources are the template's other resources (logical ids).
	resources map[string]bool
	// api is the API's logical id in the output.
	api string
}

// newScope reads the parts of the template the API can refer to.
func newScope(opts Options) *scope {
	s := &scope{params: map[string]*yaml.Node{}, conditions: map[string]*yaml.Node{}, mappings: map[string]*yaml.Node{}, resources: map[string]bool{}}
	if opts.Template == nil {
		return s
	}
	root := source.Resolve(opts.Template)
	for section, into := range map[string]map[string]*yaml.Node{"Parameters": s.params, "Conditions": s.conditions, "Mappings": s.mappings} {
		source.Pairs(source.Get(root, section), func(k string, v *yaml.Node) { into[k] = v })
	}
	source.Pairs(source.Get(root, "Resources"), func(k string, _ *yaml.Node) {
		if k != opts.Resource {
			s.resources[k] = true
		}
	})
	return s
}

// names returns every name the template gives, so that generated names
// do not take them.
func (s *scope) names() []string {
	var out []string
	for _, m := range []map[string]*yaml.Node{s.params, s.conditions, s.mappings} {
		out = append(out, apimodel.SortedKeys(m)...)
	}
	return append(out, apimodel.SortedKeys(s.resources)...)
}

// inputName names the input that stands for attribute attr of the
// resource name ("" for its Ref).
func inputName(name, attr string) string {
	return words(name) + words(strings.Split(attr, ".")...)
}

// pseudo are CloudFormation's pseudo parameters.
var pseudo = []string{"AWS::AccountId", "AWS::NotificationARNs", "AWS::NoValue", "AWS::Partition", "AWS::Region",
	"AWS::StackId", "AWS::StackName", "AWS::URLSuffix"}

// intrinsicError records that an intrinsic function has no counterpart in
// a target, at the function's position.
func intrinsicError(c *extensions.Collector, x *apimodel.Intrinsic, targetName, why string) {
	c.Append(diag.Diagnostic{Severity: diag.Error, Code: diag.ConfigIntrinsic, File: x.File, Line: x.Line, Column: x.Column, Pointer: x.Pointer,
		Message: fmt.Sprintf("%s %s cannot be written for %s: %s; write the value it stands for, or deploy with --target cloudformation",
			x.Fn(), shorten(x.JSON()), targetName, why)})
}

// shorten cuts long text for messages.
func shorten(s string) string {
	if r := []rune(s); len(r) > 120 {
		return string(r[:117]) + "…"
	}
	return s
}

// cfnRefs rewrites intrinsic functions for the CloudFormation output and
// collects the parameters, conditions and mappings it must declare.
type cfnRefs struct {
	*scope
	extensions.Collector
	names      *namer
	params     map[string]any
	conditions map[string]any
	mappings   map[string]any
	// inputs maps "Name.Attr" to the parameter that stands for it.
	inputs map[string]string
	// x is the function being rewritten, for positions.
	x *apimodel.Intrinsic
}

func newCFNRefs(s *scope, names *namer) *cfnRefs {
	return &cfnRefs{scope: s, names: names, params: map[string]any{}, conditions: map[string]any{}, mappings: map[string]any{}, inputs: map[string]string{}}
}

// intrinsic returns x as the template writes it.
func (c *cfnRefs) intrinsic(x *apimodel.Intrinsic) any {
	c.x = x
	return c.tree(x.Node)
}

// tree rewrites a long-form node as an output tree.
func (c *cfnRefs) tree(n *yaml.Node) any {
	n = source.Resolve(n)
	fn := ""
	if n.Kind == yaml.MappingNode && len(n.Content) == 2 {
		fn = source.IntrinsicName(n)
	}
	if fn == "" {
		switch n.Kind {
		case yaml.MappingNode:
			o := newObj()
			for i := 0; i+1 < len(n.Content); i += 2 {
				o.keys, o.vals = append(o.keys, n.Content[i].Value), append(o.vals, c.tree(n.Content[i+1]))
			}
			return o
		case yaml.SequenceNode:
			l := make([]any, len(n.Content))
			for i, e := range n.Content {
				l[i] = c.tree(e)
			}
			return l
		}
		return nodeTree(n)
	}
	args := source.Resolve(n.Content[1])
	switch fn {
	case "Ref":
		if args.Kind == yaml.ScalarNode {
			return newObj().set("Ref", c.ref(args.Value))
		}
	case "Fn::GetAtt":
		if name, attr, ok := getAttArgs(args); ok {
			if name == c.api {
				return newObj().set("Fn::GetAtt", []any{name, attr})
			}
			return newObj().set("Ref", c.input(name, attr))
		}
	case "Fn::Sub":
		return newObj().set("Fn::Sub", c.sub(args))
	case "Fn::If":
		if args.Kind == yaml.SequenceNode && len(args.Content) == 3 {
			c.condition(source.Scalar(args.Content[0]))
		}
	case "Condition":
		c.condition(args.Value)
		return newObj().set("Condition", args.Value)
	case "Fn::FindInMap":
		if args.Kind == yaml.SequenceNode && len(args.Content) > 0 {
			c.mapping(source.Scalar(args.Content[0]))
		}
	}
	return newObj().set(fn, c.tree(args))
}

// sub rewrites the variables of an Fn::Sub argument.
func (c *cfnRefs) sub(args *yaml.Node) any {
	local := map[string]bool{}
	tmpl := args
	var vars *obj
	if args.Kind == yaml.SequenceNode && len(args.Content) == 2 {
		tmpl = source.Resolve(args.Content[0])
		vars = newObj()
		source.Pairs(args.Content[1], func(k string, v *yaml.Node) {
			local[k] = true
			vars.keys, vars.vals = append(vars.keys, k), append(vars.vals, c.tree(v))
		})
	}
	var b strings.Builder
	for _, p := range apimodel.SplitSub(tmpl.Value) {
		switch name, attr, dotted := strings.Cut(p.Var, "."); {
		case p.Var == "":
			b.WriteString(apimodel.SubEscape(p.Text))
		case local[p.Var], strings.HasPrefix(p.Var, "AWS::"):
			b.WriteString("${" + p.Var + "}")
		case dotted && name == c.api:
			b.WriteString("${" + p.Var + "}")
		case dotted:
			b.WriteString("${" + c.input(name, attr) + "}")
		default:
			b.WriteString("${" + c.ref(p.Var) + "}")
		}
	}
	if vars == nil {
		return b.String()
	}
	return []any{b.String(), vars}
}

// ref returns the name a Ref writes for name, declaring the parameter it
// needs.
func (c *cfnRefs) ref(name string) string {
	switch {
	case slices.Contains(pseudo, name), name == c.api:
		return name
	case c.scope.params[name] != nil:
		if _, done := c.params[name]; !done {
			c.params[name] = nil // placeholder against recursion
			c.params[name] = c.tree(apimodel.LongForm(c.scope.params[name]))
		}
		return name
	}
	return c.input(name, "")
}

// input declares the parameter that stands for attribute attr of the
// resource name (its Ref when attr is ""), and returns its name.
func (c *cfnRefs) input(name, attr string) string {
	key := name + "." + attr
	if p, ok := c.inputs[key]; ok {
		return p
	}
	p := name
	what := "Ref " + name
	if attr != "" {
		p = c.names.name(inputName(name, attr))
		what = "Fn::GetAtt " + name + "." + attr
	}
	c.inputs[key] = p
	c.params[p] = newObj().set("Type", "String").set("Description", what+", which the API refers to")
	return p
}

func (c *cfnRefs) condition(name string) {
	if _, done := c.conditions[name]; done {
		return
	}
	def := c.scope.conditions[name]
	if def == nil {
		// A condition the template does not give (or no template) is
		// chosen by a parameter.
		p := c.names.name("Condition" + words(name))
		c.params[p] = newObj().set("Type", "String").set("AllowedValues", []any{"true", "false"}).set("Default", "false").
			set("Description", "Whether the condition "+name+", which the API refers to, holds")
		c.conditions[name] = newObj().set("Fn::Equals", []any{newObj().set("Ref", p), "true"})
		return
	}
	c.conditions[name] = nil
	c.conditions[name] = c.tree(apimodel.LongForm(def))
}

func (c *cfnRefs) mapping(name string) {
	if _, done := c.mappings[name]; done {
		return
	}
	def := c.scope.mappings[name]
	if def == nil {
		intrinsicError(&c.Collector, c.x, "CloudFormation", fmt.Sprintf("the mapping %q is not in the template the API was read from", name))
		return
	}
	c.mappings[name] = c.tree(apimodel.LongForm(def))
}

// metadata records, for each parameter that stands for another resource's
// attribute, what it stands for ({"PetsFunctionArn": "PetsFunction.Arn"}),
// so that reading the template back gives the API as it was written; nil
// when there is none.
func (c *cfnRefs) metadata() *obj {
	inputs := newObj()
	for _, k := range apimodel.SortedKeys(c.inputs) {
		if name, attr, _ := strings.Cut(k, "."); attr != "" {
			inputs.set(c.inputs[k], name+"."+attr)
		}
	}
	if len(inputs.keys) == 0 {
		return nil
	}
	return newObj().set(MetadataKey, newObj().set("Inputs", inputs))
}

// MetadataKey is the key of the CloudFormation output's Metadata under
// which it records which parameter stands for which attribute of another
// resource (Inputs: {"PetsFunctionArn": "PetsFunction.Arn"}).
const MetadataKey = "apigw"

// sections returns the Parameters, Mappings and Conditions to declare.
func (c *cfnRefs) sections() (params, mappings, conditions *obj) {
	return sortedObj(c.params), sortedObj(c.mappings), sortedObj(c.conditions)
}

func getAttArgs(args *yaml.Node) (name, attr string, ok bool) {
	x := &apimodel.Intrinsic{Node: &yaml.Node{Kind: yaml.MappingNode, Content: []*yaml.Node{{Kind: yaml.ScalarNode, Value: "Fn::GetAtt"}, args}}}
	return x.GetAtt()
}

// dialect is how Terraform or Pulumi writes what an intrinsic function
// refers to.
type dialect struct {
	// name is the target's name, for messages.
	name string
	// escape writes literal text.
	escape func(string) string
	// pseudo returns the expression for a pseudo parameter ("" when the
	// target has none).
	pseudo func(name string) string
	// input returns the expression for an input.
	input func(name string) string
	// apiAttr returns the expression for an attribute of the API itself
	// (CloudFormation's spelling: "RootResourceId"; "" for its Ref).
	apiAttr func(attr string) (string, bool)
	// importValue returns the expression for a CloudFormation export.
	importValue func(name string) string
}

// translator writes intrinsic functions for Terraform or Pulumi.
type translator struct {
	*scope
	extensions.Collector
	d dialect
	// inputs are the inputs used, by name, with their template parameter
	// (nil when none).
	inputs map[string]*yaml.Node
	// exports are the CloudFormation export names used.
	exports []string
}

func newTranslator(s *scope, d dialect) *translator {
	return &translator{scope: s, d: d, inputs: map[string]*yaml.Node{}}
}

// text returns x as the target's string, or "" after recording why it
// cannot be written.
func (tr *translator) text(x *apimodel.Intrinsic) string {
	s, why := tr.node(x.Node)
	if why != "" {
		intrinsicError(&tr.Collector, x, tr.d.name, why)
		return ""
	}
	return s
}

// node translates a long-form node; why says what stops it.
func (tr *translator) node(n *yaml.Node) (string, string) {
	n = source.Resolve(n)
	fn := ""
	if n.Kind == yaml.MappingNode && len(n.Content) == 2 {
		fn = source.IntrinsicName(n)
	}
	if fn == "" {
		if n.Kind == yaml.ScalarNode {
			return tr.d.escape(n.Value), ""
		}
		return "", "it yields a list or an object where text is needed"
	}
	args := source.Resolve(n.Content[1])
	switch fn {
	case "Ref":
		if args.Kind == yaml.ScalarNode {
			return tr.ref(args.Value)
		}
	case "Fn::GetAtt":
		if name, attr, ok := getAttArgs(args); ok {
			return tr.getAtt(name, attr)
		}
	case "Fn::Sub":
		return tr.sub(args)
	case "Fn::Join":
		if args.Kind != yaml.SequenceNode || len(args.Content) != 2 || source.Resolve(args.Content[1]).Kind != yaml.SequenceNode {
			return "", "its list is computed by another function"
		}
		var parts []string
		for _, it := range source.Resolve(args.Content[1]).Content {
			s, why := tr.node(it)
			if why != "" {
				return "", why
			}
			parts = append(parts, s)
		}
		return strings.Join(parts, tr.d.escape(source.Scalar(args.Content[0]))), ""
	case "Fn::ImportValue":
		if s, why := tr.node(args); why == "" && !strings.Contains(s, "${") && args.Kind == yaml.ScalarNode {
			if !slices.Contains(tr.exports, args.Value) {
				tr.exports = append(tr.exports, args.Value)
			}
			return tr.d.importValue(args.Value), ""
		}
		return "", "the export's name is not literal text"
	case "Fn::FindInMap":
		return tr.findInMap(args)
	}
	return "", fmt.Sprintf("%s has no counterpart there (it is evaluated by CloudFormation only)", fn)
}

func (tr *translator) sub(args *yaml.Node) (string, string) {
	vars := map[string]string{}
	tmpl := args
	if args.Kind == yaml.SequenceNode && len(args.Content) == 2 {
		tmpl = source.Resolve(args.Content[0])
		var why string
		source.Pairs(args.Content[1], func(k string, v *yaml.Node) {
			s, w := tr.node(v)
			vars[k] = s
			why = cmpOr(why, w)
		})
		if why != "" {
			return "", why
		}
	}
	if tmpl.Kind != yaml.ScalarNode {
		return "", "its template is not text"
	}
	var b strings.Builder
	for _, p := range apimodel.SplitSub(tmpl.Value) {
		var s, why string
		switch name, attr, dotted := strings.Cut(p.Var, "."); {
		case p.Var == "":
			s = tr.d.escape(p.Text)
		case vars[p.Var] != "" || hasKey(vars, p.Var):
			s = vars[p.Var]
		case dotted && !strings.HasPrefix(p.Var, "AWS::"):
			s, why = tr.getAtt(name, attr)
		default:
			s, why = tr.ref(p.Var)
		}
		if why != "" {
			return "", why
		}
		b.WriteString(s)
	}
	return b.String(), ""
}

func hasKey(m map[string]string, k string) bool { _, ok := m[k]; return ok }

func (tr *translator) ref(name string) (string, string) {
	switch {
	case name == "AWS::StackName":
		return tr.input("StackName", nil), ""
	case strings.HasPrefix(name, "AWS::"):
		if e := tr.d.pseudo(name); e != "" {
			return e, ""
		}
		return "", fmt.Sprintf("the pseudo parameter %s has no counterpart there", name)
	case name == tr.api:
		e, _ := tr.d.apiAttr("")
		return e, ""
	}
	return tr.input(name, tr.scope.params[name]), ""
}

func (tr *translator) getAtt(name, attr string) (string, string) {
	if name == tr.api {
		if e, ok := tr.d.apiAttr(attr); ok {
			return e, ""
		}
		return "", fmt.Sprintf("the API's attribute %s has no counterpart there", attr)
	}
	return tr.input(inputName(name, attr), nil), ""
}

// input records an input and returns its expression.
func (tr *translator) input(name string, param *yaml.Node) string {
	tr.inputs[name] = param
	return tr.d.input(name)
}

// findInMap evaluates Fn::FindInMap with literal keys from the template's mappings.
func (tr *translator) findInMap(args *yaml.Node) (string, string) {
	if args.Kind != yaml.SequenceNode || len(args.Content) != 3 {
		return "", "Fn::FindInMap takes a mapping and two keys"
	}
	var keys []string
	for _, k := range args.Content {
		if r := source.Resolve(k); r.Kind != yaml.ScalarNode || source.IntrinsicName(k) != "" {
			return "", "its keys are computed by other functions (only literal keys are looked up)"
		}
		keys = append(keys, source.Scalar(k))
	}
	m := tr.scope.mappings[keys[0]]
	v := source.Resolve(source.Get(source.Get(m, keys[1]), keys[2]))
	if v == nil || v.Kind != yaml.ScalarNode {
		return "", fmt.Sprintf("the mapping %s has no %s.%s in the template the API was read from", keys[0], keys[1], keys[2])
	}
	return tr.d.escape(v.Value), ""
}

// inputDefault returns a template parameter's default as text, "" when none.
func inputDefault(param *yaml.Node) string {
	return source.Scalar(source.Get(param, "Default"))
}

// inputDescription describes an input for its declaration.
func inputDescription(name string, param *yaml.Node) string {
	if d := source.Scalar(source.Get(param, "Description")); d != "" {
		return d
	}
	return name + ", which the API refers to (a parameter or resource of the template it was read from)"
}

// jsonText writes JSON text (a policy) as the target's string: literal
// text escaped, each intrinsic function in it translated into a JSON
// string.
func (tr *translator) jsonText(text string) string {
	n, ok := jsonNode(text)
	if !ok || !apimodel.HasIntrinsic(n) {
		return tr.d.escape(text)
	}
	var b strings.Builder
	var write func(n *yaml.Node)
	write = func(n *yaml.Node) {
		if x := apimodel.NewIntrinsic(n); x != nil && n.Kind == yaml.MappingNode {
			b.WriteString(jsonQuote(tr.text(x)))
			return
		}
		switch n.Kind {
		case yaml.MappingNode:
			b.WriteByte('{')
			for i := 0; i+1 < len(n.Content); i += 2 {
				if i > 0 {
					b.WriteByte(',')
				}
				b.WriteString(tr.d.escape(jsonQuote(n.Content[i].Value)) + ":")
				write(n.Content[i+1])
			}
			b.WriteByte('}')
		case yaml.SequenceNode:
			b.WriteByte('[')
			for i, e := range n.Content {
				if i > 0 {
					b.WriteByte(',')
				}
				write(e)
			}
			b.WriteByte(']')
		default:
			if n.Tag == "!!str" {
				b.WriteString(tr.d.escape(jsonQuote(n.Value)))
			} else {
				b.WriteString(n.Value)
			}
		}
	}
	write(n)
	return b.String()
}

// jsonQuote returns s as a JSON string, without HTML escaping.
func jsonQuote(s string) string {
	var b bytes.Buffer
	source.WriteJSONString(&b, s)
	return b.String()
}
