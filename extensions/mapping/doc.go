// Package mapping is the grammar of Amazon API Gateway parameter-mapping
// expressions: the keys and values of requestParameters and
// responseParameters in REST API integrations, integration responses and
// gateway responses, in HTTP API integrations (append:/overwrite:/remove:
// keys, $request/$response selection expressions and ${…} interpolation),
// and in WebSocket API integrations.
//
// Each Parse function takes the key and the value as written and returns a
// typed Mapping plus the Problems found, each with a byte offset into the key
// or the value, a stable code (APIGW300–APIGW349), a severity matching what
// API Gateway's import does, and a message saying what to write instead.
//
// The package imports nothing of this module: callers turn Problems into
// their own diagnostics.
package mapping
