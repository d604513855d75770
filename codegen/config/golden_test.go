package config

import (
	"os"
	"testing"

	"github.com/apigw/apigw/extensions/apimodel"
	"github.com/apigw/apigw/internal/golden"
)

// cases are the fixtures under fixtures/apimodel/ that every target renders.
var cases = []string{"rest", "http", "websocket"}

func loadCase(t testing.TB, name string) *apimodel.Dump {
	t.Helper()
	data, err := os.ReadFile(golden.Fixture(t, "apimodel/"+name+".json"))
	if err != nil {
		t.Fatal(err)
	}
	d, diags := apimodel.Load(name+".json", data)
	if d == nil || len(diags) > 0 {
		t.Fatalf("fixture %s: %v", name, diags)
	}
	return d
}

// TestGolden renders each fixture for each target, compares with
// golden/config/<case>/<file>, and checks that a second run gives the same bytes.
func TestGolden(t *testing.T) {
	for _, c := range cases {
		for _, target := range Targets {
			t.Run(c+"/"+target, func(t *testing.T) {
				files, _, err := Emit(target, loadCase(t, c), Options{})
				if err != nil {
					t.Fatal(err)
				}
				again, _, _ := Emit(target, loadCase(t, c), Options{})
				for i, f := range files {
					golden.Assert(t, "config/"+c+"/"+f.Name, f.Data)
					if string(again[i].Data) != string(f.Data) {
						t.Errorf("%s differs between two runs", f.Name)
					}
				}
			})
		}
	}
}
