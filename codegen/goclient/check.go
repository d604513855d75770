package goclient

import (
	"fmt"
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"sync"
)

// stdImporter imports the standard library packages the generated code
// uses; it is shared (and locked) because loading them is the expensive part.
var stdImporter = struct {
	sync.Mutex
	imp types.Importer
}{imp: importer.Default()}

type lockedImporter struct{}

func (lockedImporter) Import(path string) (*types.Package, error) {
	stdImporter.Lock()
	defer stdImporter.Unlock()
	return stdImporter.imp.Import(path)
}

// typeCheck parses and type-checks the generated code. An error names the
// operation or schema whose declaration is wrong.
func (g *gen) typeCheck(code []byte) error {
	fset := token.NewFileSet()
	file, err := parser.ParseFile(fset, "client_gen.go", code, parser.SkipObjectResolution)
	if err != nil {
		return &Error{Message: "the generated code does not parse: " + err.Error()}
	}
	var first error
	conf := types.Config{Importer: lockedImporter{}, Error: func(err error) {
		if first == nil {
			first = err
		}
	}}
	conf.Check(g.opts.Package, fset, []*ast.File{file}, nil)
	if first == nil {
		return nil
	}
	te, ok := first.(types.Error)
	if !ok {
		return &Error{Message: "the generated code does not type-check: " + first.Error()}
	}
	e := g.sourceOf(file, fset, te.Pos)
	e.Message = fmt.Sprintf("the generated code does not type-check (%s); report this with the document", te.Msg)
	return e
}

// sourceOf finds the declaration around pos and the operation or schema it
// was generated for.
func (g *gen) sourceOf(file *ast.File, fset *token.FileSet, pos token.Pos) *Error {
	name := ""
	for _, d := range file.Decls {
		if pos < d.Pos() || pos > d.End() {
			continue
		}
		switch d := d.(type) {
		case *ast.FuncDecl:
			name = d.Name.Name
			if d.Recv != nil && len(d.Recv.List) > 0 {
				t := d.Recv.List[0].Type
				if s, ok := t.(*ast.StarExpr); ok {
					t = s.X
				}
				if id, ok := t.(*ast.Ident); ok && id.Name != "Client" {
					name = id.Name
				}
			}
		case *ast.GenDecl:
			for _, s := range d.Specs {
				switch s := s.(type) {
				case *ast.TypeSpec:
					name = s.Name.Name
				case *ast.ValueSpec:
					if len(s.Names) > 0 {
						name = s.Names[0].Name
					}
				}
			}
		}
	}
	for _, d := range append(g.out[:len(g.out):len(g.out)], g.types...) {
		for _, n := range d.names {
			if n == name && d.src != nil {
				return &Error{Operation: d.src.Operation, Pointer: d.src.Pointer}
			}
		}
	}
	return &Error{Pointer: fset.Position(pos).String()}
}
