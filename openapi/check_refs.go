package openapi

import (
	"github.com/apigw/apigw/extensions"
	"github.com/apigw/apigw/extensions/diag"
	"github.com/apigw/apigw/extensions/source"
)

var integrationRefsCheck = &DocumentCheck{Name: "integration-refs", HTTP: true, Codes: []diag.Code{diag.IntegrationRefTarget}, run: checkIntegrationRefs,
	Doc: "HTTP APIs: an integration written as $ref: '#/components/x-amazon-apigateway-integrations/NAME' must name a reusable integration; otherwise the route has no integration. (REST APIs do not read reusable integrations at all; decoding the integration reports that.)"}

func checkIntegrationRefs(p *pass) {
	var names []string
	if v, ok := p.doc.ComponentsExtension(extensions.ExtIntegrations).(*extensions.Integrations); ok && v != nil {
		names = v.Integrations.Keys()
	}
	for _, op := range p.ops {
		integ := op.integ
		if integ == nil || !integ.IsRef() || integ.RefName() == "" || op.Backend() != nil {
			continue
		}
		name := integ.RefName()
		hint := "define it under components." + extensions.ExtIntegrations
		if s := extensions.Suggest(name, names); s != "" {
			hint = "did you mean \"" + s + "\"? Or " + hint
		}
		p.Add(diag.IntegrationRefTarget, source.Get(integ.Node(), "$ref"), source.Pointer(op.ext.Pointer, "$ref"),
			"integration $ref %q names no reusable integration, so the route gets no integration: %s", integ.Ref, hint)
	}
}
