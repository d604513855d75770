package javaregex

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"sync"

	"github.com/apigw/apigw/extensions/diag"
	"github.com/dlclark/regexp2"
)

// finder holds the unanchored backtracking program used to search, as
// Matcher.find() does, rather than to match the whole string.
type finder struct {
	once sync.Once
	re   *regexp2.Regexp
	err  error
}

func (p *Pattern) search() (*regexp2.Regexp, error) {
	p.finder.once.Do(func() {
		e := &emitter{dotnet: true, groups: p.groups}
		e.emit(p.root, false)
		p.finder.re, p.finder.err = regexp2.Compile(e.b.String(), regexp2.None)
		if p.finder.err != nil {
			p.finder.err = &Error{Code: diag.PatternUnsupported, Pattern: p.src, Message: "cannot search with this pattern: " + p.finder.err.Error(), Hint: "simplify the pattern"}
		}
	})
	return p.finder.re, p.finder.err
}

// FindAll returns the matches Java's Matcher.find() reports in s, in
// order, at most n of them (all when n < 0). Each match is a slice of
// byte offsets: start and end of the whole match, then of each group
// (-1, -1 for a group that took no part). As in Java, the search resumes
// where the last match ended, one character further after an empty
// match, so an empty match may directly follow a non-empty one (Go's
// regexp skips those). Searching uses the backtracking engine under the
// pattern's time limit; err wraps ErrTimeout when it is exceeded.
// Two differences from Java remain: after an empty match Java resumes one
// UTF-16 unit further, which can fall inside a character outside the BMP
// (a UTF-8 string cannot be split there, so the search resumes after the
// whole character), and \G is taken as the position the search resumed
// from rather than the end of the previous match.
func (p *Pattern) FindAll(s string, n int) ([][]int, error) {
	re, err := p.search()
	if err != nil {
		return nil, err
	}
	if p.timeout != re.MatchTimeout {
		cp := *re
		cp.MatchTimeout = p.timeout
		re = &cp
	}
	runes := []rune(s)
	offs := make([]int, len(runes)+1) // rune index -> byte offset
	b := 0
	for i, r := range runes {
		offs[i] = b
		b += len(string(r))
	}
	offs[len(runes)] = len(s)
	var out [][]int
	from := 0
	for n < 0 || len(out) < n {
		if from > len(runes) {
			break
		}
		m, err := re.FindRunesMatchStartingAt(runes, from)
		if err != nil {
			return nil, fmt.Errorf("%w: %v", ErrTimeout, err)
		}
		if m == nil {
			break
		}
		loc := make([]int, 0, 2*p.groups)
		for _, g := range m.Groups() {
			if len(g.Captures) == 0 {
				loc = append(loc, -1, -1)
				continue
			}
			loc = append(loc, offs[g.Index], offs[g.Index+g.Length])
		}
		for len(loc) < 2*p.groups {
			loc = append(loc, -1, -1)
		}
		out = append(out, loc[:2*p.groups])
		from = m.Index + m.Length
		if m.Length == 0 {
			from++
		}
	}
	return out, nil
}

// Replace is Matcher.replaceAll (n < 0) or replaceFirst (n == 1): each
// match is replaced by replacement, in which $g and ${name} insert a
// group and a backslash quotes the next character. Like Java it fails on
// a reference to a group that does not exist and on a trailing "\" or "$".
func (p *Pattern) Replace(s, replacement string, n int) (string, error) {
	ms, err := p.FindAll(s, n)
	if err != nil {
		return "", err
	}
	if len(ms) == 0 {
		return s, nil
	}
	var b strings.Builder
	last := 0
	for _, m := range ms {
		b.WriteString(s[last:m[0]])
		if err := p.expand(&b, s, m, replacement); err != nil {
			return "", err
		}
		last = m[1]
	}
	b.WriteString(s[last:])
	return b.String(), nil
}

// ErrReplacement is wrapped by Replace's error when Java would throw
// IllegalArgumentException or IndexOutOfBoundsException for the
// replacement string.
var ErrReplacement = errors.New("javaregex: invalid replacement")

// expand is Matcher.appendReplacement's handling of the replacement.
func (p *Pattern) expand(b *strings.Builder, s string, m []int, repl string) error {
	group := func(i int) {
		if m[2*i] >= 0 {
			b.WriteString(s[m[2*i]:m[2*i+1]])
		}
	}
	for i := 0; i < len(repl); {
		c := repl[i]
		switch c {
		case '\\':
			i++
			if i >= len(repl) {
				return fmt.Errorf("%w: character to be escaped is missing", ErrReplacement)
			}
			_, w := firstRune(repl[i:])
			b.WriteString(repl[i : i+w])
			i += w
		case '$':
			i++
			if i >= len(repl) {
				return fmt.Errorf("%w: illegal group reference: group index is missing", ErrReplacement)
			}
			if repl[i] == '{' {
				end := strings.IndexByte(repl[i:], '}')
				if end < 0 {
					return fmt.Errorf("%w: named capturing group is missing trailing '}'", ErrReplacement)
				}
				name := repl[i+1 : i+end]
				if name == "" {
					return fmt.Errorf("%w: named capturing group has 0 length name", ErrReplacement)
				}
				idx, ok := p.names[name]
				if !ok {
					return fmt.Errorf("%w: no group with name {%s}", ErrReplacement, name)
				}
				group(idx)
				i += end + 1
				continue
			}
			if repl[i] < '0' || repl[i] > '9' {
				return fmt.Errorf("%w: illegal group reference", ErrReplacement)
			}
			ref := int(repl[i] - '0')
			i++
			for i < len(repl) && repl[i] >= '0' && repl[i] <= '9' {
				next := ref*10 + int(repl[i]-'0')
				if next >= p.groups {
					break
				}
				ref = next
				i++
			}
			if ref >= p.groups {
				return fmt.Errorf("%w: no group %s", ErrReplacement, strconv.Itoa(ref))
			}
			group(ref)
		default:
			b.WriteByte(c)
			i++
		}
	}
	return nil
}

func firstRune(s string) (rune, int) {
	for _, r := range s {
		return r, len(string(r))
	}
	return 0, 0
}

// Split is Pattern.split(s, limit) (and String.split): the pieces between
// matches; a zero-width match at the start adds no leading empty piece;
// limit > 0 caps the number of pieces, limit == 0 drops trailing empty
// pieces, limit < 0 keeps them.
func (p *Pattern) Split(s string, limit int) ([]string, error) {
	ms, err := p.FindAll(s, -1)
	if err != nil {
		return nil, err
	}
	index := 0
	limited := limit > 0
	var list []string
	for _, m := range ms {
		if !limited || len(list) < limit-1 {
			if index == 0 && m[0] == 0 && m[0] == m[1] {
				continue
			}
			list = append(list, s[index:m[0]])
			index = m[1]
		} else if len(list) == limit-1 {
			list = append(list, s[index:])
			index = m[1]
		}
	}
	if index == 0 {
		return []string{s}, nil
	}
	if !limited || len(list) < limit {
		list = append(list, s[index:])
	}
	if limit == 0 {
		for len(list) > 0 && list[len(list)-1] == "" {
			list = list[:len(list)-1]
		}
	}
	return list, nil
}
