#!/usr/bin/env python3
"""Reference selections from pabutools 1.2.3 for Wiec's proportional rules.

For every approval (and choose-1) election in ../shared/pabulib, computes with pabutools'
default lexicographic tie-breaking:
  equalshares-cost      method_of_equal_shares, Cost_Sat
  equalshares-approval  method_of_equal_shares, Cardinality_Sat
  equalshares-add1      method_of_equal_shares, Cost_Sat, voter_budget_increment=1
  phragmen              sequential_phragmen
Each rule runs in its own process with a time limit; a rule that does not finish is recorded
as null. Output: Tests/WiecTallyTests/Fixtures/pabutools-reference.json (selections in the
order pabutools returns them, and pabutools' seconds, for information).

Usage: .venv-pabutools/bin/python scripts/pabutools-reference.py [--limit SECONDS] [FILE.pb ...]
Install: python3 -m venv .venv-pabutools && .venv-pabutools/bin/pip install pabutools==1.2.3
"""
import argparse
import json
import multiprocessing
import os
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.path.join(os.path.dirname(ROOT), "shared", "pabulib")
OUTPUT = os.path.join(ROOT, "Tests", "WiecTallyTests", "Fixtures", "pabutools-reference.json")
RULES = ["equalshares-cost", "equalshares-approval", "equalshares-add1", "phragmen"]


def compute(path, rule):
    """Parses the file and applies one rule; returns (selected ids, seconds for the rule)."""
    from pabutools.election import parse_pabulib, Cost_Sat, Cardinality_Sat
    from pabutools.rules import method_of_equal_shares, sequential_phragmen

    instance, profile = parse_pabulib(path)
    start = time.perf_counter()
    if rule == "equalshares-cost":
        outcome = method_of_equal_shares(instance, profile, sat_class=Cost_Sat)
    elif rule == "equalshares-approval":
        outcome = method_of_equal_shares(instance, profile, sat_class=Cardinality_Sat)
    elif rule == "equalshares-add1":
        outcome = method_of_equal_shares(instance, profile, sat_class=Cost_Sat, voter_budget_increment=1)
    elif rule == "phragmen":
        outcome = sequential_phragmen(instance, profile)
    else:
        raise ValueError(rule)
    return [p.name for p in outcome], time.perf_counter() - start


def worker(path, rule, queue):
    queue.put(compute(path, rule))


def run_limited(path, rule, limit):
    queue = multiprocessing.Queue()
    process = multiprocessing.Process(target=worker, args=(path, rule, queue))
    process.start()
    process.join(limit)
    if process.is_alive():
        process.terminate()
        process.join()
        return None
    return queue.get() if not queue.empty() else None


def vote_type(path):
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            if line.startswith("vote_type;"):
                return line.strip().split(";", 1)[1]
            if line.startswith("PROJECTS"):
                break
    return None


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--limit", type=float, default=120.0, help="seconds allowed per rule and file")
    parser.add_argument("files", nargs="*")
    args = parser.parse_args()
    names = args.files or sorted(n for n in os.listdir(SHARED) if n.endswith(".pb"))
    reference = {}
    if os.path.exists(OUTPUT):
        with open(OUTPUT, encoding="utf-8") as handle:
            reference = json.load(handle).get("files", {})
    for name in names:
        path = os.path.join(SHARED, os.path.basename(name))
        if vote_type(path) not in ("approval", "choose-1"):
            continue
        entry = reference.get(os.path.basename(name), {})
        for rule in RULES:
            result = run_limited(path, rule, args.limit)
            if result is None:
                print(f"{name}: {rule}: no result within {args.limit:.0f} s", file=sys.stderr)
                entry.setdefault(rule, None)
                entry.setdefault("seconds", {})[rule] = None
            else:
                selected, seconds = result
                entry[rule] = selected
                entry.setdefault("seconds", {})[rule] = round(seconds, 3)
                print(f"{name}: {rule}: {len(selected)} projects in {seconds:.2f} s", file=sys.stderr)
        reference[os.path.basename(name)] = entry
        write(reference)


def write(reference):
    document = {
        "generator": "pabutools 1.2.3 via scripts/pabutools-reference.py (lexicographic tie-breaking)",
        "rules": RULES,
        "files": dict(sorted(reference.items())),
    }
    with open(OUTPUT, "w", encoding="utf-8") as handle:
        json.dump(document, handle, indent=1, ensure_ascii=False)
        handle.write("\n")


if __name__ == "__main__":
    main()
