package entity

import (
	"fmt"
	"io"
	"os"

	"go.yaml.in/yaml/v3"

	"github.com/kgraph/kg/graph"
)

// Alias is the entity a user's alias names.
type Alias struct {
	Name string
	Type graph.EntityType // "" keeps the type recognition gives
}

// Aliases maps folded names (graph.Fold) to the entities they name.
type Aliases map[string]Alias

// ReadAliases reads a user's alias file: YAML mapping each canonical name
// to its other names, or to a map with its type and aliases:
//
//	Sergei Lavrov: [Lavrov, Sergueï Lavrov, S. Lavrov]
//	European Union:
//	  type: ORG
//	  aliases: [UE, EU, Union européenne]
//
// The canonical name itself is an alias of itself.
func ReadAliases(r io.Reader, name string) (Aliases, error) {
	var doc yaml.Node
	if err := yaml.NewDecoder(r).Decode(&doc); err != nil {
		if err == io.EOF {
			return Aliases{}, nil
		}
		return nil, fmt.Errorf("aliases %s: %w", name, err)
	}
	out := Aliases{}
	if len(doc.Content) == 0 {
		return out, nil
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		return nil, fmt.Errorf("aliases %s:%d: want a map of canonical names", name, root.Line)
	}
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		a := Alias{Name: k.Value}
		var names []string
		switch v.Kind {
		case yaml.SequenceNode:
			if err := v.Decode(&names); err != nil {
				return nil, fmt.Errorf("aliases %s:%d: %s: %w", name, v.Line, k.Value, err)
			}
		case yaml.MappingNode:
			var m struct {
				Type    string   `yaml:"type"`
				Aliases []string `yaml:"aliases"`
			}
			if err := v.Decode(&m); err != nil {
				return nil, fmt.Errorf("aliases %s:%d: %s: %w", name, v.Line, k.Value, err)
			}
			if m.Type != "" {
				t, err := graph.ParseEntityType(m.Type)
				if err != nil {
					return nil, fmt.Errorf("aliases %s:%d: %s: %w", name, v.Line, k.Value, err)
				}
				a.Type = t
			}
			names = m.Aliases
		default:
			return nil, fmt.Errorf("aliases %s:%d: %s: want a list of names or a map with type and aliases", name, v.Line, k.Value)
		}
		for _, n := range append([]string{k.Value}, names...) {
			f := graph.Fold(n)
			if f == "" {
				return nil, fmt.Errorf("aliases %s:%d: %s: empty alias", name, v.Line, k.Value)
			}
			if prev, ok := out[f]; ok && prev.Name != a.Name {
				return nil, fmt.Errorf("aliases %s:%d: %q names both %q and %q", name, v.Line, n, prev.Name, a.Name)
			}
			out[f] = a
		}
	}
	return out, nil
}

// LoadAliases reads the alias file at path.
func LoadAliases(path string) (Aliases, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("aliases: %w", err)
	}
	defer f.Close()
	return ReadAliases(f, path)
}
