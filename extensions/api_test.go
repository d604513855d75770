package extensions

import (
	"testing"
)

func TestAuthAndAuthType(t *testing.T) {
	runExtCases(t, []extCase{
		{"iam", ExtAuth, "{type: AWS_IAM}", "", ""},
		{"none lower case", ExtAuth, "{type: none}", "", ""},
		{"bad type", ExtAuth, "{type: COGNITO}", "error:APIGW101", "NONE, AWS_IAM"},
		{"no type", ExtAuth, "{}", "error:APIGW103", "NONE or AWS_IAM"},
		{"not an object", ExtAuth, "AWS_IAM", "warning:APIGW100", "must be an object"},
		{"unknown key", ExtAuth, "{type: NONE, typ: x}", "info:APIGW102", "did you mean"},
		{"sigv4", ExtAuthType, "awsSigv4", "", ""},
		{"custom label", ExtAuthType, "custom", "", ""},
		{"cognito label", ExtAuthType, "cognito_user_pools", "", ""},
		{"reserved prefix", ExtAuthType, "awsIam", "info:APIGW203", "reserves"},
		{"not a string", ExtAuthType, "[a]", "warning:APIGW100", "must be a string"},
	})
	v, _ := decodeText(t, ExtAuth, "{type: aws_iam}")
	if !v.(*Auth).IsIAM() {
		t.Fatal("aws_iam not recognised as IAM")
	}
	v, _ = decodeText(t, ExtAuthType, "AWSSIGV4")
	if !v.(*AuthType).IsIAM() {
		t.Fatal("AWSSIGV4 not recognised as IAM")
	}
}

func TestAnyMethod(t *testing.T) {
	runExtCases(t, []extCase{
		{"operation keys are not warned about", ExtAnyMethod, "{isDefaultRoute: true, parameters: [], responses: {}, security: [], x-amazon-apigateway-integration: {type: aws_proxy}}", "", ""},
		{"bad isDefaultRoute", ExtAnyMethod, "{isDefaultRoute: sometimes}", "warning:APIGW100", "true or false"},
		{"not an object", ExtAnyMethod, "[get]", "warning:APIGW100", "operation object"},
	})
	v, _ := decodeText(t, ExtAnyMethod, "{isDefaultRoute: true}")
	if a := v.(*AnyMethod); a.IsDefaultRoute == nil || !*a.IsDefaultRoute {
		t.Fatal("isDefaultRoute not decoded")
	}
	assertRoundTrip(t, ExtAnyMethod, "# any\nresponses: {}\nisDefaultRoute: 'true' # default\nx-amazon-apigateway-integration: {type: mock}\n")
	assertRoundTrip(t, ExtAnyMethod, "{}")
}

func TestAPISettings(t *testing.T) {
	runExtCases(t, []extCase{
		{"header", ExtAPIKeySource, "HEADER", "", ""},
		{"authorizer", ExtAPIKeySource, "AUTHORIZER", "", ""},
		{"lower case", ExtAPIKeySource, "header", "error:APIGW101", `did you mean "HEADER"`},
		{"size", ExtMinimumCompressionSize, "1024", "", ""},
		{"size zero", ExtMinimumCompressionSize, "0", "", ""},
		{"size max", ExtMinimumCompressionSize, "10485760", "", ""},
		{"size as string", ExtMinimumCompressionSize, "'1024'", "", ""},
		{"size too large", ExtMinimumCompressionSize, "10485761", "error:APIGW104", "0 to 10485760"},
		{"size negative", ExtMinimumCompressionSize, "-1", "error:APIGW104", "0 to 10485760"},
		{"size not a number", ExtMinimumCompressionSize, "1kb", "warning:APIGW100", "integer"},
		{"version", ExtImportExportVersion, "'1.0'", "", ""},
		{"version float", ExtImportExportVersion, "1.0", "", ""},
		{"version unknown", ExtImportExportVersion, "'2.0'", "error:APIGW101", "1.0"},
		{"tag value", ExtTagValue, "SAM", "", ""},
		{"tag value intrinsic", ExtTagValue, "!Ref Env", "", ""},
		{"tag value not a string", ExtTagValue, "{a: b}", "warning:APIGW100", "must be a string"},
		{"tls 1.2", ExtSecurityPolicy, "TLS_1_2", "", ""},
		{"enhanced", ExtSecurityPolicy, "SecurityPolicy_TLS13_1_3_2025_09", "", ""},
		{"policy typo", ExtSecurityPolicy, "TLS_1_3", "warning:APIGW257", "did you mean"},
		{"strict", ExtEndpointAccessMode, "STRICT", "", ""},
		{"basic", ExtEndpointAccessMode, "BASIC", "", ""},
		{"bad mode", ExtEndpointAccessMode, "OPEN", "error:APIGW101", "BASIC, STRICT"},
	})
	v, _ := decodeText(t, ExtSecurityPolicy, "SecurityPolicy_TLS13_1_3_2025_09")
	if !v.(*SecurityPolicy).Enhanced() {
		t.Fatal("SecurityPolicy_* not enhanced")
	}
	for _, c := range []struct{ ext, text string }{
		{ExtAPIKeySource, "'HEADER' # quoted"}, {ExtMinimumCompressionSize, "'1024'"}, {ExtMinimumCompressionSize, "0x10"},
		{ExtImportExportVersion, "1.0"}, {ExtTagValue, "!Sub '${Env}-x'"}, {ExtSecurityPolicy, `"TLS_1_0"`},
		{ExtEndpointAccessMode, "STRICT"}, {ExtAPIKeySource, "[bad]"}, {ExtAuthType, "awsSigv4"}, {ExtAuth, "{type: none, x: 1}"},
	} {
		assertRoundTrip(t, c.ext, c.text)
	}
}

func TestBinaryMediaTypes(t *testing.T) {
	B := ExtBinaryMediaTypes
	runExtCases(t, []extCase{
		{"good", B, "[application/octet-stream, image/*, '*/*', 'application/vnd.api+json; charset=utf-8', !Ref T]", "", ""},
		{"escaped slash", B, "['image~1png']", "warning:APIGW114", `write "image/png"`},
		{"no subtype", B, "[image]", "warning:APIGW114", "type/subtype"},
		{"wildcard type only", B, "['*/png']", "warning:APIGW114", "type/subtype"},
		{"space", B, "['image/ png']", "warning:APIGW114", "type/subtype"},
		{"not a list", B, "image/png", "warning:APIGW100", "list of strings"},
		{"null item", B, "[null]", "warning:APIGW100", "must be a string"},
	})
	assertRoundTrip(t, B, "# binary\n- image/png # png\n- \"*/*\"\n- !Ref Other\n")
	assertRoundTrip(t, B, "{'Fn::If': [c, [a/b], [c/d]]}")
}

func TestEndpointConfiguration(t *testing.T) {
	E := ExtEndpointConfiguration
	runExtCases(t, []extCase{
		{"good", E, "{types: [PRIVATE], vpcEndpointIds: [vpce-1, !Ref Vpce], disableExecuteApiEndpoint: true, ipAddressType: dualstack}", "", ""},
		{"ip upper case", E, "{ipAddressType: IPV4}", "", ""},
		{"bad type", E, "{types: [PUBLIC]}", "error:APIGW101", "EDGE, REGIONAL, PRIVATE"},
		{"bad ip type", E, "{ipAddressType: ipv6}", "error:APIGW101", "ipv4, dualstack"},
		{"bad bool", E, "{disableExecuteApiEndpoint: 1}", "warning:APIGW100", "true or false"},
		{"vpc ids without private", E, "{types: [REGIONAL], vpcEndpointIds: [vpce-1]}", "warning:APIGW256", "PRIVATE"},
		{"not an object", E, "[x]", "warning:APIGW100", "must be an object"},
		{"unknown key", E, "{vpcEndpointId: [x]}", "info:APIGW102", `did you mean "vpcEndpointIds"`},
	})
	assertRoundTrip(t, E, "disableExecuteApiEndpoint: 'true' # off\nvpcEndpointIds: [b, a]\nother: x\n")
	assertRoundTrip(t, E, "[this should be a dict]")
}

func TestCORS(t *testing.T) {
	C := ExtCORS
	runExtCases(t, []extCase{
		{"good", C, "{allowOrigins: ['https://example.com'], allowCredentials: true, exposeHeaders: [x-a], maxAge: 3600, allowMethods: [GET, options, '*'], allowHeaders: [content-type]}", "", ""},
		{"max age -1", C, "{maxAge: -1}", "", ""},
		{"max age too large", C, "{maxAge: 86401}", "error:APIGW104", "-1 to 86400"},
		{"max age too small", C, "{maxAge: -2}", "error:APIGW104", "-1 to 86400"},
		{"bad method", C, "{allowMethods: [GETS]}", "error:APIGW101", "did you mean GET"},
		{"credentials with wildcard", C, "{allowOrigins: ['*'], allowCredentials: true}", "error:APIGW255", "list the allowed origins"},
		{"wildcard without credentials", C, "{allowOrigins: ['*'], allowCredentials: false}", "", ""},
		{"origins not a list", C, "{allowOrigins: '*'}", "warning:APIGW100", "list of strings"},
		{"whole value intrinsic", C, "{'Fn::If': [c, {allowOrigins: ['*']}, !Ref AWS::NoValue]}", "", ""},
		{"unknown key", C, "{allowOrigin: [x]}", "info:APIGW102", `did you mean "allowOrigins"`},
	})
	assertRoundTrip(t, C, "# cors\nmaxAge: '600'\nallowOrigins: ['*'] # all\nallowMethods: [GET]\nextra: 1\n")
	assertRoundTrip(t, C, "{'Fn::If': [c, {allowOrigins: ['*']}, !Ref AWS::NoValue]}")
}

func TestAPIExtensionsRegistered(t *testing.T) {
	places := map[string]struct {
		at         Place
		rest, http bool
	}{
		ExtAnyMethod: {AtPathItem, false, false}, ExtAuth: {AtOperation, false, false},
		ExtAuthType: {AtSecurityScheme, false, false}, ExtAuthorizer: {AtSecurityScheme, false, false},
		ExtAPIKeySource: {AtRoot, true, false}, ExtBinaryMediaTypes: {AtRoot, true, false},
		ExtMinimumCompressionSize: {AtRoot, true, false}, ExtPolicy: {AtRoot, true, false},
		ExtDocumentation: {AtRoot, true, false}, ExtGatewayResponses: {AtRoot, true, false},
		ExtEndpointConfiguration: {AtRoot | AtServer, false, false}, ExtCORS: {AtRoot, false, true},
		ExtImportExportVersion: {AtRoot, false, true}, ExtTagValue: {AtTag, false, true},
		ExtSecurityPolicy: {AtRoot, true, false}, ExtEndpointAccessMode: {AtRoot, true, false},
		ExtRequestValidators: {AtRoot, true, false}, ExtRequestValidator: {AtRoot | AtOperation, true, false},
	}
	for _, name := range apiExtensions {
		s := LookupSpec(name)
		if s == nil {
			t.Fatalf("%s not registered", name)
		}
		want := places[name]
		if s.Places != want.at || s.RESTOnly != want.rest || s.HTTPOnly != want.http || s.Summary == "" {
			t.Errorf("%s: places %b rest %v http %v, want %b %v %v", name, s.Places, s.RESTOnly, s.HTTPOnly, want.at, want.rest, want.http)
		}
		v, _ := Decode(name, parse(t, "{}"), "")
		if v == nil || v.Extension() != name {
			t.Errorf("%s: decoded value names %v", name, v)
		}
	}
}
