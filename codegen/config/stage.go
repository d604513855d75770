package config

import (
	"strings"

	"github.com/apigw/apigw/extensions/apimodel"
)

// Every output deploys the API: a stage (the one the model names, or
// Options.Stage, or DefaultStage) and the deployment it serves. The
// deployment holds the API's content hash, in its CloudFormation logical
// id and in its Terraform and Pulumi triggers, so that a changed API gives
// a new deployment, which the stage then serves.

// deployment adds the deployment of the API, depending on deps.
func (g *graph) deployment(k *kind, withAPI func() *props, deps []*gres) *gres {
	dep := g.add(k, g.names.name("Deployment"), withAPI().set("triggers", "", map[string]string{"redeployment": g.hash()}), deps...)
	dep.cfnName = g.names.name("Deployment" + g.hash())
	dep.createFirst = true
	return dep
}

// stageNameValue is the stage's name as written: the model's intrinsic at
// key, unless --stage named the stage.
func (g *graph) stageNameValue(t apimodel.Intrinsics, key, name string) any {
	if g.opts.Stage != "" {
		return name
	}
	return val(t, key, name)
}

// pickRestStage returns the model's stage named name, or its first; an
// empty stage when it has none.
func pickRestStage(stages []*apimodel.RestStage, name string) *apimodel.RestStage {
	var first *apimodel.RestStage
	for _, s := range stages {
		if s.StageName == name {
			return s
		}
		if first == nil || s.StageName < first.StageName {
			first = s
		}
	}
	if first == nil {
		return &apimodel.RestStage{}
	}
	return first
}

// restStage adds the deployment of a REST API, its stage and the stage's
// method settings.
func (g *graph) restStage(r *apimodel.RestDump, withAPI func() *props, deps []*gres) {
	st := pickRestStage(r.Stages, g.opts.Stage)
	name := stageName(g.opts, st.StageName)
	dep := g.deployment(kDeployment, withAPI, deps)
	t := st.Intrinsics
	p := withAPI().set("stage_name", "StageName", g.stageNameValue(t, "stageName", name)).set("deployment_id", "DeploymentId", ref(dep, "id")).
		set("description", "Description", val(t, "description", st.Description)).
		set("cache_cluster_enabled", "CacheClusterEnabled", st.CacheClusterEnabled).
		set("cache_cluster_size", "CacheClusterSize", val(t, "cacheClusterSize", st.CacheClusterSize)).
		set("client_certificate_id", "ClientCertificateId", val(t, "clientCertificateId", st.ClientCertificateID)).
		set("documentation_version", "DocumentationVersion", val(t, "documentationVersion", st.DocumentationVersion)).
		set("xray_tracing_enabled", "TracingEnabled", st.TracingEnabled).
		set("variables", "Variables", valMap(t, "variables", st.Variables))
	if a := st.AccessLogSettings; a != nil {
		p.set("access_log_settings", "AccessLogSetting", newProps().
			set("destination_arn", "DestinationArn", val(t, "accessLogSettings/destinationArn", a.DestinationArn)).
			set("format", "Format", val(t, "accessLogSettings/format", a.Format)))
	}
	if c := st.CanarySettings; c != nil {
		p.set("canary_settings", "CanarySetting", newProps().set("deployment_id", "DeploymentId", ref(dep, "id")).pulumiOnly("deploymentId", ref(dep, "id")).
			set("percent_traffic", "PercentTraffic", c.PercentTraffic).
			set("stage_variable_overrides", "StageVariableOverrides", valMap(t, "canarySettings/stageVariableOverrides", c.StageVariableOverrides)).
			set("use_stage_cache", "UseStageCache", c.UseStageCache))
	}
	p.set("tags", "Tags", tags(t, "tags", st.Tags))
	g.stage = g.add(kRestStage, g.names.name("Stage", name), p)
	for _, key := range apimodel.SortedKeys(st.MethodSettings) {
		ms := st.MethodSettings[key]
		path, method := splitSettingKey(key)
		settings := func(tf bool) *props {
			n := func(tfName, cfnName string) (string, string) {
				if tf {
					return tfName, ""
				}
				return "", cfnName
			}
			p := newProps()
			for _, f := range []struct {
				tf, cfn string
				v       any
			}{
				{"metrics_enabled", "MetricsEnabled", ms.MetricsEnabled}, {"logging_level", "LoggingLevel", ms.LoggingLevel},
				{"data_trace_enabled", "DataTraceEnabled", ms.DataTraceEnabled}, {"throttling_burst_limit", "ThrottlingBurstLimit", ms.ThrottlingBurstLimit},
				{"throttling_rate_limit", "ThrottlingRateLimit", ms.ThrottlingRateLimit}, {"caching_enabled", "CachingEnabled", ms.CachingEnabled},
				{"cache_ttl_in_seconds", "CacheTtlInSeconds", ms.CacheTTLInSeconds}, {"cache_data_encrypted", "CacheDataEncrypted", ms.CacheDataEncrypted},
			} {
				a, b := n(f.tf, f.cfn)
				p.set(a, b, f.v)
			}
			if tf {
				p.set("require_authorization_for_cache_control", "", ms.RequireAuthorizationForCacheControl).
					set("unauthorized_cache_control_header_strategy", "", ms.UnauthorizedCacheControlHeaderStrategy)
			}
			return p
		}
		cfn := settings(false)
		mp := newProps().set("rest_api_id", "", ref(g.api, "id")).set("stage_name", "", ref(g.stage, "stage_name")).
			set("method_path", "", strings.TrimPrefix(path, "/")+"/"+method).set("settings", "", settings(true)).
			set("", "HttpMethod", method).set("", "ResourcePath", cfnResourcePath(path))
		mp.list = append(mp.list, cfn.list...)
		g.child(g.stage, kMethodSettings, g.names.name("MethodSettings", key), mp)
	}
}

// splitSettingKey splits a stage's method settings key ("*/*",
// "~1pets/GET", "pets/{id}/GET") into the resource path ("*" or
// "/pets") and the method.
func splitSettingKey(key string) (path, method string) {
	i := strings.LastIndex(key, "/")
	if i < 0 {
		return "*", "*"
	}
	path, method = strings.ReplaceAll(key[:i], "~1", "/"), key[i+1:]
	if path == "*" {
		return path, method
	}
	return "/" + strings.TrimPrefix(path, "/"), method
}

// cfnResourcePath writes a resource path as CloudFormation's MethodSettings
// take it: "/*" for all, else the path with each "/" after the first
// written "~1".
func cfnResourcePath(path string) string {
	if path == "*" {
		return "/*"
	}
	return "/" + strings.ReplaceAll(strings.TrimPrefix(path, "/"), "/", "~1")
}

// v2Stages adds the stages of an HTTP or WebSocket API, and the deployment
// the ones without automatic deployment serve.
func (g *graph) v2Stages(v *apimodel.V2Dump, withAPI func() *props, routes []*gres) {
	stages := sortedStages(v.Stages)
	if g.opts.Stage != "" && len(stages) > 0 {
		s := *stages[0]
		for _, x := range stages {
			if x.StageName == g.opts.Stage {
				s = *x
			}
		}
		s.StageName = g.opts.Stage
		stages = []*apimodel.Stage{&s}
	}
	if len(stages) == 0 {
		s := &apimodel.Stage{StageName: stageName(g.opts, "")}
		if v.API == nil || v.API.ProtocolType != "WEBSOCKET" {
			// An HTTP API deploys each change itself.
			s.AutoDeploy = boolPtr(true)
		}
		stages = []*apimodel.Stage{s}
	}
	var dep *gres
	for _, s := range stages {
		t := s.Intrinsics
		p := withAPI().set("name", "StageName", g.stageNameValue(t, "StageName", s.StageName)).set("auto_deploy", "AutoDeploy", s.AutoDeploy).
			set("description", "Description", val(t, "Description", s.Description)).
			set("client_certificate_id", "ClientCertificateId", val(t, "ClientCertificateId", s.ClientCertificateID)).
			set("stage_variables", "StageVariables", valMap(t, "StageVariables", s.StageVariables))
		if a := s.AccessLogSettings; a != nil {
			p.set("access_log_settings", "AccessLogSettings", newProps().
				set("destination_arn", "DestinationArn", val(t, "AccessLogSettings/DestinationArn", a.DestinationArn)).
				set("format", "Format", val(t, "AccessLogSettings/Format", a.Format)))
		}
		if r := s.DefaultRouteSettings; r != nil {
			p.set("default_route_settings", "DefaultRouteSettings", routeSettingsProps(r, ""))
		}
		if len(s.RouteSettings) > 0 {
			p.set("route_settings", "RouteSettings", routeSettings(s.RouteSettings))
		}
		if (s.AutoDeploy == nil || !*s.AutoDeploy) && len(routes) > 0 {
			if dep == nil {
				dep = g.deployment(kV2Deployment, withAPI, routes)
			}
			p.set("deployment_id", "DeploymentId", ref(dep, "id"))
		}
		p.set("tags", "Tags", valMap(t, "Tags", s.Tags))
		st := g.add(kStage, g.names.name("Stage", s.StageName), p)
		if g.stage == nil {
			g.stage = st
		}
	}
}

// routeSettings are an apigatewayv2 stage's per-route settings, which
// CloudFormation writes as an object by route key and the providers as
// blocks with a route_key.
type routeSettings map[string]*apimodel.RouteSettings

func routeSettingsProps(r *apimodel.RouteSettings, key string) *props {
	return newProps().set("route_key", "", key).set("data_trace_enabled", "DataTraceEnabled", r.DataTraceEnabled).
		set("detailed_metrics_enabled", "DetailedMetricsEnabled", r.DetailedMetricsEnabled).set("logging_level", "LoggingLevel", r.LoggingLevel).
		set("throttling_burst_limit", "ThrottlingBurstLimit", r.ThrottlingBurstLimit).set("throttling_rate_limit", "ThrottlingRateLimit", r.ThrottlingRateLimit)
}

func boolPtr(b bool) *bool { return &b }
