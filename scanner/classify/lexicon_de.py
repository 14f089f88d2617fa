"""German wording (Germany, Austria, Switzerland), against ``normalise``d text (ß -> ss, no umlauts).

Phrasing after the DSK's Kurzpapiere and sign-up forms of German and Austrian local lists. See
``lexicon_fr`` for what each constant means.
"""

from ..vocabulary import Channel, CoreAction, NonConsent, Purpose, SensitiveCategory

LANG = "de"

STOPWORDS = frozenset(
    "der die das und ich sie wir ihr ihre ihren unsere unser mit fur von zu ist nicht ein eine einen "
    "auf den dem des wie oder per uber mochte mochten werden wird bitte zur zum im sich kann konnen".split()
)

PURPOSES = {
    Purpose.COMMUNICATION: (
        r"\bnews ?letter", r"\brundbrief", r"\binfobrief", r"\binformiert (zu )?werden\b", r"\binformationen (uber|zu|von|aus)\b(?!.{0,20}(datenschutz|ihre rechte|verarbeitung))",
        r"\bneuigkeiten\b", r"\baktuelles\b", r"\bauf dem laufenden\b", r"\bkontaktiert (zu )?werden\b", r"\b(e-?mails?|sms|post|nachrichten|einladungen|infos?) (zu )?(erhalten|bekommen|empfangen)\b",
        r"\b(zusendung|versand|zuschicken|zusenden|senden) (von |des |der )?(informationen|newsletter|nachrichten|neuigkeiten|einladungen|e-?mails|sms)",
        r"\bwerbung\b", r"\bwahlwerbung\b", r"\b(ansprechen|anrufen|anschreiben)\b", r"\b(per|uber) (e-?mail|sms|telefon|post|whatsapp) (uber|informieren|kontaktieren)",
        r"\binformieren\b", r"\beinladungen\b", r"\b(e-?mail-)?verteiler\b",
    ),
    Purpose.SHARING: (r"\bpartner(n|organisationen)?\b", r"\bdritte(n)?\b", r"\b(verkauf|verkaufen|verkauft|vermieten|vermietet|weiterverkauf)\w*\b",
                      r"\bweiterge(ge)?ben\b(?!.{0,40}(ortsverband|kreisverband|dienstleister|auftragsverarbeiter))", r"\bweitergabe\b",
                      r"\b(andere|befreundete|verbundene) (organisationen|vereine|parteien|verbande|initiativen)\b"),
    Purpose.PUBLICATION: (r"\b(name|namen|unterschrift) (darf |wird |soll )?(offentlich|veroffentlicht|angezeigt|genannt)",
                          r"\b(mein|meinen|ihr|ihren) (name|namen|unterschrift)\b.{0,50}\b(veroffentlicht|angezeigt|genannt)\b", r"\bveroffentlich\w* (meines|ihres|des) namens",
                          r"\boffentliche(n)? (liste|unterstutzerliste)"),
    Purpose.FUNDRAISING: (r"\bspendenaufruf", r"\bspendenanfrag", r"\bspendenbitte", r"\bum spenden (bitten|gebeten)\b"),
    Purpose.PROFILING: (r"\bprofil(bildung|ing)\b", r"\bzielgerichtet", r"\bsegmentierung\b", r"\bpersonalisierte (werbung|ansprache|nachrichten)\b"),
}

CHANNELS = {
    Channel.EMAIL: (r"\be-?mails?\b", r"\be-?mail-newsletter\b", r"\belektronische post\b", r"\bmail\b"),
    Channel.SMS: (r"\bsms\b", r"\btextnachricht",),
    Channel.PHONE: (r"\btelefon(isch)?\b", r"\banruf(e|en)?\b", r"\btelefonanrufe?\b"),
    Channel.POST: (r"\bper post\b", r"\bpostalisch\b", r"\bbrief(post|e)?\b", r"\bpost\b(?!leitzahl|fach)"),
    Channel.MESSAGING: (r"\bmessenger\b", r"\bmessengerdienst",),
}

CORE_ACTIONS = {
    CoreAction.SPONSORSHIP: (r"\bich unterstutze\b", r"\bunterstutzen\b(?! (sie uns|uns) (mit einer spende|finanziell))"),
    CoreAction.PETITION: (r"\b(ich )?unterschreibe\b", r"\bunterschreiben\b", r"\bpetition (unterzeichnen|unterschreiben)\b", r"\bunterzeichne"),
    CoreAction.MEMBERSHIP: (r"\bmitglied werden\b", r"\b(ich )?trete bei\b", r"\bbeitreten\b", r"\bmitgliedschaft\b"),
    CoreAction.DONATION: (r"\b(ich )?spende\b", r"\bjetzt spenden\b"),
    CoreAction.VOLUNTEER: (r"\bmitmachen\b", r"\bich mache mit\b", r"\bhelfen\b", r"\behrenamt"),
    CoreAction.EVENT: (r"\b(verbindlich )?anmelden\b", r"\b(zur|fur die) veranstaltung anmelden\b", r"\bich komme\b", r"\bteilnehmen\b"),
    CoreAction.CONTACT: (r"\bnachricht senden\b", r"\bfrage stellen\b"),
    CoreAction.NEWSLETTER: (r"\babonnieren\b", r"\bich abonniere\b"),
}

CORE_TOPICS = {
    CoreAction.SPONSORSHIP: (r"\bunterstutz",),
    CoreAction.PETITION: (r"\bpetition", r"\bunterschr", r"\bunterzeichn"),
    CoreAction.MEMBERSHIP: (r"\bmitglied", r"\bbeitritt", r"\bbeitreten\b", r"\bmitgliedsbeitrag"),
    CoreAction.DONATION: (r"\bspende", r"\bbetrag\b"),
    CoreAction.VOLUNTEER: (r"\bmitmachen\b", r"\behrenamt", r"\bhelfer", r"\bmithelfen\b", r"\bmach mit\b"),
    CoreAction.EVENT: (r"\bveranstaltung", r"\banmeld", r"\btermin\b", r"\bburgerdialog", r"\bdiskussion", r"\bpersonen\b", r"\btreffen\b"),
    CoreAction.CONTACT: (r"\bkontakt", r"\bnachricht\b", r"\bihre frage\b", r"\banliegen\b"),
    CoreAction.NEWSLETTER: (r"\bnews ?letter", r"\babonn", r"\brundbrief"),
}

NON_CONSENTS = {
    NonConsent.TERMS: (r"\bagb\b", r"\bnutzungsbedingungen\b", r"\bteilnahmebedingungen\b", r"\bgeschaftsbedingungen\b", r"\bsatzung\b"),
    NonConsent.ELIGIBILITY: (r"\bvolljahrig\b", r"\bmindestens \d{2}\b", r"\b\d{2} jahre\b", r"\bwahlberechtigt\b", r"\bstaatsangehorig", r"\bwohnhaft\b",
                             r"\beigenen mitteln\b", r"\bnatur(liche|lichen) person\b"),
    NonConsent.ACCURACY: (r"\b(richtig|wahrheitsgemass|korrekt|zutreffend|vollstandig)\b",),
}
ATTESTATION = (r"\bich (bestatige|versichere|erklare)\b",)

ACK_VERBS = (r"\bgelesen\b", r"\bzur kenntnis\b", r"\bakzeptiere\b", r"\bstimme\b", r"\bverstanden\b", r"\bhabe\b")
PRIVACY_NOUNS = (r"\bdatenschutz(erklarung|hinweise?|bestimmungen|informationen|richtlinie)?\b",)
GRANT = (r"\b(mochte|willige|stimme (zu|ein)|einverstanden)\b", r"\b(erhalten|bekommen)\b", r"\binformiert (zu )?werden\b")

SENSITIVE = {
    SensitiveCategory.RELIGION: (r"\breligion", r"\bkonfession", r"\bglaube\b", r"\bglaubens", r"\breligionszugehorigkeit\b", r"\bkirchenzugehorigkeit\b"),
    SensitiveCategory.ORIGIN: (r"\bethnisch", r"\bherkunft\b", r"\bhautfarbe\b", r"\brasse\b"),
    SensitiveCategory.HEALTH: (r"\bgesundheitszustand", r"\b(ihre|deine) gesundheit\b", r"\bgesundheitliche", r"\bbehinderung", r"\bkrankheit(en)?\b",
                               r"\bschwanger", r"\bvorerkrankung"),
    SensitiveCategory.SEXUALITY: (r"\bsexuelle (orientierung|identitat)\b", r"\bsexualleben\b"),
    SensitiveCategory.UNION: (r"\bgewerkschaft",),
    SensitiveCategory.BIOMETRIC: (r"\bbiometri", r"\bfingerabdr"),
    SensitiveCategory.GENETIC: (r"\bgenetisch", r"\bdna\b"),
}

SENSITIVE_EXEMPT = (r"\bberucksichtigen\b", r"\bvorkehrungen\b", r"\bbarrierefrei", r"\brollstuhl")
OPT_OUT = (r"\b(wenn|falls) sie (keine[nmrs]?|nicht)\b", r"\bich mochte (keine[nmrs]?|nicht)\b", r"\b(keine|nicht) (informiert|kontaktiert) werden\b",
           r"\bwidersprechen\b.{0,30}\bankreuzen\b", r"\bankreuzen,? (wenn|falls) sie (keine|nicht)\b", r"\bnein,? ich\b")
ENTAILED = (r"\bmit (dem absenden|ihrer unterschrift|ihrer anmeldung|der anmeldung|ihrer unterstutzung|dem klick|dem eintragen|ihrer spende|der teilnahme)\b",
            r"\b(sie|ich) (erhalten|erhalte|bekommen|bekomme) (ausserdem |auch |zudem |ebenfalls |kunftig |dann |regelmassig |automatisch )*(unseren|den|unsere|die|informationen|e-?mails|sms|nachrichten)",
            r"\b(erhalten|bekommen) sie (ausserdem |auch |zudem |ebenfalls |kunftig |dann |regelmassig |automatisch )*(unseren|den|unsere) (newsletter|rundbrief|infobrief|e-?mails|sms|nachrichten)",
            r"\b(erklaren|erklare) (sie|ich) (sich|mich) einverstanden\b", r"\bwilligen sie ein\b", r"\bstimmen sie zu\b",
            r"\bwerden (sie|ich) (automatisch )?(in|auf) (unseren|den|die) (verteiler|newsletter|liste)")
CONDITIONAL = (r"\b(wenn|falls|sofern|soweit) sie (dies |das )?(gewahlt|angekreuzt|eingewilligt|zugestimmt|wunschen|mochten|ja)\b",
               r"\bmit ihrer einwilligung\b", r"\b(nur|ausschliesslich) (wenn|mit|sofern)\b", r"\bauf dem von ihnen gewahlten weg\b",
               r"\bwenn sie .{0,20}gewahlt haben\b", r"\bdurch (ankreuzen|anklicken)\b")
NEGATION = (r"\b(nie|niemals|nicht|kein|keine|keinen|keiner|keinesfalls)\b",)
WITHDRAWAL = (r"\b(einwilligung|zustimmung)\b.{0,40}\bzuruck(ziehen|nehmen)\b", r"\bzuruckgezogen\b", r"\bwiderruf", r"\bwiderrufen\b", r"\babmeld", r"\baustragen\b", r"\babbestell", r"\bwiderspruch", r"\bwidersprechen\b",
              r"[\"'„“]\s*stop\s*[\"'“”]", r"\bantwort\W{1,3}stop\b")
CORE_MESSAGES = (r"\bkopie (meiner|ihrer|deiner|der|dieser) (nachricht|anfrage|angaben|eingaben|anmeldung)\b", r"\bkopie an (mich|sie|dich)\b", r"\bbestatigungs(-?e-?mail|mail|link|nachricht)", r"\b(anmeldung|unterschrift|e-?mail-adresse|adresse) (zu )?bestatigen\b",
                 r"\bquittung\b", r"\bspendenbescheinigung\b", r"\bzuwendungsbestatigung\b", r"\b(ihre|deine) (anfrage|nachricht|frage) (zu )?(beantworten|bearbeiten)\b",
                 r"\bbearbeitung (ihrer|deiner) (anfrage|nachricht|spende|mitgliedschaft|anmeldung)\b", r"\berinnerung\b", r"\borganisation (des|der) (burgerdialogs|veranstaltung)\b",
                 r"\b(unterstutzung|anmeldung|spende|teilnahme) (zu )?(erfassen|verwalten)\b")
TRANSFER = (r"\b(weiterge(ge)?ben|weitergabe|ubermittel\w*|geteilt|teilen|zuganglich)\b",)
CORE_SHARING = (r"\bortsverband", r"\bortsgruppe", r"\bkreisverband", r"\blokale(n)? (teams?|gruppen?)\b", r"\bauftragsverarbeiter", r"\bdienstleister",
                r"\bkandidat\w* (unserer|der) liste\b")
NEUTRAL = (r"\b(anzahl|zahl) der (unterschriften|unterstutzer)\b",)
UNTICK = (r"\bhakchen entfernen\b", r"\babwahlen\b", r"\bdeaktivieren\b")
SITE_PREFERENCE = (r"\bangemeldet bleiben\b", r"\beingeloggt bleiben\b", r"\bangemeldet bleiben\b")
YES = (r"^(ja|gerne|einverstanden|ok)\b",)
NO = (r"^(nein|lieber nicht|keine|nicht|niemals|spater|vielleicht spater)\b",)

NOTICE_MARKERS = (r"\bdatenschutz", r"\bihre daten\b", r"\bihre angaben\b", r"\bpersonenbezogen", r"\bdsgvo\b", r"\bverantwortlich(e|er)?\b")
NOTICE_CONTROLLER = (r"\b(?!(?:wir|sie|er|es|die|der|das|diese|dieses|website|webseite|formular|seite|dienst|anbieter|cookies?)\b)[a-z][a-z.-]+ (verarbeitet|erhebt|speichert|nutzt|verwendet) (ihre|deine) (personenbezogenen )?(daten|angaben)\b",
                     r"\bverantwortlich(e|er)? (ist|sind|im sinne|fur die (daten)?verarbeitung|stelle)\b", r"\bverantwortlich(e|er)?:",
                     r"\bverarbeitet (von|durch) (?!uns\b)", r"\bwerden (ausschliesslich |nur )?(von|durch) (?!uns\b)[a-z].{0,60}\bverarbeitet\b")
NOTICE_RIGHTS = (r"\bwidersprechen\b", r"\bbetroffenenrechte\b", r"\bihre rechte (als betroffene|nach der dsgvo|geltend)", r"\bauskunft", r"\bberichtigung", r"\bloschung", r"\bwiderspruch", r"\beinschrankung der verarbeitung", r"\bdatenubertragbarkeit")
PRIVACY_LINK = (r"\bdatenschutz",)
LEGAL_LINK = (r"\bimpressum\b",)
SEARCH = (r"\bsuche\b", r"\bsuchen\b")
LOGIN = (r"\banmeldung fur mitglieder\b", r"\beinloggen\b", r"\blogin\b", r"\bpasswort\b", r"\bmitgliederbereich\b")
# A question about how the person came (survey): its options name channels as answers, not consents.
SURVEY = (r"\bwie (haben sie|hast du) (von|uns|davon)\b.{0,40}\b(erfahren|gehort|gefunden)", r"\bwie sind sie auf (uns|diese)\b.{0,30}\baufmerksam",
          r"\bwoher (kennen sie|kennst du)\b", r"\bwo(durch| haben sie)\b.{0,30}\b(erfahren|gehort)\b")
