package config

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/apigw/apigw/extensions"
	"github.com/apigw/apigw/extensions/apimodel"
	"github.com/apigw/apigw/extensions/diag"
	"go.yaml.in/yaml/v4"
)

// lambdaPathRE matches the integration uri API Gateway uses to invoke a Lambda function.
var lambdaPathRE = regexp.MustCompile(`^arn:[^:]+:apigateway:[^:]*:lambda:path/[^/]+/functions/(.+)/invocations$`)

// functionNameRE is the Lambda API's pattern for a function name or ARN
// (AddPermission's FunctionName).
var functionNameRE = regexp.MustCompile(`^(arn:(aws[a-zA-Z-]*)?:lambda:)?((eusc-)?[a-z]{2}((-gov)|(-iso([a-z]?)))?-[a-z]+-\d{1}:)?(\d{12}:)?(function:)?([a-zA-Z0-9-_]+)(:(\$LATEST|[a-zA-Z0-9-_]+))?$`)

// lambdaFunction returns the function ARN a Lambda integration or authorizer
// invokes, and false when uri does not invoke Lambda or is not known before
// deployment (a stage variable or other ${…} in it).
func lambdaFunction(uri string) (string, bool) {
	if extensions.HasVariables(uri) {
		return "", false
	}
	if m := lambdaPathRE.FindStringSubmatch(uri); m != nil {
		return m[1], true
	}
	if isFunctionARN(uri) {
		return uri, true
	}
	return "", false
}

func isFunctionARN(s string) bool {
	return strings.HasPrefix(s, "arn:") && strings.Contains(s, ":lambda:") && strings.Contains(s, ":function:")
}

// lambdaTarget returns the function uri invokes, as a graph value (text,
// or an intrinsic function when uri is one), and whether uri invokes a
// Lambda function whose permission can be written. why says why a Lambda
// uri gets no permission ("" when there is none to give). bare accepts a
// function given by itself (an HTTP API's integration uri may be the
// function's ARN, or !GetAtt Function.Arn).
func lambdaTarget(uri apimodel.Value, bare bool) (fn any, ok bool, why string) {
	if uri.Intrinsic == nil {
		text := uri.Text
		if m := lambdaPathRE.FindStringSubmatch(text); m != nil {
			text = m[1]
		} else if !isFunctionARN(text) {
			return nil, false, ""
		}
		switch {
		case extensions.HasVariables(text):
			return nil, false, "the function is chosen by " + text
		case !functionNameRE.MatchString(text):
			return nil, false, strconv.Quote(text) + " is not a Lambda function ARN"
		}
		return text, true, ""
	}
	x := uri.Intrinsic
	tmpl, ok := x.SubTemplate()
	if !ok {
		if x.Fn() == "Fn::If" || x.Fn() == "Fn::FindInMap" || x.Fn() == "Fn::ImportValue" || x.Fn() == "Fn::Select" {
			return nil, false, x.Fn() + " chooses the uri at deployment"
		}
		return nil, false, ""
	}
	// Variables may hold ":" and "/"; mask them to match the uri's shape.
	parts := apimodel.SplitSub(tmpl)
	var masked strings.Builder
	for i, p := range parts {
		if p.Var != "" {
			masked.WriteString("\uE000" + strconv.Itoa(i) + "\uE001")
		} else {
			masked.WriteString(p.Text)
		}
	}
	unmask := func(s string) string {
		s = apimodel.SubEscape(s)
		for i, p := range parts {
			if p.Var != "" {
				s = strings.ReplaceAll(s, "\uE000"+strconv.Itoa(i)+"\uE001", "${"+p.Var+"}")
			}
		}
		return s
	}
	m := masked.String()
	var function string
	switch sm := lambdaPathRE.FindStringSubmatch(m); {
	case sm != nil:
		function = unmask(sm[1])
	case isFunctionARN(m):
		function = tmpl
	case bare && len(parts) == 1 && parts[0].Var != "" && !strings.HasPrefix(parts[0].Var, "AWS::"):
		function = tmpl
	default:
		return nil, false, ""
	}
	return functionValue(function, x), true, ""
}

// functionValue returns a function written as Fn::Sub template text as the
// simplest intrinsic function that says it: Fn::GetAtt for "${F.Arn}",
// Ref for "${F}", the text itself when it has no variable, else Fn::Sub.
func functionValue(tmpl string, at *apimodel.Intrinsic) any {
	parts := apimodel.SplitSub(tmpl)
	str := func(s string) *yaml.Node { return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s} }
	var fn string
	var args *yaml.Node
	switch {
	case len(parts) == 1 && parts[0].Var == "":
		return parts[0].Text
	case len(parts) == 1 && strings.Contains(parts[0].Var, ".") && !strings.HasPrefix(parts[0].Var, "AWS::"):
		name, attr, _ := strings.Cut(parts[0].Var, ".")
		fn, args = "Fn::GetAtt", &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq", Content: []*yaml.Node{str(name), str(attr)}}
	case len(parts) == 1:
		fn, args = "Ref", str(parts[0].Var)
	default:
		fn, args = "Fn::Sub", str(tmpl)
	}
	return &apimodel.Intrinsic{Node: &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", Content: []*yaml.Node{str(fn), args}},
		File: at.File, Pointer: at.Pointer, Line: at.Line, Column: at.Column}
}

// arnPath returns the part of an execute-api ARN after the API id for a REST
// method: "/*/GET/pets/*" (every stage; path parameters and ANY as "*").
func arnPath(method, path string) string {
	if method == "ANY" {
		method = "*"
	}
	segs := strings.Split(strings.Trim(path, "/"), "/")
	for i, s := range segs {
		if strings.HasPrefix(s, "{") {
			segs[i] = "*"
		}
	}
	return "/*/" + method + "/" + strings.Join(segs, "/")
}

// The Terraform AWS provider's ARN check (arn.Parse, then its partition,
// region and account patterns), for the arguments it checks.
var (
	arnPartitionRE = regexp.MustCompile(`^aws(-[a-z]+)*$`)
	arnRegionRE    = regexp.MustCompile(`^[a-z]{2}((-gov)|(-iso([a-z]?)))?-[a-z]+-\d{1,2}$`)
	arnAccountRE   = regexp.MustCompile(`^(aws|aws-managed|third-party|aws-marketplace|\d{12}|cw.{10})$`)
)

// arnProblem says why s is not an ARN the provider accepts, "" when it is.
func arnProblem(s string) string {
	parts := strings.SplitN(s, ":", 6)
	switch {
	case len(parts) < 6 || parts[0] != "arn":
		return "it is not arn:partition:service:region:account:resource"
	case !arnPartitionRE.MatchString(parts[1]):
		return "its partition " + strconv.Quote(parts[1]) + " is not one"
	case parts[3] != "" && !arnRegionRE.MatchString(parts[3]):
		return "its region " + strconv.Quote(parts[3]) + " is not one"
	case parts[4] != "" && !arnAccountRE.MatchString(parts[4]):
		return "its account " + strconv.Quote(parts[4]) + " is not one"
	}
	return ""
}

// checkARNs reports, in c, the literal values of the arguments the
// providers check as ARNs (authorizers' provider ARNs and credentials)
// that they would reject.
func (g *graph) checkARNs(c *extensions.Collector, target string) {
	for _, r := range g.res {
		if r.kind != kAuthorizer {
			continue
		}
		var values []any
		if l, ok := r.props.get("provider_arns").([]any); ok {
			values = append(values, l...)
		}
		values = append(values, r.props.get("authorizer_credentials"))
		for _, v := range values {
			s, ok := v.(string)
			if !ok || s == "" {
				continue
			}
			if why := arnProblem(s); why != "" {
				c.Add(diag.ConfigValue, nil, "", "authorizer %s: %q is not an ARN the AWS provider accepts (%s); %s rejects it before deploying anything: write the real ARN", r.name, s, why, target)
			}
		}
	}
}
