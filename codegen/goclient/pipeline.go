package goclient

import (
	"fmt"
	"go/token"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/dave/jennifer/jen"
)

// pipeline turns declarations into chunks while the generator is still
// producing the next ones. A worker renders each chunk as soon as it is
// complete, on the processors the generator, which runs on one, leaves
// idle, and the chunk's code trees can go. It parses the chunk once the
// generator has released the document (the syntax trees would otherwise be
// held beside it), and prints it once every chunk is parsed, beside the
// type check, which needs them all and runs on one processor. The type
// check takes longest, so the printing keeps off its processor: with as
// many printers as processors it got a share of one, and finished last.
type pipeline struct {
	pkg       string
	chunks    []*chunk       // in output order
	sent      int            // how many of the generator's declarations are in chunks
	base      atomic.Int64   // where the next parsed file's positions start
	renderers chan struct{}  // bounds the workers rendering at once: one processor fewer, the generator's
	sem       chan struct{}  // bounds the workers parsing at once
	printers  chan struct{}  // bounds the workers printing at once: one processor fewer, the type check's
	released  chan struct{}  // closed when the document is released, or the work abandoned
	allParsed chan struct{}  // closed when every chunk is parsed, or the work abandoned
	abandoned atomic.Bool    // the generator failed: nothing more to do
	parsed    sync.WaitGroup // counts each worker until its chunk is parsed
	printed   sync.WaitGroup // and until it is printed
}

func newPipeline(pkg string) *pipeline {
	n := runtime.GOMAXPROCS(0)
	p := &pipeline{
		pkg:       pkg,
		renderers: make(chan struct{}, max(1, n-1)), sem: make(chan struct{}, n), printers: make(chan struct{}, max(1, n-1)),
		released: make(chan struct{}), allParsed: make(chan struct{}),
	}
	p.base.Store(1)
	return p
}

// flush hands the declarations added since the last flush to the pipeline
// in chunks: a run of generated declarations once it has chunkSize of them,
// a run of runtime ones once a generated one follows it, and what is left
// when final. The chunks are those the whole list would be cut into.
func (g *gen) flush(final bool) {
	if g.pipe == nil {
		g.pipe = newPipeline(g.opts.Package)
	}
	p := g.pipe
	for p.sent < len(g.out) {
		i, j := p.sent, p.sent+1
		text := g.out[i].code == nil
		for j < len(g.out) && (g.out[j].code == nil) == text && (text || j-i < chunkSize) {
			j++
		}
		if !final && j == len(g.out) && (text || j-i < chunkSize) {
			return // the run may go on
		}
		p.add(g.out[i:j])
		p.sent = j
	}
}

// add makes decls a chunk. Generated declarations go to a worker, which
// owns their code from then on.
func (p *pipeline) add(decls []decl) {
	c := &chunk{name: fmt.Sprintf("client_gen_%d.go", len(p.chunks))}
	p.chunks = append(p.chunks, c)
	if decls[0].code == nil {
		texts := make([]string, len(decls))
		for j, d := range decls {
			texts[j] = d.text
		}
		c.body, c.done = []byte(strings.Join(texts, "\n\n")), true
		return
	}
	code := make([][]jen.Code, len(decls))
	for j := range decls {
		code[j], decls[j].code = decls[j].code, nil
	}
	p.parsed.Add(1)
	p.printed.Add(1)
	go func() {
		defer p.printed.Done()
		p.renderers <- struct{}{}
		err := c.render(p.pkg, code)
		<-p.renderers
		code = nil // rendered: let the collector have the trees
		if err != nil {
			c.renderErr = renderError(err)
			p.parsed.Done()
			return
		}
		<-p.released
		if p.abandoned.Load() {
			p.parsed.Done()
			return
		}
		p.sem <- struct{}{}
		c.parse(p.reserve(len(c.src)))
		<-p.sem
		p.parsed.Done()
		if c.err != nil {
			return
		}
		// Every chunk is parsed first: the type check, which waits for
		// all of them, then runs beside the printing.
		<-p.allParsed
		if p.abandoned.Load() {
			return
		}
		p.printers <- struct{}{}
		c.print()
		<-p.printers
	}()
}

// reserve returns where the positions of a file of n bytes start: the
// files' positions do not overlap, whichever is parsed first.
func (p *pipeline) reserve(n int) int {
	return int(p.base.Add(int64(n)+3)) - n - 3
}

// finish hands over what is left and the runtime file, lets the workers
// parse, waits until every chunk is parsed and returns the chunks and a
// file set that holds them all, or the first chunk's render or parse error.
// Call it once the document is released.
func (g *gen) finish() ([]*chunk, *token.FileSet, error) {
	g.flush(true)
	p := g.pipe
	close(p.released)
	r := &chunk{name: fmt.Sprintf("client_gen_%d.go", len(p.chunks)), src: runtimeFile(p.pkg), imports: rt().imports, done: true}
	r.parse(p.reserve(len(r.src)))
	p.chunks = append(p.chunks, r)
	p.parsed.Wait()
	close(p.allParsed)
	for _, c := range p.chunks {
		if c.renderErr != nil {
			p.abandon()
			return nil, nil, c.renderErr
		}
	}
	for _, c := range p.chunks {
		if c.err != nil {
			p.abandon()
			return nil, nil, &Error{Message: "the generated code does not parse: " + c.err.Error()}
		}
	}
	return p.chunks, fileSet(p.chunks), nil
}

// wait waits for the workers and returns the first chunk's printing error.
func (p *pipeline) wait() error {
	p.printed.Wait()
	for _, c := range p.chunks {
		if c.fmtErr != nil {
			return &Error{Message: "formatting the generated code: " + c.fmtErr.Error()}
		}
	}
	return nil
}

// abandon stops the workers before they parse and waits for them; the
// generator failed. A nil pipeline has none.
func (p *pipeline) abandon() {
	if p == nil {
		return
	}
	p.abandoned.Store(true)
	for _, ch := range []chan struct{}{p.released, p.allParsed} {
		select {
		case <-ch:
		default:
			close(ch)
		}
	}
	p.printed.Wait()
}
