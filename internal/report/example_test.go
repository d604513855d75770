package report_test

import (
	"fmt"

	"github.com/apigw/apigw/extensions"
	"github.com/apigw/apigw/internal/report"
)

var diags = []extensions.Diagnostic{
	{Severity: extensions.Warning, Code: "APIGW102", File: "api.yaml", Line: 9, Column: 5, Pointer: "/x-amazon-apigateway-request-validators/all/validateBody",
		Message: `unknown key "validateBody"; did you mean "validateRequestBody"?`},
	{Severity: extensions.Error, Code: "APIGW100", File: "api.yaml", Line: 3, Column: 7, Pointer: "/x-amazon-apigateway-api-key-source",
		Message: "x-amazon-apigateway-api-key-source must be a string; write HEADER or AUTHORIZER"},
}

func ExampleText() {
	fmt.Print(string(report.Text(diags)))
	// Output:
	// api.yaml:3:7: error: x-amazon-apigateway-api-key-source must be a string; write HEADER or AUTHORIZER [APIGW100]
	// api.yaml:9:5: warning: unknown key "validateBody"; did you mean "validateRequestBody"? [APIGW102]
	// 1 error, 1 warning, 0 infos in 1 file
}

func ExampleJSON() {
	out, _ := report.JSON(diags[:1])
	fmt.Print(string(out))
	// Output:
	// [
	//   {
	//     "file": "api.yaml",
	//     "line": 9,
	//     "column": 5,
	//     "pointer": "/x-amazon-apigateway-request-validators/all/validateBody",
	//     "severity": "warning",
	//     "code": "APIGW102",
	//     "message": "unknown key \"validateBody\"; did you mean \"validateRequestBody\"?"
	//   }
	// ]
}

func ExampleSARIF() {
	out, _ := report.SARIF(diags[1:], report.Options{ToolVersion: "0.1.0"})
	fmt.Print(string(out))
	// Output:
	// {
	//   "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
	//   "version": "2.1.0",
	//   "runs": [
	//     {
	//       "tool": {
	//         "driver": {
	//           "name": "apigw",
	//           "version": "0.1.0",
	//           "informationUri": "https://github.com/apigw/apigw",
	//           "rules": [
	//             {
	//               "id": "APIGW100"
	//             }
	//           ]
	//         }
	//       },
	//       "results": [
	//         {
	//           "ruleId": "APIGW100",
	//           "ruleIndex": 0,
	//           "level": "error",
	//           "message": {
	//             "text": "x-amazon-apigateway-api-key-source must be a string; write HEADER or AUTHORIZER"
	//           },
	//           "locations": [
	//             {
	//               "physicalLocation": {
	//                 "artifactLocation": {
	//                   "uri": "api.yaml"
	//                 },
	//                 "region": {
	//                   "startLine": 3,
	//                   "startColumn": 7
	//                 }
	//               }
	//             }
	//           ],
	//           "properties": {
	//             "jsonPointer": "/x-amazon-apigateway-api-key-source"
	//           }
	//         }
	//       ]
	//     }
	//   ]
	// }
}

func ExampleExitCode() {
	fmt.Println(report.ExitCode(diags, extensions.Error), report.ExitCode(diags[:1], extensions.Error), report.ExitCode(diags[:1], extensions.Warning))
	// Output: 1 0 1
}

func ExampleRender() {
	f, _ := report.ParseFormat("text")
	out, _ := report.Render(f, nil, report.Options{})
	fmt.Print(string(out))
	// Output: no problems
}
