package leftout_test

import (
	"context"
	"errors"
	"net/http/httptest"
	"reflect"
	"testing"

	"github.com/apigw/apigw/extensions/simulate"
	"github.com/apigw/apigw/golden/refuse/leftout"
	"github.com/apigw/apigw/internal/golden"
	"github.com/apigw/apigw/openapi"
)

// TestLeftOut checks that the client has a method for each operation but
// createNote, whose integration the document breaks.
func TestLeftOut(t *testing.T) {
	c := reflect.TypeOf(&leftout.Client{})
	for _, name := range []string{"ListNotes", "GetNote"} {
		if _, ok := c.MethodByName(name); !ok {
			t.Errorf("the client has no %s", name)
		}
	}
	if _, ok := c.MethodByName("CreateNote"); ok {
		t.Error("the client has CreateNote, which the document breaks")
	}
}

// TestClientAgainstServe calls the operations that are left against apigw
// serve's handler for the same document: getNote's MOCK integration answers
// its template; listNotes (a Lambda proxy) answers 501.
func TestClientAgainstServe(t *testing.T) {
	docs, _, err := openapi.LoadFile(golden.Fixture(t, "refuse/leftout.yaml"), openapi.LoadOptions{})
	if err != nil || len(docs) != 1 {
		t.Fatalf("load: %v", err)
	}
	dump, _ := openapi.Import(docs[0], openapi.ImportOptions{})
	srv := httptest.NewServer(simulate.Handler(dump, simulate.HandlerOptions{LeftOut: []string{"POST /notes"}}))
	defer srv.Close()
	c, err := leftout.NewClient(srv.URL)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	resp, err := c.GetNote(ctx, leftout.GetNoteParams{ID: "1"})
	if err != nil || resp.OK == nil || resp.OK.Body != (leftout.Note{ID: "1", Text: "hello"}) {
		t.Fatalf("GetNote: %+v, %v", resp, err)
	}
	_, err = c.ListNotes(ctx)
	var gw *leftout.GatewayError
	if !errors.As(err, &gw) || gw.StatusCode != 501 {
		t.Fatalf("ListNotes (Lambda, not served): %v, want a 501 gateway error", err)
	}
}
