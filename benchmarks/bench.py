#!/usr/bin/env python3
"""Side-by-side benchmark: wsmemory against ripgrep (the floor) and ast-grep (the peer) on one folder.

    benchmarks/bench.py FOLDER [--runs 3] [--warmup 1] [--jar cli/target/wsmemory.jar]

Runs each command --warmup times, then --runs times, and prints medians of wall and CPU time (user + system of the
process and its children), peak RSS, MB/s over the bytes of the folder's files, and the files each tool read,
pre-filtered and parsed where it says so. Then the ratios of wsmemory to the two others.

  wsmemory cold   scan --no-cache, JSON on stdout: walk, pre-filter, parse, detect, merge
  wsmemory warm   scan with a cache primed by the warm-up: walk and hash every file, no parse
  rg              rg -l -F with every detector keyword (benchmarks/Keywords.java): read and search, the floor
  ast-grep        ast-grep scan with six structural rules (benchmarks/ast-grep-rules.yml): parse every file

Needs java, rg and ast-grep on PATH (or --rg / --ast-grep). Nothing here runs in `mvn verify`.
"""
import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
JAVA_OPTS = ["-Xmn16m", "-XX:-DontCompileHugeMethods"]  # as ./wsmemory runs it
SUMMARY = re.compile(r"(\d+) files listed \((\d+) ignored\), (\d+) read, (\d+) parsed, (\d+) skipped; (\d+) facts")


def measured(cmd, env=None):
    """Like run(), with the child's CPU time and peak RSS from wait4."""
    t0 = time.monotonic()
    p = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    out_chunks, err_chunks = [], []
    import threading

    def pump(stream, sink):
        for chunk in iter(lambda: stream.read(65536), b""):
            sink.append(chunk)

    threads = [threading.Thread(target=pump, args=(p.stdout, out_chunks)),
               threading.Thread(target=pump, args=(p.stderr, err_chunks))]
    for t in threads:
        t.start()
    _, status, ru = os.wait4(p.pid, 0)
    wall = time.monotonic() - t0
    for t in threads:
        t.join()
    code = os.waitstatus_to_exitcode(status)
    return {"wall": wall, "cpu": ru.ru_utime + ru.ru_stime, "rss": ru.ru_maxrss, "code": code,
            "out": b"".join(out_chunks), "err": b"".join(err_chunks).decode("utf-8", "replace")}


def folder_bytes(folder):
    total = files = 0
    for dp, dns, fs in os.walk(folder):
        if ".git" in dns:
            dns.remove(".git")
        for f in fs:
            try:
                total += os.lstat(os.path.join(dp, f)).st_size
                files += 1
            except OSError:
                pass
    return total, files


def bench(name, cmd, runs, warmup, counts, env=None):
    for _ in range(warmup):
        r = measured(cmd, env)
        if r["code"] not in (0, 1):
            sys.exit("%s failed (%d): %s" % (name, r["code"], r["err"][-2000:]))
    rs = [measured(cmd, env) for _ in range(runs)]
    info = counts(rs[-1])
    return {"name": name, "wall": statistics.median(r["wall"] for r in rs),
            "cpu": statistics.median(r["cpu"] for r in rs), "rss": max(r["rss"] for r in rs),
            "walls": [r["wall"] for r in rs], "info": info}


def wsmemory_counts(r):
    m = SUMMARY.search(r["err"])
    if not m:
        return "?"
    listed, ignored, read, parsed, skipped, facts = map(int, m.groups())
    if "cache hit" in r["err"]:
        return "%d listed, %d read and hashed, 0 parsed, %d facts (cache hit)" % (listed, read, facts)
    return "%d listed, %d read, %d left out by the pre-filter, %d parsed, %d facts" % (
        listed, read, read - parsed, parsed, facts)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("folder")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--warmup", type=int, default=1)
    ap.add_argument("--jar", help="run java -jar JAR with --java-opts instead of the ./wsmemory launcher (which adds "
                    "class data sharing and natives/target when built)")
    ap.add_argument("--java-opts", default=" ".join(JAVA_OPTS), help="JVM options with --jar (default: %(default)s)")
    ap.add_argument("--rg", default=shutil.which("rg") or "rg")
    ap.add_argument("--ast-grep", dest="ast_grep", default=shutil.which("ast-grep") or "ast-grep")
    ap.add_argument("--skip", default="", help="comma-separated: cold,warm,rg,ast-grep")
    a = ap.parse_args()
    skip = set(filter(None, a.skip.split(",")))
    folder = os.path.abspath(a.folder)
    size, nfiles = folder_bytes(folder)
    jar = a.jar or os.path.join(ROOT, "cli", "target", "wsmemory.jar")
    launcher = ["java"] + a.java_opts.split() + ["-jar", jar] if a.jar else [os.path.join(ROOT, "wsmemory")]
    java = launcher + ["scan", folder, "--format", "json"]

    tmp = tempfile.mkdtemp(prefix="wsmemory-bench-")
    kw = os.path.join(tmp, "keywords.txt")
    with open(kw, "wb") as f:
        f.write(subprocess.check_output(["java", "-cp", jar, os.path.join(HERE, "Keywords.java")]))
    results = []
    if "cold" not in skip:
        results.append(bench("wsmemory cold", java + ["--no-cache"], a.runs, a.warmup, wsmemory_counts))
    if "warm" not in skip:
        results.append(bench("wsmemory warm", java + ["--cache", os.path.join(tmp, "cache")], a.runs,
                             max(1, a.warmup), wsmemory_counts))
    if "rg" not in skip:
        results.append(bench("rg keywords", [a.rg, "-l", "-F", "-f", kw, folder], a.runs, a.warmup,
                             lambda r: "%d files matched" % r["out"].count(b"\n")))
    if "ast-grep" not in skip:
        rules = os.path.join(HERE, "ast-grep-rules.yml")
        results.append(bench("ast-grep 6 rules", [a.ast_grep, "scan", "--rule", rules, "--json=stream", folder],
                             a.runs, a.warmup, lambda r: "%d matches" % r["out"].count(b"\n")))
    shutil.rmtree(tmp, ignore_errors=True)

    print("corpus %s: %d files, %.1f MB; %d runs after %d warm-up, medians; %d cores, load average %.1f"
          % (folder, nfiles, size / 1e6, a.runs, a.warmup, os.cpu_count(), os.getloadavg()[0]))
    print("%-18s %9s %9s %9s %10s  %s" % ("tool", "wall s", "cpu s", "MB/s", "peak RSS", "files"))
    for r in results:
        print("%-18s %9.2f %9.2f %9.1f %7.0f MiB  %s" % (r["name"], r["wall"], r["cpu"], size / 1e6 / r["wall"],
                                                       r["rss"] / 1024, r["info"]))
    by = {r["name"]: r for r in results}
    for mine in ("wsmemory cold", "wsmemory warm"):
        for other in ("rg keywords", "ast-grep 6 rules"):
            if mine in by and other in by:
                print("ratio %-14s / %-16s wall %6.2fx  cpu %6.2fx"
                      % (mine, other, by[mine]["wall"] / by[other]["wall"], by[mine]["cpu"] / max(by[other]["cpu"], 1e-3)))


if __name__ == "__main__":
    main()
