#!/usr/bin/env python3
"""Lists the longest functions (lines from `fn` to its closing brace) in the given folders.

Usage: scripts/fn_lengths.py [--max N] DIR... ; exits 1 when a function is longer than N lines.
Counts by indentation: a function ends at the first `}` line indented as its `fn` line.
"""
import os, re, sys

FN = re.compile(r'^(\s*)(pub(\([^)]*\))?\s+)?(const\s+)?(async\s+)?(unsafe\s+)?fn\s+(\w+)')

def lengths(path):
    lines = open(path, encoding='utf-8').read().split('\n')
    out = []
    for i, line in enumerate(lines):
        m = FN.match(line)
        if not m:
            continue
        indent = m.group(1)
        # a declaration without a body (trait method) ends with `;` before any `{`
        j = i
        while j < len(lines) and '{' not in lines[j] and not lines[j].rstrip().endswith(';'):
            j += 1
        if j >= len(lines) or '{' not in lines[j]:
            continue
        if lines[j].rstrip().endswith('}') and lines[j].count('{') == lines[j].count('}'):
            out.append((1 + j - i, m.group(7), path, i + 1))
            continue
        k = j + 1
        while k < len(lines) and lines[k] != indent + '}':
            k += 1
        out.append((k - i + 1, m.group(7), path, i + 1))
    return out

def main(argv):
    limit = None
    if argv and argv[0] == '--max':
        limit = int(argv[1]); argv = argv[2:]
    found = []
    for d in argv:
        for root, _, files in os.walk(d):
            for f in files:
                if f.endswith('.rs'):
                    found += lengths(os.path.join(root, f))
    found.sort(reverse=True)
    for n, name, path, line in found[:15]:
        print(f'{n:4} {name} {path}:{line}')
    if limit is not None:
        over = [x for x in found if x[0] > limit]
        if over:
            print(f'{len(over)} functions longer than {limit} lines', file=sys.stderr)
            return 1
    return 0

if __name__ == "__main__":
    import signal
    signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    sys.exit(main(sys.argv[1:]))
