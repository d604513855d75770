package hostile_test

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"reflect"
	"testing"

	"github.com/apigw/apigw/golden/client/hostile"
)

// roundTrip decodes in into v, encodes v and checks that every property
// comes back under its exact name with its value.
func roundTrip(t *testing.T, in string, v any) {
	t.Helper()
	if err := json.Unmarshal([]byte(in), v); err != nil {
		t.Fatal(err)
	}
	out, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	var want, got map[string]any
	json.Unmarshal([]byte(in), &want)
	json.Unmarshal(out, &got)
	if !reflect.DeepEqual(want, got) {
		t.Errorf("round trip:\n in  %s\n out %s", in, out)
	}
}

func TestHostilePropertiesRoundTrip(t *testing.T) {
	roundTrip(t, `{"type":"t","func":"f","map":"m","nil":1,"with space":"w","café":"c1","Café":"c2","日本":"j",
		"a-b":"ab1","a_b":"ab2","x\u202ey":"bidi","":"empty","*/":"close","$ref":"r","kind":"日本","Client":"cl"}`, &hostile.Type{})
	roundTrip(t, "{\"a`b\":\"tick\",\"a\\\"b\":\"quote\",\"a\\\\b\":3,\"a,b\":true,\"-\":\"dash\",\"it's\":\"apos\","+
		"\"emoji 🐹\":\"hamster\",\"plain\":\"renamed\",\"nested\":{\"q\\\"uote\":\"deep\"}}", &hostile.Quotes{})
}

func TestHostileFieldsAreDistinct(t *testing.T) {
	var v hostile.Type
	json.Unmarshal([]byte(`{"café":"lower","Café":"upper","a-b":"dash","a_b":"underscore"}`), &v)
	if *v.Cafe != "lower" || *v.Cafe2 != "upper" || *v.AB != "dash" || *v.AB2 != "underscore" {
		t.Errorf("%+v", v)
	}
	var q hostile.Quotes
	json.Unmarshal([]byte("{\"a`b\":\"tick\",\"plain\":\"p\"}"), &q)
	if q.AB != "tick" || *q.Renamed != "p" {
		t.Errorf("%+v", q)
	}
}

func TestEnumValues(t *testing.T) {
	got := []hostile.Enum{hostile.EnumA, hostile.EnumA2, hostile.EnumEmpty, hostile.EnumU65E5U672C, hostile.EnumFunc, hostile.EnumX2A2F, hostile.EnumAB}
	want := []hostile.Enum{"a", "A", "", "日本", "func", "*/", "a b"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("%q", got)
	}
}

func TestHostileCalls(t *testing.T) {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /base/things", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("func", "f")
		io.WriteString(w, `{"type":"t","日本":"j"}`)
	})
	mux.HandleFunc("GET /base/a/{func}/{type}", func(w http.ResponseWriter, r *http.Request) {
		io.WriteString(w, r.PathValue("func")+"|"+r.PathValue("type"))
	})
	mux.HandleFunc("POST /base/things", func(w http.ResponseWriter, r *http.Request) {
		io.WriteString(w, r.URL.Query().Get("日本"))
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()
	c, err := hostile.NewClient(srv.URL + "/base")
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	things, err := c.GetThings(ctx)
	if err != nil || *things.OK.Body.Type != "t" || *things.OK.Body.U65E5U672C != "j" || things.OK.Func != "f" {
		t.Fatalf("%+v %v", things, err)
	}
	a, err := c.Func2(ctx, hostile.Func2Params{Func: "x/y", Type: "z"})
	if err != nil || string(a.RawBody) != "x/y|z" {
		t.Fatalf("%s %v", a.RawBody, err)
	}
	p, err := c.GetThings2(ctx, hostile.GetThings2Params{U65E5U672C: 5}, nil)
	if err != nil || string(p.RawBody) != "5" {
		t.Fatalf("%s %v", p.RawBody, err)
	}
	if _, err := c.RemoveIt(ctx, hostile.RemoveItParams{}); err == nil {
		t.Error("the test server has no DELETE route; want a GatewayError")
	}
}

// TestOpenObject keeps any unnamed property as raw JSON, also one spelled
// like the map field, and writes named properties before the others.
func TestOpenObject(t *testing.T) {
	in := `{"z":{"deep":[1,2]},"AdditionalProperties":"named","a\"b":"q","b":null}`
	var v hostile.Open
	roundTrip(t, in, &v)
	if v.AdditionalProperties2 == nil || *v.AdditionalProperties2 != "named" || v.AB == nil || *v.AB != "q" {
		t.Fatalf("named = %v %v", v.AdditionalProperties2, v.AB)
	}
	if got := string(v.AdditionalProperties["z"]); got != `{"deep":[1,2]}` || len(v.AdditionalProperties) != 2 {
		t.Fatalf("additional = %v", v.AdditionalProperties)
	}
	b, _ := json.Marshal(v)
	if want := `{"a\"b":"q","AdditionalProperties":"named","b":null,"z":{"deep":[1,2]}}`; string(b) != want {
		t.Fatalf("marshal = %s, want %s", b, want)
	}
	// A map key that a named property owns is not written twice.
	v.AdditionalProperties["a\"b"] = json.RawMessage(`"shadow"`)
	if b, _ := json.Marshal(v); string(b) != `{"a\"b":"q","AdditionalProperties":"named","b":null,"z":{"deep":[1,2]}}` {
		t.Fatalf("marshal with a shadowed key = %s", b)
	}
}
