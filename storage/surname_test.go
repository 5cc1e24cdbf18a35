package storage_test

import (
	"context"
	"slices"
	"testing"

	"github.com/kgraph/kg/graph"
	"github.com/kgraph/kg/storage"
)

// TestSurnameLookup checks that a surname stored as a person of its own
// and the one person the surname names across the store are looked up
// together, and nothing else is.
func TestSurnameLookup(t *testing.T) {
	ctx := context.Background()
	s := openAt(t, "", storage.Options{InMemory: true})
	per, org, gpe := graph.Person, graph.Org, graph.GPE
	tri := func(sub string, st graph.EntityType, pred, obj string, ot graph.EntityType) graph.Triple {
		return graph.Triple{Subject: sub, SubjectType: st, Predicate: pred, Object: obj, ObjectType: ot,
			Modality: graph.Asserted, Sentence: sub + " " + pred + " " + obj + ".", Confidence: 0.8}
	}
	person := func(name, alias string) []graph.Entity {
		return []graph.Entity{{Name: name, Type: per, Aliases: []string{alias}}}
	}
	docs := []struct {
		id       string
		entities []graph.Entity
		triples  []graph.Triple
	}{
		{"d1", person("Karel Vondrak", "Vondrak"), []graph.Triple{tri("Karel Vondrak", per, "meets", "Ilse Marten", per)}},
		// Other documents name persons by their surnames alone.
		{"d2", nil, []graph.Triple{tri("Vondrak", per, "visits", "Velmora", gpe), tri("Marten", per, "visits", "Velmora", gpe),
			tri("Brandt", per, "visits", "Velmora", gpe), tri("Kessler", per, "visits", "Velmora", gpe)}},
		// Two persons are Marten, neither called so alone; Harlow alone
		// is a company.
		{"d3", nil, []graph.Triple{tri("Anna Marten", per, "meets", "Tom Harlow", per), tri("Harlow", org, "hires", "Tom Harlow", per)}},
		// Brandt is Lena Brandt in three documents of four, Kessler as
		// often Eva as Jan.
		{"d4", person("Lena Brandt", "Brandt"), []graph.Triple{tri("Lena Brandt", per, "visits", "Velmora", gpe)}},
		{"d5", person("Lena Brandt", "Brandt"), []graph.Triple{tri("Lena Brandt", per, "visits", "Velmora", gpe)}},
		{"d6", person("Lena Brandt", "Brandt"), []graph.Triple{tri("Lena Brandt", per, "visits", "Velmora", gpe)}},
		{"d7", person("Otto Brandt", "Brandt"), []graph.Triple{tri("Otto Brandt", per, "visits", "Velmora", gpe)}},
		{"d8", person("Eva Kessler", "Kessler"), []graph.Triple{tri("Eva Kessler", per, "visits", "Velmora", gpe)}},
		{"d9", person("Jan Kessler", "Kessler"), []graph.Triple{tri("Jan Kessler", per, "visits", "Velmora", gpe)}},
	}
	for _, d := range docs {
		if _, err := s.PutDocument(ctx, graph.Document{ID: d.id, Lang: "en", Text: d.id}, d.entities, d.triples); err != nil {
			t.Fatal(err)
		}
	}
	for _, tt := range []struct {
		name string
		want []string
	}{
		{"Karel Vondrak", []string{"Karel Vondrak", "Vondrak"}},
		{"karel vondrák", []string{"Karel Vondrak", "Vondrak"}},
		{"Vondrak", []string{"Karel Vondrak", "Vondrak"}},
		{"Ilse Marten", []string{"Ilse Marten"}},
		{"Marten", []string{"Marten"}},
		{"Lena Brandt", []string{"Brandt", "Lena Brandt"}},
		{"Otto Brandt", []string{"Otto Brandt"}},
		{"Eva Kessler", []string{"Eva Kessler"}},
		{"Kessler", []string{"Eva Kessler", "Jan Kessler", "Kessler"}}, // aliases of both
		{"Tom Harlow", []string{"Tom Harlow"}},                         // Harlow alone is no person
		{"Harlow", []string{"Harlow"}},
		{"Velmora", []string{"Velmora"}},
		{"Zelda", nil},
	} {
		got, err := s.Resolve(ctx, tt.name)
		if err != nil || !slices.Equal(got, tt.want) {
			t.Errorf("Resolve(%q) = %q, %v; want %q", tt.name, got, err, tt.want)
		}
	}
	edges, err := s.Edges(ctx, storage.Pattern{Subject: "Karel Vondrak", Object: "Velmora"}, false)
	if err != nil || len(edges) != 1 || edges[0].Subject != "Vondrak" {
		t.Errorf("Edges(Karel Vondrak → Velmora) = %+v, %v; want Vondrak's visit", edges, err)
	}
	// Entity names one entity: the grouping does not make it ambiguous.
	if e, err := s.Entity(ctx, "karel vondrak"); err != nil || e.Name != "Karel Vondrak" {
		t.Errorf("Entity(karel vondrak) = %+v, %v", e, err)
	}
}
