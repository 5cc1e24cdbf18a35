package relate

// Closed-class words the position rules look at, by language. They are
// grammar, not vocabulary, so they live with the rules that read them.

// boundaries end the clause of a subject search.
var boundaries = map[string]bool{
	"que": true, "qu'": true, ";": true, ":": true, "si": true, "lorsque": true, "lorsqu'": true,
	"quand": true, "mais": true, "car": true, "puisque": true, "puisqu'": true, "tandis": true,
	"alors": true, "dont": true, "où": true, "afin": true, "bien": true,
	"that": true, "because": true, "but": true, "if": true, "when": true, "while": true,
	"whereas": true, "although": true, "though": true, "since": true, "after": true, "before": true,
	"until": true, "where": true, "whom": true, "whose": true,
	"«": true, "»": true, "“": true, "”": true, "\"": true,
}

// relatives introduce a clause whose subject is the noun before them.
var relatives = map[string]bool{"qui": true, "who": true, "which": true}

// complementizers introduce a clause under a speech or modal verb.
var complementizers = map[string]bool{"que": true, "qu'": true, "that": true, ":": true, "«": true, "“": true}

// prepositions put the mention after them out of subject position.
var prepositions = map[string]bool{
	"à": true, "au": true, "aux": true, "de": true, "du": true, "des": true, "d'": true, "en": true,
	"dans": true, "avec": true, "pour": true, "par": true, "sur": true, "sous": true, "contre": true,
	"entre": true, "vers": true, "chez": true, "selon": true, "envers": true, "auprès": true,
	"in": true, "at": true, "on": true, "with": true, "for": true, "by": true, "from": true,
	"to": true, "of": true, "against": true, "about": true, "into": true, "between": true,
	"over": true, "under": true, "towards": true, "toward": true, "among": true, "across": true,
	"without": true, "sans": true, "malgré": true, "despite": true, "through": true, "via": true,
}

// coordinators join coordinated mentions.
var coordinators = map[string]bool{"et": true, "and": true, ",": true, "ou": true, "or": true, "ni": true, "comme": true, "tout": true, "ainsi": true, "as": true, "well": true}

// determiners before a word make it a noun, by language.
var determiners = map[string]map[string]bool{
	"fr": {
		"le": true, "la": true, "les": true, "l'": true, "un": true, "une": true, "des": true,
		"du": true, "leur": true, "leurs": true, "sa": true, "son": true, "ses": true, "ce": true,
		"cette": true, "ces": true, "notre": true, "nos": true, "votre": true, "vos": true,
		"nouvelle": true, "nouvelles": true, "nouveau": true, "nouveaux": true, "mon": true, "ma": true, "mes": true,
	},
	"en": {
		"the": true, "a": true, "an": true, "his": true, "her": true, "their": true, "its": true,
		"this": true, "these": true, "those": true, "our": true, "my": true, "your": true,
		"new": true, "any": true, "no": true, "every": true, "each": true,
	},
}

// skippable may stand between a verb and its object.
var skippable = map[string]bool{
	"le": true, "la": true, "les": true, "l'": true, "un": true, "une": true, "des": true,
	"du": true, "de": true, "d'": true, "leur": true, "leurs": true, "sa": true, "son": true,
	"ses": true, "ce": true, "cette": true, "ces": true, "notre": true, "nos": true,
	"pas": true, "plus": true, "jamais": true, "guère": true, "point": true, "aussi": true,
	"également": true, "déjà": true, "encore": true, "toujours": true, "bien": true, "très": true,
	"notamment": true, "même": true, "ainsi": true, "alors": true, "donc": true, "enfin": true,
	"quelconque": true, "tout": true, "toute": true, "tous": true, "toutes": true,
	"officiellement": true, "publiquement": true, "hier": true, "prochainement": true,
	"the": true, "a": true, "an": true, "his": true, "her": true, "their": true, "its": true,
	"this": true, "these": true, "those": true, "our": true, "not": true, "never": true,
	"also": true, "already": true, "still": true, "formally": true, "officially": true,
	"publicly": true, "any": true, "all": true, "y": true,
}

// placeholders stand for the embedded proposition under a modal verb
// ("envisager la possibilité de", "consider the option of").
var placeholders = map[string]bool{
	"possibilité": true, "idée": true, "option": true, "hypothèse": true, "éventualité": true,
	"intention": true, "perspective": true,
	"possibility": true, "idea": true, "prospect": true, "options": true,
}

// reflexives mark a reflexive verb before it.
var reflexives = map[string]bool{"se": true, "s'": true, "me": true, "m'": true, "te": true, "t'": true, "nous": true, "vous": true}

// passiveAux are the forms of the passive auxiliary.
var passiveAux = map[string]bool{
	"été": true, "fut": true, "furent": true,
	"was": true, "were": true, "been": true, "being": true, "is": true, "are": true, "be": true,
}

// agentPreps introduce the agent of a passive.
var agentPreps = map[string]bool{"par": true, "by": true}

// reporting introduce a source: "selon X", "according to X".
var reporting = map[string]bool{"selon": true, "according": true, "d'après": true}

// possessivePlural before an event noun stands for its participants.
var possessivePlural = map[string]bool{"leur": true, "leurs": true, "their": true}

// prepForms maps contracted prepositions to the form lexicons use.
var prepForms = map[string]string{"au": "à", "aux": "à", "du": "de", "des": "de", "d'": "de"}

// adverbs may stand between a verb and its preposition or object.
var adverbs = map[string]bool{
	"pas": true, "plus": true, "jamais": true, "guère": true, "point": true, "aussi": true,
	"également": true, "déjà": true, "encore": true, "toujours": true, "bien": true, "très": true,
	"notamment": true, "même": true, "ainsi": true, "alors": true, "donc": true, "enfin": true,
	"officiellement": true, "publiquement": true, "hier": true, "prochainement": true,
	"récemment": true, "finalement": true, "immédiatement": true, "fermement": true,
	"not": true, "never": true, "also": true, "already": true, "still": true, "formally": true,
	"officially": true, "publicly": true, "again": true, "repeatedly": true, "recently": true,
	"later": true, "today": true, "yesterday": true, "directly": true, "strongly": true,
	"n't": true, "tous": true, "deux": true, "both": true, "y": true,
}

// npDeterminers may stand between a preposition and a name.
var npDeterminers = map[string]bool{
	"le": true, "la": true, "les": true, "l'": true, "un": true, "une": true, "son": true,
	"sa": true, "ses": true, "leur": true, "leurs": true, "the": true, "a": true, "an": true,
	"his": true, "her": true, "their": true, "its": true,
}

// timeWords (days, months, parts of the day) are adjuncts, never objects.
var timeWords = map[string]bool{
	"lundi": true, "mardi": true, "mercredi": true, "jeudi": true, "vendredi": true, "samedi": true, "dimanche": true,
	"janvier": true, "février": true, "mars": true, "avril": true, "mai": true, "juin": true, "juillet": true,
	"août": true, "septembre": true, "octobre": true, "novembre": true, "décembre": true,
	"matin": true, "soir": true, "midi": true, "aujourd'hui": true, "demain": true, "hier": true, "dernier": true, "dernière": true, "prochain": true, "prochaine": true,
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true, "saturday": true, "sunday": true,
	"january": true, "february": true, "march": true, "april": true, "june": true, "july": true,
	"august": true, "september": true, "october": true, "november": true, "december": true,
	"today": true, "tomorrow": true, "yesterday": true, "morning": true, "evening": true, "night": true, "week": true, "year": true,
	"last": true, "next": true, "this": true, "semaine": true, "année": true, "week-end": true, "weekend": true, "nuit": true,
	// Quantities before a noun: "pas moins de 8 000 postes", "more than".
	"moins": true, "environ": true, "près": true, "than": true, "more": true, "less": true, "some": true,
}

// pronounWords stand for something else and are never an object's words.
var pronounWords = map[string]bool{
	"there": true, "it": true, "this": true, "that": true, "he": true, "she": true, "they": true,
	"we": true, "you": true, "i": true, "him": true, "them": true, "us": true, "what": true,
	"il": true, "elle": true, "ils": true, "elles": true, "ce": true, "cela": true, "ça": true,
	"on": true, "nous": true, "vous": true, "lui": true, "eux": true, "y": true, "en": true,
}

// premodifiers are adjectives that come before the noun.
var premodifiers = map[string]bool{
	"grand": true, "grande": true, "grands": true, "grandes": true, "petit": true, "petite": true,
	"petits": true, "petites": true, "premier": true, "première": true, "dernier": true, "dernière": true,
	"seul": true, "seule": true, "vaste": true, "important": true, "importante": true, "long": true,
	"longue": true, "bref": true, "brève": true, "large": true, "éventuel": true, "éventuelle": true,
	"big": true, "major": true, "first": true, "last": true, "final": true,
	"small": true, "short": true, "brief": true, "possible": true, "joint": true,
}
