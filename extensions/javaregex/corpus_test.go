package javaregex

import (
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"go.yaml.in/yaml/v4"
)

// corpusPatterns collects every selection pattern in the shared corpus:
// responses keys of x-amazon-apigateway-integration objects and
// SelectionPattern / selectionPattern values (CloudFormation, AWS dumps).
// It returns nil when the corpus folder is absent.
func corpusPatterns() ([]string, error) {
	dir := filepath.Join("..", "..", "..", "shared", "corpus", "specs")
	if _, err := os.Stat(dir); err != nil {
		return nil, nil
	}
	seen := map[string]bool{}
	var out []string
	add := func(s string) {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		ext := strings.ToLower(filepath.Ext(path))
		if ext != ".json" && ext != ".yaml" && ext != ".yml" {
			return nil
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		var doc yaml.Node
		if yaml.Unmarshal(data, &doc) != nil {
			return nil // not every corpus file is meant to parse
		}
		walkPatterns(&doc, add)
		return nil
	})
	slices.Sort(out)
	return out, err
}

func walkPatterns(n *yaml.Node, add func(string)) {
	if n == nil {
		return
	}
	if n.Kind == yaml.MappingNode {
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			switch k.Value {
			case "x-amazon-apigateway-integration":
				if v.Kind == yaml.MappingNode {
					for j := 0; j+1 < len(v.Content); j += 2 {
						if v.Content[j].Value == "responses" && v.Content[j+1].Kind == yaml.MappingNode {
							r := v.Content[j+1]
							for m := 0; m+1 < len(r.Content); m += 2 {
								if !IsDefault(r.Content[m].Value) {
									add(r.Content[m].Value)
								}
							}
						}
					}
				}
			case "SelectionPattern", "selectionPattern":
				if v.Kind == yaml.ScalarNode {
					add(v.Value)
				}
			}
		}
	}
	for _, c := range n.Content {
		walkPatterns(c, add)
	}
}
