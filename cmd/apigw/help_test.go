package main

import (
	"testing"

	"github.com/spf13/cobra"
)

// TestEveryCommandTeaches checks that each command a user can run has a
// description and at least one example in its --help.
func TestEveryCommandTeaches(t *testing.T) {
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		for _, sub := range c.Commands() {
			walk(sub)
		}
		if !c.Runnable() || c.Name() == "help" || c.Name() == "completion" || c.Parent() != nil && c.Parent().Name() == "completion" {
			return
		}
		if c.Short == "" {
			t.Errorf("%s: no short description", c.CommandPath())
		}
		if c.Example == "" {
			t.Errorf("%s: no example in --help", c.CommandPath())
		}
	}
	walk(newRootCmd())
}
