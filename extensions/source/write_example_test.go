package source_test

import (
	"bytes"
	"fmt"

	"github.com/apigw/apigw/extensions/source"
)

func ExampleWriteJSONString() {
	var b bytes.Buffer
	source.WriteJSONString(&b, "<b>\"Zoë\"</b>\n")
	fmt.Println(b.String())
	// Output: "<b>\"Zoë\"</b>\n"
}

func ExampleIndentJSON() {
	out := source.IndentJSON(nil, []byte(`{"paths":{"/pets":["get",{}]},"tags":[]}`+"\n"), "", "  ")
	fmt.Print(string(out))
	// Output:
	// {
	//   "paths": {
	//     "/pets": [
	//       "get",
	//       {}
	//     ]
	//   },
	//   "tags": []
	// }
}

func ExampleJSONStringLen() {
	fmt.Println(source.JSONStringLen("Zoë says \"hi\"\n"))
	// Output: 20
}
