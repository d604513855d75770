package javaregex

import "testing"

func TestProbe(t *testing.T) {
	pats := []string{`{"a":1}`, `a{,3}`, `(`, `[a`, `*a`, `\k`, `\p{Foo}`, `(?<=a+)b`, `a{3,2}`, `a{2`, `x)`, `\Ga`, `\2`, `(?<a_b>x)`, `(?U)\p{alpha}`, `\E`, `\N{LATIN SMALL LETTER A}`, `[a&&]`, `[&&a]`, `[^a[b]]`, `\x{}`, `\c`, `a**`, `{2}`, `^*a`, `\b{g}`, `\R\n`, `[\v-\r]`}
	inputs := []string{"a", "b", "c", "", "\r\n", "\n", "aaa", "\x0b", "\r"}
	var ps []pair
	for _, p := range pats {
		for _, in := range inputs {
			ps = append(ps, pair{pattern: p, input: in})
		}
	}
	res := runJava(t, ps)
	for i, r := range res {
		if i%len(inputs) == 0 || !r.compileErr {
			p, err := Compile(ps[i].pattern)
			var m bool
			if err == nil {
				m, _, _ = p.Match(ps[i].input)
			}
			t.Logf("%q %q java=%+v go=%v %v", ps[i].pattern, ps[i].input, r, m, err)
		}
	}
}
