package extensions

// InferKind guesses the kind of API an integration was written for from the
// fields only one kind reads: payloadFormatVersion, integrationSubtype,
// responseParameters by status code, tlsConfig.serverNameToVerify and $ref
// mean an HTTP API; responses, cacheKeyParameters, cacheNamespace,
// contentHandling, integrationTarget, responseTransferMode and
// tlsConfig.insecureSkipVerification mean a REST API. It returns KindUnknown
// when the fields say neither or both.
func (v *Integration) InferKind() APIKind {
	http := v.PayloadFormatVersion != "" || !v.IntegrationSubtype.IsZero() || v.ResponseParameters != nil ||
		v.IsRef() || v.TLSConfig != nil && !v.TLSConfig.ServerNameToVerify.IsZero()
	rest := v.Responses != nil || v.CacheKeyParameters != nil || !v.CacheNamespace.IsZero() ||
		v.ContentHandling != "" || !v.IntegrationTarget.IsZero() || v.ResponseTransferMode != "" ||
		v.TLSConfig != nil && v.TLSConfig.InsecureSkipVerification != nil
	switch {
	case http && !rest:
		return KindHTTP
	case rest && !http:
		return KindREST
	}
	return KindUnknown
}
