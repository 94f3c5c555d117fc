locals {
  names   = ["a", "b", "c"]
  tags    = { env = "prod", team = "infra" }
  upper   = [for n in local.names : upper(n) if n != "b"]
  by_name = { for i, n in local.names : n => i }
  joined  = join(",", concat(local.names, ["d"]))
  parts   = split(",", local.joined)
  fmt     = format("%s-%d-%v", "x", 3, true)
  sub     = substr(replace(trimspace("  hello world "), "o", "0"), 1, 4)
  lookups = lookup(local.tags, "env", "dev")
  merged  = merge(local.tags, { extra = "1" })
  flat    = distinct(compact(flatten([["a", ""], ["a", "b"]])))
  r       = range(0, 10, 3)
  z       = zipmap(keys(local.tags), values(local.tags))
  maths   = max(1, 2, abs(-3)) + min(4, 5) * length(local.names) % 2 / 1
  cond    = contains(local.names, "a") ? element(local.names, 4) : index(local.names, "c")
  safe    = try(local.missing.attr, can(tonumber("x")), coalesce("", null, "z"))
  splat   = aws_s3_bucket.b[*].id
  decoded = jsondecode(jsonencode({ a = [1, 2, { b = null }] }))
  tmpl    = "%{ for n in local.names }${n}%{ if n == "a" }!%{ else }?%{ endif }%{ endfor }"
  heredoc = <<-EOT
    ${local.fmt}
    %{~ if startswith(local.fmt, "x") ~}yes%{ endif }
  EOT
}

resource "aws_s3_bucket" "b" {
  count  = length(local.r)
  bucket = "b-${count.index}-${lower(local.lookups)}"
  acl    = endswith(local.sub, "0") ? "public-read" : tostring(tobool("true"))
}

resource "aws_iam_policy" "p" {
  policy = jsonencode({
    Statement = [for a in local.parts : { Effect = "Allow", Action = a, Resource = "*" }]
  })
}
