package javaregex

// Diagnostic codes for selection patterns (range APIGW350–APIGW399). They
// are stable; the extensions package turns them into diagnostics.
const (
	// CodeSyntax: Java's Pattern.compile rejects the selection pattern, so
	// API Gateway rejects the integration response.
	CodeSyntax = "APIGW350"
	// CodeApproximate: the pattern uses constructs RE2 cannot express
	// (lookaround, backreferences, possessive quantifiers, atomic groups,
	// \b, multi-line anchors, …); results come from a backtracking engine
	// and are approximate.
	CodeApproximate = "APIGW351"
	// CodeMeaning: the pattern uses a construct whose meaning in Java differs
	// from Go, JavaScript or PCRE ((?U), (?i) ASCII-only, '.' and line
	// terminators, [[:alpha:]], &&, \v, $ before a final line terminator).
	CodeMeaning = "APIGW352"
	// CodeOverlap: two selection patterns of one integration can match the
	// same value, so which response is selected depends on evaluation order.
	CodeOverlap = "APIGW353"
	// CodeTimeout: evaluating the pattern exceeded the time limit.
	CodeTimeout = "APIGW354"
	// CodeUnsupported: the pattern is valid Java but uses a construct this
	// package cannot evaluate (\N{name}).
	CodeUnsupported = "APIGW355"
)
