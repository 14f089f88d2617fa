"""The watchdog half of unbundle: judge published sign-up forms against the rule catalog.

It also holds what both halves share: the rule catalog (``scanner.rules``), the purpose
vocabulary (``scanner.vocabulary``) and the text classifier (``scanner.classify``). formkit
imports them. Judging never imports formkit; only the command line (``scanner.cli``) borrows
the option declarations of ``formkit.cli_options``, so that options read the same everywhere.
"""

__version__ = "0.1.0"
