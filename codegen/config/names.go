package config

import (
	"strconv"
	"strings"
	"unicode"
)

// namer hands out logical names: alphanumeric, starting with a letter, and
// unique (a repeated name gets 2, 3, … appended). Names are given in the
// model's sorted order, so they are the same on every run.
type namer struct {
	used map[string]bool
}

func newNamer() *namer { return &namer{used: map[string]bool{}} }

// name returns a fresh logical name built from prefix and the words of parts.
func (n *namer) name(prefix string, parts ...string) string {
	base := prefix + words(parts...)
	if base == "" || !unicode.IsLetter(rune(base[0])) {
		base = "X" + base
	}
	name := base
	for i := 2; n.used[name]; i++ {
		name = base + strconv.Itoa(i)
	}
	n.used[name] = true
	return name
}

// words turns text such as "/pets/{petId}", "GET /items" or "$connect" into
// "PetsPetId", "GetItems", "Connect": ASCII letters and digits only, each
// word capitalised.
func words(parts ...string) string {
	var b strings.Builder
	for _, p := range parts {
		up := true
		for _, r := range p {
			switch {
			case r < 128 && (unicode.IsLetter(r) || unicode.IsDigit(r)):
				if up {
					b.WriteRune(unicode.ToUpper(r))
				} else {
					b.WriteRune(r)
				}
				up = false
			default:
				up = true
			}
		}
	}
	return b.String()
}

// lowerWords is words with the whole word lower-cased after the first letter
// of each part kept, for names such as DEFAULT_4XX → Default4xx.
func lowerWords(s string) string {
	return words(strings.ToLower(s))
}
