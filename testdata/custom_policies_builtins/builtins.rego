# METADATA
# title: Every optional built-in a custom policy may call
# description: |
#   A test policy, not a rule: it fires on a bucket only when each of the built-ins below returns what OPA
#   documents, so a build of regorus that lacks one of them fails to load or stays silent.
# custom:
#   id: BUILTINS-001
#   name: builtins-available
#   severity: low
#   category: public-access
#   recommended_action: Nothing; this policy checks the engine.
package test.builtins

import data.preflight.lib

checks := {
	"regex": regex.match(`^acme-[a-z]+$`, "acme-logs"),
	"glob": glob.match("acme-*", ["-"], "acme-logs"),
	"net": net.cidr_contains("10.0.0.0/8", "10.1.2.3"),
	"semver": semver.compare("1.10.0", "1.9.3") == 1,
	"base64": base64.encode("acme") == "YWNtZQ==",
	"base64url": base64url.decode("YWNtZQ") == "acme",
	"hex": hex.encode("hi") == "6869",
	"urlquery": urlquery.encode("a b&c") == "a+b%26c",
	"yaml": yaml.unmarshal(yaml.marshal({"k": [1, 2]})) == {"k": [1, 2]},
	"json": json.patch({"a": 1}, [{"op": "add", "path": "/b", "value": 2}]) == {"a": 1, "b": 2},
	"time": time.parse_rfc3339_ns("2024-01-02T03:04:05Z") == 1704164645000000000,
	"graph": graph.reachable({"a": ["b"], "b": ["c"], "c": []}, ["a"]) == {"a", "b", "c"},
}

deny contains lib.result(b, "name", msg) if {
	some b in input.aws.s3.buckets
	every name, ok in checks {
		ok == true
	}
	msg := sprintf("S3 bucket `%s`: %d built-ins answered as documented", [b.label, count(checks)])
}
