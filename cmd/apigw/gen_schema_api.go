package main

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/apigw/apigw/codegen/schema"
	"github.com/apigw/apigw/internal/atomicfile"
	"github.com/apigw/apigw/openapi"
	"github.com/spf13/cobra"
)

// genAPISchemas writes the response schemas of the API in file into the folder out.
func genAPISchemas(cmd *cobra.Command, file, resource, out, id string, api *apiFlag, use *openapi.Usage) error {
	if out == "" || out == "-" {
		return withCode(exitUsage, errors.New("gen schema: FILE writes one schema per operation: give the folder to write them into with -o DIR"))
	}
	if fi, err := os.Stat(out); err == nil && !fi.IsDir() {
		return withCode(exitUsage, fmt.Errorf("gen schema: -o %s is a file; with a document FILE, -o names a folder", out))
	}
	doc, diags, err := loadOne(cmd, file, resource, api, use)
	if err != nil || doc == nil {
		printDiags(cmd.ErrOrStderr(), diags)
		if err != nil {
			return err
		}
		return failOnErrors(diags)
	}
	files, sdiags, err := schema.ForAPI(doc, schema.APIOptions{ID: id})
	diags = append(diags, sdiags...)
	printDiags(cmd.ErrOrStderr(), diags)
	if err != nil {
		return withCode(exitFindings, fmt.Errorf("gen schema: %w", err))
	}
	if hasError(diags) {
		return withCode(exitFindings, nil)
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		return withCode(exitWrite, fmt.Errorf("gen schema: %w", err))
	}
	writes := make([]atomicfile.File, len(files))
	for i, f := range files {
		writes[i] = atomicfile.File{Path: filepath.Join(out, f.Name), Data: f.Data, Perm: 0o644}
	}
	if err := atomicfile.WriteAll(writes); err != nil {
		return withCode(exitWrite, fmt.Errorf("gen schema: %w", err))
	}
	return nil
}
