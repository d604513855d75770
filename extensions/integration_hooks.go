package extensions

import "go.yaml.in/yaml/v4"

// The hooks below are where parameter-mapping expressions and selection
// patterns are checked. They receive the decoded values and their source
// nodes; checks that need the expression grammar or Java regex semantics
// belong here.

// checkRequestMapping checks integration requestParameters (REST: integration
// request parameter → method request source; HTTP APIs: action → value).
func checkRequestMapping(d *decoder, m Map[Str], n *yaml.Node, ptr string, kind APIKind) {}

// checkResponseMapping checks the responseParameters of one REST integration
// response (method.response.header.* → source).
func checkResponseMapping(d *decoder, m Map[Str], n *yaml.Node, ptr string) {}

// checkHTTPResponseMapping checks the HTTP API response mappings for one status
// code (append:header.*, overwrite:header.*, remove:header.*, overwrite:statuscode).
func checkHTTPResponseMapping(d *decoder, m Map[Str], n *yaml.Node, ptr string) {}

// checkSelectionPattern checks one responses key, a Java regex (the default
// key is never passed).
func checkSelectionPattern(d *decoder, pattern string, key *yaml.Node, ptr string) {}
