package config

import (
	"cmp"
	"errors"
	"fmt"
	"slices"

	"github.com/apigw/apigw/extensions/apimodel"
	"github.com/apigw/apigw/extensions/diag"
)

// File is one output file, for the caller to write.
type File struct {
	// Name is a path relative to the output folder, with forward slashes.
	Name string
	Data []byte
}

// Targets are the names Emit accepts, in the order the CLI lists them.
var Targets = []string{"calls", "cloudformation", "terraform", "pulumi"}

// defaultName names an API whose dump does not say its name.
const defaultName = "api"

var errEmpty = errors.New("the dump holds no API: load a REST, HTTP or WebSocket API dump")

// Emit renders d for target (one of Targets). The diagnostics say what a
// target cannot write: warnings for settings it leaves out, errors for
// values it cannot hold (then no file is returned). The error is for a
// dump without an API, an unknown target or bad options.
func Emit(target string, d *apimodel.Dump, opts Options) ([]File, []diag.Diagnostic, error) {
	if emptyDump(d) {
		return nil, nil, errEmpty
	}
	switch target {
	case "calls":
		return Calls(d, opts)
	case "cloudformation":
		return CloudFormation(d, opts)
	case "terraform":
		return Terraform(d, opts)
	case "pulumi":
		return Pulumi(d, opts)
	}
	return nil, nil, fmt.Errorf("unknown config target %q: write one of %v", target, Targets)
}

func cmpOr(s ...string) string { return cmp.Or(s...) }

// sorted returns a sorted copy of s by the keys that key returns.
func sorted[T any](s []*T, key func(*T) []string) []*T {
	out := slices.Clone(s)
	slices.SortStableFunc(out, func(a, b *T) int { return slices.Compare(key(a), key(b)) })
	return out
}

// sortedModels orders models by name, except that a model whose schema
// refers to another model of the API comes after it, so that creating them
// in this order works.
func sortedModels(s []*apimodel.Model) []*apimodel.Model {
	byName := sorted(s, func(x *apimodel.Model) []string { return []string{x.Name, x.ID} })
	index := map[string]*apimodel.Model{}
	for _, m := range byName {
		index[m.Name] = m
	}
	out := make([]*apimodel.Model, 0, len(byName))
	state := map[*apimodel.Model]int{} // 1 visiting, 2 placed
	var visit func(m *apimodel.Model)
	visit = func(m *apimodel.Model) {
		if state[m] != 0 {
			return // placed, or a cycle, which keeps name order
		}
		state[m] = 1
		for _, ref := range modelRefRE.FindAllStringSubmatch(string(m.Schema), -1) {
			if dep, ok := index[ref[2]]; ok {
				visit(dep)
			}
		}
		state[m] = 2
		out = append(out, m)
	}
	for _, m := range byName {
		visit(m)
	}
	return out
}

func sortedAuthorizers(s []*apimodel.Authorizer) []*apimodel.Authorizer {
	return sorted(s, func(x *apimodel.Authorizer) []string { return []string{x.Name, x.ID} })
}

func sortedValidators(s []*apimodel.RequestValidator) []*apimodel.RequestValidator {
	return sorted(s, func(x *apimodel.RequestValidator) []string { return []string{x.Name, x.ID} })
}

func sortedGatewayResponses(s []*apimodel.GatewayResponse) []*apimodel.GatewayResponse {
	return sorted(s, func(x *apimodel.GatewayResponse) []string { return []string{x.ResponseType} })
}

func sortedDocParts(s []*apimodel.DocumentationPart) []*apimodel.DocumentationPart {
	return sorted(s, func(x *apimodel.DocumentationPart) []string {
		l := x.Location
		return []string{l.Type, l.Path, l.Method, l.StatusCode, l.Name, x.ID}
	})
}

func sortedV2Authorizers(s []*apimodel.V2Authorizer) []*apimodel.V2Authorizer {
	return sorted(s, func(x *apimodel.V2Authorizer) []string { return []string{x.Name, x.AuthorizerID} })
}

func sortedV2Models(s []*apimodel.V2Model) []*apimodel.V2Model {
	return sorted(s, func(x *apimodel.V2Model) []string { return []string{x.Name, x.ModelID} })
}

func sortedIntegrations(s []*apimodel.V2Integration) []*apimodel.V2Integration {
	return sorted(s, func(x *apimodel.V2Integration) []string { return []string{x.IntegrationID} })
}

func sortedIntegrationResponses(s []*apimodel.V2IntegrationResponse) []*apimodel.V2IntegrationResponse {
	return sorted(s, func(x *apimodel.V2IntegrationResponse) []string {
		return []string{x.IntegrationResponseKey, x.IntegrationResponseID}
	})
}

func sortedRoutes(s []*apimodel.Route) []*apimodel.Route {
	return sorted(s, func(x *apimodel.Route) []string { return []string{x.RouteKey, x.RouteID} })
}

func sortedRouteResponses(s []*apimodel.RouteResponse) []*apimodel.RouteResponse {
	return sorted(s, func(x *apimodel.RouteResponse) []string { return []string{x.RouteResponseKey, x.RouteResponseID} })
}

func sortedStages(s []*apimodel.Stage) []*apimodel.Stage {
	return sorted(s, func(x *apimodel.Stage) []string { return []string{x.StageName} })
}

// protocolName spells an apigatewayv2 protocol type for descriptions.
func protocolName(p string) string {
	if p == "WEBSOCKET" {
		return "WebSocket"
	}
	return "HTTP"
}

// schemaParts splits a model schema around the API ids in references to
// other models ("…/restapis/<id>/models/Pet"): the literal parts, between
// which the new API's id belongs. One part means the schema names no API.
func schemaParts(schema string) []string {
	var parts []string
	rest := schema
	for {
		loc := modelRefRE.FindStringSubmatchIndex(rest)
		if loc == nil {
			return append(parts, rest)
		}
		parts = append(parts, rest[:loc[2]])
		rest = rest[loc[3]:]
	}
}
