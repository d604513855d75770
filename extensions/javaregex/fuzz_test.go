package javaregex

import "testing"

// FuzzCompileMatch checks that Compile and Match never panic, and that an
// RE2 translation, when offered, always compiles.
func FuzzCompileMatch(f *testing.F) {
	for _, s := range constructPatterns {
		f.Add(s, "a\r\nb")
	}
	for _, s := range badPatterns {
		f.Add(s, "")
	}
	f.Fuzz(func(t *testing.T, pattern, input string) {
		p, err := Compile(pattern)
		if err != nil {
			if _, ok := err.(*Error); !ok {
				t.Fatalf("%q: error %T", pattern, err)
			}
			return
		}
		p.Match(input)
		Overlap(p, p)
	})
}
