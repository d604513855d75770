package schema

import (
	"regexp"
	"testing"
)

func TestAnyCaseText(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"X-Id", "[Xx]-[Ii][Dd]"},
		{"application/vnd.api+json", `[Aa][Pp][Pp][Ll][Ii][Cc][Aa][Tt][Ii][Oo][Nn]/[Vv][Nn][Dd]\.[Aa][Pp][Ii]\+[Jj][Ss][Oo][Nn]`},
		{`\.+*?()|[]{}^$`, `\\\.\+\*\?\(\)\|\[\]\{\}\^\$`},
		{"x_1 é€", "[Xx]_1 é€"},
		{"a\xffb", "[Aa]\uFFFD[Bb]"}, // an invalid byte reads as U+FFFD, as in a range over the string
		{"", ""},
	} {
		if got := anyCaseText(c.in); got != c.want {
			t.Errorf("anyCaseText(%q) = %q, want %q", c.in, got, c.want)
		}
	}
	re := regexp.MustCompile(anyCase("Content-Type"))
	for s, want := range map[string]bool{"content-type": true, "CONTENT-TYPE": true, "Content-type": true, "Content_Type": false, "Content-Types": false} {
		if re.MatchString(s) != want {
			t.Errorf("anyCase(Content-Type) matches %q: %v, want %v", s, !want, want)
		}
	}
}
