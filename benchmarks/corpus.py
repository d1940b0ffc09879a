#!/usr/bin/env python3
"""Writes a deterministic synthetic monorepo for scale tests of wsmemory.

    benchmarks/corpus.py --files 10000 --out /tmp/corpus-10k

Same --files and --seed, same bytes. The corpus is a monorepo of services (JS, TS, Go, Java, Python). About 3% of
its files use WebSockets: they are copies of the fixture repositories (fixtures/repos/*), so every library the
detectors know appears with real code. About 10% is noise a scan must not parse: vendored node_modules (holding
WebSocket keywords), minified bundles and generated code. The rest is ordinary application code without WebSockets.
"""
import argparse
import os
import random
import shutil
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURES = os.path.join(HERE, "..", "fixtures", "repos")
FILES_PER_SERVICE = 50
WS_SHARE = 0.03
NOISE_SHARE = 0.10

WORDS = ("account order invoice user session cart price stock report audit metric ledger payment shipment "
         "customer profile token quota limit retry cache index record batch queue worker job task event "
         "schedule tenant region zone policy rule filter export import parse render format build").split()

LANGS = [("js", 0.30), ("ts", 0.25), ("go", 0.15), ("java", 0.15), ("py", 0.15)]


def ident(rnd, cap=False):
    a, b = rnd.choice(WORDS), rnd.choice(WORDS)
    return (a.capitalize() if cap else a) + b.capitalize()


def js_body(rnd, ts):
    out = ["import { %s } from './%s';" % (ident(rnd), rnd.choice(WORDS)) for _ in range(rnd.randint(1, 4))]
    for _ in range(rnd.randint(3, 25)):
        name, arg = ident(rnd), rnd.choice(WORDS)
        typ = ": number" if ts else ""
        out.append("export function %s(%s%s, opts = {}) {" % (name, arg, typ))
        out.append("  const total = [%s].reduce((a, b) => a + b, 0);" % ", ".join(str(rnd.randint(0, 999)) for _ in range(4)))
        out.append("  if (opts.%s && %s > total) { return { %s: %s * %d, label: '%s' }; }"
                   % (rnd.choice(WORDS), arg, rnd.choice(WORDS), arg, rnd.randint(2, 60), ident(rnd)))
        out.append("  for (let i = 0; i < %d; i++) { console.log(`%s ${i}`); }" % (rnd.randint(1, 9), rnd.choice(WORDS)))
        out.append("  return fetch('/api/%s/' + %s).then((r) => r.json());" % (rnd.choice(WORDS), arg))
        out.append("}")
    return "\n".join(out) + "\n"


def go_body(rnd):
    out = ["package %s" % rnd.choice(WORDS), "", "import (", '\t"fmt"', '\t"net/http"', ")", ""]
    for _ in range(rnd.randint(3, 20)):
        name = ident(rnd, True)
        out.append("func %s(w http.ResponseWriter, r *http.Request) {" % name)
        out.append("\t%s := r.URL.Query().Get(\"%s\")" % (rnd.choice(WORDS), rnd.choice(WORDS)))
        out.append("\tfor i := 0; i < %d; i++ {" % rnd.randint(1, 9))
        out.append('\t\tfmt.Fprintf(w, "%s %%d\\n", i)' % rnd.choice(WORDS))
        out.append("\t}")
        out.append("}")
        out.append("")
    return "\n".join(out)


def java_body(rnd, cls):
    out = ["package com.example.%s;" % rnd.choice(WORDS), "", "import java.util.List;", "",
           "public class %s {" % cls]
    for _ in range(rnd.randint(3, 20)):
        out.append("    public int %s(List<Integer> %s) {" % (ident(rnd), rnd.choice(WORDS)))
        out.append("        int total = %d;" % rnd.randint(0, 999))
        out.append("        for (int i = 0; i < %d; i++) { total += i * %d; }" % (rnd.randint(1, 99), rnd.randint(1, 9)))
        out.append('        System.out.println("%s " + total);' % rnd.choice(WORDS))
        out.append("        return total;")
        out.append("    }")
    out.append("}")
    return "\n".join(out) + "\n"


def py_body(rnd):
    out = ["import json", "import os", ""]
    for _ in range(rnd.randint(3, 20)):
        out.append("def %s_%s(%s, limit=%d):" % (rnd.choice(WORDS), rnd.choice(WORDS), rnd.choice(WORDS), rnd.randint(1, 99)))
        out.append("    total = sum([%s])" % ", ".join(str(rnd.randint(0, 999)) for _ in range(4)))
        out.append("    for i in range(limit):")
        out.append("        print('%s', i, total)" % rnd.choice(WORDS))
        out.append("    return json.dumps({'%s': total, 'env': os.environ.get('%s')})"
                   % (rnd.choice(WORDS), rnd.choice(WORDS).upper()))
        out.append("")
    return "\n".join(out)


def plain_file(rnd, lang):
    if lang in ("js", "ts"):
        return ident(rnd) + "." + lang, js_body(rnd, lang == "ts")
    if lang == "go":
        return ident(rnd) + ".go", go_body(rnd)
    if lang == "java":
        cls = ident(rnd, True)
        return cls + ".java", java_body(rnd, cls)
    return ident(rnd) + ".py", py_body(rnd)


def noise_file(rnd):
    kind = rnd.random()
    if kind < 0.6:  # vendored: the walker skips node_modules even though these name socket.io and ws
        pkg = rnd.choice(["socket.io", "ws", "engine.io", "lodash", "express"])
        body = "module.exports = require('%s'); const { Server } = require('socket.io');\n" % pkg + js_body(rnd, False)
        return "node_modules/%s/lib/%s.js" % (pkg, ident(rnd)), body
    if kind < 0.8:  # a minified bundle
        return "public/%s.min.js" % ident(rnd), ";".join(js_body(rnd, False).split("\n")) + "\n"
    body = "// Code generated by protoc-gen-go. DO NOT EDIT.\n" + go_body(rnd).replace("package ", "package pb_", 1)
    return "gen/%s.pb.go" % ident(rnd), body


def fixture_repos():
    repos = sorted(d for d in os.listdir(FIXTURES) if os.path.isdir(os.path.join(FIXTURES, d)))
    out = []
    for r in repos:
        files = []
        base = os.path.join(FIXTURES, r)
        for dirpath, dirnames, filenames in os.walk(base):
            dirnames.sort()
            for f in sorted(filenames):
                if f.endswith(".expect"):
                    continue
                p = os.path.join(dirpath, f)
                files.append((os.path.relpath(p, base), open(p, "rb").read()))
        out.append((r, files))
    return out


def write(path, data):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode("utf-8"))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--files", type=int, required=True, help="about how many files to write")
    ap.add_argument("--out", required=True, help="the folder to write (replaced if it exists)")
    ap.add_argument("--seed", type=int, default=42)
    a = ap.parse_args()
    rnd = random.Random(a.seed)
    if os.path.exists(a.out):
        shutil.rmtree(a.out)
    os.makedirs(a.out)
    write(os.path.join(a.out, ".gitignore"), "dist/\n*.log\n")
    ws_target = int(a.files * WS_SHARE)
    noise_target = int(a.files * NOISE_SHARE)
    written = ws = noise = 0
    fixtures = fixture_repos()
    svc = 0
    langs, weights = zip(*LANGS)
    while written < a.files:
        sdir = os.path.join(a.out, "services", "svc-%05d" % svc)
        if ws <= ws_target * written / a.files:  # keeps the WebSocket share even along the corpus
            name, files = fixtures[svc % len(fixtures)]
            for rel, data in files:
                write(os.path.join(sdir, "realtime", rel), data)
            ws += len(files)
            written += len(files)
        for i in range(FILES_PER_SERVICE):
            if written >= a.files:
                break
            if noise < noise_target and rnd.random() < NOISE_SHARE:
                rel, body = noise_file(rnd)
                noise += 1
            else:
                rel, body = plain_file(rnd, rnd.choices(langs, weights)[0])
                rel = "src/%s/%s" % (rnd.choice(WORDS), rel)
            path = os.path.join(sdir, rel)
            while os.path.exists(path):
                path = path.replace(".", "_%d." % i, 1) if "." in os.path.basename(path) else path + "_"
            write(path, body)
            written += 1
        svc += 1
    size = sum(os.path.getsize(os.path.join(dp, f)) for dp, _, fs in os.walk(a.out) for f in fs)
    print("wrote %d files (%d from WebSocket fixtures, %d noise) in %d services, %.1f MB, to %s"
          % (written, ws, noise, svc, size / 1e6, a.out), file=sys.stderr)


if __name__ == "__main__":
    main()
