// Package runtime is the fixed part of every client that apigw gen client
// writes: Client and its options, the request helper and what the generated
// operations share to encode parameters and bodies and to read responses.
//
// The generator embeds this file and writes its declarations into each
// client (under the client's package name, its imports merged), around the
// parts that depend on the document: DefaultBaseURL, NewClient, GatewayError
// and the operations. It is compiled, vetted and tested here as ordinary
// code; its exported names are reserved, so no generated name takes one.
package runtime

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
)

// APIKeyHeader is the header API Gateway reads API keys from.
const APIKeyHeader = "x-api-key"

// HTTPDoer sends HTTP requests; *http.Client is one.
type HTTPDoer interface {
	Do(req *http.Request) (*http.Response, error)
}

// RequestEditorFn changes a request before it is sent: sign it with SigV4
// for AWS_IAM methods, or add an authorization token.
type RequestEditorFn func(ctx context.Context, req *http.Request) error

// Option configures a Client.
type Option func(*Client) error

// Client calls the API. It is safe for concurrent use.
type Client struct {
	baseURL string
	doer    HTTPDoer
	editors []RequestEditorFn
	apiKey  string
}

// WithHTTPClient sends requests with doer instead of http.DefaultClient.
func WithHTTPClient(doer HTTPDoer) Option {
	return func(c *Client) error {
		if doer == nil {
			return fmt.Errorf("WithHTTPClient: nil client")
		}
		c.doer = doer
		return nil
	}
}

// WithRequestEditor calls fn on every request before it is sent, after the API key is set.
func WithRequestEditor(fn RequestEditorFn) Option {
	return func(c *Client) error {
		c.editors = append(c.editors, fn)
		return nil
	}
}

// WithAPIKey sends key in the x-api-key header to the methods that require an API key.
func WithAPIKey(key string) Option {
	return func(c *Client) error {
		c.apiKey = key
		return nil
	}
}

// do sends a request for path (with the query and headers; body, when not
// nil, as contentType), applying the API key and the request editors, and
// reads the whole response.
func (c *Client) do(ctx context.Context, method, path string, query url.Values, header http.Header, body io.Reader, contentType string, apiKey bool) (*http.Response, []byte, error) {
	u := c.baseURL + path
	if len(query) > 0 {
		u += "?" + query.Encode()
	}
	req, err := http.NewRequestWithContext(ctx, method, u, body)
	if err != nil {
		return nil, nil, err
	}
	for k, vs := range header {
		req.Header[k] = vs
	}
	if body != nil {
		req.Header.Set("Content-Type", contentType)
	}
	if apiKey && c.apiKey != "" {
		req.Header.Set(APIKeyHeader, c.apiKey)
	}
	for _, edit := range c.editors {
		if err := edit(ctx, req); err != nil {
			return nil, nil, err
		}
	}
	resp, err := c.doer.Do(req)
	if err != nil {
		return nil, nil, err
	}
	defer resp.Body.Close()
	raw, err := io.ReadAll(resp.Body)
	if err != nil {
		return nil, nil, err
	}
	return resp, raw, nil
}

// jsonBody encodes a request body as JSON.
func jsonBody(op string, v any) (io.Reader, error) {
	data, err := json.Marshal(v)
	if err != nil {
		return nil, fmt.Errorf("%s: encoding the request body: %w", op, err)
	}
	return bytes.NewReader(data), nil
}

// decodeJSON decodes a JSON body into v; an empty body leaves v as it is.
func decodeJSON(raw []byte, v any) error {
	if len(bytes.TrimSpace(raw)) == 0 {
		return nil
	}
	return json.Unmarshal(raw, v)
}

// paramString formats a path, query or header parameter.
func paramString(v any) string {
	switch v := v.(type) {
	case string:
		return v
	case int32:
		return strconv.FormatInt(int64(v), 10)
	case int64:
		return strconv.FormatInt(v, 10)
	case float64:
		return strconv.FormatFloat(v, byte(0x67), -1, 64)
	case bool:
		return strconv.FormatBool(v)
	}
	return fmt.Sprint(v)
}

// pathParam escapes a path parameter; a greedy one ({proxy+}) keeps its slashes.
func pathParam(v string, greedy bool) string {
	if !greedy {
		return url.PathEscape(v)
	}
	parts := strings.Split(v, "/")
	for i := range parts {
		parts[i] = url.PathEscape(parts[i])
	}
	return strings.Join(parts, "/")
}

// readHeaders parses headers into typed fields: pairs of a header name and
// a *string, *int64, *int32, *float64 or *bool. An absent header leaves its
// field as it is.
func readHeaders(op string, h http.Header, pairs ...any) error {
	for i := 0; i+1 < len(pairs); i += 2 {
		name := pairs[i].(string)
		s := h.Get(name)
		if s == "" {
			continue
		}
		var err error
		switch v := pairs[i+1].(type) {
		case *string:
			*v = s
		case *int64:
			*v, err = strconv.ParseInt(s, 10, 64)
		case *int32:
			var n int64
			n, err = strconv.ParseInt(s, 10, 32)
			*v = int32(n)
		case *float64:
			*v, err = strconv.ParseFloat(s, 64)
		case *bool:
			*v, err = strconv.ParseBool(s)
		}
		if err != nil {
			return fmt.Errorf("%s: header %s: %w", op, name, err)
		}
	}
	return nil
}

// decodeBody decodes the JSON body of a status into v.
func decodeBody(op string, status int, raw []byte, v any) error {
	if err := decodeJSON(raw, v); err != nil {
		return fmt.Errorf("%s: decoding the %d body: %w", op, status, err)
	}
	return nil
}

// RawResponse is what every operation's response has: the status, the
// headers and the body as received. The field of the status received (OK,
// Created, …) holds the body decoded, as Body.
type RawResponse struct {
	// StatusCode is the HTTP status code.
	StatusCode int
	// Header holds every response header.
	Header http.Header
	// RawBody is the response body as received.
	RawBody []byte
}

// fill decodes the JSON body of a response into body (unless nil) and its
// headers into typed fields (see readHeaders).
func fill(op string, resp *http.Response, raw []byte, body any, headers ...any) error {
	if body != nil {
		if err := decodeBody(op, resp.StatusCode, raw, body); err != nil {
			return err
		}
	}
	return readHeaders(op, resp.Header, headers...)
}

// addParam adds an optional or repeated parameter with add (url.Values.Add,
// http.Header.Add): nothing for a nil pointer, each element of a slice.
func addParam(add func(key, value string), name string, v any) {
	switch v := v.(type) {
	case *string:
		if v != nil {
			add(name, paramString(*v))
		}
	case *int64:
		if v != nil {
			add(name, paramString(*v))
		}
	case *int32:
		if v != nil {
			add(name, paramString(*v))
		}
	case *float64:
		if v != nil {
			add(name, paramString(*v))
		}
	case *bool:
		if v != nil {
			add(name, paramString(*v))
		}
	case []string:
		for _, x := range v {
			add(name, paramString(x))
		}
	case []int64:
		for _, x := range v {
			add(name, paramString(x))
		}
	case []int32:
		for _, x := range v {
			add(name, paramString(x))
		}
	case []float64:
		for _, x := range v {
			add(name, paramString(x))
		}
	case []bool:
		for _, x := range v {
			add(name, paramString(x))
		}
	default:
		add(name, paramString(v))
	}
}

// ErrorResponse is what every typed error of the client carries: the status,
// the headers and the body as received. A typed error with a JSON body holds
// it decoded, as Body.
type ErrorResponse struct {
	// Operation names the operation that was called.
	Operation string
	// StatusCode is the HTTP status code.
	StatusCode int
	// Header holds every response header.
	Header http.Header
	// RawBody is the response body as received.
	RawBody []byte
}

// Error describes the status and the start of the body.
func (e *ErrorResponse) Error() string {
	return statusError(e.Operation, e.StatusCode, e.RawBody)
}

// errorResponse returns the ErrorResponse of resp.
func errorResponse(op string, resp *http.Response, raw []byte) ErrorResponse {
	return ErrorResponse{
		Header:     resp.Header,
		Operation:  op,
		RawBody:    raw,
		StatusCode: resp.StatusCode,
	}
}

// statusError is the text of an error response: the operation, the status
// and the start of the body.
func statusError(op string, status int, body []byte) string {
	s := fmt.Sprintf("%s: %d %s", op, status, http.StatusText(status))
	if b := bytes.TrimSpace(body); len(b) > 0 {
		if len(b) > 200 {
			b = b[:200]
		}
		s += ": " + strconv.QuoteToASCII(string(b))
	}
	return s
}
