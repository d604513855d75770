package config

import (
	"regexp"
	"strings"

	"github.com/apigw/apigw/extensions"
)

// lambdaPathRE matches the integration uri API Gateway uses to invoke a Lambda function.
var lambdaPathRE = regexp.MustCompile(`^arn:[^:]+:apigateway:[^:]*:lambda:path/[^/]+/functions/(.+)/invocations$`)

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
	if strings.HasPrefix(uri, "arn:") && strings.Contains(uri, ":lambda:") && strings.Contains(uri, ":function:") {
		return uri, true
	}
	return "", false
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
