package goclient

import (
	"go/token"
	"strings"
	"testing"
)

func TestGoName(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"petId", "PetID"},
		{"pet_id", "PetID"},
		{"pet-id", "PetID"},
		{"HTTPServer", "HTTPServer"},
		{"getThings", "GetThings"},
		{"get_things", "GetThings"},
		{"type", "Type"},
		{"func() {}", "Func"},
		{"200", "N200"},
		{"2fa", "N2fa"},
		{"café", "Cafe"},
		{"Ünïcode", "Unicode"},
		{"straße", "Strasse"},
		{"日本", "U65E5U672C"},
		{"zero\u200bwidth", "Zerowidth"},
		{"x\u202Ey", "Xy"},
		{"*/", "X2A2F"},
		{"", "Empty"},
		{"---", "X2D2D2D"},
		{"a b", "AB"},
		{"ids", "IDs"},
		{"user_url", "UserURL"},
	} {
		got := goName(c.in)
		if got != c.want {
			t.Errorf("goName(%q) = %q, want %q", c.in, got, c.want)
		}
		if !token.IsIdentifier(got) || !token.IsExported(got) || !isASCII(got) {
			t.Errorf("goName(%q) = %q is not an exported ASCII identifier", c.in, got)
		}
	}
}

func TestScopeCollisions(t *testing.T) {
	s := newScope("Client")
	for _, c := range []struct{ raw, want string }{
		{"a-b", "AB"},
		{"a_b", "AB2"},
		{"AB", "AB3"},
		{"client", "Client2"},
		{"v1", "V1"},
		{"v_1", "V1_2"},
	} {
		got, err := s.name(c.raw, "/x/"+c.raw, "")
		if err != nil || got != c.want {
			t.Errorf("name(%q) = %q, %v; want %q", c.raw, got, err, c.want)
		}
	}
}

func TestScopeGoNameOverride(t *testing.T) {
	s := newScope()
	if got, err := s.name("whatever", "/a", "Nice"); err != nil || got != "Nice" {
		t.Fatalf("x-go-name: %q %v", got, err)
	}
	for _, c := range []struct{ override, wantErr string }{
		{"Nice", "already the name of /a"},
		{"lower", "not an exported ASCII Go identifier"},
		{"Bad Name", "not an exported ASCII Go identifier"},
		{"Ça", "not an exported ASCII Go identifier"},
	} {
		_, err := s.name("x", "/b", c.override)
		if err == nil || !strings.Contains(err.Error(), c.wantErr) || !strings.Contains(err.Error(), "/b") {
			t.Errorf("x-go-name %q: error %v, want one naming /b and saying %q", c.override, err, c.wantErr)
		}
	}
	// A derived name that meets an explicit one gets a suffix instead.
	if got := s.claim("Nice", "/c"); got != "Nice2" {
		t.Errorf("claim = %q", got)
	}
}

func TestCommentLines(t *testing.T) {
	for _, c := range []struct {
		in   string
		want []string
	}{
		{"one\ntwo", []string{"one", "two"}},
		{"a\r\nb\rc\u2028d\u2029e\u0085f", []string{"a", "b", "c", "d", "e", "f"}},
		{"ends */ here", []string{"ends */ here"}},
		{"\u202Eevil\u202C \u2066iso\u2069 zero\u200bwidth\ufeff", []string{"evil iso zerowidth"}},
		{"bell\a and \x00nul", []string{"bell and nul"}},
		{"\n\n\npara\n\n\n\nnext\n\n", []string{"para", "", "next"}},
		{"tab\there  ", []string{"tab here"}},
	} {
		got := commentLines(c.in)
		if strings.Join(got, "|") != strings.Join(c.want, "|") {
			t.Errorf("commentLines(%q) = %q, want %q", c.in, got, c.want)
		}
	}
	if n := len(commentLines(strings.Repeat("line\n", 100))); n != maxCommentLines+1 {
		t.Errorf("a long description keeps %d lines, want %d", n, maxCommentLines+1)
	}
}

func TestJSONTagOK(t *testing.T) {
	for name, ok := range map[string]bool{
		"id": true, "with space": true, "日本": true, "a-b.c/d": true, "$ref": true,
		"": false, "-": false, "a,b": false, "a\"b": false, "a`b": false, "a\\b": false, "it's": false, "🐹": false,
	} {
		if jsonTagOK(name) != ok {
			t.Errorf("jsonTagOK(%q) = %v", name, !ok)
		}
	}
}
