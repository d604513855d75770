package mapping

// Problem codes. They are stable: a code keeps its meaning across releases.
// The range APIGW300–APIGW349 belongs to parameter mappings.
const (
	// CodeUnknownTarget: the key does not name a place API Gateway can map to
	// (unknown prefix or location); the message suggests the nearest valid form.
	CodeUnknownTarget = "APIGW300"
	// CodeUnknownSource: the value starts like an expression but its prefix or
	// location is unknown; the message suggests the nearest valid form.
	CodeUnknownSource = "APIGW301"
	// CodeEmptyName: a parameter, header, variable or JSONPath name is missing
	// (e.g. "method.request.header.").
	CodeEmptyName = "APIGW302"
	// CodeInvalidName: a name has characters API Gateway does not accept
	// (parameter names must match ^[a-zA-Z0-9._$-]+$, header names must be HTTP tokens).
	CodeInvalidName = "APIGW303"
	// CodeUnquotedStatic: a REST static value is not in single quotes, the
	// classic "Invalid mapping expression specified" import failure.
	CodeUnquotedStatic = "APIGW304"
	// CodeUnterminatedQuote: a single-quoted static value lacks its closing
	// (or opening) quote.
	CodeUnterminatedQuote = "APIGW305"
	// CodeMultiValue: a multi-value source is mapped where only one value fits.
	CodeMultiValue = "APIGW306"
	// CodeJSONPath: a body JSONPath is malformed or uses a feature API Gateway
	// does not support (recursive descent "..", filter expressions "?()").
	CodeJSONPath = "APIGW307"
	// CodeUnknownContext: a $context variable that API Gateway does not
	// document; a warning, since new variables appear over time.
	CodeUnknownContext = "APIGW308"
	// CodeReservedHeader: an HTTP API mapping targets a reserved header.
	CodeReservedHeader = "APIGW309"
	// CodeSourceNotAllowed: a valid source used where it is not available
	// (e.g. integration.response.* in a request mapping).
	CodeSourceNotAllowed = "APIGW310"
	// CodeRemoveValue: an HTTP API remove: mapping has a value; remove takes an empty one.
	CodeRemoveValue = "APIGW311"
	// CodeInterpolation: a ${…} part is unterminated or empty.
	CodeInterpolation = "APIGW312"
	// CodeStatusCode: overwrite:statuscode maps a static value that is not an HTTP status code.
	CodeStatusCode = "APIGW313"
	// CodeEmptyValue: a mapping value is empty where a source is required.
	CodeEmptyValue = "APIGW314"
	// CodeDollarPrefix: a REST value is written $context.x or $stageVariables.x;
	// the REST grammar documents context.x and stageVariables.x.
	CodeDollarPrefix = "APIGW315"
	// CodeWhitespace: a value has whitespace around the expression.
	CodeWhitespace = "APIGW316"
	// CodeDoubleQuoted: a REST static value is in double quotes instead of single quotes.
	CodeDoubleQuoted = "APIGW317"
)
