// Package vtl renders Amazon API Gateway mapping templates: Apache
// Velocity 1.7, the engine API Gateway runs, with API Gateway's $input,
// $util, $context and $stageVariables.
//
//	t, err := vtl.Parse("response.vm", src) // a syntax error is a *vtl.Error
//	out, err := t.Render(vtl.Input{Body: body}, vtl.Options{})
//	fmt.Print(out.Body)
//
// # Fidelity
//
// The lexer and parser are a port of the ones JavaCC generates from
// Velocity 1.7's grammar: the same lexical states, longest-match rule,
// lookahead and node boundaries. That is what decides Velocity's
// whitespace handling, which a grammar written afresh gets wrong: a
// directive's closing ")" and #end and #else take the blanks and one line
// break after them; #set also takes the blanks before it, but only when
// they start a token (after another directive's line break, not after
// text on the same line); anything else is text. Escapes (\$x, \#if)
// follow 1.7's rules, where the number of backslashes and whether the
// name is a directive decide what prints.
//
// Values are Java objects as Velocity sees them: String (lengths and
// indexes count UTF-16 units), Integer, Long, BigInteger, Double and
// BigDecimal with Velocity's arithmetic (integer division, promotion to
// Long and BigInteger on overflow, null for division by zero), lists and
// maps with Java's toString forms ({a=1, b=2}, [1, 2]), and
// java.util.HashMap's iteration order where API Gateway's objects are
// HashMaps ($context, $stageVariables, $input.params().path). Method calls
// resolve overloads as Velocity's introspector does; the String, Number,
// List, Map and Map.Entry methods templates use are provided, with
// java.util.regex semantics for matches, replaceAll, replaceFirst and
// split (through package javaregex).
//
// API Gateway departs from plain Velocity in one recorded way: a
// reference that evaluates to null (undefined, a missing property, a
// method returning null) renders as the empty string, compares equal to
// "" and is true in #if. The behaviour of $input, $util and $context
// follows the reference renderer in ../shared/vtl (real Velocity 1.7 with
// these objects written from the AWS documentation); the tests compare
// this package with it over thousands of templates and with the outputs
// recorded against real AWS.
//
// # Limits
//
// Every Render is bounded (see Options): steps, iterations of each
// #foreach and range, output and string size, and nesting. Exceeding one
// is an *Error wrapping ErrLimit. Velocity's own limits apply as well:
// macros nest at most 20 deep, a #define block renders itself at most
// twice.
//
// # Known differences
//
// Java's Object.toString of objects without one ($input, arrays from
// split) includes a hash that varies from run to run; it prints here with
// a fixed one. Strings cannot hold half of a UTF-16 surrogate pair.
// java.util.HashMap is modelled without its tree bins (nine keys in one
// bucket of a table of 64 or more). #include and #parse fail: API Gateway
// has no template files.
//
// # Why not github.com/viant/velty
//
// velty (v0.4.0) was evaluated first. It is a fast Go template engine with
// Velocity's syntax, not an implementation of Velocity 1.7: it compiles
// against Go types declared before parsing (a template over an arbitrary
// JSON payload needs dynamic values, and a map variable made it panic),
// prints an undefined reference as its source text, keeps the line
// breaks Velocity removes around directives, and has no map literals,
// Java string or collection methods, macros, $foreach.hasNext,
// $velocityCount or Velocity's escaping rules. Of ten probe templates it
// rendered one as Velocity 1.7 does (and panicked on another). Matching Velocity needs its lexer's
// states and Java's object model at the core, so this package implements
// both.
package vtl
