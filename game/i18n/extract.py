"""Babel extraction method for our content YAML (registered as ``fanzha_yaml``).

``pybabel extract -F babel.cfg`` calls ``extract_content_yaml`` for each file
under scenarios/; it yields every translatable text field the content builders
read (the same fields the validator checks), with its line and, as a comment
for translators, where it stands ("choice 2 of node 'call'").
"""

from __future__ import annotations

from ..content.builders import build
from ..content.problems import ProblemList
from ..content.reader import Reader
from ..content.yamlsafe import YMap, load


def content_texts(data: bytes, name: str = "<content>"):
    """(line, text, context) for every translatable text of one content file."""
    problems = ProblemList(name)
    tree = load(data, problems)
    if not isinstance(tree, YMap):
        return []
    texts: list = []
    build(Reader(tree, problems, "this file", texts), name)
    return [(t.line, t.text, t.context) for t in texts]


def extract_content_yaml(fileobj, keywords, comment_tags, options):
    name = getattr(fileobj, "name", "<content>")
    for line, text, context in content_texts(fileobj.read(), str(name)):
        yield line, None, text, [context]
