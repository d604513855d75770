package vtl

import (
	"errors"

	"github.com/apigw/apigw/extensions/diag"
	"github.com/apigw/apigw/extensions/javaregex"
)

// The regular-expression methods of String (matches, replaceAll,
// replaceFirst, split) use java.util.regex semantics through javaregex.

func (r *renderer) pattern(re string) *javaregex.Pattern {
	if r.patterns == nil {
		r.patterns = map[string]*javaregex.Pattern{}
	}
	if p, ok := r.patterns[re]; ok {
		return p
	}
	p, err := javaregex.Compile(re)
	if err != nil {
		var je *javaregex.Error
		if errors.As(err, &je) && je.Code == diag.PatternSyntax {
			throw("java.util.regex.PatternSyntaxException", je.Message+" near index "+itoa(je.Index)+" of "+quoteText(re))
		}
		throw("java.util.regex.PatternSyntaxException", err.Error())
	}
	r.patterns[re] = p
	return p
}

func (r *renderer) regexErr(err error) {
	if errors.Is(err, javaregex.ErrTimeout) {
		r.failLimit(r.node, "a regular expression took too long: simplify it")
	}
	if errors.Is(err, javaregex.ErrReplacement) {
		throw("java.lang.IllegalArgumentException", err.Error())
	}
	throw("java.util.regex.PatternSyntaxException", err.Error())
}

func (r *renderer) regexReplace(s, re, repl string, n int) string {
	r.countAlloc(len(s))
	out, err := r.pattern(re).Replace(s, repl, n)
	if err != nil {
		r.regexErr(err)
	}
	return out
}

func (r *renderer) regexMatches(s, re string) bool {
	r.countAlloc(len(s))
	ok, _, err := r.pattern(re).Match(s)
	if err != nil {
		r.regexErr(err)
	}
	return ok
}

func (r *renderer) regexSplit(s, re string, limit int) any {
	r.countAlloc(len(s))
	parts, err := r.pattern(re).Split(s, limit)
	if err != nil {
		r.regexErr(err)
	}
	elems := make([]any, len(parts))
	for i, p := range parts {
		elems[i] = p
	}
	return newList(lArray, elems)
}
