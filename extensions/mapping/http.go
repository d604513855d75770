package mapping

import (
	"strconv"
	"strings"

	"github.com/apigw/apigw/extensions/diag"
)

var httpOps = []Op{Append, Overwrite, Remove}

// httpTargetCandidates lists the valid keys of an HTTP API context.
func httpTargetCandidates(ctx Context) []string {
	if ctx == HTTPResponse {
		return []string{"append:header.", "overwrite:header.", "remove:header.", "overwrite:statuscode"}
	}
	return []string{"append:header.", "overwrite:header.", "remove:header.", "append:querystring.", "overwrite:querystring.", "remove:querystring.", "overwrite:path"}
}

func parseHTTPTarget(ctx Context, key string, ps *problems) Target {
	cands := httpTargetCandidates(ctx)
	unknown := func() Target {
		// Compare with ":" read as "." so that suggest's segments line up.
		msg := "%q is not an %s mapping key: write " + oneOf(cands, "NAME")
		if s := suggest(strings.Replace(key, ":", ".", 1), dotted(cands)); s != "" {
			msg = "%q is not an %s mapping key: did you mean \"" + strings.Replace(s, ".", ":", 1) + "\"?"
		}
		ps.add(Key, 0, diag.MappingUnknownTarget, msg, key, ctx)
		return Target{}
	}
	opText, rest, ok := strings.Cut(key, ":")
	if !ok {
		return unknown()
	}
	var t Target
	for _, op := range httpOps {
		if opText == op.String() {
			t.Op = op
		}
	}
	if t.Op == NoOp {
		return unknown()
	}
	locText, name, hasName := strings.Cut(rest, ".")
	switch {
	case locText == "header":
		t.Location = Header
	case locText == "querystring" && ctx == HTTPRequest:
		t.Location = QueryString
	case locText == "path" && ctx == HTTPRequest && !hasName:
		t.Location = Path
	case locText == "statuscode" && ctx == HTTPResponse && !hasName:
		t.Location = StatusCode
	default:
		return unknown()
	}
	if (t.Location == Path || t.Location == StatusCode) && t.Op != Overwrite {
		ps.add(Key, 0, diag.MappingUnknownTarget, "the %s can only be overwritten: write overwrite:%s", t.Location, t.Location)
		return t
	}
	if t.Location == Path || t.Location == StatusCode {
		return t
	}
	t.Name = name
	off := len(opText) + 1 + len(locText) + 1
	checkTargetName(ctx, t.Location, name, key, min(off, len(key)), ps)
	if t.Location == Header && name != "" && ReservedHeader(name) {
		ps.add(Key, off, diag.MappingReservedHeader, "%q is a reserved header: HTTP API mappings cannot %s it", name, t.Op)
	}
	return t
}

// dotted turns "append:header." into "append.header." for suggest.
func dotted(cands []string) []string {
	out := make([]string, len(cands))
	for i, c := range cands {
		out[i] = strings.Replace(c, ":", ".", 1)
	}
	return out
}

func parseHTTPSource(ctx Context, value string, t *Target, ps *problems) Source {
	if t != nil && t.Op == Remove {
		if value != "" && value != "''" {
			ps.add(Value, 0, diag.MappingRemoveValue, "remove: mappings take an empty value: write \"\"")
		}
		return Source{Kind: Empty, Text: value}
	}
	if value == "" {
		ps.add(Value, 0, diag.MappingEmptyValue, "the value is empty: write a selection such as $request.header.NAME, or static text")
		return Source{}
	}
	var src Source
	if strings.HasPrefix(value, "$") && !strings.HasPrefix(value, "${") {
		src = parseHTTPExpr(ctx, value[1:], 1, ps)
		src.Offset, src.Text = 0, value
	} else {
		src = parseInterpolation(ctx, value, ps)
	}
	if t != nil && t.Location == StatusCode && src.Kind == Static {
		if n, err := strconv.Atoi(src.Literal); err != nil || n < 100 || n > 599 || len(src.Literal) != 3 {
			ps.add(Value, 0, diag.MappingStatusCode, "%q is not an HTTP status code: write a number from 100 to 599, e.g. 403", src.Literal)
		}
	}
	return src
}

// parseInterpolation splits static text and ${…} selections. A value that is
// a single ${…} part is returned as that selection.
func parseInterpolation(ctx Context, value string, ps *problems) Source {
	var parts []Source
	i := 0
	for i < len(value) {
		j := strings.Index(value[i:], "${")
		if j < 0 {
			parts = append(parts, staticPart(value[i:], i, ps))
			break
		}
		if j > 0 {
			parts = append(parts, staticPart(value[i:i+j], i, ps))
		}
		start := i + j
		end := strings.IndexByte(value[start:], '}')
		if end < 0 {
			ps.add(Value, start, diag.MappingInterpolation, "unterminated \"${\": close it with \"}\", e.g. ${request.header.NAME}")
			parts = append(parts, Source{Kind: Static, Literal: value[start:], Offset: start, Text: value[start:]})
			break
		}
		inner := value[start+2 : start+end]
		if inner == "" {
			ps.add(Value, start, diag.MappingInterpolation, "empty \"${}\": write a selection inside, e.g. ${context.requestId}")
		} else {
			p := parseHTTPExpr(ctx, inner, start+2, ps)
			p.Offset, p.Text = start, value[start:start+end+1]
			parts = append(parts, p)
		}
		i = start + end + 1
	}
	if len(parts) == 1 {
		return parts[0]
	}
	return Source{Kind: Interpolation, Parts: parts, Text: value}
}

// staticPart makes a static piece, warning when it holds what looks like a
// selection that is not wrapped in ${…}.
func staticPart(text string, off int, ps *problems) Source {
	for _, p := range []string{"$request.", "$response.", "$context.", "$stageVariables."} {
		if k := strings.Index(text, p); k >= 0 {
			end := k + 1
			for end < len(text) && text[end] != ' ' && text[end] != ',' && text[end] != ';' {
				end++
			}
			ps.add(Value, off+k, diag.MappingInterpolation, "%s inside text is not evaluated as a selection: write ${%s}", text[k:end], text[k+1:end])
			break
		}
	}
	return Source{Kind: Static, Literal: text, Offset: off, Text: text}
}

// httpSourceCandidates lists selection forms, without "$".
var httpSourceCandidates = []string{"request.header.", "request.querystring.", "request.path", "request.body", "response.header.", "response.body", "context.", "stageVariables."}

// parseHTTPExpr parses a selection written without "$" (e.g. request.header.x)
// at offset off of the value.
func parseHTTPExpr(ctx Context, text string, off int, ps *problems) Source {
	src := Source{Offset: off, Text: text}
	root, rest, _ := strings.Cut(text, ".")
	nameOff := off + min(len(root)+1, len(text))
	switch root {
	case "context":
		src.Kind, src.Name = ContextVar, rest
		checkContextName(ctx, rest, nameOff, ps)
		return src
	case "stageVariables":
		src.Kind, src.Name = StageVariable, rest
		checkStageVariable(rest, nameOff, ps)
		return src
	case "request", "response":
		src.Kind = Request
		if root == "response" {
			src.Kind = Response
		}
		locText, name, hasName := strings.Cut(rest, ".")
		pos := off + len(root) + 1 + len(locText)
		switch {
		case locText == "header":
			src.Location = Header
		case locText == "querystring" && root == "request":
			src.Location = QueryString
		case locText == "path" && root == "request":
			src.Location = Path
		case locText == "body":
			src.Location = Body
		default:
			unknownHTTP(text, off, ps)
			return Source{Offset: off, Text: text}
		}
		switch {
		case src.Location == Body:
			if hasName {
				src.JSONPath = name
				checkJSONPath(ps, name, pos+1, diag.Error)
			}
		case src.Location == Path && !hasName:
			// $request.path: the whole request path.
		case name == "":
			ps.add(Value, pos, diag.MappingEmptyName, "the %s name is missing: write $%s.%s.NAME", locText, root, locText)
		case src.Location == Header && !tokenOK(name):
			ps.add(Value, pos+1, diag.MappingInvalidName, "%q is not a valid header name: use letters, digits and !#$%%&'*+-.^_`|~ only", name)
		case !printableName(name):
			ps.add(Value, pos+1, diag.MappingInvalidName, "the %s name %q has spaces or control characters", locText, name)
		}
		src.Name = name
		if ctx == HTTPRequest && src.Kind == Response {
			ps.add(Value, off, diag.MappingSourceNotAllowed, "request mappings run before there is a response: use $request, $context or $stageVariables")
		}
		return src
	}
	unknownHTTP(text, off, ps)
	return Source{Offset: off, Text: text}
}

func unknownHTTP(text string, off int, ps *problems) {
	msg := "$%s is not a selection expression: write $request.header.NAME, $request.querystring.NAME, $request.path[.NAME], $request.body[.JSONPath], $response.header.NAME, $response.body[.JSONPath], $context.NAME or $stageVariables.NAME"
	if s := suggest(text, httpSourceCandidates); s != "" {
		msg = "$%s is not a selection expression: did you mean $" + s + "?"
	}
	ps.add(Value, off, diag.MappingUnknownSource, msg, text)
}
