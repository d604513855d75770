package config

import (
	"encoding/json"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/apigw/apigw/extensions/apimodel"
	"github.com/apigw/apigw/internal/testfill"
)

// fill sets every field reachable from v (testfill.Fill), intrinsics
// aside: they are tested on their own.
func fill(v reflect.Value, name string) {
	testfill.Fill(v, name, func(t reflect.Type) bool { return t == reflect.TypeFor[apimodel.Intrinsics]() })
}

// fullDump returns a REST and an HTTP API dump with every field set; the
// ids that tie items together are made to agree.
func fullDumps() []*apimodel.Dump {
	const fn = "arn:aws:lambda:us-east-1:123456789012:function:f"
	var rest apimodel.RestDump
	fill(reflect.ValueOf(&rest).Elem(), "x")
	root := rest.Resources[0]
	root.ParentID, root.Path = "", "/"
	child := *root
	child.ID, child.ParentID, child.Path = "c", root.ID, "/c"
	rest.Resources = append(rest.Resources, &child)
	rest.Authorizers[0].AuthorizerURI, rest.Authorizers[0].AuthorizerCredentials = fn, ""
	rest.GatewayResponses[0].DefaultResponse = new(bool)
	rest.Authorizers[0].ProviderARNs = []string{"arn:aws:cognito-idp:us-east-1:123456789012:userpool/x"}
	for _, m := range root.ResourceMethods {
		m.MethodIntegration.Type, m.MethodIntegration.URI, m.MethodIntegration.Credentials = "AWS", fn, ""
	}
	var apigwv2 apimodel.V2Dump
	fill(reflect.ValueOf(&apigwv2).Elem(), "x")
	in, route := apigwv2.Integrations[0], apigwv2.Routes[0]
	in.IntegrationType, in.IntegrationURI, in.CredentialsArn = "AWS_PROXY", fn, ""
	apigwv2.Authorizers[0].AuthorizerURI, apigwv2.Authorizers[0].AuthorizerCredentialsArn = fn, ""
	route.Target = "integrations/" + in.IntegrationID
	apigwv2.IntegrationResponses = map[string][]*apimodel.V2IntegrationResponse{in.IntegrationID: apigwv2.IntegrationResponses["IntegrationResponses"]}
	apigwv2.RouteResponses = map[string][]*apimodel.RouteResponse{route.RouteID: apigwv2.RouteResponses["RouteResponses"]}
	apigwv2.Stages[0].AutoDeploy = new(bool)
	return []*apimodel.Dump{{REST: &rest}, {V2: &apigwv2}}
}

// TestGraphArgumentsNamed checks, on dumps with every field set, that
// every resource kind has its type in each syntax, that every argument has
// a name in at least one syntax, and that where CloudFormation orders a
// resource's properties itself, it lists every property.
func TestGraphArgumentsNamed(t *testing.T) {
	kinds := map[*kind]bool{}
	for _, d := range fullDumps() {
		g, err := buildGraph(d, Options{})
		if err != nil {
			t.Fatal(err)
		}
		c := newCFN(g)
		for _, r := range g.res {
			kinds[r.kind] = true
			if r.kind.tf == "" || r.kind.pulumi == "" || (r.kind.cfn == "") == (r.kind.in == "") {
				t.Errorf("%s: types %q %q %q in %q", r.name, r.kind.tf, r.kind.cfn, r.kind.pulumi, r.kind.in)
			}
			for _, p := range r.props.list {
				if p.tf == "" && p.cfn == "" && p.pu == "" {
					t.Errorf("%s: an argument without a name", r.name)
				}
			}
			if r.kind.cfnOrder == nil {
				continue
			}
			for _, k := range c.render(r.kind, r.props).(*obj).keys {
				if !slices.Contains(r.kind.cfnOrder, k) {
					t.Errorf("%s: CloudFormation property %s is not in its kind's order", r.name, k)
				}
			}
		}
	}
	if len(kinds) != 24 {
		t.Errorf("%d resource kinds in the graphs of the full dumps, want 24", len(kinds))
	}
	for _, d := range fullDumps() {
		for _, target := range Targets {
			files, diags, err := Emit(target, d, Options{})
			if err != nil || len(files) != 1 || strings.Contains(string(files[0].Data), "null") {
				t.Errorf("%s: %v %v", target, err, diags)
			}
		}
	}
}

// TestModelCycleDependsOneWay: models that refer to each other depend only
// on the one created first, in every syntax, so that no template holds a
// circular dependency.
func TestModelCycleDependsOneWay(t *testing.T) {
	schema := func(other string) apimodel.JSONText {
		return apimodel.JSONText(`{"items": {"$ref": "https://apigateway.amazonaws.com/restapis/x/models/` + other + `"}}`)
	}
	d := &apimodel.Dump{REST: &apimodel.RestDump{Models: []*apimodel.Model{{Name: "A", Schema: schema("B")}, {Name: "B", Schema: schema("A")}}}}
	files, _, err := CloudFormation(d, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var tmpl struct {
		Resources map[string]struct{ DependsOn []string }
	}
	if err := json.Unmarshal(files[0].Data, &tmpl); err != nil {
		t.Fatal(err)
	}
	if a, b := tmpl.Resources["ModelA"].DependsOn, tmpl.Resources["ModelB"].DependsOn; len(a)+len(b) != 1 {
		t.Errorf("CloudFormation: ModelA depends on %v, ModelB on %v; want one dependency", a, b)
	}
	tf, _, _ := Terraform(d, Options{})
	if n := strings.Count(string(tf[0].Data), `"depends_on"`); n != 1 {
		t.Errorf("Terraform: %d depends_on, want 1", n)
	}
}
