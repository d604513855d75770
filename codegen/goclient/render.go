package goclient

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/parser"
	"go/printer"
	"go/token"
	"slices"
	"strings"
	"sync"

	"github.com/dave/jennifer/jen"
)

// chunkSize is how many declarations are rendered together. Rendering (and
// go/format inside jennifer) runs per chunk, in parallel; the output does
// not depend on the size, since gofmt formats top-level declarations
// separated by blank lines independently.
const chunkSize = 48

// chunk is one part of the file. A rendered chunk is a complete Go file
// (package clause, imports, declarations) that is type-checked with the
// others and whose declarations are joined into the output. A written chunk
// holds runtime declarations as the runtime file writes them (body only);
// the runtime chunk is the runtime file itself, which is type-checked and
// gives its imports, its declarations being written where the client places
// them.
type chunk struct {
	src     []byte
	file    *ast.File      // src parsed, for the type check and printing
	fset    *token.FileSet // the chunk's own file set
	err     error          // the parse error
	imports []string       // import lines, as rendered
	body    []byte         // the declarations
	done    bool           // imports and body are final: not printed again
}

// render renders the declarations: runs of generated ones in chunks, in
// parallel; runtime ones as written. The last chunk is the runtime file.
func (g *gen) render() ([]chunk, error) {
	type span struct{ from, to int }
	var spans []span
	for i := 0; i < len(g.out); {
		j := i + 1
		if g.out[i].code == nil {
			for j < len(g.out) && g.out[j].code == nil {
				j++
			}
		} else {
			for j < len(g.out) && j-i < chunkSize && g.out[j].code != nil {
				j++
			}
		}
		spans = append(spans, span{i, j})
		i = j
	}
	chunks := make([]chunk, len(spans), len(spans)+1)
	errs := make([]error, len(spans))
	var wg sync.WaitGroup
	sem := make(chan struct{}, 8)
	for i, sp := range spans {
		decls := g.out[sp.from:sp.to]
		if decls[0].code == nil {
			texts := make([]string, len(decls))
			for j, d := range decls {
				texts[j] = d.text
			}
			chunks[i] = chunk{body: []byte(strings.Join(texts, "\n\n")), done: true}
			continue
		}
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer wg.Done()
			defer func() { <-sem }()
			f := jen.NewFile(g.opts.Package)
			f.NoFormat = true // formatted from the AST the type check also reads
			for j := range decls {
				for _, c := range decls[j].code {
					f.Add(c)
				}
				f.Line()
			}
			var buf bytes.Buffer
			if err := f.Render(&buf); err != nil {
				errs[i] = g.renderError(err)
				return
			}
			chunks[i] = chunk{src: buf.Bytes()}
			for j := range decls {
				decls[j].code = nil // rendered: let the collector have the trees
			}
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	chunks = append(chunks, chunk{src: runtimeFile(g.opts.Package), imports: rt().imports, done: true})
	return chunks, nil
}

// parseChunks parses the chunks in parallel, each in a file set of its own
// (printing from one shared file set contends on its lock) but at positions
// that do not overlap, and returns a file set that holds them all, for the
// type check.
func parseChunks(chunks []chunk) *token.FileSet {
	bases := make([]int, len(chunks))
	base := 1
	for i, c := range chunks {
		bases[i] = base
		base += len(c.src) + 3
	}
	var wg sync.WaitGroup
	for i := range chunks {
		if chunks[i].src == nil {
			continue
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			fs := token.NewFileSet()
			if bases[i] > 1 {
				fs.AddFile("", -1, bases[i]-2) // the next file starts at bases[i]
			}
			chunks[i].fset = fs
			chunks[i].file, chunks[i].err = parser.ParseFile(fs, fmt.Sprintf("client_gen_%d.go", i), chunks[i].src, parser.ParseComments|parser.SkipObjectResolution)
		}()
	}
	wg.Wait()
	all := token.NewFileSet()
	for _, c := range chunks {
		if c.err != nil || c.file == nil {
			continue
		}
		tf := c.fset.File(c.file.FileStart)
		all.AddFile(tf.Name(), tf.Base(), tf.Size()).SetLines(tf.Lines())
	}
	return all
}

// gofmt is go/format's printer configuration: gofmt's style, number
// literals normalized (go/format's printerNormalizeNumbers, a mode bit
// go/printer reads but does not export).
var gofmt = printer.Config{Mode: printer.UseSpaces | printer.TabIndent | 1<<30, Tabwidth: 8}

// formatChunks prints each parsed chunk in gofmt style and splits it into
// its import lines and declarations; chunks are printed in parallel. The
// printer is go/format.Node's without its import sorting: go/format sorts
// a grouped import block by printing the file, parsing it again and
// printing it a second time, and join sorts the import lines of all chunks
// anyway.
func formatChunks(chunks []chunk) error {
	errs := make([]error, len(chunks))
	var wg sync.WaitGroup
	for i := range chunks {
		if chunks[i].done {
			continue
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			var buf bytes.Buffer
			if errs[i] = gofmt.Fprint(&buf, chunks[i].fset, chunks[i].file); errs[i] == nil {
				split(&chunks[i], buf.Bytes())
			}
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return &Error{Message: "formatting the generated code: " + err.Error()}
		}
	}
	return nil
}

// split separates a formatted file into its import lines and declarations.
func split(c *chunk, src []byte) {
	rest := src
	if i := bytes.Index(rest, []byte("\n\n")); i >= 0 { // after the package clause
		rest = rest[i+2:]
	}
	switch {
	case bytes.HasPrefix(rest, []byte("import (\n")):
		end := bytes.Index(rest, []byte("\n)\n"))
		for _, l := range strings.Split(string(rest[len("import (\n"):end]), "\n") {
			if l = strings.TrimSpace(l); l != "" {
				c.imports = append(c.imports, l)
			}
		}
		rest = rest[end+3:]
	case bytes.HasPrefix(rest, []byte("import ")):
		end := bytes.IndexByte(rest, '\n')
		c.imports = append(c.imports, string(rest[len("import "):end]))
		rest = rest[end+1:]
	}
	c.body = bytes.TrimLeft(rest, "\n")
}

// join writes the file: header, package clause, the imports of every chunk
// and the declarations.
func join(head, pkg string, chunks []chunk) []byte {
	var imports []string
	for _, c := range chunks {
		imports = append(imports, c.imports...)
	}
	slices.Sort(imports)
	imports = slices.Compact(imports)
	var b bytes.Buffer
	b.WriteString(head)
	b.WriteString("package " + pkg + "\n\n")
	switch len(imports) {
	case 0:
	case 1:
		b.WriteString("import " + imports[0] + "\n\n")
	default:
		b.WriteString("import (\n")
		for _, l := range imports {
			b.WriteString("\t" + l + "\n")
		}
		b.WriteString(")\n\n")
	}
	for i, c := range chunks {
		body := bytes.TrimRight(c.body, "\n")
		if len(body) == 0 {
			continue
		}
		if i > 0 && b.Len() > 0 && !bytes.HasSuffix(b.Bytes(), []byte("\n\n")) {
			b.WriteString("\n")
		}
		b.Write(body)
		b.WriteString("\n")
	}
	return b.Bytes()
}
