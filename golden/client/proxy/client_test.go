package proxy_test

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/apigw/apigw/golden/client/proxy"
)

func newClient(t *testing.T) *proxy.Client {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /v2/orders", func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Query().Get("customer") != "c1" {
			w.WriteHeader(http.StatusUnauthorized)
			io.WriteString(w, `{"message":"who are you"}`)
			return
		}
		io.WriteString(w, `[{"id":"o1","lines":[{"sku":"s","quantity":3,"price":1.5}],"note":null}]`)
	})
	mux.HandleFunc("POST /v2/orders", func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("x-api-key") != "k" || r.Header.Get("Idempotency-Key") != "i1" || r.Header.Get("Content-Type") != "application/json" {
			t.Errorf("headers %v", r.Header)
		}
		var o proxy.Order
		json.NewDecoder(r.Body).Decode(&o)
		if len(o.Lines) == 0 {
			w.WriteHeader(http.StatusUnprocessableEntity)
			io.WriteString(w, `{"message":"no lines"}`)
			return
		}
		w.Header().Set("Location", "/v2/orders/"+o.ID)
		w.Header().Set("Retry-After", "5")
		w.WriteHeader(http.StatusAccepted)
		json.NewEncoder(w).Encode(o)
	})
	mux.HandleFunc("/v2/files/", func(w http.ResponseWriter, r *http.Request) {
		io.WriteString(w, r.Method+" "+r.URL.EscapedPath())
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	c, err := proxy.NewClient(srv.URL+"/v2", proxy.WithAPIKey("k"))
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestListOrders(t *testing.T) {
	c := newClient(t)
	resp, err := c.ListOrders(context.Background(), proxy.ListOrdersParams{Customer: "c1"})
	if err != nil {
		t.Fatal(err)
	}
	if len(resp.OK.Body) != 1 || resp.OK.Body[0].Lines[0].Quantity != 3 || *resp.OK.Body[0].Lines[0].Price != 1.5 {
		t.Errorf("body = %+v", resp.OK.Body)
	}
	_, err = c.ListOrders(context.Background(), proxy.ListOrdersParams{Customer: "nobody"})
	var unauth *proxy.ListOrdersUnauthorizedError
	if !errors.As(err, &unauth) || *unauth.Body.Message != "who are you" {
		t.Errorf("err = %v (%T), want the declared 401", err, err)
	}
}

func TestPlaceOrder(t *testing.T) {
	c := newClient(t)
	key := "i1"
	order := proxy.Order{ID: "o2", Lines: []proxy.OrderLinesItem{{Sku: "a", Quantity: 1}}}
	resp, err := c.PlaceOrder(context.Background(), proxy.PlaceOrderParams{IdempotencyKey: &key}, order)
	if err != nil {
		t.Fatal(err)
	}
	if resp.Accepted.Location != "/v2/orders/o2" || resp.Accepted.RetryAfter != 5 || resp.Accepted.Body.ID != "o2" {
		t.Errorf("accepted = %+v", resp.Accepted)
	}
	_, err = c.PlaceOrder(context.Background(), proxy.PlaceOrderParams{IdempotencyKey: &key}, proxy.Order{ID: "o3"})
	var unproc *proxy.PlaceOrderUnprocessableEntityError
	if !errors.As(err, &unproc) || !strings.Contains(err.Error(), "422") {
		t.Errorf("err = %v (%T)", err, err)
	}
}

func TestAnyMethodGreedyPath(t *testing.T) {
	resp, err := newClient(t).AnyFilesProxy(context.Background(), http.MethodPatch, proxy.AnyFilesProxyParams{Proxy: "a b/c.txt"})
	if err != nil {
		t.Fatal(err)
	}
	if got := string(resp.RawBody); got != "PATCH /v2/files/a%20b/c.txt" {
		t.Errorf("the backend saw %q", got)
	}
}

func TestDefaultBaseURL(t *testing.T) {
	if proxy.DefaultBaseURL != "https://orders.example.com/v2" {
		t.Errorf("DefaultBaseURL = %q", proxy.DefaultBaseURL)
	}
}
