package extensions

import (
	"github.com/apigw/apigw/extensions/diag"
	"github.com/apigw/apigw/extensions/source"
	"go.yaml.in/yaml/v4"
)

// DefaultResponseKey is the responses key of the default integration response,
// the one used when no selection pattern matches.
const DefaultResponseKey = "default"

// IntegrationResponseEntry is one entry of x-amazon-apigateway-integration.responses
// (REST APIs). Its key in Integration.Responses is the selection pattern: a
// Java regex matched against the backend's status code (HTTP and AWS
// integrations) or the Lambda errorMessage, or "default".
type IntegrationResponseEntry struct {
	// StatusCode is the method response status code, as written (an integer
	// in the document is tolerated and written back as an integer).
	StatusCode string `json:"statusCode,omitempty"`
	// ResponseParameters maps method.response.header.* to their sources.
	ResponseParameters Map[Str] `json:"responseParameters,omitempty"`
	// ResponseTemplates maps a media type to a mapping template.
	ResponseTemplates Map[Str]        `json:"responseTemplates,omitempty"`
	ContentHandling   ContentHandling `json:"contentHandling,omitempty"`
	// Intrinsics holds fields written as CloudFormation intrinsic functions
	// where a literal is needed; they are kept as written and not checked.
	Intrinsics Map[*yaml.Node] `json:"-"`
	// Unknown holds keys API Gateway does not read, kept for writing back.
	Unknown Map[*yaml.Node] `json:"-"`
	src     *yaml.Node
}

// Node returns the node the value was decoded from, nil when built in Go.
func (v *IntegrationResponseEntry) Node() *yaml.Node { return v.src }

// IsDefaultKey tells whether a responses key names the default response:
// "default", or an empty key, which also means "no selection pattern". "-"
// is not the default (see SelectionPattern).
func IsDefaultKey(key string) bool { return key == DefaultResponseKey || key == "" }

// SelectionPattern returns the REST selectionPattern for a responses key:
// "" for the default response, the key otherwise. A key of "-" (which some
// tools once wrote for the default) is an ordinary regex matching the text
// "-"; the API Gateway documentation does not give it any special meaning.
func SelectionPattern(key string) string {
	if IsDefaultKey(key) {
		return ""
	}
	return key
}

// ResponseKey returns the responses key for a REST selectionPattern: "default"
// for the empty pattern, the pattern otherwise.
func ResponseKey(selectionPattern string) string {
	if selectionPattern == "" {
		return DefaultResponseKey
	}
	return selectionPattern
}

func (d *decoder) integrationResponses(n *yaml.Node, ptr string) Map[*IntegrationResponseEntry] {
	r := source.Resolve(n)
	if r == nil || r.Kind != yaml.MappingNode {
		d.Add(diag.WrongType, n, ptr, "responses must be an object mapping selection patterns (or \"default\") to integration responses, not %s", kindName(n))
		return nil
	}
	out := make(Map[*IntegrationResponseEntry], 0, len(r.Content)/2)
	for i := 0; i+1 < len(r.Content); i += 2 {
		k := r.Content[i].Value
		out = append(out, Pair[*IntegrationResponseEntry]{k, d.integrationResponse(r.Content[i+1], source.Pointer(ptr, k))})
	}
	return out
}

func (d *decoder) integrationResponse(n *yaml.Node, ptr string) *IntegrationResponseEntry {
	v := &IntegrationResponseEntry{src: n}
	d.object(n, ptr, "integration response", deferrable(&v.Intrinsics,
		field{"statusCode", func(n *yaml.Node, p string) { v.StatusCode = d.plain(n, p, "statusCode") }},
		field{"responseParameters", func(n *yaml.Node, p string) { v.ResponseParameters = d.strMap(n, p, "responseParameters") }},
		field{"responseTemplates", func(n *yaml.Node, p string) { v.ResponseTemplates = d.templates(n, p, "responseTemplates") }},
		field{"contentHandling", func(n *yaml.Node, p string) {
			v.ContentHandling = ContentHandling(d.enum(n, p, "contentHandling", enumStrings(ConvertToBinary, ConvertToText), false))
		}},
	), &v.Unknown)
	return v
}

// templates decodes a media type → template object. A null template is
// accepted by import and means an empty template; it decodes to a zero Str.
func (d *decoder) templates(n *yaml.Node, ptr, what string) Map[Str] {
	r := source.Resolve(n)
	if r == nil || r.Kind != yaml.MappingNode {
		d.Add(diag.WrongType, n, ptr, "%s must be an object mapping media types to templates, not %s", what, kindName(n))
		return nil
	}
	out := make(Map[Str], 0, len(r.Content)/2)
	for i := 0; i+1 < len(r.Content); i += 2 {
		k, val := r.Content[i].Value, r.Content[i+1]
		var s Str
		if rv := source.Resolve(val); rv == nil || rv.Kind != yaml.ScalarNode || rv.Tag != "!!null" {
			s = d.str(val, source.Pointer(ptr, k), what+" value")
		}
		out = append(out, Pair[Str]{k, s})
	}
	return out
}

// encTemplates encodes a template map like encStrMap, keeping null templates null.
func encTemplates(orig *yaml.Node, m Map[Str]) *yaml.Node {
	if m == nil {
		return nil
	}
	fields := make([]encField, 0, len(m))
	for _, p := range m {
		o := source.Lookup(orig, p.Key)
		var n *yaml.Node
		if ro := source.Resolve(o); p.Value.IsZero() && ro != nil && ro.Kind == yaml.ScalarNode && ro.Tag == "!!null" {
			n = o
		} else if n = encStr(o, p.Value); n == nil {
			n = strNode("")
		}
		fields = append(fields, encField{p.Key, n})
	}
	return encodeObject(orig, fields, nil)
}

// Encode returns the integration response as a node, keeping what was written.
func (v *IntegrationResponseEntry) Encode() *yaml.Node {
	at := func(k string) *yaml.Node { return source.Lookup(v.src, k) }
	return encodeObject(v.src, withIntrinsics([]encField{
		{"statusCode", encPlain(at("statusCode"), v.StatusCode)},
		{"responseParameters", encStrMap(at("responseParameters"), v.ResponseParameters)},
		{"responseTemplates", encTemplates(at("responseTemplates"), v.ResponseTemplates)},
		{"contentHandling", encPlain(at("contentHandling"), string(v.ContentHandling))},
	}, v.Intrinsics), v.Unknown)
}

func encIntegrationResponses(orig *yaml.Node, m Map[*IntegrationResponseEntry]) *yaml.Node {
	if m == nil {
		return nil
	}
	fields := make([]encField, 0, len(m))
	for _, p := range m {
		if p.Value != nil {
			fields = append(fields, encField{p.Key, p.Value.Encode()})
		}
	}
	return encodeObject(orig, fields, nil)
}
