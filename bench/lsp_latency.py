#!/usr/bin/env python3
"""Latency of `preflight lsp`: the time from a didChange to the publishDiagnostics it causes.

Opens every .tf file of one module of the generated corpus (gen_corpus.py), then changes one file
N times (alternating an insecure and a secure value) and times each change until the server publishes
that file's diagnostics again. The debounce is set to 0 so the number is the scan and the round trip;
in an editor add `debounceMs` (150 by default). The server's CPU time per change is printed too: on a
loaded machine the wall times grow, the CPU time does not.

    python3 bench/lsp_latency.py target/release/preflight [--module DIR] [--changes 40]
"""
import argparse, json, os, statistics, subprocess, sys, tempfile, time

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("binary")
    ap.add_argument("--module")
    ap.add_argument("--changes", type=int, default=40)
    a = ap.parse_args()
    module = a.module
    if not module:
        out = tempfile.mkdtemp(prefix="preflight-lsp-bench-")
        here = os.path.dirname(os.path.abspath(__file__))
        subprocess.run([sys.executable, os.path.join(here, "gen_corpus.py"), "--files", "40", "--out", out],
                       check=True, stdout=subprocess.DEVNULL)
        dirs = sorted({os.path.dirname(os.path.join(r, f)) for r, _, fs in os.walk(out) for f in fs if f.endswith(".tf")})
        module = dirs[0]
    module = os.path.abspath(module)
    files = sorted(os.path.join(module, f) for f in os.listdir(module) if f.endswith(".tf"))
    p = subprocess.Popen([a.binary, "lsp"], stdin=subprocess.PIPE, stdout=subprocess.PIPE)

    def send(msg):
        body = json.dumps(msg).encode()
        p.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        p.stdin.flush()

    def read():
        length = 0
        while True:
            line = p.stdout.readline()
            if not line:
                raise SystemExit("server exited")
            line = line.strip()
            if not line:
                break
            if line.lower().startswith(b"content-length:"):
                length = int(line.split(b":")[1])
        return json.loads(p.stdout.read(length))

    def wait(pred):
        while True:
            m = read()
            if pred(m):
                return m

    uri = lambda f: "file://" + f
    send({"jsonrpc": "2.0", "id": 1, "method": "initialize",
          "params": {"processId": None, "rootUri": uri(module), "capabilities": {},
                     "initializationOptions": {"debounceMs": 0}}})
    wait(lambda m: m.get("id") == 1)
    send({"jsonrpc": "2.0", "method": "initialized", "params": {}})
    texts = {}
    for f in files:
        texts[f] = open(f).read()
        send({"jsonrpc": "2.0", "method": "textDocument/didOpen",
              "params": {"textDocument": {"uri": uri(f), "languageId": "terraform", "version": 1, "text": texts[f]}}})
    target = files[-1]
    cpu = lambda: sum(int(x) for x in open(f"/proc/{p.pid}/stat").read().rsplit(")", 1)[1].split()[11:13])
    published = lambda m: m.get("method") == "textDocument/publishDiagnostics" and m["params"]["uri"] == uri(target)
    # The first scan compiles the policies this module needs; wait for it before timing.
    t0 = time.perf_counter()
    wait(published)
    first = time.perf_counter() - t0
    extra = 'resource "aws_ebs_volume" "bench" {\n  availability_zone = "eu-west-1a"\n  size = 8\n  encrypted = %s\n}\n'
    times = []
    ticks0 = cpu()
    for i in range(a.changes):
        text = texts[target] + extra % ("false" if i % 2 == 0 else "true")
        start = time.perf_counter()
        send({"jsonrpc": "2.0", "method": "textDocument/didChange",
              "params": {"textDocument": {"uri": uri(target), "version": i + 2}, "contentChanges": [{"text": text}]}})
        wait(published)
        times.append((time.perf_counter() - start) * 1000)
    # The server's own CPU time (user + system) per change: what the machine's load does not change.
    cpu_ms = (cpu() - ticks0) * 1000 / os.sysconf("SC_CLK_TCK") / a.changes
    send({"jsonrpc": "2.0", "id": 2, "method": "shutdown", "params": None})
    wait(lambda m: m.get("id") == 2)
    send({"jsonrpc": "2.0", "method": "exit", "params": None})
    p.wait(timeout=10)
    lines = sum(t.count("\n") for t in texts.values())
    times.sort()
    print(f"module: {module} ({len(files)} files, {lines} lines)")
    print(f"first scan (policies compiled): {first * 1000:.1f} ms")
    print(f"change -> diagnostics, {a.changes} changes: median {statistics.median(times):.1f} ms, "
          f"p90 {times[int(len(times) * 0.9) - 1]:.1f} ms, max {times[-1]:.1f} ms; "
          f"server CPU {cpu_ms:.1f} ms per change")

if __name__ == "__main__":
    main()
