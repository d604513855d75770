package goclient

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/parser"
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

// chunk is one rendered part of the file: a complete Go file (package
// clause, imports, declarations) that is type-checked with the others and
// whose declarations are joined into the output.
type chunk struct {
	src     []byte
	file    *ast.File // src parsed, for the type check
	err     error     // the parse error
	imports []string  // import lines, as rendered
	body    []byte    // the declarations
}

// render renders the declarations in chunks, in parallel.
func (g *gen) render(fset *token.FileSet) ([]chunk, error) {
	n := (len(g.out) + chunkSize - 1) / chunkSize
	chunks := make([]chunk, n)
	errs := make([]error, n)
	var wg sync.WaitGroup
	sem := make(chan struct{}, 8)
	for i := range n {
		decls := g.out[i*chunkSize : min(len(g.out), (i+1)*chunkSize)]
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer wg.Done()
			defer func() { <-sem }()
			f := jen.NewFile(g.opts.Package)
			for _, d := range decls {
				for _, c := range d.code {
					f.Add(c)
				}
				f.Line()
			}
			var buf bytes.Buffer
			if err := f.Render(&buf); err != nil {
				errs[i] = g.renderError(err)
				return
			}
			c := split(buf.Bytes())
			c.file, c.err = parserParse(fset, i, c.src)
			chunks[i] = c
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	return chunks, nil
}

// parserParse parses the i-th chunk.
func parserParse(fset *token.FileSet, i int, src []byte) (*ast.File, error) {
	return parser.ParseFile(fset, fmt.Sprintf("client_gen_%d.go", i), src, parser.SkipObjectResolution)
}

// split separates a rendered file into its import lines and declarations.
func split(src []byte) chunk {
	c := chunk{src: src}
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
	return c
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
