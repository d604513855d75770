package apimodel_test

import (
	"errors"
	"fmt"

	"github.com/apigw/apigw/extensions/apimodel"
	"github.com/apigw/apigw/extensions/source"
)

// Read takes the limits every document is read under; a refusal is an
// error of its own, apart from the diagnostics.
func ExampleRead() {
	data := []byte("restApi: {name: pets}\n---\nrestApi: {name: orders}\n")
	_, _, err := apimodel.Read("dump.yaml", data, source.Limits{})
	var le *source.LimitError
	if errors.As(err, &le) {
		fmt.Println(le.Limit, le.Code, le.Line)
	}
	dump, diags, err := apimodel.Read("dump.json", []byte(`{"restApi": {"name": "pets"}}`), source.Limits{MaxBytes: 1 << 20})
	fmt.Println(dump.REST.RestAPI.Name, len(diags), err)
	// Output:
	// documents APIGW014 2
	// pets 0 <nil>
}
