package report_test

import (
	"encoding/json"
	"fmt"

	"github.com/apigw/apigw/extensions/diag"
	"github.com/apigw/apigw/internal/report"
)

var diags = []diag.Diagnostic{
	{Severity: diag.Warning, Code: "APIGW102", File: "api.yaml", Line: 9, Column: 5, Pointer: "/x-amazon-apigateway-request-validators/all/validateBody",
		Message: `unknown key "validateBody"; did you mean "validateRequestBody"?`},
	{Severity: diag.Error, Code: "APIGW100", File: "api.yaml", Line: 3, Column: 7, Pointer: "/x-amazon-apigateway-api-key-source",
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
	var log struct {
		Runs []struct {
			Tool struct {
				Driver struct {
					Rules []struct {
						ID               string
						ShortDescription struct{ Text string }
						HelpURI          string
					}
				}
			}
			Results []struct {
				RuleID, Level string
				Locations     []struct {
					PhysicalLocation struct {
						ArtifactLocation struct{ URI string }
						Region           struct{ StartLine, StartColumn int }
					}
				}
			}
		}
	}
	_ = json.Unmarshal(out, &log)
	for _, r := range log.Runs[0].Tool.Driver.Rules {
		fmt.Printf("rule %s: %s (%s)\n", r.ID, r.ShortDescription.Text, r.HelpURI)
	}
	for _, r := range log.Runs[0].Results {
		l := r.Locations[0].PhysicalLocation
		fmt.Printf("%s %s at %s:%d:%d\n", r.Level, r.RuleID, l.ArtifactLocation.URI, l.Region.StartLine, l.Region.StartColumn)
	}
	// Output:
	// rule APIGW100: Value has the wrong type (https://github.com/apigw/apigw/blob/main/README.md#apigw100)
	// error APIGW100 at api.yaml:3:7
}

func ExampleExitCode() {
	fmt.Println(report.ExitCode(diags, diag.Error), report.ExitCode(diags[:1], diag.Error), report.ExitCode(diags[:1], diag.Warning))
	// Output: 1 0 1
}

func ExampleRender() {
	f, _ := report.ParseFormat("text")
	out, _ := report.Render(f, nil, report.Options{})
	fmt.Print(string(out))
	// Output: no problems
}

func ExampleGitHubProblems() {
	out, _ := report.SARIF(diags, report.Options{ToolVersion: "1.0.0"})
	fmt.Println(len(report.GitHubProblems(out)))
	fmt.Println(report.GitHubProblems([]byte(`{"version": "2.1.0", "runs": []}`)))
	// Output:
	// 0
	// [$schema is missing 0 runs; GitHub takes 1 to 20]
}
