// Package javaregex evaluates API Gateway selection patterns the way API
// Gateway does: with java.util.regex semantics (Java 17) against the whole
// string, as Matcher.matches() does. The string is the Lambda errorMessage
// for Lambda and AWS integrations and the backend status code otherwise.
//
// Compile parses a pattern with a port of Java's own Pattern parser, so it
// rejects exactly what Java rejects (unclosed groups and classes, dangling
// *, + and ?, a bare { as in {"a":1}, a{,3}, unknown escapes and \p{…}
// names, unbounded lookbehind, …) and reports the byte offset, Java's
// index, Java's message and what to write instead, as an *Error with Code
// diag.PatternSyntax.
//
// Character classes, predefined classes and case-insensitive literals are
// reduced to explicit code-point sets computed from the JVM's own tables
// (tables_gen.go), which encode the differences from Go's RE2:
//
//   - '.' excludes all Java line terminators (\n, \r, \u0085, \u2028,
//     \u2029) unless (?s); only \n under (?d) UNIX_LINES;
//   - (?i) folds ASCII letters only; (?iu) folds with Unicode case rules
//     (the Kelvin sign matches k, dotless ı matches i);
//   - (?U) is UNICODE_CHARACTER_CLASS (Unicode \w, \d, \s, \b and POSIX
//     names), not Go's ungreedy flag;
//   - \v is vertical whitespace, \h horizontal whitespace, \R a line break;
//   - [a-z&&[^aeiou]] intersects, nested classes unite, and [[:alpha:]] is
//     the set of ':', 'a', 'l', 'p', 'h' rather than a POSIX class;
//   - $ (and \Z) also match before a final line terminator, ^ and $ under
//     (?m) match around any Java line terminator;
//   - \p{Alpha}, \p{javaLowerCase}, \p{IsAlphabetic}, \p{L}, \p{IsLatin},
//     \p{InGreek} and the other Java property names have Java's meaning.
//
// Whenever an equivalent RE2 program exists, Match runs Go's regexp with
// the translation returned by RE2 (anchored as \A(?:…)\z), and the result is
// exact. Constructs RE2 cannot express — backreferences, lookahead and
// lookbehind, atomic groups, possessive quantifiers, \b and \B, \G, \X,
// \b{g}, anchors in the middle of a pattern under (?m), quantified \R and
// repetition counts above 1000 — are evaluated with the backtracking engine
// github.com/dlclark/regexp2 on an equivalent .NET-syntax pattern, bounded
// by a time limit (DefaultTimeout, or WithTimeout). Such results are
// labelled approximate: the engines differ in corner cases (Java's \b
// treats non-spacing marks specially, case-insensitive backreferences, (?c)
// canonical equivalence is not applied, \X is a simplification). Constructs
// lists what a pattern uses, for diagnostics.
//
// \N{name} (character names) is valid Java but not supported; Compile
// reports it with diag.PatternUnsupported.
//
// Overlap searches for a string that two patterns both match; it is a
// search over generated candidates, not a proof that no such string exists.
//
// The package is tested against a real JVM (see differential_test.go): at
// the time of writing 18,077 (pattern, input) pairs, every result equal to
// Java's, including the approximate ones.
package javaregex

//go:generate sh -c "java --add-opens java.base/java.lang=ALL-UNNAMED internal/gen/GenTables.java > tables_gen.go"
