#!/usr/bin/env python3
"""Compares preflight's findings with Checkov's on the risks both cover.

    python3 bench/parity.py [options] DIR [DIR...]

Each DIR is scanned separately by both tools (`preflight check DIR --format json` and `checkov -d DIR
--framework terraform -o json --quiet --skip-download ...`); the results are aggregated. Checkov check IDs
are mapped to preflight rule IDs (MAPPING below), and for every mapped pair the script reports the resources
both tools flag, the ones only Checkov flags and the ones only preflight flags.

Only Terraform is compared: preflight findings in other files (CloudFormation templates) are left out,
since Checkov runs with `--framework terraform`.

Resources are compared by module directory + Terraform address, at the level of the resource block (the
instance key of `count`/`for_each` is dropped: `aws_s3_bucket.site["a"]` counts as `aws_s3_bucket.site`).
preflight reports a finding on the entity it judges (the bucket, even when the offending ACL is in an
`aws_s3_bucket_acl`), Checkov on the resource that holds the attribute; companion resources
(`aws_s3_bucket_acl`, `aws_s3_bucket_policy`, `aws_s3_bucket_public_access_block`,
`aws_security_group_rule`, `aws_vpc_security_group_ingress_rule`, `aws_sns_topic_policy`) and
`data "aws_iam_policy_document"` blocks are therefore resolved to the resource they attach to, by reading
the `bucket`, `security_group_id`, `arn` or `.json` reference in the source (`terraform fmt` layout
assumed: a top-level block ends at a `}` in column 1).

Options:
    --preflight BIN     preflight binary (default: target/release/preflight)
    --checkov BIN       checkov executable (default: bench/out/checkov-venv/bin/checkov)
    --raw DIR           keep each tool's JSON output there; with --reuse, read it back instead of rescanning
    --reuse             reuse raw outputs found in --raw
    --json FILE         write the full comparison (every case, with source excerpts) as JSON
    --cases             print every "only Checkov" / "only preflight" case, not just the counts
    --label TEXT        title for the report

Standard library only. Exit code 0 unless a tool fails to run (preflight: 0/1 are success; checkov:
0/1 are success).
"""

import argparse
import hashlib
import json
import os
import re
import subprocess
import sys
from collections import defaultdict

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# --- the mapping ------------------------------------------------------------------------------------------
# One row per risk both tools check. `checkov` lists the check IDs whose title states the same risk; a
# check on a `data "aws_iam_policy_document"` counts for the pair that matches where the document is used
# (`via`: the resource types that use it through `.json`).
MAPPING = [
    {
        "pair": "S3 public ACL",
        "preflight": ["AWS-S3-001"],
        "checkov": ["CKV_AWS_20", "CKV_AWS_57", "CKV2_AWS_43", "CKV_AWS_375"],
    },
    {
        "pair": "S3 public access block flags",
        "preflight": ["AWS-S3-002"],
        "checkov": ["CKV_AWS_53", "CKV_AWS_54", "CKV_AWS_55", "CKV_AWS_56"],
    },
    {
        "pair": "S3 public bucket policy",
        "preflight": ["AWS-S3-003"],
        "checkov": ["CKV_AWS_70"],
        "via_doc": {"CKV_AWS_283": ["aws_s3_bucket_policy", "aws_s3_bucket"]},
    },
    {
        "pair": "RDS storage encryption",
        "preflight": ["AWS-RDS-001"],
        "checkov": ["CKV_AWS_16", "CKV_AWS_96"],
    },
    {
        "pair": "RDS publicly accessible",
        "preflight": ["AWS-RDS-002"],
        "checkov": ["CKV_AWS_17"],
    },
    {
        "pair": "EBS encryption",
        "preflight": ["AWS-EBS-001"],
        "checkov": ["CKV_AWS_3"],
    },
    {
        "pair": "SG SSH/RDP from the internet",
        "preflight": ["AWS-EC2-001"],
        "checkov": ["CKV_AWS_24", "CKV_AWS_25"],
    },
    {
        "pair": "SG all ports from the internet",
        "preflight": ["AWS-EC2-002"],
        "checkov": ["CKV_AWS_277"],
    },
    {
        "pair": "IAM *:* admin policy",
        "preflight": ["AWS-IAM-001"],
        "checkov": ["CKV_AWS_62"],
        "via_doc": {"CKV_AWS_1": ["aws_iam_policy", "aws_iam_role_policy", "aws_iam_user_policy",
                                  "aws_iam_group_policy"]},
    },
    {
        "pair": "IAM role trusts anyone",
        "preflight": ["AWS-IAM-002"],
        "checkov": ["CKV_AWS_60"],
        "via_doc": {"CKV_AWS_283": ["aws_iam_role"]},
    },
    {
        "pair": "SNS encryption",
        "preflight": ["AWS-SNS-001"],
        "checkov": ["CKV_AWS_26"],
    },
    {
        "pair": "SNS public topic policy",
        "preflight": ["AWS-SNS-002"],
        "checkov": ["CKV_AWS_169"],
        "via_doc": {"CKV_AWS_283": ["aws_sns_topic_policy", "aws_sns_topic"]},
    },
]

# Companion resources: the attribute that names the parent, and the parent type.
COMPANIONS = {
    "aws_s3_bucket_acl": ("bucket", "aws_s3_bucket"),
    "aws_s3_bucket_policy": ("bucket", "aws_s3_bucket"),
    "aws_s3_bucket_public_access_block": ("bucket", "aws_s3_bucket"),
    "aws_s3_bucket_ownership_controls": ("bucket", "aws_s3_bucket"),
    "aws_s3_bucket_server_side_encryption_configuration": ("bucket", "aws_s3_bucket"),
    "aws_security_group_rule": ("security_group_id", "aws_security_group"),
    "aws_vpc_security_group_ingress_rule": ("security_group_id", "aws_security_group"),
    "aws_vpc_security_group_egress_rule": ("security_group_id", "aws_security_group"),
    "aws_sns_topic_policy": ("arn", "aws_sns_topic"),
}

CHECKOV_ENV = {
    "BC_SKIP_MAPPING": "TRUE",
    "CHECKOV_RUN_SCA_PACKAGE_SCAN_V2": "false",
    "LOG_LEVEL": "ERROR",
}


# --- source reading ---------------------------------------------------------------------------------------

BLOCK_RE = re.compile(r'^(resource|data)\s+"([^"]+)"\s+"([^"]+)"\s*\{')


class Module:
    """The top-level resource and data blocks of one directory's .tf files."""

    def __init__(self, directory):
        self.dir = directory
        self.blocks = {}  # address -> {"file", "start", "end", "text"}
        for name in sorted(os.listdir(directory)):
            path = os.path.join(directory, name)
            if not name.endswith(".tf") or not os.path.isfile(path):
                continue
            with open(path, encoding="utf-8", errors="replace") as f:
                lines = f.read().split("\n")
            i = 0
            while i < len(lines):
                m = BLOCK_RE.match(lines[i])
                if not m:
                    i += 1
                    continue
                start = i
                if lines[i].rstrip().endswith("}") and lines[i].count("{") == lines[i].count("}"):
                    end = i  # one-line block: `resource "x" "y" {}`
                else:
                    end = i + 1
                    while end < len(lines) and lines[end].rstrip() != "}":
                        end += 1
                kind, rtype, rname = m.groups()
                addr = f"{rtype}.{rname}" if kind == "resource" else f"data.{rtype}.{rname}"
                self.blocks[addr] = {
                    "file": path,
                    "start": start + 1,
                    "end": min(end, len(lines) - 1) + 1,
                    "text": "\n".join(lines[start:end + 1]),
                }
                i = end + 1

    def attr(self, addr, key):
        """The raw expression of a top-level attribute of a block, or None."""
        b = self.blocks.get(addr)
        if not b:
            return None
        m = re.search(rf"^\s{{2}}{re.escape(key)}\s*=\s*(.+)$", b["text"], re.M)
        return m.group(1).strip() if m else None

    def parent(self, addr):
        """The address of the resource a companion attaches to, or None when it cannot be resolved."""
        rtype = addr.split(".")[0]
        if rtype not in COMPANIONS:
            return None
        key, ptype = COMPANIONS[rtype]
        expr = self.attr(addr, key)
        if expr is None:
            return None
        m = re.match(rf"{ptype}\.([A-Za-z0-9_-]+)", expr)
        if m:
            return f"{ptype}.{m.group(1)}"
        lit = re.fullmatch(r'"([^"$]+)"', expr)
        if lit and ptype == "aws_s3_bucket":  # joined by literal bucket name
            for a in self.blocks:
                if a.startswith("aws_s3_bucket.") and self.attr(a, "bucket") == expr:
                    return a
        return None

    def doc_users(self, doc_addr, types):
        """Resources of the given types whose source uses `data.aws_iam_policy_document.X.json`."""
        ref = re.compile(rf"\b{re.escape(doc_addr)}\.json\b")
        return sorted(a for a, b in self.blocks.items() if a.split(".")[0] in types and ref.search(b["text"]))

    def block_at(self, path, line):
        """The address of the block that contains `path`:`line`, or None."""
        path = os.path.realpath(path)
        for a, b in self.blocks.items():
            if os.path.realpath(b["file"]) == path and b["start"] <= line <= b["end"]:
                return a
        return None

    def excerpt(self, addr, limit=40):
        b = self.blocks.get(addr)
        if not b:
            return None
        lines = b["text"].split("\n")
        if len(lines) > limit:
            lines = lines[:limit] + ["  ..."]
        return "\n".join(lines)


_modules = {}


def module(directory):
    directory = os.path.realpath(directory)
    if directory not in _modules:
        _modules[directory] = Module(directory)
    return _modules[directory]


def block_address(addr):
    """`module.m["k"].aws_x.y[0]` -> `aws_x.y`: instance keys and module path dropped (the directory of the
    file that holds the block already says which module it is in)."""
    addr = re.sub(r"\[[^\]]*\]", "", addr)
    return re.sub(r"^(module\.[^.]+\.)+", "", addr)


# --- running the tools ------------------------------------------------------------------------------------


def raw_path(raw, tool, directory):
    h = hashlib.sha1(os.path.realpath(directory).encode()).hexdigest()[:12]
    base = re.sub(r"[^A-Za-z0-9]+", "-", os.path.relpath(directory, ROOT)).strip("-")[-60:]
    return os.path.join(raw, f"{tool}-{base}-{h}.json")


def run_tool(cmd, ok_codes, env=None, cwd=None):
    res = subprocess.run(cmd, capture_output=True, text=True, env=env, cwd=cwd)
    if res.returncode not in ok_codes:
        sys.exit(f"error: {' '.join(cmd)} exited with {res.returncode}\n{res.stderr[-2000:]}")
    return res.stdout


def scan(args, tool, directory):
    path = raw_path(args.raw, tool, directory) if args.raw else None
    if path and args.reuse and os.path.exists(path):
        with open(path) as f:
            return f.read()
    if tool == "preflight":
        out = run_tool([args.preflight, "check", os.path.realpath(directory), "--format", "json"], (0, 1))
    else:
        env = dict(os.environ, **CHECKOV_ENV)
        out = run_tool([args.checkov, "-d", os.path.realpath(directory), "--framework", "terraform",
                        "-o", "json", "--quiet", "--skip-download", "--download-external-modules", "false"],
                       (0, 1), env=env)
    if path:
        os.makedirs(args.raw, exist_ok=True)
        with open(path, "w") as f:
            f.write(out)
    return out


def checkov_failed(text):
    data = json.loads(text) if text.strip() else {}
    reports = data if isinstance(data, list) else [data]
    out = []
    for r in reports:
        out += r.get("results", {}).get("failed_checks", [])
    return out


# --- normalization ----------------------------------------------------------------------------------------

def preflight_subjects(text, cwd):
    """(rule_id, dir, block address) -> list of findings."""
    data = json.loads(text)
    if data.get("errors"):
        for e in data["errors"]:
            print(f"warning: preflight error {e['file']}:{e['line']}: {e['message']}", file=sys.stderr)
    out = defaultdict(list)
    for f in data["findings"]:
        if not f["file"].endswith((".tf", ".tf.json")):
            continue  # Terraform only: Checkov runs with --framework terraform
        path = os.path.realpath(os.path.join(cwd, f["file"]))
        f = dict(f, abs_file=path)
        out[(f["rule_id"], os.path.dirname(path), block_address(f["resource"]))].append(f)
    return out


def checkov_subjects(failed):
    """(check_id, dir, subject address) -> list of Checkov results; plus the check titles seen."""
    out = defaultdict(list)
    titles = {}
    doc_checks = {}
    for p in MAPPING:
        for cid, types in p.get("via_doc", {}).items():
            doc_checks.setdefault(cid, set()).update(types)
    wanted = {c for p in MAPPING for c in p["checkov"]} | set(doc_checks)
    for r in failed:
        cid = r["check_id"]
        titles[cid] = r["check_name"]
        if cid not in wanted:
            continue
        path = os.path.realpath(r["file_abs_path"])
        d = os.path.dirname(path)
        mod = module(d)
        addr = block_address(r["resource"])
        if addr.startswith("data.aws_iam_policy_document.") or addr.startswith("aws_iam_policy_document."):
            doc = addr if addr.startswith("data.") else "data." + addr
            users = mod.doc_users(doc, doc_checks.get(cid, set()))
            for u in users:
                subject = mod.parent(u) or u
                out[(cid, d, subject)].append(dict(r, via=u))
            if not users:
                out[(cid, d, doc)].append(r)
            continue
        if cid in doc_checks and cid not in {c for p in MAPPING for c in p["checkov"]}:
            continue  # a document check on something that is not a document
        subject = mod.parent(addr) or addr
        out[(cid, d, subject)].append(r)
    return out, titles


def pair_of_doc_check(cid, subject):
    rtype = subject.split(".")[-2] if subject.count(".") >= 1 else ""
    for p in MAPPING:
        types = p.get("via_doc", {}).get(cid)
        if types and any(rtype == t or rtype == COMPANIONS.get(t, ("", ""))[1] for t in types):
            return p["pair"]
    return None


def compare(pf, ck):
    """Per pair: {"both": [...], "only_checkov": [...], "only_preflight": [...]} of subject records."""
    rule_pair = {r: p["pair"] for p in MAPPING for r in p["preflight"]}
    check_pair = {c: p["pair"] for p in MAPPING for c in p["checkov"]}
    pf_by = defaultdict(lambda: defaultdict(list))  # pair -> (dir, subject) -> findings
    ck_by = defaultdict(lambda: defaultdict(list))
    for (rule, d, subj), fs in pf.items():
        if rule in rule_pair:
            pf_by[rule_pair[rule]][(d, subj)] += fs
    for (cid, d, subj), rs in ck.items():
        pair = check_pair.get(cid) or pair_of_doc_check(cid, subj)
        if pair:
            ck_by[pair][(d, subj)] += rs
    # Everything preflight flagged on a subject, whatever the rule (to explain "only Checkov" cases that
    # preflight reports under a neighbouring rule).
    pf_any = defaultdict(set)
    for (rule, d, subj) in pf:
        pf_any[(d, subj)].add(rule)
    result = {}
    for p in MAPPING:
        name = p["pair"]
        a, b = pf_by[name], ck_by[name]
        rec = {"both": [], "only_checkov": [], "only_preflight": []}
        for key in sorted(set(a) | set(b)):
            d, subj = key
            mod = module(d)
            entry = {
                "dir": os.path.relpath(d, ROOT),
                "resource": subj,
                "preflight": sorted({f["rule_id"] for f in a.get(key, [])}),
                "checkov": sorted({r["check_id"] for r in b.get(key, [])}),
            }
            if key in a and key in b:
                rec["both"].append(entry)
                continue
            if key in b:
                entry["checkov_results"] = [
                    {"check_id": r["check_id"], "resource": r["resource"], "via": r.get("via"),
                     "file": os.path.relpath(r["file_abs_path"], ROOT), "lines": r["file_line_range"],
                     "evaluated_keys": (r.get("check_result") or {}).get("evaluated_keys")}
                    for r in b[key]]
                entry["preflight_other_rules"] = sorted(pf_any.get(key, set()))
                entry["source"] = {r["resource"]: mod.excerpt(block_address(r["resource"])) for r in b[key]}
                rec["only_checkov"].append(entry)
            else:
                entry["preflight_results"] = [
                    {"rule_id": f["rule_id"], "resource": f["resource"], "file": os.path.relpath(f["abs_file"], ROOT),
                     "line": f["line"], "message": f["message"]} for f in a[key]]
                where = []
                for f in a[key]:
                    at = module(os.path.dirname(f["abs_file"])).block_at(f["abs_file"], f["line"])
                    if at and at not in where:
                        where.append(at)
                entry["source"] = {w: module(os.path.dirname(a[key][0]["abs_file"])).excerpt(w) for w in where}
                rec["only_preflight"].append(entry)
        result[name] = rec
    return result


# --- report -----------------------------------------------------------------------------------------------

def report(result, titles, label, show_cases):
    lines = []
    if label:
        lines += [f"## {label}", ""]
    lines += ["| pair | preflight | Checkov | both | only Checkov | only preflight |",
              "|---|---|---|---:|---:|---:|"]
    tot = [0, 0, 0]
    for p in MAPPING:
        r = result[p["pair"]]
        n = [len(r["both"]), len(r["only_checkov"]), len(r["only_preflight"])]
        tot = [x + y for x, y in zip(tot, n)]
        lines.append(f"| {p['pair']} | {', '.join(p['preflight'])} | "
                     f"{', '.join(p['checkov'] + list(p.get('via_doc', {})))} | {n[0]} | {n[1]} | {n[2]} |")
    lines.append(f"| **total** | | | {tot[0]} | {tot[1]} | {tot[2]} |")
    used = sorted({c for p in MAPPING for c in p["checkov"] + list(p.get("via_doc", {}))} & set(titles))
    if used:
        lines += ["", "Checkov titles seen in this run:", ""]
        lines += [f"- {c}: {titles[c]}" for c in used]
    if show_cases:
        for p in MAPPING:
            r = result[p["pair"]]
            for kind in ("only_checkov", "only_preflight"):
                for e in r[kind]:
                    lines.append("")
                    who = "only Checkov" if kind == "only_checkov" else "only preflight"
                    lines.append(f"### {p['pair']}: {who}: {e['dir']} {e['resource']}")
                    if kind == "only_checkov":
                        for c in e["checkov_results"]:
                            via = f" (document used by {c['via']})" if c.get("via") else ""
                            lines.append(f"- {c['check_id']} on {c['resource']}{via} at {c['file']}:"
                                         f"{c['lines'][0]}-{c['lines'][1]}")
                        if e["preflight_other_rules"]:
                            lines.append(f"- preflight reports this resource under "
                                         f"{', '.join(e['preflight_other_rules'])}")
                    else:
                        for f in e["preflight_results"]:
                            lines.append(f"- {f['rule_id']} at {f['file']}:{f['line']}: {f['message']}")
                    for addr, src in e["source"].items():
                        if src:
                            lines += ["", "```hcl", src, "```"]
    return "\n".join(lines)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("dirs", nargs="+")
    ap.add_argument("--preflight", default=os.path.join(ROOT, "target/release/preflight"))
    ap.add_argument("--checkov", default=os.path.join(ROOT, "bench/out/checkov-venv/bin/checkov"))
    ap.add_argument("--raw")
    ap.add_argument("--reuse", action="store_true")
    ap.add_argument("--json")
    ap.add_argument("--cases", action="store_true")
    ap.add_argument("--label", default="")
    args = ap.parse_args()

    pf, ck, titles = {}, {}, {}
    for d in args.dirs:
        if not os.path.isdir(d):
            sys.exit(f"error: {d} is not a directory")
        print(f"scanning {d}", file=sys.stderr)
        cwd = os.getcwd()
        for k, v in preflight_subjects(scan(args, "preflight", d), cwd).items():
            pf.setdefault(k, []).extend(v)
        subj, t = checkov_subjects(checkov_failed(scan(args, "checkov", d)))
        titles.update(t)
        for k, v in subj.items():
            ck.setdefault(k, []).extend(v)

    result = compare(pf, ck)
    print(report(result, titles, args.label, args.cases))
    if args.json:
        with open(args.json, "w") as f:
            json.dump({"label": args.label, "dirs": args.dirs, "mapping": MAPPING, "titles": titles,
                       "pairs": result}, f, indent=2)


if __name__ == "__main__":
    main()
