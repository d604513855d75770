package source

import (
	"bytes"
	"errors"
	"runtime"
	"slices"
	"strings"
	"sync/atomic"

	"go.yaml.in/yaml/v4"
)

// A large JSON document is read on all processors. Before reading it, the
// scanner picks a line near each even share of the text that starts with a
// key ("name": ...), and another scanner reads, from each such line, the
// members of the object it stands in, until that object's '}' or the next
// picked line. The first scanner reads the text in order, and on reaching a
// picked line between two members of an object (or after its '{') it takes
// the members read from there and goes on where that run stopped.
//
// A JSON string holds no line break, so a line never starts inside one, and
// a line that starts with a key starts a member of the innermost object
// around it: the members read from there are the ones the scanner reading
// in order would read. The run starts in the state that scanner has at the
// line (its number counted beforehand, column 1), so every node has the
// same position. A run is only taken when it read without error within the
// depth limit; otherwise the text is read in order, errors and all, so an
// error is reported as it always was. A picked line that turns out not to
// be a member boundary (a string item in a list) costs the run, no more.

// aheadMin is the smallest input read ahead: below it, starting the other
// scanners costs about what they save.
const aheadMin = 1 << 18

// aheadWindow is how far past each even share a key line is looked for.
const aheadWindow = 64 << 10

// errQuit stops a scanner reading ahead once the document is read.
var errQuit = errors.New("read ahead no longer needed")

// aheadRun is the members of an object read ahead from a line.
type aheadRun struct {
	at      int // the line start read from
	stop    int // the next run's line, where this one stops at a member boundary; 0 for none
	line    int // the number of the line at
	members []*yaml.Node
	// where the run ended: at the object's '}' (closed), or right after the
	// ',' before stop
	pos, endLine, lineStart, cont int
	closed                        bool
	deepest                       int  // the deepest nesting below the object
	ok                            bool // read without error
	done                          chan struct{}
}

// aheadLines returns the lines to read a document ahead from: one near each
// even share of a large document but the first, one share a processor.
func aheadLines(data []byte) []int {
	procs := min(runtime.GOMAXPROCS(0), 8)
	if procs < 2 || len(data) < aheadMin {
		return nil
	}
	var ats []int
	for i := 1; i < procs; i++ {
		at := keyLine(data, i*len(data)/procs, aheadWindow)
		if at > 0 && (len(ats) == 0 || at > ats[len(ats)-1]) {
			ats = append(ats, at)
		}
	}
	return ats
}

// readAhead starts a run from each line start of ats, in ascending order;
// an offset that is no line start (after a "\n") is left out.
func (s *jsonScanner) readAhead(ats []int) {
	ats = slices.DeleteFunc(slices.Clone(ats), func(at int) bool { return at <= 0 || at >= len(s.src) || s.src[at-1] != '\n' })
	if len(ats) == 0 {
		return
	}
	lines := lineNumbers(s.src, ats)
	s.quit = new(atomic.Bool)
	for i, at := range ats {
		r := &aheadRun{at: at, line: lines[i], done: make(chan struct{})}
		if i+1 < len(ats) {
			r.stop = ats[i+1]
		}
		s.ahead = append(s.ahead, r)
		go r.read(s.src, s.file, s.maxDepth, s.quit)
	}
}

// endAhead stops the runs still reading.
func (s *jsonScanner) endAhead() {
	if s.quit != nil {
		s.quit.Store(true)
	}
}

// read reads the run: members of one object until its '}', or until a
// member boundary at stop.
func (r *aheadRun) read(src, file string, maxDepth int, quit *atomic.Bool) {
	defer close(r.done)
	b := &jsonScanner{src: src, file: file, pos: r.at, line: r.line, lineStart: r.at, maxDepth: maxDepth, quit: quit}
	b.space()
	for {
		if b.member() != nil {
			return
		}
		b.space()
		if b.pos >= len(b.src) {
			return
		}
		switch b.src[b.pos] {
		case '}':
			r.closed = true
		case ',':
			b.pos++
			if r.stop < b.pos || !onlySpace(b.src[b.pos:r.stop]) {
				b.space()
				continue
			}
		default:
			return
		}
		r.members = b.stack
		r.pos, r.endLine, r.lineStart, r.cont = b.pos, b.line, b.lineStart, b.cont
		r.deepest, r.ok = b.deepest, true
		return
	}
}

// spaceOrAhead skips the space after an object's '{' or ',', taking the
// runs read ahead from there. It returns true when the last run taken ended
// at the object's '}', where s.pos then stands.
func (s *jsonScanner) spaceOrAhead() bool {
	for {
		from := s.pos
		s.space()
		if s.next >= len(s.ahead) || s.ahead[s.next].at > s.pos {
			return false
		}
		r := s.ahead[s.next]
		s.next++
		if r.at < from {
			continue // passed inside a value: a line that was no member boundary
		}
		<-r.done
		if !r.ok || s.depth+r.deepest > s.maxDepth {
			return false
		}
		s.stack = append(s.stack, r.members...)
		s.pos, s.line, s.lineStart, s.cont = r.pos, r.endLine, r.lineStart, r.cont
		s.taken++
		if r.closed {
			return true
		}
	}
}

// keyLine returns the start of a line in src[from:from+window] that starts
// with an object key, the least indented one (the outermost object's
// member), or 0 when there is none.
func keyLine(src []byte, from, window int) int {
	best, bestIndent := 0, -1
	end := min(len(src), from+window)
	i := bytes.IndexByte(src[from:end], '\n')
	for i >= 0 {
		at := from + i + 1
		indent := 0
		for at+indent < end && (src[at+indent] == ' ' || src[at+indent] == '\t') {
			indent++
		}
		if (bestIndent < 0 || indent < bestIndent) && startsWithKey(src[at+indent:end]) {
			best, bestIndent = at, indent
		}
		from = at
		i = bytes.IndexByte(src[from:end], '\n')
	}
	return best
}

// startsWithKey tells whether a line starts with a string followed by ':'.
func startsWithKey(line []byte) bool {
	if len(line) == 0 || line[0] != '"' {
		return false
	}
	for i := 1; i < len(line); i++ {
		switch line[i] {
		case '\\':
			i++
		case '\n', '\r':
			return false
		case '"':
			rest := bytes.TrimLeft(line[i+1:], " \t")
			return len(rest) > 0 && rest[0] == ':'
		}
	}
	return false
}

// lineNumbers returns the number of the line each offset of ats (ascending)
// stands on, counting line breaks as space does: "\r\n", "\n" and a lone "\r".
func lineNumbers(src string, ats []int) []int {
	out := make([]int, len(ats))
	line, from := 1, 0
	for i, at := range ats {
		line += strings.Count(src[from:at], "\n")
		for j := from; ; j++ {
			k := strings.IndexByte(src[j:at], '\r')
			if k < 0 {
				break
			}
			j += k
			if j+1 >= len(src) || src[j+1] != '\n' {
				line++ // a lone CR
			}
		}
		out[i], from = line, at
	}
	return out
}

// onlySpace tells whether text is JSON whitespace alone.
func onlySpace(text string) bool {
	for i := 0; i < len(text); i++ {
		switch text[i] {
		case ' ', '\t', '\n', '\r':
		default:
			return false
		}
	}
	return true
}
