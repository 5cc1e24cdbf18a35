package inflect

import (
	"fmt"
	"strings"
	"sync"
)

// Tags name the mood and tense of a generated form. A form that several
// tenses share carries each tag once (see Merge).
const (
	Inf     = "inf"     // infinitive
	Pres    = "pres"    // indicative present
	Imperf  = "imperf"  // indicative imperfect
	Fut     = "fut"     // future
	Cond    = "cond"    // conditional present
	PS      = "ps"      // passé simple (English: simple past)
	Subj    = "subj"    // subjunctive present
	SubjImp = "subjimp" // subjunctive imperfect
	Imper   = "imper"   // imperative
	PPr     = "ppr"     // present participle (English: -ing form)
	PP      = "pp"      // past participle, any gender and number
	Base    = "base"    // English base form
	S3      = "3s"      // English third person singular present
	Ed      = "ed"      // English past or past participle, when not told apart
)

// Form is one inflected form of a lemma.
type Form struct {
	Word string
	Tag  string
}

// French returns the forms of a French infinitive (without "se"), all moods
// and tenses, past participles in their four gender and number forms.
// It fails for an infinitive that no rule or model covers.
func French(lemma string) ([]Form, error) {
	lemma = strings.ToLower(strings.TrimSpace(lemma))
	if strings.ContainsAny(lemma, " '") {
		return nil, fmt.Errorf("french verb %q: want a single infinitive", lemma)
	}
	if m, prefix, ok := frenchModels().find(lemma); ok {
		return m.forms(prefix), nil
	}
	switch {
	case strings.HasSuffix(lemma, "er") && len(lemma) > 2:
		return firstGroup(lemma), nil
	case strings.HasSuffix(lemma, "ir") && len(lemma) > 2:
		return secondGroup(lemma), nil
	}
	return nil, fmt.Errorf("french verb %q: no conjugation model", lemma)
}

// secondGroupOnly lists -ir verbs of the second group whose ending would
// otherwise match a third-group model (répartir is not partir).
var secondGroupOnly = map[string]bool{
	"répartir": true, "asservir": true, "assortir": true,
}

func secondGroup(lemma string) []Form {
	s := strings.TrimSuffix(lemma, "ir")
	var f forms
	f.add(Inf, lemma)
	f.add(Pres, s+"is", s+"is", s+"it", s+"issons", s+"issez", s+"issent")
	f.addEnd(Imperf, s+"iss", imperfEnd...)
	f.addEnd(Fut, lemma, futEnd...)
	f.addEnd(Cond, lemma, imperfEnd...)
	f.addEnd(PS, s, "is", "is", "it", "îmes", "îtes", "irent")
	f.addEnd(Subj, s+"iss", subjEnd...)
	f.addEnd(SubjImp, s, "isse", "isses", "ît", "issions", "issiez", "issent")
	f.add(Imper, s+"is", s+"issons", s+"issez")
	f.add(PPr, s+"issant")
	f.pp(s + "i")
	return f.list
}

var (
	imperfEnd = []string{"ais", "ais", "ait", "ions", "iez", "aient"}
	futEnd    = []string{"ai", "as", "a", "ons", "ez", "ont"}
	subjEnd   = []string{"e", "es", "e", "ions", "iez", "ent"}
)

// forms collects generated forms in order.
type forms struct{ list []Form }

func (f *forms) add(tag string, words ...string) {
	for _, w := range words {
		if w != "" && w != "-" {
			f.list = append(f.list, Form{Word: w, Tag: tag})
		}
	}
}

func (f *forms) addEnd(tag, stem string, ends ...string) {
	for _, e := range ends {
		f.add(tag, stem+e)
	}
}

// pp adds a past participle in its four forms. "dû" loses its accent
// outside the masculine singular; a participle ending in s does not
// change in the masculine plural.
func (f *forms) pp(m string) {
	base := m
	switch {
	case strings.HasSuffix(m, "û"):
		base = strings.TrimSuffix(m, "û") + "u"
	}
	if strings.HasSuffix(m, "s") || strings.HasSuffix(m, "x") {
		f.add(PP, m, base+"e", base+"es")
		return
	}
	f.add(PP, m, base+"e", base+"s", base+"es")
}

// First group (-er) with its spelling changes: commencer/commençons,
// manger/mangeons, lever/lève, céder/cède, appeler/appelle,
// employer/emploie, payer/paie~paye.

// eVerbsWithGrave lists -eler/-eter verbs that take è rather than
// doubling the consonant (acheter/achète, not *achette).
var eVerbsWithGrave = map[string]bool{
	"acheter": true, "racheter": true, "geler": true, "dégeler": true, "congeler": true,
	"modeler": true, "harceler": true, "marteler": true, "peler": true, "ciseler": true,
	"démanteler": true, "haleter": true, "déceler": true, "receler": true, "celer": true,
	"fureter": true, "corseter": true, "crocheter": true,
}

func firstGroup(lemma string) []Form {
	s := strings.TrimSuffix(lemma, "er")
	soft, mute, muteAlt := s, s, ""
	switch {
	case strings.HasSuffix(s, "c"):
		soft = strings.TrimSuffix(s, "c") + "ç"
	case strings.HasSuffix(s, "g"):
		soft = s + "e"
	}
	futAlt := ""
	switch {
	case strings.HasSuffix(s, "oy") || strings.HasSuffix(s, "uy"):
		mute = strings.TrimSuffix(s, "y") + "i"
	case strings.HasSuffix(s, "ay"):
		muteAlt = strings.TrimSuffix(s, "y") + "i"
	default:
		if i, cl := lastVowel(s); i >= 0 {
			switch {
			case strings.HasPrefix(s[i:], "é"):
				mute = s[:i] + "è" + cl
				futAlt = mute // 1990 spelling: cèderai beside céderai
			case s[i] == 'e' && (cl == "l" || cl == "t") && !eVerbsWithGrave[lemma]:
				mute = s + cl
			case s[i] == 'e' && !(i > 0 && strings.ContainsRune("aeiouy", rune(s[i-1]))):
				mute = s[:i] + "è" + cl
			}
		}
	}
	futStem := mute
	if futAlt != "" {
		futStem = s
	}
	var f forms
	f.add(Inf, lemma)
	f.add(Pres, mute+"e", mute+"es", mute+"e", soft+"ons", s+"ez", mute+"ent")
	f.add(Imperf, soft+"ais", soft+"ais", soft+"ait", s+"ions", s+"iez", soft+"aient")
	for _, st := range uniq(futStem+"er", futAlt+"er", muteAlt+"er") {
		if st == "er" {
			continue
		}
		f.addEnd(Fut, st, futEnd...)
		f.addEnd(Cond, st, imperfEnd...)
	}
	f.add(PS, soft+"ai", soft+"as", soft+"a", soft+"âmes", soft+"âtes", s+"èrent")
	f.add(Subj, mute+"e", mute+"es", mute+"e", s+"ions", s+"iez", mute+"ent")
	f.addEnd(SubjImp, soft, "asse", "asses", "ât", "assions", "assiez", "assent")
	f.add(Imper, mute+"e", soft+"ons", s+"ez")
	if muteAlt != "" {
		f.add(Pres, muteAlt+"e", muteAlt+"es", muteAlt+"ent")
		f.add(Subj, muteAlt+"e", muteAlt+"es", muteAlt+"ent")
		f.add(Imper, muteAlt+"e")
	}
	f.add(PPr, soft+"ant")
	f.pp(s + "é")
	return f.list
}

// lastVowel finds the vowel of the stem's last syllable when it is
// followed by a single consonant or a consonant cluster that does not
// close the syllable (br, tr, gl, gn, gu, qu...). It returns its byte
// index and the consonants after it, or -1.
func lastVowel(s string) (int, string) {
	clusters := []string{"gu", "qu", "ch", "gn", "ph", "th", "br", "cr", "dr", "fr", "gr", "pr", "tr", "vr", "bl", "cl", "fl", "gl", "pl"}
	cl := ""
	for _, c := range clusters {
		if strings.HasSuffix(s, c) {
			cl = c
			break
		}
	}
	if cl == "" && len(s) > 0 && !strings.ContainsRune("aeiouyxéèêâîôûëïü", rune(s[len(s)-1])) && s[len(s)-1] < 0x80 {
		cl = s[len(s)-1:]
	}
	if cl == "" {
		return -1, ""
	}
	rest := strings.TrimSuffix(s, cl)
	switch {
	case strings.HasSuffix(rest, "é"):
		return len(rest) - len("é"), cl
	case strings.HasSuffix(rest, "e"):
		return len(rest) - 1, cl
	}
	return -1, ""
}

func uniq(ss ...string) []string {
	var out []string
	seen := map[string]bool{}
	for _, s := range ss {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}

// A model conjugates a family of irregular verbs from the principal parts
// of one example: prendre gives comprendre, apprendre, surprendre.
type model struct {
	key     string   // infinitive ending the model applies to
	ex      string   // example infinitive, ending in key
	members []string // if set, the model applies to exactly these verbs
	pres    []string // six present forms of ex (more are alternates)
	fut     string   // future, 1st singular
	ps      string   // passé simple, 1st singular; "-" if none
	pp      string   // masculine singular past participle, or m/f/mpl/fpl
	opts    map[string][]string
}

type modelSet struct {
	byMember map[string]*model
	bySuffix []*model
}

// find returns the model for a lemma and the prefix that replaces the
// example's own prefix.
func (ms *modelSet) find(lemma string) (*model, string, bool) {
	if secondGroupOnly[lemma] {
		return nil, "", false
	}
	if m, ok := ms.byMember[lemma]; ok {
		return m, strings.TrimSuffix(lemma, m.key), true
	}
	var best *model
	for _, m := range ms.bySuffix {
		if strings.HasSuffix(lemma, m.key) && (best == nil || len(m.key) > len(best.key)) {
			best = m
		}
	}
	if best == nil {
		return nil, "", false
	}
	return best, strings.TrimSuffix(lemma, best.key), true
}

// forms conjugates the model for a verb whose infinitive is prefix+key.
func (m *model) forms(prefix string) []Form {
	exPrefix := strings.TrimSuffix(m.ex, m.key)
	re := func(w string) string {
		if w == "-" {
			return w
		}
		return prefix + strings.TrimPrefix(w, exPrefix)
	}
	res := func(ws []string) []string {
		out := make([]string, len(ws))
		for i, w := range ws {
			out[i] = re(w)
		}
		return out
	}
	pres := res(m.pres)
	nousStem := strings.TrimSuffix(pres[3], "ons")
	imperfStem := nousStem
	if o, ok := m.opts["imperf"]; ok {
		imperfStem = strings.TrimSuffix(re(o[0]), "ais")
	}
	var f forms
	f.add(Inf, prefix+m.key)
	f.add(Pres, pres...)
	f.addEnd(Imperf, imperfStem, imperfEnd...)
	fut := strings.TrimSuffix(re(m.fut), "ai")
	f.addEnd(Fut, fut, futEnd...)
	f.addEnd(Cond, fut, imperfEnd...)
	if m.ps != "-" {
		ps := re(m.ps)
		var stem string
		var ends, subj []string
		switch {
		case strings.HasSuffix(ps, "ai"):
			stem = strings.TrimSuffix(ps, "ai")
			ends = []string{"ai", "as", "a", "âmes", "âtes", "èrent"}
			subj = []string{"asse", "asses", "ât", "assions", "assiez", "assent"}
		case strings.HasSuffix(ps, "ins"):
			stem = strings.TrimSuffix(ps, "ins")
			ends = []string{"ins", "ins", "int", "înmes", "întes", "inrent"}
			subj = []string{"insse", "insses", "înt", "inssions", "inssiez", "inssent"}
		case strings.HasSuffix(ps, "is"):
			stem = strings.TrimSuffix(ps, "is")
			ends = []string{"is", "is", "it", "îmes", "îtes", "irent"}
			subj = []string{"isse", "isses", "ît", "issions", "issiez", "issent"}
		case strings.HasSuffix(ps, "us"):
			stem = strings.TrimSuffix(ps, "us")
			ends = []string{"us", "us", "ut", "ûmes", "ûtes", "urent"}
			subj = []string{"usse", "usses", "ût", "ussions", "ussiez", "ussent"}
		}
		f.addEnd(PS, stem, ends...)
		f.addEnd(SubjImp, stem, subj...)
	}
	switch o := m.opts["subj"]; len(o) {
	case 6:
		f.add(Subj, res(o)...)
	case 2:
		s1, s2 := strings.TrimSuffix(re(o[0]), "e"), strings.TrimSuffix(re(o[1]), "ions")
		f.add(Subj, s1+"e", s1+"es", s1+"e", s2+"ions", s2+"iez", s1+"ent")
	default:
		s1 := strings.TrimSuffix(pres[5], "ent")
		f.add(Subj, s1+"e", s1+"es", s1+"e", nousStem+"ions", nousStem+"iez", s1+"ent")
	}
	if o, ok := m.opts["imper"]; ok {
		f.add(Imper, res(o)...)
	} else {
		tu := pres[1]
		if strings.HasSuffix(tu, "es") {
			tu = strings.TrimSuffix(tu, "s")
		}
		f.add(Imper, tu, pres[3], pres[4])
	}
	if o, ok := m.opts["ppr"]; ok {
		f.add(PPr, re(o[0]))
	} else {
		f.add(PPr, nousStem+"ant")
	}
	if pp := strings.Split(m.pp, "/"); len(pp) == 4 {
		f.add(PP, res(pp)...)
	} else {
		f.pp(re(m.pp))
	}
	return f.list
}

// frenchModelTable holds the irregular verbs, one model a line:
//
//	key example present(6+) future ps pp [members=a,b] [opt=v,...]
//
// key is the ending the model applies to (the longest matching key wins);
// the other fields are forms of the example verb. Options: imperf (1st
// singular), subj (1st singular and plural, or all six), imper (three
// forms), ppr; members restricts the model to the verbs listed. Written by
// hand from standard French grammar.
const frenchModelTable = `
être être suis,es,est,sommes,êtes,sont serai fus été/-/-/- imperf=étais subj=sois,sois,soit,soyons,soyez,soient imper=sois,soyons,soyez ppr=étant
avoir avoir ai,as,a,avons,avez,ont aurai eus eu subj=aie,aies,ait,ayons,ayez,aient imper=aie,ayons,ayez ppr=ayant
aller aller vais,vas,va,allons,allez,vont irai allai allé subj=aille,allions imper=va,allons,allez members=aller
envoyer envoyer envoie,envoies,envoie,envoyons,envoyez,envoient enverrai envoyai envoyé members=envoyer,renvoyer
faire faire fais,fais,fait,faisons,faites,font ferai fis fait subj=fasse,fassions
dire dire dis,dis,dit,disons,dites,disent dirai dis dit
dire interdire interdis,interdis,interdit,interdisons,interdisez,interdisent interdirai interdis interdit members=interdire,prédire,contredire,médire
lire lire lis,lis,lit,lisons,lisez,lisent lirai lus lu
crire écrire écris,écris,écrit,écrivons,écrivez,écrivent écrirai écrivis écrit
rire rire ris,ris,rit,rions,riez,rient rirai ris ri/-/-/-
uire conduire conduis,conduis,conduit,conduisons,conduisez,conduisent conduirai conduisis conduit
nuire nuire nuis,nuis,nuit,nuisons,nuisez,nuisent nuirai nuisis nui/-/-/-
aindre craindre crains,crains,craint,craignons,craignez,craignent craindrai craignis craint
eindre atteindre atteins,atteins,atteint,atteignons,atteignez,atteignent atteindrai atteignis atteint
oindre joindre joins,joins,joint,joignons,joignez,joignent joindrai joignis joint
dre rendre rends,rends,rend,rendons,rendez,rendent rendrai rendis rendu
prendre prendre prends,prends,prend,prenons,prenez,prennent prendrai pris pris
soudre résoudre résous,résous,résout,résolvons,résolvez,résolvent résoudrai résolus résolu
soudre dissoudre dissous,dissous,dissout,dissolvons,dissolvez,dissolvent dissoudrai - dissous/dissoute/dissous/dissoutes members=dissoudre,absoudre
coudre coudre couds,couds,coud,cousons,cousez,cousent coudrai cousis cousu
rompre rompre romps,romps,rompt,rompons,rompez,rompent romprai rompis rompu
mettre mettre mets,mets,met,mettons,mettez,mettent mettrai mis mis
battre battre bats,bats,bat,battons,battez,battent battrai battis battu
aître paraître parais,parais,paraît,paraissons,paraissez,paraissent paraîtrai parus paru
connaître connaître connais,connais,connaît,connaissons,connaissez,connaissent connaîtrai connus connu
naître naître nais,nais,naît,naissons,naissez,naissent naîtrai naquis né
croître accroître accrois,accrois,accroît,accroissons,accroissez,accroissent accroîtrai accrus accru
suivre suivre suis,suis,suit,suivons,suivez,suivent suivrai suivis suivi
vivre vivre vis,vis,vit,vivons,vivez,vivent vivrai vécus vécu
clure conclure conclus,conclus,conclut,concluons,concluez,concluent conclurai conclus conclu
inclure inclure inclus,inclus,inclut,incluons,incluez,incluent inclurai inclus inclus
vaincre vaincre vaincs,vaincs,vainc,vainquons,vainquez,vainquent vaincrai vainquis vaincu
croire croire crois,crois,croit,croyons,croyez,croient croirai crus cru
boire boire bois,bois,boit,buvons,buvez,boivent boirai bus bu
plaire plaire plais,plais,plaît,plaisons,plaisez,plaisent plairai plus plu/-/-/-
taire taire tais,tais,tait,taisons,taisez,taisent tairai tus tu
traire extraire extrais,extrais,extrait,extrayons,extrayez,extraient extrairai - extrait
venir venir viens,viens,vient,venons,venez,viennent viendrai vins venu
tenir tenir tiens,tiens,tient,tenons,tenez,tiennent tiendrai tins tenu
partir partir pars,pars,part,partons,partez,partent partirai partis parti
sortir sortir sors,sors,sort,sortons,sortez,sortent sortirai sortis sorti
sentir sentir sens,sens,sent,sentons,sentez,sentent sentirai sentis senti
mentir mentir mens,mens,ment,mentons,mentez,mentent mentirai mentis menti
servir servir sers,sers,sert,servons,servez,servent servirai servis servi
dormir dormir dors,dors,dort,dormons,dormez,dorment dormirai dormis dormi
vêtir vêtir vêts,vêts,vêt,vêtons,vêtez,vêtent vêtirai vêtis vêtu
vrir ouvrir ouvre,ouvres,ouvre,ouvrons,ouvrez,ouvrent ouvrirai ouvris ouvert
frir offrir offre,offres,offre,offrons,offrez,offrent offrirai offris offert
courir courir cours,cours,court,courons,courez,courent courrai courus couru
mourir mourir meurs,meurs,meurt,mourons,mourez,meurent mourrai mourus mort
quérir acquérir acquiers,acquiers,acquiert,acquérons,acquérez,acquièrent acquerrai acquis acquis
aillir assaillir assaille,assailles,assaille,assaillons,assaillez,assaillent assaillirai assaillis assailli members=assaillir,tressaillir,défaillir
cueillir cueillir cueille,cueilles,cueille,cueillons,cueillez,cueillent cueillerai cueillis cueilli
fuir fuir fuis,fuis,fuit,fuyons,fuyez,fuient fuirai fuis fui
voir voir vois,vois,voit,voyons,voyez,voient verrai vis vu
prévoir prévoir prévois,prévois,prévoit,prévoyons,prévoyez,prévoient prévoirai prévis prévu
pourvoir pourvoir pourvois,pourvois,pourvoit,pourvoyons,pourvoyez,pourvoient pourvoirai pourvus pourvu
cevoir recevoir reçois,reçois,reçoit,recevons,recevez,reçoivent recevrai reçus reçu
devoir devoir dois,dois,doit,devons,devez,doivent devrai dus dû
pouvoir pouvoir peux,peux,peut,pouvons,pouvez,peuvent,puis pourrai pus pu/-/-/- subj=puisse,puissions
vouloir vouloir veux,veux,veut,voulons,voulez,veulent voudrai voulus voulu subj=veuille,voulions imper=veuille,veuillons,veuillez
savoir savoir sais,sais,sait,savons,savez,savent saurai sus su subj=sache,sachions imper=sache,sachons,sachez ppr=sachant
valoir valoir vaux,vaux,vaut,valons,valez,valent vaudrai valus valu subj=vaille,valions
mouvoir promouvoir promeus,promeus,promeut,promouvons,promouvez,promeuvent promouvrai promus promu
seoir asseoir assieds,assieds,assied,asseyons,asseyez,asseyent assiérai assis assis
`

var frenchModels = sync.OnceValue(func() *modelSet {
	ms := &modelSet{byMember: map[string]*model{}}
	for n, line := range strings.Split(frenchModelTable, "\n") {
		fs := strings.Fields(line)
		if len(fs) == 0 {
			continue
		}
		if len(fs) < 6 {
			panic(fmt.Sprintf("inflect: french model line %d: want at least 6 fields", n))
		}
		m := &model{key: fs[0], ex: fs[1], pres: strings.Split(fs[2], ","), fut: fs[3], ps: fs[4], pp: fs[5], opts: map[string][]string{}}
		if !strings.HasSuffix(m.ex, m.key) || len(m.pres) < 6 {
			panic(fmt.Sprintf("inflect: french model line %d (%s): bad key or present", n, m.ex))
		}
		for _, o := range fs[6:] {
			k, v, _ := strings.Cut(o, "=")
			if k == "members" {
				m.members = strings.Split(v, ",")
				continue
			}
			m.opts[k] = strings.Split(v, ",")
		}
		if m.members != nil {
			for _, v := range m.members {
				if !strings.HasSuffix(v, m.key) {
					panic(fmt.Sprintf("inflect: french model %s: member %s does not end in %s", m.ex, v, m.key))
				}
				ms.byMember[v] = m
			}
			continue
		}
		ms.bySuffix = append(ms.bySuffix, m)
	}
	return ms
})
