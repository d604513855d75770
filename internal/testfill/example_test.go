package testfill_test

import (
	"fmt"
	"reflect"

	"github.com/apigw/apigw/internal/testfill"
)

func ExampleFill() {
	var v struct {
		Name  string
		Tags  []string
		Sizes map[string]int
		Skip  []byte
	}
	testfill.Fill(reflect.ValueOf(&v).Elem(), "v", func(t reflect.Type) bool { return t == reflect.TypeFor[[]byte]() })
	fmt.Printf("%q %q %v %v\n", v.Name, v.Tags, v.Sizes, v.Skip == nil)
	// Output: "Name" ["Tags"] map[Sizes:1] true
}
