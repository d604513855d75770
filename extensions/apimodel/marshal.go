package apimodel

// Each struct that can hold intrinsic functions writes them in place of
// its plain values.

// marshalWith writes v (a struct without methods) as encoding/json does,
// with the intrinsics of t in place.
func marshalWith(v any, t Intrinsics) ([]byte, error) {
	data, err := marshalPlain(v)
	if err != nil || len(t) == 0 {
		return data, err
	}
	return withIntrinsics(data, t)
}

// MarshalJSON writes the API with its intrinsic functions.
func (a RestAPI) MarshalJSON() ([]byte, error) {
	type plain RestAPI
	return marshalWith(plain(a), a.Intrinsics)
}

// MarshalJSON writes the integration with its intrinsic functions.
func (i Integration) MarshalJSON() ([]byte, error) {
	type plain Integration
	return marshalWith(plain(i), i.Intrinsics)
}

// MarshalJSON writes the integration response with its intrinsic functions.
func (r IntegrationResponse) MarshalJSON() ([]byte, error) {
	type plain IntegrationResponse
	return marshalWith(plain(r), r.Intrinsics)
}

// MarshalJSON writes the authorizer with its intrinsic functions.
func (a Authorizer) MarshalJSON() ([]byte, error) {
	type plain Authorizer
	return marshalWith(plain(a), a.Intrinsics)
}

// MarshalJSON writes the gateway response with its intrinsic functions.
func (g GatewayResponse) MarshalJSON() ([]byte, error) {
	type plain GatewayResponse
	return marshalWith(plain(g), g.Intrinsics)
}

// MarshalJSON writes the model with its intrinsic functions.
func (m Model) MarshalJSON() ([]byte, error) {
	type plain Model
	return marshalWith(plain(m), m.Intrinsics)
}

// MarshalJSON writes the stage with its intrinsic functions.
func (s RestStage) MarshalJSON() ([]byte, error) {
	type plain RestStage
	return marshalWith(plain(s), s.Intrinsics)
}

// MarshalJSON writes the API with its intrinsic functions.
func (a API) MarshalJSON() ([]byte, error) {
	type plain API
	return marshalWith(plain(a), a.Intrinsics)
}

// MarshalJSON writes the integration with its intrinsic functions.
func (i V2Integration) MarshalJSON() ([]byte, error) {
	type plain V2Integration
	return marshalWith(plain(i), i.Intrinsics)
}

// MarshalJSON writes the integration response with its intrinsic functions.
func (r V2IntegrationResponse) MarshalJSON() ([]byte, error) {
	type plain V2IntegrationResponse
	return marshalWith(plain(r), r.Intrinsics)
}

// MarshalJSON writes the authorizer with its intrinsic functions.
func (a V2Authorizer) MarshalJSON() ([]byte, error) {
	type plain V2Authorizer
	return marshalWith(plain(a), a.Intrinsics)
}

// MarshalJSON writes the stage with its intrinsic functions.
func (s Stage) MarshalJSON() ([]byte, error) {
	type plain Stage
	return marshalWith(plain(s), s.Intrinsics)
}
