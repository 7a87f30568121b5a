#!/usr/bin/env bash
# Creates the S3 bucket that holds every stack's Terraform state. Run once per account, with
# credentials of an administrator, before the first `cdktf deploy`:
#
#   scripts/bootstrap-state-bucket.sh <bucket> <region>
#   DRY_RUN=1 scripts/bootstrap-state-bucket.sh <bucket> <region>   # print the commands only
#
# The bucket is versioned (state history survives a bad apply), encrypted with its own KMS key,
# closed to the public, owner-enforced (no ACLs) and refuses plain-HTTP requests. Choose a
# region outside the serving regions (ap-east-2, ap-northeast-1) so either can be planned while
# the other is down. Safe to re-run: every step is idempotent.
set -euo pipefail

if [ $# -ne 2 ]; then
  echo "usage: $0 <bucket> <region>" >&2
  exit 2
fi
bucket=$1
region=$2
alias_name="alias/${bucket}"

run() {
  if [ "${DRY_RUN:-0}" = 1 ]; then
    printf '%q ' "$@"
    printf '\n'
  else
    "$@"
  fi
}

dry_run=${DRY_RUN:-0}

# A dedicated, rotating KMS key, found again by its alias on re-runs.
if [ "$dry_run" = 1 ]; then
  key_arn="<arn of the new key>"
  run aws kms create-key --region "$region" --description "Terraform state in s3://${bucket}"
  run aws kms enable-key-rotation --region "$region" --key-id "$key_arn"
  run aws kms create-alias --region "$region" --alias-name "$alias_name" --target-key-id "$key_arn"
elif ! key_arn=$(aws kms describe-key --region "$region" --key-id "$alias_name" \
  --query KeyMetadata.Arn --output text 2>/dev/null); then
  key_arn=$(aws kms create-key --region "$region" --description "Terraform state in s3://${bucket}" \
    --query KeyMetadata.Arn --output text)
  aws kms enable-key-rotation --region "$region" --key-id "$key_arn"
  aws kms create-alias --region "$region" --alias-name "$alias_name" --target-key-id "$key_arn"
fi

if [ "$dry_run" = 1 ] || ! aws s3api head-bucket --bucket "$bucket" 2>/dev/null; then
  if [ "$region" = us-east-1 ]; then
    run aws s3api create-bucket --bucket "$bucket" --region "$region"
  else
    run aws s3api create-bucket --bucket "$bucket" --region "$region" \
      --create-bucket-configuration "LocationConstraint=${region}"
  fi
fi
run aws s3api put-bucket-ownership-controls --bucket "$bucket" \
  --ownership-controls 'Rules=[{ObjectOwnership=BucketOwnerEnforced}]'
run aws s3api put-public-access-block --bucket "$bucket" \
  --public-access-block-configuration \
  BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true
run aws s3api put-bucket-versioning --bucket "$bucket" --versioning-configuration Status=Enabled
run aws s3api put-bucket-encryption --bucket "$bucket" --server-side-encryption-configuration \
  "{\"Rules\":[{\"ApplyServerSideEncryptionByDefault\":{\"SSEAlgorithm\":\"aws:kms\",\"KMSMasterKeyID\":\"${key_arn}\"},\"BucketKeyEnabled\":true}]}"
run aws s3api put-bucket-policy --bucket "$bucket" --policy "$(cat <<JSON
{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Sid": "DenyInsecureTransport",
      "Effect": "Deny",
      "Principal": "*",
      "Action": "s3:*",
      "Resource": ["arn:aws:s3:::${bucket}", "arn:aws:s3:::${bucket}/*"],
      "Condition": { "Bool": { "aws:SecureTransport": "false" } }
    }
  ]
}
JSON
)"
echo "State bucket s3://${bucket} (${region}) is ready; KMS key ${key_arn}." >&2
echo "Set state.bucket/state.region (and state.kmsKeyId=${alias_name} if you want state objects under that key) in environments/*." >&2
