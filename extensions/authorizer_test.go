package extensions

import (
	"fmt"
	"strings"
	"testing"

	"github.com/apigw/apigw/extensions/source"
)

const (
	lambdaURI = "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:auth/invocations"
	poolARN   = "arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_AbC123"
)

func TestAuthorizer(t *testing.T) {
	A := ExtAuthorizer
	runExtCases(t, []extCase{
		{"token", A, "{type: token, authorizerUri: " + lambdaURI + ", identitySource: method.request.header.Authorization, identityValidationExpression: '^Bearer .+$', authorizerResultTtlInSeconds: 300, authorizerCredentials: arn:aws:iam::123456789012:role/r}", "", ""},
		{"type case kept", A, "{type: TOKEN, authorizerUri: x}", "", ""},
		{"request http 2.0", A, "{type: request, authorizerUri: x, authorizerPayloadFormatVersion: '2.0', enableSimpleResponses: true, identitySource: [$request.header.Authorization]}", "", ""},
		{"payload version unquoted", A, "{type: request, authorizerUri: x, authorizerPayloadFormatVersion: 1.0}", "", ""},
		{"cognito", A, "{type: cognito_user_pools, providerARNs: [" + poolARN + "], identityValidationExpression: abc}", "", ""},
		{"cognito intrinsic arn", A, "{type: cognito_user_pools, providerARNs: [!GetAtt Pool.Arn, {'Fn::Sub': 'arn:aws:cognito-idp:${AWS::Region}:${AWS::AccountId}:userpool/${Pool}'}]}", "", ""},
		{"jwt", A, "{type: jwt, identitySource: $request.header.Authorization, jwtConfiguration: {issuer: https://cognito-idp.us-east-1.amazonaws.com/p, audience: [a, b]}}", "", ""},
		{"ttl as string", A, "{type: token, authorizerUri: x, authorizerResultTtlInSeconds: '0'}", "", ""},
		{"whole value intrinsic", A, "{'Fn::If': [c, {type: token, authorizerUri: x}, {type: jwt, jwtConfiguration: {issuer: https://i, audience: [a]}}]}", "", ""},
		{"each branch of an intrinsic checked", A, "{'Fn::If': [c, {type: token}, !If [d, !Ref AWS::NoValue, {type: jwt}]]}", "error:APIGW103,error:APIGW103", "needs authorizerUri"},
		{"not an object", A, "token", "warning:APIGW100", "must be an object"},
		{"no type", A, "{authorizerUri: x}", "error:APIGW103", "add type"},
		{"bad type", A, "{type: lambda, authorizerUri: x}", "error:APIGW101", "is not one of"},
		{"type typo", A, "{type: tokn, authorizerUri: x}", "error:APIGW101", `did you mean "token"`},
		{"token without uri", A, "{type: token}", "error:APIGW103", "needs authorizerUri"},
		{"request without uri", A, "{type: request}", "error:APIGW103", "needs authorizerUri"},
		{"cognito without arns", A, "{type: cognito_user_pools}", "error:APIGW103", "needs providerARNs"},
		{"jwt without configuration", A, "{type: jwt}", "error:APIGW103", "needs jwtConfiguration"},
		{"jwt without issuer", A, "{type: jwt, jwtConfiguration: {audience: [a]}}", "error:APIGW103", "needs issuer"},
		{"jwt audience not a list", A, "{type: jwt, jwtConfiguration: {issuer: i, audience: {a: b}}}", "warning:APIGW100", "list of strings"},
		{"jwt unknown key", A, "{type: jwt, jwtConfiguration: {issuer: i, audiences: [a]}}", "info:APIGW102", `did you mean "audience"`},
		{"ttl too large", A, "{type: token, authorizerUri: x, authorizerResultTtlInSeconds: 3601}", "error:APIGW104", "0 to 3600"},
		{"ttl negative", A, "{type: token, authorizerUri: x, authorizerResultTtlInSeconds: -1}", "error:APIGW104", "0 to 3600"},
		{"ttl not a number", A, "{type: token, authorizerUri: x, authorizerResultTtlInSeconds: 5m}", "warning:APIGW100", "integer"},
		{"bad provider arn", A, "{type: cognito_user_pools, providerARNs: [arn:aws:cognito-idp:us-east-1:123:pool/x]}", "warning:APIGW201", "userpool/{user_pool_id}"},
		{"provider arns not a list", A, "{type: cognito_user_pools, providerARNs: " + poolARN + "}", "warning:APIGW100", "list of strings"},
		{"bad payload version", A, "{type: request, authorizerUri: x, authorizerPayloadFormatVersion: '3.0'}", "error:APIGW101", "1.0, 2.0"},
		{"simple responses bad bool", A, "{type: request, authorizerUri: x, authorizerPayloadFormatVersion: '2.0', enableSimpleResponses: yes}", "warning:APIGW100", "true or false"},
		{"simple responses without 2.0", A, "{type: request, authorizerUri: x, enableSimpleResponses: true}", "warning:APIGW200", "needs authorizerPayloadFormatVersion"},
		{"simple responses false without 2.0", A, "{type: request, authorizerUri: x, enableSimpleResponses: false}", "", ""},
		{"uri on cognito", A, "{type: cognito_user_pools, providerARNs: [" + poolARN + "], authorizerUri: x}", "warning:APIGW200", "ignored for a cognito_user_pools"},
		{"credentials on jwt", A, "{type: jwt, jwtConfiguration: {issuer: i}, authorizerCredentials: r}", "warning:APIGW200", "authorizerCredentials is ignored"},
		{"arns on token", A, "{type: token, authorizerUri: x, providerARNs: [" + poolARN + "]}", "warning:APIGW200", "providerARNs is ignored"},
		{"validation on request", A, "{type: request, authorizerUri: x, identityValidationExpression: abc}", "warning:APIGW200", "identityValidationExpression is ignored"},
		{"jwt configuration on request", A, "{type: request, authorizerUri: x, jwtConfiguration: {issuer: i}}", "warning:APIGW200", "jwtConfiguration is ignored"},
		{"payload version on token", A, "{type: token, authorizerUri: x, authorizerPayloadFormatVersion: '1.0'}", "warning:APIGW200", "authorizerPayloadFormatVersion is ignored"},
		{"ttl on jwt", A, "{type: jwt, jwtConfiguration: {issuer: i}, authorizerResultTtlInSeconds: 0}", "warning:APIGW200", "authorizerResultTtlInSeconds is ignored"},
		{"empty identity source entry", A, "{type: request, authorizerUri: x, identitySource: 'method.request.header.A,,method.request.querystring.b'}", "warning:APIGW202", "empty entry"},
		{"identity source not a string", A, "{type: request, authorizerUri: x, identitySource: {a: b}}", "warning:APIGW100", "must be a string"},
		{"unknown key", A, "{type: token, authorizerUri: x, authorizerURI: y}", "info:APIGW102", `did you mean "authorizerUri"`},
	})
}

func TestIdentitySourceSplit(t *testing.T) {
	v, _ := decodeText(t, ExtAuthorizer, "{type: request, authorizerUri: x, identitySource: 'method.request.header.A, method.request.querystring.b'}")
	a := v.(*Authorizer)
	if got := strings.Join(a.IdentitySource.Strings(), "|"); got != "method.request.header.A|method.request.querystring.b" || a.IdentitySource.List {
		t.Fatalf("sources = %q list=%v", got, a.IdentitySource.List)
	}
	v, _ = decodeText(t, ExtAuthorizer, "{type: request, authorizerUri: x, identitySource: [$request.header.A, $context.b]}")
	if s := v.(*Authorizer).IdentitySource; !s.List || len(s.Sources) != 2 {
		t.Fatalf("list form not decoded: %+v", s)
	}
}

func TestAuthorizerRoundTrip(t *testing.T) {
	for _, text := range []string{
		"# lambda\ntype: TOKEN # as written\nauthorizerUri: !Sub 'arn:aws:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${Fn.Arn}/invocations'\nauthorizerResultTtlInSeconds: '300'\nidentitySource: method.request.header.A,method.request.header.B\nx-extra: {keep: me}\n",
		"{type: jwt, identitySource: [$request.header.Authorization], jwtConfiguration: {audience: [a], issuer: i, other: 1}}",
		"{type: cognito_user_pools, providerARNs: [!GetAtt Pool.Arn, null]}",
		"{type: request, authorizerUri: x, authorizerPayloadFormatVersion: 2.0, enableSimpleResponses: 'true'}",
		"{'Fn::If': [c, {type: token}, {type: jwt}]}",
	} {
		assertRoundTrip(t, ExtAuthorizer, text)
	}
}

func TestAuthorizerEncodeChanged(t *testing.T) {
	v, _ := decodeText(t, ExtAuthorizer, "{type: request, authorizerUri: x, identitySource: 'method.request.header.A'}")
	a := v.(*Authorizer)
	a.IdentitySource.Sources = append(a.IdentitySource.Sources, S("method.request.header.B"))
	ttl := 60
	a.AuthorizerResultTTLInSeconds = &ttl
	got := a.Encode()
	if s := source.Lookup(got, "identitySource").Value; s != "method.request.header.A, method.request.header.B" {
		t.Fatalf("identitySource = %q", s)
	}
	if s := source.Lookup(got, "authorizerResultTtlInSeconds").Value; s != "60" {
		t.Fatalf("ttl = %q", s)
	}
	if k := got.Content[len(got.Content)-2].Value; k != "authorizerResultTtlInSeconds" {
		t.Fatalf("new key not last: %s", k)
	}
}

func ExampleDecode_authorizer() {
	text := `
type: request
authorizerUri: arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:auth/invocations
identitySource: method.request.header.Authorization, method.request.querystring.token
authorizerResultTtlInSeconds: 7200
`
	var doc yamlNode
	mustUnmarshal(text, &doc)
	v, diags := Decode(ExtAuthorizer, &doc, "/securityDefinitions/lambda/"+ExtAuthorizer)
	a := v.(*Authorizer)
	fmt.Println(a.Type, a.Is(AuthorizerRequest), a.IdentitySource.Strings())
	for _, d := range diags {
		fmt.Println(d)
	}
	// Output:
	// request true [method.request.header.Authorization method.request.querystring.token]
	// <input>:5:31: error: authorizerResultTtlInSeconds is 7200; API Gateway accepts 0 to 3600 [APIGW104]
}
