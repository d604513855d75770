package apimodel

import (
	"strconv"
	"strings"

	"github.com/apigw/apigw/extensions/diag"
	"github.com/apigw/apigw/extensions/source"
	"go.yaml.in/yaml/v4"
)

// builtinModels exist in every REST API without being created.
var builtinModels = map[string]bool{"Empty": true, "Error": true}

// ptr returns the JSON pointer of item i of collection name, then of keys below it.
func (d *decoder) ptr(name string, i int, keys ...string) string {
	p := source.Pointer(d.collPtr(name), strconv.Itoa(i))
	for _, k := range keys {
		p = source.Pointer(p, k)
	}
	return p
}

// collPtr returns the JSON pointer of collection name.
func (d *decoder) collPtr(name string) string {
	if p, ok := d.base[name]; ok {
		return p
	}
	return "/" + name
}

// at reports a finding at the node under pointer p (keys compared case-insensitively).
func (d *decoder) at(sev diag.Severity, code diag.Code, p, format string, args ...any) {
	d.AddAs(sev, code, nodeAt(d.root, p), p, format, args...)
}

// nodeAt finds the node under an RFC 6901 pointer, nil when there is none;
// keys match exactly, else without regard to case (dumps spell members
// both ways).
func nodeAt(n *yaml.Node, p string) *yaml.Node {
	found, rest := source.NearestNode(n, p, func(m *yaml.Node, key string) *yaml.Node {
		if v := exactLookup(m, key); v != nil {
			return v
		}
		return lookup(m, key)
	})
	if rest != "" {
		return nil
	}
	return found
}

func (dump *Dump) check(d *decoder) {
	if dump.REST != nil {
		d.checkRest(dump.REST)
	}
	if dump.V2 != nil {
		d.checkV2(dump.V2)
	}
}

// names collects the keys of a collection, reporting duplicates.
func (d *decoder) names(coll, field string, keys []string) map[string]bool {
	seen := make(map[string]bool, len(keys))
	for i, k := range keys {
		if k == "" {
			continue
		}
		if seen[k] {
			d.at(diag.Error, diag.DumpDuplicateID, d.ptr(coll, i, field), "%s %q is used twice in %s; each must be unique", field, k, coll)
		}
		seen[k] = true
	}
	return seen
}

func (d *decoder) checkRest(r *RestDump) {
	ids := make([]string, len(r.Resources))
	byID := map[string]*Resource{}
	for i, res := range r.Resources {
		ids[i] = res.ID
		byID[res.ID] = res
	}
	d.names("resources", "id", ids)
	d.checkTree(r, byID)
	models := d.names("models", "name", collect(r.Models, func(m *Model) string { return m.Name }))
	auths := d.names("authorizers", "id", collect(r.Authorizers, func(a *Authorizer) string { return a.ID }))
	d.names("authorizers", "name", collect(r.Authorizers, func(a *Authorizer) string { return a.Name }))
	vals := d.names("requestValidators", "id", collect(r.RequestValidators, func(v *RequestValidator) string { return v.ID }))
	d.names("gatewayResponses", "responseType", collect(r.GatewayResponses, func(g *GatewayResponse) string { return g.ResponseType }))
	deps := d.names("deployments", "id", collect(r.Deployments, func(x *Deployment) string { return x.ID }))
	d.names("stages", "stageName", collect(r.Stages, func(x *RestStage) string { return x.StageName }))
	for i, st := range r.Stages {
		if st != nil && st.DeploymentID != "" && len(r.Deployments) > 0 && !deps[st.DeploymentID] {
			d.at(diag.Error, diag.DumpUnknownRef, d.ptr("stages", i, "deploymentId"), "deploymentId %q is not the id of a deployment in this dump", st.DeploymentID)
		}
	}
	for i, res := range r.Resources {
		for _, verb := range sortedKeys(res.ResourceMethods) {
			m := res.ResourceMethods[verb]
			if m == nil {
				continue
			}
			if m.AuthorizerID != "" && len(r.Authorizers) > 0 && !auths[m.AuthorizerID] {
				d.at(diag.Error, diag.DumpUnknownRef, d.ptr("resources", i, "resourceMethods", verb, "authorizerId"),
					"authorizerId %q is not the id of an authorizer in this dump", m.AuthorizerID)
			}
			if m.RequestValidatorID != "" && len(r.RequestValidators) > 0 && !vals[m.RequestValidatorID] {
				d.at(diag.Error, diag.DumpUnknownRef, d.ptr("resources", i, "resourceMethods", verb, "requestValidatorId"),
					"requestValidatorId %q is not the id of a request validator in this dump", m.RequestValidatorID)
			}
			if len(r.Models) == 0 {
				continue
			}
			for _, ct := range sortedKeys(m.RequestModels) {
				if name := m.RequestModels[ct]; !models[name] && !builtinModels[name] {
					d.at(diag.Error, diag.DumpUnknownRef, d.ptr("resources", i, "resourceMethods", verb, "requestModels", ct),
						"request model %q is not a model in this dump", name)
				}
			}
			for _, sc := range sortedKeys(m.MethodResponses) {
				mr := m.MethodResponses[sc]
				if mr == nil {
					continue
				}
				for _, ct := range sortedKeys(mr.ResponseModels) {
					if name := mr.ResponseModels[ct]; !models[name] && !builtinModels[name] {
						d.at(diag.Error, diag.DumpUnknownRef, d.ptr("resources", i, "resourceMethods", verb, "methodResponses", sc, "responseModels", ct),
							"response model %q is not a model in this dump", name)
					}
				}
			}
		}
	}
}

// checkTree checks that the resources form one tree whose paths agree with their parents.
func (d *decoder) checkTree(r *RestDump, byID map[string]*Resource) {
	roots := 0
	for i, res := range r.Resources {
		if res.ParentID == "" {
			roots++
			if roots > 1 {
				d.at(diag.Error, diag.DumpTree, d.ptr("resources", i), "a second resource without parentId (%q); only the root resource \"/\" has none", res.Path)
			} else if res.Path != "" && res.Path != "/" {
				d.at(diag.Error, diag.DumpTree, d.ptr("resources", i, "path"), "the resource without parentId must be the root \"/\", not %q", res.Path)
			}
			continue
		}
		parent, ok := byID[res.ParentID]
		if !ok {
			d.at(diag.Error, diag.DumpUnknownRef, d.ptr("resources", i, "parentId"), "parentId %q is not the id of a resource in this dump", res.ParentID)
			continue
		}
		if res.Path != "" && parent.Path != "" && res.PathPart != "" && res.Path != joinPath(parent.Path, res.PathPart) {
			d.at(diag.Error, diag.DumpTree, d.ptr("resources", i, "path"), "path %q does not match its parent's path and pathPart: write %q", res.Path, joinPath(parent.Path, res.PathPart))
		}
	}
	if roots == 0 && len(r.Resources) > 0 {
		d.at(diag.Error, diag.DumpTree, d.collPtr("resources"), "no root resource: one resource must have path \"/\" and no parentId")
	}
}

func joinPath(parent, part string) string {
	if parent == "/" {
		return "/" + part
	}
	return parent + "/" + part
}

func (d *decoder) checkV2(v *V2Dump) {
	d.names("routes", "RouteKey", collect(v.Routes, func(r *Route) string { return r.RouteKey }))
	d.names("routes", "RouteId", collect(v.Routes, func(r *Route) string { return r.RouteID }))
	integs := d.names("integrations", "IntegrationId", collect(v.Integrations, func(i *V2Integration) string { return i.IntegrationID }))
	auths := d.names("authorizers", "AuthorizerId", collect(v.Authorizers, func(a *V2Authorizer) string { return a.AuthorizerID }))
	routes := map[string]bool{}
	for _, r := range v.Routes {
		routes[r.RouteID] = true
	}
	for i, r := range v.Routes {
		if id, ok := strings.CutPrefix(r.Target, "integrations/"); ok && len(v.Integrations) > 0 && !integs[id] {
			d.at(diag.Error, diag.DumpUnknownRef, d.ptr("routes", i, "Target"), "Target %q names no integration in this dump", r.Target)
		}
		if r.AuthorizerID != "" && len(v.Authorizers) > 0 && !auths[r.AuthorizerID] {
			d.at(diag.Error, diag.DumpUnknownRef, d.ptr("routes", i, "AuthorizerId"), "AuthorizerId %q is not the id of an authorizer in this dump", r.AuthorizerID)
		}
	}
	for _, id := range sortedKeys(v.IntegrationResponses) {
		if len(v.Integrations) > 0 && !integs[id] {
			d.at(diag.Error, diag.DumpUnknownRef, source.Pointer("/integrationResponses", id), "integration responses are listed under %q, which is not the IntegrationId of an integration in this dump", id)
		}
	}
	for _, id := range sortedKeys(v.RouteResponses) {
		if len(v.Routes) > 0 && !routes[id] {
			d.at(diag.Error, diag.DumpUnknownRef, source.Pointer("/routeResponses", id), "route responses are listed under %q, which is not the RouteId of a route in this dump", id)
		}
	}
}

// collect maps each item of s through key; nil items give "".
func collect[T any](s []*T, key func(*T) string) []string {
	out := make([]string, len(s))
	for i, v := range s {
		if v != nil {
			out[i] = key(v)
		}
	}
	return out
}
