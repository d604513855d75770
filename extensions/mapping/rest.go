package mapping

import (
	"slices"
	"strings"

	"github.com/apigw/apigw/extensions/diag"
)

// targetForms lists, per REST-style context, the key prefix and its locations.
var targetForms = map[Context]struct {
	prefix string
	locs   []Location
}{
	RESTRequest:      {"integration.request.", []Location{Path, QueryString, Header}},
	RESTResponse:     {"method.response.", []Location{Header}},
	GatewayResponse:  {"gatewayresponse.", []Location{Header, Path, QueryString}},
	WebSocketRequest: {"integration.request.", []Location{Path, QueryString, Header}},
}

func parseDottedTarget(ctx Context, key string, ps *problems) Target {
	form := targetForms[ctx]
	var cands []string
	for _, l := range form.locs {
		cands = append(cands, form.prefix+l.String()+".")
	}
	rest, ok := strings.CutPrefix(key, form.prefix)
	loc := NoLocation
	if ok {
		seg, _, _ := strings.Cut(rest, ".")
		for _, l := range form.locs {
			if seg == l.String() {
				loc = l
			}
		}
	}
	if loc == NoLocation {
		msg := "%q is not a %s mapping key: write " + oneOf(cands, "NAME")
		if s := suggest(key, cands); s != "" {
			msg = "%q is not a %s mapping key: did you mean " + quote(s) + "?"
		}
		ps.add(Key, 0, diag.MappingUnknownTarget, msg, key, ctx)
		return Target{}
	}
	off := len(form.prefix) + len(loc.String()) + 1
	name := ""
	if off <= len(key) {
		name = key[off:]
	}
	checkTargetName(ctx, loc, name, key, min(off, len(key)), ps)
	return Target{Location: loc, Name: name}
}

// checkTargetName checks the name part of a key.
func checkTargetName(ctx Context, loc Location, name, key string, off int, ps *problems) {
	switch {
	case name == "":
		ps.add(Key, off, diag.MappingEmptyName, "the %s name is missing: write %sNAME", loc, strings.TrimSuffix(key, ".")+".")
	case loc == Header && !tokenOK(name):
		ps.add(Key, off, diag.MappingInvalidName, "%q is not a valid header name: use letters, digits and !#$%%&'*+-.^_`|~ only", name)
	case !printableName(name):
		ps.add(Key, off, diag.MappingInvalidName, "the %s name %q has spaces or control characters: remove them", loc, name)
	}
}

// sourceForms are the REST-style value prefixes and their locations.
var sourceForms = []struct {
	prefix string
	kind   SourceKind
	locs   []Location
}{
	{"method.request.", MethodRequest, []Location{Path, QueryString, MultiValueQueryString, Header, MultiValueHeader, Body}},
	{"integration.response.", IntegrationResponse, []Location{Header, MultiValueHeader, Body}},
	{"route.request.", RouteRequest, []Location{QueryString, Header, MultiValueQueryString, MultiValueHeader, Body}},
}

// allowedKinds says which sources each REST-style context reads.
var allowedKinds = map[Context][]SourceKind{
	RESTRequest:      {MethodRequest, ContextVar, StageVariable, Static},
	RESTResponse:     {IntegrationResponse, ContextVar, StageVariable, Static},
	GatewayResponse:  {MethodRequest, ContextVar, StageVariable, Static},
	WebSocketRequest: {RouteRequest, ContextVar, StageVariable, Static},
}

// sourceCandidates lists the valid value forms of a context, for suggestions.
func sourceCandidates(ctx Context) []string {
	var out []string
	for _, f := range sourceForms {
		if !slices.Contains(allowedKinds[ctx], f.kind) {
			continue
		}
		for _, l := range f.locs {
			if ctx == GatewayResponse && (l == Body || l.MultiValue()) {
				continue
			}
			if l == Body {
				out = append(out, f.prefix+"body")
			} else {
				out = append(out, f.prefix+l.String()+".")
			}
		}
	}
	return append(out, "context.", "stageVariables.")
}

func parseDottedSource(ctx Context, value string, t *Target, ps *problems) Source {
	v, off := value, 0
	if v == "" {
		ps.add(Value, 0, diag.MappingEmptyValue, "the value is empty: write a source such as %s, or a static value in single quotes such as 'text'", sourceCandidates(ctx)[0]+"NAME")
		return Source{}
	}
	if trimmed := strings.TrimSpace(v); trimmed != v {
		off = strings.Index(v, trimmed)
		v = trimmed
		ps.add(Value, 0, diag.MappingWhitespace, "the value has spaces around it: write %q", v)
		if v == "" {
			return Source{}
		}
	}
	src := Source{Offset: off, Text: v}
	switch {
	case v[0] == '\'':
		if len(v) < 2 || v[len(v)-1] != '\'' {
			ps.add(Value, off+len(v), diag.MappingUnterminatedQuote, "the static value lacks its closing single quote: write %s", quote(strings.Trim(v, "'")))
			src.Kind, src.Literal = Static, strings.TrimPrefix(v, "'")
			return src
		}
		src.Kind, src.Literal = Static, v[1:len(v)-1]
		return src
	case v[len(v)-1] == '\'':
		ps.add(Value, off, diag.MappingUnterminatedQuote, "the static value lacks its opening single quote: write %s", quote(strings.Trim(v, "'")))
		src.Kind, src.Literal = Static, strings.TrimSuffix(v, "'")
		return src
	case len(v) >= 2 && v[0] == '"' && v[len(v)-1] == '"':
		ps.add(Value, off, diag.MappingDoubleQuoted, "static values are written in single quotes: write %s", quote(v[1:len(v)-1]))
		src.Kind, src.Literal = Static, v[1:len(v)-1]
		return src
	}
	if rest, ok := strings.CutPrefix(v, "$"); ok && (strings.HasPrefix(rest, "context.") || strings.HasPrefix(rest, "stageVariables.")) {
		ps.add(Value, off, diag.MappingDollarPrefix, "%s mappings write %s without the \"$\": write %s", ctx, rest[:strings.IndexByte(rest, '.')]+".NAME", rest)
		v, off = rest, off+1
	}
	switch {
	case strings.HasPrefix(v, "context."):
		src.Kind, src.Name = ContextVar, v[len("context."):]
		checkContextName(ctx, src.Name, off+len("context."), ps)
	case strings.HasPrefix(v, "stageVariables."):
		src.Kind, src.Name = StageVariable, v[len("stageVariables."):]
		checkStageVariable(src.Name, off+len("stageVariables."), ps)
	default:
		if !parseLocated(ctx, v, off, &src, ps) {
			return src
		}
	}
	checkAllowed(ctx, t, &src, ps)
	return src
}

// parseLocated parses method.request.*, integration.response.* and
// route.request.* values; on an unknown form it reports the problem and
// returns false.
func parseLocated(ctx Context, v string, off int, src *Source, ps *problems) bool {
	for _, f := range sourceForms {
		rest, ok := strings.CutPrefix(v, f.prefix)
		if !ok {
			continue
		}
		seg := rest
		if i := strings.IndexAny(rest, ".["); i >= 0 {
			seg = rest[:i]
		}
		for _, l := range f.locs {
			if seg != l.String() {
				continue
			}
			src.Kind, src.Location = f.kind, l
			pos := off + len(f.prefix) + len(seg)
			after := rest[len(seg):]
			if l == Body {
				switch {
				case after == "":
				case after[0] == '[':
					src.JSONPath = after
					checkJSONPath(ps, after, pos, diag.Warning)
				default:
					src.JSONPath = after[1:]
					checkJSONPath(ps, after[1:], pos+1, diag.Warning)
				}
				return true
			}
			if after == "" || after[0] != '.' {
				ps.add(Value, pos, diag.MappingEmptyName, "the %s name is missing: write %s%s.NAME", l, f.prefix, l)
				return true
			}
			src.Name = after[1:]
			checkSourceName(f.kind, l, src.Name, pos+1, ps)
			return true
		}
	}
	unknownDotted(ctx, v, off, ps)
	return false
}

// unknownDotted reports a value that is not any known form: a near miss of
// an expression gets a suggestion; anything else is an unquoted static value.
func unknownDotted(ctx Context, v string, off int, ps *problems) {
	if strings.Contains(v, ".") {
		if s := suggest(v, sourceCandidates(ctx)); s != "" {
			ps.add(Value, off, diag.MappingUnknownSource, "Invalid mapping expression specified: %q: did you mean %s?", v, quote(s))
			return
		}
		for _, f := range sourceForms {
			if strings.HasPrefix(v, f.prefix) {
				ps.add(Value, off+len(f.prefix), diag.MappingUnknownSource, "Invalid mapping expression specified: %q: after %s write %s", v, f.prefix, oneOf(locNames(f.locs), ""))
				return
			}
		}
	}
	ps.add(Value, off, diag.MappingUnquotedStatic, "Invalid mapping expression specified: %q: a static value must be in single quotes: write %s", v, quote(v))
}

func locNames(ls []Location) []string {
	var out []string
	for _, l := range ls {
		out = append(out, l.String())
	}
	return out
}

func checkSourceName(kind SourceKind, loc Location, name string, off int, ps *problems) {
	if name == "" {
		ps.add(Value, off, diag.MappingEmptyName, "the %s name is missing after the \".\"", loc)
		return
	}
	if kind == IntegrationResponse {
		if !tokenOK(name) {
			ps.add(Value, off, diag.MappingInvalidName, "%q is not a valid header name: use letters, digits and !#$%%&'*+-.^_`|~ only", name)
		}
		return
	}
	if !paramNameOK(name) {
		ps.add(Value, off, diag.MappingInvalidName, "the parameter name %q must match ^[a-zA-Z0-9._$-]+$: rename the parameter", name)
	}
}

func checkContextName(ctx Context, name string, off int, ps *problems) {
	if name == "" {
		ps.add(Value, off, diag.MappingEmptyName, "the context variable name is missing: write context.requestId, for example")
		return
	}
	if !varNameOK(name, true) {
		// The HTTP API documentation supports only "." and "_" as special
		// characters (an error); REST documents no such rule, so a warning.
		sev := diag.Warning
		if ctx.http() {
			sev = diag.Error
		}
		ps.addAs(Value, off, diag.MappingInvalidName, sev, "the context variable %q has characters other than letters, digits, \".\" and \"_\"", name)
		return
	}
	if !KnownContextVariable(name) {
		msg := "%q is not a documented $context variable"
		if n := nearestContextVariable(name); n != "" {
			msg += ": did you mean " + quote(n) + "?"
		}
		ps.add(Value, off, diag.MappingUnknownContext, msg, name)
	}
}

func checkStageVariable(name string, off int, ps *problems) {
	switch {
	case name == "":
		ps.add(Value, off, diag.MappingEmptyName, "the stage variable name is missing: write stageVariables.NAME")
	case !varNameOK(name, false):
		// A warning, not the code's error: the mapping itself is accepted;
		// it is the stage variable that can never be defined.
		ps.addAs(Value, off, diag.MappingInvalidName, diag.Warning, "stage variable names have only letters, digits and \"_\": %q cannot be defined", name)
	}
}

// checkAllowed reports sources that are valid somewhere but not in ctx.
func checkAllowed(ctx Context, t *Target, src *Source, ps *problems) {
	if !slices.Contains(allowedKinds[ctx], src.Kind) {
		var forms []string
		for _, k := range allowedKinds[ctx] {
			forms = append(forms, k.String())
		}
		ps.add(Value, src.Offset, diag.MappingSourceNotAllowed, "a %s mapping cannot read %s: use %s", ctx, src.Kind, strings.Join(forms, ", "))
		return
	}
	switch {
	case ctx == GatewayResponse && src.Location == Body:
		ps.add(Value, src.Offset, diag.MappingSourceNotAllowed, "gateway responses cannot map the request body: map a path, querystring or header parameter, a context or stage variable, or a static value")
	case ctx == GatewayResponse && src.Location.MultiValue():
		ps.add(Value, src.Offset, diag.MappingMultiValue, "gateway responses map single values: write method.request.%s.%s", src.Location.Single(), src.Name)
	case t != nil && t.Location == Path && src.Location.MultiValue():
		ps.add(Value, src.Offset, diag.MappingMultiValue, "a path parameter holds one value: write %s.%s.%s", src.Kind.prefix(), src.Location.Single(), src.Name)
	}
}

// prefix returns the expression prefix of a REST-style located kind.
func (k SourceKind) prefix() string {
	switch k {
	case MethodRequest:
		return "method.request"
	case IntegrationResponse:
		return "integration.response"
	case RouteRequest:
		return "route.request"
	}
	return ""
}

// quote writes s between single quotes, as a REST static value.
func quote(s string) string { return "'" + s + "'" }

// oneOf renders candidates as "a, b or c", each followed by suffix.
func oneOf(cands []string, suffix string) string {
	var b strings.Builder
	for i, c := range cands {
		if i > 0 {
			if i == len(cands)-1 {
				b.WriteString(" or ")
			} else {
				b.WriteString(", ")
			}
		}
		b.WriteString(c)
		if strings.HasSuffix(c, ".") {
			b.WriteString(suffix)
		}
	}
	return b.String()
}
