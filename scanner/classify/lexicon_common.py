"""Words that mean the same in every language a campaign page uses (brands, acronyms).

Merged into every language's lexicon by ``scanner.classify.lexicons``.
"""

from ..vocabulary import Channel, Purpose

PURPOSES = {Purpose.COMMUNICATION: (r"\bnews ?letters?\b",)}
CHANNELS = {
    Channel.EMAIL: (r"\be-?mail\b",),
    Channel.SMS: (r"\bsms\b",),
    Channel.MESSAGING: (r"\bwhats ?app\b", r"\btelegram\b", r"\bsignal\b(?= |$)", r"\bmessenger\b"),
}
