#!/bin/sh
# Fills fuzz/corpus/<target>/ (gitignored) from the repository's own inputs, plus the few hand-made
# inputs in fuzz/seeds/ that exist nowhere else. Run from anywhere; existing corpus files are kept.
set -eu
fuzz=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$fuzz")

# copy TARGET FIND-ARGS...: the matching files under examples/, testdata/ and policies/.
copy() {
    target=$1
    shift
    mkdir -p "$fuzz/corpus/$target"
    (cd "$root" && find examples testdata policies -type f "$@") | while read -r f; do
        cp "$root/$f" "$fuzz/corpus/$target/$(echo "$f" | tr '/' '_')"
    done
}

for target in terraform terraform_policies; do
    copy "$target" -name '*.tf'
    cp "$fuzz/seeds/terraform/"* "$fuzz/corpus/$target/"
done
copy terraform_json -name '*.tf.json'
copy template \( -name '*.yaml' -o -name '*.yml' -o -name 'template.json' -o -name 'conditional.json' \)
copy plan -name '*.plan.json'
mkdir -p "$fuzz/corpus/policy_document"
cp "$fuzz/seeds/policy_document/"* "$fuzz/corpus/policy_document/"
