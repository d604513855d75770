package apimodel

import (
	"bytes"
	"cmp"
	"crypto/sha256"
	"encoding/json"
	"slices"
	"strings"

	"github.com/apigw/apigw/extensions/source"
)

// Marshal writes the dump as indented JSON in its canonical order: resources
// by path, models, authorizers and validators by name, gateway responses by
// type, deployments by date, stages by name, routes by route key,
// integrations by id. Map keys are sorted, except the request parameters of
// a method and the response parameters of a method response, which keep the
// order API Gateway keeps them in (ParameterOrder). The same dump always
// gives the same bytes.
func (d *Dump) Marshal() ([]byte, error) {
	var v any
	switch {
	case d.REST != nil:
		v = d.REST.sorted().forJSON()
	case d.V2 != nil:
		v = d.V2.sorted()
	default:
		v = struct{}{}
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	// Indented after encoding rather than by the encoder: the same bytes,
	// without encoding/json's validating scanner.
	return source.IndentJSON(make([]byte, 0, buf.Len()*2), buf.Bytes(), "", "  "), nil
}

// sortBy returns a sorted copy of s, ordered by the keys that key returns.
func sortBy[T any](s []*T, key func(*T) []string) []*T {
	out := slices.Clone(s)
	slices.SortStableFunc(out, func(a, b *T) int { return slices.Compare(key(a), key(b)) })
	return out
}

func (r *RestDump) sorted() *RestDump {
	c := *r
	c.Resources = sortBy(r.Resources, func(x *Resource) []string { return []string{x.Path, x.ID} })
	c.Models = sortBy(r.Models, func(x *Model) []string { return []string{x.Name, x.ID} })
	c.Authorizers = sortBy(r.Authorizers, func(x *Authorizer) []string { return []string{x.Name, x.ID} })
	c.RequestValidators = sortBy(r.RequestValidators, func(x *RequestValidator) []string { return []string{x.Name, x.ID} })
	c.GatewayResponses = sortBy(r.GatewayResponses, func(x *GatewayResponse) []string { return []string{x.ResponseType} })
	c.DocumentationParts = sortBy(r.DocumentationParts, func(x *DocumentationPart) []string {
		l := x.Location
		return []string{l.Type, l.Path, l.Method, l.StatusCode, l.Name, x.ID}
	})
	c.Deployments = sortBy(r.Deployments, func(x *Deployment) []string { return []string{string(x.CreatedDate), x.ID} })
	c.Stages = sortBy(r.Stages, func(x *RestStage) []string { return []string{x.StageName} })
	return &c
}

func (v *V2Dump) sorted() *V2Dump {
	c := *v
	c.Routes = sortBy(v.Routes, func(x *Route) []string { return []string{x.RouteKey, x.RouteID} })
	c.Integrations = sortBy(v.Integrations, func(x *V2Integration) []string { return []string{x.IntegrationID} })
	if v.IntegrationResponses != nil {
		c.IntegrationResponses = map[string][]*V2IntegrationResponse{}
		for _, k := range sortedKeys(v.IntegrationResponses) {
			c.IntegrationResponses[k] = sortBy(v.IntegrationResponses[k], func(x *V2IntegrationResponse) []string {
				return []string{x.IntegrationResponseKey, x.IntegrationResponseID}
			})
		}
	}
	if v.RouteResponses != nil {
		c.RouteResponses = map[string][]*RouteResponse{}
		for _, k := range sortedKeys(v.RouteResponses) {
			c.RouteResponses[k] = sortBy(v.RouteResponses[k], func(x *RouteResponse) []string {
				return []string{x.RouteResponseKey, x.RouteResponseID}
			})
		}
	}
	c.Authorizers = sortBy(v.Authorizers, func(x *V2Authorizer) []string { return []string{x.Name, x.AuthorizerID} })
	c.Models = sortBy(v.Models, func(x *V2Model) []string { return []string{x.Name, x.ModelID} })
	c.Stages = sortBy(v.Stages, func(x *Stage) []string { return []string{x.StageName} })
	return &c
}

// StableID derives a 10-character id (lower-case letters and digits, like
// API Gateway's) from a kind and a key, so an API built offline gets the
// same ids on every run.
func StableID(kind, key string) string {
	const alphabet = "abcdefghijklmnopqrstuvwxyz0123456789"
	sum := sha256.Sum256([]byte(kind + "\x00" + key))
	var b strings.Builder
	for _, c := range sum[:10] {
		b.WriteByte(alphabet[int(c)%len(alphabet)])
	}
	return b.String()
}

// AssignIDs fills the ids a dump built offline lacks, deterministically:
// the API from its name, resources from their path (and parentId and
// rootResourceId to match), authorizers, validators and models from their
// name. Ids already set are kept.
func (r *RestDump) AssignIDs() {
	if r.RestAPI == nil {
		r.RestAPI = &RestAPI{}
	}
	if r.RestAPI.ID == "" {
		r.RestAPI.ID = StableID("restapi", r.RestAPI.Name)
	}
	byPath := map[string]*Resource{}
	for _, res := range r.Resources {
		if res.Path == "" && res.ParentID == "" {
			res.Path = "/"
		}
		if res.ID == "" {
			res.ID = StableID("resource", r.RestAPI.ID+res.Path)
		}
		byPath[res.Path] = res
	}
	for _, res := range r.Resources {
		if res.Path == "/" {
			r.RestAPI.RootResourceID = cmp.Or(r.RestAPI.RootResourceID, res.ID)
			continue
		}
		if res.ParentID == "" {
			parent := res.Path[:max(strings.LastIndex(res.Path, "/"), 1)]
			if p, ok := byPath[parent]; ok {
				res.ParentID = p.ID
			}
		}
		if res.PathPart == "" {
			res.PathPart = res.Path[strings.LastIndex(res.Path, "/")+1:]
		}
	}
	for _, a := range r.Authorizers {
		a.ID = cmp.Or(a.ID, StableID("authorizer", a.Name))
	}
	for _, v := range r.RequestValidators {
		v.ID = cmp.Or(v.ID, StableID("requestvalidator", v.Name))
	}
	for _, m := range r.Models {
		m.ID = cmp.Or(m.ID, StableID("model", m.Name))
	}
}

// Root returns the root resource ("/"), or nil.
func (r *RestDump) Root() *Resource {
	for _, res := range r.Resources {
		if res.ParentID == "" {
			return res
		}
	}
	return nil
}

// Resource returns the resource with the given id, or nil.
func (r *RestDump) Resource(id string) *Resource {
	for _, res := range r.Resources {
		if res.ID == id {
			return res
		}
	}
	return nil
}

// TreeOrder returns the resources parents first, siblings by path: the order
// in which they can be created.
func (r *RestDump) TreeOrder() []*Resource {
	out := sortBy(r.Resources, func(x *Resource) []string { return []string{x.Path, x.ID} })
	byID := make(map[string]*Resource, len(r.Resources))
	for _, res := range r.Resources {
		if _, ok := byID[res.ID]; !ok {
			byID[res.ID] = res
		}
	}
	depths := make(map[*Resource]int, len(out))
	for _, res := range out {
		n := 0
		for p := res; p != nil && p.ParentID != "" && n <= len(r.Resources); p = byID[p.ParentID] {
			n++
		}
		depths[res] = n
	}
	depth := func(x *Resource) int { return depths[x] }
	slices.SortStableFunc(out, func(a, b *Resource) int { return cmp.Compare(depth(a), depth(b)) })
	return out
}
