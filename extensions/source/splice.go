package source

import (
	"bytes"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v4"
)

// An Edit sets the value at a JSON pointer: see Splice.
type Edit struct {
	// Pointer names a value of the text, or a key its mapping lacks (the
	// pair is added at the mapping's end), or "-" (or the length) of a
	// sequence (the item is appended).
	Pointer string
	// Value is what the pointer names afterwards; a document node is
	// unwrapped.
	Value *yaml.Node
}

// Splice returns src with each edit made, in order, and every byte outside
// the changed values as it was: flow style, quoting, comments, blank lines,
// indentation and line endings stay identical.
//
// A change is as small as the values allow. Where the new value and the old
// one are both mappings (or sequences, the new one no shorter), only the
// entries that differ are written: a changed scalar is replaced in place, a
// new key is inserted beside its neighbours, a key the new value lacks is
// removed, new items are appended. What is written takes the style of where
// it stands: flow text inside a flow collection, JSON in a JSON file (short
// forms such as !Sub become their Fn:: objects), block YAML indented under
// its key otherwise; a plain string that replaces a quoted one is quoted the
// same way, and an anchor on the replaced value stays.
//
// A pointer that leads through an alias or a merge key (<<) is refused, since
// the value stands elsewhere in the text. The values are not modified.
//
// src is read with Parse under default limits (see SpliceWithin). The
// result is read back before it is returned and must load to the tree of
// src with the edits made; otherwise Splice returns an error and no text.
func Splice(src []byte, edits ...Edit) ([]byte, error) {
	return SpliceWithin(Limits{}, src, edits...)
}

// SpliceWithin is Splice with src read within lim, the limits it was read
// with (a raised MaxBytes for a large file). The result is read back within
// the same limits, its size aside: it may exceed src's.
func SpliceWithin(lim Limits, src []byte, edits ...Edit) ([]byte, error) {
	for len(edits) > 0 {
		// Edits of values apart are made in one pass; one that touches a
		// value an earlier edit of the pass wrote waits for the next.
		n := 1
		for n < len(edits) && apart(edits[:n], edits[n].Pointer) {
			n++
		}
		var err error
		if src, err = splicePass(src, edits[:n], lim); err != nil {
			return nil, err
		}
		edits = edits[n:]
	}
	return src, nil
}

// apart tells whether ptr names a value that no edit's value holds or is
// held by.
func apart(edits []Edit, ptr string) bool {
	for _, e := range edits {
		p := e.Pointer
		if p == ptr || strings.HasPrefix(ptr, p+"/") || strings.HasPrefix(p, ptr+"/") || p == "" || ptr == "" ||
			strings.HasSuffix(p, "/-") || strings.HasSuffix(ptr, "/-") {
			return false
		}
	}
	return true
}

func splicePass(src []byte, edits []Edit, lim Limits) ([]byte, error) {
	doc, format, err := Parse("", src, lim)
	if err != nil {
		return nil, fmt.Errorf("splice: %w", err)
	}
	l, err := newLayout(src, format, doc)
	if err != nil {
		return nil, fmt.Errorf("splice: %w", err)
	}
	l.index() // the splicer finds nodes through at
	s := &splicer{layout: l}
	want := Clone(doc)
	for _, e := range edits {
		v := e.Value
		if v != nil && v.Kind == yaml.DocumentNode {
			if len(v.Content) == 0 {
				v = nil
			} else {
				v = v.Content[0]
			}
		}
		if v == nil {
			return nil, fmt.Errorf("splice %s: no value", ptrText(e.Pointer))
		}
		if format == JSON {
			// What JSON can hold: short forms become Fn:: objects, 0x1F becomes 31.
			if v, err = jsonTree(v, lim); err != nil {
				return nil, fmt.Errorf("splice %s: %w", ptrText(e.Pointer), err)
			}
		}
		if err := s.set(doc.Content[0], want.Content[0], e.Pointer, Clone(v)); err != nil {
			var ee *EditError
			if errors.As(err, &ee) {
				return nil, err
			}
			return nil, fmt.Errorf("splice %s: %w", ptrText(e.Pointer), err)
		}
	}
	out := s.apply()
	got, _, err := Parse("", out, sizeAtLeast(lim, len(out)))
	if err != nil {
		return nil, fmt.Errorf("splice: the changed text does not load: %w", err)
	}
	if why := treeDiff(want, got); why != "" {
		return nil, fmt.Errorf("splice: the changed text does not load to the intended tree: %s", why)
	}
	return out, nil
}

func ptrText(ptr string) string {
	if ptr == "" {
		return `""`
	}
	return ptr
}

// A patch replaces src[start:end] with text.
type patch struct {
	start, end int
	text       string
}

type splicer struct {
	*layout
	patches []patch
}

func (s *splicer) add(start, end int, text string) {
	s.patches = append(s.patches, patch{start, end, text})
}

// apply writes the patches into the text.
func (s *splicer) apply() []byte {
	slices.SortStableFunc(s.patches, func(a, b patch) int { return a.start - b.start })
	var b bytes.Buffer
	b.Grow(len(s.src) + 256)
	at := 0
	for _, p := range s.patches {
		b.Write(s.src[at:p.start])
		b.WriteString(p.text)
		at = p.end
	}
	b.Write(s.src[at:])
	return b.Bytes()
}

// An EditError says that an edit's pointer names nothing Splice can change:
// no such key or item, a key written twice, or a value reached through an
// alias or a merge key.
type EditError struct {
	// Pointer is the edit's pointer.
	Pointer string
	// Reason says what it names instead, and where.
	Reason string
}

// Error returns the pointer and the reason.
func (e *EditError) Error() string { return ptrText(e.Pointer) + ": " + e.Reason }

// set walks ptr from root (the loaded tree) and its copy want, then records
// the change in want and the patches that make it in the text.
func (s *splicer) set(root, want *yaml.Node, ptr string, v *yaml.Node) error {
	refuse := func(format string, args ...any) error {
		return &EditError{Pointer: ptr, Reason: fmt.Sprintf(format, args...)}
	}
	if ptr != "" && !strings.HasPrefix(ptr, "/") {
		return refuse("a JSON pointer starts with /")
	}
	n, w := root, want
	var tokens []string
	if ptr != "" {
		tokens = strings.Split(ptr[1:], "/")
	}
	for i, raw := range tokens {
		tok := UnescapeToken(raw)
		last := i == len(tokens)-1
		at := ptrText("/" + strings.Join(tokens[:i], "/"))
		if i == 0 {
			at = "the document"
		}
		switch n.Kind {
		case yaml.AliasNode:
			return refuse("%s is the alias *%s (line %d): its value stands at the anchor &%s; change it there", at, n.Value, n.Line, n.Value)
		case yaml.MappingNode:
			idx := -1
			for j := 0; j+1 < len(n.Content); j += 2 {
				if n.Content[j].Kind == yaml.ScalarNode && n.Content[j].Value == tok {
					if idx >= 0 {
						return refuse("the key %q is written twice in the mapping at line %d (lines %d and %d)", tok, n.Line, n.Content[idx].Line, n.Content[j].Line)
					}
					idx = j
				}
			}
			if idx < 0 {
				if mergedChild(n, tok) != nil {
					return refuse("%q comes from a merge key (<<) of the mapping at line %d: change it where it is written", tok, n.Line)
				}
				if !last {
					return refuse("the mapping at line %d has no key %q (%s)", n.Line, tok, keyList(n))
				}
				k := &yaml.Node{Kind: yaml.ScalarNode, Tag: TagStr, Value: tok}
				w.Content = append(w.Content, Clone(k), v)
				return s.insertPair(n, k, v)
			}
			if last {
				return s.replaceAt(n.Content[idx+1], w, idx+1, v)
			}
			n, w = n.Content[idx+1], w.Content[idx+1]
		case yaml.SequenceNode:
			j, err := strconv.Atoi(tok)
			if tok == "-" || err == nil && j == len(n.Content) && last {
				if !last {
					return refuse("%s: - names the end of a sequence, not a value in it", at)
				}
				w.Content = append(w.Content, v)
				return s.appendItem(n, v)
			}
			if err != nil || j < 0 || j >= len(n.Content) || tok != strconv.Itoa(j) {
				return refuse("the sequence at line %d has no item %q (it has %d)", n.Line, tok, len(n.Content))
			}
			if last {
				return s.replaceAt(n.Content[j], w, j, v)
			}
			n, w = n.Content[j], w.Content[j]
		default:
			return refuse("%s is a scalar (line %d): it has no %q", at, n.Line, tok)
		}
	}
	if len(tokens) == 0 {
		return s.replaceAt(root, want, -1, v)
	}
	return nil
}

// keyList names the keys of mapping m, for messages.
func keyList(m *yaml.Node) string {
	var keys []string
	for j := 0; j+1 < len(m.Content); j += 2 {
		if len(keys) == 8 {
			keys = append(keys, "…")
			break
		}
		keys = append(keys, strconv.Quote(m.Content[j].Value))
	}
	if len(keys) == 0 {
		return "it is empty"
	}
	return "its keys: " + strings.Join(keys, ", ")
}

// replaceAt replaces old (a child of the copy w's original at index i, or the
// root when i < 0) by v, in the copy and in the text. An anchor on old stays.
func (s *splicer) replaceAt(old, w *yaml.Node, i int, v *yaml.Node) error {
	if old.Kind == yaml.AliasNode {
		v = Clone(v)
	} else if old.Anchor != "" && v.Anchor == "" {
		v.Anchor = old.Anchor
	}
	if i >= 0 {
		w.Content[i] = v
	} else {
		*w = *v
	}
	return s.replace(old, v)
}

// replace writes the difference between old and v into the text.
func (s *splicer) replace(old, v *yaml.Node) error {
	if treeDiff(old, v) == "" && old.Anchor == v.Anchor {
		return nil
	}
	if old.Kind == v.Kind && old.Anchor == v.Anchor && sameTag(old, v) && len(old.Content) > 0 {
		switch old.Kind {
		case yaml.MappingNode:
			if ok, err := s.mergeMapping(old, v); ok || err != nil {
				return err
			}
		case yaml.SequenceNode:
			if len(v.Content) >= len(old.Content) {
				for i, c := range old.Content {
					if err := s.replace(c, v.Content[i]); err != nil {
						return err
					}
				}
				for _, c := range v.Content[len(old.Content):] {
					if err := s.appendItem(old, c); err != nil {
						return err
					}
				}
				return nil
			}
		}
	}
	return s.replaceWhole(old, v)
}

// mergeMapping writes the change from mapping old to v key by key, when the
// keys both hold come in the same order; ok is false when it cannot.
func (s *splicer) mergeMapping(old, v *yaml.Node) (ok bool, err error) {
	oldKeys, ok1 := scalarKeys(old)
	newKeys, ok2 := scalarKeys(v)
	if !ok1 || !ok2 {
		return false, nil
	}
	var common []string
	for _, k := range oldKeys {
		if slices.Contains(newKeys, k) {
			common = append(common, k)
		}
	}
	if len(common) == 0 {
		return false, nil
	}
	var inNew []string
	for _, k := range newKeys {
		if slices.Contains(oldKeys, k) {
			inNew = append(inNew, k)
		}
	}
	if !slices.Equal(common, inNew) {
		return false, nil
	}
	// Removing the first pair of a block mapping that shares its line with
	// something else ("- a: 1") would leave the next key misplaced; a key
	// whose tag changes ("200" for 200) is rewritten with its mapping.
	p := s.at[old]
	for j := 0; j+1 < len(old.Content); j += 2 {
		nj := slices.Index(newKeys, old.Content[j].Value)
		if nj >= 0 && !sameTag(old.Content[j], v.Content[2*nj]) {
			return false, nil
		}
		if nj < 0 && !p.flow && old.Style&yaml.FlowStyle == 0 && !s.startsLine(old.Content[j]) {
			return false, nil
		}
	}
	for j := 0; j+1 < len(old.Content); j += 2 {
		k := old.Content[j].Value
		nj := slices.Index(newKeys, k)
		if nj < 0 {
			if err := s.deletePair(old, j); err != nil {
				return true, err
			}
			continue
		}
		if err := s.replace(old.Content[j+1], v.Content[2*nj+1]); err != nil {
			return true, err
		}
	}
	// New keys go after the common key before them, or before the first
	// common key.
	for nj := 0; nj+1 < len(v.Content); nj += 2 {
		k := v.Content[nj].Value
		if slices.Contains(oldKeys, k) {
			continue
		}
		prev := -1
		for pj := nj - 2; pj >= 0; pj -= 2 {
			if oj := slices.Index(oldKeys, v.Content[pj].Value); oj >= 0 {
				prev = oj
				break
			}
		}
		var err error
		if prev >= 0 {
			err = s.insertPairAfter(old, 2*prev, v.Content[nj], v.Content[nj+1])
		} else {
			first := slices.Index(oldKeys, common[0])
			err = s.insertPairBefore(old, 2*first, v.Content[nj], v.Content[nj+1])
		}
		if err != nil {
			return true, err
		}
	}
	return true, nil
}

// scalarKeys returns the keys of a mapping; ok is false when one is not a
// scalar or a key repeats.
func scalarKeys(m *yaml.Node) ([]string, bool) {
	var keys []string
	for j := 0; j+1 < len(m.Content); j += 2 {
		k := m.Content[j]
		if k.Kind != yaml.ScalarNode || slices.Contains(keys, k.Value) || IsMergeKey(k) {
			return nil, false
		}
		keys = append(keys, k.Value)
	}
	return keys, true
}

// startsLine tells whether node n is the first thing on its line.
func (s *splicer) startsLine(n *yaml.Node) bool {
	p := s.at[n]
	return s.indentOf(p.start) == s.column(p.start) && s.lineStartOnlySpaces(p.start)
}

func (s *splicer) lineStartOnlySpaces(off int) bool {
	for i := s.lines[s.lineOf(off)-1]; i < off; i++ {
		if s.src[i] != ' ' {
			return false
		}
	}
	return true
}

// inFlow tells whether n is written in flow style or stands inside a flow
// collection (every value of a JSON file).
func (s *splicer) inFlow(n *yaml.Node) bool {
	return s.at[n].flow || n.Style&yaml.FlowStyle != 0 && n.Kind != yaml.ScalarNode
}

// replaceWhole writes v in place of old.
func (s *splicer) replaceWhole(old, v *yaml.Node) error {
	p := s.at[old]
	if p.flow || s.format == JSON {
		text, err := s.renderFlow(v, old, s.multiline(p.parent), s.indentOf(p.start))
		if err != nil {
			return err
		}
		s.add(p.start, p.end, text)
		return nil
	}
	parent := p.parent
	indent := max(p.indent, 0)
	keyOf := s.keyOf(old)
	if keyOf == nil {
		// A sequence item, or the document's root: the text starts where
		// the old one did, and continues at its column.
		col, prefix := s.column(p.start), ""
		if p.start > 0 && s.src[p.start-1] == '-' {
			col, prefix = col+1, " " // an empty item: "-"
		}
		text, err := s.renderBlock(v, old, col, indent, s.unit(parent))
		if err != nil {
			return err
		}
		s.add(p.start, p.end, prefix+text)
		return nil
	}
	// A mapping value: inline after "key: ", or in block style on the lines
	// below the key.
	colon, err := s.colonAfter(keyOf)
	if err != nil {
		return err
	}
	onKeyLine := s.lineOf(p.start) == s.lineOf(colon)
	gapComment := bytes.IndexByte(s.src[colon+1:p.start], '#') >= 0
	if isInline(v, old) {
		text, err := s.renderInline(v, old, indent)
		if err != nil {
			return err
		}
		switch {
		case p.start == colon+1:
			s.add(p.start, p.end, " "+text) // an empty value: "key:"
		case onKeyLine || gapComment:
			s.add(p.start, p.end, text)
		default:
			s.add(colon+1, p.end, " "+text)
		}
		return nil
	}
	childCol := s.column(p.start)
	if onKeyLine || old.Kind == yaml.ScalarNode || childCol <= indent && v.Kind != yaml.SequenceNode {
		// A mapping below a sequence written at its key's column ("key:\n- a")
		// goes one step in.
		childCol = indent + s.unit(parent)
		onKeyLine = true
	}
	text, err := s.renderBlock(v, old, childCol, indent, s.unit(parent))
	if err != nil {
		return err
	}
	if onKeyLine || p.start == colon+1 {
		props := ""
		if first, rest, ok := strings.Cut(text, s.eol); ok && (first[0] == '&' || first[0] == '!') && !strings.Contains(first, ": ") {
			// An anchor or a tag stays on the key's line: "key: &a".
			props, text = " "+first, strings.TrimLeft(rest, " ")
		}
		s.add(colon+1, p.end, props+s.eol+strings.Repeat(" ", childCol)+text)
	} else {
		// Already on its own line: keep the text between.
		s.add(p.start, p.end, text)
	}
	return nil
}

// keyOf returns the key of n when n is a value of a block mapping, else nil.
func (s *splicer) keyOf(n *yaml.Node) *yaml.Node {
	m := s.at[n].parent
	if m == nil || m.Kind != yaml.MappingNode {
		return nil
	}
	for j := 1; j < len(m.Content); j += 2 {
		if m.Content[j] == n {
			return m.Content[j-1]
		}
	}
	return nil
}

// colonAfter returns the offset of the ':' that follows key k.
func (s *splicer) colonAfter(k *yaml.Node) (int, error) {
	i := s.at[k].end
	for i < len(s.src) && (s.src[i] == ' ' || s.src[i] == '\t') {
		i++
	}
	if i >= len(s.src) || s.src[i] != ':' {
		return 0, fmt.Errorf("no ':' after the key %q at line %d", k.Value, k.Line)
	}
	return i, nil
}

// unit guesses the indentation step of the block collection m from the text:
// how far its children stand from it, else two spaces.
func (s *splicer) unit(m *yaml.Node) int {
	for n := m; n != nil; n = s.at[n].parent {
		p := s.at[n]
		if p.parent == nil || n.Kind != yaml.MappingNode || n.Style&yaml.FlowStyle != 0 || p.flow || len(n.Content) == 0 {
			continue
		}
		if d := n.Content[0].Column - 1 - max(p.indent, 0); p.indent >= 0 && d >= 2 && d <= 9 && s.keyOf(n) != nil {
			return d
		}
	}
	return 2
}

// multiline tells whether a flow collection spreads over several lines.
func (s *splicer) multiline(n *yaml.Node) bool {
	if n == nil {
		return true
	}
	p := s.at[n]
	return s.lineOf(p.start) != s.lineOf(p.end)
}

// insertPair adds k: v at the end of mapping m.
func (s *splicer) insertPair(m, k, v *yaml.Node) error {
	if len(m.Content) == 0 {
		return s.replaceWhole(m, &yaml.Node{Kind: yaml.MappingNode, Tag: m.Tag, Anchor: m.Anchor, Content: []*yaml.Node{k, v}})
	}
	return s.insertPairAfter(m, len(m.Content)-2, k, v)
}

// insertPairAfter adds k: v after the pair at index j of mapping m.
func (s *splicer) insertPairAfter(m *yaml.Node, j int, k, v *yaml.Node) error {
	if s.inFlow(m) {
		text, err := s.flowPair(m, k, v, s.indentOf(s.at[m.Content[j]].start))
		if err != nil {
			return err
		}
		at := s.at[m.Content[j+1]].end
		if end := s.at[m.Content[j]].end; at < end {
			at = end
		}
		sep := ", "
		if s.multiline(m) {
			sep = "," + s.eol + strings.Repeat(" ", s.indentOf(s.at[m.Content[j]].start))
		}
		s.add(at, at, sep+text)
		return nil
	}
	text, err := s.blockPair(m, k, v)
	if err != nil {
		return err
	}
	at := s.lineEnd(s.at[m.Content[j+1]].end)
	if e := s.lineEnd(s.at[m.Content[j]].end); at < e {
		at = e
	}
	s.add(at, at, s.eol+strings.Repeat(" ", s.column(s.at[m.Content[0]].start))+text)
	return nil
}

// insertPairBefore adds k: v before the pair at index j of mapping m.
func (s *splicer) insertPairBefore(m *yaml.Node, j int, k, v *yaml.Node) error {
	at := s.at[m.Content[j]].start
	if s.inFlow(m) {
		text, err := s.flowPair(m, k, v, s.indentOf(at))
		if err != nil {
			return err
		}
		sep := ", "
		if s.multiline(m) {
			sep = "," + s.eol + strings.Repeat(" ", s.indentOf(at))
		}
		s.add(at, at, text+sep)
		return nil
	}
	text, err := s.blockPair(m, k, v)
	if err != nil {
		return err
	}
	s.add(at, at, text+s.eol+strings.Repeat(" ", s.column(at)))
	return nil
}

// deletePair removes the pair at index j of mapping m from the text.
func (s *splicer) deletePair(m *yaml.Node, j int) error {
	k, v := s.at[m.Content[j]], s.at[m.Content[j+1]]
	end := max(k.end, v.end)
	if s.inFlow(m) {
		switch {
		case j+2 < len(m.Content):
			s.add(k.start, s.at[m.Content[j+2]].start, "")
		case j >= 2:
			prev := m.Content[j-1]
			s.add(max(s.at[prev].end, s.at[m.Content[j-2]].end), end, "")
		default:
			return s.replaceWhole(m, &yaml.Node{Kind: yaml.MappingNode, Tag: m.Tag, Style: yaml.FlowStyle})
		}
		return nil
	}
	if len(m.Content) == 2 {
		return s.replaceWhole(m, &yaml.Node{Kind: yaml.MappingNode, Tag: m.Tag, Style: yaml.FlowStyle})
	}
	from := s.lines[s.lineOf(k.start)-1]
	to := s.lineEnd(end)
	if to < len(s.src) {
		to += s.breakAt(to)
	}
	s.add(from, to, "")
	return nil
}

// appendItem adds v at the end of sequence q.
func (s *splicer) appendItem(q, v *yaml.Node) error {
	if len(q.Content) == 0 {
		return s.replaceWhole(q, &yaml.Node{Kind: yaml.SequenceNode, Tag: q.Tag, Anchor: q.Anchor, Content: []*yaml.Node{v}})
	}
	last := s.at[q.Content[len(q.Content)-1]]
	if s.inFlow(q) {
		text, err := s.renderFlow(v, nil, s.multiline(q), s.indentOf(last.start))
		if err != nil {
			return err
		}
		sep := ", "
		if s.multiline(q) {
			sep = "," + s.eol + strings.Repeat(" ", s.indentOf(last.start))
		}
		s.add(last.end, last.end, sep+text)
		return nil
	}
	dash := s.column(s.contentStart(s.at[q].start))
	text, err := s.renderBlock(v, nil, dash+2, dash, s.unit(q))
	if err != nil {
		return err
	}
	at := s.lineEnd(last.end)
	s.add(at, at, s.eol+strings.Repeat(" ", dash)+"- "+text)
	return nil
}

// sameTag tells whether two nodes have the same resolved tag.
func sameTag(a, b *yaml.Node) bool {
	if a.Kind == yaml.ScalarNode && b.Kind == yaml.ScalarNode {
		return ScalarTag(a) == ScalarTag(b)
	}
	return collectionTag(a) == collectionTag(b)
}

func collectionTag(n *yaml.Node) string {
	switch {
	case n.Tag != "" && n.Tag != "!":
		return n.ShortTag()
	case n.Kind == yaml.MappingNode:
		return "!!map"
	case n.Kind == yaml.SequenceNode:
		return "!!seq"
	}
	return ""
}

// treeDiff compares two trees by kind, resolved tag, value, anchor and
// children, ignoring styles, positions and comments; "" when they are the
// same, else where they differ.
func treeDiff(a, b *yaml.Node) string {
	if a.Kind == yaml.DocumentNode && b.Kind == yaml.DocumentNode {
		if len(a.Content) != len(b.Content) {
			return "document"
		}
		for i := range a.Content {
			if why := treeDiff(a.Content[i], b.Content[i]); why != "" {
				return why
			}
		}
		return ""
	}
	switch {
	case a.Kind != b.Kind:
		return fmt.Sprintf("line %d: a %s where a %s was intended", b.Line, kindName(b.Kind), kindName(a.Kind))
	case !sameTag(a, b):
		return fmt.Sprintf("line %d: tag %s where %s was intended", b.Line, tagName(b), tagName(a))
	case a.Kind == yaml.ScalarNode && a.Value != b.Value, a.Kind == yaml.AliasNode && a.Value != b.Value:
		return fmt.Sprintf("line %d: %q where %q was intended", b.Line, b.Value, a.Value)
	case a.Anchor != b.Anchor && a.Kind != yaml.AliasNode:
		return fmt.Sprintf("line %d: anchor %q where %q was intended", b.Line, b.Anchor, a.Anchor)
	case len(a.Content) != len(b.Content):
		return fmt.Sprintf("line %d: %d entries where %d were intended", b.Line, len(b.Content), len(a.Content))
	}
	for i := range a.Content {
		if why := treeDiff(a.Content[i], b.Content[i]); why != "" {
			return why
		}
	}
	return ""
}

// tagName names a node's resolved tag for messages.
func tagName(n *yaml.Node) string {
	if n.Kind == yaml.ScalarNode {
		return ScalarTag(n)
	}
	return collectionTag(n)
}

// sizeAtLeast returns lim with MaxBytes at least n: for text Splice wrote
// from an input lim let through.
func sizeAtLeast(lim Limits, n int) Limits {
	lim = lim.WithDefaults()
	lim.MaxBytes = max(lim.MaxBytes, int64(n))
	return lim
}

// jsonTree returns the tree of v written as JSON, read within lim.
func jsonTree(v *yaml.Node, lim Limits) (*yaml.Node, error) {
	out, err := WriteJSON(v)
	if err != nil {
		return nil, err
	}
	doc, _, err := Parse("", out, sizeAtLeast(lim, len(out)))
	if err != nil {
		return nil, err
	}
	return doc.Content[0], nil
}
