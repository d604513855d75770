package openapi

import (
	"cmp"
	"maps"
	"slices"
	"strings"

	"github.com/apigw/apigw/extensions"
	"github.com/apigw/apigw/extensions/apimodel"
	"github.com/apigw/apigw/extensions/diag"
)

// checkExisting validates ImportOptions.Mode and Existing against the document.
func (im *importer) checkExisting() bool {
	ex, mode := im.opts.Existing, im.opts.Mode
	switch mode {
	case "", ModeMerge, ModeOverwrite:
	default:
		im.AddAs(diag.Error, diag.ImportMode, im.doc.Root, "", "mode %q is not one of merge, overwrite", mode)
		return false
	}
	switch {
	case ex == nil && mode != "":
		im.AddAs(diag.Error, diag.ImportMode, im.doc.Root, "", "mode %s puts the document into an existing API: give the existing API's dump", mode)
		return false
	case ex == nil:
		return true
	case im.doc.HTTPAPI() && ex.V2 == nil:
		im.Add(diag.ImportMode, im.doc.Root, "", "the document defines an HTTP API, but the existing API is a REST API; an HTTP API goes into an HTTP API (ReimportApi)")
		return false
	case im.doc.HTTPAPI() && mode == ModeMerge:
		im.Add(diag.ImportMode, im.doc.Root, "", "an HTTP API is reimported whole (ReimportApi has no merge); write mode overwrite")
		return false
	case !im.doc.HTTPAPI() && ex.REST == nil:
		im.Add(diag.ImportMode, im.doc.Root, "", "the document defines a REST API, but the existing API is an HTTP or WebSocket API; PutRestApi puts into a REST API")
		return false
	}
	return true
}

// existingREST returns the REST API the document is put into, or nil.
func (im *importer) existingREST() *apimodel.RestDump {
	if im.opts.Existing == nil || im.opts.Existing.REST == nil {
		return nil
	}
	ex := im.opts.Existing.REST
	if ex.RestAPI == nil {
		c := *ex
		c.RestAPI = &apimodel.RestAPI{}
		return &c
	}
	return ex
}

func collectIDs(rs []*apimodel.Resource) []string {
	out := make([]string, 0, len(rs))
	for _, r := range rs {
		out = append(out, r.ID)
	}
	return out
}

// put returns the API that PutRestApi makes of the existing API ex and the
// API fresh built from the document (whose ids derive from ex's id):
// ModeOverwrite takes fresh's definitions, ModeMerge joins both, fresh's
// methods replacing ex's on the same resource. Either way the API keeps its
// id, creation date, tags, endpoint configuration, stages and deployments;
// a resource keeps its id when its path stays, and an authorizer or request
// validator when its name does.
func (im *importer) put(ex, fresh *apimodel.RestDump) *apimodel.RestDump {
	merge := im.opts.Mode != ModeOverwrite
	out := &apimodel.RestDump{RestAPI: im.putAPI(ex.RestAPI, fresh.RestAPI, merge),
		Deployments: ex.Deployments, Stages: ex.Stages}

	authIDs := map[string]string{}
	out.Authorizers = putByName(ex.Authorizers, fresh.Authorizers, merge, func(a *apimodel.Authorizer) string { return a.Name },
		func(old, nu *apimodel.Authorizer) { authIDs[nu.ID] = old.ID; nu.ID = old.ID })
	validatorIDs := map[string]string{}
	out.RequestValidators = putByName(ex.RequestValidators, fresh.RequestValidators, merge, func(v *apimodel.RequestValidator) string { return v.Name },
		func(old, nu *apimodel.RequestValidator) { validatorIDs[nu.ID] = old.ID; nu.ID = old.ID })
	out.Models = putByName(ex.Models, fresh.Models, merge, func(m *apimodel.Model) string { return m.Name },
		func(old, nu *apimodel.Model) { nu.ID = cmp.Or(old.ID, nu.ID) })
	out.GatewayResponses = putByName(ex.GatewayResponses, fresh.GatewayResponses, merge, func(g *apimodel.GatewayResponse) string { return g.ResponseType }, nil)
	out.DocumentationParts = putByName(ex.DocumentationParts, fresh.DocumentationParts, merge, locationKey,
		func(old, nu *apimodel.DocumentationPart) { nu.ID = cmp.Or(old.ID, nu.ID) })

	for _, r := range fresh.Resources {
		for _, m := range r.ResourceMethods {
			m.AuthorizerID = cmp.Or(authIDs[m.AuthorizerID], m.AuthorizerID)
			m.RequestValidatorID = cmp.Or(validatorIDs[m.RequestValidatorID], m.RequestValidatorID)
		}
	}
	out.Resources = putResources(ex.Resources, fresh.Resources, merge)
	if root := out.Root(); root != nil {
		out.RestAPI.RootResourceID = root.ID
	}
	return out
}

// putAPI returns the RestApi after a put of fresh into ex.
func (im *importer) putAPI(ex, fresh *apimodel.RestAPI, merge bool) *apimodel.RestAPI {
	api := *fresh
	api.ID = cmp.Or(ex.ID, fresh.ID)
	api.CreatedDate = cmp.Or(ex.CreatedDate, fresh.CreatedDate)
	api.RootResourceID = ex.RootResourceID
	// PutRestApi returns the tags, {} when there are none.
	api.Tags = maps.Clone(ex.Tags)
	if api.Tags == nil {
		api.Tags = map[string]string{}
	}
	// "You can import API definitions only to update an existing API,
	// without changing its endpoint configuration" (API Gateway developer
	// guide, import-api-update).
	api.EndpointConfiguration = cmp.Or(ex.EndpointConfiguration, fresh.EndpointConfiguration)
	if !im.docSetsDisableExecuteAPIEndpoint() && ex.DisableExecuteAPIEndpoint != nil {
		api.DisableExecuteAPIEndpoint = ex.DisableExecuteAPIEndpoint
	}
	if !merge {
		return &api
	}
	api.Name = cmp.Or(fresh.Name, ex.Name)
	api.Description = cmp.Or(fresh.Description, ex.Description)
	api.Version = cmp.Or(fresh.Version, ex.Version)
	api.BinaryMediaTypes = union(slices.Clone(ex.BinaryMediaTypes), fresh.BinaryMediaTypes)
	if fresh.MinimumCompressionSize == nil {
		api.MinimumCompressionSize = ex.MinimumCompressionSize
	}
	api.Policy = cmp.Or(fresh.Policy, ex.Policy)
	if im.doc.Extension(extensions.ExtAPIKeySource) == nil && ex.APIKeySource != "" {
		api.APIKeySource = ex.APIKeySource
	}
	return &api
}

// docSetsDisableExecuteAPIEndpoint tells whether the document writes
// disableExecuteApiEndpoint in an endpoint configuration.
func (im *importer) docSetsDisableExecuteAPIEndpoint() bool {
	for _, x := range im.doc.ExtensionsNamed(extensions.ExtEndpointConfiguration) {
		if e, ok := x.Value.(*extensions.EndpointConfiguration); ok && e.DisableExecuteAPIEndpoint != nil {
			return true
		}
	}
	return false
}

// putByName joins existing and fresh items of one kind by key: in merge
// mode the existing items stay and a fresh item replaces the one with its
// key; in overwrite mode only the fresh items remain. keep is called for a
// fresh item that replaces an existing one (to keep the existing id).
func putByName[T any](existing, fresh []*T, merge bool, key func(*T) string, keep func(old, nu *T)) []*T {
	byKey := map[string]*T{}
	for _, e := range existing {
		byKey[key(e)] = e
	}
	var out []*T
	replaced := map[string]bool{}
	for _, f := range fresh {
		if old, ok := byKey[key(f)]; ok && keep != nil {
			keep(old, f)
		}
		replaced[key(f)] = true
	}
	if merge {
		for _, e := range existing {
			if !replaced[key(e)] {
				out = append(out, e)
			}
		}
	}
	return append(out, fresh...)
}

// locationKey identifies a documentation part by what it documents.
func locationKey(p *apimodel.DocumentationPart) string {
	l := p.Location
	return strings.Join([]string{l.Type, l.Path, l.Method, l.StatusCode, l.Name}, "\x00")
}

// putResources joins the resource trees: a resource whose path both have
// keeps the existing id (and, in merge mode, the existing methods the
// document does not define); in overwrite mode resources only the existing
// API has are deleted. Integrations keep the cache namespace they were
// created with, so one whose resource kept its id has a cache namespace of
// its own, as API Gateway returns after such a put.
func putResources(existing, fresh []*apimodel.Resource, merge bool) []*apimodel.Resource {
	byPath := map[string]*apimodel.Resource{}
	for _, r := range existing {
		byPath[r.Path] = r
	}
	ids := map[string]string{}
	var out []*apimodel.Resource
	used := map[string]bool{}
	for _, r := range fresh {
		nr := *r
		if old, ok := byPath[r.Path]; ok {
			ids[r.ID] = old.ID
			nr.ID = old.ID
			used[r.Path] = true
			if merge && len(old.ResourceMethods) > 0 {
				methods := maps.Clone(old.ResourceMethods)
				maps.Copy(methods, r.ResourceMethods)
				nr.ResourceMethods = methods
			}
		}
		out = append(out, &nr)
	}
	for _, r := range out {
		r.ParentID = cmp.Or(ids[r.ParentID], r.ParentID)
	}
	if merge {
		for _, r := range existing {
			if !used[r.Path] {
				c := *r
				out = append(out, &c)
			}
		}
	}
	return out
}

// reimport returns the HTTP API that ReimportApi makes of the existing API
// ex and the API fresh built from the document: fresh's definitions under
// ex's id, creation date, endpoint and tags.
func reimport(ex, fresh *apimodel.V2Dump) *apimodel.V2Dump {
	out := *fresh
	api := *fresh.API
	if ex.API != nil {
		api.APIID = cmp.Or(ex.API.APIID, api.APIID)
		api.CreatedDate = cmp.Or(ex.API.CreatedDate, api.CreatedDate)
		api.APIEndpoint = cmp.Or(ex.API.APIEndpoint, api.APIEndpoint)
		api.Tags = maps.Clone(ex.API.Tags)
		api.IPAddressType = cmp.Or(ex.API.IPAddressType, api.IPAddressType)
	}
	out.API = &api
	out.Stages = ex.Stages
	return &out
}
