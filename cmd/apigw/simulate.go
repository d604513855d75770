package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/apigw/apigw/extensions/simulate"
	"github.com/apigw/apigw/extensions/source"
	"github.com/spf13/cobra"
)

func init() { subcommands = append(subcommands, newSimulateCmd) }

type simulateFlags struct {
	operation, errorMessage, body, accept, format string
	status                                        int
	strict                                        bool
	headers, stageVars, context                   []string
	api                                           apiFlag
	// The client request, which the mapping templates read.
	requestBody                    string
	paths, queries, requestHeaders []string
}

func newSimulateCmd() *cobra.Command {
	var f simulateFlags
	cmd := &cobra.Command{
		Use:   "simulate FILE --operation 'GET /pets/{id}'",
		Short: "Show which integration response a backend result selects, and what the client gets",
		Long: `simulate works out API Gateway's integration response step offline for one
operation of FILE (an OpenAPI document, a CloudFormation/SAM template holding
one, or a dump of a deployed REST, HTTP or WebSocket API) and one backend
result: each selection pattern tried (Java regex semantics, whole string),
the response selected, the status, the headers the response parameters
produce with their sources, and the mapping templates: the request template
chosen for the client request and what it renders (the integration request
body), and the response template chosen, the variables it reads and the body
it renders, with any status or header it sets through
$context.responseOverride applied.

For a Lambda integration the patterns match --error-message (without it,
the function returned normally and the default response applies); for
HTTP and other AWS integrations they match --status; for a MOCK integration
the statusCode its request template renders decides, unless --status is given.

The client request: --request-body (a file, or - for standard input),
--path, --query and --request-header, which the templates read through
$input.body and $input.params; the request's Content-Type header selects the
request template. --body, --header and --status describe the backend's
response. $context holds the variables API Gateway sets for every request,
with fixed values (stage test-invoke-stage, as the console's test calls);
--context sets or replaces them. A template that fails makes the answer API
Gateway's 500 {"message": "Internal server error"}; the notes say where it
failed.

An error in the operation's integration (or in the document as a whole)
refuses the simulation; errors elsewhere are printed as warnings (--strict
refuses the document on any error).

--body reads the backend's body from a file, or from standard input with
-; a body over 10 MiB (API Gateway's payload limit) is refused.

Exit codes: 0 simulated (even when the client would get a 500: see the
notes); 1 the integration has errors (such as a pattern Java rejects); 2
usage (an unknown operation lists the available ones); 3 FILE or the body
refused by a safety limit; 4 standard output could not be written.`,
		Example: `  apigw simulate api.yaml --operation 'GET /pets/{id}' --error-message '[NotFound] no pet 7'
  apigw simulate api.yaml --operation 'GET /pets' --status 503 --header 'Retry-After: 30' --format json
  apigw simulate dump.json --operation sendMessage --status 200 --body reply.json
  apigw simulate api.yaml --operation 'POST /orders' --request-body order.json \
      --request-header 'Content-Type: application/json' --query dryRun=true --body backend.json`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runSimulate(cmd, args[0], &f)
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&f.operation, "operation", "", "the operation: 'METHOD /path' as in the document, a request such as 'GET /pets/7', an operationId, or a route key")
	fl.IntVar(&f.status, "status", 200, "the backend's status code")
	fl.StringVar(&f.errorMessage, "error-message", "", "the Lambda function's errorMessage (the function failed)")
	fl.StringArrayVar(&f.headers, "header", nil, "a backend response header 'Name: value' (repeatable)")
	fl.StringVar(&f.body, "body", "", "a file with the backend's body, or - for standard input")
	fl.StringVar(&f.accept, "accept", "", "the client's Accept header (absent when empty)")
	fl.StringArrayVar(&f.stageVars, "stage-var", nil, "a stage variable name=value (repeatable)")
	fl.StringArrayVar(&f.context, "context", nil, "a context variable name=value, e.g. requestId=abc (repeatable)")
	fl.StringVar(&f.format, "format", "text", "output format: text or json")
	fl.StringVar(&f.requestBody, "request-body", "", "the client request's body: a file, or - for standard input")
	fl.StringArrayVar(&f.paths, "path", nil, "a path parameter of the client request NAME=VALUE (repeatable)")
	fl.StringArrayVar(&f.queries, "query", nil, "a query string parameter of the client request NAME=VALUE (repeatable)")
	fl.StringArrayVar(&f.requestHeaders, "request-header", nil, "a client request header 'Name: value' (repeatable)")
	f.api.add(cmd)
	addStrict(cmd, &f.strict)
	return cmd
}

func keyValues(list []string, flag string) (map[string]string, error) {
	m := map[string]string{}
	for _, kv := range list {
		k, v, ok := strings.Cut(kv, "=")
		if !ok || k == "" {
			return nil, fmt.Errorf("--%s %q: write name=value", flag, kv)
		}
		m[k] = v
	}
	return m, nil
}

func runSimulate(cmd *cobra.Command, file string, f *simulateFlags) error {
	if f.format != "text" && f.format != "json" {
		return withCode(exitUsage, fmt.Errorf("--format %q: use text or json", f.format))
	}
	if f.operation == "" {
		return withCode(exitUsage, errors.New("--operation is required, e.g. --operation 'GET /pets/{id}'"))
	}
	if f.body == "-" && f.requestBody == "-" {
		return withCode(exitUsage, errors.New("--body and --request-body cannot both be read from standard input"))
	}
	var res simulate.Result
	res.StatusCode = f.status
	if cmd.Flags().Changed("error-message") {
		msg := f.errorMessage
		res.ErrorMessage = &msg
	}
	for _, h := range f.headers {
		hd, err := simulate.ParseHeader(h)
		if err != nil {
			return withCode(exitUsage, err)
		}
		res.Headers = append(res.Headers, hd)
	}
	if f.body != "" {
		body, err := readBody(cmd, f.body)
		if err != nil {
			return err
		}
		res.Body = body
	}
	req := simulate.Request{Accept: f.accept}
	var err error
	if req.StageVariables, err = keyValues(f.stageVars, "stage-var"); err != nil {
		return withCode(exitUsage, err)
	}
	ctxVars, err := keyValues(f.context, "context")
	if err != nil {
		return withCode(exitUsage, err)
	}
	if req.Path, err = namedValues(f.paths, "path"); err != nil {
		return withCode(exitUsage, err)
	}
	if req.Query, err = namedValues(f.queries, "query"); err != nil {
		return withCode(exitUsage, err)
	}
	for _, h := range f.requestHeaders {
		hd, err := simulate.ParseHeader(h)
		if err != nil {
			return withCode(exitUsage, fmt.Errorf("--request-header: %w", err))
		}
		req.Header = append(req.Header, hd)
	}
	if f.requestBody != "" {
		body, err := readLimited(cmd, f.requestBody, "--request-body", maxRenderBody)
		if err != nil {
			return err
		}
		req.Body = []byte(body)
	}
	src, err := loadSimSource(cmd, file, &f.api)
	if err != nil {
		return err
	}
	op, candidates, routed := src.findRequest(f.operation)
	if len(candidates) > 0 {
		return withCode(exitUsage, fmt.Errorf("operationId %q names %d operations (%s); name one as 'METHOD /path'", f.operation, len(candidates), strings.Join(candidates, ", ")))
	}
	if op == nil {
		var names []string
		for _, o := range src.operations {
			names = append(names, "  "+o.name)
		}
		return withCode(exitUsage, fmt.Errorf("no operation %q in %s; the operations are:\n%s", f.operation, file, strings.Join(names, "\n")))
	}
	if op.doc != nil {
		v := judge(reads(simulateReads(op.docOperation()), f.strict), op.doc, src.diags)
		printNotes(cmd.ErrOrStderr(), v.Diagnostics)
		if v.Refused() {
			return withCode(exitFindings, fmt.Errorf("simulate: the document has errors in what simulating %s reads; fix them first", op.name))
		}
	}
	if len(req.Path) == 0 {
		// A request such as 'GET /pets/7' gives its path parameters.
		for _, k := range slices.Sorted(maps.Keys(routed)) {
			req.Path = append(req.Path, simulate.Param{Name: k, Value: routed[k]})
		}
	}
	method, path, _ := strings.Cut(op.name, " ")
	req.Context = simulate.DefaultContext(method, path)
	maps.Copy(req.Context, ctxVars)
	switch op.kind {
	case "WebSocket":
		req.Context = simulate.DefaultWebSocketContext(op.name)
		maps.Copy(req.Context, ctxVars)
	case "HTTP":
		req.Context = ctxVars
	}
	out := cmd.OutOrStdout()
	switch {
	case op.kind == "REST":
		if op.method != nil && op.method.MethodIntegration != nil && strings.EqualFold(op.method.MethodIntegration.Type, "MOCK") && !cmd.Flags().Changed("status") {
			res.StatusCode = 0 // the request template decides
		}
		o, err := simulate.REST(op.method, src.binary, res, req)
		if err != nil {
			return withCode(exitFindings, err)
		}
		return printOutcome(out, f.format, op, o)
	case op.apigwv2 == nil:
		return withCode(exitFindings, fmt.Errorf("route %q has no integration", op.name))
	case op.kind == "WebSocket":
		o, err := simulate.WebSocket(op.apigwv2, op.ws, res, req)
		if err != nil {
			return withCode(exitFindings, err)
		}
		return printOutcome(out, f.format, op, o)
	default:
		return printHTTP(out, f.format, op, simulate.HTTP(op.apigwv2.ResponseParameters, res, req))
	}
}

// maxBody is the largest backend body simulate reads: API Gateway's
// payload limit, 10 MB (https://docs.aws.amazon.com/apigateway/latest/developerguide/limits.html).
const maxBody = 10 << 20

// bodyTooLarge is a --body refused for its size: API Gateway's payload
// limit, which --max-size does not raise.
type bodyTooLarge struct{ *source.LimitError }

func (b *bodyTooLarge) Unwrap() error { return b.LimitError }

// readBody reads --body: a file, or standard input for "-", refused past
// API Gateway's payload limit (exit code 3) rather than cut.
func readBody(cmd *cobra.Command, name string) ([]byte, error) {
	lim := source.Limits{MaxBytes: maxBody}
	var body []byte
	var err error
	if name == "-" {
		body, err = source.ReadAll("standard input", cmd.InOrStdin(), lim)
	} else {
		body, err = source.ReadFile(name, lim)
	}
	var le *source.LimitError
	switch {
	case err == nil:
		return body, nil
	case errors.As(err, &le) && le.Limit == source.LimitSize:
		le.Message = fmt.Sprintf("--body: the backend body is larger than %d bytes (10 MiB), API Gateway's payload limit, so API Gateway would not return it; the body is refused", maxBody)
		return nil, &bodyTooLarge{le}
	case errors.As(err, &le):
		le.Message = "--body: " + le.Message
		return nil, err
	case name == "-":
		return nil, withCode(exitUsage, fmt.Errorf("--body: %w", err))
	}
	return nil, withCode(exitUsage, fmt.Errorf("--body: %w", inputError(name, err)))
}

// bodyText renders a body for output: as text when it is UTF-8, else base64-marked.
func bodyText(b []byte) string {
	if utf8.Valid(b) {
		return string(b)
	}
	return fmt.Sprintf("(%d bytes of binary data)", len(b))
}

func printOutcome(w io.Writer, format string, op *simOperation, o *simulate.Outcome) error {
	if format == "json" {
		return writeJSONOut(w, struct {
			Operation string `json:"operation"`
			API       string `json:"api"`
			*simulate.Outcome
			Body string `json:"body"`
		}{op.name, op.kind, o, bodyText(o.Body)})
	}
	var b strings.Builder
	fmt.Fprintf(&b, "operation: %s (%s API)\n", op.name, op.kind)
	what := "the backend status code"
	switch {
	case o.MatchedAgainst == "errorMessage":
		what = "the Lambda errorMessage"
	case o.IntegrationType == "MOCK":
		what = "the status code (the statusCode the request template gives)"
	}
	integ := o.IntegrationType
	if o.Lambda {
		integ += " (Lambda function)"
	}
	fmt.Fprintf(&b, "integration: %s; patterns match the whole of %s\n", integ, what)
	if ir := o.Request; ir != nil {
		if t := ir.Template; t != nil {
			fmt.Fprintf(&b, "request template: %s (%s)\n", t.MediaType, t.Reason)
			writeTemplate(&b, t)
			if t.Error == "" {
				writeBody(&b, "  integration request body", []byte(ir.Body))
			}
		} else {
			b.WriteString("request template: none (the client body passes through)\n")
			if ir.Body != "" {
				writeBody(&b, "  integration request body", []byte(ir.Body))
			}
		}
		for _, h := range ir.Overrides {
			fmt.Fprintf(&b, "  requestOverride.%s: %s\n", h.Name, h.Value)
		}
	}
	if o.Value != nil {
		fmt.Fprintf(&b, "value: %s\n", strconv.Quote(*o.Value))
	} else {
		b.WriteString("value: none\n")
	}
	if len(o.Attempts) > 0 {
		order := "in ascending order of status code"
		if op.kind == "WebSocket" {
			order = "in key order"
		}
		fmt.Fprintf(&b, "patterns (tried %s, first match wins):\n", order)
		for _, a := range o.Attempts {
			verdict := "no match"
			if a.Matched {
				verdict = "match"
			}
			if a.Approximate {
				verdict += " (approximate)"
			}
			if a.Error != "" {
				verdict += " (" + a.Error + ")"
			}
			status := ""
			if a.StatusCode != "" {
				status = " -> " + a.StatusCode
			}
			fmt.Fprintf(&b, "  %s%s: %s\n", quoteRaw(a.Key), status, verdict)
		}
	}
	sel := o.Selected
	if sel == "" {
		sel = "none"
	} else {
		sel = quoteRaw(sel)
	}
	fmt.Fprintf(&b, "selected: %s\nstatus: %s\n", sel, o.StatusCode)
	if len(o.Headers) > 0 {
		b.WriteString("headers:\n")
		for _, h := range o.Headers {
			v := h.Value
			if !h.Set {
				v = "(not set)"
			}
			fmt.Fprintf(&b, "  %s: %s  <- %s (%s)\n", h.Name, v, h.Source, h.Kind)
		}
	}
	if t := o.Template; t != nil {
		fmt.Fprintf(&b, "template: %s (%s)\n", t.MediaType, t.Reason)
		writeTemplate(&b, t)
	} else if !o.Failed {
		fmt.Fprintf(&b, "template: none (the body passes through)\n")
	}
	if ov := o.Overrides; ov != nil {
		if ov.Status != "" {
			fmt.Fprintf(&b, "responseOverride.status: %s\n", ov.Status)
		}
		for _, h := range ov.Headers {
			fmt.Fprintf(&b, "responseOverride.header.%s: %s\n", h.Name, h.Value)
		}
	}
	if o.ContentHandling != "" || o.Conversion != simulate.ConvertNone {
		fmt.Fprintf(&b, "contentHandling: %s; body conversion: %s\n", orNone(o.ContentHandling), o.Conversion)
	}
	if len(o.Body) > 0 {
		writeBody(&b, "body", o.Body)
	}
	fmt.Fprintf(&b, "approximate: %t\n", o.Approximate)
	writeNotes(&b, o.Notes)
	_, err := io.WriteString(w, b.String())
	return err
}

// writeTemplate writes a template's text, what it reads and its error.
func writeTemplate(b *strings.Builder, t *simulate.Template) {
	for _, l := range strings.Split(t.Text, "\n") {
		fmt.Fprintf(b, "  | %s\n", l)
	}
	if len(t.Variables) > 0 {
		fmt.Fprintf(b, "  reads: %s\n", strings.Join(t.Variables, ", "))
	}
	if t.Error != "" {
		fmt.Fprintf(b, "  error: %s\n", t.Error)
	}
}

// writeBody writes a body on the label's line when it is one line, else
// below it with each line marked "> ".
func writeBody(b *strings.Builder, label string, body []byte) {
	text := bodyText(body)
	if !strings.Contains(strings.TrimSuffix(text, "\n"), "\n") {
		fmt.Fprintf(b, "%s: %s\n", label, strings.TrimSuffix(text, "\n"))
		return
	}
	indent := strings.Repeat(" ", len(label)-len(strings.TrimLeft(label, " ")))
	fmt.Fprintf(b, "%s:\n", label)
	for _, l := range strings.Split(strings.TrimSuffix(text, "\n"), "\n") {
		fmt.Fprintf(b, "%s  > %s\n", indent, l)
	}
}

func orNone(s string) string {
	if s == "" {
		return "undefined"
	}
	return s
}

func writeNotes(b *strings.Builder, notes []simulate.Note) {
	if len(notes) == 0 {
		return
	}
	b.WriteString("notes:\n")
	for _, n := range notes {
		fmt.Fprintf(b, "  %s [%s]\n", n.Message, n.Code)
	}
}

func printHTTP(w io.Writer, format string, op *simOperation, o *simulate.HTTPOutcome) error {
	if format == "json" {
		return writeJSONOut(w, struct {
			Operation string `json:"operation"`
			API       string `json:"api"`
			*simulate.HTTPOutcome
			Template    *simulate.Template `json:"template"`
			Approximate bool               `json:"approximate"`
		}{op.name, op.kind, o, nil, false})
	}
	var b strings.Builder
	fmt.Fprintf(&b, "operation: %s (HTTP API)\n", op.name)
	if o.Selected == "" {
		fmt.Fprintf(&b, "selected: none (no responseParameters for status %s)\n", o.StatusCode)
	} else {
		fmt.Fprintf(&b, "selected: %q (responseParameters for the backend status)\n", o.Selected)
	}
	for _, m := range o.Mappings {
		res := m.Result
		if !m.Applied {
			res = "(no effect)"
		} else if res == "" {
			res = "(removed)"
		}
		fmt.Fprintf(&b, "  %s <- %q: %s\n", m.Key, m.Value, res)
	}
	fmt.Fprintf(&b, "status: %s\n", o.StatusCode)
	if len(o.Headers) > 0 {
		b.WriteString("headers:\n")
		for _, h := range o.Headers {
			fmt.Fprintf(&b, "  %s: %s\n", h.Name, h.Value)
		}
	}
	writeNotes(&b, o.Notes)
	_, err := io.WriteString(w, b.String())
	return err
}

func writeJSONOut(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

// quoteRaw quotes a pattern without doubling its backslashes, so that it
// reads as written in the document; strconv.Quote is used when it holds a
// quote or a control character.
func quoteRaw(s string) string {
	for _, r := range s {
		if r == '"' || r < ' ' || r == 0x7f {
			return strconv.Quote(s)
		}
	}
	return `"` + s + `"`
}
