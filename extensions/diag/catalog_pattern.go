package diag

// Selection patterns (APIGW350–APIGW399).
const (
	// PatternSyntax: Selection pattern Java rejects.
	PatternSyntax Code = "APIGW350"
	// PatternApproximate: Selection pattern evaluated approximately.
	PatternApproximate Code = "APIGW351"
	// PatternMeaning: Selection pattern means something else outside Java.
	PatternMeaning Code = "APIGW352"
	// PatternOverlap: Two selection patterns can match the same value.
	PatternOverlap Code = "APIGW353"
	// PatternTimeout: Selection pattern exceeded the time limit.
	PatternTimeout Code = "APIGW354"
	// PatternUnsupported: Selection pattern construct not supported.
	PatternUnsupported Code = "APIGW355"
)

var patternEntries = []Entry{
	{Code: PatternSyntax, Severity: Error, Title: "Selection pattern Java rejects",
		Doc: "Java's Pattern.compile rejects the selection pattern, so API Gateway rejects the integration response."},
	{Code: PatternApproximate, Severity: Info, Title: "Selection pattern evaluated approximately",
		Doc: "The pattern uses constructs RE2 cannot express (lookaround, backreferences, possessive quantifiers, atomic groups, \\b, multi-line anchors, …); results come from a backtracking engine and are approximate."},
	{Code: PatternMeaning, Severity: Info, Title: "Selection pattern means something else outside Java",
		Doc: "The pattern uses a construct whose meaning in Java differs from Go, JavaScript or PCRE ((?U), (?i) ASCII-only, '.' and line terminators, [[:alpha:]], &&, \\v, $ before a final line terminator)."},
	{Code: PatternOverlap, Severity: Warning, Title: "Two selection patterns can match the same value",
		Doc: "Two selection patterns of one integration can match the same value, so which response is selected depends on evaluation order."},
	{Code: PatternTimeout, Severity: Warning, Title: "Selection pattern exceeded the time limit",
		Doc: "Evaluating the pattern exceeded the time limit."},
	{Code: PatternUnsupported, Severity: Warning, Title: "Selection pattern construct not supported",
		Doc: "The pattern is valid Java but uses a construct this package cannot evaluate (\\N{name})."},
}
