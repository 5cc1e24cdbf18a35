package prompt

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/kgraph/kg/extract/llm"
	"github.com/kgraph/kg/graph"
)

// Version is the version of System, Schema and User together.
const Version = "kg-triples-1"

// SchemaName names the answer's schema in the request.
const SchemaName = "kg_triples"

// System states the annotation rules. Every example is invented.
const System = `You read one news article (French or English) and list the relations it states between actors, as triples for a knowledge graph. Answer in English, whatever the article's language, except for the "sentence" field.

Subjects: named people, organisations, countries, cities acting as governments, named places, or a group the article makes clear acts as one actor (police, protesters, "the government" when it is clear whose: then name that country or government).
Objects: the same, or a short noun phrase carrying the content of the relation (sanctions, draft law, ceasefire, resignation, face veils).

Relations worth listing:
1. actions between actors: meets, visits, calls, criticizes, accuses, attacks, arrests, sues, elects, appoints, supports, opposes, negotiates with, signs an agreement with;
2. an actor acting on a concept: proposes (an amendment), announces (a withdrawal), bans (a product), signs (a decree), considers (sanctions);
3. roles the text states, also in appositions and titles: "Interior Minister Paula Brandt" gives (Paula Brandt, is interior minister of, <her country>); membership, leadership, spokesperson, where an organisation is based.

Reported speech: give the reported relation itself, and when the statement has a short noun-phrase topic also (speaker, says / announces / denounces, topic).

Fields of each triple:
- subject, object: the full canonical English name of the entity ("Marta Lindqvist", not "Lindqvist" or "she"; "Germany" for "les autorités allemandes" or "Berlin" acting as the government; "United Nations" for "l'ONU"). Resolve pronouns and surnames to the full name used elsewhere in the article. A concept object is a short English noun phrase in lower case.
- subject_type, object_type: PERSON, ORG, GPE (country, or city or region with a government), LOC (other places), EVENT, or CONCEPT.
- predicate: a short English verb phrase, present tense, third person singular, lower case, without auxiliaries or negation: "meets", "visits", "rules out", "calls for", "imposes sanctions on", "is foreign minister of".
- negated: true when the article says the relation does not or did not hold ("did not meet", "refused to sign", "n'a jamais évoqué" give the denied relation with negated true). "rejects" or "refuses" as an action in its own right is a positive triple.
- modality: asserted (stated as fact), reported (someone says it), intended (a plan or promise), considered (a possibility being weighed), hypothetical (a condition).
- sentence: the one sentence of the article that states it, copied character for character (same language, accents, quotes and punctuation). Never paraphrase, translate, shorten or join sentences.

Leave out relations between concepts only, vague statements with no actor, the headline, and duplicates (list each distinct relation once per article, from the first sentence that states it). An article of 25 words usually gives about one triple. If it states none, answer {"triples": []}.

Examples (invented):
Article: "La ministre suédoise des Affaires étrangères, Marta Lindqvist, a rencontré mardi à Oslo son homologue norvégien Per Aasen. Elle n'a pas exclu de nouvelles sanctions contre Kalvia."
Triples:
{"subject":"Marta Lindqvist","subject_type":"PERSON","predicate":"is foreign minister of","object":"Sweden","object_type":"GPE","negated":false,"modality":"asserted","sentence":"La ministre suédoise des Affaires étrangères, Marta Lindqvist, a rencontré mardi à Oslo son homologue norvégien Per Aasen."}
{"subject":"Marta Lindqvist","subject_type":"PERSON","predicate":"meets","object":"Per Aasen","object_type":"PERSON","negated":false,"modality":"asserted","sentence":"La ministre suédoise des Affaires étrangères, Marta Lindqvist, a rencontré mardi à Oslo son homologue norvégien Per Aasen."}
{"subject":"Marta Lindqvist","subject_type":"PERSON","predicate":"rules out","object":"sanctions","object_type":"CONCEPT","negated":true,"modality":"asserted","sentence":"Elle n'a pas exclu de nouvelles sanctions contre Kalvia."}

Article: "Harlow Motors said on Monday it would close its plant in Dunmore. The union accused the company of breaking its promises."
Triples:
{"subject":"Harlow Motors","subject_type":"ORG","predicate":"closes","object":"Dunmore plant","object_type":"CONCEPT","negated":false,"modality":"intended","sentence":"Harlow Motors said on Monday it would close its plant in Dunmore."}
{"subject":"union","subject_type":"ORG","predicate":"accuses","object":"Harlow Motors","object_type":"ORG","negated":false,"modality":"asserted","sentence":"The union accused the company of breaking its promises."}

Answer with one JSON object {"triples": [...]} and nothing else.`

// Schema is the JSON schema of the answer (strict mode: every property
// required, no others).
var Schema = json.RawMessage(`{
  "type": "object",
  "properties": {
    "triples": {
      "type": "array",
      "items": {
        "type": "object",
        "properties": {
          "subject": {"type": "string"},
          "subject_type": {"type": "string", "enum": ["PERSON", "ORG", "GPE", "LOC", "EVENT", "CONCEPT"]},
          "predicate": {"type": "string"},
          "object": {"type": "string"},
          "object_type": {"type": "string", "enum": ["PERSON", "ORG", "GPE", "LOC", "EVENT", "CONCEPT"]},
          "negated": {"type": "boolean"},
          "modality": {"type": "string", "enum": ["asserted", "reported", "intended", "considered", "hypothetical"]},
          "sentence": {"type": "string"}
        },
        "required": ["subject", "subject_type", "predicate", "object", "object_type", "negated", "modality", "sentence"],
        "additionalProperties": false
      }
    }
  },
  "required": ["triples"],
  "additionalProperties": false
}`)

// User is the user turn for one document.
func User(doc graph.Document) string {
	var b strings.Builder
	if doc.Lang != "" {
		fmt.Fprintf(&b, "Language: %s\n", doc.Lang)
	}
	if doc.Title != "" {
		fmt.Fprintf(&b, "Headline (do not annotate): %s\n", doc.Title)
	}
	b.WriteString("Article:\n")
	b.WriteString(doc.Text)
	return b.String()
}

// Request is the chat completion that asks for doc's triples.
func Request(doc graph.Document) llm.Request {
	return llm.Request{
		Messages:   []llm.Message{{Role: "system", Content: System}, {Role: "user", Content: User(doc)}},
		SchemaName: SchemaName,
		Schema:     Schema,
	}
}

// Retry is the turn that asks again after a malformed answer, with what
// was wrong with it.
func Retry(req llm.Request, answer string, err error) llm.Request {
	msgs := append(req.Messages[:len(req.Messages):len(req.Messages)],
		llm.Message{Role: "assistant", Content: answer},
		llm.Message{Role: "user", Content: fmt.Sprintf("That answer cannot be read (%v). Answer again with one JSON object {\"triples\": [...]} matching the schema, and nothing else.", err)})
	req.Messages = msgs
	return req
}
