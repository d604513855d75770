package petstore_test

import (
	"context"
	"errors"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/apigw/apigw/extensions/simulate"
	"github.com/apigw/apigw/golden/client/petstore"
	"github.com/apigw/apigw/internal/golden"
	"github.com/apigw/apigw/openapi"
)

// TestClientAgainstServe runs the generated client against apigw serve's
// handler for the same document: the MOCK integration answers as API Gateway
// would, and the other integrations answer 501, which the client reports as
// a gateway error.
func TestClientAgainstServe(t *testing.T) {
	docs, _, err := openapi.LoadFile(golden.Fixture(t, "client/petstore.yaml"), openapi.LoadOptions{})
	if err != nil || len(docs) != 1 {
		t.Fatalf("load: %v", err)
	}
	dump, _ := openapi.Import(docs[0], openapi.ImportOptions{})
	srv := httptest.NewServer(simulate.Handler(dump, simulate.HandlerOptions{}))
	defer srv.Close()
	c, err := petstore.NewClient(srv.URL, petstore.WithAPIKey("k"))
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()

	resp, err := c.DeletePet(ctx, petstore.DeletePetParams{PetID: "p1"})
	if err != nil {
		t.Fatalf("DeletePet (MOCK): %v", err)
	}
	if resp.StatusCode != 204 {
		t.Fatalf("DeletePet status %d, want the 204 its request template selects", resp.StatusCode)
	}

	_, err = c.GetPet(ctx, petstore.GetPetParams{PetID: "p1"})
	var gw *petstore.GatewayError
	if !errors.As(err, &gw) || gw.StatusCode != 501 || !strings.Contains(string(gw.RawBody), "GET /pets/{petId}") {
		t.Fatalf("GetPet (Lambda, not served): %v, want a 501 gateway error naming the operation", err)
	}
}
