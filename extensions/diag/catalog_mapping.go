package diag

// Parameter-mapping expressions (APIGW300–APIGW349).
const (
	// MappingUnknownTarget: Mapping key names no mapping target.
	MappingUnknownTarget Code = "APIGW300"
	// MappingUnknownSource: Mapping value names no known source.
	MappingUnknownSource Code = "APIGW301"
	// MappingEmptyName: Name missing in a mapping expression.
	MappingEmptyName Code = "APIGW302"
	// MappingInvalidName: Invalid name in a mapping expression.
	MappingInvalidName Code = "APIGW303"
	// MappingUnquotedStatic: Static mapping value not in single quotes.
	MappingUnquotedStatic Code = "APIGW304"
	// MappingUnterminatedQuote: Unterminated quote in a static mapping value.
	MappingUnterminatedQuote Code = "APIGW305"
	// MappingMultiValue: Multi-value source where one value fits.
	MappingMultiValue Code = "APIGW306"
	// MappingJSONPath: Unsupported or malformed JSONPath in a mapping.
	MappingJSONPath Code = "APIGW307"
	// MappingUnknownContext: Undocumented $context variable.
	MappingUnknownContext Code = "APIGW308"
	// MappingReservedHeader: Mapping to a reserved HTTP API header.
	MappingReservedHeader Code = "APIGW309"
	// MappingSourceNotAllowed: Mapping source not available here.
	MappingSourceNotAllowed Code = "APIGW310"
	// MappingRemoveValue: remove: mapping with a value.
	MappingRemoveValue Code = "APIGW311"
	// MappingInterpolation: Unterminated or empty ${...} in a mapping.
	MappingInterpolation Code = "APIGW312"
	// MappingStatusCode: overwrite:statuscode value is not a status code.
	MappingStatusCode Code = "APIGW313"
	// MappingEmptyValue: Empty mapping value.
	MappingEmptyValue Code = "APIGW314"
	// MappingDollarPrefix: REST mapping written with a $ prefix.
	MappingDollarPrefix Code = "APIGW315"
	// MappingWhitespace: Whitespace around a mapping expression.
	MappingWhitespace Code = "APIGW316"
	// MappingDoubleQuoted: Static mapping value in double quotes.
	MappingDoubleQuoted Code = "APIGW317"
)

var mappingEntries = []Entry{
	{Code: MappingUnknownTarget, Severity: Error, Title: "Mapping key names no mapping target",
		Doc:      "A parameter-mapping key does not name a place API Gateway can map to: REST keys are integration.request.{path|querystring|header}.NAME, method.response.header.NAME or gatewayresponse.header.NAME; HTTP API keys are append|overwrite|remove:header.NAME, append|overwrite|remove:querystring.NAME or overwrite:path (and overwrite:statuscode in responses). The service answers \"Invalid mapping expression specified … Invalid mapping identifier specified\" and the import fails. Write the nearest valid form the message suggests.",
		Evidence: "Reported: PutIntegration and PutIntegrationResponse fail with \"Invalid mapping expression specified: Validation Result: warnings : [], errors : [Invalid mapping identifier specified]\" (" + issueMappingID + "). Documented keys: " + docRESTSources + ", " + docHTTPMapping + "."},
	{Code: MappingUnknownSource, Severity: Error, Title: "Mapping value names no known source",
		Doc:      "A mapping value starts like an expression but names no source API Gateway knows (method.request.{path|querystring|header|multivaluequerystring|multivalueheader}.NAME, method.request.body, integration.response.…, context.NAME, stageVariables.NAME, or a 'static value'). The service answers \"Invalid mapping expression specified\" and the import fails. Write the nearest valid form the message suggests.",
		Evidence: "Recorded: a mapping value the grammar does not accept fails with BadRequestException \"Invalid mapping expression specified: Validation Result: warnings : [], errors : [Invalid mapping expression specified: true]\" (" + snapAPI + ", test_put_integration_request_parameter_bool_type). Documented sources: " + docRESTSources + "."},
	{Code: MappingEmptyName, Severity: Error, Title: "Name missing in a mapping expression",
		Doc:      "A parameter, header, context variable, stage variable or JSONPath name is missing, as in method.request.header. with nothing after the dot. Such an expression does not match the mapping grammar and is rejected. Write the name.",
		Evidence: "Documented: a mapping expression names its parameter and must match ^[a-zA-Z0-9._$-]+$ (" + docRESTSources + "); recorded: an expression outside the grammar fails with \"Invalid mapping expression specified\" (" + snapAPI + ", test_put_integration_request_parameter_bool_type)."},
	{Code: MappingInvalidName, Severity: Error, Title: "Invalid name in a mapping expression",
		Doc:      "A name in a mapping expression has characters API Gateway does not accept: parameter names must match ^[a-zA-Z0-9._$-]+$, header names must be HTTP tokens, stage variable names only letters, digits and underscores. Rename the parameter, or map it under a valid name.",
		Evidence: "Documented: a mapping expression must match the regular expression ^[a-zA-Z0-9._$-]+$ (" + docRESTSources + ")."},
	{Code: MappingUnquotedStatic, Severity: Error, Title: "Static mapping value not in single quotes",
		Doc:      "A REST static value is not in single quotes, so API Gateway reads it as an expression and rejects it: the classic \"Invalid mapping expression specified\" import failure. Write the value in single quotes, as in \"'application/json'\" (in YAML, wrap the whole thing in double quotes).",
		Evidence: "Recorded: the unquoted value true fails with BadRequestException \"Invalid mapping expression specified: … [Invalid mapping expression specified: true]\" (" + snapAPI + ", test_put_integration_request_parameter_bool_type). Documented: a static value is a string literal enclosed in a pair of single quotes (" + docRESTSources + ")."},
	{Code: MappingUnterminatedQuote, Severity: Error, Title: "Unterminated quote in a static mapping value",
		Doc:      "A single-quoted static value lacks its closing (or opening) quote, so it is not a static value and not an expression either; the mapping is rejected. Write both quotes.",
		Evidence: "Documented: a static value is a string literal enclosed within a pair of single quotes (" + docRESTSources + "); recorded: a value outside the grammar fails with \"Invalid mapping expression specified\" (" + snapAPI + ", test_put_integration_request_parameter_bool_type)."},
	{Code: MappingMultiValue, Severity: Warning, Title: "Multi-value source where one value fits",
		Doc:      "A multi-value source (method.request.multivalueheader.X, multivaluequerystring.X) is mapped where only one value fits: into a path parameter, or in a gateway response, which maps single values. Map the single-value source (method.request.header.X, method.request.querystring.X) instead.",
		Evidence: "Documented: the multi-value sources are listed separately from the single-value ones (" + docRESTSources + "). Judgement for the severity: no recorded import of such a mapping, so a warning."},
	{Code: MappingJSONPath, Severity: Error, Title: "Unsupported or malformed JSONPath in a mapping",
		Doc:      "A body JSONPath in a mapping is malformed (an unterminated [, a trailing dot) or uses a feature API Gateway does not support: recursive descent (..) and filter expressions (?(…)). Name each level (body.a.b[0]), or use a mapping template for anything more.",
		Evidence: "Documented: recursive descent ($request.body..name) and filter expressions (?(expression)) are not supported in mapping JSONPaths (" + docHTTPMapping + "); REST body sources are JSONPath expressions (" + docRESTSources + ")."},
	{Code: MappingUnknownContext, Severity: Warning, Title: "Undocumented $context variable",
		Doc:      "A context variable that API Gateway does not document. It maps to nothing (or to an empty value) at run time. Check the spelling against the list of context variables; new variables appear over time, so this is a warning.",
		Evidence: "Documented: context variables must be one of the supported ones (" + docContext + "). Judgement for the severity: the list grows, and import is not recorded to reject an unknown one, so a warning."},
	{Code: MappingReservedHeader, Severity: Error, Title: "Mapping to a reserved HTTP API header",
		Doc:      "An HTTP API parameter mapping targets a reserved header (access-control-*, apigw-*, Authorization, Connection, Content-Encoding, Content-Length, Forwarded, Host, …), which API Gateway does not let mappings change. Map to another header, or configure CORS with x-amazon-apigateway-cors.",
		Evidence: "Documented: request and response mappings cannot be configured for the reserved headers the page lists (" + docHTTPMapping + ")."},
	{Code: MappingSourceNotAllowed, Severity: Error, Title: "Mapping source not available here",
		Doc:      "A valid source is used where it is not available: integration.response.* in a request mapping, method.request.body in a gateway response, $response in an HTTP API request mapping. Use a source the message lists for this place.",
		Evidence: "Documented: the request and response mapping tables list different sources, and integration responses map from the integration response, context, stage variables or static values (" + docRESTSources + ", " + docHTTPMapping + ")."},
	{Code: MappingRemoveValue, Severity: Warning, Title: "remove: mapping with a value",
		Doc:      "An HTTP API remove:header.X or remove:querystring.X mapping has a value; remove takes an empty one, and the value is meaningless. Write \"\".",
		Evidence: "Judgement: the documentation shows remove mappings with an empty value (" + docHTTPMapping + "); the outcome of a value is not recorded, so a warning."},
	{Code: MappingInterpolation, Severity: Warning, Title: "Unterminated or empty ${...} in a mapping",
		Doc:      "A ${…} part of an HTTP API mapping is unterminated or empty, or a $variable inside text is written without braces, so it is not evaluated as a selection. Write ${request.header.NAME} (braces are needed to combine variables with text).",
		Evidence: "Documented: to use several variables in one selection expression, each is enclosed in brackets, ${…} (" + docHTTPMapping + "). Judgement for the severity: the import outcome is not recorded, so a warning."},
	{Code: MappingStatusCode, Severity: Warning, Title: "overwrite:statuscode value is not a status code",
		Doc:      "An HTTP API response mapping overwrite:statuscode has a static value that is not an HTTP status code, so the client would get no valid status. Write a number from 100 to 599, such as \"403\".",
		Evidence: "Documented: overwrite:statuscode changes the response's status code (" + docHTTPMapping + "). Judgement for the severity: the import outcome is not recorded, so a warning."},
	{Code: MappingEmptyValue, Severity: Error, Title: "Empty mapping value",
		Doc:      "A mapping value is empty where a source is required. API Gateway rejects empty mapping values. Write a source, such as method.request.header.NAME, or a static value in single quotes.",
		Evidence: "Recorded: an empty response parameter value is refused with BadRequestException \"Invalid null or empty value in responseParameters\" (" + snapAPI + ", test_update_gateway_response)."},
	{Code: MappingDollarPrefix, Severity: Warning, Title: "REST mapping written with a $ prefix",
		Doc:      "A REST mapping value is written $context.x or $stageVariables.x; the REST grammar documents context.x and stageVariables.x (the $ form belongs to mapping templates and HTTP APIs). Drop the $.",
		Evidence: "Documented: REST mapping sources are context.name and stageVariables.name (" + docRESTSources + "). Judgement for the severity: the outcome of the $ form is not recorded, so a warning."},
	{Code: MappingWhitespace, Severity: Error, Title: "Whitespace around a mapping expression",
		Doc:      "A mapping value has spaces around the expression, which the expression grammar does not allow, so the mapping is rejected. Remove the spaces (inside a static value in single quotes they are fine).",
		Evidence: "Documented: the expression must match ^[a-zA-Z0-9._$-]+$, which has no room for spaces (" + docRESTSources + ")."},
	{Code: MappingDoubleQuoted, Severity: Error, Title: "Static mapping value in double quotes",
		Doc:      "A REST static value is in double quotes instead of single quotes, so it is not a static value and is rejected as an expression. Write it in single quotes: \"'value'\".",
		Evidence: "Documented: a static value is a string literal enclosed in a pair of single quotes (" + docRESTSources + "); recorded: a value outside the grammar fails with \"Invalid mapping expression specified\" (" + snapAPI + ", test_put_integration_request_parameter_bool_type)."},
}
