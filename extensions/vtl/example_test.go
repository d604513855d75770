package vtl_test

import (
	"errors"
	"fmt"

	"github.com/apigw/apigw/extensions/vtl"
)

func ExampleParse() {
	_, err := vtl.Parse("response.vm", "#foreach($item in $input.path('$.items'))\n$item.name\n")
	var e *vtl.Error
	if errors.As(err, &e) {
		fmt.Println(e.Line, e.Column, e.Message)
	}
	// Output: 1 1 #foreach is never closed: add #end after its body
}

func ExampleTemplate_Render() {
	t, err := vtl.Parse("response.vm", `#set($root = $input.path('$'))
{
  "id": "$input.params('id')",
  "names": [#foreach($item in $root.items)"$util.escapeJavaScript($item.name)"#if($foreach.hasNext), #end#end],
  "count": $root.items.size()
}`)
	if err != nil {
		panic(err)
	}
	out, err := t.Render(vtl.Input{
		Body: `{"items": [{"name": "Zoë"}, {"name": "it's"}]}`,
		Path: []vtl.Param{{Name: "id", Value: "42"}},
	}, vtl.Options{})
	if err != nil {
		panic(err)
	}
	fmt.Println(out.Body)
	// Output:
	// {
	//   "id": "42",
	//   "names": ["Zo\u00EB", "it\'s"],
	//   "count": 2
	// }
}

func ExampleNewContext() {
	// One $context for the request template and the response template.
	ctx := vtl.NewContext(
		vtl.Param{Name: "requestId", Value: "c6af9ac6"},
		vtl.Param{Name: "identity.sourceIp", Value: "203.0.113.7"},
		vtl.Param{Name: "authorizer.claims.email", Value: "ana@example.com"},
	)
	req, _ := vtl.Parse("request.vm", `#set($context.responseOverride.header.X-Request-Id = $context.requestId){"ip": "$context.identity.sourceIp"}`)
	resp, _ := vtl.Parse("response.vm", `#set($context.responseOverride.status = 201){"user": "$context.authorizer.claims.email"}`)
	in, _ := req.Render(vtl.Input{Context: ctx}, vtl.Options{})
	out, _ := resp.Render(vtl.Input{Body: "{}", Context: ctx}, vtl.Options{})
	fmt.Println(in.Body)
	fmt.Println(out.Body, out.Status, out.Headers)
	// Output:
	// {"ip": "203.0.113.7"}
	// {"user": "ana@example.com"} 201 [{X-Request-Id c6af9ac6}]
}

func ExampleContext_Get() {
	ctx := vtl.NewContext(vtl.Param{Name: "identity.sourceIp", Value: "203.0.113.7"})
	t, _ := vtl.Parse("t.vm", `#set($context.responseOverride.status = 418)`)
	_, _ = t.Render(vtl.Input{Context: ctx}, vtl.Options{})
	fmt.Println(ctx.Get("identity.sourceIp"), ctx.Get("responseOverride.status"))
	// Output: 203.0.113.7 418
}

func ExampleTemplate_Reads() {
	t, _ := vtl.Parse("t.vm", `{"id": "$input.params('id')", "ip": "$context.identity.sourceIp", "env": "$stageVariables.env", "q": $input.json('$.query')}`)
	fmt.Println(t.Reads())
	// Output: [$input.params('id') $context.identity.sourceIp $stageVariables.env $input.json('$.query')]
}

func ExampleOptions() {
	t, _ := vtl.Parse("t.vm", "#foreach($i in [1..1000000])$i#end")
	_, err := t.Render(vtl.Input{}, vtl.Options{MaxIterations: 1000})
	fmt.Println(errors.Is(err, vtl.ErrLimit))
	fmt.Println(err)
	// Output:
	// true
	// t.vm:1:16: the range [1..1000000] has 1000000 elements, more than Options.MaxIterations (1000)
}

func ExampleContext_SetNull() {
	ctx := vtl.NewContext(vtl.Param{Name: "identity.sourceIp", Value: "203.0.113.7"})
	ctx.SetNull("identity.user")
	t, _ := vtl.Parse("t.vm", `$context.identity.keySet().size() [$context.identity.user]`)
	out, _ := t.Render(vtl.Input{Context: ctx}, vtl.Options{})
	fmt.Println(out.Body)
	// Output: 2 []
}

func ExampleContext_Clone() {
	base := vtl.NewContext(vtl.Param{Name: "stage", Value: "prod"}, vtl.Param{Name: "requestId", Value: "-"})
	t, _ := vtl.Parse("t.vm", `#set($context.responseOverride.status = 202)$context.stage $context.requestId`)
	for _, id := range []string{"r1", "r2"} {
		ctx := base.Clone()
		ctx.Set("requestId", id)
		out, _ := t.Render(vtl.Input{Context: ctx}, vtl.Options{})
		fmt.Println(out.Body, out.Status)
	}
	fmt.Printf("%q %q\n", base.Get("requestId"), base.Get("responseOverride.status"))
	// Output:
	// prod r1 202
	// prod r2 202
	// "-" ""
}

func ExampleContext_Set() {
	ctx := vtl.NewContext(vtl.Param{Name: "identity.sourceIp", Value: "203.0.113.7"})
	ctx.Set("identity.userAgent", "curl/8")
	fmt.Println(ctx.Get("identity.userAgent"))
	// Output: curl/8
}
