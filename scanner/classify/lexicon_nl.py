"""Dutch wording (Belgium and the Netherlands), against ``normalise``d text.

Phrasing after the GBA/APD and AP guidance and sign-up forms of Flemish and Dutch local lists.
See ``lexicon_fr`` for what each constant means.
"""

from ..vocabulary import Channel, CoreAction, NonConsent, Purpose, SensitiveCategory

LANG = "nl"

STOPWORDS = frozenset(
    "de het een en ik je jij u uw wij we ons onze van voor met op te dat die niet geen wil wilt is zijn "
    "om als of bij naar door ook mijn mij graag ontvangen".split()
)

PURPOSES = {
    Purpose.COMMUNICATION: (
        r"\b(het )?ontvangen van (e-?mails|nieuws|updates|berichten|sms(-berichten)?|de nieuwsbrief|nieuwsbrieven)\b", r"\bnieuwsbrie(f|ven)\b", r"\bnewsletter\b", r"\bop de hoogte\b", r"\bnieuws\b", r"\b(informatie|berichten|updates|e-?mails|sms'?(jes|en)?|uitnodigingen|post) "
        r"(te )?(ontvangen|krijgen)\b", r"\bgecontacteerd\b", r"\bgecontacteerd (te )?worden\b", r"\bcontact (met mij|met u|met je) (op)?nemen\b",
        r"\b(informeren|geinformeerd)\b", r"\buitgenodigd (te )?worden\b", r"\buitnodigingen\b", r"\bverkiezingsnieuws\b", r"\bmailinglijst\b", r"\bverzendlijst\b", r"\bcampagnenieuws\b", r"\b(mails|sms'en) (sturen|versturen)\b",
    ),
    Purpose.SHARING: (r"\bpartners?\b", r"\bpartnerorganisaties\b", r"\bderden\b", r"\b(verkopen|verkocht|verkoop|verhuren|verhuurd)\b",
                      r"\b(doorgeven|doorgegeven|delen|gedeeld) met (andere|bevriende) (organisaties|verenigingen|partijen)\b", r"\bandere organisaties\b"),
    Purpose.PUBLICATION: (r"\b(naam|handtekening) (mag |wordt |zal )?(publiek|openbaar|gepubliceerd|getoond|vermeld)",
                          r"\b(mijn|uw|je) (naam|handtekening)\b.{0,50}\b(gepubliceerd|getoond|vermeld|publiek gemaakt)\b", r"\bpublieke lijst\b",
                          r"\bnaam publiceren\b"),
    Purpose.FUNDRAISING: (r"\b(giften|donatie)(oproep|vraag|verzoek)", r"\boproepen? tot (giften|steun|een gift)\b", r"\bfondsenwerving\b"),
    Purpose.PROFILING: (r"\bprofilering\b", r"\bprofielen\b", r"\bgerichte (boodschappen|berichten|advertenties)\b"),
}

CHANNELS = {
    Channel.EMAIL: (r"\be-?mails?\b", r"\bmail(s|tjes)?\b", r"\bnieuwsbrief\b"),
    Channel.SMS: (r"\bsms'?(je|jes|en)?\b", r"\bsms\b"),
    Channel.PHONE: (r"\btelefo(on|nisch)\b", r"\bgebeld\b", r"\bbellen\b"),
    Channel.POST: (r"\bper post\b", r"\bper brief\b", r"\bbrief\b", r"\bpost\b"),
    Channel.MESSAGING: (r"\bmessenger\b",),
}

CORE_ACTIONS = {
    CoreAction.SPONSORSHIP: (r"\bik steun\b", r"\bsteunen\b", r"\bsteunbetuiging\b"),
    CoreAction.PETITION: (r"\bik teken\b", r"\b(de )?petitie (te )?(tekenen|ondertekenen)\b", r"\bonderteken", r"\btekenen\b"),
    CoreAction.MEMBERSHIP: (r"\blid worden\b", r"\bword lid\b", r"\bik word lid\b"),
    CoreAction.DONATION: (r"\bik doneer\b", r"\bdoneren\b", r"\bschenk\b"),
    CoreAction.VOLUNTEER: (r"\bik doe mee\b", r"\bvrijwilliger worden\b", r"\bword vrijwilliger\b", r"\bmeedoen\b", r"\bhelpen\b"),
    CoreAction.EVENT: (r"\binschrijven voor (het|de) (evenement|bijeenkomst|debat|vergadering)\b", r"\bik kom\b", r"\bik schrijf me in\b"),
    CoreAction.CONTACT: (r"\bbericht versturen\b", r"\bvraag stellen\b"),
    CoreAction.NEWSLETTER: (r"\binschrijven op (de|onze) nieuwsbrief\b", r"\babonneren\b", r"\bik schrijf me in op\b"),
}

CORE_TOPICS = {
    CoreAction.SPONSORSHIP: (r"\bsteun",),
    CoreAction.PETITION: (r"\bpetitie", r"\bteken", r"\bhandtekening"),
    CoreAction.MEMBERSHIP: (r"\blid\b", r"\blidmaatschap", r"\blidgeld"),
    CoreAction.DONATION: (r"\bgift\b", r"\bdonatie", r"\bdoneer", r"\bbedrag\b"),
    CoreAction.VOLUNTEER: (r"\bvrijwillig", r"\bik doe mee\b", r"\bmeedoen\b", r"\bhelpen\b"),
    CoreAction.EVENT: (r"\bevenement", r"\bbijeenkomst", r"\binschrijv", r"\bdebat\b", r"\bactiviteit"),
    CoreAction.CONTACT: (r"\bcontact", r"\bbericht\b", r"\bvraag\b"),
    CoreAction.NEWSLETTER: (r"\bnieuwsbrief", r"\babonn"),
}

NON_CONSENTS = {
    NonConsent.TERMS: (r"\b(algemene )?(gebruiks)?voorwaarden\b", r"\bstatuten\b", r"\bhuishoudelijk reglement\b", r"\bcharter\b"),
    NonConsent.ELIGIBILITY: (r"\bmeerderjarig\b", r"\b\d{2} jaar\b", r"\bstemgerechtigd\b", r"\bnationaliteit\b", r"\bkiezer\b", r"\bwoonachtig\b",
                             r"\beigen middelen\b", r"\bnatuurlijke persoon\b"),
    NonConsent.ACCURACY: (r"\b(juist|correct|waarheidsgetrouw|volledig)e?\b",),
}
ATTESTATION = (r"\bik (verklaar|bevestig)\b",)

ACK_VERBS = (r"\bgelezen\b", r"\bkennis genomen\b", r"\bakkoord\b", r"\baanvaard\b", r"\bbegrepen\b")
PRIVACY_NOUNS = (r"\bprivacy(verklaring|beleid|policy|voorwaarden)?\b", r"\bgegevensbescherming\b")
GRANT = (r"\b(wil|wens|graag|ga akkoord met het ontvangen)\b", r"\bontvangen\b", r"\bop de hoogte\b", r"\bgecontacteerd\b")

SENSITIVE = {
    SensitiveCategory.RELIGION: (r"\breligie", r"\bgeloof", r"\blevensbeschouwing", r"\bkerk(genootschap)?\b"),
    SensitiveCategory.ORIGIN: (r"\betnisch", r"\bafkomst\b", r"\bhuidskleur\b", r"\bras\b", r"\bherkomst\b"),
    SensitiveCategory.HEALTH: (r"\bgezondheidstoestand", r"\b(uw|je|jouw) gezondheid\b", r"\bgezondheidsproblemen\b", r"\bhandicap", r"\bbeperking\b",
                               r"\bziekte", r"\bzwanger", r"\bmedische (aandoening|gegevens|toestand)\b"),
    SensitiveCategory.SEXUALITY: (r"\bseksuele (geaardheid|orientatie|leven)\b", r"\bgeaardheid\b"),
    SensitiveCategory.UNION: (r"\bvakbond", r"\bsyndicaat\b", r"\bsyndicale\b"),
    SensitiveCategory.BIOMETRIC: (r"\bbiometri", r"\bvingerafdruk"),
    SensitiveCategory.GENETIC: (r"\bgenetisch", r"\bdna\b"),
}

SENSITIVE_EXEMPT = (r"\brekening (mee )?([a-z]+ )?(houden|gehouden)\b", r"\baanpassingen\b", r"\btoegankelijk", r"\brolstoel")
OPT_OUT = (r"\b(als|indien|wanneer) (u|je|jij) (geen|niet)\b", r"\bik (wil|wens) geen\b", r"\bik wil niet\b", r"\bniet (wenst|wilt)\b",
           r"\b(aanvinken|aan te vinken|vink).{0,60}\b(geen|niet)\b.{0,40}\b(wilt|wenst)\b", r"\bnee,? ik\b")
ENTAILED = (r"\bdoor (te ondertekenen|te tekenen|dit formulier|te verzenden|je in te schrijven|u in te schrijven|uw handtekening|je handtekening|"
            r"op .{1,20} te klikken|deel te nemen|lid te worden|te steunen|te doneren)",
            r"\bdoor ([a-z]+ ){0,3}te (ondertekenen|tekenen|verzenden|versturen|steunen|doneren|registreren|klikken|bevestigen)\b",
            r"\b(ontvang|krijg) (je|u|jij) (ook |voortaan |automatisch |dan )?(onze|de|nieuws|berichten|updates|e-?mails|informatie)",
            r"\b(u|je|jij|ik) (ontvangt|ontvang|krijgt|krijg) (voortaan |automatisch |dan )?(onze|de|ook|nieuws|berichten|updates|e-?mails|informatie)",
            r"\b(gaat u|ga je|ga ik|gaat je) akkoord\b", r"\b(wordt u|word je|word ik) (automatisch )?(ingeschreven|toegevoegd|op de hoogte)")
CONDITIONAL = (r"\b(als|indien|wanneer) (u|je|jij) (daarvoor |dat )?(gekozen|aangevinkt|aanvinkte|toestemming|akkoord)", r"\bmet (uw|je) toestemming\b",
               r"\b(enkel|alleen) (als|indien|met)\b", r"\bals je het vakje aanvinkte\b", r"\bals u het vakje aanvinkte\b")
NEGATION = (r"\b(nooit|niet|geen|nimmer)\b",)
WITHDRAWAL = (r"\buitschrijv", r"\buitschrijf", r"\bafmeld", r"\bafmelden\b", r"\b(toestemming|instemming) (in )?(te )?(trekken|intrekken)\b", r"\bintrekken\b",
              r"\bherroep", r"\bbezwaar\b", r"[\"'„“]\s*stop\s*[\"'“”]", r"\buitschrijflink\b", r"\bafmeldlink\b")
CORE_MESSAGES = (r"\bkopie van (je|jouw|uw|mijn|het) (bericht|aanvraag|inzending|formulier|aanmelding)\b", r"\bbevestigings(mail|e-mail|link|bericht)", r"\bbevestiging\b", r"\bontvangstbewijs\b", r"\bfiscaal attest\b",
                 r"\b(uw|je) (vraag|bericht|aanvraag) (te )?(beantwoorden|behandelen)\b", r"\bherinnering\b", r"\b(handtekening|inschrijving|steun) (te )?registreren\b",
                 r"\bacties? (te )?organiseren\b")
TRANSFER = (r"\b(doorgegeven|doorgeven|gedeeld|delen|bezorgd|overgemaakt|toegang)\b",)
CORE_SHARING = (r"\blokale (afdeling|ploeg|groep|kern)\b", r"\bwijkverantwoordelijke", r"\bbestuursleden\b", r"\bverwerkers?\b", r"\be-?mailprovider\b",
                r"\bdienstverleners?\b", r"\bkandidaten (van|op) (onze|de) lijst\b")
NEUTRAL = (r"\b(enkel |alleen )?het aantal handtekeningen\b",)
UNTICK = (r"\buitvinken\b", r"\bvink (dit vakje )?uit\b")
SITE_PREFERENCE = (r"\bonthoud mij\b", r"\bingelogd blijven\b", r"\bonthoud mijn gegevens\b")
YES = (r"^(ja|graag|akkoord|ok)\b",)
NO = (r"^(nee|neen|liever niet|geen|nooit|niet|later|misschien later)\b",)

NOTICE_MARKERS = (r"\bprivacy", r"\bpersoonsgegevens\b", r"\b(je|uw) gegevens\b", r"\bavg\b", r"\bgdpr\b", r"\bgegevensbescherming", r"\bverwerkingsverantwoordelijke\b")
NOTICE_CONTROLLER = (r"\b(?!(?:we|wij|die|dat|het|deze|dit|website|site|formulier|pagina|dienst|cookies?)\b)[a-z][a-z.-]+ (verwerkt|verzamelt|bewaart|gebruikt) (je|jouw|uw) (persoons)?gegevens\b",
                     r"\bis verantwoordelijk voor (de verwerking|je|jouw|uw)\b", r"\bverwerkingsverantwoordelijke\b", r"\bverantwoordelijke (voor de verwerking)?\b", r"\bverwerkt door (?!ons\b)",
                     r"\bwie is verantwoordelijk\b.{0,40}\b(vzw|vereniging|partij|lijst)\b")
NOTICE_RIGHTS = (r"\b(kunt|kan|mag|mogen|kunnen) [a-z ,]{0,30}\b(inzien|aanpassen|wijzigen|corrigeren|laten verbeteren|verwijderen|laten verwijderen)\b",
                 r"\b(uw|je) rechten (uitoefenen|uit te oefenen)\b", r"\binzage\b", r"\bverbetering\b", r"\brectificatie\b", r"\bverwijdering\b", r"\bwissing\b", r"\bbezwaar\b", r"\boverdraagbaarheid\b",
                 r"\brecht op (inzage|verbetering|verwijdering|toegang)")
PRIVACY_LINK = (r"\bprivacy", r"\bgegevensbescherming\b", r"\bpersoonsgegevens\b")
LEGAL_LINK = (r"\bcolofon\b", r"\bwettelijke vermeldingen\b", r"\bjuridische\b", r"\bdisclaimer\b")
SEARCH = (r"\bzoek(en)?\b",)
LOGIN = (r"\binloggen\b", r"\baanmelden\b", r"\bwachtwoord\b")
# A question about how the person came (survey): its options name channels as answers, not consents.
SURVEY = (r"\bhoe (heb|ben|hebt) (je|jij|u)\b.{0,40}\b(gehoord|gevonden|leren kennen|ontdekt|terechtgekomen)", r"\bwaar (heb|hebt) (je|u)\b.{0,40}\b(gehoord|gezien|gelezen)")
