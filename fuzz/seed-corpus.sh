#!/bin/sh
# Fills fuzz/corpus/<target>/ (gitignored) from the repository's own inputs plus fuzz/seeds/.
# Run from anywhere; existing corpus files are kept.
set -eu
fuzz=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$fuzz")
for target in terraform terraform_policies; do
    mkdir -p "$fuzz/corpus/$target"
    (cd "$root" && find examples testdata policies -name '*.tf' -type f) | while read -r f; do
        cp "$root/$f" "$fuzz/corpus/$target/$(echo "$f" | tr '/' '_')"
    done
    cp "$fuzz/seeds/terraform/"* "$fuzz/corpus/$target/"
done
mkdir -p "$fuzz/corpus/policy_document"
cp "$fuzz/seeds/policy_document/"* "$fuzz/corpus/policy_document/"
