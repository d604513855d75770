package main

// Loading a file for simulate and serve: an OpenAPI document (or a
// CloudFormation/SAM template holding one) imported as API Gateway would
// import it, or a dump of a deployed API.

import (
	"errors"
	"strings"

	"github.com/apigw/apigw/extensions/apimodel"
	"github.com/apigw/apigw/extensions/diag"
	"github.com/apigw/apigw/openapi"
	"github.com/spf13/cobra"
)

// simOperation is one operation that can be simulated.
type simOperation struct {
	name    string // "GET /pets/{id}", or a WebSocket route key
	method  *apimodel.Method
	apigwv2 *apimodel.V2Integration
	ws      []*apimodel.V2IntegrationResponse
	kind    string // "REST", "HTTP" or "WebSocket"
}

// simSource is a loaded file.
type simSource struct {
	dump       *apimodel.Dump
	binary     []string
	operations []simOperation
}

// loadSimSource reads path as a dump of a deployed API, or as an OpenAPI
// document or template imported the way API Gateway would import it. The
// error carries its exit code.
func loadSimSource(cmd *cobra.Command, path string, api *apiFlag) (*simSource, error) {
	opts, err := api.options(cmd, "")
	if err != nil {
		return nil, err
	}
	data, err := readInput(path, opts.Limits)
	if err != nil {
		return nil, err
	}
	if isDump(path, data, opts.Limits) {
		d, diags, err := apimodel.Read(path, data, opts.Limits)
		if err != nil {
			return nil, err
		}
		if d == nil || hasError(diags) {
			return nil, withCode(exitFindings, diagError(diags))
		}
		return sourceFromDump(d), nil
	}
	docs, diags, err := loadDocuments(path, data, opts)
	if err != nil {
		return nil, err
	}
	if len(docs) == 0 {
		return nil, withCode(exitFindings, diagError(diags))
	}
	// Other problems (an invalid pattern in some operation, say) are the
	// simulation's to report for the operation that has them.
	var src *simSource
	for _, doc := range docs {
		d, idiags := openapi.Import(doc, openapi.ImportOptions{})
		if d == nil {
			return nil, withCode(exitFindings, diagError(idiags))
		}
		s := sourceFromDump(d)
		if src == nil {
			src = s
		} else {
			// A template with several APIs: every operation can be simulated;
			// serve answers for the first API.
			src.operations = append(src.operations, s.operations...)
		}
	}
	return src, nil
}

func diagError(ds []diag.Diagnostic) error {
	var lines []string
	for _, d := range ds {
		if d.Severity == diag.Error {
			lines = append(lines, d.String())
		}
	}
	if len(lines) == 0 {
		return errors.New("no API definition found")
	}
	return errors.New(strings.Join(lines, "\n"))
}

// sourceFromDump lists the operations of a model.
func sourceFromDump(d *apimodel.Dump) *simSource {
	s := &simSource{dump: d}
	if r := d.REST; r != nil {
		if r.RestAPI != nil {
			s.binary = r.RestAPI.BinaryMediaTypes
		}
		for _, res := range r.Resources {
			for _, m := range apimodel.SortedMethods(res) {
				s.operations = append(s.operations, simOperation{name: m + " " + res.Path, method: res.ResourceMethods[m], kind: "REST"})
			}
		}
	}
	if v := d.V2; v != nil {
		kind := "HTTP"
		if v.API != nil && strings.EqualFold(v.API.ProtocolType, "WEBSOCKET") {
			kind = "WebSocket"
		}
		for _, r := range v.Routes {
			op := simOperation{name: r.RouteKey, kind: kind}
			id := strings.TrimPrefix(r.Target, "integrations/")
			for _, in := range v.Integrations {
				if in.IntegrationID == id {
					op.apigwv2 = in
				}
			}
			op.ws = v.IntegrationResponses[id]
			s.operations = append(s.operations, op)
		}
	}
	return s
}

// find returns the operation named name ("get /pets/{id}" is accepted for
// "GET /pets/{id}").
func (s *simSource) find(name string) *simOperation {
	for i, o := range s.operations {
		if o.name == name {
			return &s.operations[i]
		}
	}
	m, p, ok := strings.Cut(strings.TrimSpace(name), " ")
	if ok {
		want := strings.ToUpper(m) + " " + strings.TrimSpace(p)
		for i, o := range s.operations {
			if o.name == want {
				return &s.operations[i]
			}
		}
	}
	return nil
}
