"""A generated corpus of hostile raw files (original content), with what each must become.

`write_hostile_corpus(root, full=False)` writes at least 200 files below `root` and returns
{relative path: expected}, where expected is "article" or "quarantine:<reason>". Set
`full=True` for the large variants (a 50 MB file, a 10 MB single line, 10,000 paragraphs);
the bounded default keeps the same kinds at sizes that build in seconds.
"""
from __future__ import annotations

import os
import random
from pathlib import Path

STORY = ("Harbour talks resume in Port Aldous\n\n"
         "Negotiators for the dock workers met port officials in Port Aldous on Monday.\n\n"
         "\"We want a fair offer and a safe workplace,\" said union leader Marta Quell.\n")
UN_STORY = ("## **Envoy urges calm in river dispute**\n\nThe envoy meets delegates in Lindhaven\n\n"
            "4 June 2013 – The United Nations envoy Ilse Varga today urged both sides to "
            "return to talks, saying “the river belongs to everyone who lives along it.”\n")


def _write(root: Path, name: str, data: bytes) -> str:
    path = root / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return name


def write_hostile_corpus(root: Path, full: bool = False) -> dict[str, str]:
    rng = random.Random(20261128)
    expected: dict[str, str] = {}

    def add(name: str, data: bytes, outcome: str) -> None:
        expected[_write(root, name, data)] = outcome

    for i in range(10):
        add(f"empty/empty_{i}.txt", b"", "quarantine:empty")
        add(f"empty/blank_{i}.txt", rng.choice([b" ", b"\n", b"\t", b"\r\n"]) * (i * 7 + 1), "quarantine:empty")
        add(f"binary/blob_{i}.bin", bytes(rng.randrange(256) for _ in range(512 + i * 100)) + b"\x00",
            "quarantine:not_text")
        add(f"binary/nuls_{i}.txt", STORY.encode()[: 40 + i] + b"\x00" * (i + 1) + STORY.encode()[40 + i:],
            "quarantine:not_text")
        add(f"binary/controls_{i}.txt", bytes(rng.choice(range(1, 9)) for _ in range(400)) + b"abc",
            "quarantine:not_text")
        story = STORY.replace("Marta Quell", f"Marta Quell-{i}").replace("Port Aldous", "Pört Åldous")
        add(f"encodings/truncated_utf8_{i}.txt", story.encode() + "é".encode()[:1], "article")
        add(f"encodings/latin1_{i}.txt", story.encode("latin-1"), "article")
        add(f"encodings/cp1252_{i}.txt", story.replace('"', "\u201c", 1).encode("cp1252"), "article")
        add(f"encodings/utf16_bom_{i}.txt", story.encode("utf-16"), "article")
        add(f"encodings/utf16le_nobom_{i}.txt", story.encode("utf-16-le"), "article")
        add(f"encodings/utf16be_nobom_{i}.txt", story.encode("utf-16-be"), "article")
        add(f"markdown/unclosed_{i}.txt", UN_STORY.replace("**Envoy", "**Envoy [link(#").encode()
            + b"\n\nA **bold start that never ends and a [link that never closes\n", "article")
        add(f"structure/title_only_{i}.txt", f"A headline and nothing else {i}\n".encode(), "quarantine:no_body")
        add(f"structure/open_quotes_{i}.txt",
            ("Quote storm\n\n" + " ".join(f'"fragment {j}' for j in range(500 * (i + 1)))).encode(), "article")
        add(f"structure/brackets_{i}.txt",
            ("Nested\n\n" + "(" * 2000 + "Lindhaven" + ")" * 2000 + " [{<" * 500 + "\n").encode(), "article")
        add(f"structure/control_chars_{i}.txt", STORY.replace("Monday", "Mon\x07day").encode(), "article")
        add(f"scripts/rtl_{i}.txt", ("عنوان الخبر رقم " + str(i) + "\n\nقال الوزير «هذا يوم تاريخي لنا جميعا» في القاهرة.\n"
                                      "\u202eReversed run\u202c of text.\n").encode(), "article")
        add(f"structure/mixed_newlines_{i}.txt", STORY.replace("\n\n", ["\r\r", "\r\n\r\n", "\n\r\n"][i % 3]).encode(),
            "article")
        add(f"structure/long_title_{i}.txt", ("Headline " * 600 + "\n\n" + STORY).encode(), "article")
        add(f"scripts/emoji_{i}.txt", ("Fans celebrate 🎉 title\n\n\"What a night for all of us 🏆⚽\", said coach "
                                        "Lina Ortt.\n👍" * (i + 1)).encode(), "article")

    paragraphs = 10_000 if full else 1_000
    add("large/many_paragraphs.txt",
        ("Long record\n\n" + "\n\n".join(f"Paragraph {j} of the record notes a meeting in Lindhaven."
                                         for j in range(paragraphs))).encode(), "article")
    line_bytes = 10 * 1024 * 1024 if full else 1024 * 1024
    add("large/one_long_line.txt", b"Long line\n" + (b"word " * (line_bytes // 5)), "quarantine:too_large"
        if full else "article")
    big = 50 * 1024 * 1024 if full else 3 * 1024 * 1024
    add("large/huge.txt", b"Huge file\n\n" + b"x" * big, "quarantine:too_large")

    outside = root.parent / f"{root.name}_outside.txt"
    outside.write_bytes(STORY.encode())
    for i in range(3):
        link = root / "links" / f"outside_{i}.txt"
        link.parent.mkdir(parents=True, exist_ok=True)
        link.symlink_to(outside)
        expected[f"links/outside_{i}.txt"] = "quarantine:outside_root"
    (root / "links" / "dangling.txt").symlink_to(root / "links" / "gone.txt")
    expected["links/dangling.txt"] = "quarantine:unreadable"
    (root / "a_folder_named_like_a_story.txt").mkdir()
    add("a_folder_named_like_a_story.txt/inside.txt", STORY.encode(), "article")
    os.sync()
    return expected
