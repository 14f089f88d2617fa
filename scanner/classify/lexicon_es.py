"""Spanish wording, against ``normalise``d text (AEPD model clauses and campaign sign-up forms).

See ``lexicon_fr`` for what each constant means.
"""

from ..vocabulary import Channel, CoreAction, NonConsent, Purpose, SensitiveCategory

LANG = "es"

STOPWORDS = frozenset(
    "el la los las de del y que en un una por para con no su sus tu tus mi mis nuestro nuestra nuestros "
    "nuestras es al se lo como mas o si deseo quiero acepto recibir".split()
)

PURPOSES = {
    Purpose.COMMUNICATION: (
        r"\bboletin(es)?\b", r"\bnewsletter\b", r"\bnoticias\b", r"\bnovedades\b", r"\bcomunicaciones\b", r"\bactualidad\b",
        r"\brecibir (correos|e-?mails|mensajes|sms|informacion|noticias|comunicaciones|invitaciones|llamadas|novedades)", r"\bser contactad[oa]\b",
        r"\bmantener(me|te|le|nos)? informad[oa]s?\b", r"\b(me|nos) manten\w* informad[oa]s?\b", r"\binformacion (sobre|de|acerca de) (la campana|nuestras|nuestros|las|los)\b",
        r"\bpublicidad\b", r"\blista de (correo|difusion)\b", r"\bpropaganda electoral\b",
    ),
    Purpose.SHARING: (r"\bsocios\b", r"\bterceros\b", r"\b(vender|vendemos|venderemos|vendidos|ceder|cederemos|cedidos|cesion|alquilar)\b",
                      r"\bentidades colaboradoras\b", r"\b(otras|organizaciones) (organizaciones|afines|aliadas)\b", r"\bcolaboradores\b"),
    Purpose.PUBLICATION: (r"\bpublicar mi nombre\b", r"\bmi nombre (aparezca|sea publicado|se publique|figure)\b", r"\blista publica\b"),
    Purpose.FUNDRAISING: (r"\bsolicitudes? de (donativos|donaciones)\b", r"\brecaudacion\b", r"\bcaptacion de fondos\b", r"\bpedir(me|te)? (donativos|donaciones)\b"),
    Purpose.PROFILING: (r"\bperfilado\b", r"\belaboracion de perfiles\b", r"\bsegmentacion\b", r"\bpublicidad personalizada\b"),
}

CHANNELS = {
    Channel.EMAIL: (r"\be-?mails?\b", r"\bcorreos?( electronicos?)?\b"),
    Channel.SMS: (r"\bsms\b", r"\bmensajes? de texto\b"),
    Channel.PHONE: (r"\btelefon(o|ica|icamente)\b", r"\bllamadas?\b"),
    Channel.POST: (r"\bcorreo postal\b", r"\bpor correo ordinario\b", r"\bcarta\b"),
    Channel.MESSAGING: (r"\bmensajeria\b",),
}

CORE_ACTIONS = {
    CoreAction.SPONSORSHIP: (r"\b(apoyo|avalo)\b", r"\bapoyar (la candidatura|al candidato|a la candidata)\b", r"\bdar mi apoyo\b"),
    CoreAction.PETITION: (r"\bfirmo\b", r"\bfirmar (la|esta) peticion\b", r"\bfirmar\b"),
    CoreAction.MEMBERSHIP: (r"\bafiliar(me|se)\b", r"\bhacer(me|se) (socio|militante|miembro)\b", r"\bme afilio\b"),
    CoreAction.DONATION: (r"\bdonar\b", r"\bhacer una donacion\b", r"\bdono\b"),
    CoreAction.VOLUNTEER: (r"\bvoluntari[oa]\b", r"\bquiero colaborar\b", r"\bparticipar como voluntari"),
    CoreAction.EVENT: (r"\binscribir(me|se) (al|en el|a la) (evento|acto|mitin|encuentro)\b", r"\basistir(e)?\b"),
    CoreAction.CONTACT: (r"\benviar mensaje\b", r"\benviar (mi|tu) consulta\b"),
    CoreAction.NEWSLETTER: (r"\bsuscribir(me|se)\b", r"\bme suscribo\b"),
}

CORE_TOPICS = {
    CoreAction.SPONSORSHIP: (r"\bapoy", r"\baval"),
    CoreAction.PETITION: (r"\bpeticion", r"\bfirm"),
    CoreAction.MEMBERSHIP: (r"\bafilia", r"\bsocio", r"\bmilitante\b", r"\bcuota\b"),
    CoreAction.DONATION: (r"\bdona", r"\bimporte\b", r"\bmicrocredito"),
    CoreAction.VOLUNTEER: (r"\bvoluntari", r"\bcolabora"),
    CoreAction.EVENT: (r"\bevento", r"\bacto\b", r"\bmitin\b", r"\binscripcion\b", r"\bencuentro\b"),
    CoreAction.CONTACT: (r"\bcontacto\b", r"\bmensaje\b", r"\bconsulta\b"),
    CoreAction.NEWSLETTER: (r"\bboletin", r"\bnewsletter\b", r"\bsuscri"),
}

NON_CONSENTS = {
    NonConsent.TERMS: (r"\bterminos (y condiciones|de uso)\b", r"\bcondiciones (de uso|generales)\b", r"\baviso legal\b", r"\bestatutos\b"),
    NonConsent.ELIGIBILITY: (r"\bmayor de edad\b", r"\b\d{2} anos\b", r"\bnacionalidad\b", r"\bcensad[oa]\b", r"\bempadronad[oa]\b", r"\bpersona fisica\b"),
    NonConsent.ACCURACY: (r"\bveraces?\b", r"\bcorrect[oa]s\b", r"\bverdader[oa]s\b", r"\bexact[oa]s\b"),
}
ATTESTATION = (r"\b(certifico|declaro|confirmo)\b",)

ACK_VERBS = (r"\bhe leido\b", r"\bleido y acepto\b", r"\bacepto\b", r"\bconozco\b", r"\bentiendo\b")
PRIVACY_NOUNS = (r"\bpolitica de privacidad\b", r"\bprivacidad\b", r"\bproteccion de datos\b", r"\binformacion basica\b")
GRANT = (r"\b(deseo|quiero|acepto|consiento|autorizo) (recibir|que|ser)\b", r"\brecibir\b", r"\bser contactad")

SENSITIVE = {
    SensitiveCategory.RELIGION: (r"\breligion\b", r"\breligios[oa]", r"\bcreencias?\b", r"\bconfesion\b"),
    SensitiveCategory.ORIGIN: (r"\borigen (etnico|racial)\b", r"\betnia\b", r"\braza\b"),
    SensitiveCategory.HEALTH: (r"\bestado de salud\b", r"\b(tu|su) salud\b", r"\bproblemas de salud\b", r"\bdiscapacidad\b", r"\benfermedad", r"\bembaraz"),
    SensitiveCategory.SEXUALITY: (r"\borientacion sexual\b", r"\bvida sexual\b"),
    SensitiveCategory.UNION: (r"\bsindica(to|l|les|do|da)\b", r"\bafiliacion sindical\b"),
    SensitiveCategory.BIOMETRIC: (r"\bbiometric", r"\bhuella dactilar\b"),
    SensitiveCategory.GENETIC: (r"\bgenetic[oa]s?\b", r"\badn\b"),
}

SENSITIVE_EXEMPT = (r"\btener en cuenta\b", r"\badaptaciones?\b", r"\baccesibilidad\b", r"\bsilla de ruedas\b")
OPT_OUT = (r"\bsi no (desea|quiere|deseas|quieres)\b", r"\bno (deseo|quiero) (recibir|ser)\b", r"\bmarque?.{0,40}si no\b", r"\bme opongo\b")
ENTAILED = (r"\bal (firmar|enviar|registrarte|registrarse|suscribirte|hacer clic|pulsar|inscribirte|inscribirse|donar|unirte|participar)\b",
            r"\b(recibiras|recibira|recibire|recibiran)\b", r"\b(aceptas|acepta|consientes|consiente) (recibir|que|el envio)\b",
            r"\b(seras|sera) (incluid[oa]|suscrit[oa]|añadid[oa]|anadid[oa])\b")
CONDITIONAL = (r"\bsi (lo )?(has|ha) (marcado|aceptado|consentido|elegido|solicitado)\b", r"\bcon (tu|su) consentimiento\b", r"\bsolo si\b", r"\bsi marcas\b",
               r"\bsi lo deseas\b", r"\bsi lo desea\b")
NEGATION = (r"\b(nunca|jamas|no|ningun|ninguna|ni)\b",)
WITHDRAWAL = (r"\bdar(se|te) de baja\b", r"\bbaja\b", r"\b(retirar|revocar) (tu|su|el) consentimiento\b", r"\brevoca", r"\bcancelar (la |tu |su )?suscripcion\b",
              r"\boposicion\b", r"[\"'«“]\s*stop\s*[\"'»”]", r"\bbaja\b")
CORE_MESSAGES = (r"\bcopia de (mi|tu|su|el) (mensaje|consulta|formulario|solicitud|inscripcion)\b", r"\bcorreo de confirmacion\b", r"\bconfirmar (tu|su) (correo|suscripcion|firma|inscripcion)\b", r"\brecibo\b", r"\bcertificado de donacion\b",
                 r"\bresponder (a )?(tu|su) (consulta|mensaje|solicitud|pregunta)\b", r"\bgestionar (tu|su) (solicitud|consulta|firma|afiliacion|donacion|inscripcion)\b",
                 r"\brecordatorio\b")
TRANSFER = (r"\b(cedid[oa]s?|ceder|comunicad[oa]s?|compartid[oa]s?|compartir|transferid[oa]s?|acceso)\b",)
CORE_SHARING = (r"\b(equipos?|agrupaciones?|sedes?) locales?\b", r"\bencargados? del tratamiento\b", r"\bproveedores?\b", r"\bcandidat[oa]s de (la|nuestra) (lista|candidatura)\b")
NEUTRAL = (r"\b(numero|total) de (firmas|firmantes|apoyos)\b",)
UNTICK = (r"\bdesmarca", r"\bdesactiva")
SITE_PREFERENCE = (r"\brecordarme\b", r"\bmantener la sesion\b", r"\brecuerdame\b")
YES = (r"^(si|vale|de acuerdo|acepto)\b",)
NO = (r"^(no|nunca|ninguno|ninguna|mas tarde|ahora no)\b",)

NOTICE_MARKERS = (r"\bdatos personales\b", r"\b(tus|sus) datos\b", r"\brgpd\b", r"\bprivacidad\b", r"\bproteccion de datos\b", r"\baepd\b", r"\blopdgdd\b")
NOTICE_CONTROLLER = (r"\bresponsable (del tratamiento|:)", r"\btratados por (?!nosotros\b)")
NOTICE_RIGHTS = (r"\b(acceder|rectificar|suprimir|cancelar|oponerte|oponerse)(,| y| o) (a )?(rectificar|suprimir|cancelar|oponerte|oponerse|limitar|portar)\b",
                 r"\bejercer (sus|tus|los) derechos\b", r"\bacceso, rectificacion\b", r"\brectificacion\b", r"\bsupresion\b", r"\boposicion\b", r"\bportabilidad\b", r"\bderechos arco\b", r"\blimitacion del tratamiento\b")
PRIVACY_LINK = (r"\bprivacidad\b", r"\bproteccion de datos\b", r"\bdatos personales\b")
LEGAL_LINK = (r"\baviso legal\b",)
SEARCH = (r"\bbusca(r|dor)?\b",)
LOGIN = (r"\biniciar sesion\b", r"\bcontrasena\b", r"\bacceso (socios|afiliados)\b", r"\bentrar\b")
# A question about how the person came (survey): its options name channels as answers, not consents.
SURVEY = (r"\bcomo (nos |te |se )?(conociste|conocio|conocisteis|enteraste|entero|supiste|supo|llegaste|llego)\b", r"\bdonde (nos )?(conociste|viste|oiste)\b")
