package javaregex

import (
	"errors"
	"fmt"
	"regexp"
	"sync"
	"time"

	"github.com/apigw/apigw/extensions/diag"
	"github.com/dlclark/regexp2"
)

// DefaultTimeout bounds each approximate (backtracking) evaluation. Change
// it before compiling, or use (*Pattern).WithTimeout for one pattern.
var DefaultTimeout = 100 * time.Millisecond

// Construct is a Java regex construct found in a pattern that either has
// no RE2 equivalent (Approximate) or means something different from what
// Go, JavaScript or PCRE users expect.
type Construct struct {
	// Name describes the construct, e.g. "possessive quantifier".
	Name string
	// Offset is the byte offset of its first occurrence.
	Offset int
	// Approximate is true when the construct forces evaluation by the
	// backtracking engine (or is ignored), so results are approximate.
	Approximate bool
}

// Pattern is a compiled Java selection pattern.
type Pattern struct {
	src        string
	root       *node
	re2        string
	re2ok      bool
	std        *regexp.Regexp
	net        *backtracker // nil when std evaluates the pattern
	approx     bool
	constructs []Construct
	timeout    time.Duration
	groups     int            // capturing groups, group 0 included
	names      map[string]int // named groups
	finder     *finder        // the unanchored engine for Find, built on first use
}

// ErrTimeout is wrapped by Match's error when evaluation took too long.
var ErrTimeout = errors.New("javaregex: " + string(diag.PatternTimeout) + ": pattern evaluation exceeded the time limit")

// Compile parses a pattern with java.util.regex syntax. It fails with an
// *Error exactly where Java's Pattern.compile throws PatternSyntaxException.
func Compile(pattern string) (pat *Pattern, err error) {
	p := newParser(pattern)
	defer func() {
		if r := recover(); r != nil {
			pe, ok := r.(parseError)
			if !ok {
				panic(r)
			}
			pat, err = nil, pe.err
		}
	}()
	root := p.parse()
	pat = &Pattern{src: pattern, root: root, constructs: p.found, timeout: DefaultTimeout,
		groups: p.groups, names: p.names, finder: &finder{}}
	for _, c := range p.found {
		if c.Approximate {
			pat.approx = true
		}
	}
	re2 := &emitter{ok: true, groups: p.groups}
	re2.emit(root, true)
	if re2.ok {
		src := `\A(?:` + re2.b.String() + `)\z`
		if std, err := regexp.Compile(src); err == nil {
			pat.re2, pat.re2ok, pat.std = src, true, std
		} else {
			pat.note("construct beyond RE2's limits (" + err.Error() + ")")
		}
	}
	if !pat.re2ok {
		pat.approx = true
		net := &emitter{dotnet: true, groups: p.groups}
		net.emit(root, true)
		// The backtracking engine compiles it on first use: compiling a
		// pattern with Unicode classes takes milliseconds, which only the
		// patterns that are evaluated should cost.
		pat.net = &backtracker{pattern: pattern, src: `\A(?:` + net.b.String() + `)\z`}
	}
	return pat, nil
}

// backtracker is a pattern for the backtracking engine, compiled once, on
// first use; copies of a Pattern (WithTimeout) share it.
type backtracker struct {
	pattern, src string
	once         sync.Once
	re           *regexp2.Regexp
	err          error
}

// compiled compiles the pattern the first time.
func (b *backtracker) compiled() (*regexp2.Regexp, error) {
	b.once.Do(func() {
		b.re, b.err = regexp2.Compile(b.src, regexp2.None)
		if b.err != nil {
			b.err = &Error{Code: diag.PatternUnsupported, Pattern: b.pattern, Message: "cannot evaluate this pattern: " + b.err.Error(), Hint: "simplify the pattern"}
		}
	})
	return b.re, b.err
}

func (p *Pattern) note(name string) {
	p.constructs = append(p.constructs, Construct{Name: name, Approximate: true})
}

// MustCompile is Compile that panics on error, for patterns known to be valid.
func MustCompile(pattern string) *Pattern {
	p, err := Compile(pattern)
	if err != nil {
		panic(err)
	}
	return p
}

// WithTimeout returns a copy of p whose approximate evaluations stop after d.
func (p *Pattern) WithTimeout(d time.Duration) *Pattern {
	q := *p
	q.timeout = d
	return &q
}

// String returns the pattern as written.
func (p *Pattern) String() string { return p.src }

// Match reports whether the whole of s matches, as Java's Matcher.matches()
// does. approximate is true when the pattern needed the backtracking engine
// or uses a construct that is not evaluated; err wraps ErrTimeout when the
// time limit was hit, or is an *Error when the backtracking engine cannot
// evaluate the pattern.
func (p *Pattern) Match(s string) (matched, approximate bool, err error) {
	return p.MatchWithin(s, nil)
}

// MatchWithin is Match with the backtracking engine's time (compiling and
// matching) taken from budget, shared with other evaluations; nil is no
// budget. When the budget is spent, the pattern is not evaluated and err
// is ErrBudget. Patterns that RE2 evaluates cost nothing here: their time
// is linear in the input.
func (p *Pattern) MatchWithin(s string, budget *Budget) (matched, approximate bool, err error) {
	if p.std == nil && budget != nil {
		start := time.Now()
		defer func() { budget.spend(time.Since(start)) }()
	}
	return p.match(s, budget)
}

// match evaluates p on s, within what is left of budget; the caller
// charges the time.
func (p *Pattern) match(s string, budget *Budget) (matched, approximate bool, err error) {
	if p.std != nil {
		return p.std.MatchString(s), p.approx, nil
	}
	if budget.spent() {
		return false, true, ErrBudget
	}
	re, err := p.net.compiled()
	if err != nil {
		return false, true, err
	}
	limit := p.timeout
	if left, ok := budget.left(); ok && left < limit {
		limit = left
	}
	if limit != re.MatchTimeout {
		// regexp2.Regexp is safe for concurrent use but its timeout is a field.
		cp := *re
		cp.MatchTimeout = limit
		re = &cp
	}
	m, err := re.MatchString(s)
	if err != nil {
		if left, ok := budget.left(); ok && left < p.timeout {
			return false, true, ErrBudget // cut short by the budget, not by the pattern's own limit
		}
		return false, true, fmt.Errorf("%w: %v", ErrTimeout, err)
	}
	return m, true, nil
}

// RE2 returns a Go regexp (RE2 syntax) with the same meaning as the Java
// pattern, anchored as \A(?:…)\z for a whole-string match, and true; or ""
// and false when no RE2 equivalent exists.
func (p *Pattern) RE2() (string, bool) { return p.re2, p.re2ok }

// Approximate reports whether Match results for p are approximate.
func (p *Pattern) Approximate() bool { return p.approx }

// Constructs lists the Java-only or meaning-changing constructs in p, in
// the order first found.
func (p *Pattern) Constructs() []Construct {
	return append([]Construct(nil), p.constructs...)
}

// IsDefault reports whether a responses key of
// x-amazon-apigateway-integration is the default entry rather than a
// selection pattern.
func IsDefault(key string) bool { return key == "default" }
