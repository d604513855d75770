package report_test

import (
	"fmt"
	"strings"

	"github.com/apigw/apigw/internal/report"
)

func ExampleCodesTable() {
	rows := strings.Split(report.CodesTable(), "\n")
	fmt.Println(rows[0])
	fmt.Println(rows[2][:strings.Index(rows[2], " | error")])
	// Output:
	// | Code | Title | Default | Evidence |
	// | <a id="apigw001"></a>APIGW001 | Syntax error in YAML or JSON
}
