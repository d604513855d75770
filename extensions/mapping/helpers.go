package mapping

// Selections returns the non-static pieces of the source: itself, or the
// selections among the parts of an Interpolation.
func (s Source) Selections() []Source {
	switch s.Kind {
	case Empty, Static:
		return nil
	case Interpolation:
		var out []Source
		for _, p := range s.Parts {
			out = append(out, p.Selections()...)
		}
		return out
	}
	return []Source{s}
}

// IsStatic reports whether the value is a constant: a static literal, or an
// interpolation without selections.
func (s Source) IsStatic() bool {
	return (s.Kind == Static || s.Kind == Interpolation) && len(s.Selections()) == 0
}

// StaticValue returns the constant text of a static source.
func (s Source) StaticValue() (string, bool) {
	if !s.IsStatic() {
		return "", false
	}
	if s.Kind == Static {
		return s.Literal, true
	}
	text := ""
	for _, p := range s.Parts {
		text += p.Literal
	}
	return text, true
}

// IsStatic reports whether the mapping sets a constant.
func (m Mapping) IsStatic() bool { return m.Source.IsStatic() }

// MethodRequestParams returns the method request parameters the mapping
// reads (REST method.request.path/querystring/header values and their
// multi-value forms), which API Gateway requires to be declared on the
// method. The body is not a parameter and is not listed.
func (m Mapping) MethodRequestParams() []Param {
	var out []Param
	for _, s := range m.Source.Selections() {
		if s.Kind == MethodRequest && s.Location != Body && s.Name != "" {
			out = append(out, Param{Location: s.Location.Single(), Name: s.Name})
		}
	}
	return out
}

// ResponseHeader returns the name of the response header the mapping sets:
// method.response.header.NAME in REST integration responses,
// gatewayresponse.header.NAME, and append:/overwrite:header.NAME in HTTP API
// response mappings. It returns false for anything else, including HTTP API
// remove: mappings.
func (m Mapping) ResponseHeader() (string, bool) {
	if m.Target.Location != Header || m.Target.Name == "" {
		return "", false
	}
	switch m.Context {
	case RESTResponse, GatewayResponse:
		return m.Target.Name, true
	case HTTPResponse:
		if m.Target.Op != Remove {
			return m.Target.Name, true
		}
	}
	return "", false
}
