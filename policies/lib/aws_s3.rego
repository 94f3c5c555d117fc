# Helpers for the whole-bucket verdict on S3 public access (the S3 entities of docs/model.md): whether the
# public access blocks of the account, the bucket and the access point leave a public ACL or a public
# policy in force. S3 applies the most restrictive of them, so any one flag known to be on neutralizes;
# a flag that is unresolved might be on, so nothing that depends on it is decided (no finding).
#
# `accounts` is `input.aws.s3.account_public_access_blocks` and `buckets` is `input.aws.s3.buckets`,
# passed by the policy so that the policy names the collections it depends on.
package preflight.lib.aws.s3

import data.preflight.lib

# No account-level block in the scan turns `flag` on, and none leaves it unresolved. With no account
# block in the code, the account's setting is as invisible as it is for every bucket and is not assumed.
account_allows(accounts, flag) if {
	every a in accounts {
		a[flag] == false
	}
}

# The bucket's own block leaves both `flags` off: no block is written, both are known to be false, or the
# bucket is defined outside the scanned code and no block for it is written in it.
bucket_block_allows(b, _) if b.public_access_block.configured == false

bucket_block_allows(b, flags) if {
	b.public_access_block.configured == true
	every f in flags {
		b.public_access_block[f] == false
	}
}

bucket_block_allows(b, _) if {
	b.external == true
	lib.is_unknown(b, "public_access_block")
}

# ACLs take effect: object ownership is not BucketOwnerEnforced (not written means ACLs are on, as
# they were for buckets created before April 2023 and for any bucket that sets another ownership).
acls_enabled(b) if lib.not_written(b, "object_ownership")

acls_enabled(b) if b.object_ownership != "BucketOwnerEnforced"

acls_enabled(b) if {
	b.external == true
	lib.is_unknown(b, "object_ownership")
}

# A public ACL on the bucket (or on one of its objects) is in force.
public_acls_in_force(b, accounts) if {
	bucket_block_allows(b, ["block_public_acls", "ignore_public_acls"])
	acls_enabled(b)
	account_allows(accounts, "block_public_acls")
	account_allows(accounts, "ignore_public_acls")
}

# A public bucket policy is in force.
public_policy_in_force(b, accounts) if {
	bucket_block_allows(b, ["block_public_policy", "restrict_public_buckets"])
	account_allows(accounts, "block_public_policy")
	account_allows(accounts, "restrict_public_buckets")
}

# The bucket `id` of the model.
bucket_by_id(buckets, id) := b if {
	some b in buckets
	b.id == id
}

# A public ACL on object `o` is in force: its bucket is in the scan and lets public ACLs stand, or its
# bucket is not in the scanned code and no account block in it neutralizes the ACL.
object_acl_in_force(o, buckets, accounts) if {
	lib.not_written(o, "bucket_id")
	account_allows(accounts, "block_public_acls")
	account_allows(accounts, "ignore_public_acls")
}

object_acl_in_force(o, buckets, accounts) if {
	public_acls_in_force(bucket_by_id(buckets, o.bucket_id), accounts)
}

# The bucket under access point `ap` does not restrict public access points: not in the scan, no block,
# `restrict_public_buckets` known false, or outside the code with no block for it in it.
bucket_lets_access_point(ap, _) if lib.not_written(ap, "bucket_id")

bucket_lets_access_point(ap, buckets) if {
	b := bucket_by_id(buckets, ap.bucket_id)
	b.public_access_block.configured == false
}

bucket_lets_access_point(ap, buckets) if {
	b := bucket_by_id(buckets, ap.bucket_id)
	b.public_access_block.restrict_public_buckets == false
}

bucket_lets_access_point(ap, buckets) if {
	b := bucket_by_id(buckets, ap.bucket_id)
	b.external == true
	lib.is_unknown(b, "public_access_block")
}

# A public policy on access point `ap` is in force: it is reachable from the internet, neither its own
# block nor the account's blocks public policies, and its bucket does not restrict them.
access_point_policy_in_force(ap, buckets, accounts) if {
	ap.network_origin == "Internet"
	ap.public_access_block.block_public_policy == false
	ap.public_access_block.restrict_public_buckets == false
	account_allows(accounts, "block_public_policy")
	account_allows(accounts, "restrict_public_buckets")
	bucket_lets_access_point(ap, buckets)
}

# What a message adds about a bucket: that it serves a website, or that it is defined elsewhere.
context(b) := "; it hosts a static website, which serves every object by URL" if {
	b.website == true
} else := "; the bucket is defined outside the scanned code and no public access block in the code covers it" if {
	b.external == true
} else := ""
