package petstore_test

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/apigw/apigw/golden/client/petstore"
)

// server plays the deployed API: what API Gateway sends back after the
// integration responses of petstore.yaml have run.
func server(t *testing.T) *httptest.Server {
	mux := http.NewServeMux()
	problem := func(w http.ResponseWriter, status int, code string) {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(status)
		json.NewEncoder(w).Encode(map[string]string{"code": code, "detail": "from the test"})
	}
	mux.HandleFunc("GET /pets", func(w http.ResponseWriter, r *http.Request) {
		if got := r.URL.Query()["status"]; len(got) != 2 || got[0] != "sold" || got[1] != "new" {
			t.Errorf("status query = %v", got)
		}
		if r.URL.Query().Get("limit") != "2" || r.Header.Get("X-Trace-Id") != "trace-1" {
			t.Errorf("limit %q, trace %q", r.URL.Query().Get("limit"), r.Header.Get("X-Trace-Id"))
		}
		w.Header().Set("X-Total-Count", "42")
		io.WriteString(w, `{"items":[{"id":"p1","name":"Rex","kind":"dog","owner":{"name":"Ann"}}],"next":null}`)
	})
	mux.HandleFunc("POST /pets", func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("x-api-key") != "key-1" {
			problem(w, http.StatusForbidden, "no key")
			return
		}
		var p map[string]any
		json.NewDecoder(r.Body).Decode(&p)
		switch p["name"] {
		case "dup":
			w.Header().Set("X-Existing-Id", "p0")
			problem(w, http.StatusConflict, "conflict")
		case "":
			problem(w, http.StatusBadRequest, "bad_request")
		default:
			w.Header().Set("Location", "/pets/p9")
			w.WriteHeader(http.StatusCreated)
			io.WriteString(w, `{"id":"p9","name":"`+p["name"].(string)+`","kind":"cat"}`)
		}
	})
	mux.HandleFunc("GET /pets/{id}", func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("Authorization") != "signed" {
			t.Errorf("the request editor did not run")
		}
		switch r.PathValue("id") {
		case "p1":
			w.Header().Set("X-Request-Id", "req-7")
			io.WriteString(w, `{"id":"p1","name":"Rex","kind":"dog","parent":{"id":"p0","name":"Old Rex","kind":"dog"}}`)
		case "missing":
			problem(w, http.StatusNotFound, "not_found")
		case "boom":
			problem(w, http.StatusInternalServerError, "internal")
		case "throttled":
			w.Header().Set("Retry-After", "10")
			w.WriteHeader(http.StatusTooManyRequests)
			io.WriteString(w, `{"message":"Too Many Requests"}`)
		default:
			w.Header().Set("Access-Control-Allow-Origin", "*")
			w.WriteHeader(http.StatusForbidden)
			io.WriteString(w, `{"message":"Missing Authentication Token"}`)
		}
	})
	mux.HandleFunc("DELETE /pets/{id}", func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusNoContent)
	})
	return httptest.NewServer(mux)
}

func newClient(t *testing.T) *petstore.Client {
	srv := server(t)
	t.Cleanup(srv.Close)
	c, err := petstore.NewClient(srv.URL+"/", petstore.WithHTTPClient(srv.Client()), petstore.WithAPIKey("key-1"),
		petstore.WithRequestEditor(func(_ context.Context, r *http.Request) error {
			r.Header.Set("Authorization", "signed")
			return nil
		}))
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestListPets(t *testing.T) {
	c := newClient(t)
	limit := int32(2)
	resp, err := c.ListPets(context.Background(), petstore.ListPetsParams{Limit: &limit, Status: []string{"sold", "new"}, XTraceID: "trace-1"})
	if err != nil {
		t.Fatal(err)
	}
	if resp.StatusCode != 200 || resp.OK == nil {
		t.Fatalf("status %d, OK %v", resp.StatusCode, resp.OK)
	}
	if resp.OK.XTotalCount != 42 {
		t.Errorf("X-Total-Count = %d, want 42 (typed header)", resp.OK.XTotalCount)
	}
	page := resp.OK.Body
	if len(page.Items) != 1 || page.Items[0].Kind != petstore.KindDog || page.Next != nil {
		t.Fatalf("page = %+v", page)
	}
	owner, err := page.Items[0].Owner.AsPerson()
	if err != nil || owner.Name == nil || *owner.Name != "Ann" {
		t.Errorf("owner = %+v, %v", owner, err)
	}
}

func TestCreatePet(t *testing.T) {
	c := newClient(t)
	resp, err := c.CreatePet(context.Background(), petstore.NewPet{Name: "Tom", Kind: petstore.KindCat})
	if err != nil {
		t.Fatal(err)
	}
	if resp.Created == nil || resp.Created.Location != "/pets/p9" || resp.Created.Body.ID != "p9" || resp.Created.Body.Name != "Tom" {
		t.Fatalf("created = %+v", resp.Created)
	}

	_, err = c.CreatePet(context.Background(), petstore.NewPet{Name: "dup", Kind: petstore.KindCat})
	var conflict *petstore.CreatePetConflictError
	if !errors.As(err, &conflict) {
		t.Fatalf("err = %v (%T), want *CreatePetConflictError", err, err)
	}
	if conflict.XExistingID != "p0" || conflict.Body.Code != "conflict" || conflict.StatusCode != 409 {
		t.Errorf("conflict = %+v", conflict)
	}

	_, err = c.CreatePet(context.Background(), petstore.NewPet{Kind: petstore.KindCat})
	var bad *petstore.CreatePetBadRequestError
	if !errors.As(err, &bad) || bad.Body.Code != "bad_request" {
		t.Errorf("err = %v (%T), want *CreatePetBadRequestError", err, err)
	}
}

func TestGetPet(t *testing.T) {
	c := newClient(t)
	ctx := context.Background()
	resp, err := c.GetPet(ctx, petstore.GetPetParams{PetID: "p1"})
	if err != nil {
		t.Fatal(err)
	}
	if resp.OK.XRequestID != "req-7" || resp.OK.Body.Parent == nil || resp.OK.Body.Parent.Name != "Old Rex" {
		t.Errorf("OK = %+v", resp.OK)
	}

	_, err = c.GetPet(ctx, petstore.GetPetParams{PetID: "missing"})
	var nf *petstore.GetPetNotFoundError
	if !errors.As(err, &nf) || nf.Body.Code != "not_found" {
		t.Errorf("err = %v (%T), want *GetPetNotFoundError", err, err)
	}

	_, err = c.GetPet(ctx, petstore.GetPetParams{PetID: "boom"})
	var ise *petstore.GetPetInternalServerError
	if !errors.As(err, &ise) || ise.Body.Code != "internal" {
		t.Errorf("err = %v (%T), want *GetPetInternalServerError", err, err)
	}

	_, err = c.GetPet(ctx, petstore.GetPetParams{PetID: "throttled"})
	var gw *petstore.GatewayError
	if !errors.As(err, &gw) || gw.StatusCode != 429 || gw.RetryAfter != "10" || gw.Message != "Too Many Requests" {
		t.Errorf("err = %v (%T) %+v, want a THROTTLED *GatewayError", err, err, gw)
	}

	_, err = c.GetPet(ctx, petstore.GetPetParams{PetID: "other"})
	if !errors.As(err, &gw) || gw.StatusCode != 403 || gw.AccessControlAllowOrigin != "*" || gw.Message != "Missing Authentication Token" {
		t.Errorf("err = %v (%T) %+v, want a DEFAULT_4XX *GatewayError", err, err, gw)
	}
	if want := "getPet: 403 Forbidden: Missing Authentication Token"; err.Error() != want {
		t.Errorf("Error() = %q, want %q", err.Error(), want)
	}
}

func TestDeletePet(t *testing.T) {
	resp, err := newClient(t).DeletePet(context.Background(), petstore.DeletePetParams{PetID: "p1"})
	if err != nil || resp.StatusCode != 204 {
		t.Fatalf("%v %v", resp, err)
	}
}

func TestNewClient(t *testing.T) {
	c, err := petstore.NewClient("")
	if err != nil || c == nil {
		t.Fatalf("the default base URL %q is not used: %v", petstore.DefaultBaseURL, err)
	}
	if petstore.DefaultBaseURL != "https://abc123.execute-api.eu-west-1.amazonaws.com/prod" {
		t.Errorf("DefaultBaseURL = %q", petstore.DefaultBaseURL)
	}
	if _, err := petstore.NewClient("not a url"); err == nil {
		t.Error("a relative base URL is accepted")
	}
}

func TestUnionRoundTrip(t *testing.T) {
	var o petstore.Owner
	if err := o.FromShelter(petstore.Shelter{ShelterID: ptr(int64(7))}); err != nil {
		t.Fatal(err)
	}
	b, err := json.Marshal(petstore.NewPet{Name: "x", Kind: petstore.KindBird, Owner: &o})
	if err != nil || string(b) != `{"name":"x","kind":"bird","owner":{"shelterId":7}}` {
		t.Fatalf("%s %v", b, err)
	}
}

func ptr[T any](v T) *T { return &v }

// TestNumericEnums round-trips integer and number enum constants, negative
// and fractional ones included.
func TestNumericEnums(t *testing.T) {
	in := petstore.NewPet{Name: "Rex", Kind: petstore.KindDog}
	p, w := petstore.PriorityN1, petstore.PetWeightN1P25
	in.Priority, in.Weight = &p, &w
	b, err := json.Marshal(in)
	if err != nil {
		t.Fatal(err)
	}
	if want := `{"name":"Rex","kind":"dog","priority":-1,"weight":-1.25}`; string(b) != want {
		t.Fatalf("marshal = %s, want %s", b, want)
	}
	var out petstore.NewPet
	if err := json.Unmarshal([]byte(`{"name":"Rex","kind":"dog","priority":10,"weight":1e21}`), &out); err != nil {
		t.Fatal(err)
	}
	if *out.Priority != petstore.Priority10 || *out.Weight != petstore.PetWeight1E21 {
		t.Fatalf("unmarshal = %v, %v", *out.Priority, *out.Weight)
	}
	if petstore.Priority2 != 2 || petstore.PetWeight0P5 != 0.5 || petstore.Priority0 != 0 {
		t.Fatal("constant values differ from the enum")
	}
}

// TestAdditionalProperties round-trips a schema with named properties and
// typed additional ones: unknown keys land in the map and are written back
// after the named ones, sorted.
func TestAdditionalProperties(t *testing.T) {
	var m petstore.Metadata
	in := `{"visits":3,"source":"shelter","bites":0,"version":2}`
	if err := json.Unmarshal([]byte(in), &m); err != nil {
		t.Fatal(err)
	}
	if m.Source != "shelter" || m.Version == nil || *m.Version != 2 {
		t.Fatalf("named = %q %v", m.Source, m.Version)
	}
	if len(m.AdditionalProperties) != 2 || m.AdditionalProperties["visits"] != 3 || m.AdditionalProperties["bites"] != 0 {
		t.Fatalf("additional = %v", m.AdditionalProperties)
	}
	b, err := json.Marshal(m)
	if err != nil {
		t.Fatal(err)
	}
	if want := `{"source":"shelter","version":2,"bites":0,"visits":3}`; string(b) != want {
		t.Fatalf("marshal = %s, want %s", b, want)
	}
	if err := json.Unmarshal([]byte(`{"source":"x","visits":"many"}`), &m); err == nil {
		t.Error("a string additional property decoded into an integer map")
	}
	out, err := json.Marshal(petstore.Metadata{Source: "s"})
	if err != nil || string(out) != `{"source":"s"}` {
		t.Fatalf("marshal without extras = %s %v", out, err)
	}
}
