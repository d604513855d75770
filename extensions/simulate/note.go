package simulate

import "github.com/apigw/apigw/extensions/diag"

// Note is a remark about a simulation: why a response was chosen, why a
// header is missing, why the client would get a 500.
type Note struct {
	// Code is one of the Code constants of this package.
	Code diag.Code `json:"code"`
	// Message says what happened and, where it helps, what to change.
	Message string `json:"message"`
}
