package extensions

import "go.yaml.in/yaml/v4"

// The hooks below are where parameter-mapping expressions and selection
// patterns are checked. They receive the decoded values and their source
// nodes; checks that need the expression grammar or Java regex semantics
// belong here.

// checkSelectionPattern checks one responses key, a Java regex (the default
// key is never passed).
func checkSelectionPattern(d *decoder, pattern string, key *yaml.Node, ptr string) {}
