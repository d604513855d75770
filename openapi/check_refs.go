package openapi

import (
	"github.com/apigw/apigw/extensions"
	"github.com/apigw/apigw/extensions/diag"
	"github.com/apigw/apigw/extensions/source"
)

// checkIntegrationRefs: in an HTTP API, an integration written as
// $ref: '#/components/x-amazon-apigateway-integrations/NAME' must name a
// reusable integration; import fails otherwise. (REST APIs do not read
// reusable integrations at all; decoding the integration reports that.)
func checkIntegrationRefs(c *checker) {
	if c.rest() {
		return
	}
	var names []string
	if v, ok := c.doc.ComponentsExtension(extensions.ExtIntegrations).(*extensions.Integrations); ok && v != nil {
		names = v.Integrations.Keys()
	}
	for _, op := range c.doc.Operations() {
		integ, ext := integrationOf(op)
		if integ == nil || !integ.IsRef() || integ.RefName() == "" || contains(names, integ.RefName()) {
			continue
		}
		name := integ.RefName()
		hint := "define it under components." + extensions.ExtIntegrations
		if s := extensions.Suggest(name, names); s != "" {
			hint = "did you mean \"" + s + "\"? Or " + hint
		}
		_, refNode := mapGet(integ.Node(), "$ref")
		c.Add(diag.IntegrationRefTarget, refNode, source.Pointer(ext.Pointer, "$ref"),
			"integration $ref %q names no reusable integration, so import fails: %s", integ.Ref, hint)
	}
}
