package javaregex

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/apigw/apigw/extensions/diag"
)

// Each rule of the translation, checked on the RE2 it produces.
func TestRE2Translation(t *testing.T) {
	tests := []struct{ pattern, want string }{
		{`abc`, `\A(?:abc)\z`},
		{`a.c`, `\A(?:a[^\x{A}\x{D}\x{85}\x{2028}\x{2029}]c)\z`},
		{`(?s).`, `\A(?:[\x{0}-\x{D7FF}\x{E000}-\x{10FFFF}])\z`},
		{`(?d).`, `\A(?:[^\x{A}])\z`},
		{`(?i)k`, `\A(?:[Kk])\z`},
		{`(?iu)k`, `\A(?:[Kk\x{212A}])\z`},
		{`(?U)k`, `\A(?:k)\z`},
		{`[a-z&&[^aeiou]]`, `\A(?:[b-df-hj-np-tv-z])\z`},
		{`[[:alpha:]]`, `\A(?:[:ahlp])\z`},
		{`[abc[x-z]]`, `\A(?:[a-cx-z])\z`},
		{`\h`, `\A(?:[\x{9}\x{20}\x{A0}\x{1680}\x{180E}\x{2000}-\x{200A}\x{202F}\x{205F}\x{3000}])\z`},
		{`\v`, `\A(?:[\x{A}-\x{D}\x{85}\x{2028}\x{2029}])\z`},
		{`[\v-\r]`, `\A(?:[\x{B}-\x{D}])\z`},
		{`\R`, `\A(?:(?:\r\n|[\n\x0B\f\r\x{85}\x{2028}\x{2029}]))\z`},
		{`\Q.*\E`, `\A(?:\.\*)\z`},
		{`\e\a`, `\A(?:\x{1B}\x{7})\z`},
		{`\x{3b1}\0101\cJ`, `\A(?:\x{3B1}A\x{A})\z`},
		{`\d\w`, `\A(?:[0-9][0-9A-Z_a-z])\z`},
		{`^a$`, `\A(?:\Aa\z)\z`},
		{`a$\z`, `\A(?:a\z\z)\z`},
		{`(?x) a  b # c`, `\A(?:ab)\z`},
		{`a{2,3}?`, `\A(?:(?:a){2,3}?)\z`},
		{`{2}`, `\A(?:(?:(?:)){2})\z`},
		{`\p{InGreek}`, `\A(?:[\x{370}-\x{3FF}])\z`},
		{`\p{Lower}`, `\A(?:[a-z])\z`},
		{`(?i)\p{Lower}`, `\A(?:[A-Za-z])\z`},
		{`[^\x00-\x{10FFFF}]`, `\A(?:[^\x00-\x{10FFFF}])\z`},
	}
	for _, tc := range tests {
		p, err := Compile(tc.pattern)
		if err != nil {
			t.Errorf("%q: %v", tc.pattern, err)
			continue
		}
		got, ok := p.RE2()
		if !ok || got != tc.want {
			t.Errorf("%q: RE2() = %q, %v; want %q", tc.pattern, got, ok, tc.want)
		}
	}
}

// Patterns with no RE2 equivalent: RE2 reports false and Match is approximate.
func TestNoRE2Equivalent(t *testing.T) {
	for _, pat := range []string{`a*+`, `(?>a)`, `(a)\1`, `(?=a)a`, `(?<=a)b`, `\bfoo`, `\Ga`, `\X`, `(?m)^a`,
		`a$\n`, `\R{2}`, `a{1001}`, `(?c)a`} {
		p := MustCompile(pat)
		if s, ok := p.RE2(); ok && !p.Approximate() {
			t.Errorf("%q: RE2() = %q, want no equivalent or approximate", pat, s)
		}
		if _, approx, err := p.Match("a"); !approx || err != nil {
			t.Errorf("%q: Match approximate=%v err=%v; want approximate", pat, approx, err)
		}
	}
}

// Java semantics that do not need a JVM to check.
func TestMatchSemantics(t *testing.T) {
	tests := []struct {
		pattern, input string
		want           bool
	}{
		{`.*`, "a\nb", false},
		{`.*`, "a\u2028b", false},
		{`(?s).*`, "a\u2028b", true},
		{`(?d).*`, "a\rb", true},
		{`abc$`, "abc\n", false}, // matches() must consume the terminator too
		{`abc$\n`, "abc\n", true},
		{`abc$\r\n`, "abc\r\n", true},
		{`abc$\n`, "abc\n\n", false},
		{`(?m)a$\nb`, "a\nb", true},
		{`(?m)^$`, "", false}, // Java's multiline ^ never matches at the end of input
		{`(?i)k`, "\u212a", false},
		{`(?iu)k`, "\u212a", true},
		{`(?iu)i`, "\u0131", true},
		{`(?U)\w+`, "\u00e9t\u00e9", true},
		{`\w+`, "\u00e9t\u00e9", false},
		{`\d`, "\u0663", false},
		{`(?U)\d`, "\u0663", true},
		{`\v`, "\x0b", true},
		{`\v`, "\u2028", true},
		{`[[:alpha:]]+`, "hal", true},
		{`[[:alpha:]]+`, "b", false},
		{`[a-z&&[^aeiou]]+`, "xyz", true},
		{`[a-z&&[^aeiou]]+`, "xaz", false},
		{`\R\n`, "\r\n", true},
		{`\R{2}`, "\r\n", false},
		{`a++a`, "aaa", false},
		{`(a+)\1`, "aaaa", true},
		{`(?<=a)b`, "b", false},
		{`\bfoo\b`, "foo", true},
		{`\b\u00e9`, "\u00e9", true},
		{`\Q(a)\E`, "(a)", true},
		{`{2}`, "", true},
		{`\p{IsGreek}+`, "\u03b1\u03b2", true},
		{`\p{javaLowerCase}`, "\u00df", true},
		{`.*Error.*`, "Internal Error: x", true},
	}
	for _, tc := range tests {
		p, err := Compile(tc.pattern)
		if err != nil {
			t.Errorf("%q: %v", tc.pattern, err)
			continue
		}
		got, _, err := p.Match(tc.input)
		if err != nil || got != tc.want {
			t.Errorf("%q.Match(%q) = %v, %v; want %v", tc.pattern, tc.input, got, err, tc.want)
		}
	}
}

// Errors at the index Java reports, with its message (recorded from Java 17).
func TestCompileErrors(t *testing.T) {
	tests := []struct {
		pattern string
		index   int
		offset  int
		msg     string
	}{
		{`{"a":1}`, 1, 1, "Illegal repetition"},
		{`a{,3}`, 2, 2, "Illegal repetition"},
		{`(`, 1, 1, "Unclosed group"},
		{`[a`, 1, 1, "Unclosed character class"},
		{`*a`, 0, 0, "Dangling meta character '*'"},
		{`a**`, 2, 2, "Dangling meta character '*'"},
		{`\k`, 2, 2, "\\k is not followed by '<' for named capturing group"},
		{`\p{Foo}`, 6, 6, "Unknown character property name {Foo}"},
		{`a{3,2}`, 5, 5, "Illegal repetition range"},
		{`a{2`, 3, 3, "Unclosed counted closure"},
		{`x)`, 0, 0, "Unmatched closing ')'"},
		{`)`, -1, 0, "Unmatched closing ')'"},
		{`\E`, 1, 1, "Illegal/unsupported escape sequence"},
		{`\x{}`, 2, 2, "Illegal hexadecimal escape sequence"},
		{`\c`, 1, 1, "Illegal control escape sequence"},
		{`(?<a_b>x)`, 4, 4, "named capturing group is missing trailing '>'"},
		{`é{`, 2, 3, "Illegal repetition"},
	}
	for _, tc := range tests {
		_, err := Compile(tc.pattern)
		e, ok := err.(*Error)
		if !ok {
			t.Errorf("%q: err = %v, want *Error", tc.pattern, err)
			continue
		}
		if e.Index != tc.index || e.Offset != tc.offset || e.Message != tc.msg || e.Code != diag.PatternSyntax || e.Hint == "" {
			t.Errorf("%q: got index %d offset %d %q %s (hint %q); want index %d offset %d %q",
				tc.pattern, e.Index, e.Offset, e.Message, e.Code, e.Hint, tc.index, tc.offset, tc.msg)
		}
	}
	if _, err := Compile(`\N{LATIN SMALL LETTER A}`); err == nil || err.(*Error).Code != diag.PatternUnsupported {
		t.Errorf(`\N{…}: err = %v, want CodeUnsupported`, err)
	}
}

func TestConstructs(t *testing.T) {
	tests := []struct {
		pattern string
		want    []string
		approx  bool
	}{
		{`a++`, []string{"possessive quantifier"}, true},
		{`(?=a)a`, []string{"lookahead"}, true},
		{`(a)\1`, []string{"backreference"}, true},
		{`(?U)\w`, []string{"(?U) is UNICODE_CHARACTER_CLASS in Java, not ungreedy as in Go"}, false},
		{`[a&&b]`, []string{"character class intersection &&"}, false},
		{`abc`, nil, false},
	}
	for _, tc := range tests {
		p := MustCompile(tc.pattern)
		var names []string
		for _, c := range p.Constructs() {
			names = append(names, c.Name)
		}
		if !slices.Equal(names, tc.want) || p.Approximate() != tc.approx {
			t.Errorf("%q: constructs %q approximate %v; want %q %v", tc.pattern, names, p.Approximate(), tc.want, tc.approx)
		}
	}
}

func TestTimeout(t *testing.T) {
	p := MustCompile(`(?=(x+x+)+y).*`).WithTimeout(time.Millisecond)
	_, _, err := p.Match(strings.Repeat("x", 40))
	if !errors.Is(err, ErrTimeout) {
		t.Errorf("err = %v, want ErrTimeout", err)
	}
	if err == nil || !strings.Contains(err.Error(), string(diag.PatternTimeout)) {
		t.Errorf("err = %v, want it to name %s", err, diag.PatternTimeout)
	}
}

func TestOverlap(t *testing.T) {
	tests := []struct {
		a, b string
		ok   bool
	}{
		{`.*Error.*`, `.*Not Found.*`, true},
		{`4\d{2}`, `404`, true},
		{`5\d{2}`, `4\d{2}`, false},
		{`\[BadRequest\].*`, `\[NotFound\].*`, false},
		{`(?s).*`, `a\nb`, true},
		{`.*`, `a\nb`, false},
		{`(?i)error`, `ERROR`, true},
	}
	for _, tc := range tests {
		a, b := MustCompile(tc.a), MustCompile(tc.b)
		ex, ok := Overlap(a, b)
		if ok != tc.ok {
			t.Errorf("Overlap(%q, %q) = %q, %v; want %v", tc.a, tc.b, ex, ok, tc.ok)
			continue
		}
		if ok {
			ma, _, _ := a.Match(ex)
			mb, _, _ := b.Match(ex)
			if !ma || !mb {
				t.Errorf("Overlap(%q, %q) example %q does not match both", tc.a, tc.b, ex)
			}
		}
	}
}

func TestIsDefault(t *testing.T) {
	if !IsDefault("default") || IsDefault("Default") || IsDefault(".*") {
		t.Error("IsDefault accepts only the exact key default")
	}
}
