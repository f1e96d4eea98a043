#!/usr/bin/env python3
"""The table bench/run.sh prints: emulator ÷ baseline, from one results folder.

    python3 bench/report.py bench/results/<stamp>

Each ratio is the median over rounds of the per-round ratio (both servers measured minutes
apart, interleaved), with the range of the rounds in brackets when there is more than one.
"""
import csv
import os
import statistics
import sys


def rows(path):
    with open(path, newline="") as f:
        return list(csv.DictReader(f, delimiter="\t"))


def ratio_cell(pairs):
    rs = sorted(e / b for b, e in pairs if b)
    if not rs:
        return "n/a"
    med = statistics.median(rs)
    return "%.2f" % med if len(rs) == 1 else "%.2f (%.2f–%.2f)" % (med, rs[0], rs[-1])


def med(values):
    return statistics.median(values) if values else 0


def main(out):
    load = rows(os.path.join(out, "load.tsv"))
    by = {}
    for r in load:
        by.setdefault((r["phase"], r["op"], r["conns"]), {}).setdefault(r["round"], {})[r["server"]] = r
    names = {"put-encryption": "PutBucketEncryption", "get-encryption": "GetBucketEncryption",
             "put-object": "PutObject 1 MiB", "get-object": "GetObject 1 MiB"}
    lines = ["| measure | bare Netty | oss-emulator | emulator ÷ baseline |", "|---|---:|---:|---:|"]
    for (phase, op, conns), rounds in by.items():
        full = [v for v in rounds.values() if "baseline" in v and "emulator" in v]
        obj = "object" in op
        key = "mibps" if obj else "rps"
        unit = "MiB/s" if obj else "req/s"
        label = "%s, %s connections, %s" % (names[op], conns, "warm" if phase == "warm" else "first %s s after start" % "10")
        b = med([float(v["baseline"][key]) for v in full])
        e = med([float(v["emulator"][key]) for v in full])
        lines.append("| %s (%s) | %.0f | %.0f | %s |" % (label, unit, b, e,
                     ratio_cell([(float(v["baseline"][key]), float(v["emulator"][key])) for v in full])))
        if phase == "warm" and not obj:
            q = "p50" if conns == "1" else "p99"
            bq = med([int(v["baseline"][q + "_us"]) for v in full])
            eq = med([int(v["emulator"][q + "_us"]) for v in full])
            lines.append("| %s, %s connections, warm: %s latency (µs; ratio emulator ÷ baseline) | %d | %d | %s |" % (
                names[op], conns, q, bq, eq,
                ratio_cell([(int(v["baseline"][q + "_us"]), int(v["emulator"][q + "_us"])) for v in full])))
        bad = sum(int(v[s]["non2xx"]) + int(v[s]["sock_err"]) for v in full for s in v)
        if bad:
            lines.append("| ↑ WARNING: %d non-2xx answers or socket errors in that row | | | |" % bad)
    starts = [r for r in rows(os.path.join(out, "starts.tsv")) if "-small" not in r["round"]]
    sb = [int(r["start_ms"]) for r in starts if r["server"] == "baseline"]
    se = [int(r["start_ms"]) for r in starts if r["server"] == "emulator"]
    lines.append("| cold start, JVM launch to first answer, median of %d / %d (ms) | %.0f | %.0f | %.2f |" % (
        len(sb), len(se), med(sb), med(se), med(se) / med(sb) if sb else 0))
    rss = rows(os.path.join(out, "rss.tsv"))
    rb = [int(r["rss_kb"]) / 1024 for r in rss if r["server"] == "baseline"]
    re_ = [int(r["rss_kb"]) / 1024 for r in rss if r["server"] == "emulator"]
    lines.append("| idle RSS (MiB) | %.0f | %.0f | %.2f |" % (med(rb), med(re_), med(re_) / med(rb) if rb else 0))
    small = rows(os.path.join(out, "rss-small.tsv")) if os.path.exists(os.path.join(out, "rss-small.tsv")) else []
    sb_ = [int(r["rss_kb"]) / 1024 for r in small if r["server"] == "baseline"]
    se_ = [int(r["rss_kb"]) / 1024 for r in small if r["server"] == "emulator"]
    if sb_ and se_:
        lines.append("| idle RSS with the small-footprint flags (MiB) | %.0f | %.0f | %.2f |" % (
            med(sb_), med(se_), med(se_) / med(sb_)))
    cds_path = os.path.join(out, "rss-small-cds.tsv")
    sc = [int(r["rss_kb"]) / 1024 for r in rows(cds_path)] if os.path.exists(cds_path) else []
    if sb_ and sc:
        lines.append("| idle RSS with the small-footprint flags and the AppCDS archive (MiB) | %.0f | %.0f | %.2f |" % (
            med(sb_), med(sc), med(sc) / med(sb_)))
    with open(os.path.join(out, "env.txt")) as f:
        env = f.read().strip().splitlines()
    print("\n".join(["", *("- " + l for l in env), "", *lines, ""]))


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
