package constructs_test

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/apigw/apigw/golden/refuse/constructs"
)

// TestClient calls the messages API, whose integration URIs are the
// construct's placeholders, through the generated client.
func TestClient(t *testing.T) {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /prod/messages", func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Query().Get("limit") != "2" {
			t.Errorf("query %v", r.URL.Query())
		}
		io.WriteString(w, `[{"id":"m1","text":"hi"}]`)
	})
	mux.HandleFunc("POST /prod/messages", func(w http.ResponseWriter, r *http.Request) {
		var m constructs.NewMessage
		if err := json.NewDecoder(r.Body).Decode(&m); err != nil || m.Text == "" {
			w.WriteHeader(http.StatusBadRequest)
			return
		}
		w.WriteHeader(http.StatusCreated)
		json.NewEncoder(w).Encode(constructs.Message{ID: "m2", Text: m.Text})
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()
	c, err := constructs.NewClient(srv.URL + "/prod")
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	limit := int64(2)
	list, err := c.ListMessages(ctx, constructs.ListMessagesParams{Limit: &limit})
	if err != nil || list.OK == nil || len(list.OK.Body) != 1 || list.OK.Body[0].ID != "m1" {
		t.Fatalf("ListMessages: %+v, %v", list, err)
	}
	created, err := c.PostMessage(ctx, constructs.NewMessage{Text: "hello"})
	if err != nil || created.Created == nil || created.Created.Body.Text != "hello" {
		t.Fatalf("PostMessage: %+v, %v", created, err)
	}
	_, err = c.PostMessage(ctx, constructs.NewMessage{})
	var bad *constructs.PostMessageBadRequestError
	if !errors.As(err, &bad) {
		t.Fatalf("PostMessage without text: %v, want the 400 error", err)
	}
}
