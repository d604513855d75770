package main

// Loading a file for simulate and serve: an OpenAPI document (or a
// CloudFormation/SAM template holding one) imported as API Gateway would
// import it, or a dump of a deployed API.

import (
	"errors"
	"strings"

	"github.com/apigw/apigw/extensions/apimodel"
	"github.com/apigw/apigw/extensions/diag"
	"github.com/apigw/apigw/extensions/simulate"
	"github.com/apigw/apigw/openapi"
	"github.com/spf13/cobra"
)

// simOperation is one operation that can be simulated.
type simOperation struct {
	name    string // "GET /pets/{id}", or a WebSocket route key
	id      string // the operationId, "" when there is none
	method  *apimodel.Method
	apigwv2 *apimodel.V2Integration
	ws      []*apimodel.V2IntegrationResponse
	kind    string            // "REST", "HTTP" or "WebSocket"
	doc     *openapi.Document // the document it was imported from; nil for a dump
}

// simSource is a loaded file.
type simSource struct {
	dump       *apimodel.Dump
	binary     []string
	operations []simOperation
	// doc is the document dump was imported from (a template's first
	// API); nil for a dump. diags are what loading the file found.
	doc   *openapi.Document
	diags []diag.Diagnostic
}

// loadSimSource reads path as a dump of a deployed API, or as an OpenAPI
// document or template imported the way API Gateway would import it. The
// error carries its exit code.
func loadSimSource(cmd *cobra.Command, path string, api *apiFlag) (*simSource, error) {
	opts, err := api.options(cmd, "")
	if err != nil {
		return nil, err
	}
	name, data, err := readInput(cmd, path, opts.Limits)
	if err != nil {
		return nil, err
	}
	path = name
	// The file is read as a definition first: a dump is what is none
	// (noDefinition).
	docs, diags, err := loadDocuments(path, data, opts)
	if err != nil {
		return nil, err
	}
	if len(docs) == 0 && noDefinition(diags) {
		d, diags, err := apimodel.Read(path, data, opts.Limits)
		if err != nil {
			return nil, err
		}
		if d == nil || hasError(diags) {
			return nil, withCode(exitFindings, diagError(diags))
		}
		return sourceFromDump(d), nil
	}
	if len(docs) == 0 {
		return nil, withCode(exitFindings, diagError(diags))
	}
	// Errors are judged by what the command reads (see simulateReads and
	// serveReads), once the operation is known.
	var src *simSource
	for _, doc := range docs {
		d, idiags := openapi.Import(doc, openapi.ImportOptions{})
		if d == nil {
			return nil, withCode(exitFindings, diagError(idiags))
		}
		s := sourceFromDump(d)
		for i := range s.operations {
			s.operations[i].doc = doc
		}
		if src == nil {
			src = s
			src.doc, src.diags = doc, diags
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
				s.operations = append(s.operations, simOperation{name: m + " " + res.Path, id: res.ResourceMethods[m].OperationName, method: res.ResourceMethods[m], kind: "REST"})
			}
		}
	}
	if v := d.V2; v != nil {
		kind := "HTTP"
		if v.API != nil && strings.EqualFold(v.API.ProtocolType, "WEBSOCKET") {
			kind = "WebSocket"
		}
		for _, r := range v.Routes {
			op := simOperation{name: r.RouteKey, id: r.OperationName, kind: kind}
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

// docOperation returns the operation of the document that o was imported
// from, nil when there is none (o comes from a dump).
func (o *simOperation) docOperation() *openapi.Operation {
	if o.doc == nil {
		return nil
	}
	for _, op := range o.doc.Operations() {
		if o.name == op.Method+" "+op.ResourcePath() && o.kind == "REST" || o.name == op.Method+" "+op.Path {
			return op
		}
	}
	for _, op := range o.doc.Operations() {
		if o.id != "" && op.ID == o.id {
			return op // an HTTP API's $default route
		}
	}
	return nil
}

// find returns the operation that name names: "GET /pets/{id}" as in the
// document (any case of the method), a route key, an operationId, or a
// request such as "GET /pets/7", routed as API Gateway routes it ({proxy+}
// included). When an operationId names several operations it returns none
// and the candidates.
func (s *simSource) find(name string) (*simOperation, []string) {
	op, candidates, _ := s.findRequest(name)
	return op, candidates
}

// findRequest is find, and also returns the path parameters a request
// such as "GET /pets/7" gives ({"id": "7"}); nil for the other names.
func (s *simSource) findRequest(name string) (*simOperation, []string, map[string]string) {
	name = strings.TrimSpace(name)
	for i, o := range s.operations {
		if o.name == name {
			return &s.operations[i], nil, nil
		}
	}
	m, p, ok := strings.Cut(name, " ")
	p = strings.TrimSpace(p)
	if ok {
		want := strings.ToUpper(m) + " " + p
		for i, o := range s.operations {
			if o.name == want {
				return &s.operations[i], nil, nil
			}
		}
	}
	var byID []int
	for i, o := range s.operations {
		if o.id != "" && o.id == name {
			byID = append(byID, i)
		}
	}
	switch {
	case len(byID) == 1:
		return &s.operations[byID[0]], nil, nil
	case len(byID) > 1:
		var names []string
		for _, i := range byID {
			names = append(names, s.operations[i].name)
		}
		return nil, names, nil
	}
	if !ok || !strings.HasPrefix(p, "/") {
		return nil, nil, nil
	}
	keys := make([]string, len(s.operations))
	for i, o := range s.operations {
		keys[i] = o.name
	}
	if i, params := simulate.NewRouter(keys).Match(m, p); i >= 0 {
		return &s.operations[i], nil, params
	}
	return nil, nil, nil
}
