"""French wording (France and Belgium), written against ``normalise``d text.

Each constant is data for ``scanner.classify.engine``: tuples of regular expressions, or dicts
from a vocabulary member to such tuples. Sources for the phrasing: CNIL model notices and
sign-up forms seen on French and Belgian campaign sites (rules.md, "Reading the rules").
"""

from ..vocabulary import Channel, CoreAction, NonConsent, Purpose, SensitiveCategory

LANG = "fr"

STOPWORDS = frozenset(
    "le la les de des du et est vous nous je un une pour que qui dans sur par avec pas ne au "
    "aux ce cette ces votre vos notre nos mon ma mes tu ton ta tes il elle sont etre ou "
    "l' d' j' qu' n' s' m' c' t' moi se sa son jamais souhaite souhaitez accepte recevoir donnees".split()
)

_NEWS = (r"(news ?letters?|infolettres?|lettres? d'(information|info|actualite)s?|lettres? (mensuelle|hebdomadaire)s?"
         r"|actualites|nouvelles|infos|informations|communications?|messages?|e-?mails?|courriels?|sms|textos?"
         r"|invitations?|propositions?|sollicitations?|alertes?|appels? telephoniques?|courriers?|publications?|newsletters?|comptes? rendus?|bulletins?|journal|magazine)")

PURPOSES = {
    Purpose.COMMUNICATION: (
        r"\bnews ?letters?\b", r"\binfolettres?\b", r"\blettres? d'(information|info|actualite)s?\b",
        r"\blettres? (mensuelle|hebdomadaire|electronique)s?\b", r"\bactualites\b",
        r"\b(des|les|nos|de nos|vos|leurs) nouvelles\b", r"\binfos\b",
        r"\binformations? (sur|de|concernant|relatives? a|liees? a|a propos de|au sujet de|des|du)\b"
        r"(?!.{0,20}(donnees|droits|traitement|cookies|confidentialite|protection))",
        r"\bcommunications?\b(?! (de|des) (vos|mes|ses|leurs|ces) (donnees|coordonnees))",
        r"\b(tenir|tenu|tenue|tenus|rester|etre) (au courant|informes?)\b", r"\binformes? (de|des) (la suite|suites|prochaines?|nos|l'actualite|actions)",
        r"\b(etre|d'etre|me|vous|te) (re)?contacte?s?\b(?! (au sujet|pour repondre|concernant) (de )?(votre|ma|ta))",
        r"\b(etre|d'etre) (re)?(appele|rappele|sollicite|contacte)s?\b(?! (pour|afin de recevoir) (des |un |faire un )?dons?)",
        r"\b(tenez|tiens|tenir)-(moi|nous) (au courant|informes?)\b", r"\brecevoir par (e-?mail|courriel|sms|courrier|telephone|whatsapp|telegram)\b",
        r"\b(me|vous|te|nous) (re)?contacter\b(?! (au sujet de|pour repondre a|concernant|a propos de) (votre|ma|ta|mon|ton|vos|mes) )",
        r"\b(re)?contactez-moi\b", r"\b(rappelez|appelez|ecrivez)-moi\b", r"\b(groupe|boucle|canal|liste|fil) (whatsapp|telegram|signal)\b", r"\bcomptes? rendus?\b(?= .{0,40}\b(recevoir|envoi|e-?mail))", r"\bau courant (de|des|du) (la|nos|vos|prochaine?s?|actions|suites?)\b",
        r"\brecevoir (de |des |les |nos |vos |leurs |ses |un |une |la |le |regulierement )?(par [a-z-]+ )?" + _NEWS,
        r"\b(envoi|envoyer|adresser|transmettre)( de| d'| des| la| le| les| nos| notre| vos| un| une)? ?"
        r"(la lettre|newsletters?|informations?|actualites|communications?|invitations|nouvelles)",
        r"\b(accepte|autorise|souhaite|consens a)( recevoir)? l'envoi (de|d') ",
        r"\blistes? de (diffusion|contacts?|militants)\b", r"\bappels? a (la )?mobilisation\b", r"\bprospection\b", r"\bpropagande\b",
        r"\bmessages? (politiques?|de campagne|electoraux|militants?)\b", r"\binvitations? (a|aux) (nos )?(evenements|reunions|meetings|actions|rencontres)",
    ),
    Purpose.SHARING: (
        r"\bpartenaires?\b", r"\btiers\b",
        r"\b(vendu|vendue|vendues|vendus|vendre|vendons|vendrons|vendra|vendront|revend\w*|louees?|loues|louer|louons|louerons|cedees?|cedes|ceder|cedons|cederons|cedera|cederont|cession|echangees?|echanger|commercialis\w*)\b",
        r"\b(transmi(s|se|ses)|transmettre|transmission|communiquee?s?|partagee?s?|partager|transferee?s?|fournies?|confiees?)"
        r"(?: [a-z']+){0,3} (a|aux|avec) (d'autres|des|nos|les|l'|la|le|une?|certaine?s?|toute?s?)? ?"
        r"(organisations?|associations?|partis?|syndicats?|entreprises?|societes?|candidat\w*|mouvements?|structures?|collectifs?|organismes?|allies|amis|medias?|listes?|ong)\b",
        r"\b(organisations?|associations?|structures?|mouvements?|partis?) (amie?s?|alliee?s?|soeurs?|proches?)\b",
        r"\bautres (organisations|associations|candidat\w*|partis|mouvements|structures)\b",
    ),
    Purpose.PUBLICATION: (
        r"\bpubli(er|cation|e|ee|ees|es|ions|ent) (de )?(mon|mes|votre|vos|son|ses|le|leur|ton|tes) (nom|noms|prenom|signature|soutien|identite|photo|commentaire)",
        r"\b(mon|votre|ton|son) (nom|prenom|soutien|signature|commentaire)( et (mon|votre|ton) [a-z]+)? (apparaisse|apparaitra|apparait|figure|figurera|soit|sera|peut etre|puisse etre) ?(publie|affiche|rendu public|visible|cite|mentionne)?",
        r"\bliste publique\b", r"\brendue?s? publi(c|que|ques)\b", r"\brendre public\b",
        r"\baffich(er|age) (de )?(mon|votre|ton) (nom|soutien|prenom)", r"\bsignataires? publi", r"\b(mur|carte) des (soutiens|signataires)\b",
    ),
    Purpose.FUNDRAISING: (
        r"\bappels? (aux|a|au) dons?\b", r"\bsollicit\w* (pour |de |des )?(un |des )?(dons?|soutien financier|contributions? financieres?)\b",
        r"\bdemandes? de dons?\b", r"\bcollectes? de fonds\b", r"\b(propositions?|invitations?) (de|a) (faire un )?don\b",
    ),
    Purpose.PROFILING: (
        r"\bprofilage\b", r"\bciblage\b", r"\bciblee?s?\b", r"\bprofils? (politique|electoral|d'electeur)s?\b", r"\bsegmentation\b",
        r"\banalyse (de|des) (vos|mes|tes) (opinions|preferences|comportements|centres d'interet)",
        r"\bmessages? personnalises?\b",
    ),
}

CHANNELS = {
    Channel.EMAIL: (r"\be-?mails?\b", r"\bmails?\b", r"\bcourriels?\b", r"\bcourriers? electroniques?\b", r"\bvoie electronique\b",
                    r"\bmessagerie electronique\b"),
    Channel.SMS: (r"\bsms\b", r"\btextos?\b", r"\bmessages? textes?\b", r"\bmms\b"),
    Channel.PHONE: (r"\btelephon(e|ique|iquement)\b", r"\bappels? telephoniques?\b", r"\b(etre|d'etre|m'|vous) r?appelee?s?\b",
                    r"\bphoning\b"),
    Channel.POST: (r"\bcourriers? postal\b", r"\bcourriers? postaux\b", r"\bvoie postale\b", r"\bpar la poste\b",
                   r"\bcourriers?\b(?! electroniques?)", r"\bpostal(e|es)?\b(?! code)"),
    Channel.MESSAGING: (r"\bmessagerie instantanee\b", r"\bboucles? (whatsapp|telegram|signal)\b"),
}

CORE_ACTIONS = {
    CoreAction.SPONSORSHIP: (r"\bje (soutiens|parraine)\b", r"\bparrain(er|e|age|ez|ons)\b",
                             r"\bsoutenir (la candidature|le candidat|la candidate|la liste)\b",
                             r"\b(apporter|j'apporte|donner|je donne) (mon|votre|ton) soutien\b"),
    CoreAction.PETITION: (r"\bje signe\b", r"\bsigner (la|cette|notre) petition\b", r"\bsigner\b(?! (la|le) (charte|formulaire))",
                          r"\bajouter mon nom\b"),
    CoreAction.MEMBERSHIP: (r"\bj'adhere\b", r"\badherer\b", r"\bdevenir (adherent|membre)\b", r"\bmon adhesion\b",
                            r"\b(je rejoins|rejoindre) (le parti|le mouvement|l'association|les jeunes)\b"),
    CoreAction.DONATION: (r"\bje (fais|donne|verse) (un |mon )?don\b", r"\b(faire|effectuer|verser) (un|mon) don\b"),
    CoreAction.VOLUNTEER: (r"\bdevenir benevole\b", r"\bje (deviens|suis) benevole\b", r"\bje m'engage\b"),
    CoreAction.EVENT: (r"\b(je m'inscris|m'inscrire|je participe|participer|je viens|je serai present) (a|au|aux) (la |l'|le )?"
                       r"(reunion|evenement|meeting|rencontre|conference|debat|atelier|soiree|rassemblement|marche)",),
    CoreAction.CONTACT: (r"\b(envoyer|j'envoie) (mon|le|un) message\b", r"\bposer (une|ma) question\b"),
    CoreAction.NEWSLETTER: (r"\bje m'abonne\b", r"\bm'abonner\b", r"\bs'abonner\b", r"\babonnez-vous\b",
                            r"\bje m'inscris a (la|notre) (newsletter|lettre)"),
}

CORE_TOPICS = {
    CoreAction.SPONSORSHIP: (r"\bparrain", r"\bsoutien", r"\bsoutenir\b", r"\bsoutiens\b"),
    CoreAction.PETITION: (r"\bpetition", r"\bsigne\b", r"\bsigner\b", r"\bsignatures?\b", r"\btribune\b"),
    CoreAction.MEMBERSHIP: (r"\badhe(re|rer|sion|rent|rente)s?\b", r"\bcotisation", r"\bdevenir membre\b", r"\bjeunes de\b"),
    CoreAction.DONATION: (r"\bdons?\b", r"\bmontant\b", r"\breduction d'impot", r"\bfinancer\b"),
    CoreAction.VOLUNTEER: (r"\bbenevol", r"\bm'engage\b", r"\bmilit(er|ant)\b", r"\bmissions?\b", r"\bcomites?\b", r"\brejoindre l'equipe\b",
                           r"\bagir\b"),
    CoreAction.EVENT: (r"\breunion", r"\bmeeting", r"\bevenement", r"\brencontre", r"\bconference", r"\batelier", r"\bplaces?\b",
                       r"\bje participe\b", r"\bje m'inscris\b", r"\brassemblement"),
    CoreAction.CONTACT: (r"\bcontact", r"\bvotre message\b", r"\bnous ecrire\b", r"\bquestion\b", r"\bvotre demande\b"),
    CoreAction.NEWSLETTER: (r"\bnews ?letter", r"\blettres? d'(information|info)", r"\binfolettre", r"\babonne", r"\babonnement\b",
                            r"\brestez informes?\b", r"\b(restons|rester|restez) en contact\b"),
}

NON_CONSENTS = {
    NonConsent.TERMS: (r"\bcg[uv]\b", r"\bconditions generales\b", r"\bconditions d'utilisation\b", r"\breglement (de|du|interieur)\b",
                       r"\bstatuts\b", r"\bcharte\b(?! (de |sur la |des )?(confidentialite|protection|donnees|vie privee))"),
    NonConsent.ELIGIBILITY: (r"\binscrits? sur (les|une|la) listes? electorales?\b", r"\bmajeure?s?\b", r"\b\d{2} ans\b", r"\bnationalite\b",
                             r"\bcitoyen(ne)?s? (francais|europeen|belge|de l'union)", r"\belect(eur|rice)s?\b", r"\b(je reside|resider|domicilie)\b",
                             r"\bpersonne physique\b", r"\b(fonds|compte|ressources|deniers) personnel", r"\bdroits civiques\b",
                             r"\bne suis (pas|membre d'aucun)"),
    NonConsent.ACCURACY: (r"\bexacte?s?\b", r"\bexactitude\b", r"\bsinceres?\b", r"\bveridiques?\b", r"\bconformes? a la realite\b",
                          r"\bsur l'honneur\b"),
}
ATTESTATION = (r"\b(je certifie|j'atteste|je declare|je confirme)\b",)

ACK_VERBS = (r"\bpris connaissance\b", r"\bj'ai lu\b", r"\bavoir lu\b", r"\blu et\b", r"\baccepte\b", r"\bconsulte\b", r"\bcompris\b",
             r"\breconnais\b", r"\bapprouve\b")
PRIVACY_NOUNS = (r"\bpolitique (de|des) (confidentialite|protection|donnees|vie privee)", r"\bmentions (legales|d'information|rgpd)\b",
                 r"\bnotice (d'information|de confidentialite)\b", r"\bcharte (de |des )?(confidentialite|donnees|vie privee|protection)",
                 r"\b(informations?|conditions) (relatives? a|sur|de) (la protection|le traitement|vos donnees|mes donnees|l'utilisation)",
                 r"\b(mes|vos) donnees (personnelles )?(soient|seront|sont) (traitees|collectees|enregistrees|utilisees|conservees)",
                 r"\btraitement de mes donnees\b", r"\bvie privee\b", r"\bconfidentialite\b", r"\brgpd\b")
GRANT = (r"\b(accepte|consens|autorise|souhaite|veux|desire|aimerais)( de| d'| a | que | qu'| l'envoi| la transmission| la publication| etre)",
         r"\brecevoir\b", r"\b(etre|d'etre) (tenu|informe|contacte|appele|recontacte)")

SENSITIVE = {
    SensitiveCategory.RELIGION: (r"\breligi(on|eux|euse)s?\b", r"\bconfession (religieuse|de foi)\b", r"\bvotre confession\b", r"\bconfession :",
                                 r"\bcroyances? (religieuses?|philosophiques?)\b", r"\bpratique religieuse\b", r"(?<!bonne )\bfoi\b(?! en)"),
    SensitiveCategory.ORIGIN: (r"\borigines? (ethnique|raciale|etrangere)s?\b", r"\bethni(e|que)s?\b", r"\brace\b", r"\bcouleur de peau\b"),
    SensitiveCategory.HEALTH: (r"\b(etat|problemes?|donnees|situation|questions?) de sante\b", r"\bhandicap", r"\bmaladies?\b", r"\bpatholog",
                               r"\btraitements? medic", r"\bgrossesse\b", r"\benceinte\b", r"\bvotre sante\b"),
    SensitiveCategory.SEXUALITY: (r"\borientation sexuelle\b", r"\bvie sexuelle\b", r"\bsexualite\b", r"\b(homo|hetero|bi)sexuel"),
    SensitiveCategory.UNION: (r"\bsyndica(t|ts|l|le|les|ux|liste|listes|lisme)\b", r"\bsyndiquee?s?\b"),
    SensitiveCategory.BIOMETRIC: (r"\bbiometri", r"\bempreintes? (digitales?|palmaires?)\b", r"\breconnaissance faciale\b"),
    SensitiveCategory.GENETIC: (r"\bgenetiques?\b", r"\badn\b"),
}

SENSITIVE_EXEMPT = (r"\bamenagements?\b", r"\baccueil adapte\b", r"\b(vous )?accueillir dans (de bonnes|les meilleures) conditions\b", r"\bbesoins? (d\'accessibilite|specifiques? d\'acces|d\'amenagement)", r"\bacces pmr\b", r"\bmobilite reduite\b", r"\baccessibilite\b")
OPT_OUT = (r"\b(coch|cliqu|selectionn)\w*.{0,60}\bsi (vous|tu) ne (souhaitez|voulez|desirez|souhaites|veux|desires) (pas|plus)\b",
           r"\bsi (vous|tu) ne (souhaitez|voulez|desirez|souhaites|veux|desires) (pas|plus)\b", r"\bsi vous preferez ne pas\b",
           r"\bsi (vous|tu) (refusez|refuses)\b", r"\bje ne (souhaite|veux|desire) (pas|plus|aucun)", r"\bje refuse\b",
           r"\bne pas (recevoir|etre)\b", r"\bsauf (opposition|refus|avis contraire)\b", r"\bje m'oppose\b")
ENTAILED = (r"\ben (signant|validant|soumettant|envoyant|cliquant|vous inscrivant|t'inscrivant|vous abonnant|t'abonnant|adherant|donnant|"
            r"soutenant|participant|remplissant|rejoignant|parrainant|apportant|ajoutant|confirmant|m'inscrivant|poursuivant|"
            r"completant|transmettant|laissant)\b",
            r"\bje recevrai\b", r"\bvous recevrez\b", r"\btu recevras\b",
            r"\b(je serai|vous serez|tu seras) (automatiquement )?(inscrit|abonne|tenu|informe|contacte|ajoute|recontacte)",
            r"\b(vous acceptez|tu acceptes|vous consentez|tu consens|vous autorisez|tu autorises|vous donnez votre accord) (de|d'|a|que|qu'|l'|la|le|les)",
            r"\b(votre|ta|ma) (signature|inscription|adhesion|participation|soutien|don) (vaut|implique|entraine|emporte|inclut|donne lieu)",
            r"\bautomatiquement (inscrit|abonne|ajoute)",
            r"\b(les|tous les|chaque) (signataires?|soutiens|participants?|inscrits?|donateurs?|adherents?|benevoles?|parrains) (seront|sera|recevront|recevra)\b")
CONDITIONAL = (r"\bsi (vous|tu|je) (l'|le |les |y |en )?(avez|as|ai|souhaitez|souhaites|voulez|veux|consentez|cochez|coches|coche|acceptez|acceptes|"
               r"faites|optez|desirez|choisissez|donnez|demandez)\b", r"\ben cochant\b", r"\bsi la case\b", r"\b(uniquement|seulement) si\b",
               r"\blorsque (vous|tu) (l'avez|avez|le souhaitez|l'as)", r"\bavec (votre|ton) (accord|consentement)\b",
               r"\bsous reserve de (votre|ton) (accord|consentement)", r"\b(selon|en fonction de) (vos|tes) choix\b", r"\bsi coche",
               r"\b(si|quand) (vous|tu) (y )?(avez|as) consenti")
NEGATION = (r"\bne\b[^,;:]{0,60}?\b(pas|jamais|plus|aucun|aucune|ni|nullement)\b", r"\bn'[a-z]+\b[^,;:]{0,30}?\b(pas|jamais|plus|aucun|aucune|ni)\b",
            r"\bjamais\b", r"\baucune?\b", r"\bni (vendu|loue|cede|transmis|echange|partage)")
WITHDRAWAL = (r"\bdesinscri", r"\bdesabonn", r"\b(retirer|retrait|revoquer|revocation|retire)( de)?( votre| ton| son| mon| ce| le| du| cet| leur)? consentement",
              r"\bretirer (votre|ton|ce|mon) accord\b", r"\bvous opposer\b", r"\bm'opposer\b", r"\bopposition\b",
              r"\b(vous|tu) (pouvez|pourrez|peux) (a tout moment |a tout instant )?(retirer|revenir sur|changer d'avis|modifier vos choix)",
              r"\blien de (desinscription|desabonnement)\b",
              r"\b(repondant|reponse|repondre|repondez|envoyant|envoyez|envoyer|tapez|sms)\W{1,3}(par |avec )?(le mot )?\W{0,2}stop\b",
              r"[«\"']\s*stop\s*[»\"']", r"\bstop au \d", r"\bne plus recevoir\b", r"\bmettre fin a (votre|ton) abonnement\b", r"\bresilier\b")
CORE_MESSAGES = (r"\bcopie de (mon|ma|votre|ta|mes|vos) (message|demande|formulaire|reponses?|signature|inscription)s?\b", r"\b(e-?mails?|courriels?|messages?|sms|liens?|codes?) de (confirmation|validation|verification|bienvenue)\b",
                 r"\bconfirm(er|ation de) (votre|ton|la|ta|mon|ma) (inscription|adresse|signature|adhesion|participation|don|e-?mail|abonnement)",
                 r"\brecus? (fiscal|fiscaux|de (votre|ton) don|de don)\b", r"\b(un|votre|ton|le|du|vos|les) recus?\b", r"\baccuse de reception\b",
                 r"\b(repondre|reponse|donner suite|suite) (a|aux) (votre|vos|ta|tes|ma|mes) (demande|message|question|sollicitation)s?",
                 r"\btraiter (votre|ta|vos|tes|ma) (demande|message|question|adhesion|don|inscription)s?",
                 r"\b(traitement|suivi|gestion) de (votre|ta|mon|ma) (demande|adhesion|don|inscription|cotisation|participation|candidature)",
                 r"\b(vous|te|me) recontacter (au sujet de|pour|concernant) (votre|ta|ma) (demande|message|candidature|proposition)",
                 r"\brappels? (de|pour|avant|la veille de) (l'evenement|la reunion|le meeting|la rencontre)",
                 r"\b(votre|ta) (convocation|carte d'adherent|billet)\b", r"\b(informations?|details?) pratiques?\b",
                 r"\b(appel|renouvellement) (de|a) (la |votre )?cotisation\b",
                 r"\b(au sujet de|concernant|a propos de) (votre|ta) (demande|adhesion|don|inscription|message|question|candidature)",
                 r"\b(pour|afin de) (finaliser|valider|confirmer|completer|traiter|organiser) (mon|ma|votre|ta|l') ?(adhesion|inscription|don|participation|demande|venue|engagement)")
TRANSFER = (r"\b(transmi(s|se|ses)?|transmettre|transmettons|transmission|communiquee?s?|partagee?s?|partager|cedee?s?|transferee?s?|fournie?s?|confiee?s?|mises? a disposition|mises? en relation|accessibles?)\b",)
CORE_SHARING = (r"\bequipes? (locales?|de campagne|militantes?|de terrain|du candidat|de la candidate)\b",
                r"\bcomites? (locaux|locale?s?|de soutien|de quartier|departementaux)\b",
                r"\b(groupes?|sections?|federations?|antennes?|relais) (locaux|locales?|departementa\w+|de (votre|ton|mon) (quartier|ville|departement|secteur|circonscription))",
                r"\bcandidat(e)?s?( et candidat(e)?s?)? (de|sur|du) (la|notre|votre|ma|mon|leur|ton|ta) (liste|quartier|circonscription|canton|secteur|ville|commune)",
                r"\b(sous-traitants?|prestataires?|hebergeurs?)\b", r"\bmandataire financier\b", r"\bassociation de financement\b", r"\bcnccfp\b",
                r"\bcommission nationale des comptes\b", r"\b(responsables?|referents?|animateurs?|coordinateurs?) (locaux|locale?s?|de quartier|de secteur)\b",
                r"\b(l'equipe|les equipes) (de|du) (campagne|parti|mouvement)\b", r"\bmilitants? (de|du) (votre|ton|mon) (quartier|secteur|ville)\b")
NEUTRAL = (r"\b(nombre|total|decompte|compte) (total )?(de|des) (signatures|signataires|soutiens|parrainages)\b", r"\b(seul|seulement|uniquement) le nombre\b")
UNTICK = (r"\bdecoch",)
SITE_PREFERENCE = (r"\bse souvenir de moi\b", r"\brester connecte\b", r"\bmemoriser (mes|mon) (identifiants?|choix|informations)\b", r"\bsouvenir de moi\b")
YES = (r"^(oui|d'accord|j'accepte|volontiers|avec plaisir|bien sur|ok)\b",)
NO = (r"^(non|pas (pour|maintenant|interesse)|je refuse|jamais|aucune?|je ne souhaite pas|non merci|ne pas|sans|plus tard|pas pour le moment)\b",)

NOTICE_MARKERS = (r"\bdonnees (personnelles|a caractere personnel|collectees|recueillies)\b", r"\bvos donnees\b", r"\bvos (informations|coordonnees) (personnelles|sont|seront)\b", r"\btes donnees\b", r"\brgpd\b", r"\bcnil\b",
                  r"\bvie privee\b", r"\bconfidentialite\b", r"\bprotection des donnees\b", r"\binformatique et libertes\b",
                  r"\binformations recueillies\b", r"\bresponsable du traitement\b", r"\bapd\b", r"\btraitement (informatique|de vos|des donnees)\b")
NOTICE_CONTROLLER = (r"\b(?!(?:nous|on|qui|il|elle|ils|elles|cela|ceci|site|formulaire|page|outil|plateforme|prestataire|hebergeur|cookies?|service)\b)[a-z][a-z'.-]+ (traite|collecte|recueille|utilise|conserve|gere) (vos|tes) (donnees|informations|coordonnees)\b",
                     r"\bresponsables? (conjoints? )?(du|de|des) traitements?\b",
                     r"\b(traitees|traites|collectees|collectes|recueillies|recueillis|gerees|geres|conservees|enregistrees|exploitees) par "
                     r"(?!(nos soins|nous|vous|la cnil|des tiers|nos partenaires|nos prestataires|un prestataire|les equipes|l'equipe|notre equipe|tout|le seul|les seuls)\b)",
                     r"\bpour le compte (de|du) (?!vos|votre)", r"\b(site|formulaire|traitement) (est )?(edite|gere|opere|mis en oeuvre) par (?!nos soins|nous\b)",
                     r"\bdestinee?s? (exclusivement |uniquement |seulement )?(a|au) (l'|la |le )?(association|parti|mouvement|collectif|candidat|candidate|campagne|comite|liste|federation)\b")
NOTICE_RIGHTS = (r"\b(pouvez|pourrez|peux|pourras|demander a|droit de) [a-z' ,]{0,30}\b(consulter|modifier|rectifier|corriger|supprimer|effacer)\b[a-z' ,]{0,40}\b(vos|tes) (donnees|informations|coordonnees)\b",
                 r"\bdroits? (d'|de |a )(acces|opposition|effacement|rectification|portabilite|limitation|suppression)",
                 r"\brectification\b", r"\beffacement\b", r"\bportabilite\b", r"\bvous opposer\b", r"\bdroit d'opposition\b",
                 r"\blimitation du traitement\b", r"\b(l'acces|acceder) a (vos|tes) donnees\b", r"\bsuppression de (vos|tes) donnees\b",
                 r"\bdemander (l'acces|la suppression|la rectification|l'effacement)\b", r"\bexercer (vos|tes|ces|ses|ses|les) droits\b")
PRIVACY_LINK = (r"\bconfidentialite\b", r"\bdonnees personnelles\b", r"\bvie privee\b", r"\bprotection des donnees\b", r"\brgpd\b",
                r"\bpolitique (de|des) donnees\b", r"\bvos donnees\b", r"\bdonnees a caractere personnel\b")
LEGAL_LINK = (r"\bmentions legales\b", r"\binformations legales\b")
SEARCH = (r"\brecherch", r"\bchercher\b")
LOGIN = (r"\bconnexion\b", r"\bse connecter\b", r"\bidentifiant\b", r"\bmot de passe\b", r"\bespace (adherent|membre)\b")
# A question about how the person came (survey): its options name channels as answers, not consents.
SURVEY = (r"\bcomment (avez-vous|as-tu|nous avez-vous|nous as-tu|vous nous avez|tu nous as) (connu|decouvert|entendu parler)",
          r"\b(par quel|par quels) (moyens?|canal|canaux|biais)\b.{0,40}\b(connu|entendu|decouvert)", r"\bvous avez (connu|decouvert) (cet|cette|l'|la|le|notre)",
          r"\bou avez-vous (vu|entendu|appris)\b")
