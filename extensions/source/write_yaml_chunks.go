package source

import (
	"bytes"
	"errors"
	"runtime"
	"strconv"
	"sync"

	"go.yaml.in/yaml/v4"
)

// Large trees are dumped in pieces. yaml v4's emitter keeps every event of
// a document in a queue it never shortens, so one dump of a large tree
// holds and copies hundreds of megabytes and the garbage collector scans
// them again and again. dump therefore writes the entries of each large
// block mapping in groups of a few thousand nodes, each group dumped on
// its own and indented where the mapping's entries stand, and the rest of
// the tree in one dump with a marker entry in place of the mapping's
// entries. Lines are never folded, so text does not depend on the column
// it starts at, and the bytes are those of one dump (write_yaml_chunks_test
// compares them on every fixture, the corpus and generated documents,
// with groups of one entry). Each piece goes to emitFast, which writes it
// without yaml v4 when it holds nothing the fast writer leaves to it.

// chunkNodes is the size in nodes above which a block mapping's entries
// are dumped in groups, and the size of a group.
var chunkNodes = 4096

// errNoChunks says that a tree cannot be dumped in pieces with the same
// bytes; it is then dumped whole.
var errNoChunks = errors.New("source: dump the tree whole")

// dumpChunked dumps n as dumpWhole does, in pieces (see above). inGroup says
// that n is a group of entries of a mapping being dumped in pieces: it is
// not split again itself.
func dumpChunked(n *yaml.Node, indent int, inGroup bool) ([]byte, error) {
	var big []*yaml.Node
	findLarge(n, inGroup, &big)
	if len(big) == 0 {
		return emitFast(n, indent)
	}
	markers := make([]string, len(big))
	saved := make([][]*yaml.Node, len(big))
	for i, m := range big {
		markers[i] = "apigw-chunk-" + strconv.Itoa(i) + "-c7e3f19a"
		saved[i] = m.Content
		m.Content = []*yaml.Node{
			{Kind: yaml.ScalarNode, Tag: TagStr, Value: markers[i]},
			{Kind: yaml.ScalarNode, Tag: TagStr, Value: "x"},
		}
	}
	out, err := emitFast(n, indent)
	for i, m := range big {
		m.Content = saved[i]
	}
	if err != nil {
		return nil, err
	}
	var b bytes.Buffer
	b.Grow(len(out) * 4)
	rest := out
	for i, m := range big {
		line := []byte(markers[i] + ": x\n")
		at := bytes.Index(rest, line)
		if at < 0 || bytes.Contains(rest[at+len(line):], line) {
			return nil, errNoChunks
		}
		start := bytes.LastIndexByte(rest[:at], '\n') + 1
		shift := rest[start:at]
		if len(bytes.Trim(shift, " ")) != 0 {
			return nil, errNoChunks // the entries do not start a line of their own
		}
		b.Write(rest[:start])
		if err := dumpGroups(&b, m, indent, shift); err != nil {
			return nil, err
		}
		rest = rest[at+len(line):]
	}
	b.Write(rest)
	return b.Bytes(), nil
}

// dumpGroups writes the entries of m in groups, each line indented by
// shift. The groups are dumped side by side, each a subtree of its own that
// the emitter only reads, and written in order as they are done: at most
// one group per processor is dumped or waiting to be written at a time, so
// the dumps in hand stay a few groups' worth.
func dumpGroups(b *bytes.Buffer, m *yaml.Node, indent int, shift []byte) error {
	groups := splitGroups(m)
	type dumped struct {
		out []byte
		err error
	}
	done := make([]chan dumped, len(groups))
	for i := range done {
		done[i] = make(chan dumped, 1)
	}
	slots := make(chan struct{}, runtime.GOMAXPROCS(0))
	go func() {
		for i, g := range groups {
			slots <- struct{}{} // given back once group i is written
			go func() {
				out, err := dumpChunked(g, indent, true)
				done[i] <- dumped{out, err}
			}()
		}
	}()
	var first error
	for i := range groups {
		d := <-done[i]
		<-slots
		switch {
		case first != nil:
			continue // the rest is waited for, and dropped
		case d.err != nil:
			first = d.err
		case bytes.HasSuffix(d.out, []byte("...\n")):
			first = errNoChunks // an open-ended scalar ends the group
		default:
			first = writeShifted(b, d.out, shift)
		}
	}
	return first
}

// writeShifted writes a group's dump with each line indented by shift.
func writeShifted(b *bytes.Buffer, out, shift []byte) error {
	for line := range bytes.Lines(out) {
		if len(line) > 1 {
			if len(bytes.TrimLeft(line, " ")) == 1 {
				return errNoChunks // spaces alone: where the emitter left them does not follow the indentation
			}
			b.Write(shift)
		}
		b.Write(line)
	}
	return nil
}

// splitGroups cuts the entries of m into mappings of about chunkNodes
// nodes, each ending where canSplit allows.
func splitGroups(m *yaml.Node) []*yaml.Node {
	var groups []*yaml.Node
	sizes := entrySizes(m.Content)
	for from := 0; from < len(m.Content); {
		end, size := from, 0
		for end < len(m.Content) && (end == from || size < chunkNodes || !canSplit(m.Content, end)) {
			size += sizes[end/2]
			end += 2
		}
		groups = append(groups, &yaml.Node{Kind: yaml.MappingNode, Tag: m.Tag, Style: m.Style, Content: m.Content[from:end]})
		from = end
	}
	return groups
}

// entrySizes counts the nodes of each entry of a mapping's children
// (stopping past chunkNodes), the entries shared among the processors.
func entrySizes(pairs []*yaml.Node) []int {
	sizes := make([]int, len(pairs)/2)
	bounds := entryBounds(pairs, runtime.GOMAXPROCS(0), 64)
	if bounds == nil {
		bounds = []int{0, len(pairs)}
	}
	var wg sync.WaitGroup
	for g := range len(bounds) - 1 {
		wg.Go(func() {
			for i := bounds[g]; i+1 < bounds[g+1]; i += 2 {
				sizes[i/2] = countNodes(pairs[i], chunkNodes) + countNodes(pairs[i+1], chunkNodes)
			}
		})
	}
	wg.Wait()
	return sizes
}

// canSplit tells whether a group may end before the entry at pairs[i]: no
// comment stands between the two entries, where the emitter's placement
// depends on what follows.
func canSplit(pairs []*yaml.Node, i int) bool {
	return pairs[i].HeadComment == "" && pairs[i-2].FootComment == "" && !endsWithComment(pairs[i-1])
}

// endsWithComment tells whether a comment the emitter writes after n's
// text ends it: a foot comment of n or of its last entry, or the line
// comment of a collection (written at its end, where the next line starts).
func endsWithComment(n *yaml.Node) bool {
	for n != nil {
		collection := n.Kind == yaml.MappingNode || n.Kind == yaml.SequenceNode
		if n.FootComment != "" || collection && n.LineComment != "" {
			return true
		}
		if !collection || len(n.Content) == 0 {
			return false
		}
		if n.Kind == yaml.MappingNode {
			if k := n.Content[len(n.Content)-2]; k.FootComment != "" || k.LineComment != "" {
				return true // a key's line comment waits for a block value to end
			}
		}
		n = n.Content[len(n.Content)-1]
	}
	return false
}

// findLarge collects the block mappings under n, n included unless skip,
// whose entries dumpChunked writes in groups: the outermost mappings larger
// than chunkNodes that can be split.
func findLarge(n *yaml.Node, skip bool, out *[]*yaml.Node) {
	if countNodes(n, chunkNodes) <= chunkNodes {
		return
	}
	if !skip && splittable(n) {
		*out = append(*out, n)
		return
	}
	for _, c := range n.Content {
		findLarge(c, false, out)
	}
}

// splittable tells whether a mapping's entries can be dumped in groups:
// block style, no anchor, no explicit tag, no comment of its own and none
// that its last entry leaves for the emitter to write after it.
func splittable(m *yaml.Node) bool {
	return m.Kind == yaml.MappingNode && len(m.Content) >= 4 &&
		m.Style&(yaml.FlowStyle|yaml.TaggedStyle) == 0 && m.Anchor == "" &&
		(m.Tag == "" || m.Tag == TagMap) &&
		m.HeadComment == "" && m.LineComment == "" && !endsWithComment(m)
}

// countNodes counts the nodes of n and below, stopping past limit.
func countNodes(n *yaml.Node, limit int) int {
	count := 0
	var walk func(*yaml.Node)
	walk = func(n *yaml.Node) {
		count++
		for _, c := range n.Content {
			if count > limit {
				return
			}
			walk(c)
		}
	}
	walk(n)
	return count
}
