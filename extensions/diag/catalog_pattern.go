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
		Doc:      "A responses key (selection pattern) is not a valid Java regular expression: an unclosed group or class, a dangling *, + or ?, a bare { as in {\"a\":1}, an unknown escape. API Gateway compiles selection patterns with Java's regex engine and rejects the integration response, so the import or deployment fails. The message gives Java's error, its offset and what to write instead (usually: escape the character, or start with .*).",
		Evidence: "Documented: a responses key is a regular expression (" + docIntegrationRes + "). Reported: a CloudFormation stack whose selection pattern started with a dangling * failed to create (" + issuePattern + ")."},
	{Code: PatternApproximate, Severity: Info, Title: "Selection pattern evaluated approximately",
		Doc:      "The pattern uses constructs Go's RE2 cannot express (lookaround, backreferences, possessive quantifiers, atomic groups, \\b, multi-line anchors, …). API Gateway accepts it; apigw evaluates it with a backtracking engine, so apigw simulate's results for it are approximate.",
		Evidence: "Tool contract: a remark about how apigw evaluates the pattern offline; the pattern is valid Java."},
	{Code: PatternMeaning, Severity: Info, Title: "Selection pattern means something else outside Java",
		Doc:      "The pattern uses a construct whose meaning in Java differs from Go, JavaScript or PCRE: (?U) is UNICODE_CHARACTER_CLASS (not ungreedy), (?i) folds ASCII letters only, [[:alpha:]] is a set of characters (not a POSIX class), && intersects classes, \\v is any vertical whitespace, \\Z and $ also match before a final line terminator, [a[b]] unites classes. API Gateway uses Java's meaning; a pattern tested with another engine may select differently. Test it against Java's meaning (apigw simulate does).",
		Evidence: "Tool contract: a remark that the pattern is read with Java's semantics, which API Gateway uses (selection patterns are regular expressions matched by API Gateway, " + docIntegrationRes + "); the pattern is valid."},
	{Code: PatternOverlap, Severity: Info, Title: "Two selection patterns can match the same value",
		Doc:      "Two selection patterns of one integration can both match the same value (the message gives an example), so which integration response applies depends on the order in which API Gateway tries them, which is not documented. API Gateway does no such analysis and accepts the patterns. Make the patterns exclusive, for example by anchoring them on distinct prefixes.",
		Evidence: "Judgement: API Gateway accepts overlapping selection patterns without a warning; the finding is a remark about ambiguity, not about import."},
	{Code: PatternTimeout, Severity: Warning, Title: "Selection pattern exceeded the time limit",
		Doc:      "Evaluating a selection pattern with the backtracking engine exceeded apigw's time limit (catastrophic backtracking, as in (x+x+)+y); the pattern counts as not matching. Simplify the pattern: nested quantifiers over the same characters are the usual cause.",
		Evidence: "Tool contract: apigw bounds regular-expression evaluation in time; the outcome on AWS is not known."},
	{Code: PatternUnsupported, Severity: Warning, Title: "Selection pattern construct not supported",
		Doc:      "The pattern is valid Java but uses a construct apigw cannot evaluate (\\N{name} character names, or a pattern beyond the backtracking engine), so it is neither checked nor simulated. Write the character as \\x{…}, or simplify the pattern.",
		Evidence: "Tool contract: a limit of apigw's evaluator, not of API Gateway."},
}
