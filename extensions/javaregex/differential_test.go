package javaregex

import (
	"strings"
	"testing"

	"github.com/apigw/apigw/extensions/diag"
)

// constructPatterns exercises every construct the package translates or
// evaluates approximately.
var constructPatterns = []string{
	// literals, dot, line terminators
	`abc`, `a.c`, `.*`, `.+`, `(?s).*`, `(?d).*`, `(?d)a.`, `a\nb`, `.`, `(?s).`,
	// anchors
	`^abc$`, `abc$`, `a$\n`, `a$\r\n`, `a$\r`, `a$\u0085`, `(?m)^a$`, `(?m)a$\n`, `(?m)^$`, `(?m)a$\nb`,
	`(?m)^a\n^b`, `(?d)a$\n`, `(?md)a$\n?`, `a\Z\n?`, `a\z`, `\Aa`, `(?m)a$`, `^`, `$`, `^$`, `(?m)$`,
	`a\Z`, `(?d)a\Z\n?`, `(?m)a\r\n^b`, `(?m)a\r^\nb`,
	// case folding
	`(?i)k`, `(?iu)k`, `(?i)abc`, `(?i)é`, `(?iu)é`, `(?i)i`, `(?iu)i`, `(?iu)ı`, `(?iu)s`, `(?iu)σ`, `(?iu)ς`,
	`(?i)[a-z]+`, `(?iu)[a-z]+`, `(?i)[k]`, `(?iu)[k]`, `(?iu)[K-K]`, `(?i)[^a]`, `(?U)(?i)k`, `(?i:a)b`, `(?i)a(?-i)b`,
	`a(?i)b`, `(a(?i)b)c`, `(?i)\p{Lower}`, `(?i)\p{Lu}`, `(?i)\p{javaLowerCase}`, `(?i)ß`, `(?iu)ß`, `(?iu)[α-ω]+`,
	// comments
	`(?x) a b c # comment`, `(?x)[a b]`, `(?x)a\ b`, `(?x)a{2 }`, `(?x)a # x
b`,
	// classes
	`[a-z&&[^aeiou]]+`, `[a-z&&[def]]`, `[abc[def]]`, `[^a[b]]`, `[a&&]`, `[&&a]`, `[a-c&&b-d&&c]`, `[[:alpha:]]+`,
	`[\d&&[^5]]+`, `[^\d]`, `[\w-]+`, `[a-]`, `[-a]`, `[]a]`, `[^]a]`, `[a-[bc]]`, `[\v-\r]`, `[\Q]\E]`, `[a&b]`,
	`[a&&&b]`, `[\p{L}&&\p{IsLatin}]+`, `[\p{Alpha}&&[^a-f]]`,
	// predefined and POSIX classes
	`\d+`, `\w+`, `\s+`, `\D`, `\W`, `\S`, `(?U)\d+`, `(?U)\w+`, `(?U)\s+`, `\h`, `\H`, `\v`, `\V`, `\R`, `\R\n`, `\R{2}`,
	`\p{Alpha}+`, `\p{Lower}+`, `\p{Upper}`, `\p{Punct}`, `\p{Space}`, `\p{XDigit}+`, `\p{Alnum}+`, `\p{Graph}`, `\p{Print}`,
	`\p{Blank}`, `\p{Cntrl}`, `\p{ASCII}+`, `(?U)\p{Alpha}+`, `(?U)\p{Lower}`, `(?U)\p{Punct}`, `\p{javaLowerCase}+`,
	`\p{javaUpperCase}`, `\p{javaWhitespace}`, `\p{javaDigit}`, `\p{javaLetter}+`, `\p{IsAlphabetic}+`, `\p{IsLatin}+`,
	`\p{IsGreek}+`, `\p{InGreek}+`, `\p{InGreekandCoptic}`, `\p{InBasicLatin}+`, `\p{L}+`, `\pL+`, `\p{Lu}`, `\p{Ll}`,
	`\p{N}+`, `\p{Nd}`, `\P{L}+`, `\p{Sc}`, `\p{IsWhite_Space}`, `\p{script=Greek}+`, `\p{sc=Grek}`, `\p{block=Greek}`,
	`\p{gc=Lu}`, `\p{IsLu}`, `\p{L1}+`, `\p{all}+`, `\p{Isalphabetic}`, `\p{IsEmoji}`, `\p{InLatin-1Supplement}`,
	// escapes
	`\Q.*\E`, `\Q\E`, `\Qab`, `a\Q\\E`, `\e`, `\a`, `\x41`, `\x{3b1}`, `\x{1F600}`, `\u00e9`, `\uD83D\uDE00`, `\0101`, `\012`,
	`\0377`, `\0400`, `\cJ`, `\cj`, `\t`, `\f`, `\.`, `\{`, `\}`, `\-`, `\ `, `\#`, `\<`, `\é`, `}`, `]`, `a}`,
	// quantifiers
	`a{2}`, `a{2,}`, `a{1,3}`, `a{0}`, `{2}`, `x|{3}`, `a*?`, `a+?`, `a??`, `a{1,2}?`, `^*a`, `(?:)*`, `a{1001}`,
	`(ab)*`, `(a|b)+c`, `(a?){3}`, `a{2}{3}`, `\d{3}`, `[0-9]{3}`, `.*Error.*`, `.*[Ee]rror.*`,
	// Java-only constructs: approximate
	`a*+`, `a++b`, `a?+a`, `a{1,3}+a`, `(?>a+)b`, `(?>a|ab)c`, `(a)\1`, `(a)(b)\2\1`, `(?<x>a)\k<x>`, `(?i)(a)\1`,
	`\2`, `(a)\10`, `(?=a)a`, `(?!b).`, `a(?=b)b`, `(?<=a)b`, `a(?<=a)`, `(?<!a)b`, `a(?<!b)c`, `(?<=a+)b`, `(?<=a{1,3})b`,
	`\bfoo\b`, `\Bfoo`, `a\b`, `\bé`, `(?U)\bé\b`, `\Ga`, `\X`, `\X+`, `\b{g}`, `(?c)é`,
}

// inputs hold line terminators, Unicode letters that fold specially,
// digits of other scripts and typical integration results.
var inputs = []string{
	"", "a", "b", "c", "ab", "abc", "ABC", "aaa", "aaaa", "abab", "ba", "k", "K", "\u212a", "i", "I", "\u0131", "\u0130",
	"s", "S", "\u017f", "\u03c3", "\u03a3", "\u03c2", "\u03b1\u03b2\u03b3", "\u0391\u0392\u0393", "\n", "a\n", "a\r\n",
	"\r\n", "a\r", "a\u0085", "a\u2028", "\u2029", "a\nb", "a\rb", "a\r\nb", "\n\n", "123", "400", "\u0663", "5",
	"foo bar", "foo", " \t", "\u00a0", "\x0b", "\f", "_", "-", "\u00e9", "\u00c9", "\u00df", "SS", "[:a]", ":", "a&b", "&",
	"{\"a\":1}", "}", "]", "Error: bad", "error", "\u20ac", "\U0001F600", "e\u0301", "\x1b", "\x07", "A", ".*", "a b",
	"\\", "#", "<", "\n", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!",
}

// badPatterns are rejected by Java; every one must be rejected by Compile.
var badPatterns = []string{
	`{"a":1}`, `a{,3}`, `{`, `a{`, `a{x}`, `(`, `(a`, `)`, `a)`, `[a`, `[`, `[]`, `[^]`, `*a`, `+`, `?`, `a**`, `a++*`,
	`\k`, `\k<a>`, `\k<1>`, `\p{Foo}`, `\p{`, `\p{}`, `\pX`, `\p{IsFoo}`, `\p{InFoo}`, `\p{sc=Foo}`, `\p{foo=Bar}`,
	`a{3,2}`, `a{2`, `\x`, `\x{}`, `\x{110000}`, `\xg`, `\u12`, `\c`, `\0`, `\09`, `\g`, `\i`, `\y`, `\E`, `\C`,
	`[b-a]`, `[a-\d]`, `[\b]`, `[\1]`, `(?<=a(b)*)c`, `(?<=\1)a`, `(?z)`, `(?i`, `(?<1a>x)`, `(?<a>x)(?<a>y)`,
	`(?$)`, `(?@)`, `(?i)*`, `a|*`, `(*)`, `[&&]`, `\`, `a\`, `[a-z&&]]`, `(?<a`, `\k<b`, `x{99999999999}`,
	`(?<!a*b)c`, `[[:alpha:]`, `(?x)a{ 2}`,
}

func TestDifferentialJava(t *testing.T) {
	var pairs []pair
	var labels []string
	for _, p := range constructPatterns {
		for _, in := range inputs {
			pairs = append(pairs, pair{pattern: p, input: in})
			labels = append(labels, "construct")
		}
	}
	for _, p := range badPatterns {
		pairs = append(pairs, pair{pattern: p, noInput: true})
		labels = append(labels, "bad")
	}
	corpus, err := corpusPatterns()
	if err != nil {
		t.Fatal(err)
	}
	realistic := []string{"200", "400", "403", "404", "500", "502", "504", "",
		"Error: Not Found", "Not Found", "[BadRequest] missing id", "BadRequest: missing id",
		"Internal Server Error", "Task timed out after 3.00 seconds", "{\"errorMessage\":\"x\"}",
		"Invalid input\nline 2", "NotFound", "Unauthorized", "[404] not found", "Bad Request: x\r\n",
		".*", "default", "2\n", "Error\u2028", "Validation error: \u00e9"}
	for _, p := range corpus {
		for _, in := range realistic {
			pairs = append(pairs, pair{pattern: p, input: in})
			labels = append(labels, "corpus")
		}
	}
	res := runJava(t, pairs)
	exact, approx, compileErrs, disagree := 0, 0, 0, 0
	reported := map[string]bool{}
	for i, pr := range pairs {
		jr := res[i]
		pat, err := Compile(pr.pattern)
		if jr.exception != "" {
			t.Logf("java threw %s for %q on %q; skipped", jr.exception, pr.pattern, pr.input)
			continue
		}
		if jr.compileErr != (err != nil) {
			if e, ok := err.(*Error); ok && e.Code == diag.PatternUnsupported && strings.Contains(pr.pattern, `\N`) {
				continue
			}
			disagree++
			if reported[pr.pattern] {
				continue
			}
			reported[pr.pattern] = true
			t.Errorf("%s %q: java compile error=%v (%s at %d), Compile err=%v", labels[i], pr.pattern, jr.compileErr, jr.desc, jr.index, err)
			continue
		}
		if err != nil {
			compileErrs++
			e := err.(*Error)
			if !strings.Contains(pr.pattern, `\Q`) && e.Index != jr.index {
				t.Errorf("%q: Java reports index %d (%s), Compile %d (%s)", pr.pattern, jr.index, jr.desc, e.Index, e.Message)
			}
			if e.Message != jr.desc {
				t.Errorf("%q: Java says %q, Compile %q", pr.pattern, jr.desc, e.Message)
			}
			continue
		}
		if pr.noInput {
			continue
		}
		m, ap, merr := pat.Match(pr.input)
		switch {
		case merr != nil || m != jr.matched:
			if ap {
				approx++
				t.Logf("approximate result differs: %q on %q: java=%v got=%v err=%v", pr.pattern, pr.input, jr.matched, m, merr)
				continue
			}
			disagree++
			re2, _ := pat.RE2()
			t.Errorf("%s %q on %q: java=%v got=%v (RE2 %s)", labels[i], pr.pattern, pr.input, jr.matched, m, re2)
		case ap:
			approx++
		default:
			exact++
		}
	}
	t.Logf("%d pairs (%d corpus patterns), %d agree exactly, %d approximate, %d compile errors agreed, %d disagree",
		len(pairs), len(corpus), exact, approx, compileErrs, disagree)
	if len(pairs) < 2000 {
		t.Errorf("only %d pairs; want at least 2000", len(pairs))
	}
}
