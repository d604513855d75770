package goclient

import (
	"bytes"
	"cmp"
	"go/ast"
	"go/parser"
	"go/printer"
	"go/token"
	"slices"
	"strings"

	"github.com/dave/jennifer/jen"
)

// chunkSize is how many declarations are rendered together. Each chunk is
// rendered, parsed and printed on its own, in parallel with the others; the
// output does not depend on the size, since gofmt formats top-level
// declarations separated by blank lines independently.
const chunkSize = 48

// chunk is one part of the file. A rendered chunk is a complete Go file
// (package clause, imports, declarations) that is type-checked with the
// others and whose declarations are joined into the output. A written chunk
// holds runtime declarations as the runtime file writes them (body only);
// the runtime chunk is the runtime file itself, which is type-checked and
// gives its imports, its declarations being written where the client places
// them.
type chunk struct {
	name      string         // the file name positions are reported in
	src       []byte         // the rendered source
	file      *ast.File      // src parsed, for the type check and printing
	fset      *token.FileSet // the chunk's own file set
	renderErr error          // jennifer's error
	err       error          // the parse error
	fmtErr    error          // the printer's error
	imports   []string       // import lines, as rendered
	body      []byte         // the declarations
	done      bool           // imports and body are final: not printed again
}

// render renders decls as one Go file of package pkg.
func (c *chunk) render(pkg string, decls [][]jen.Code) error {
	f := jen.NewFile(pkg)
	f.NoFormat = true // formatted from the AST the type check also reads
	for _, code := range decls {
		for _, s := range code {
			f.Add(s)
		}
		f.Line()
	}
	var buf bytes.Buffer
	if err := f.Render(&buf); err != nil {
		return err
	}
	c.src = markFormattedDocs(buf.Bytes())
	return nil
}

// parse parses src in a file set of its own, its positions starting at
// base: the chunks' positions must not overlap, so that one file set can
// hold them all for the type check (printing from one shared file set
// contends on its lock).
func (c *chunk) parse(base int) {
	fs := token.NewFileSet()
	if base > 1 {
		fs.AddFile("", -1, base-2) // the next file starts at base
	}
	c.fset = fs
	c.file, c.err = parser.ParseFile(fs, c.name, c.src, parser.ParseComments|parser.SkipObjectResolution)
}

// fileSet returns a file set that holds every parsed chunk's file.
func fileSet(chunks []*chunk) *token.FileSet {
	var files []*token.File
	for _, c := range chunks {
		if c.err == nil && c.file != nil {
			files = append(files, c.fset.File(c.file.FileStart))
		}
	}
	slices.SortFunc(files, func(a, b *token.File) int { return cmp.Compare(a.Base(), b.Base()) })
	all := token.NewFileSet()
	for _, tf := range files {
		all.AddFile(tf.Name(), tf.Base(), tf.Size()).SetLines(tf.Lines())
	}
	return all
}

// gofmt is go/format's printer configuration: gofmt's style, number
// literals normalized (go/format's printerNormalizeNumbers, a mode bit
// go/printer reads but does not export).
var gofmt = printer.Config{Mode: printer.UseSpaces | printer.TabIndent | 1<<30, Tabwidth: 8}

// print prints the parsed chunk in gofmt style and splits it into its
// import lines and declarations. The printer is go/format.Node's without its
// import sorting: go/format sorts a grouped import block by printing the
// file, parsing it again and printing it a second time, and join sorts the
// import lines of all chunks anyway.
func (c *chunk) print() {
	var buf bytes.Buffer
	buf.Grow(len(c.src) + len(c.src)/8) // gofmt's indentation adds a little
	if c.fmtErr = gofmt.Fprint(&buf, c.fset, c.file); c.fmtErr == nil {
		split(c, buf.Bytes())
	}
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
func join(head, pkg string, chunks []*chunk) []byte {
	var imports []string
	for _, c := range chunks {
		imports = append(imports, c.imports...)
	}
	slices.Sort(imports)
	imports = slices.Compact(imports)
	n := len(head) + len(pkg) + 32
	for _, l := range imports {
		n += len(l) + 2
	}
	for _, c := range chunks {
		n += len(c.body) + 1
	}
	var b bytes.Buffer
	b.Grow(n)
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
