#!/usr/bin/env python3
"""Generates a deterministic, realistic Terraform corpus for benchmarking preflight.

    python3 bench/gen_corpus.py --files 1000 --out bench/out/corpus-1000 [--seed 42]
    python3 bench/gen_corpus.py --templates 1000 --out bench/out/templates-1000

The corpus is a tree of modules (directories of 5-10 `.tf` files). Every module has a `variables.tf`
(variables with defaults), a `main.tf` (terraform/provider blocks, locals built from string templates, a data
source) and resource files that mix the resource types preflight models: S3 buckets and their v4 companion
resources, RDS instances and clusters, EBS volumes, security groups and rules, IAM policies and roles, SNS
topics and topic policies. Policies are written with `jsonencode`. Each file is 40-120 lines. About a third
of the primary resources are insecure in one of the ways the built-in rules detect.

Standard library only; the same arguments always produce byte-identical output.
"""

import argparse
import os
import random
import shutil
import sys

MIN_LINES = 40
MAX_LINES = 120
INSECURE_RATE = 1 / 3

TEAMS = ["platform", "payments", "identity", "data", "growth", "search", "ml", "mobile", "infra", "security"]
SERVICES = [
    "billing", "checkout", "catalog", "orders", "ledger", "profile", "auth", "notify", "reports", "ingest",
    "export", "audit", "media", "gateway", "pricing", "inventory", "shipping", "feeds", "metrics", "archive",
]
ENVS = ["dev", "staging", "prod"]
REGIONS = ["us-east-1", "us-west-2", "eu-west-1", "eu-central-1", "ap-southeast-2"]
BUCKET_PURPOSES = ["logs", "assets", "uploads", "backups", "exports", "artifacts", "reports", "media", "static"]
DB_ENGINES = [("postgres", "15.5"), ("mysql", "8.0.35"), ("mariadb", "10.11.6")]
CLUSTER_ENGINES = [("aurora-postgresql", "15.4"), ("aurora-mysql", "8.0.mysql_aurora.3.05.2")]
SERVICE_PRINCIPALS = ["ec2.amazonaws.com", "lambda.amazonaws.com", "ecs-tasks.amazonaws.com",
                      "states.amazonaws.com"]
IAM_ACTION_SETS = [
    ["s3:GetObject", "s3:ListBucket"],
    ["dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:Query"],
    ["sqs:SendMessage", "sqs:ReceiveMessage", "sqs:DeleteMessage"],
    ["logs:CreateLogStream", "logs:PutLogEvents"],
    ["kms:Decrypt", "kms:GenerateDataKey"],
    ["secretsmanager:GetSecretValue"],
    ["sns:Publish"],
]


class Module:
    """Per-directory state: unique resource names and counters."""

    def __init__(self, rng, path, team, service, env):
        self.rng = rng
        self.path = path
        self.team = team
        self.service = service
        self.env = env
        self.used = set()
        self.stats = {"resources": 0, "primary": 0, "insecure": 0}

    def name(self, base):
        n = 1
        while True:
            candidate = base if n == 1 else f"{base}_{n}"
            if candidate not in self.used:
                self.used.add(candidate)
                return candidate
            n += 1

    def insecure(self):
        self.stats["primary"] += 1
        bad = self.rng.random() < INSECURE_RATE
        if bad:
            self.stats["insecure"] += 1
        return bad


def count_resources(lines):
    return sum(1 for line in lines if line.startswith("resource "))


# --- resource groups --------------------------------------------------------------------------------------
# Each returns a list of lines (a blank line separates blocks) for one primary resource and its companions.


def s3_group(m):
    rng = m.rng
    purpose = rng.choice(BUCKET_PURPOSES)
    b = m.name(f"{purpose}_bucket")
    bad = m.insecure()
    flaw = rng.choice(["acl", "pab", "policy"]) if bad else None
    out = [
        f'resource "aws_s3_bucket" "{b}" {{',
        f'  bucket = "${{local.bucket_prefix}}-{purpose}-{rng.randint(100, 999)}"',
        "",
        f'  tags = merge(local.common_tags, {{ Purpose = "{purpose}" }})',
        "}",
        "",
    ]
    # A public ACL or policy only takes effect when the public access block lets it: such buckets have
    # none, or one that leaves the relevant flags off.
    if flaw in ("acl", "policy"):
        has_pab = rng.random() < 0.5
    else:
        has_pab = flaw == "pab" or rng.random() < 0.8
    if has_pab:
        if flaw == "pab":
            flags = [rng.random() < 0.5 for _ in range(4)]
            if all(flags):
                flags[rng.randrange(4)] = False
        elif flaw == "acl":
            flags = [False, True, False, True]
        elif flaw == "policy":
            flags = [True, False, True, False]
        else:
            flags = [True] * 4
        names = ["block_public_acls", "block_public_policy", "ignore_public_acls", "restrict_public_buckets"]
        out.append(f'resource "aws_s3_bucket_public_access_block" "{b}" {{')
        out.append(f"  bucket = aws_s3_bucket.{b}.id")
        out.append("")
        for n, v in zip(names, flags):
            out.append(f"  {n.ljust(23)} = {'true' if v else 'false'}")
        out += ["}", ""]
    if rng.random() < 0.7:
        out += [
            f'resource "aws_s3_bucket_server_side_encryption_configuration" "{b}" {{',
            f"  bucket = aws_s3_bucket.{b}.id",
            "",
            "  rule {",
            "    apply_server_side_encryption_by_default {",
        ]
        if rng.random() < 0.6:
            out += ['      sse_algorithm     = "aws:kms"', "      kms_master_key_id = local.kms_key_arn"]
        else:
            out += ['      sse_algorithm = "AES256"']
        out += ["    }", "    bucket_key_enabled = true", "  }", "}", ""]
    if flaw == "acl" or rng.random() < 0.3:
        acl = rng.choice(["public-read", "public-read-write"]) if flaw == "acl" else rng.choice(
            ["private", "private", "log-delivery-write"])
        out += [
            f'resource "aws_s3_bucket_ownership_controls" "{b}" {{',
            f"  bucket = aws_s3_bucket.{b}.id",
            "  rule {",
            '    object_ownership = "BucketOwnerPreferred"',
            "  }",
            "}",
            "",
            f'resource "aws_s3_bucket_acl" "{b}" {{',
            f"  depends_on = [aws_s3_bucket_ownership_controls.{b}]",
            "",
            f"  bucket = aws_s3_bucket.{b}.id",
            f'  acl    = "{acl}"',
            "}",
            "",
        ]
    if flaw == "policy" or rng.random() < 0.4:
        out += [
            f'resource "aws_s3_bucket_policy" "{b}" {{',
            f"  bucket = aws_s3_bucket.{b}.id",
            "  policy = jsonencode({",
            '    Version = "2012-10-17"',
            "    Statement = [",
            "      {",
            '        Sid       = "DenyInsecureTransport"',
            '        Effect    = "Deny"',
            '        Principal = "*"',
            '        Action    = "s3:*"',
            f'        Resource  = [aws_s3_bucket.{b}.arn, "${{aws_s3_bucket.{b}.arn}}/*"]',
            '        Condition = { Bool = { "aws:SecureTransport" = "false" } }',
            "      },",
            "      {",
        ]
        if flaw == "policy":
            out += [
                '        Sid       = "PublicRead"',
                '        Effect    = "Allow"',
                "        Principal = " + rng.choice(['"*"', '{ AWS = "*" }']),
                '        Action    = ["s3:GetObject"]',
                f'        Resource  = "${{aws_s3_bucket.{b}.arn}}/*"',
            ]
        else:
            out += [
                '        Sid       = "CloudFrontRead"',
                '        Effect    = "Allow"',
                '        Principal = { Service = "cloudfront.amazonaws.com" }',
                '        Action    = ["s3:GetObject"]',
                f'        Resource  = "${{aws_s3_bucket.{b}.arn}}/*"',
                "        Condition = {",
                '          StringEquals = { "aws:SourceArn" = "arn:aws:cloudfront::${local.account_id}:'
                f'distribution/E{rng.randint(10**11, 10**12 - 1)}" }}',
                "        }",
            ]
        out += ["      }", "    ]", "  })", "}", ""]
    return out


def db_instance_group(m):
    rng = m.rng
    n = m.name(rng.choice(["primary_db", "app_db", "reporting_db", "replica_db", "analytics_db"]))
    engine, version = rng.choice(DB_ENGINES)
    bad = m.insecure()
    flaw = rng.choice(["unencrypted", "unencrypted_default", "public", "public_var"]) if bad else None
    out = [
        f'resource "aws_db_instance" "{n}" {{',
        f'  identifier     = "${{local.name_prefix}}-{n.replace("_", "-")}"',
        f'  engine         = "{engine}"',
        f'  engine_version = "{version}"',
        "  instance_class = var.db_instance_class",
        "",
        f"  allocated_storage     = {rng.choice([20, 50, 100, 200])}",
        f"  max_allocated_storage = {rng.choice([500, 1000])}",
        '  storage_type          = "gp3"',
    ]
    if flaw == "unencrypted":
        out.append("  storage_encrypted     = false")
    elif flaw != "unencrypted_default":
        out += ["  storage_encrypted     = true", "  kms_key_id            = local.kms_key_arn"]
    out += [
        "",
        '  db_name                     = "app"',
        '  username                    = "app_admin"',
        "  manage_master_user_password = true",
        f'  db_subnet_group_name        = "${{local.name_prefix}}-db"',
        "  multi_az                    = var.environment == \"prod\"",
    ]
    if flaw == "public":
        out.append("  publicly_accessible         = true")
    elif flaw == "public_var":
        out.append("  publicly_accessible         = var.db_publicly_accessible_legacy")
    elif rng.random() < 0.5:
        out.append("  publicly_accessible         = false")
    out += [
        "",
        "  backup_retention_period = var.backup_retention_days",
        '  backup_window           = "03:00-04:00"',
        "  deletion_protection     = var.environment == \"prod\"",
        "  skip_final_snapshot     = var.environment != \"prod\"",
        "",
        "  tags = local.common_tags",
        "}",
        "",
    ]
    return out


def rds_cluster_group(m):
    rng = m.rng
    n = m.name(rng.choice(["aurora", "main_cluster", "events_cluster", "ledger_cluster"]))
    engine, version = rng.choice(CLUSTER_ENGINES)
    bad = m.insecure()
    out = [
        f'resource "aws_rds_cluster" "{n}" {{',
        f'  cluster_identifier = "${{local.name_prefix}}-{n.replace("_", "-")}"',
        f'  engine             = "{engine}"',
        f'  engine_version     = "{version}"',
        '  database_name      = "app"',
        '  master_username    = "cluster_admin"',
        "",
        "  manage_master_user_password = true",
        f'  db_subnet_group_name        = "${{local.name_prefix}}-db"',
        "  backup_retention_period     = var.backup_retention_days",
        '  preferred_backup_window     = "02:00-03:00"',
    ]
    if bad:
        if rng.random() < 0.5:
            out.append("  storage_encrypted           = false")
    else:
        out += ["  storage_encrypted           = true", "  kms_key_id                  = local.kms_key_arn"]
    out += [
        "  skip_final_snapshot         = true",
        "",
        "  tags = local.common_tags",
        "}",
        "",
        f'resource "aws_rds_cluster_instance" "{n}" {{',
        f"  count              = {rng.choice([1, 2, 3])}",
        f'  identifier         = "${{local.name_prefix}}-{n.replace("_", "-")}-${{count.index}}"',
        f"  cluster_identifier = aws_rds_cluster.{n}.id",
        '  instance_class     = "db.r6g.large"',
        f"  engine             = aws_rds_cluster.{n}.engine",
        "}",
        "",
    ]
    return out


def ebs_group(m):
    rng = m.rng
    n = m.name(rng.choice(["data_volume", "scratch_volume", "cache_volume", "journal_volume"]))
    bad = m.insecure()
    out = [
        f'resource "aws_ebs_volume" "{n}" {{',
        '  availability_zone = "${var.region}a"',
        "  size              = var.ebs_volume_size",
        f'  type              = "{rng.choice(["gp3", "gp3", "io2", "st1"])}"',
    ]
    if bad:
        if rng.random() < 0.5:
            out.append("  encrypted         = false")
    else:
        out += ["  encrypted         = true", "  kms_key_id        = local.kms_key_arn"]
    out += [
        "",
        f'  tags = merge(local.common_tags, {{ Name = "${{local.name_prefix}}-{n.replace("_", "-")}" }})',
        "}",
        "",
    ]
    return out


def sg_group(m):
    rng = m.rng
    n = m.name(rng.choice(["web_sg", "app_sg", "db_sg", "bastion_sg", "worker_sg", "lb_sg"]))
    bad = m.insecure()
    flaw = rng.choice(["ssh", "rdp", "all", "rule_ssh"]) if bad else None
    app_port = rng.choice([5432, 3306, 8080, 6379])
    out = [
        f'resource "aws_security_group" "{n}" {{',
        f'  name        = "${{local.name_prefix}}-{n.replace("_", "-")}"',
        f'  description = "Traffic for {n.replace("_", " ")}"',
        "  vpc_id      = var.vpc_id",
        "",
        "  ingress {",
        '    description = "HTTPS"',
        "    from_port   = 443",
        "    to_port     = 443",
        '    protocol    = "tcp"',
        '    cidr_blocks = ["0.0.0.0/0"]',
        "  }",
        "",
        "  ingress {",
        '    description = "Application port from the VPC"',
        f"    from_port   = {app_port}",
        f"    to_port     = {app_port}",
        '    protocol    = "tcp"',
        "    cidr_blocks = var.allowed_cidrs",
        "  }",
        "",
    ]
    if flaw in ("ssh", "rdp", "all"):
        port = {"ssh": 22, "rdp": 3389, "all": 0}[flaw]
        out += [
            "  ingress {",
            f'    description      = "{ {"ssh": "SSH", "rdp": "RDP", "all": "Everything"}[flaw] } (temporary)"',
            f"    from_port        = {port}",
            f"    to_port          = {port}",
            f'    protocol         = "{"-1" if flaw == "all" else "tcp"}"',
            '    cidr_blocks      = ["0.0.0.0/0"]',
        ]
        if rng.random() < 0.3:
            out.append('    ipv6_cidr_blocks = ["::/0"]')
        out += ["  }", ""]
    out += [
        "  egress {",
        "    from_port   = 0",
        "    to_port     = 0",
        '    protocol    = "-1"',
        '    cidr_blocks = ["0.0.0.0/0"]',
        "  }",
        "",
        "  tags = local.common_tags",
        "}",
        "",
    ]
    r = m.name(f"{n}_admin")
    if flaw == "rule_ssh":
        cidr, port = '["0.0.0.0/0"]', 22
    else:
        cidr, port = "local.admin_cidrs", rng.choice([22, 3389, 9090])
    out += [
        f'resource "aws_security_group_rule" "{r}" {{',
        '  type              = "ingress"',
        '  description       = "Administration"',
        f"  from_port         = {port}",
        f"  to_port           = {port}",
        '  protocol          = "tcp"',
        f"  cidr_blocks       = {cidr}",
        f"  security_group_id = aws_security_group.{n}.id",
        "}",
        "",
    ]
    return out


def iam_policy_group(m):
    rng = m.rng
    n = m.name(rng.choice(["app_access", "worker_access", "deploy", "read_only", "pipeline"]))
    bad = m.insecure()
    actions = rng.choice(IAM_ACTION_SETS)
    out = [
        f'resource "aws_iam_policy" "{n}" {{',
        f'  name        = "${{local.name_prefix}}-{n.replace("_", "-")}"',
        f'  description = "Access for {m.service} ({n.replace("_", " ")})"',
        "  policy = jsonencode({",
        '    Version = "2012-10-17"',
        "    Statement = [",
        "      {",
        '        Sid      = "Scoped"',
        '        Effect   = "Allow"',
        "        Action   = [" + ", ".join(f'"{a}"' for a in actions) + "]",
        f'        Resource = ["arn:aws:{actions[0].split(":")[0]}:${{var.region}}:${{local.account_id}}:'
        f'{m.service}-*"]',
        "      },",
    ]
    if bad:
        out += [
            "      {",
            '        Sid      = "Break glass"',
            '        Effect   = "Allow"',
            "        Action   = " + rng.choice(['"*"', '["*"]', '"*:*"']),
            '        Resource = "*"',
            "      },",
        ]
    out += [
        "      {",
        '        Effect   = "Allow"',
        '        Action   = ["cloudwatch:PutMetricData"]',
        '        Resource = "*"',
        "      }",
        "    ]",
        "  })",
        "}",
        "",
    ]
    return out


def iam_role_group(m):
    rng = m.rng
    n = m.name(rng.choice(["task_role", "instance_role", "lambda_role", "cross_account_role"]))
    bad = m.insecure()
    out = [
        f'resource "aws_iam_role" "{n}" {{',
        f'  name = "${{local.name_prefix}}-{n.replace("_", "-")}"',
        "  assume_role_policy = jsonencode({",
        '    Version = "2012-10-17"',
        "    Statement = [{",
        '      Effect    = "Allow"',
        '      Action    = "sts:AssumeRole"',
    ]
    if bad:
        out.append('      Principal = { AWS = "*" }')
        if rng.random() < 0.5:
            out.append(f'      Condition = {{ StringEquals = {{ "sts:ExternalId" = "{m.service}-partner" }} }}')
    elif rng.random() < 0.7:
        out.append(f'      Principal = {{ Service = "{rng.choice(SERVICE_PRINCIPALS)}" }}')
    else:
        out += [
            f'      Principal = {{ AWS = "arn:aws:iam::{rng.randint(10**11, 10**12 - 1)}:root" }}',
            f'      Condition = {{ StringEquals = {{ "sts:ExternalId" = "{m.service}-partner" }} }}',
        ]
    out += ["    }]", "  })", "", "  tags = local.common_tags", "}", ""]
    if rng.random() < 0.5:
        p = m.name(f"{n}_inline")
        out += [
            f'resource "aws_iam_role_policy" "{p}" {{',
            '  name = "inline"',
            f"  role = aws_iam_role.{n}.id",
            "  policy = jsonencode({",
            '    Version = "2012-10-17"',
            "    Statement = [{",
            '      Effect   = "Allow"',
            '      Action   = ["logs:CreateLogStream", "logs:PutLogEvents"]',
            '      Resource = "arn:aws:logs:${var.region}:${local.account_id}:log-group:/${var.project}/*"',
            "    }]",
            "  })",
            "}",
            "",
        ]
    else:
        a = m.name(f"{n}_readonly")
        out += [
            f'resource "aws_iam_role_policy_attachment" "{a}" {{',
            f"  role       = aws_iam_role.{n}.name",
            '  policy_arn = "arn:aws:iam::aws:policy/ReadOnlyAccess"',
            "}",
            "",
        ]
    return out


def sns_group(m):
    rng = m.rng
    n = m.name(rng.choice(["alerts", "events", "notifications", "audit_events", "deploys"]))
    bad = m.insecure()
    flaw = rng.choice(["unencrypted", "public"]) if bad else None
    out = [
        f'resource "aws_sns_topic" "{n}" {{',
        f'  name              = "${{local.name_prefix}}-{n.replace("_", "-")}"',
    ]
    if flaw != "unencrypted":
        out.append("  kms_master_key_id = " + rng.choice(['"alias/aws/sns"', "local.kms_key_arn"]))
    out += ["", "  tags = local.common_tags", "}", ""]
    if flaw == "public" or rng.random() < 0.4:
        out += [
            f'resource "aws_sns_topic_policy" "{n}" {{',
            f"  arn = aws_sns_topic.{n}.arn",
            "  policy = jsonencode({",
            '    Version = "2012-10-17"',
            "    Statement = [{",
            '      Sid       = "Publishers"',
            '      Effect    = "Allow"',
            '      Action    = "SNS:Publish"',
            f"      Resource  = aws_sns_topic.{n}.arn",
        ]
        if flaw == "public":
            out.append('      Principal = "*"')
        else:
            out += [
                '      Principal = { Service = "s3.amazonaws.com" }',
                '      Condition = { ArnLike = { "aws:SourceArn" = "arn:aws:s3:::${local.bucket_prefix}-*" } }',
            ]
        out += ["    }]", "  })", "}", ""]
    return out


THEMES = {
    "s3": [s3_group],
    "database": [db_instance_group, rds_cluster_group, sns_group],
    "network": [sg_group],
    "iam": [iam_policy_group, iam_role_group],
    "storage": [ebs_group, s3_group],
    "messaging": [sns_group, iam_role_group],
    "compute": [ebs_group, sg_group, iam_role_group],
}


# --- fixed files ------------------------------------------------------------------------------------------


def variables_file(m):
    rng = m.rng
    region = rng.choice(REGIONS)
    out = [
        f"# Inputs for {m.team}/{m.service} ({m.env}).",
        "",
        'variable "project" {',
        '  description = "Project name, used as a prefix for every resource"',
        "  type        = string",
        f'  default     = "{m.service}"',
        "}",
        "",
        'variable "environment" {',
        "  type    = string",
        f'  default = "{m.env}"',
        "}",
        "",
        'variable "region" {',
        "  type    = string",
        f'  default = "{region}"',
        "}",
        "",
        'variable "vpc_id" {',
        '  description = "VPC the security groups live in"',
        "  type        = string",
        f'  default     = "vpc-{rng.getrandbits(68):017x}"',
        "}",
        "",
        'variable "allowed_cidrs" {',
        "  type    = list(string)",
        f'  default = ["10.{rng.randint(0, 255)}.0.0/16", "10.{rng.randint(0, 255)}.0.0/16"]',
        "}",
        "",
        'variable "db_instance_class" {',
        "  type    = string",
        f'  default = "{rng.choice(["db.t4g.medium", "db.r6g.large", "db.m6g.xlarge"])}"',
        "}",
        "",
        'variable "db_publicly_accessible_legacy" {',
        '  description = "Kept for the old reporting tool, which connects from outside the VPC"',
        "  type        = bool",
        "  default     = true",
        "}",
        "",
        'variable "backup_retention_days" {',
        "  type    = number",
        f"  default = {rng.choice([7, 14, 30])}",
        "}",
        "",
        'variable "ebs_volume_size" {',
        "  type    = number",
        f"  default = {rng.choice([50, 100, 250, 500])}",
        "}",
        "",
        'variable "tags" {',
        "  type = map(string)",
        "  default = {",
        f'    Team       = "{m.team}"',
        f'    CostCenter = "cc-{rng.randint(1000, 9999)}"',
        "  }",
        "}",
        "",
    ]
    extra = ["enable_versioning", "log_retention_days", "instance_count", "alarm_email", "feature_flags"]
    for name in extra:
        if len(out) >= MAX_LINES - 6 or (len(out) >= MIN_LINES and rng.random() < 0.4):
            break
        out += [f'variable "{name}" {{']
        if name == "enable_versioning":
            out += ["  type    = bool", "  default = true"]
        elif name == "log_retention_days":
            out += ["  type    = number", f"  default = {rng.choice([30, 90, 365])}"]
        elif name == "instance_count":
            out += ["  type    = number", f"  default = {rng.randint(1, 6)}"]
        elif name == "alarm_email":
            out += ["  type    = string", f'  default = "{m.team}-oncall@example.com"']
        else:
            out += ["  type    = map(bool)", "  default = {", "    new_ui = false", "    beta   = true", "  }"]
        out += ["}", ""]
    return out


def main_file(m):
    rng = m.rng
    return [
        "terraform {",
        '  required_version = ">= 1.5"',
        "",
        "  required_providers {",
        "    aws = {",
        '      source  = "hashicorp/aws"',
        '      version = "~> 5.0"',
        "    }",
        "  }",
        "}",
        "",
        'provider "aws" {',
        "  region = var.region",
        "",
        "  default_tags {",
        "    tags = local.common_tags",
        "  }",
        "}",
        "",
        'data "aws_caller_identity" "current" {}',
        "",
        "locals {",
        f'  account_id    = "{rng.randint(10**11, 10**12 - 1)}"',
        '  name_prefix   = "${var.project}-${var.environment}"',
        '  bucket_prefix = lower("acme-${local.name_prefix}-${var.region}")',
        '  kms_key_arn   = "arn:aws:kms:${var.region}:${local.account_id}:key/'
        f'{rng.getrandbits(128):032x}"',
        '  admin_cidrs   = ["10.0.0.0/8", "172.16.0.0/12"]',
        "  is_prod       = var.environment == \"prod\"",
        "",
        "  common_tags = merge(var.tags, {",
        "    Project     = var.project",
        "    Environment = var.environment",
        '    ManagedBy   = "terraform"',
        '    Owner       = "${var.tags["Team"]}@example.com"',
        "  })",
        "}",
        "",
    ]


def fill(m, lines, generators, target):
    """Appends resource groups to `lines` until it reaches `target` lines without passing MAX_LINES."""
    misses = 0
    while len(lines) < target and misses < 20:
        before = dict(m.stats)
        group = m.rng.choice(generators)(m)
        if len(lines) + len(group) <= MAX_LINES:
            lines += group
            continue
        m.stats = before  # discarded: it does not count
        if len(lines) >= MIN_LINES:
            break
        misses += 1
    return lines


def module_files(m, count):
    rng = m.rng
    files = [("variables.tf", variables_file(m))]
    if count > 1:
        files.append(("main.tf", fill(m, main_file(m), [sns_group, ebs_group], rng.randint(MIN_LINES, 70))))
    themes = list(THEMES)
    seen = {}
    while len(files) < count:
        theme = rng.choice(themes)
        seen[theme] = seen.get(theme, 0) + 1
        fname = f"{theme}.tf" if seen[theme] == 1 else f"{theme}_{seen[theme]}.tf"
        header = [f"# {theme.capitalize()} resources for {m.service}.", ""]
        files.append((fname, fill(m, header, THEMES[theme], rng.randint(MIN_LINES, MAX_LINES))))
    for _, lines in files:
        while lines and lines[-1] == "":
            lines.pop()
        m.stats["resources"] += count_resources(lines)
    return files


def module_sizes(rng, total):
    sizes = []
    remaining = total
    while remaining > 0:
        if remaining <= 10:
            size = remaining
        else:
            size = rng.randint(5, 10)
            if remaining - size < 5:
                size = remaining - 5
        sizes.append(size)
        remaining -= size
    return sizes


def generate(files, out, seed):
    rng = random.Random(seed)
    if os.path.exists(out):
        shutil.rmtree(out)
    totals = {"modules": 0, "files": 0, "lines": 0, "resources": 0, "primary": 0, "insecure": 0}
    for i, size in enumerate(module_sizes(rng, files)):
        team = rng.choice(TEAMS)
        service = rng.choice(SERVICES)
        env = rng.choice(ENVS)
        path = os.path.join(out, team, f"{service}-{env}-{i:05d}")
        m = Module(random.Random(rng.getrandbits(64)), path, team, service, env)
        os.makedirs(path)
        for fname, lines in module_files(m, size):
            with open(os.path.join(path, fname), "w", encoding="utf-8", newline="\n") as f:
                f.write("\n".join(lines) + "\n")
            totals["files"] += 1
            totals["lines"] += len(lines)
        totals["modules"] += 1
        for k in ("resources", "primary", "insecure"):
            totals[k] += m.stats[k]
    return totals


ANYONE = '"*"'
ACCOUNT_ROOT = '{AWS: !Sub "arn:aws:iam::${AWS::AccountId}:root"}'


def template(rng, i):
    """One CloudFormation template (YAML): parameters with defaults, a condition, short-form tags, and a
    mix of the resource types preflight models; about a third of the resources insecure."""
    team, service, env = rng.choice(TEAMS), rng.choice(SERVICES), rng.choice(ENVS)
    bad = lambda: rng.random() < 0.33
    out = [
        'AWSTemplateFormatVersion: "2010-09-09"',
        f"Description: {service} for {team} ({env})",
        "Parameters:",
        "  Env:",
        "    Type: String",
        f"    Default: {env}",
        "  AdminCidr:",
        "    Type: String",
        f"    Default: {'0.0.0.0/0' if bad() else '10.20.0.0/16'}",
        "Conditions:",
        "  IsProd: !Equals [!Ref Env, prod]",
        "Resources:",
    ]
    for n in range(rng.randint(3, 7)):
        kind = rng.choice(["s3", "rds", "sg", "role", "sns", "ebs"])
        name = f"{kind.capitalize()}{n}"
        if kind == "s3":
            purpose = rng.choice(BUCKET_PURPOSES)
            out += [f"  {name}:", "    Type: AWS::S3::Bucket", "    Properties:",
                    f"      BucketName: !Sub '{team}-${{Env}}-{purpose}-{i}-{n}'"]
            if bad():
                out += ["      AccessControl: PublicRead"]
            out += ["      PublicAccessBlockConfiguration:",
                    f"        BlockPublicAcls: {'false' if bad() else 'true'}",
                    "        BlockPublicPolicy: true", "        IgnorePublicAcls: true",
                    "        RestrictPublicBuckets: true",
                    f"  {name}Policy:", "    Type: AWS::S3::BucketPolicy", "    Properties:",
                    f"      Bucket: !Ref {name}", "      PolicyDocument:", "        Statement:",
                    "          - Effect: Allow",
                    "            Principal: " + (ANYONE if bad() else ACCOUNT_ROOT),
                    "            Action: s3:GetObject",
                    f"            Resource: !Sub '${{{name}.Arn}}/*'"]
        elif kind == "rds":
            engine, version = rng.choice(DB_ENGINES)
            out += [f"  {name}:", "    Type: AWS::RDS::DBInstance", "    Properties:",
                    f"      Engine: {engine}", f"      EngineVersion: '{version}'",
                    "      DBInstanceClass: db.t4g.medium", "      AllocatedStorage: '50'",
                    f"      StorageEncrypted: {'false' if bad() else 'true'}",
                    f"      PubliclyAccessible: {'!If [IsProd, false, true]' if bad() else 'false'}"]
        elif kind == "sg":
            port = rng.choice([22, 443, 3389, 5432])
            out += [f"  {name}:", "    Type: AWS::EC2::SecurityGroup", "    Properties:",
                    f"      GroupDescription: {service} {n}", "      SecurityGroupIngress:",
                    "        - IpProtocol: tcp", f"          FromPort: {port}", f"          ToPort: {port}",
                    "          CidrIp: !Ref AdminCidr"]
        elif kind == "role":
            actions = rng.choice(IAM_ACTION_SETS)
            out += [f"  {name}:", "    Type: AWS::IAM::Role", "    Properties:",
                    "      AssumeRolePolicyDocument:", "        Statement:", "          - Effect: Allow",
                    f"            Principal: {{Service: {rng.choice(SERVICE_PRINCIPALS)}}}",
                    "            Action: sts:AssumeRole", "      Policies:", "        - PolicyName: app",
                    "          PolicyDocument:", "            Statement:", "              - Effect: Allow",
                    "                Action: " + ('"*"' if bad() else str(actions)),
                    "                Resource: \"*\""]
        elif kind == "sns":
            out += [f"  {name}:", "    Type: AWS::SNS::Topic", "    Properties:",
                    f"      TopicName: !Sub '{service}-${{Env}}-{n}'"]
            if not bad():
                out += ["      KmsMasterKeyId: alias/aws/sns"]
        else:
            out += [f"  {name}:", "    Type: AWS::EC2::Volume", "    Properties:",
                    f"      AvailabilityZone: {rng.choice(REGIONS)}a", f"      Size: {rng.choice([20, 50, 100])}",
                    f"      Encrypted: {'false' if bad() else 'true'}"]
    return out


def generate_templates(count, out, seed):
    rng = random.Random(seed)
    path = os.path.join(out, "templates")
    os.makedirs(path, exist_ok=True)
    lines = 0
    for i in range(count):
        t = template(random.Random(rng.getrandbits(64)), i)
        with open(os.path.join(path, f"stack-{i:05d}.yaml"), "w", encoding="utf-8", newline="\n") as f:
            f.write("\n".join(t) + "\n")
        lines += len(t)
    return lines


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--files", type=int, default=0, help="number of .tf files to write")
    ap.add_argument("--templates", type=int, default=0, help="number of CloudFormation templates to write")
    ap.add_argument("--out", required=True, help="output directory (replaced if it exists)")
    ap.add_argument("--seed", type=int, default=42)
    args = ap.parse_args()
    if args.files < 1 and args.templates < 1:
        ap.error("give --files or --templates (at least 1)")
    if args.files < 1:
        if os.path.exists(args.out):
            shutil.rmtree(args.out)
        lines = generate_templates(args.templates, args.out, args.seed)
        print(f"{args.out}: {args.templates} templates, {lines} lines", file=sys.stderr)
        return
    t = generate(args.files, args.out, args.seed)
    if args.templates:
        generate_templates(args.templates, args.out, args.seed)
    pct = 100 * t["insecure"] / max(t["primary"], 1)
    print(
        f"{args.out}: {t['files']} files in {t['modules']} modules, {t['lines']} lines, "
        f"{t['resources']} resources ({t['insecure']} of {t['primary']} primary resources insecure, {pct:.0f}%)",
        file=sys.stderr,
    )


if __name__ == "__main__":
    main()
