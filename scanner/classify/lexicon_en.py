"""English wording (UK, Ireland, international campaign sites), against ``normalise``d text.

Phrasing follows the ICO's guidance on direct marketing and consent and sign-up forms seen on
UK party and campaign sites. See ``lexicon_fr`` for what each constant means.
"""

from ..vocabulary import Channel, CoreAction, NonConsent, Purpose, SensitiveCategory

LANG = "en"

STOPWORDS = frozenset(
    "the and to of you your we our i my me is are be will would with for from by on in this that "
    "it at or not do don't if can any about us they them their receive want agree".split()
)

_NEWS = (r"(news ?letters?|updates?|news|information|info|e-?mails?|emails|texts?|sms|messages?|communications?|calls?|mail|mailings?|bulletins?|magazines?|digests?|briefings?"
         r"|invitations?|alerts?|campaign (news|updates|e-?mails))")

PURPOSES = {
    Purpose.COMMUNICATION: (
        r"\bnews ?letters?\b", r"\be-?mail updates?\b", r"\bupdates?\b", r"\bcampaign (news|updates|e-?mails|information|messages)\b",
        r"\b(receive|get|send (you|me)|sending (you|me)|be sent|hear|hearing) (from us |occasional |regular |the |our |more |further |future |any |recurring |automated |autodialed |periodic |promotional |political |campaign |weekly |monthly |daily |text |sms |mobile )*"
        + _NEWS, r"\bkeep (me|you|them) (informed|updated|posted|in the loop|up to date|in touch)\b",
        r"\b(be|being) (kept )?(informed|updated)\b", r"\b(be|being) (contacted|called|texted|emailed|e-mailed)\b",
        r"\b(contact|email|e-mail|text|call|phone) (me|you)\b(?! (about|regarding|in relation to) (my|your) (enquiry|request|message|question|donation|membership))",
        r"\bhear (more )?(from|about) (you|us|the campaign|the party|our|what)", r"\b(like|love|want|wish|happy|keen) to hear (more )?(from|about)\b", r"\bmailing list\b", r"\bmarketing\b", r"\b(postal |email |e-mail )?mailings\b", r"\b(campaign|weekly|monthly) (bulletin|briefing|digest|magazine)\b", r"\bsign (me|you) up (for|to) (the |our )?(e-?mails?|texts?|updates|news|newsletter|mailing list|alerts)",
        r"\bopt[ -]?in to (e-?mails?|texts?|updates|marketing|news)", r"\b(whatsapp|telegram|signal) (group|channel|list|community)\b",
        r"\bcommunications?\b", r"\bpolitical (messages|campaigning|material)\b", r"\bcampaigning (e-?mails|messages|material)\b",
        r"\bnews (and|&) (updates|campaigns|events|information)\b", r"\b(latest|campaign|party) news\b",
        r"\binvit(ed|ations?) to (our |future )?(events|meetings|actions)\b", r"\bstay (informed|updated|in touch|up to date)\b",
    ),
    Purpose.SHARING: (
        r"\bpartners?\b", r"\bthird[ -]part(y|ies)\b",
        r"\b(sell|sold|sells|selling|rent|rented|renting|lease)\b(?! (tickets|merchandise))", r"\btraded? (your|my|the) (data|details)\b",
        r"\b(share|shared|sharing|pass|passed|passing|give|given|disclose|disclosed|transfer|transferred|hand|handed)( on| over)? "
        r"(my|your|their|the|these)? ?(data|details|information|contact details|personal data|name|email address)? ?(with|to) "
        r"(any |other |allied |like-minded |sister |friendly |selected |carefully |trusted |third )*(organi[sz]ations?|groups|campaigns|charities|parties|companies|candidates|causes)\b",
        r"\b(like-minded|allied|sister|friendly|selected) (organi[sz]ations?|groups|campaigns|charities|parties|causes)\b",
        r"\b(shared?|pass(ed)?|given|disclosed|transferred|handed) ([a-z-]+ ){0,6}(with|to) (other|external|outside) ([a-z-]+ )?(organi[sz]ations|groups|campaigns|charities|parties|companies|causes)\b",
    ),
    Purpose.PUBLICATION: (
        r"\b(publish|display|show|list|print|feature)(ing)? (my|your) (name|signature|comment|support|photo)",
        r"\b(my|your) (name|signature|comment|support)( and (my|your) [a-z]+)? (may|can|will|might) (appear|be (published|displayed|shown|listed|made public))",
        r"\bpublic (list|wall|map) of (supporters|signatories|signers)\b", r"\b(map|wall) of (supporters|signatories|signers|pledgers|backers)\b",
        r"\b(publish|display|show|list|print|feature)(ing)? (my|your) (first|full|last) name\b",
        r"\b(my|your) (name|signature|comment)( and (my|your) [a-z]+)? (being|to be|is|will be) (published|displayed|shown|listed|made public)\b", r"\bpublicly (listed|displayed|shown)\b", r"\bmade public\b",
    ),
    Purpose.FUNDRAISING: (
        r"\bfundrais\w*\b", r"\bdonation (requests|appeals|asks)\b", r"\b(asks?|asked|requests?|appeals?|ask me|ask you) (me |you )?(to|for) (donate|donations|money|financial support)",
        r"\bappeals? for (donations|funds|money)\b",
    ),
    Purpose.PROFILING: (
        r"\bprofiling\b", r"\b(targeting|targeted)\b", r"\bsegment(ation|ing)\b", r"\banaly[sz](e|ing) (my|your) (views|preferences|opinions|behaviour|interests)\b",
        r"\bpersonali[sz]ed (messages|communications|content)\b", r"\bvoter profiles?\b",
    ),
}

CHANNELS = {
    Channel.EMAIL: (r"\be-?mails?\b", r"\bemailed\b", r"\be-mailed\b", r"\belectronic mail\b"),
    Channel.SMS: (r"\bsms\b", r"\btexts?\b", r"\btext messages?\b", r"\btexted\b", r"\btexting\b", r"\bmms\b"),
    Channel.PHONE: (r"\b(tele)?phones?\b", r"\bphone calls?\b", r"\bcalls?\b", r"\bcalled\b", r"\bphoned\b", r"\btelephone\b"),
    Channel.POST: (r"\bby post\b", r"\bpost(al)? mail\b", r"\bpostal\b(?! code)", r"\bletters? (through|in) (the|my|your) (door|letterbox)\b",
                   r"\bsnail mail\b", r"\bmailings? by post\b", r"\bin the post\b"),
    Channel.MESSAGING: (r"\bmessaging apps?\b", r"\binstant messag",),
}

CORE_ACTIONS = {
    CoreAction.SPONSORSHIP: (r"\bi (support|endorse|back)\b", r"\b(endorse|back|support) (the candidate|our candidate|the candidacy|the nomination)\b",
                             r"\b(add|lend|pledge) (my|your) support\b", r"\bnominat(e|ing) (the|our) candidate\b"),
    CoreAction.PETITION: (r"\bsign(ing)? (the|this|our) petition\b", r"\bi sign\b", r"^sign\b(?! me up| up)", r"\badd(ing)? (my|your) name\b", r"\bsign now\b",
                          r"\bi pledge\b", r"\btake the pledge\b"),
    CoreAction.MEMBERSHIP: (r"\b(join|joining) (the party|us|the movement|as a member)\b", r"\bbecome a member\b", r"\bmembership\b(?! (card|fee) (is|will))"),
    CoreAction.DONATION: (r"\b(make|making) a donation\b", r"\bi (donate|give)\b", r"\bdonate now\b"),
    CoreAction.VOLUNTEER: (r"\bvolunteer(ing)?\b(?! (coordinator|team|organi[sz]er))", r"\bget involved\b"),
    CoreAction.EVENT: (r"\b(register|registering|sign up|book|rsvp) (for|to) (the|this|our)? ?(event|meeting|rally|hustings|conference|workshop)",
                       r"\brsvp\b", r"\bi('ll| will) (attend|be there|come)\b"),
    CoreAction.CONTACT: (r"\bsend (my|the|your) message\b", r"\bask (a|my|your) question\b"),
    CoreAction.NEWSLETTER: (r"\bsubscribe\b", r"\bsign me up\b"),
}

CORE_TOPICS = {
    CoreAction.SPONSORSHIP: (r"\bsupport", r"\bendorse", r"\bbacking\b", r"\bnominat"),
    CoreAction.PETITION: (r"\bpetition", r"\bsign\b", r"\bsignatures?\b", r"\bpledge\b", r"\badd your name\b", r"\bopen letter\b"),
    CoreAction.MEMBERSHIP: (r"\bmember", r"\bjoin\b", r"\bjoin us\b"),
    CoreAction.DONATION: (r"\bdonat", r"\bdonate\b", r"\bamount\b", r"\bchip in\b", r"\bgift aid\b", r"\bcontribut"),
    CoreAction.VOLUNTEER: (r"\bvolunteer", r"\bget involved\b", r"\bhelp out\b", r"\bcanvass"),
    CoreAction.EVENT: (r"\bevent", r"\bmeeting", r"\brsvp\b", r"\brally\b", r"\bhustings\b", r"\bregister\b", r"\bbook\b", r"\btickets?\b",
                       r"\bconference\b", r"\bworkshop\b"),
    CoreAction.CONTACT: (r"\bcontact", r"\byour message\b", r"\benquir", r"\bget in touch\b", r"\bquestion\b"),
    CoreAction.NEWSLETTER: (r"\bnews ?letter", r"\bsubscribe", r"\bmailing list\b", r"\bemail updates\b", r"\bstay (informed|updated|in touch)\b"),
}

NON_CONSENTS = {
    NonConsent.TERMS: (r"\bterms (and|&) conditions\b", r"\bterms of (use|service)\b", r"\bt&cs?\b", r"\bthe terms\b", r"\bcode of conduct\b",
                       r"\bparty rules\b", r"\bconstitution\b", r"\buser agreement\b"),
    NonConsent.ELIGIBILITY: (r"\bregistered to vote\b", r"\bregistered voter\b", r"\b(over|aged|at least|older than) \d{2}\b", r"\b\d{2} (years|or over|or older|\+)",
                             r"\bcitizen", r"\beligible\b", r"\bnationality\b", r"\bresident\b", r"\b(uk|british|irish|eu|us) (citizen|resident|national)",
                             r"\bpermissible donor\b", r"\bmy own (money|funds)\b", r"\bnot a member of (any )?other (political )?party\b",
                             r"\bon the electoral (register|roll)\b"),
    NonConsent.ACCURACY: (r"\baccurate\b", r"\btrue and (correct|complete)\b", r"\bcorrect\b", r"\btruthful\b", r"\bto the best of my knowledge\b"),
}
ATTESTATION = (r"\bi (certify|confirm|declare|attest)\b",)

ACK_VERBS = (r"\bi('ve| have)? read\b", r"\bhave read\b", r"\bi (accept|agree|understand|acknowledge)\b", r"\bread and (accept|agree|understood)\b",
             r"\backnowledge\b", r"\bunderstood\b", r"\baccept\b", r"\bagree to\b")
PRIVACY_NOUNS = (r"\bprivacy (policy|notice|statement|information)\b", r"\bdata protection (policy|notice|statement|information)\b",
                 r"\b(how|the way) (you|the campaign|we) (will )?(use|process|handle|store) (my|your) (data|personal data|information)\b",
                 r"\bprocessing of my (personal )?data\b", r"\bprivacy\b", r"\bdata protection\b", r"\bfair processing notice\b",
                 r"\bmy (personal )?data (being|will be|may be) (processed|used|stored)\b")
GRANT = (r"\b(agree|consent|want|would like|wish|happy|opt in|opt-in)( to| for| that)\b", r"\breceive\b", r"\b(be|being) (kept|contacted|informed|updated)\b",
         r"\bsign me up\b")

SENSITIVE = {
    SensitiveCategory.RELIGION: (r"\breligio(n|us|ns)\b", r"(?<!good )\bfaith\b", r"\b(religious|philosophical) beliefs?\b", r"\breligion or belief\b",
                                 r"\bdenomination\b", r"\bchurch (attendance|member)"),
    SensitiveCategory.ORIGIN: (r"\bethnic(ity| origin| background| group)?\b", r"\bracial\b", r"\brace\b(?= ?(/|,|or|and) ?ethnic)", r"\bskin colou?r\b"),
    SensitiveCategory.HEALTH: (r"\bhealth (condition|status|problems?|issues?|information|data)\b", r"\bdisabilit(y|ies)\b",
                               r"\bmedical (condition|history|information|conditions)\b", r"\billness(es)?\b", r"\bpregnan", r"\bmental health\b",
                               r"\byour health\b"),
    SensitiveCategory.SEXUALITY: (r"\bsexual (orientation|life|preference)\b", r"\bsex life\b", r"\bsexuality\b", r"\b(gay|lesbian|bisexual|heterosexual)\b"),
    SensitiveCategory.UNION: (r"\b(trade|labou?r) union", r"\bunion member(ship)?\b", r"\bunioni[sz]ed\b", r"\bmember of a union\b", r"\bwhich union\b"),
    SensitiveCategory.BIOMETRIC: (r"\bbiometric", r"\bfingerprints?\b", r"\bfacial recognition\b", r"\bface scan\b"),
    SensitiveCategory.GENETIC: (r"\bgenetic\b", r"\bdna\b"),
}

SENSITIVE_EXEMPT = (r"\baccommodat", r"\b(reasonable )?adjustments?\b", r"\btake (it |this )?into account\b", r"\baccess(ibility)? (needs|requirements)\b", r"\bwheelchair access\b", r"\bstep-free\b", r"\baccessib")
OPT_OUT = (r"\b(tick|check|select|click)\w*.{0,60}\bif you (do not|don't|would not|wouldn't|would rather not|prefer not|no longer)\b",
           r"\bif you (do not|don't|would rather not|prefer not to|no longer) (want|wish|like)\b", r"\bif you('d| would) (rather|prefer) not\b",
           r"\bi (do not|don't|would not|wouldn't|would rather not) (want|wish|like) to\b", r"(?<!to )(?<!can )(?<!may )\bopt(ing)?[ -]?out of\b", r"\b(tick|check|select)\b.{0,30}\bto opt[ -]?out\b",
           r"\bunless you (object|opt out|tell us otherwise|untick)\b", r"\bno,? i (do not|don't)\b", r"\bdo not (send|contact|email) me\b",
           r"\bplease don't\b", r"\bi object to\b")
ENTAILED = (r"\bby (signing|submitting|clicking|adding your name|joining|registering|donating|continuing|filling|completing|sending|"
            r"taking (part|action|the pledge)|pledging|supporting|sharing|giving|becoming|entering|providing|using)\b",
            r"\b(you|i)('ll| will)( also| then| now| automatically| regularly| occasionally| soon| start to| begin to)? (receive|get|be (added|subscribed|signed up|kept|contacted|sent|emailed|texted|called|updated))",
            r"\byou (agree|consent) (to|that)\b", r"\byou accept (that|to)\b",
            r"\b(signing|joining|registering|donating|submitting)( this form| the petition)? (means|constitutes|includes|implies)\b",
            r"\b(automatically|will be) (added|subscribed|signed up)\b",
            r"\b(all |every )?(signers|signatories|signatory|supporters|participants|attendees|donors|members|volunteers) (will|shall) (receive|get|be)\b", r"\bwe('ll| will) (send|keep|add|email|text|contact|share|pass)\b")
CONDITIONAL = (r"\bif (you|i) (have )?(tick|ticked|check|checked|opt|opted|choose|chose|chosen|select|selected|agree|agreed|consent|consented|asked|wish|want|would like|say yes|said yes|give)",
               r"\bby (ticking|checking|selecting)\b", r"\bwith your (consent|permission|agreement)\b", r"\bonly if\b", r"\bwhere you (have )?(consented|agreed|opted|asked)",
               r"\bif the box\b", r"\bsubject to your consent\b", r"\bwhen you (have )?(opted|agreed|consented|asked)\b", r"\bif so\b",
               r"\bif you('ve| have) (asked|opted|agreed|consented|chosen)")
NEGATION = (r"\b(never|not|no|don't|doesn't|won't|will not|do not|does not|cannot|can't|nor)\b",)
WITHDRAWAL = (r"\b(change|update|manage) your (contact |marketing |email )?(preferences|choices|consent)\b", r"\bunsubscrib", r"\bwithdraw(ing|n|al)?\b", r"\bopt(ing)?[ -]?out\b", r"\b(reply|replying|text|texting|send|sending)\W{1,3}(the word )?\W{0,2}stop\b",
              r"[\"'“]\s*stop\s*[\"'”]", r"\bchange your mind\b", r"\bobject (to|at any time)\b", r"\bright to object\b",
              r"\bremove (yourself|you) from (our|the) (list|mailing)", r"\bstop (receiving|hearing)\b", r"\bupdate your preferences\b",
              r"\bmanage your (preferences|subscriptions)\b")
CORE_MESSAGES = (r"\bcopy of (my|your|the) (message|enquiry|inquiry|submission|answers|signature|form|registration)\b", r"\bconfirmation (e-?mail|message|text|link|code)\b", r"\b(e-?mail|message|text|link) to confirm\b",
                 r"\bconfirm (your|my) (email|e-mail|signature|subscription|registration|address|donation|membership|booking|place)\b",
                 r"\breceipts?\b", r"\b(reply|respond|responding|replying|answer) to (your|my) (message|question|enquiry|inquiry|request|comment)",
                 r"\b(handle|handling|process|processing|deal with|dealing with|manage|managing|administer|administering) (your|my) "
                 r"(request|enquiry|inquiry|donation|membership|registration|booking|signature|application|message)",
                 r"\breminders? (about|of|before|for) (the|this) (event|meeting|rally)\b", r"\b(a|an|one|the|your) (text |sms |email |e-mail |quick )?reminder\b", r"\b(your|my) (ticket|membership card)\b",
                 r"\bpractical (details|information)\b", r"\b(contact|email) (me|you) (about|regarding|in relation to) (my|your) (enquiry|request|message|question|donation|membership|booking|registration)",
                 r"\bwelcome (e-?mail|pack|message)\b",
                 r"\bto (complete|finali[sz]e|confirm|process|arrange) (my|your) (membership|registration|donation|booking|application|place)\b")
TRANSFER = (r"\b(shar(e|ed|ing)|pass(ed|ing)?( on)?|giv(e|en)|transferr?(ed|ing)?|disclos(e|ed)|hand(ed)?( over)?|forward(ed)?|provided|made available|access)\b",)
CORE_SHARING = (r"\blocal (teams?|groups?|branch(es)?|organi[sz]ers?|volunteers|party|parties|campaign|candidates?|councillors?)\b",
                r"\bcampaign team\b", r"\bour (staff|volunteers|candidates)\b", r"\bcandidates (on|of|in) (our|the same|my|your) (list|slate|ward|area|constituency)\b",
                r"\b(data )?processors?\b", r"\bservice providers?\b", r"\b(email|mailing|hosting|payment) (service |platform )?providers?\b",
                r"\bstaff and volunteers\b", r"\belectoral commission\b")
NEUTRAL = (r"\b(number|total|count) of (signatures|signatories|supporters|signers|names)\b", r"\bsignature count\b", r"\bonly the (number|total|count)\b")
UNTICK = (r"\b(untick|uncheck|deselect)",)
SITE_PREFERENCE = (r"\bremember me\b", r"\bkeep me (signed|logged) in\b", r"\bstay (signed|logged) in\b")
YES = (r"^(yes|yeah|sure|ok|i agree|i do|count me in|please do)\b",)
NO = (r"^(no|not now|never|none|no thanks|i do not|i don't|please don't|do not|later|maybe later|not right now)\b",)

NOTICE_MARKERS = (r"\bpersonal (data|information|details)\b", r"\byour data\b", r"\byour (personal )?(information|details)\b", r"\bgdpr\b", r"\bprivacy\b", r"\bdata protection\b",
                  r"\bico\b", r"\bdata controller\b", r"\binformation commissioner\b", r"\bprocess (your|the) (data|information)\b")
NOTICE_CONTROLLER = (r"\b(?!(?:we|they|it|this|that|which|who|you|site|website|form|page|tool|platform|provider|cookies?|service)\b)[a-z][a-z.&'-]+ (collects|processes|uses|holds|stores|handles|controls)( and [a-z]+)? (your|the) (personal )?(data|details|information)\b",
                     r"\bdata controller\b", r"\bcontroller (is|for|of|:)\b", r"\bjoint controllers\b",
                     r"\b(processed|collected|held|handled|controlled|stored) by (?!(us|you|our (staff|volunteers|team)|third parties|processors)\b)",
                     r"\bresponsible for (processing|your (personal )?data|the processing)\b", r"\bon behalf of (?!you\b)",
                     r"\bwho we are\b.{0,80}\b(party|campaign|association|ltd|limited|cic|committee|trust)\b",
                     r"\b(?!we\b|they\b|i\b|it\b|this\b)[a-z]+ (will|shall|may) (process|use|hold|store) your (personal )?(data|details|information)\b")
NOTICE_RIGHTS = (r"\b(request|ask for|get|obtain) a copy of (your|the) (personal )?(data|information|details)\b", r"\bask us to (delete|erase|remove|correct|update|amend|stop using)\b",
                 r"\bright(s)? (of|to) (access|rectif|erasure|erase|object|portability|restrict|correct|be forgotten|deletion|delete)",
                 r"\b(access|correct|rectify|erase|delete|restrict|object to|port)[a-z]*,? (or|and|,)? ?(correct|rectif|erase|delete|restrict|object|port)",
                 r"\brectif(y|ication)\b", r"\berasure\b", r"\bportability\b", r"\bobject to (its |the |our )?(use|processing)\b",
                 r"\bsubject access\b", r"\bright to be forgotten\b", r"\brestrict (its |the )?processing\b",
                 r"\bexercise (your|these|any of your|those) (data protection |privacy )?rights\b")
PRIVACY_LINK = (r"\bprivacy\b", r"\bdata protection\b", r"\bpersonal data\b", r"\byour data\b", r"\bgdpr\b", r"\bfair processing\b")
LEGAL_LINK = (r"\blegal (notice|information|mentions)\b", r"\blegal\b", r"\bimprint\b", r"\bterms and conditions\b")
SEARCH = (r"\bsearch\b", r"\bfind\b")
LOGIN = (r"\blog ?in\b", r"\bsign ?in\b", r"\bpassword\b", r"\busername\b", r"\bmembers'? area\b")
# A question about how the person came (survey): its options name channels as answers, not consents.
SURVEY = (r"\bhow did you (hear|find out|learn|get to know|come across|discover)\b", r"\bwhere did you (hear|see|find out|learn)\b",
          r"\bhow you (heard|found out|learned|learnt) (about|of)\b", r"\breferred by\b", r"\breferral source\b")
