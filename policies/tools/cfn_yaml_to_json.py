#!/usr/bin/env python3
"""Writes the JSON twin of a CloudFormation YAML fixture, with its markers.

For each `NAME.yaml` given, writes `NAME.json` beside it (short-form tags as long forms), and in each
folder an `expect` file listing `NAME.json LINE RULE` for every line of the YAML marked `# expect: RULE`:
the JSON line is that of the same key. Development tool only (needs PyYAML); the generated files are
committed and the tests do not run this.

Usage: python3 policies/tools/cfn_yaml_to_json.py policies/aws/*/*/fixtures/*/template.yaml
"""
import json
import os
import re
import sys

import yaml


def long_form(tag, value):
    name = tag[1:]
    if name in ("Ref", "Condition"):
        return {name: value}
    if name == "GetAtt" and isinstance(value, str):
        res, _, attr = value.partition(".")
        return {"Fn::GetAtt": [res, attr]}
    return {"Fn::" + name: value}


def construct(loader, node):
    """Plain Python values, with paths of mapping keys by line."""
    if isinstance(node, yaml.ScalarNode):
        value = loader.construct_scalar(node) if node.tag.startswith("!") and not node.tag.startswith("!!") else loader.construct_object(node)
    elif isinstance(node, yaml.SequenceNode):
        value = [construct(loader, n) for n in node.value]
    else:
        value = {}
        for k, v in node.value:
            value[loader.construct_object(k)] = construct(loader, v)
    if node.tag.startswith("!") and not node.tag.startswith("!!"):
        return long_form(node.tag, value)
    return value


def key_lines(node, path, out):
    """Line (0-based) of every mapping key → its path (a tagged node adds its long-form key)."""
    if node.tag.startswith("!") and not node.tag.startswith("!!"):
        name = node.tag[1:]
        path = path + ((name if name in ("Ref", "Condition") else "Fn::" + name),)
    if isinstance(node, yaml.MappingNode):
        for k, v in node.value:
            p = path + (k.value,)
            out.setdefault(k.start_mark.line, p)
            key_lines(v, p, out)
    elif isinstance(node, yaml.SequenceNode):
        for i, n in enumerate(node.value):
            key_lines(n, path + (i,), out)


def emit(value, indent=0):
    """JSON text, two-space indented, one key or element per line."""
    pad = "  " * indent
    if isinstance(value, dict):
        if not value:
            return "{}"
        parts = [f"{pad}  {json.dumps(k)}: {emit(v, indent + 1)}" for k, v in value.items()]
        return "{\n" + ",\n".join(parts) + "\n" + pad + "}"
    if isinstance(value, list):
        if not value:
            return "[]"
        parts = [f"{pad}  {emit(v, indent + 1)}" for v in value]
        return "[\n" + ",\n".join(parts) + "\n" + pad + "]"
    return json.dumps(value)


def convert(path):
    text = open(path).read()
    loader = yaml.SafeLoader(text)
    root_node = loader.get_single_node()
    value = construct(loader, root_node)
    by_line = {}
    key_lines(root_node, (), by_line)
    markers = []
    for i, line in enumerate(text.split("\n")):
        m = re.search(r"# expect:\s*(.+)$", line)
        if m:
            for rule in m.group(1).split(","):
                markers.append((i, rule.strip()))
    body = emit(value)
    where = locate_keys(body)
    out_path = path[: -len(".yaml")] + ".json"
    with open(out_path, "w") as f:
        f.write(body + "\n")
    name = os.path.basename(out_path)
    expect = []
    for line, rule in markers:
        p = by_line.get(line)
        if p is None or p not in where:
            sys.exit(f"{path}:{line + 1}: no key on the marked line")
        expect.append(f"{name} {where[p]} {rule}")
    return expect


def locate_keys(body):
    """Path of every key → its 1-based line, by re-reading the emitted JSON line by line."""
    where = {}
    stack = []  # (kind, key or index)
    for n, line in enumerate(body.split("\n"), start=1):
        s = line.strip()
        m = re.match(r'^("(?:[^"\\]|\\.)*"):\s*(.*)$', s)
        if m:
            key = json.loads(m.group(1))
            if stack and stack[-1][0] == "obj":
                stack[-1] = ("obj", key)
            where[tuple(x for _, x in stack if x is not None)] = n
            rest = m.group(2)
        else:
            rest = s
            if stack and stack[-1][0] == "arr" and s not in ("]", "],", "}", "},"):
                idx = stack[-1][1]
                stack[-1] = ("arr", 0 if idx is None else idx + 1)
        if rest.startswith("{") and not rest.startswith("{}"):
            stack.append(("obj", None))
        elif rest.startswith("[") and not rest.startswith("[]"):
            stack.append(("arr", None))
        elif s in ("}", "},", "]", "],"):
            stack.pop()
    return where


if __name__ == "__main__":
    # One `expect` file per folder, for every template converted there.
    by_dir = {}
    for p in sorted(sys.argv[1:]):
        by_dir.setdefault(os.path.dirname(p), []).extend(convert(p))
    for d, lines in by_dir.items():
        target = os.path.join(d, "expect")
        if lines:
            with open(target, "w") as f:
                f.write("\n".join(lines) + "\n")
        elif os.path.exists(target):
            os.remove(target)
