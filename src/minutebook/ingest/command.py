"""`minutebook extract FILE`: print what one document holds, as JSON on standard output."""

from __future__ import annotations

import argparse
import json
import sys

from minutebook.ingest.extract import extract_document
from minutebook.ingest.source import UnreadableDocument

EXIT_BAD_INPUT = 2


def add_extract_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", help="the document to read (.txt, .md, .html, .docx or .pdf)")
    parser.add_argument(
        "--indent", type=int, default=1, help="JSON indent (0 for one line; default 1)"
    )
    parser.set_defaults(run=run_extract)


def run_extract(args: argparse.Namespace) -> int:
    from minutebook.ingest.readers import read_document

    try:
        document = read_document(args.file)
        result = extract_document(document)
    except UnreadableDocument as exc:
        print(f"{args.file}: {exc.reason}", file=sys.stderr)
        return EXIT_BAD_INPUT
    for warning in result["warnings"]:
        print(f"{args.file}: warning: {warning}", file=sys.stderr)
    json.dump(result, sys.stdout, indent=args.indent or None, ensure_ascii=False, default=str)
    sys.stdout.write("\n")
    return 0
