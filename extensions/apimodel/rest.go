package apimodel

import "github.com/apigw/apigw/extensions"

// RestDump is a REST API (apigateway) with everything that hangs off it, in
// the shape the AWS CLI prints.
type RestDump struct {
	RestAPI            *RestAPI             `json:"restApi,omitempty"`
	Resources          []*Resource          `json:"resources,omitempty"`
	Models             []*Model             `json:"models,omitempty"`
	Authorizers        []*Authorizer        `json:"authorizers,omitempty"`
	RequestValidators  []*RequestValidator  `json:"requestValidators,omitempty"`
	GatewayResponses   []*GatewayResponse   `json:"gatewayResponses,omitempty"`
	DocumentationParts []*DocumentationPart `json:"documentationParts,omitempty"`
	// Deployments and Stages are the outputs of get-deployments and
	// get-stages; export takes info.version from the exported stage's
	// deployment when the API has no version.
	Deployments []*Deployment `json:"deployments,omitempty"`
	Stages      []*RestStage  `json:"stages,omitempty"`
}

// RestAPI is the output of get-rest-api.
type RestAPI struct {
	ID                     string                 `json:"id,omitempty"`
	Name                   string                 `json:"name,omitempty"`
	Description            string                 `json:"description,omitempty"`
	CreatedDate            Timestamp              `json:"createdDate,omitempty"`
	Version                string                 `json:"version,omitempty"`
	Warnings               []string               `json:"warnings,omitempty"`
	BinaryMediaTypes       []string               `json:"binaryMediaTypes,omitempty"`
	MinimumCompressionSize *int                   `json:"minimumCompressionSize,omitempty"`
	APIKeySource           string                 `json:"apiKeySource,omitempty" enum:"HEADER,AUTHORIZER"`
	EndpointConfiguration  *EndpointConfiguration `json:"endpointConfiguration,omitempty"`
	Policy                 JSONText               `json:"policy,omitempty"`
	// Tags is omitted when nil and written as {} when empty, as PutRestApi
	// returns it.
	Tags                      map[string]string `json:"tags,omitzero"`
	DisableExecuteAPIEndpoint *bool             `json:"disableExecuteApiEndpoint,omitempty"`
	RootResourceID            string            `json:"rootResourceId,omitempty"`
	// Intrinsics are the members written as CloudFormation intrinsic
	// functions (see Intrinsics).
	Intrinsics Intrinsics `json:"-"`
}

// EndpointConfiguration says where a REST API is reachable.
type EndpointConfiguration struct {
	Types          []string `json:"types,omitempty" enum:"REGIONAL,EDGE,PRIVATE"`
	VpcEndpointIDs []string `json:"vpcEndpointIds,omitempty"`
	IPAddressType  string   `json:"ipAddressType,omitempty" enum:"ipv4,dualstack"`
}

// Resource is one node of the resource tree (an item of get-resources).
type Resource struct {
	ID       string `json:"id,omitempty"`
	ParentID string `json:"parentId,omitempty"`
	PathPart string `json:"pathPart,omitempty"`
	Path     string `json:"path,omitempty"`
	// ResourceMethods maps an HTTP method (GET, ANY, …) to its method.
	ResourceMethods map[string]*Method `json:"resourceMethods,omitempty"`
}

// HTTPMethods are the methods a resource can have, in the order emitters use.
var HTTPMethods = []string{"ANY", "GET", "HEAD", "OPTIONS", "POST", "PUT", "PATCH", "DELETE"}

// Method is the output of get-method: the method request with its method
// responses and integration.
type Method struct {
	HTTPMethod          string                     `json:"httpMethod,omitempty" enum:"ANY,GET,HEAD,OPTIONS,POST,PUT,PATCH,DELETE"`
	AuthorizationType   string                     `json:"authorizationType,omitempty" enum:"NONE,AWS_IAM,CUSTOM,COGNITO_USER_POOLS"`
	AuthorizerID        string                     `json:"authorizerId,omitempty"`
	APIKeyRequired      *bool                      `json:"apiKeyRequired,omitempty"`
	RequestValidatorID  string                     `json:"requestValidatorId,omitempty"`
	OperationName       string                     `json:"operationName,omitempty"`
	RequestParameters   map[string]bool            `json:"requestParameters,omitempty"`
	RequestModels       map[string]string          `json:"requestModels,omitempty"`
	MethodResponses     map[string]*MethodResponse `json:"methodResponses,omitempty"`
	MethodIntegration   *Integration               `json:"methodIntegration,omitempty"`
	AuthorizationScopes []string                   `json:"authorizationScopes,omitempty"`
	// ParameterOrder lists the keys of RequestParameters in the order API
	// Gateway keeps them: the document's order on import, the dump's on
	// Load. Keys it lacks follow, sorted. Marshal writes requestParameters
	// in this order, and export lists the operation's parameters in it.
	ParameterOrder []string `json:"-" order:"requestParameters"`
}

// MarshalJSON writes the method with requestParameters in ParameterOrder.
func (m Method) MarshalJSON() ([]byte, error) {
	type plain Method
	return marshalOrdered(plain(m), "requestParameters", m.RequestParameters, m.ParameterOrder)
}

// Parameters returns the keys of RequestParameters in ParameterOrder.
func (m *Method) Parameters() []string { return orderedKeys(m.RequestParameters, m.ParameterOrder) }

// MethodResponse is the output of get-method-response.
type MethodResponse struct {
	StatusCode         string            `json:"statusCode,omitempty"`
	ResponseParameters map[string]bool   `json:"responseParameters,omitempty"`
	ResponseModels     map[string]string `json:"responseModels,omitempty"`
	// ParameterOrder lists the keys of ResponseParameters in the order API
	// Gateway keeps them, as Method.ParameterOrder does for a method's.
	ParameterOrder []string `json:"-" order:"responseParameters"`
}

// MarshalJSON writes the method response with responseParameters in ParameterOrder.
func (r MethodResponse) MarshalJSON() ([]byte, error) {
	type plain MethodResponse
	return marshalOrdered(plain(r), "responseParameters", r.ResponseParameters, r.ParameterOrder)
}

// Parameters returns the keys of ResponseParameters in ParameterOrder.
func (r *MethodResponse) Parameters() []string {
	return orderedKeys(r.ResponseParameters, r.ParameterOrder)
}

// Integration is the output of get-integration.
type Integration struct {
	Type                string            `json:"type,omitempty" enum:"HTTP,AWS,MOCK,HTTP_PROXY,AWS_PROXY"`
	HTTPMethod          string            `json:"httpMethod,omitempty"`
	URI                 string            `json:"uri,omitempty"`
	ConnectionType      string            `json:"connectionType,omitempty" enum:"INTERNET,VPC_LINK"`
	ConnectionID        string            `json:"connectionId,omitempty"`
	Credentials         string            `json:"credentials,omitempty"`
	RequestParameters   map[string]string `json:"requestParameters,omitempty"`
	RequestTemplates    map[string]string `json:"requestTemplates,omitempty"`
	PassthroughBehavior string            `json:"passthroughBehavior,omitempty" enum:"WHEN_NO_MATCH,WHEN_NO_TEMPLATES,NEVER"`
	ContentHandling     string            `json:"contentHandling,omitempty" enum:"CONVERT_TO_BINARY,CONVERT_TO_TEXT"`
	TimeoutInMillis     *int              `json:"timeoutInMillis,omitempty"`
	CacheNamespace      string            `json:"cacheNamespace,omitempty"`
	// CacheKeyParameters is omitted when nil and written as [] when empty:
	// API Gateway returns [] for every integration without cache keys.
	CacheKeyParameters []string `json:"cacheKeyParameters,omitzero"`
	// IntegrationResponses maps a status code to its integration response.
	IntegrationResponses map[string]*IntegrationResponse `json:"integrationResponses,omitempty"`
	TLSConfig            *TLSConfig                      `json:"tlsConfig,omitempty"`
	ResponseTransferMode string                          `json:"responseTransferMode,omitempty" enum:"BUFFERED,STREAM"`
	// Intrinsics are the members written as CloudFormation intrinsic
	// functions (see Intrinsics).
	Intrinsics Intrinsics `json:"-"`
}

// TLSConfig is an HTTP integration's TLS setting.
type TLSConfig struct {
	InsecureSkipVerification *bool `json:"insecureSkipVerification,omitempty"`
}

// IntegrationResponse is the output of get-integration-response. An empty
// SelectionPattern makes it the default response. Extension and
// IntegrationResponseOf convert it to and from the shape package
// extensions uses for the responses of x-amazon-apigateway-integration.
type IntegrationResponse struct {
	StatusCode         string            `json:"statusCode"`
	SelectionPattern   string            `json:"selectionPattern,omitempty"`
	ResponseParameters map[string]string `json:"responseParameters,omitempty"`
	ResponseTemplates  map[string]string `json:"responseTemplates,omitempty"`
	ContentHandling    string            `json:"contentHandling,omitempty" enum:"CONVERT_TO_BINARY,CONVERT_TO_TEXT"`
	// Intrinsics are the members written as CloudFormation intrinsic
	// functions (see Intrinsics).
	Intrinsics Intrinsics `json:"-"`
}

// Extension returns the response in the shape package extensions uses;
// intrinsic functions are given as their text.
func (r *IntegrationResponse) Extension() extensions.IntegrationResponse {
	return extensions.IntegrationResponse{StatusCode: r.StatusCode, SelectionPattern: r.SelectionPattern,
		ResponseParameters: r.ResponseParameters, ResponseTemplates: r.ResponseTemplates, ContentHandling: r.ContentHandling}
}

// IntegrationResponseOf returns r, in the shape package extensions uses, as
// a model integration response.
func IntegrationResponseOf(r extensions.IntegrationResponse) *IntegrationResponse {
	return &IntegrationResponse{StatusCode: r.StatusCode, SelectionPattern: r.SelectionPattern,
		ResponseParameters: r.ResponseParameters, ResponseTemplates: r.ResponseTemplates, ContentHandling: r.ContentHandling}
}

// Model is an item of get-models.
type Model struct {
	ID          string `json:"id,omitempty"`
	Name        string `json:"name,omitempty"`
	Description string `json:"description,omitempty"`
	// Schema is the JSON schema as text; an object is accepted on input and kept as its JSON text.
	Schema      JSONText `json:"schema,omitempty"`
	ContentType string   `json:"contentType,omitempty"`
	// Intrinsics are the members written as CloudFormation intrinsic
	// functions (see Intrinsics).
	Intrinsics Intrinsics `json:"-"`
}

// Authorizer is an item of get-authorizers.
type Authorizer struct {
	ID                           string   `json:"id,omitempty"`
	Name                         string   `json:"name,omitempty"`
	Type                         string   `json:"type,omitempty" enum:"TOKEN,REQUEST,COGNITO_USER_POOLS"`
	ProviderARNs                 []string `json:"providerARNs,omitempty"`
	AuthType                     string   `json:"authType,omitempty"`
	AuthorizerURI                string   `json:"authorizerUri,omitempty"`
	AuthorizerCredentials        string   `json:"authorizerCredentials,omitempty"`
	IdentitySource               string   `json:"identitySource,omitempty"`
	IdentityValidationExpression string   `json:"identityValidationExpression,omitempty"`
	AuthorizerResultTTLInSeconds *int     `json:"authorizerResultTtlInSeconds,omitempty"`
	// Intrinsics are the members written as CloudFormation intrinsic
	// functions (see Intrinsics).
	Intrinsics Intrinsics `json:"-"`
}

// RequestValidator is an item of get-request-validators.
type RequestValidator struct {
	ID                        string `json:"id,omitempty"`
	Name                      string `json:"name,omitempty"`
	ValidateRequestBody       *bool  `json:"validateRequestBody,omitempty"`
	ValidateRequestParameters *bool  `json:"validateRequestParameters,omitempty"`
}

// GatewayResponse is an item of get-gateway-responses.
type GatewayResponse struct {
	ResponseType string `json:"responseType,omitempty" enum:"DEFAULT_4XX,DEFAULT_5XX,RESOURCE_NOT_FOUND,UNAUTHORIZED,INVALID_API_KEY,ACCESS_DENIED,AUTHORIZER_FAILURE,AUTHORIZER_CONFIGURATION_ERROR,INVALID_SIGNATURE,EXPIRED_TOKEN,MISSING_AUTHENTICATION_TOKEN,INTEGRATION_FAILURE,INTEGRATION_TIMEOUT,API_CONFIGURATION_ERROR,UNSUPPORTED_MEDIA_TYPE,BAD_REQUEST_PARAMETERS,BAD_REQUEST_BODY,REQUEST_TOO_LARGE,THROTTLED,QUOTA_EXCEEDED,WAF_FILTERED"`
	StatusCode   string `json:"statusCode,omitempty"`
	// ResponseParameters and ResponseTemplates are omitted when nil and
	// written as {} when empty, as get-gateway-responses returns them.
	ResponseParameters map[string]string `json:"responseParameters,omitzero"`
	ResponseTemplates  map[string]string `json:"responseTemplates,omitzero"`
	// DefaultResponse is true for a type the API has not customised;
	// export leaves those out, as GetExport does.
	DefaultResponse *bool `json:"defaultResponse,omitempty"`
	// Intrinsics are the members written as CloudFormation intrinsic
	// functions (see Intrinsics).
	Intrinsics Intrinsics `json:"-"`
}

// DocumentationPart is an item of get-documentation-parts.
type DocumentationPart struct {
	ID       string                    `json:"id,omitempty"`
	Location DocumentationPartLocation `json:"location"`
	// Properties is the documentation as JSON text.
	Properties JSONText `json:"properties,omitempty"`
}

// DocumentationPartLocation says what a documentation part documents.
type DocumentationPartLocation struct {
	Type       string `json:"type,omitempty" enum:"API,AUTHORIZER,MODEL,RESOURCE,METHOD,PATH_PARAMETER,QUERY_PARAMETER,REQUEST_HEADER,REQUEST_BODY,RESPONSE,RESPONSE_HEADER,RESPONSE_BODY"`
	Path       string `json:"path,omitempty"`
	Method     string `json:"method,omitempty"`
	StatusCode string `json:"statusCode,omitempty"`
	Name       string `json:"name,omitempty"`
}

// Deployment is an item of get-deployments.
type Deployment struct {
	ID          string    `json:"id,omitempty"`
	Description string    `json:"description,omitempty"`
	CreatedDate Timestamp `json:"createdDate,omitempty"`
	// APISummary maps a resource path to its methods' authorization summary.
	APISummary map[string]map[string]*MethodSnapshot `json:"apiSummary,omitempty"`
}

// MethodSnapshot is a method's authorization as a deployment recorded it.
type MethodSnapshot struct {
	AuthorizationType string `json:"authorizationType,omitempty"`
	APIKeyRequired    *bool  `json:"apiKeyRequired,omitempty"`
}

// RestStage is an item of get-stages for a REST API.
type RestStage struct {
	DeploymentID         string                    `json:"deploymentId,omitempty"`
	ClientCertificateID  string                    `json:"clientCertificateId,omitempty"`
	StageName            string                    `json:"stageName,omitempty"`
	Description          string                    `json:"description,omitempty"`
	CacheClusterEnabled  *bool                     `json:"cacheClusterEnabled,omitempty"`
	CacheClusterSize     string                    `json:"cacheClusterSize,omitempty"`
	CacheClusterStatus   string                    `json:"cacheClusterStatus,omitempty"`
	MethodSettings       map[string]*MethodSetting `json:"methodSettings,omitempty"`
	Variables            map[string]string         `json:"variables,omitempty"`
	DocumentationVersion string                    `json:"documentationVersion,omitempty"`
	AccessLogSettings    *RestAccessLogSettings    `json:"accessLogSettings,omitempty"`
	CanarySettings       *CanarySettings           `json:"canarySettings,omitempty"`
	TracingEnabled       *bool                     `json:"tracingEnabled,omitempty"`
	WebACLArn            string                    `json:"webAclArn,omitempty"`
	Tags                 map[string]string         `json:"tags,omitempty"`
	CreatedDate          Timestamp                 `json:"createdDate,omitempty"`
	LastUpdatedDate      Timestamp                 `json:"lastUpdatedDate,omitempty"`
	// Intrinsics are the members written as CloudFormation intrinsic
	// functions (see Intrinsics).
	Intrinsics Intrinsics `json:"-"`
}

// MethodSetting is a stage's setting for one method ("*/*" for all).
type MethodSetting struct {
	MetricsEnabled                         *bool    `json:"metricsEnabled,omitempty"`
	LoggingLevel                           string   `json:"loggingLevel,omitempty"`
	DataTraceEnabled                       *bool    `json:"dataTraceEnabled,omitempty"`
	ThrottlingBurstLimit                   *int     `json:"throttlingBurstLimit,omitempty"`
	ThrottlingRateLimit                    *float64 `json:"throttlingRateLimit,omitempty"`
	CachingEnabled                         *bool    `json:"cachingEnabled,omitempty"`
	CacheTTLInSeconds                      *int     `json:"cacheTtlInSeconds,omitempty"`
	CacheDataEncrypted                     *bool    `json:"cacheDataEncrypted,omitempty"`
	RequireAuthorizationForCacheControl    *bool    `json:"requireAuthorizationForCacheControl,omitempty"`
	UnauthorizedCacheControlHeaderStrategy string   `json:"unauthorizedCacheControlHeaderStrategy,omitempty" enum:"FAIL_WITH_403,SUCCEED_WITH_RESPONSE_HEADER,SUCCEED_WITHOUT_RESPONSE_HEADER"`
}

// RestAccessLogSettings says where a REST stage writes access logs.
type RestAccessLogSettings struct {
	Format         string `json:"format,omitempty"`
	DestinationArn string `json:"destinationArn,omitempty"`
}

// CanarySettings are a stage's canary release settings.
type CanarySettings struct {
	PercentTraffic         *float64          `json:"percentTraffic,omitempty"`
	DeploymentID           string            `json:"deploymentId,omitempty"`
	StageVariableOverrides map[string]string `json:"stageVariableOverrides,omitempty"`
	UseStageCache          *bool             `json:"useStageCache,omitempty"`
}

// Timestamp is a date as the CLI or an SDK prints it (ISO 8601 text or epoch seconds), kept as written.
type Timestamp string

// JSONText is a JSON document held as text, as API Gateway returns model
// schemas and documentation properties.
type JSONText string
