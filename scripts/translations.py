#!/usr/bin/env python3
"""The project's translation pipeline (zh_CN), without Qt's Python-specific extractor.

    translations.py update    extract every marked string into i18n/*.ts (new ones unfinished, vanished ones dropped)
    translations.py check     exit 1 if a marked string is missing from the .ts, unfinished, empty, has other
                              {placeholders} than its source, or if the .ts holds strings the code no longer has;
                              also exit 1 on tr() called with an f-string or a formatted expression, on a
                              translation breaking the terminology of i18n/glossary.tsv (see its header), on a
                              doubled ellipsis where the source has one "…", and on HTML entities (&#x27; &amp;)
                              in a translation whose source has none
    translations.py compile   lrelease every .ts into build/i18n/*.qm
    translations.py apply F   fill translations from a UTF-8 TSV file of "source<TAB>translation" lines
                              (a line break inside a source or translation is written \\n)

    check and apply take --ts PATH to work on another .ts file (e.g. a copy); check takes --glossary PATH.

Python: tr("...") and tr_noop("...") with a literal string (context "habitat"). Qt Designer: every <string> of a
resources/ui/*.ui file not marked notr="true" (context: the form's class).
"""

import ast
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "habitat_planning_plugin"
UI_DIR = ROOT / "resources" / "ui"
I18N = ROOT / "i18n"
BUILD_I18N = ROOT / "build" / "i18n"
LOCALES = ("zh_CN",)
CONTEXT = "habitat"
MARKERS = {"tr", "tr_noop"}
PLACEHOLDER = re.compile(r"\{[^{}]*\}")
GLOSSARY = "glossary.tsv"  # in I18N
ENTITY = re.compile(r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);")


def ts_path(locale: str) -> Path:
    return I18N / f"habitat_planning_plugin_{locale}.ts"


def _marker_name(func) -> str:
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return ""


def extract_python(path: Path):
    """((context, source), location) pairs and a list of errors for one Python file."""
    messages, errors = [], []
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call) or _marker_name(node.func) not in MARKERS or not node.args:
            continue
        first = node.args[0]
        where = f"{path.relative_to(ROOT)}:{node.lineno}"
        if isinstance(first, ast.Constant) and isinstance(first.value, str):
            messages.append(((CONTEXT, first.value), where))
        elif isinstance(first, (ast.JoinedStr, ast.BinOp)) or (
            isinstance(first, ast.Call) and _marker_name(first.func) == "format"
        ):
            errors.append(f"{where}: tr() needs a literal string; pass values as arguments: tr('{{0}} m', value)")
    return messages, errors


def extract_ui(path: Path):
    tree = ET.parse(path)
    form_class = tree.getroot().findtext("class") or path.stem
    found = []
    for string in tree.iter("string"):
        if string.get("notr") == "true" or not (string.text or "").strip():
            continue
        found.append(((form_class, string.text), str(path.relative_to(ROOT))))
    return found


def extract():
    messages, errors = {}, []
    for path in sorted(PACKAGE.rglob("*.py")):
        found, bad = extract_python(path)
        errors.extend(bad)
        for key, where in found:
            messages.setdefault(key, where)
    for path in sorted(UI_DIR.glob("*.ui")) if UI_DIR.is_dir() else []:
        for key, where in extract_ui(path):
            messages.setdefault(key, where)
    return messages, errors


def read_ts(path: Path):
    """{(context, source): (translation, finished)} of a .ts file."""
    entries = {}
    if not path.is_file():
        return entries
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            translation = message.find("translation")
            text = (translation.text or "") if translation is not None else ""
            finished = translation is not None and translation.get("type") not in ("unfinished", "vanished", "obsolete")
            entries[(name, message.findtext("source"))] = (text, finished)
    return entries


def write_ts(path: Path, locale: str, entries) -> None:
    root = ET.Element("TS", version="2.1", language=locale, sourcelanguage="en_US")
    by_context = {}
    for (context, source), value in entries.items():
        by_context.setdefault(context, []).append((source, value))
    for context in sorted(by_context):
        context_el = ET.SubElement(root, "context")
        ET.SubElement(context_el, "name").text = context
        for source, (text, finished) in sorted(by_context[context]):
            message = ET.SubElement(context_el, "message")
            ET.SubElement(message, "source").text = source
            translation = ET.SubElement(message, "translation")
            translation.text = text
            if not finished:
                translation.set("type", "unfinished")
    ET.indent(root, space="    ")
    body = ET.tostring(root, encoding="unicode")
    path.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8")


def update() -> int:
    messages, errors = extract()
    for error in errors:
        print(error, file=sys.stderr)
    for locale in LOCALES:
        old = read_ts(ts_path(locale))
        new = {key: old.get(key, ("", False)) for key in messages}
        write_ts(ts_path(locale), locale, new)
        unfinished = sum(1 for _, finished in new.values() if not finished)
        dropped = len(set(old) - set(new))
        print(f"{ts_path(locale).relative_to(ROOT)}: {len(new)} strings, {unfinished} unfinished, {dropped} dropped")
    return 1 if errors else 0


class Term:
    """One row of the glossary: see the header of i18n/glossary.tsv."""

    def __init__(self, english, chinese, forbidden=(), exempt="", note="", line=0):
        self.english, self.chinese, self.forbidden, self.note, self.line = english, chinese, forbidden, note, line
        spellings = "|".join(r"\s+".join(map(re.escape, spelling.split())) for spelling in english)
        self.pattern = re.compile(rf"\b(?:{spellings})(?:s|es)?\b", re.IGNORECASE)
        self.exempt = re.compile(exempt, re.IGNORECASE) if exempt else None

    def applies(self, source: str) -> bool:
        return bool(self.pattern.search(source)) and not (self.exempt and self.exempt.search(source))

    def problem(self, source: str, text: str):
        """Why the translation breaks this term, or None."""
        if not self.applies(source):
            return None
        found = [variant for variant in self.forbidden if variant in text]
        if found:
            return f"uses {', '.join(found)} for {self.english[0]!r} (glossary: {'/'.join(self.chinese)})"
        if not any(chinese in text for chinese in self.chinese):
            return f"lacks {'/'.join(self.chinese)} for {self.english[0]!r}"
        return None


def _parts(value: str, separator: str):
    return tuple(part.strip() for part in value.split(separator) if part.strip())


def read_glossary(path: Path = None):
    """The Terms of a glossary TSV file (none when the file does not exist)."""
    path = path or I18N / GLOSSARY
    terms = []
    if not path.is_file():
        return terms
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        columns = (line.split("\t") + [""] * 5)[:5]
        english, chinese, forbidden, exempt, note = (column.strip() for column in columns)
        if not english or not chinese:
            raise ValueError(f"{path.name}:{number}: a row needs an English and a Chinese term")
        terms.append(Term(_parts(english, "|"), _parts(chinese, "|"), _parts(forbidden, ","), exempt, note, number))
    return terms


def text_problems(source: str, text: str, terms=()):
    """Terminology and typography problems of one finished translation."""
    found = [problem for problem in (term.problem(source, text) for term in terms) if problem]
    # A label ending in one "…" (a menu entry or button that opens a dialog, a step in progress: no list before
    # it) ends in one "…" in Chinese too, as in QGIS; "学校、诊所……" ending a list is ordinary Chinese punctuation.
    stripped_source, stripped_text = source.rstrip(), text.rstrip()
    if (
        stripped_source.endswith("…")
        and not stripped_source.endswith("……")
        and "," not in stripped_source
        and (stripped_text.endswith("……") or stripped_text.endswith("..."))
    ):
        found.append("ends with a doubled ellipsis: write one … as QGIS does")
    elif re.search(r"[）」』》]……", text) and "……" not in source:
        found.append("doubled ellipsis after a full-width bracket: write one …")
    entities = sorted(set(ENTITY.findall(text)) - set(ENTITY.findall(source)))
    if entities:
        found.append(f"holds HTML entities the source has not: {' '.join(entities)}")
    return found


def problems(locale: str, ts: Path = None, glossary: Path = None):
    """Every problem of the translation of `locale` (in `ts`, default its .ts in i18n/), as lines to print."""
    ts = ts or ts_path(locale)
    messages, errors = extract()
    found = list(errors)
    entries = read_ts(ts)
    terms = read_glossary(glossary)
    for key, where in sorted(messages.items(), key=lambda item: item[1]):
        source = key[1]
        if key not in entries:
            found.append(f"{where}: not in {ts.name} (run 'make ts'): {source!r}")
            continue
        text, finished = entries[key]
        if not finished or not text.strip():
            found.append(f"{where}: unfinished {locale} translation: {source!r}")
        elif sorted(PLACEHOLDER.findall(text)) != sorted(PLACEHOLDER.findall(source)):
            found.append(f"{where}: placeholders differ in {locale}: {source!r} -> {text!r}")
        else:
            found.extend(
                f"{where}: {locale} translation {problem}: {source!r} -> {text!r}"
                for problem in text_problems(source, text, terms)
            )
    for key in sorted(set(entries) - set(messages)):
        found.append(f"{ts.name}: string no longer in the code (run 'make ts'): {key[1]!r}")
    return found


def check(ts: Path = None, glossary: Path = None) -> int:
    status = 0
    for locale in LOCALES:
        found = problems(locale, ts, glossary)
        for line in found:
            print(line, file=sys.stderr)
        count = len(read_ts(ts or ts_path(locale)))
        print(f"{locale}: {count} strings, {len(found)} problem(s)")
        status = status or (1 if found else 0)
    return status


def compile_qm() -> int:
    BUILD_I18N.mkdir(parents=True, exist_ok=True)
    for locale in LOCALES:
        target = BUILD_I18N / f"habitat_planning_plugin_{locale}.qm"
        subprocess.run(["lrelease", "-silent", str(ts_path(locale)), "-qm", str(target)], check=True)
    return 0


def read_tsv(tsv: Path):
    """{source: translation} of a UTF-8 TSV file; \\n in either column stands for a line break."""
    pairs = {}
    for line in tsv.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            source, _, translation = line.partition("\t")
            pairs[source.replace("\\n", "\n")] = translation.replace("\\n", "\n")
    return pairs


def apply(tsv: Path, ts: Path = None) -> int:
    pairs = read_tsv(tsv)
    for locale in LOCALES:
        path = ts or ts_path(locale)
        entries = read_ts(path)
        filled = 0
        for key in entries:
            if key[1] in pairs and pairs[key[1]].strip():
                entries[key] = (pairs[key[1]], True)
                filled += 1
        write_ts(path, locale, entries)
        print(f"{locale}: filled {filled} translation(s)")
    return 0


def _options(args, allowed):
    """{--name: Path} from ["--name", "value", ...]; None if anything else is given."""
    options = {}
    while args:
        if len(args) < 2 or args[0] not in allowed or args[0] in options:
            return None
        options[args[0]] = Path(args[1])
        args = args[2:]
    return options


def main(argv) -> int:
    commands = {"update": update, "compile": compile_qm}
    args = argv[1:]
    if len(args) >= 2 and args[0] == "apply":
        options = _options(args[2:], ("--ts",))
        if options is not None:
            return apply(Path(args[1]), options.get("--ts"))
    elif args and args[0] == "check":
        options = _options(args[1:], ("--ts", "--glossary"))
        if options is not None:
            return check(options.get("--ts"), options.get("--glossary"))
    elif len(args) == 1 and args[0] in commands:
        return commands[args[0]]()
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
