package config

import (
	"bytes"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// checkYAML returns the syntax error of a YAML file, if any, with the
// line where it lies. yaml.v3 names the line where the construct around
// the error started, counted from 0 or 1 depending on the error (a tab
// on line 3 is "line 2"), so the line is found again as the first one
// from a line before that, at which the file, cut after it, no longer
// reads.
func checkYAML(data []byte) error {
	var v any
	err := yaml.Unmarshal(data, &v)
	if err == nil {
		return nil
	}
	// Errors of content, such as a key given twice, have their lines right.
	var te *yaml.TypeError
	if errors.As(err, &te) {
		return errors.New(strings.Join(te.Errors, "; "))
	}
	rest, ok := strings.CutPrefix(err.Error(), "yaml: line ")
	num, msg, ok2 := strings.Cut(rest, ": ")
	reported, aerr := strconv.Atoi(num)
	if !ok || !ok2 || aerr != nil {
		return err
	}
	lines := bytes.SplitAfter(data, []byte("\n"))
	for k := max(1, reported-1); k <= len(lines); k++ {
		var v any
		if yaml.Unmarshal(bytes.Join(lines[:k], nil), &v) != nil {
			return fmt.Errorf("line %d: %s", k, msg)
		}
	}
	return fmt.Errorf("line %d: %s", reported, msg)
}
