"""Where a sentence may begin: a spaCy component, run before the parser, that forbids breaks after a word no sentence ends on."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Token

COMPONENT = "kb_sentence_starts"
# A sentence may begin after these (a stop, a colon, a closing mark or bracket, a dash that signs a quote).
_ENDINGS = frozenset(".!?…:;\"”’')]―—-")
_OPENINGS = frozenset("\"“‘'([•*")


@Language.component(COMPONENT)
def sentence_starts(doc: Doc) -> Doc:
    """No sentence begins after a word that ends none: the small model breaks 'DuVernay said she felt the 13th |
    Amendment was worth examining' and 'Clinton cited disparaging remarks | Trump had made', which cuts the clause
    that was said. A line break, an opening mark or a bracket still lets the parser start one (a headline, a list item,
    a quotation signed "― Name" before the next)."""
    for token in doc[1:]:
        if not _may_begin(token):
            token.is_sent_start = False
    return doc


def _may_begin(token: Token) -> bool:
    if token.is_space or token.text[:1] in _OPENINGS or not token.text[:1].isalnum():
        return True
    doc = token.doc
    before = doc[token.i - 1]
    if "\n" in before.whitespace_ or before.is_space and "\n" in before.text:
        return True
    while before.is_space and before.i > 0:
        before = doc[before.i - 1]
    if before.text == "." and before.i > 0 and _abbreviated_title(doc[before.i - 1]):
        return False  # 'Waco police Sgt. W. Patrick Swanton': a title's stop, split off by the tokenizer, ends no sentence
    return before.text[-1:] in _ENDINGS


# Titles abbreviated before a name that the tokenizer may part from their stop ("Sgt" "."), capitalised as written.
_TITLE_ABBREVIATIONS = frozenset(
    "Sgt Lt Capt Col Gen Maj Cpl Cmdr Adm Det Insp Supt Ofc Dep Sen Rep Gov Atty Prof Dr".split()  # noqa: SIM905
)


def _abbreviated_title(token: Token) -> bool:
    return not token.whitespace_ and token.text in _TITLE_ABBREVIATIONS


def add_to(nlp: Language) -> None:
    """Put the component before the parser, once (the extractor is given a loaded pipeline)."""
    if COMPONENT not in nlp.pipe_names and "parser" in nlp.pipe_names:
        nlp.add_pipe(COMPONENT, before="parser")
