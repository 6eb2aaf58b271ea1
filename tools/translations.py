#!/usr/bin/env python3
"""Keeps translations/*.ts in step with the sources.

  translations.py update   run lupdate, then finish ferry_en.ts (source text, plural forms)
  translations.py check    fail if lupdate would add or change a message, or if any
                           message lacks a finished Chinese translation

lupdate runs on copies for `check`, so the check never edits the tree.
"""
import glob
import os
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TS_DIR = os.path.join(ROOT, "translations")
LANGS = ["zh_CN", "en"]


def lupdate_binary():
    for candidate in ("/usr/lib/qt6/bin/lupdate", shutil.which("lupdate6"),
                      shutil.which("lupdate")):
        if candidate and os.path.exists(candidate):
            return candidate
    sys.exit("lupdate not found (Debian package qt6-l10n-tools)")


def sources():
    files = []
    for d in ("app", "ui"):
        files += glob.glob(os.path.join(ROOT, d, "*.cpp"))
        files += glob.glob(os.path.join(ROOT, d, "*.h"))
    return sorted(files)


def run_lupdate(ts_files):
    subprocess.run([lupdate_binary(), "-silent", "-no-obsolete", "-locations", "none",
                    *sources(), "-ts", *ts_files], check=True)


def messages(path):
    """{(context, source, comment): (numerus, translation element)}"""
    out = {}
    for ctx in ET.parse(path).getroot().iter("context"):
        name = ctx.findtext("name")
        for msg in ctx.iter("message"):
            key = (name, msg.findtext("source"), msg.findtext("comment") or "")
            out[key] = (msg.get("numerus") == "yes", msg.find("translation"))
    return out


def english_forms(source):
    # "%n file(s)" -> "%n file", "%n files"
    return [re.sub(r"\((e?s)\)", "", source), re.sub(r"\((e?s)\)", r"\1", source)]


def finish_english(path):
    tree = ET.parse(path)
    for msg in tree.getroot().iter("message"):
        tr = msg.find("translation")
        source = msg.findtext("source")
        if msg.get("numerus") == "yes":
            forms = tr.findall("numerusform")
            if tr.get("type") == "unfinished" or not all(f.text for f in forms):
                for f in forms:
                    tr.remove(f)
                for text in english_forms(source):
                    ET.SubElement(tr, "numerusform").text = text
        elif tr.get("type") == "unfinished" or not tr.text:
            tr.text = source
        tr.attrib.pop("type", None)
    ET.indent(tree, "    ")
    tree.write(path, encoding="utf-8", xml_declaration=True)
    with open(path, "r+", encoding="utf-8") as f:
        text = f.read().replace("<?xml version='1.0' encoding='utf-8'?>",
                                '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>', 1)
        f.seek(0)
        f.write(text + ("\n" if not text.endswith("\n") else ""))
        f.truncate()


def update():
    run_lupdate([os.path.join(TS_DIR, "ferry_%s.ts" % l) for l in LANGS])
    finish_english(os.path.join(TS_DIR, "ferry_en.ts"))


def check():
    problems = []
    with tempfile.TemporaryDirectory() as tmp:
        for lang in LANGS:
            committed = os.path.join(TS_DIR, "ferry_%s.ts" % lang)
            fresh = os.path.join(tmp, os.path.basename(committed))
            shutil.copy(committed, fresh)
            run_lupdate([fresh])
            before, after = messages(committed), messages(fresh)
            for key in sorted(set(after) - set(before)):
                problems.append("%s: lupdate would add %r (%s)" % (lang, key[1], key[0]))
            for key in sorted(set(before) - set(after)):
                problems.append("%s: %r (%s) is no longer in the code" % (lang, key[1], key[0]))
            for key, (numerus, tr) in after.items():
                if key in before and before[key][0] != numerus:
                    problems.append("%s: plural form of %r changed" % (lang, key[1]))
    for lang in LANGS:
        for key, (numerus, tr) in messages(os.path.join(TS_DIR, "ferry_%s.ts" % lang)).items():
            texts = [f.text for f in tr.findall("numerusform")] if numerus else [tr.text]
            if tr.get("type") in ("unfinished", "vanished", "obsolete") or not all(texts):
                problems.append("%s: no finished translation for %r (%s)"
                                % (lang, key[1], key[0]))
    for p in problems:
        print(p)
    if problems:
        print("%d problem(s); run tools/translations.py update and translate" % len(problems))
        return 1
    print("translations complete and in step with the sources")
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 2 or sys.argv[1] not in ("update", "check"):
        sys.exit(__doc__)
    sys.exit(update() if sys.argv[1] == "update" else check())
