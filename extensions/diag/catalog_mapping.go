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
		Doc: "The key does not name a place API Gateway can map to (unknown prefix or location); the message suggests the nearest valid form."},
	{Code: MappingUnknownSource, Severity: Error, Title: "Mapping value names no known source",
		Doc: "The value starts like an expression but its prefix or location is unknown; the message suggests the nearest valid form."},
	{Code: MappingEmptyName, Severity: Error, Title: "Name missing in a mapping expression",
		Doc: "A parameter, header, variable or JSONPath name is missing (e.g. \"method.request.header.\")."},
	{Code: MappingInvalidName, Severity: Error, Title: "Invalid name in a mapping expression",
		Doc: "A name has characters API Gateway does not accept (parameter names must match ^[a-zA-Z0-9._$-]+$, header names must be HTTP tokens)."},
	{Code: MappingUnquotedStatic, Severity: Error, Title: "Static mapping value not in single quotes",
		Doc: "A REST static value is not in single quotes, the classic \"Invalid mapping expression specified\" import failure."},
	{Code: MappingUnterminatedQuote, Severity: Error, Title: "Unterminated quote in a static mapping value",
		Doc: "A single-quoted static value lacks its closing (or opening) quote."},
	{Code: MappingMultiValue, Severity: Error, Title: "Multi-value source where one value fits",
		Doc: "A multi-value source is mapped where only one value fits."},
	{Code: MappingJSONPath, Severity: Error, Title: "Unsupported or malformed JSONPath in a mapping",
		Doc: "A body JSONPath is malformed or uses a feature API Gateway does not support (recursive descent \"..\", filter expressions \"?()\")."},
	{Code: MappingUnknownContext, Severity: Warning, Title: "Undocumented $context variable",
		Doc: "A $context variable that API Gateway does not document; a warning, since new variables appear over time."},
	{Code: MappingReservedHeader, Severity: Error, Title: "Mapping to a reserved HTTP API header",
		Doc: "An HTTP API mapping targets a reserved header."},
	{Code: MappingSourceNotAllowed, Severity: Error, Title: "Mapping source not available here",
		Doc: "A valid source used where it is not available (e.g. integration.response.* in a request mapping)."},
	{Code: MappingRemoveValue, Severity: Warning, Title: "remove: mapping with a value",
		Doc: "An HTTP API remove: mapping has a value; remove takes an empty one."},
	{Code: MappingInterpolation, Severity: Error, Title: "Unterminated or empty ${...} in a mapping",
		Doc: "A ${…} part is unterminated or empty."},
	{Code: MappingStatusCode, Severity: Error, Title: "overwrite:statuscode value is not a status code",
		Doc: "Overwrite:statuscode maps a static value that is not an HTTP status code."},
	{Code: MappingEmptyValue, Severity: Error, Title: "Empty mapping value",
		Doc: "A mapping value is empty where a source is required."},
	{Code: MappingDollarPrefix, Severity: Warning, Title: "REST mapping written with a $ prefix",
		Doc: "A REST value is written $context.x or $stageVariables.x; the REST grammar documents context.x and stageVariables.x."},
	{Code: MappingWhitespace, Severity: Error, Title: "Whitespace around a mapping expression",
		Doc: "A value has whitespace around the expression."},
	{Code: MappingDoubleQuoted, Severity: Error, Title: "Static mapping value in double quotes",
		Doc: "A REST static value is in double quotes instead of single quotes."},
}
