// Package openapi reads, checks and writes OpenAPI documents (Swagger 2.0,
// OpenAPI 3.0 and 3.1, JSON or YAML, also embedded in CloudFormation and SAM
// templates) that carry Amazon API Gateway's x-amazon-apigateway-* extensions.
//
// Loading goes bytes → source tree → documents:
//
//   - Parse reads a file into a go.yaml.in/yaml/v4 node tree with lines and
//     columns. JSON takes a fast path that yields the same tree yaml v4 would
//     build for the same text. Safety limits (size, nesting depth, YAML alias
//     expansion over the whole tree, invalid UTF-8, several YAML documents)
//     refuse hostile input with a *LimitError.
//   - Load finds the API definitions in the tree (the file itself, or each
//     inline Body/DefinitionBody of a template), applies the external $ref
//     policy, and decodes every extension where API Gateway reads it. Problems
//     are diagnostics with file, line, column and an absolute JSON pointer.
//   - A Document then offers its operations and extensions to the checks,
//     converters and emitters built on top.
package openapi
