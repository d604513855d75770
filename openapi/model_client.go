package openapi

import (
	"github.com/apigw/apigw/extensions"
	"github.com/apigw/apigw/extensions/source"
	"go.yaml.in/yaml/v4"
)

// FollowOnce resolves the one $ref written in n, in the file n belongs to,
// and returns the value it names, which may itself be a $ref: one step of
// Follow, for readers that care where a chain of references passes (a
// schema that only refers to another is a type of its own). ptr is n's own
// pointer, returned with n when n is not a reference. ok is false when the
// reference names nothing that can be reached.
func (d *Document) FollowOnce(n *yaml.Node, ptr string) (t Target, ok bool) {
	t = Target{Node: source.Resolve(n), Pointer: ptr, File: d.fileOf(n)}
	ref := source.Get(t.Node, "$ref")
	if ref == nil || ref.Kind != yaml.ScalarNode {
		return t, true
	}
	return d.refTarget(t, ref.Value)
}

// IntegrationResponses returns the integration responses API Gateway
// creates for the operation's integration (Backend), as import creates
// them: one per status code (a later entry replaces an earlier one with the
// same statusCode), sorted by status code, without the response parameters
// whose values are written as numbers, booleans or null, which import drops
// with a warning. Nil when the operation has no integration.
func (o *Operation) IntegrationResponses() []extensions.IntegrationResponse {
	v := o.Backend()
	if v == nil {
		return nil
	}
	out := v.RESTIntegrationResponses()
	for i := range out {
		var entry *extensions.IntegrationResponseEntry
		for _, p := range v.Responses {
			if p.Value != nil && p.Value.StatusCode == out[i].StatusCode {
				entry = p.Value // the last one, which out[i] comes from
			}
		}
		params := source.Lookup(entry.Node(), "responseParameters")
		for k := range out[i].ResponseParameters {
			if s := source.Resolve(source.Lookup(params, k)); s != nil && s.Kind == yaml.ScalarNode && source.ScalarTag(s) != source.TagStr {
				delete(out[i].ResponseParameters, k)
			}
		}
	}
	return out
}
