package extensions

import (
	"strconv"
	"strings"
	"sync"

	"github.com/apigw/apigw/extensions/diag"
	"github.com/apigw/apigw/extensions/javaregex"
	"github.com/apigw/apigw/extensions/source"
	"go.yaml.in/yaml/v4"
)

// Selection patterns are Java regular expressions; extensions/javaregex parses
// them exactly as Java does. These functions turn its findings into diagnostics.

// patternCache keeps compiled selection patterns: large documents repeat the
// same few patterns in every operation.
var patternCache sync.Map // string → compiled

// overlapCache keeps Overlap's answer per ordered pair of patterns.
var overlapCache sync.Map // [2]string → overlap

type overlap struct {
	example string
	ok      bool
}

// selectionOverlap is javaregex.OverlapWithin for two compiled selection
// patterns, cached; a search the budget cut short is not cached.
func selectionOverlap(a, b string, pa, pb *javaregex.Pattern, budget *javaregex.Budget) (string, bool, error) {
	key := [2]string{a, b}
	if o, ok := overlapCache.Load(key); ok {
		return o.(overlap).example, o.(overlap).ok, nil
	}
	ex, ok, err := javaregex.OverlapWithin(pa, pb, budget)
	if err != nil {
		return "", false, err
	}
	overlapCache.Store(key, overlap{ex, ok})
	return ex, ok, nil
}

type compiled struct {
	p   *javaregex.Pattern
	err error
}

// CompileSelectionPattern compiles a selection pattern with Java's semantics,
// caching the result.
func CompileSelectionPattern(pattern string) (*javaregex.Pattern, error) {
	if c, ok := patternCache.Load(pattern); ok {
		return c.(compiled).p, c.(compiled).err
	}
	p, err := javaregex.Compile(pattern)
	patternCache.Store(pattern, compiled{p, err})
	return p, err
}

// checkSelectionPattern checks one responses key: a pattern Java rejects is an
// error (import fails); one that only a backtracking engine can evaluate is
// noted, since offline evaluation of it is approximate.
func checkSelectionPattern(d *decoder, pattern string, key *yaml.Node, ptr string) {
	p, err := CompileSelectionPattern(pattern)
	if err != nil {
		line, col := 0, 0
		if key != nil {
			line, col = key.Line, key.Column
			if je, ok := err.(*javaregex.Error); ok && key.Style&(yaml.LiteralStyle|yaml.FoldedStyle) == 0 {
				col += je.Offset
				if key.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle) != 0 {
					col++
				}
			}
		}
		code := diag.PatternSyntax
		if je, ok := err.(*javaregex.Error); ok {
			code = je.Code
		}
		msg := "selection pattern " + strconv.Quote(pattern) + " is not a valid Java regular expression, so import fails: " + err.Error()
		if code == diag.PatternUnsupported {
			msg = "selection pattern " + strconv.Quote(pattern) + " is valid Java, but apigw cannot evaluate it, so it is neither checked further nor simulated: " + err.Error()
		}
		d.Diags = append(d.Diags, diag.Diagnostic{Severity: code.Severity(), Code: code, Pointer: ptr, Line: line, Column: col, Message: msg})
		return
	}
	approx, meaning := false, false
	for _, c := range p.Constructs() {
		switch {
		case c.Approximate && !approx:
			approx = true
			d.Add(diag.PatternApproximate, key, ptr,
				"selection pattern %q uses %s, which Go's regexp cannot express; apigw evaluates it with a backtracking engine, so simulated results are approximate", pattern, c.Name)
		case !c.Approximate && !meaning && meansMoreInJava(c):
			meaning = true
			d.Add(diag.PatternMeaning, key, ptr,
				"selection pattern %q: %s; API Gateway reads the pattern with Java's meaning, so test it against that, not with Go, JavaScript or PCRE", pattern, c.Name)
		}
	}
}

// meansMoreInJava tells whether a construct that javaregex notes is worth a
// remark. Every '.' excludes \r, \u0085, \u2028 and \u2029 in Java, which
// matters only for values that hold those characters; reporting it would
// flag nearly every pattern, so it is left out.
func meansMoreInJava(c javaregex.Construct) bool {
	return !strings.HasPrefix(c.Name, "'.'")
}

// checkSelectionOverlaps warns when two selection patterns of one integration
// can both match the same value: which response API Gateway then picks is not
// documented, so the mapping is ambiguous.
func checkSelectionOverlaps(d *decoder, responses Map[*IntegrationResponseEntry], key func(string) *yaml.Node, ptr string) {
	type entry struct {
		key string
		p   *javaregex.Pattern
	}
	var ps []entry
	for _, r := range responses {
		if IsDefaultKey(r.Key) {
			continue
		}
		if p, err := CompileSelectionPattern(r.Key); err == nil {
			ps = append(ps, entry{r.Key, p})
		}
	}
	budget := d.patternBudget()
	for j := 1; j < len(ps); j++ {
		for i := 0; i < j; i++ {
			ex, ok, err := selectionOverlap(ps[i].key, ps[j].key, ps[i].p, ps[j].p, budget)
			if err != nil {
				if budget.Announce() {
					d.Add(diag.PatternTimeout, key(ps[j].key), source.Pointer(ptr, ps[j].key),
						"checking selection patterns for overlaps took all the time allowed (%s for a document); the patterns from %q on, and those of later integrations, were not compared: fewer or simpler patterns (without lookaround or \\b) check faster",
						javaregex.DefaultBudget, ps[j].key)
				}
				return
			}
			if ok {
				d.Add(diag.PatternOverlap, key(ps[j].key), source.Pointer(ptr, ps[j].key),
					"selection patterns %q and %q both match %s, so which integration response applies is ambiguous; make the patterns exclusive (e.g. anchor them on distinct prefixes)",
					ps[i].key, ps[j].key, strconv.Quote(ex))
				break
			}
		}
	}
}
