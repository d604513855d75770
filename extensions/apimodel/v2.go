package apimodel

import "github.com/apigw/apigw/extensions"

// V2Dump is an HTTP or WebSocket API (apigatewayv2) with everything that
// hangs off it. Members are spelled as the AWS CLI prints them (PascalCase);
// integration and route responses are grouped by the id of their
// integration or route.
type V2Dump struct {
	API          *API             `json:"api,omitempty"`
	Routes       []*Route         `json:"routes,omitempty"`
	Integrations []*V2Integration `json:"integrations,omitempty"`
	// IntegrationResponses maps an IntegrationId to its responses (WebSocket APIs).
	IntegrationResponses map[string][]*V2IntegrationResponse `json:"integrationResponses,omitempty"`
	// RouteResponses maps a RouteId to its responses (WebSocket APIs).
	RouteResponses map[string][]*RouteResponse `json:"routeResponses,omitempty"`
	Authorizers    []*V2Authorizer             `json:"authorizers,omitempty"`
	Models         []*V2Model                  `json:"models,omitempty"`
	Stages         []*Stage                    `json:"stages,omitempty"`
}

// API is the output of apigatewayv2 get-api.
type API struct {
	APIEndpoint               string            `json:"ApiEndpoint,omitempty"`
	APIGatewayManaged         *bool             `json:"ApiGatewayManaged,omitempty"`
	APIID                     string            `json:"ApiId,omitempty"`
	APIKeySelectionExpression string            `json:"ApiKeySelectionExpression,omitempty"`
	CorsConfiguration         *Cors             `json:"CorsConfiguration,omitempty"`
	CreatedDate               Timestamp         `json:"CreatedDate,omitempty"`
	Description               string            `json:"Description,omitempty"`
	DisableSchemaValidation   *bool             `json:"DisableSchemaValidation,omitempty"`
	DisableExecuteAPIEndpoint *bool             `json:"DisableExecuteApiEndpoint,omitempty"`
	ImportInfo                []string          `json:"ImportInfo,omitempty"`
	IPAddressType             string            `json:"IpAddressType,omitempty" enum:"ipv4,dualstack"`
	Name                      string            `json:"Name,omitempty"`
	ProtocolType              string            `json:"ProtocolType,omitempty" enum:"HTTP,WEBSOCKET"`
	RouteSelectionExpression  string            `json:"RouteSelectionExpression,omitempty"`
	Tags                      map[string]string `json:"Tags,omitempty"`
	Version                   string            `json:"Version,omitempty"`
	Warnings                  []string          `json:"Warnings,omitempty"`
	// Intrinsics are the members written as CloudFormation intrinsic
	// functions (see Intrinsics).
	Intrinsics Intrinsics `json:"-"`
}

// Cors is an HTTP API's CORS configuration.
type Cors struct {
	AllowCredentials *bool    `json:"AllowCredentials,omitempty"`
	AllowHeaders     []string `json:"AllowHeaders,omitempty"`
	AllowMethods     []string `json:"AllowMethods,omitempty"`
	AllowOrigins     []string `json:"AllowOrigins,omitempty"`
	ExposeHeaders    []string `json:"ExposeHeaders,omitempty"`
	MaxAge           *int     `json:"MaxAge,omitempty"`
}

// Route is an item of get-routes.
type Route struct {
	APIGatewayManaged                *bool                            `json:"ApiGatewayManaged,omitempty"`
	APIKeyRequired                   *bool                            `json:"ApiKeyRequired,omitempty"`
	AuthorizationScopes              []string                         `json:"AuthorizationScopes,omitempty"`
	AuthorizationType                string                           `json:"AuthorizationType,omitempty" enum:"NONE,AWS_IAM,CUSTOM,JWT"`
	AuthorizerID                     string                           `json:"AuthorizerId,omitempty"`
	ModelSelectionExpression         string                           `json:"ModelSelectionExpression,omitempty"`
	OperationName                    string                           `json:"OperationName,omitempty"`
	RequestModels                    map[string]string                `json:"RequestModels,omitempty"`
	RequestParameters                map[string]*ParameterConstraints `json:"RequestParameters,omitempty"`
	RouteID                          string                           `json:"RouteId,omitempty"`
	RouteKey                         string                           `json:"RouteKey,omitempty"`
	RouteResponseSelectionExpression string                           `json:"RouteResponseSelectionExpression,omitempty"`
	// Target is "integrations/<IntegrationId>".
	Target string `json:"Target,omitempty"`
}

// ParameterConstraints says whether a WebSocket route parameter is required.
type ParameterConstraints struct {
	Required *bool `json:"Required,omitempty"`
}

// V2Integration is an item of apigatewayv2 get-integrations.
type V2Integration struct {
	APIGatewayManaged                      *bool             `json:"ApiGatewayManaged,omitempty"`
	ConnectionID                           string            `json:"ConnectionId,omitempty"`
	ConnectionType                         string            `json:"ConnectionType,omitempty" enum:"INTERNET,VPC_LINK"`
	ContentHandlingStrategy                string            `json:"ContentHandlingStrategy,omitempty" enum:"CONVERT_TO_BINARY,CONVERT_TO_TEXT"`
	CredentialsArn                         string            `json:"CredentialsArn,omitempty"`
	Description                            string            `json:"Description,omitempty"`
	IntegrationID                          string            `json:"IntegrationId,omitempty"`
	IntegrationMethod                      string            `json:"IntegrationMethod,omitempty"`
	IntegrationResponseSelectionExpression string            `json:"IntegrationResponseSelectionExpression,omitempty"`
	IntegrationSubtype                     string            `json:"IntegrationSubtype,omitempty"`
	IntegrationType                        string            `json:"IntegrationType,omitempty" enum:"AWS,HTTP,MOCK,HTTP_PROXY,AWS_PROXY"`
	IntegrationURI                         string            `json:"IntegrationUri,omitempty"`
	PassthroughBehavior                    string            `json:"PassthroughBehavior,omitempty" enum:"WHEN_NO_MATCH,NEVER,WHEN_NO_TEMPLATES"`
	PayloadFormatVersion                   string            `json:"PayloadFormatVersion,omitempty" enum:"1.0,2.0"`
	RequestParameters                      map[string]string `json:"RequestParameters,omitempty"`
	RequestTemplates                       map[string]string `json:"RequestTemplates,omitempty"`
	// ResponseParameters maps a status code to its header and status mappings (HTTP APIs).
	ResponseParameters          map[string]map[string]string `json:"ResponseParameters,omitempty"`
	TemplateSelectionExpression string                       `json:"TemplateSelectionExpression,omitempty"`
	TimeoutInMillis             *int                         `json:"TimeoutInMillis,omitempty"`
	TLSConfig                   *V2TLSConfig                 `json:"TlsConfig,omitempty"`
	// Intrinsics are the members written as CloudFormation intrinsic
	// functions (see Intrinsics).
	Intrinsics Intrinsics `json:"-"`
}

// V2TLSConfig is a private integration's TLS setting.
type V2TLSConfig struct {
	ServerNameToVerify string `json:"ServerNameToVerify,omitempty"`
}

// V2IntegrationResponse is an item of get-integration-responses (WebSocket
// APIs), spelled as the CLI prints it (PascalCase); Extension converts it to
// the camelCase wire shape of package extensions.
type V2IntegrationResponse struct {
	ContentHandlingStrategy     string            `json:"ContentHandlingStrategy,omitempty" enum:"CONVERT_TO_BINARY,CONVERT_TO_TEXT"`
	IntegrationResponseID       string            `json:"IntegrationResponseId,omitempty"`
	IntegrationResponseKey      string            `json:"IntegrationResponseKey,omitempty"`
	ResponseParameters          map[string]string `json:"ResponseParameters,omitempty"`
	ResponseTemplates           map[string]string `json:"ResponseTemplates,omitempty"`
	TemplateSelectionExpression string            `json:"TemplateSelectionExpression,omitempty"`
	// Intrinsics are the members written as CloudFormation intrinsic
	// functions (see Intrinsics).
	Intrinsics Intrinsics `json:"-"`
}

// RouteResponse is an item of get-route-responses (WebSocket APIs).
type RouteResponse struct {
	ModelSelectionExpression string                           `json:"ModelSelectionExpression,omitempty"`
	ResponseModels           map[string]string                `json:"ResponseModels,omitempty"`
	ResponseParameters       map[string]*ParameterConstraints `json:"ResponseParameters,omitempty"`
	RouteResponseID          string                           `json:"RouteResponseId,omitempty"`
	RouteResponseKey         string                           `json:"RouteResponseKey,omitempty"`
}

// V2Authorizer is an item of apigatewayv2 get-authorizers.
type V2Authorizer struct {
	AuthorizerCredentialsArn       string            `json:"AuthorizerCredentialsArn,omitempty"`
	AuthorizerID                   string            `json:"AuthorizerId,omitempty"`
	AuthorizerPayloadFormatVersion string            `json:"AuthorizerPayloadFormatVersion,omitempty" enum:"1.0,2.0"`
	AuthorizerResultTTLInSeconds   *int              `json:"AuthorizerResultTtlInSeconds,omitempty"`
	AuthorizerType                 string            `json:"AuthorizerType,omitempty" enum:"REQUEST,JWT"`
	AuthorizerURI                  string            `json:"AuthorizerUri,omitempty"`
	EnableSimpleResponses          *bool             `json:"EnableSimpleResponses,omitempty"`
	IdentitySource                 []string          `json:"IdentitySource,omitempty"`
	IdentityValidationExpression   string            `json:"IdentityValidationExpression,omitempty"`
	JwtConfiguration               *JWTConfiguration `json:"JwtConfiguration,omitempty"`
	Name                           string            `json:"Name,omitempty"`
	// Intrinsics are the members written as CloudFormation intrinsic
	// functions (see Intrinsics).
	Intrinsics Intrinsics `json:"-"`
}

// JWTConfiguration is a JWT authorizer's issuer and audiences.
type JWTConfiguration struct {
	Audience []string `json:"Audience,omitempty"`
	Issuer   string   `json:"Issuer,omitempty"`
}

// V2Model is an item of apigatewayv2 get-models (WebSocket APIs).
type V2Model struct {
	ContentType string   `json:"ContentType,omitempty"`
	Description string   `json:"Description,omitempty"`
	ModelID     string   `json:"ModelId,omitempty"`
	Name        string   `json:"Name,omitempty"`
	Schema      JSONText `json:"Schema,omitempty"`
}

// Stage is an item of apigatewayv2 get-stages.
type Stage struct {
	AccessLogSettings           *AccessLogSettings        `json:"AccessLogSettings,omitempty"`
	APIGatewayManaged           *bool                     `json:"ApiGatewayManaged,omitempty"`
	AutoDeploy                  *bool                     `json:"AutoDeploy,omitempty"`
	ClientCertificateID         string                    `json:"ClientCertificateId,omitempty"`
	CreatedDate                 Timestamp                 `json:"CreatedDate,omitempty"`
	DefaultRouteSettings        *RouteSettings            `json:"DefaultRouteSettings,omitempty"`
	DeploymentID                string                    `json:"DeploymentId,omitempty"`
	Description                 string                    `json:"Description,omitempty"`
	LastDeploymentStatusMessage string                    `json:"LastDeploymentStatusMessage,omitempty"`
	LastUpdatedDate             Timestamp                 `json:"LastUpdatedDate,omitempty"`
	RouteSettings               map[string]*RouteSettings `json:"RouteSettings,omitempty"`
	StageName                   string                    `json:"StageName,omitempty"`
	StageVariables              map[string]string         `json:"StageVariables,omitempty"`
	Tags                        map[string]string         `json:"Tags,omitempty"`
	// Intrinsics are the members written as CloudFormation intrinsic
	// functions (see Intrinsics).
	Intrinsics Intrinsics `json:"-"`
}

// AccessLogSettings says where a stage writes access logs.
type AccessLogSettings struct {
	DestinationArn string `json:"DestinationArn,omitempty"`
	Format         string `json:"Format,omitempty"`
}

// RouteSettings are a stage's throttling and logging settings.
type RouteSettings struct {
	DataTraceEnabled       *bool    `json:"DataTraceEnabled,omitempty"`
	DetailedMetricsEnabled *bool    `json:"DetailedMetricsEnabled,omitempty"`
	LoggingLevel           string   `json:"LoggingLevel,omitempty" enum:"ERROR,INFO,OFF"`
	ThrottlingBurstLimit   *int     `json:"ThrottlingBurstLimit,omitempty"`
	ThrottlingRateLimit    *float64 `json:"ThrottlingRateLimit,omitempty"`
}

// Extension returns the response in the shape package extensions uses.
func (r *V2IntegrationResponse) Extension() extensions.V2IntegrationResponse {
	return extensions.V2IntegrationResponse{
		IntegrationResponseID:       r.IntegrationResponseID,
		IntegrationResponseKey:      r.IntegrationResponseKey,
		ResponseParameters:          r.ResponseParameters,
		ResponseTemplates:           r.ResponseTemplates,
		TemplateSelectionExpression: r.TemplateSelectionExpression,
		ContentHandlingStrategy:     r.ContentHandlingStrategy,
	}
}
