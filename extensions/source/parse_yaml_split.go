package source

import (
	"bytes"
	"sync"

	"go.yaml.in/yaml/v4"
)

// A large YAML document is read on all processors. Most of it is one
// top-level key whose value is a block mapping (an API's paths), and a line
// holding one of that mapping's keys, indented as its keys are, starts a
// text that yaml v4 reads as a mapping at that column with the same nodes
// and columns: in block context a node's nesting follows its column, and a
// scalar or flow collection that ran on past such a line would leave the
// text before it unfinished, which yaml v4 refuses. So parseYAMLSplit cuts
// the text at such lines (and at the top-level key after that mapping),
// reads the pieces side by side, shifts their lines and joins their entries
// into the mapping and the document.
//
// It cuts only where the result cannot differ from one read: a comment goes
// to the next node, so going back from a cut a line holding a key or a value
// comes before any comment or blank line, and no line on the way holds a
// comment; no comment in the mapping is less indented than its keys; the
// text has no line break but LF (lines are counted by LF) and no directive
// or document marker past its start; and no piece holds an alias (its
// anchor may stand in another piece) or a comment of its own document or
// root. Otherwise, or when a piece is not well-formed, the text is read in
// one piece, which also gives every error its usual place and message.

// splitMin is the smallest YAML input read in pieces.
const splitMin = 1 << 18

// yamlCuts are the places parseYAMLSplit cuts a text at.
type yamlCuts struct {
	bigLine int   // 1-based line of the top-level key whose mapping is cut
	starts  []int // byte offsets where pieces start, after the first
	lines   []int // 1-based line of each start
	tail    int   // index in starts of the top-level key after the mapping, or -1
}

// parseYAMLSplit reads data as parseYAML does, in pieces when it is least
// bytes or longer and can be cut (see above); ok is false when it was not
// read.
func parseYAMLSplit(data []byte, procs, least int) (*yaml.Node, bool) {
	cuts, ok := findYAMLCuts(data, procs, least)
	if !ok {
		return nil, false
	}
	texts := make([][]byte, len(cuts.starts)+1)
	prev := 0
	for i, s := range cuts.starts {
		texts[i] = data[prev:s]
		prev = s
	}
	texts[len(texts)-1] = data[prev:]
	docs := make([]*yaml.Node, len(texts))
	var wg sync.WaitGroup
	for i := range texts {
		wg.Go(func() {
			l, err := yaml.NewLoader(bytes.NewReader(texts[i]))
			if err != nil {
				return
			}
			// A piece's lines are shifted, and its aliases looked for,
			// beside the others.
			var doc yaml.Node
			if l.Load(&doc) != nil {
				return
			}
			if i == 0 && !hasAlias(&doc) || i > 0 && shiftLines(&doc, cuts.lines[i-1]-1) {
				docs[i] = &doc
			}
		})
	}
	wg.Wait()
	return joinYAMLPieces(docs, cuts)
}

// joinYAMLPieces checks the pieces read (nil for one refused, or holding an
// alias), their lines already shifted, and joins them into one document.
func joinYAMLPieces(docs []*yaml.Node, cuts yamlCuts) (*yaml.Node, bool) {
	for i, d := range docs {
		if d == nil || len(d.Content) != 1 || d.FootComment != "" || i > 0 && d.HeadComment != "" {
			return nil, false
		}
		root := d.Content[0]
		if root.Kind != yaml.MappingNode || root.Style&yaml.FlowStyle != 0 || len(root.Content) == 0 ||
			root.FootComment != "" || root.LineComment != "" ||
			i > 0 && (root.HeadComment != "" || root.Line != cuts.lines[i-1] || root.Anchor != "" || root.Tag != TagMap || root.Style != 0) {
			return nil, false
		}
	}
	doc := docs[0]
	root := doc.Content[0]
	key, big := root.Content[len(root.Content)-2], root.Content[len(root.Content)-1]
	if key.Line != cuts.bigLine || key.FootComment != "" || big.Kind != yaml.MappingNode || big.Style&(yaml.FlowStyle|yaml.TaggedStyle) != 0 ||
		len(big.Content) == 0 || big.FootComment != "" || big.Anchor != "" || big.Tag != TagMap {
		return nil, false
	}
	for i, d := range docs[1:] {
		piece := d.Content[0]
		into := big
		if i == cuts.tail {
			into = root
		}
		if piece.Column != into.Content[0].Column {
			return nil, false
		}
		into.Content = append(into.Content, piece.Content...)
	}
	return doc, true
}

// shiftLines adds by to the line of n and every node below it, and reports
// false if it meets an alias.
func shiftLines(n *yaml.Node, by int) bool {
	if n.Kind == yaml.AliasNode {
		return false
	}
	n.Line += by
	for _, c := range n.Content {
		if !shiftLines(c, by) {
			return false
		}
	}
	return true
}

// hasAlias tells whether an alias stands at or below n.
func hasAlias(n *yaml.Node) bool {
	if n.Kind == yaml.AliasNode {
		return true
	}
	for _, c := range n.Content {
		if hasAlias(c) {
			return true
		}
	}
	return false
}

// findYAMLCuts finds where to cut data into about procs pieces, or reports
// false when it is not to be cut.
func findYAMLCuts(data []byte, procs, least int) (yamlCuts, bool) {
	if procs < 2 || len(data) < least || !onlyLF(data, YAML) {
		return yamlCuts{}, false
	}
	// The lines: start offsets, indentation and first character.
	type line struct {
		at, indent int
		first      byte // 0 for a blank line
	}
	var lines []line
	content := false // a line before this one holds content
	for at := 0; at < len(data); {
		end := bytes.IndexByte(data[at:], '\n')
		if end < 0 {
			end = len(data)
		} else {
			end += at
		}
		indent := 0
		for at+indent < end && data[at+indent] == ' ' {
			indent++
		}
		var first byte
		if at+indent < end {
			first = data[at+indent]
		}
		marker := bytes.HasPrefix(data[at:], []byte("---")) || bytes.HasPrefix(data[at:], []byte("..."))
		if indent == 0 && (first == '%' || marker && (content || first == '.')) {
			return yamlCuts{}, false // a directive, or a document marker past the start
		}
		content = content || first != 0 && first != '#'

		lines = append(lines, line{at, indent, first})
		at = end + 1
	}
	contentLine := func(i int) bool { // not blank, not a comment
		return lines[i].first != 0 && lines[i].first != '#'
	}
	// A cut is safe where no comment waits for a node past it: yaml v4
	// gives a comment to the next node, and a line such as an item "-"
	// whose value is empty, or the end of a flow collection, holds none.
	// Going back from the cut over such lines, a line that starts with a
	// key or a value must come before any comment or blank line (a line
	// of a block scalar counts as one: the scalar's node stands above it),
	// and none of these lines may hold a comment at its end (a node with
	// an empty value does not take it either).
	safeCut := func(i int) bool {
		for j := i - 1; j >= 0 && j >= i-1000; j-- {
			if !contentLine(j) {
				return false
			}
			end := len(data)
			if j+1 < len(lines) {
				end = lines[j+1].at
			}
			text := data[lines[j].at:end]
			if bytes.Contains(text, []byte(" #")) || bytes.Contains(text, []byte("\t#")) {
				return false // a comment, maybe after a node that does not take it (an empty value)
			}
			rest := text[lines[j].indent:]
			for len(rest) > 1 && rest[0] == '-' && rest[1] == ' ' {
				rest = bytes.TrimLeft(rest[1:], " ")
			}
			if len(rest) > 0 && rest[0] != '\n' && keyStart(rest[0]) {
				return true
			}
		}
		return false
	}
	topKey := func(i int) bool {
		return lines[i].indent == 0 && keyStart(lines[i].first)
	}
	// The largest top-level entry.
	bigStart, bigEnd := -1, -1
	for i := 0; i < len(lines); {
		if !topKey(i) {
			i++
			continue
		}
		j := i + 1
		for j < len(lines) && (lines[j].first == 0 || lines[j].indent > 0 || lines[j].first == '#') {
			j++
		}
		if bigStart < 0 || lines[j-1].at-lines[i].at > lines[bigEnd-1].at-lines[bigStart].at {
			bigStart, bigEnd = i, j
		}
		i = j
	}
	if bigStart < 0 {
		return yamlCuts{}, false
	}
	// The column of the mapping's keys: its first line that is not blank
	// or a comment.
	col := -1
	for i := bigStart + 1; i < bigEnd; i++ {
		if contentLine(i) {
			col = lines[i].indent
			if !keyStart(lines[i].first) {
				return yamlCuts{}, false
			}
			break
		}
	}
	if col <= 0 {
		return yamlCuts{}, false
	}
	cuts := yamlCuts{bigLine: bigStart + 1, tail: -1}
	share := len(data) / procs
	next := share
	seenKey := false
	for i := bigStart + 1; i < bigEnd; i++ {
		l := lines[i]
		if l.first == '#' && l.indent < col {
			return yamlCuts{}, false // a comment the mapping's pieces would place differently
		}
		if l.indent != col || !keyStart(l.first) {
			continue
		}
		if seenKey && l.at >= next && safeCut(i) {
			cuts.starts = append(cuts.starts, l.at)
			cuts.lines = append(cuts.lines, i+1)
			next = l.at + share
		}
		seenKey = true
	}
	if len(cuts.starts) == 0 {
		return yamlCuts{}, false
	}
	if bigEnd < len(lines) {
		if !safeCut(bigEnd) {
			return yamlCuts{}, false
		}
		cuts.tail = len(cuts.starts)
		cuts.starts = append(cuts.starts, lines[bigEnd].at)
		cuts.lines = append(cuts.lines, bigEnd+1)
	}
	return cuts, true
}

// keyStart tells whether a line starting with c (after its indentation)
// can start a plain or quoted key: not an indicator, a space or a comment.
func keyStart(c byte) bool {
	switch c {
	case 0, ' ', '\t', '#', '-', '?', ':', ',', '[', ']', '{', '}', '&', '*', '!', '|', '>', '%', '@', '`':
		return false
	}
	return true
}
