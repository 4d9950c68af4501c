#!/usr/bin/env python3
"""Reads a /metrics scrape on stdin and checks it with the Prometheus Python client's parser.

Prints one line per family ("name type samples") and exits 1 on anything the parser refuses,
or on a family without HELP, or a counter whose name does not end in _total (the text
format's convention, which the client also enforces when it exposes counters itself).
"""
import sys

from prometheus_client.parser import text_string_to_metric_families


def main():
    text = sys.stdin.read()
    try:
        families = list(text_string_to_metric_families(text))
    except Exception as e:  # the parser's ValueError, or any other refusal
        print(f"unparsable: {e}")
        return 1
    helps = {line.split()[2] for line in text.splitlines() if line.startswith("# HELP ")}
    problems = 0
    for f in families:
        print(f"{f.name} {f.type} {len(f.samples)}")
        # The parser strips a counter's _total from its family name.
        exposed = f.name + "_total" if f.type == "counter" else f.name
        if exposed not in helps:
            print(f"no HELP for {exposed}")
            problems += 1
        if f.type == "counter" and not all(s.name.endswith("_total") for s in f.samples):
            print(f"counter {f.name} has samples without _total")
            problems += 1
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
