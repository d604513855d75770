package runtime

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"reflect"
	"strings"
	"testing"
)

// newTestClient is the client NewClient (written per document) would return.
func newTestClient(t *testing.T, baseURL string, opts ...Option) *Client {
	t.Helper()
	c := &Client{baseURL: baseURL, doer: http.DefaultClient}
	for _, opt := range opts {
		if err := opt(c); err != nil {
			t.Fatal(err)
		}
	}
	return c
}

func TestDo(t *testing.T) {
	var got *http.Request
	var body string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		got = r
		b, _ := io.ReadAll(r.Body)
		body = string(b)
		w.Header().Set("X-Out", "1")
		w.WriteHeader(http.StatusCreated)
		io.WriteString(w, `{"ok":true}`)
	}))
	defer srv.Close()
	var order []string
	editor := func(name string) RequestEditorFn {
		return func(_ context.Context, req *http.Request) error {
			order = append(order, name+":"+req.Header.Get(APIKeyHeader))
			return nil
		}
	}
	c := newTestClient(t, srv.URL, WithAPIKey("k"), WithRequestEditor(editor("a")), WithRequestEditor(editor("b")))
	reader, err := jsonBody("op", map[string]int{"n": 1})
	if err != nil {
		t.Fatal(err)
	}
	resp, raw, err := c.do(context.Background(), "POST", "/pets/"+pathParam("a b", false), url.Values{"q": {"1", "2"}},
		http.Header{"X-In": {"v"}}, reader, "application/json", true)
	if err != nil {
		t.Fatal(err)
	}
	if resp.StatusCode != http.StatusCreated || string(raw) != `{"ok":true}` || resp.Header.Get("X-Out") != "1" {
		t.Errorf("response: %d %q %v", resp.StatusCode, raw, resp.Header)
	}
	if got.Method != "POST" || got.URL.RequestURI() != "/pets/a%20b?q=1&q=2" {
		t.Errorf("request: %s %s", got.Method, got.URL.RequestURI())
	}
	if got.Header.Get("X-In") != "v" || got.Header.Get("Content-Type") != "application/json" || got.Header.Get("X-Api-Key") != "k" || body != `{"n":1}` {
		t.Errorf("request headers %v, body %q", got.Header, body)
	}
	if strings.Join(order, " ") != "a:k b:k" {
		t.Errorf("editors ran as %v; they run in order, after the API key is set", order)
	}

	// Without apiKey, the key is not sent; without a body, no Content-Type.
	if _, _, err := c.do(context.Background(), "GET", "/", nil, nil, nil, "application/json", false); err != nil {
		t.Fatal(err)
	}
	if got.Header.Get("X-Api-Key") != "" || got.Header.Get("Content-Type") != "" || got.URL.RequestURI() != "/" {
		t.Errorf("request: %s %v", got.URL.RequestURI(), got.Header)
	}
}

func TestDoErrors(t *testing.T) {
	stop := errors.New("stop")
	c := newTestClient(t, "http://127.0.0.1:1", WithRequestEditor(func(context.Context, *http.Request) error { return stop }))
	if _, _, err := c.do(context.Background(), "GET", "/", nil, nil, nil, "", false); !errors.Is(err, stop) {
		t.Errorf("an editor's error: %v", err)
	}
	failing := doerFunc(func(*http.Request) (*http.Response, error) { return nil, stop })
	c = newTestClient(t, "http://example.com", WithHTTPClient(failing))
	if _, _, err := c.do(context.Background(), "GET", "/", nil, nil, nil, "", false); !errors.Is(err, stop) {
		t.Errorf("the doer's error: %v", err)
	}
	if _, _, err := c.do(context.Background(), "BAD METHOD", "/", nil, nil, nil, "", false); err == nil {
		t.Error("an invalid method is sent")
	}
	if err := WithHTTPClient(nil)(&Client{}); err == nil {
		t.Error("WithHTTPClient(nil) is accepted")
	}
}

type doerFunc func(*http.Request) (*http.Response, error)

func (f doerFunc) Do(r *http.Request) (*http.Response, error) { return f(r) }

func TestParams(t *testing.T) {
	for _, c := range []struct {
		v    any
		want string
	}{{"s", "s"}, {int32(-3), "-3"}, {int64(1) << 40, "1099511627776"}, {1.5, "1.5"}, {true, "true"}, {uint8(7), "7"}} {
		if got := paramString(c.v); got != c.want {
			t.Errorf("paramString(%#v) = %q, want %q", c.v, got, c.want)
		}
	}
	if got := pathParam("a/b c", true); got != "a/b%20c" {
		t.Errorf("greedy: %q", got)
	}
	if got := pathParam("a/b", false); got != "a%2Fb" {
		t.Errorf("not greedy: %q", got)
	}
	s, n := "x", int64(2)
	q := url.Values{}
	for _, v := range []any{&s, (*string)(nil), &n, []int32{1, 2}, []bool{true}, 2.5, (*bool)(nil)} {
		addParam(q.Add, "p", v)
	}
	if got := strings.Join(q["p"], ","); got != "x,2,1,2,true,2.5" {
		t.Errorf("addParam: %s", got)
	}
}

func TestReadHeaders(t *testing.T) {
	h := http.Header{}
	h.Set("S", "text")
	h.Set("I", "-4")
	h.Set("J", "7")
	h.Set("F", "0.5")
	h.Set("B", "true")
	var s string
	var i int64
	var j int32
	var f float64
	var b bool
	keep := "kept"
	if err := readHeaders("op", h, "S", &s, "I", &i, "J", &j, "F", &f, "B", &b, "Absent", &keep); err != nil {
		t.Fatal(err)
	}
	if s != "text" || i != -4 || j != 7 || f != 0.5 || !b || keep != "kept" {
		t.Errorf("read %q %d %d %g %v %q", s, i, j, f, b, keep)
	}
	h.Set("I", "four")
	err := readHeaders("getPet", h, "I", &i)
	if err == nil || !strings.HasPrefix(err.Error(), "getPet: header I: ") {
		t.Errorf("a bad integer header: %v", err)
	}
}

func TestBodies(t *testing.T) {
	var v struct{ N int }
	if err := decodeJSON([]byte(" \n"), &v); err != nil || v.N != 0 {
		t.Errorf("an empty body: %v %v", err, v)
	}
	resp := &http.Response{StatusCode: 200, Header: http.Header{"X-N": {"3"}}}
	var n int64
	if err := fill("op", resp, []byte(`{"N":2}`), &v, "X-N", &n); err != nil || v.N != 2 || n != 3 {
		t.Errorf("fill: %v %v %d", err, v, n)
	}
	if err := fill("op", resp, []byte(`{`), nil); err != nil {
		t.Errorf("no body to decode: %v", err)
	}
	err := fill("listPets", resp, []byte(`{`), &v)
	if err == nil || !strings.HasPrefix(err.Error(), "listPets: decoding the 200 body: ") {
		t.Errorf("a broken body: %v", err)
	}
	if _, err := jsonBody("createPet", make(chan int)); err == nil || !strings.HasPrefix(err.Error(), "createPet: encoding the request body: ") {
		t.Errorf("an unencodable body: %v", err)
	}
}

func TestErrorResponse(t *testing.T) {
	resp := &http.Response{StatusCode: 404, Header: http.Header{"X-A": {"1"}}}
	e := errorResponse("getPet", resp, []byte(" {\"message\":\"no \u00e9\"}\n"))
	if e.Operation != "getPet" || e.StatusCode != 404 || e.Header.Get("X-A") != "1" {
		t.Errorf("errorResponse: %+v", e)
	}
	if got, want := e.Error(), `getPet: 404 Not Found: "{\"message\":\"no \u00e9\"}"`; got != want {
		t.Errorf("Error() = %s, want %s", got, want)
	}
	long := statusError("op", 500, []byte(strings.Repeat("x", 300)))
	if want := "op: 500 Internal Server Error: \"" + strings.Repeat("x", 200) + "\""; long != want {
		t.Errorf("a long body is cut at 200 bytes: %s", long)
	}
	if got := statusError("op", 599, nil); got != "op: 599 " {
		t.Errorf("no body: %q", got)
	}
	var target *ErrorResponse
	if !errors.As(fmt.Errorf("wrapped: %w", &e), &target) {
		t.Error("errors.As does not find the ErrorResponse")
	}
}

// A request editor adds what a method's authorization needs; here a token.
func ExampleWithRequestEditor() {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, r.Header.Get("Authorization"))
	}))
	defer srv.Close()
	c := &Client{baseURL: srv.URL, doer: http.DefaultClient}
	token := WithRequestEditor(func(_ context.Context, req *http.Request) error {
		req.Header.Set("Authorization", "Bearer t0k3n")
		return nil
	})
	if err := token(c); err != nil {
		panic(err)
	}
	_, raw, err := c.do(context.Background(), "GET", "/", nil, nil, nil, "", false)
	fmt.Println(string(raw), err)
	// Output:
	// Bearer t0k3n <nil>
}

// TestOneNameForTheRawBody keeps what a response and a typed error received
// under the same names: StatusCode, Header and RawBody, the body as bytes
// (Body is the decoded body of a status, in its own type).
func TestOneNameForTheRawBody(t *testing.T) {
	resp, errResp := reflect.TypeOf(RawResponse{}), reflect.TypeOf(ErrorResponse{})
	for _, name := range []string{"StatusCode", "Header", "RawBody"} {
		r, ok1 := resp.FieldByName(name)
		e, ok2 := errResp.FieldByName(name)
		if !ok1 || !ok2 || r.Type != e.Type {
			t.Errorf("RawResponse and ErrorResponse do not both have %s of one type", name)
		}
	}
	for _, typ := range []reflect.Type{resp, errResp} {
		if _, ok := typ.FieldByName("Body"); ok {
			t.Errorf("%s has a field Body: the bytes as received are RawBody, Body is the decoded body", typ.Name())
		}
	}
}
