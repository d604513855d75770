package main

import (
	"encoding/json"
	"errors"
	"os"
)

// decodeCmd reads a file and decodes it with encoding/json into
// map[string]any: the reference each command's process is measured against,
// started and timed the same way.
func decodeCmd(args []string) error {
	if len(args) != 1 {
		return errors.New("usage: bench decode FILE")
	}
	data, err := os.ReadFile(args[0])
	if err != nil {
		return err
	}
	var v map[string]any
	return json.Unmarshal(data, &v)
}
