"""README.rst's install checklists, read as a person reads them: the numbered steps of a
section and the literal blocks (``::``) and inline literals each step shows.

The install test runs what these return, so README and the test cannot drift
apart: a command changed in README is the command the test runs.
"""
import re
import textwrap
from pathlib import Path

README = Path(__file__).resolve().parents[2] / "README.rst"
STEP = re.compile(r"^(\d+)\. ", re.M)


def section(title, text=None):
    """The body of README's top-level section ``title`` (up to the next top-level title)."""
    lines = (text if text is not None else README.read_text()).splitlines()
    for index in range(len(lines) - 1):
        if lines[index].strip() == title and set(lines[index + 1].strip()) == {"="}:
            body = []
            for position in range(index + 2, len(lines)):
                following = lines[position + 1] if position + 1 < len(lines) else ""
                if lines[position].strip() and following.strip() and \
                        set(following.strip()) == {"="}:
                    break
                body.append(lines[position])
            return "\n".join(body)
    raise AssertionError("README.rst has no section %r" % title)


def steps(body):
    """{number: text} of the numbered checklist of a section body."""
    found = list(STEP.finditer(body))
    assert found, "the section has no numbered steps"
    numbered = {}
    for position, match in enumerate(found):
        end = found[position + 1].start() if position + 1 < len(found) else len(body)
        numbered[int(match.group(1))] = body[match.start():end]
    return numbered


def literal_blocks(text):
    """The literal blocks of ``text``: what follows a line ending in ``::``, dedented."""
    blocks, lines = [], text.splitlines()
    for index, line in enumerate(lines):
        if not line.rstrip().endswith("::"):
            continue
        # the block ends at the first line back at its paragraph's margin (a list item's
        # text starts after its "7. ")
        item = re.match(r"^(\s*\d+\.\s+)", line)
        indent = len(item.group(1)) if item else len(line) - len(line.lstrip())
        block = []
        for following in lines[index + 1:]:
            if following.strip() and len(following) - len(following.lstrip()) <= indent:
                break
            block.append(following)
        blocks.append(textwrap.dedent("\n".join(block)).strip("\n"))
    return blocks


def commands(block):
    """The command lines of a literal block, without their ``# comments``."""
    return [line.split("   #")[0].split(" # ")[0].strip() for line in block.splitlines()
            if line.strip() and not line.strip().startswith("#")]


def inline_literals(text):
    """``inline literals`` of ``text``, in order."""
    return re.findall(r"``([^`]+)``", text.replace("\n", " "))
