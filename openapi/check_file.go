package openapi

import (
	"context"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"github.com/apigw/apigw/extensions/diag"
	"github.com/apigw/apigw/extensions/source"
	"github.com/getkin/kin-openapi/openapi3"
	"go.yaml.in/yaml/v4"
)

// CheckFile reads the file at path and checks it: see CheckData.
func CheckFile(path string, opts LoadOptions) ([]diag.Diagnostic, error) {
	data, err := readLimited(path, opts.Limits.WithDefaults().MaxBytes)
	if err != nil {
		return nil, err
	}
	return CheckData(path, data, opts)
}

// CheckData loads data (read from path) and returns every diagnostic about
// it, sorted: loading and extension decoding, OpenAPI validation of each
// definition, and the document-level checks of Check.
//
// The error is a *LimitError when a safety limit refuses the input, or an
// I/O error; every other problem is a diagnostic.
func CheckData(path string, data []byte, opts LoadOptions) ([]diag.Diagnostic, error) {
	diags, _, err := CheckDataTree(path, data, opts)
	return diags, err
}

// CheckDataTree is CheckData that also returns the source tree data was
// read into (a document node), so that a caller can read more from the
// file without parsing it again; nil when no API definition or template was
// loaded from it, or when the tree is not data's own (a templatefile's
// placeholders are quoted before it is read).
func CheckDataTree(path string, data []byte, opts LoadOptions) ([]diag.Diagnostic, *yaml.Node, error) {
	// kin-openapi's validation starts as soon as a document's tree is
	// read, and runs while the model is built and the checks run.
	semantic := map[*Document]func() *Semantic{}
	docs, diags, err := load(path, data, opts, func(d *Document, dupKeys func() bool) {
		wait := startSemantic(d, opts)
		semantic[d] = func() *Semantic {
			s := wait()
			// kin-openapi refuses a tree with duplicate keys as a whole;
			// the loader already reports each one with both positions.
			if dupKeys() {
				return nil
			}
			return s
		}
	})
	if err != nil {
		for _, wait := range semantic {
			wait()
		}
		return nil, nil, err
	}
	var tree *yaml.Node
	for _, d := range docs {
		tree = d.Tree // the documents of a template share the file's tree
		diags = append(diags, checkDocument(d, semantic[d])...)
	}
	if source.IsTemplateFile(path) {
		tree = nil
	}
	diag.Sort(diags)
	return diags, tree, nil
}

// startSemantic runs kin-openapi's validation of d (NewSemantic) in the
// background; the function returned waits for it.
func startSemantic(d *Document, opts LoadOptions) func() *Semantic {
	so := semanticOptions(d, opts)
	done := make(chan *Semantic, 1)
	go func() { done <- NewSemantic(context.Background(), d.Root, so) }()
	return sync.OnceValue(func() *Semantic { return <-done })
}

// checkDocument runs the document-level checks of one loaded document and
// adds kin-openapi's findings, when semantic (the validation started by
// startSemantic) is not nil and gives them.
func checkDocument(d *Document, semantic func() *Semantic) []diag.Diagnostic {
	diags := Check(d)
	var s *Semantic
	if semantic != nil {
		s = semantic()
	}
	if s == nil {
		return diags
	}
	for _, sd := range s.Diagnostics {
		// The loader already reports external $refs it refused (APIGW030–032).
		if sd.Code == diag.RefNotAllowed {
			continue
		}
		diags = append(diags, sd)
	}
	return diags
}

// semanticOptions gives kin-openapi the document's place and kind of API and, when external
// $refs are allowed, a reader confined to the allowed folder.
func semanticOptions(d *Document, opts LoadOptions) SemanticOptions {
	so := SemanticOptions{Pointer: d.Pointer, File: d.File, HTTPAPI: d.HTTPAPI()}
	if opts.AllowRefs == "" {
		return so
	}
	abs, err := filepath.Abs(d.File)
	if err != nil {
		return so
	}
	so.Location = &url.URL{Scheme: "file", Path: filepath.ToSlash(abs)}
	so.ReadFromURI = func(_ *openapi3.Loader, u *url.URL) ([]byte, error) {
		return readBelow(opts.AllowRefs, u, opts.Limits.WithDefaults())
	}
	return so
}

// readBelow reads the file a $ref URL names, only when it lies below dir,
// with the bounded reader every input goes through.
func readBelow(dir string, u *url.URL, lim source.Limits) ([]byte, error) {
	if u.Scheme != "" && u.Scheme != "file" {
		return nil, fmt.Errorf("$ref %s: only files below %s may be read", u, dir)
	}
	absDir, err := filepath.Abs(dir)
	if err != nil {
		return nil, err
	}
	rel, err := filepath.Rel(absDir, filepath.FromSlash(u.Path))
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return nil, fmt.Errorf("$ref %s: outside the allowed folder %s", u, dir)
	}
	root, err := os.OpenRoot(absDir)
	if err != nil {
		return nil, err
	}
	defer root.Close()
	return source.ReadFileIn(root, absDir, rel, lim)
}
