package diag

import (
	"slices"
	"strings"
	"sync"
)

// Code identifies one kind of finding, such as "APIGW104". The constants of
// this package are the catalog; a code keeps its meaning across releases.
type Code string

// Entry is a code's catalog entry.
type Entry struct {
	// Code is the id, "APIGW104".
	Code Code
	// Severity is the default: what API Gateway does with the problem
	// (error where import fails, warning where it warns or the API fails
	// later, info otherwise), as far as the evidence shows.
	Severity Severity
	// Title says in one line what the code reports.
	Title string
	// Doc says what API Gateway does and what to write instead.
	Doc string
	// Evidence names what the severity rests on. It starts with its kind —
	// "Recorded:" (a response recorded against real AWS), "Documented:" (an
	// AWS documentation page), "Reported:" (a public issue thread showing
	// what AWS answered), "Judgement:" (none of these; the default is then
	// at most Warning) or "Tool contract:" (the code is about apigw itself)
	// — and one sentence saying what it shows, followed by the sources.
	Evidence string
}

// HelpBase is the address of the README section that lists every code.
const HelpBase = "https://github.com/apigw/apigw/blob/main/README.md"

// HelpURI is where the code is documented: its row in the README's table.
func (e Entry) HelpURI() string { return HelpBase + "#" + strings.ToLower(string(e.Code)) }

var (
	catalogOnce sync.Once
	catalog     []Entry
	byCode      map[Code]int
)

func load() {
	catalogOnce.Do(func() {
		catalog = slices.Concat(loadEntries, extensionEntries, mappingEntries, patternEntries,
			documentEntries, modelEntries, simulateEntries, schemaEntries)
		slices.SortFunc(catalog, func(a, b Entry) int { return strings.Compare(string(a.Code), string(b.Code)) })
		byCode = make(map[Code]int, len(catalog))
		for i, e := range catalog {
			if _, dup := byCode[e.Code]; dup {
				panic("diag: " + string(e.Code) + " is in the catalog twice")
			}
			byCode[e.Code] = i
		}
	})
}

// Catalog returns every code's entry, in code order.
func Catalog() []Entry {
	load()
	return slices.Clone(catalog)
}

// Lookup returns the entry of code, and false when the catalog has none.
func Lookup(code Code) (Entry, bool) {
	load()
	i, ok := byCode[code]
	if !ok {
		return Entry{}, false
	}
	return catalog[i], true
}

// Severity returns the code's default severity; Error for a code the
// catalog does not hold, so that a mistake is loud.
func (c Code) Severity() Severity {
	if e, ok := Lookup(c); ok {
		return e.Severity
	}
	return Error
}

// Title returns the code's one-line title, or "" for a code the catalog does not hold.
func (c Code) Title() string {
	e, _ := Lookup(c)
	return e.Title
}

// EvidenceSummary returns the first sentence of the entry's Evidence: the
// kind of evidence and what it shows, without the list of sources. A period
// inside a quotation does not end the sentence.
func (e Entry) EvidenceSummary() string {
	quoted := false
	for i, r := range e.Evidence {
		switch {
		case r == '"':
			quoted = !quoted
		case r == '.' && !quoted && strings.HasPrefix(e.Evidence[i+1:], " "):
			return e.Evidence[:i+1]
		}
	}
	return e.Evidence
}
