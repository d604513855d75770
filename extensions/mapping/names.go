package mapping

import "strings"

// paramNameOK reports whether s matches ^[a-zA-Z0-9._$-]+$, the pattern the
// REST and WebSocket docs give for method and route request parameter names.
func paramNameOK(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !isAlnum(c) && c != '.' && c != '_' && c != '$' && c != '-' {
			return false
		}
	}
	return true
}

// tokenOK reports whether s is an HTTP header field name (an RFC 9110 token).
func tokenOK(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !isAlnum(c) && !strings.ContainsRune("!#$%&'*+-.^_`|~", rune(c)) {
			return false
		}
	}
	return true
}

// varNameOK reports whether s is a stage or context variable name: letters,
// digits, "_" and "." (stage variables allow only the first three; context
// variables use "." between parts).
func varNameOK(s string, dots bool) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !isAlnum(c) && c != '_' && (!dots || c != '.') {
			return false
		}
	}
	return true
}

// printableName reports whether s has no whitespace or control characters.
func printableName(s string) bool {
	for _, r := range s {
		if r <= ' ' || r == 0x7f {
			return false
		}
	}
	return true
}

func isAlnum(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}
