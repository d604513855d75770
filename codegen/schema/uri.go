package schema

import "github.com/invopop/jsonschema"

// Shapes of an integration uri, by type (extensions' uriProblem).
const (
	// httpURL is an absolute http(s) URL with a host and no blanks.
	httpURL = `^[Hh][Tt][Tt][Pp][Ss]?://[^/ \t\n][^ \t\n]*$`
	// privateTarget is a load balancer listener or Cloud Map service ARN (HTTP API private integrations).
	privateTarget = `^arn:[^:]+:(?:elasticloadbalancing|servicediscovery):[\s\S]*$`
	// serviceARN is an API Gateway service ARN: arn:aws:apigateway:{region}:{service}:{path|action}/….
	serviceARN = `^arn:[^:]*:apigateway:[^:]+:[^:]+:(?:path|action)/[\s\S]*$`
	// lambdaPath starts a Lambda invocation path, which must then be lambdaInvocation.
	lambdaPath       = `^arn:[^:]*:apigateway:[^:]+:lambda:path/`
	lambdaInvocation = `^arn:[^:]*:apigateway:[^:]+:lambda:path/2015-03-31/functions/arn:[^:]+:lambda:[^:]*:[\s\S]*/invocations$`
	// lambdaARN is a Lambda function ARN, which HTTP API aws_proxy integrations accept as uri.
	lambdaARN = `^arn:[^:]+:lambda:[\s\S]*$`
)

// uriShape is the condition on a literal uri: it matches one of patterns,
// and a Lambda invocation path is complete. Strings with ${…} variables and
// intrinsic functions are left alone.
func uriShape(patterns ...string) *jsonschema.Schema {
	literal := &jsonschema.Schema{
		Type:    "string",
		Pattern: anyPattern(patterns...),
		If:      &jsonschema.Schema{Pattern: lambdaPath},
		Then:    &jsonschema.Schema{Pattern: lambdaInvocation},
	}
	return props("uri", &jsonschema.Schema{AnyOf: []*jsonschema.Schema{
		{Not: &jsonschema.Schema{Type: "string"}},
		{Type: "string", Pattern: variables},
		literal,
	}})
}

// uriConditions ties the uri's shape to the integration type.
func uriConditions() []*jsonschema.Schema {
	vpcLink := propConst("connectionType", "VPC_LINK")
	return []*jsonschema.Schema{
		ifThen(allOf(typeIs("http", "http_proxy"), &jsonschema.Schema{Not: vpcLink}), uriShape(httpURL)),
		ifThen(allOf(typeIs("http", "http_proxy"), vpcLink), uriShape(httpURL, privateTarget)),
		ifThen(typeIs("aws"), uriShape(serviceARN)),
		ifThen(typeIs("aws_proxy"), uriShape(serviceARN, lambdaARN)),
		// A VPC link reaches HTTP backends only.
		ifThen(vpcLink, typeIs("http", "http_proxy")),
	}
}
