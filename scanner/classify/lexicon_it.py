"""Italian wording, against ``normalise``d text (Garante model notices, campaign sign-up forms).

See ``lexicon_fr`` for what each constant means.
"""

from ..vocabulary import Channel, CoreAction, NonConsent, Purpose, SensitiveCategory

LANG = "it"

STOPWORDS = frozenset(
    "il lo la i gli le di del della dei delle e che in un una per con non su mio mia miei tuo tua tuoi "
    "nostro nostra nostri sono essere al alla da dal come o ricevere desidero acconsento voglio l' ho sulla sul della".split()
)

PURPOSES = {
    Purpose.COMMUNICATION: (
        r"\b(essere|restare|rimanere|tenermi|tenerti|tenervi) aggiornat[oaie]\b", r"\bnewsletter\b", r"\bnotizie\b", r"\baggiornamenti\b", r"\bcomunicazioni\b", r"\bnovita\b",
        r"\bricevere (e-?mail|email|messaggi|sms|informazioni|aggiornamenti|comunicazioni|inviti|notizie|chiamate)", r"\bessere contattat[oaie]\b",
        r"\btener(mi|ti|la|vi)? informat[oaie]\b", r"\bessere (tenut[oaie] )?informat[oaie]\b", r"\binformazioni (sulla|sulle|sul|sui|riguardo) (campagna|nostre|nostri|iniziative|attivita)",
        r"\bmateriale (informativo|elettorale|promozionale)\b", r"\bpropaganda\b", r"\bmarketing\b", r"\bmailing list\b", r"\blista di distribuzione\b",
    ),
    Purpose.SHARING: (r"\bpartner\b", r"\bterz[ie]\b", r"\b(vendere|venduti|vendiamo|cedere|ceduti|cessione|noleggiare)\b", r"\baltre organizzazioni\b",
                      r"\borganizzazioni (amiche|alleate|partner)\b"),
    Purpose.PUBLICATION: (r"\bpubblicare il (mio|tuo|suo) nome\b", r"\b(mio|tuo|suo) nome (sia|venga|possa essere|compaia|appaia) ?(pubblicato|mostrato|visibile)?\b",
                           r"\belenco pubblico\b", r"\bpubblicat[oa] (nell'|sull')elenco\b"),
    Purpose.FUNDRAISING: (r"\braccolta fondi\b", r"\brichieste di (donazioni|contributi)\b", r"\bsollecit\w* (di )?(donazioni|contributi)\b"),
    Purpose.PROFILING: (r"\bprofilazione\b", r"\bsegmentazione\b", r"\bpubblicita personalizzata\b"),
}

CHANNELS = {
    Channel.EMAIL: (r"\be-?mails?\b", r"\bposta elettronica\b"),
    Channel.SMS: (r"\bsms\b", r"\bmessaggi di testo\b"),
    Channel.PHONE: (r"\btelefon(o|ica|icamente|ate|ata)\b", r"\bchiamate\b"),
    Channel.POST: (r"\bposta ordinaria\b", r"\bposta cartacea\b", r"\bper posta\b(?! elettronica)", r"\blettera\b"),
    Channel.MESSAGING: (r"\bmessaggistica\b",),
}

CORE_ACTIONS = {
    CoreAction.SPONSORSHIP: (r"\bsostengo\b", r"\bsostenere (la candidatura|il candidato|la candidata|la lista)\b", r"\bdare il mio sostegno\b"),
    CoreAction.PETITION: (r"\bfirmo\b", r"\bfirmare (la|questa) petizione\b", r"\bfirmare\b"),
    CoreAction.MEMBERSHIP: (r"\biscriver(mi|si|ti) al partito\b", r"\btesserar(mi|si|ti)\b", r"\bdiventare (socio|iscritto|membro)\b"),
    CoreAction.DONATION: (r"\bdonare\b", r"\bfare una donazione\b", r"\bdono\b"),
    CoreAction.VOLUNTEER: (r"\bvolontari[oa]\b", r"\bdiventare volontari", r"\bdare una mano\b"),
    CoreAction.EVENT: (r"\biscriver(mi|si|ti) (all'evento|all'incontro|al convegno)\b", r"\bpartecipo\b", r"\bci saro\b"),
    CoreAction.CONTACT: (r"\binvia(re)? (il )?messaggio\b",),
    CoreAction.NEWSLETTER: (r"\biscriviti alla newsletter\b", r"\bmi iscrivo alla newsletter\b", r"\biscriver(mi|si|ti) alla newsletter\b"),
}

CORE_TOPICS = {
    CoreAction.SPONSORSHIP: (r"\bsosteg", r"\bsosteni", r"\bsostieni\b"),
    CoreAction.PETITION: (r"\bpetizione", r"\bfirm"),
    CoreAction.MEMBERSHIP: (r"\btessera", r"\biscrizione al partito\b", r"\bsocio\b"),
    CoreAction.DONATION: (r"\bdona", r"\bimporto\b", r"\bcontributo\b"),
    CoreAction.VOLUNTEER: (r"\bvolontar",),
    CoreAction.EVENT: (r"\bevento", r"\bincontro\b", r"\bconvegno\b", r"\bpartecipa"),
    CoreAction.CONTACT: (r"\bcontatt", r"\bmessaggio\b", r"\bdomanda\b"),
    CoreAction.NEWSLETTER: (r"\bnewsletter\b", r"\biscriviti\b"),
}

NON_CONSENTS = {
    NonConsent.TERMS: (r"\btermini e condizioni\b", r"\bcondizioni (d'uso|generali|di utilizzo)\b", r"\bstatuto\b", r"\bregolamento\b"),
    NonConsent.ELIGIBILITY: (r"\bmaggiorenne\b", r"\b\d{2} anni\b", r"\bcittadinanza\b", r"\biscritt[oa] (nelle|alle) liste elettorali\b", r"\belettore\b",
                             r"\bpersona fisica\b"),
    NonConsent.ACCURACY: (r"\bveritier[ei]\b", r"\bcorrett[ei]\b", r"\besatt[ei]\b"),
}
ATTESTATION = (r"\b(dichiaro|certifico|confermo)\b",)

ACK_VERBS = (r"\bho letto\b", r"\bpreso visione\b", r"\baccetto\b", r"\bletto e compreso\b")
PRIVACY_NOUNS = (r"\binformativa( sulla)?( privacy)?\b", r"\bprivacy\b", r"\btrattamento dei (miei )?dati\b", r"\bprotezione dei dati\b")
GRANT = (r"\b(desidero|voglio|acconsento|accetto) (di |a |che )?(ricevere|essere)\b", r"\bricevere\b", r"\bessere contattat")

SENSITIVE = {
    SensitiveCategory.RELIGION: (r"\breligion[ei]\b", r"\breligios[oa]", r"\bconfessione\b", r"(?<!in )\bfede\b"),
    SensitiveCategory.ORIGIN: (r"\borigine (etnica|razziale)\b", r"\betnia\b", r"\brazza\b"),
    SensitiveCategory.HEALTH: (r"\bstato di salute\b", r"\b(tua|sua) salute\b", r"\bproblemi di salute\b", r"\bdisabilita\b", r"\bmalatti", r"\bgravidanza\b"),
    SensitiveCategory.SEXUALITY: (r"\borientamento sessuale\b", r"\bvita sessuale\b"),
    SensitiveCategory.UNION: (r"\bsindaca(to|ti|le|li)\b", r"\biscrizione sindacale\b"),
    SensitiveCategory.BIOMETRIC: (r"\bbiometric", r"\bimpronte digitali\b"),
    SensitiveCategory.GENETIC: (r"\bgenetic[oi]\b", r"\bdna\b"),
}

SENSITIVE_EXEMPT = (r"\btenere conto\b", r"\badattament", r"\baccessibilita\b", r"\bsedia a rotelle\b")
OPT_OUT = (r"\bse non (desideri|desidera|vuoi|vuole)\b", r"\bnon (desidero|voglio) (ricevere|essere)\b", r"\bseleziona.{0,40}se non\b", r"\bmi oppongo\b")
ENTAILED = (r"\b(firmando|inviando|iscrivendoti|iscrivendosi|cliccando|registrandoti|donando|partecipando|aderendo|compilando)\b",
            r"\b(riceverai|ricevera|riceverò|ricevero|riceveranno)\b", r"\b(accetti|accetta|acconsenti|acconsente) (di ricevere|che|l'invio)\b",
            r"\b(sarai|sara) (iscritt[oa]|aggiunt[oa])\b")
CONDITIONAL = (r"\bse (hai|ha) (selezionato|acconsentito|scelto|spuntato)\b", r"\bcon il (tuo|suo) consenso\b", r"\bsolo se\b", r"\bse lo desideri\b",
               r"\bprevio (tuo|suo)? ?consenso\b")
NEGATION = (r"\b(mai|non|nessun|nessuna|ne)\b",)
WITHDRAWAL = (r"\britira(re)? (il )?(tuo |suo |proprio )?consenso\b", r"\bdisiscri", r"\bcancellar(ti|si|mi|vi)\b", r"\bannullare l'iscrizione\b", r"\brevoca(re)?( il)? consenso\b", r"\brevoca\b", r"\bopposizione\b", r"[\"'«“]\s*stop\s*[\"'»”]")
CORE_MESSAGES = (r"\bcopia del(la)? (mio|tuo|suo|mia|tua|sua)? ?(messaggio|richiesta|modulo|iscrizione)\b", r"\be-?mail di conferma\b", r"\bconferma(re)? (la tua|la sua|l') (iscrizione|firma|indirizzo)\b", r"\bricevuta\b",
                 r"\brispondere alla (tua|sua) (richiesta|domanda)\b", r"\bgestire la (tua|sua) (richiesta|firma|iscrizione|donazione)\b", r"\bpromemoria\b")
TRANSFER = (r"\b(comunicat[iea]|condivis[iea]|condividere|trasmess[iea]|cedut[iea]|accesso)\b",)
CORE_SHARING = (r"\b(comitati|sezioni|circoli) locali\b", r"\bresponsabil[ei] (esterni )?del trattamento\b", r"\bfornitori\b",
                r"\bcandidat[ie] della (nostra )?lista\b")
NEUTRAL = (r"\b(numero|totale) (delle|di) firme\b",)
UNTICK = (r"\bdeseleziona", r"\btogli (la )?spunta\b")
SITE_PREFERENCE = (r"\bricordami\b", r"\bresta collegato\b")
YES = (r"^(si|certo|accetto|ok)\b",)
NO = (r"^(no|mai|nessun[oa]?|non|piu tardi|non ora)\b",)

NOTICE_MARKERS = (r"\bdati personali\b", r"\bprivacy\b", r"\bgdpr\b", r"\b(tuoi|suoi) dati\b", r"\btrattamento dei dati\b", r"\bgarante\b")
NOTICE_CONTROLLER = (r"\btitolare del trattamento\b", r"\btrattati da (?!noi\b)")
NOTICE_RIGHTS = (r"\b(accedere|rettificare|cancellare|opporti|opporsi)(,| e| o) (rettificare|cancellare|opporti|opporsi|limitare)\b",
                 r"\besercitare i (tuoi|suoi|propri) diritti\b", r"\baccesso, rettifica\b", r"\brettifica\b", r"\bcancellazione\b", r"\bopposizione\b", r"\bportabilita\b", r"\blimitazione del trattamento\b")
PRIVACY_LINK = (r"\bprivacy\b", r"\binformativa\b", r"\bdati personali\b", r"\bprotezione dei dati\b")
LEGAL_LINK = (r"\bnote legali\b",)
SEARCH = (r"\bcerca(re)?\b",)
LOGIN = (r"\baccedi\b", r"\baccesso\b", r"\blogin\b", r"\bpassword\b")
# A question about how the person came (survey): its options name channels as answers, not consents.
SURVEY = (r"\bcome (hai|ha|avete) (saputo|conosciuto|scoperto|sentito parlare)\b", r"\bcome (ci |mi )?(hai|ha|avete) (conosciuto|trovato|trovati)\b",
          r"\bdove (hai|ha) (saputo|sentito|visto)\b")
