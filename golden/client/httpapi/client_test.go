package httpapi_test

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/apigw/apigw/golden/client/httpapi"
)

func newClient(t *testing.T) *httpapi.Client {
	return newClientAt(t, "")
}

// newClientAt returns a client for the test server with path appended to its URL.
func newClientAt(t *testing.T, path string) *httpapi.Client {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /notes", func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Query().Get("archived") != "true" || len(r.URL.Query()["tag"]) != 2 {
			t.Errorf("query %v", r.URL.Query())
		}
		io.WriteString(w, `{"notes":[{"text":"hi","priority":"high","meta":"from mail","children":[{"text":"child","meta":{"source":"web"}}]}]}`)
	})
	mux.HandleFunc("PUT /notes/{id}", func(w http.ResponseWriter, r *http.Request) {
		if r.PathValue("id") != "7" {
			w.WriteHeader(http.StatusNotFound)
			io.WriteString(w, `{"error":"no note `+r.PathValue("id")+`"}`)
			return
		}
		io.Copy(w, r.Body)
	})
	mux.HandleFunc("POST /upload", func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		if r.Header.Get("Content-Type") != "image/png" || string(b) != "PNG" {
			t.Errorf("upload %q %q", r.Header.Get("Content-Type"), b)
		}
		w.WriteHeader(http.StatusNoContent)
	})
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusNotFound)
		io.WriteString(w, `{"message":"Not Found"}`)
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	c, err := httpapi.NewClient(srv.URL + path)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestListNotes(t *testing.T) {
	archived := true
	resp, err := newClient(t).ListNotes(context.Background(), httpapi.ListNotesParams{Tag: []string{"a", "b"}, Archived: &archived})
	if err != nil {
		t.Fatal(err)
	}
	notes := resp.OK.Body.Notes
	if len(notes) != 1 || *notes[0].Priority != httpapi.NotePriorityHigh {
		t.Fatalf("notes = %+v", notes)
	}
	if s, err := notes[0].Meta.AsString(); err != nil || s != "from mail" {
		t.Errorf("meta as string = %q, %v", s, err)
	}
	obj, err := notes[0].Children[0].Meta.AsObject()
	if err != nil || *obj.Source != "web" {
		t.Errorf("child meta = %+v, %v", obj, err)
	}
}

func TestPutNote(t *testing.T) {
	c := newClient(t)
	resp, err := c.PutNotesID(context.Background(), httpapi.PutNotesIDParams{ID: 7}, &httpapi.Note{Text: "x"})
	if err != nil || resp.OK.Body.Text != "x" {
		t.Fatalf("%+v %v", resp, err)
	}
	_, err = c.PutNotesID(context.Background(), httpapi.PutNotesIDParams{ID: 8}, nil)
	var nf *httpapi.PutNotesIDNotFoundError
	if !errors.As(err, &nf) || *nf.Body.Error != "no note 8" {
		t.Errorf("err = %v (%T)", err, err)
	}
}

func TestUpload(t *testing.T) {
	resp, err := newClient(t).Upload(context.Background(), strings.NewReader("PNG"))
	if err != nil || resp.StatusCode != 204 {
		t.Fatalf("%v %v", resp, err)
	}
}

func TestGatewayError(t *testing.T) {
	// No such route: HTTP APIs answer {"message":"Not Found"} themselves.
	_, err := newClientAt(t, "/nowhere").Upload(context.Background(), strings.NewReader("PNG"))
	var gw *httpapi.GatewayError
	if !errors.As(err, &gw) || gw.Message != "Not Found" || gw.Operation != "upload" || gw.StatusCode != 404 {
		t.Errorf("err = %v (%T)", err, err)
	}
}
