package openapi

import (
	"github.com/apigw/apigw/extensions"
	"github.com/apigw/apigw/extensions/diag"
)

var apiKindCheck = &DocumentCheck{Name: "api-kind", REST: true, HTTP: true, Codes: []diag.Code{diag.OtherAPIKind}, run: checkAPIKind,
	Doc: "An extension that only the other kind of API reads is ignored by this one (x-amazon-apigateway-cors in a REST API, x-amazon-apigateway-request-validators in an HTTP API, …)."}

func checkAPIKind(p *pass) {
	for _, e := range p.doc.Extensions() {
		spec := extensions.LookupSpec(e.Name)
		switch {
		case spec == nil:
		case p.rest() && spec.HTTPOnly:
			p.Add(diag.OtherAPIKind, e.Key, e.Pointer,
				"%s is read only by HTTP APIs, and %s is a REST API, so it is ignored: %s",
				e.Name, p.apiName(), restAlternative(e.Name))
		case !p.rest() && spec.RESTOnly:
			p.Add(diag.OtherAPIKind, e.Key, e.Pointer,
				"%s is read only by REST APIs, and %s is an HTTP API, so it is ignored: remove it, or define the API as a REST API%s",
				e.Name, p.apiName(), p.kindHint())
		}
	}
}

// kindHint says how the kind was decided.
func (p *pass) kindHint() string {
	if p.doc.Embedded() || p.doc.APIFrom == "" {
		return "" // the message names the resource type already
	}
	return " (it is read as an HTTP API because of " + p.doc.APIFrom + ")"
}

// restAlternative says what a REST API uses instead of an HTTP-only extension.
func restAlternative(name string) string {
	switch name {
	case "x-amazon-apigateway-cors":
		return "REST APIs answer CORS preflight with an OPTIONS method (a MOCK integration that returns the Access-Control-Allow-* headers)"
	case extensions.ExtIntegrations:
		return "write each integration in its operation's x-amazon-apigateway-integration"
	}
	return "remove it, or define the API as an HTTP API"
}
