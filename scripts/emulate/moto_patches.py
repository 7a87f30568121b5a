"""
Fixes to moto's server for `npm run emulate`, applied when the server starts (see server.py).

Each fix names the moto version it was written against, the symptom with the real
hashicorp/aws provider, and what AWS does; each is small enough to send upstream as is.
Nothing here changes what the product synthesizes: only the emulator is corrected.
"""

import re

MOTO_VERSION = "5.2.5"


def fix_route53_query_logging_arn():
    """
    moto 5.2.5: Route 53 CreateQueryLoggingConfig accepts a CloudWatch log group ARN only with a
    trailing ':*'. The provider sends the ARN as AWS documents it, without the suffix, and moto
    answers NoSuchCloudWatchLogsLogGroup. AWS accepts both forms.
    """
    from moto.route53 import models

    original = models.Route53Backend.create_query_logging_config

    def create_query_logging_config(self, hosted_zone_id, log_group_arn):
        if log_group_arn and not log_group_arn.endswith(":*"):
            config = original(self, hosted_zone_id, f"{log_group_arn}:*")
            config.cloud_watch_logs_log_group_arn = log_group_arn
            return config
        return original(self, hosted_zone_id, log_group_arn)

    models.Route53Backend.create_query_logging_config = create_query_logging_config


def fix_security_group_rule_description():
    """
    moto 5.2.5: DescribeSecurityGroupRules omits Description for a rule that references another
    security group (it reads the description from the CIDR range only), so every such
    aws_vpc_security_group_ingress_rule drifts on each plan. AWS returns the description.
    """
    from moto.ec2.models import security_groups

    def description(self):
        return self.ip_range.get("Description") or (self.source_group or {}).get("Description")

    security_groups.SecurityGroupRule.description = property(description)


def fix_replace_network_acl_association_retry():
    """
    moto 5.2.5: when the SDK does not see moto's answer to ReplaceNetworkAclAssociation and sends
    it again, the association id is already gone, moto fails with a 500 and the SDK retries for
    about ten minutes. AWS answers a repeated call for the same subnet and ACL idempotently; here
    the repeat returns the association the first call made.
    """
    from moto.ec2.models import network_acls

    original = network_acls.NetworkAclBackend.replace_network_acl_association
    replaced = {}

    def replace_network_acl_association(self, association_id, network_acl_id):
        if association_id in replaced:
            previous = replaced[association_id]
            if previous.network_acl_id == network_acl_id:
                return previous
        association = original(self, association_id, network_acl_id)
        replaced[association_id] = association
        return association

    network_acls.NetworkAclBackend.replace_network_acl_association = replace_network_acl_association


def fix_s3control_tags_of_encoded_arns():
    """
    moto 5.2.5: the provider reads and writes bucket tags through S3 Control
    (ListTagsForResource on /v20180820/tags/<url-encoded bucket ARN>). moto looks the ARN up
    still URL-encoded, finds no tags, and every bucket drifts on re-plan (and everything that
    reads the bucket's attributes with it). AWS decodes the path parameter.
    """
    from urllib.parse import unquote

    from moto.s3control import models

    for name in ("list_tags_for_resource", "tag_resource", "untag_resource"):
        original = getattr(models.S3ControlBackend, name)

        def decoded(self, resource_arn, *args, _original=original, **kwargs):
            return _original(self, unquote(resource_arn), *args, **kwargs)

        setattr(models.S3ControlBackend, name, decoded)


def fix_create_bucket_tags():
    """
    moto 5.2.5: CreateBucket ignores the Tags of CreateBucketConfiguration, which the provider now
    sends instead of a later PutBucketTagging; the bucket has no tags, and every plan wants to add
    them (and re-reads everything derived from the bucket). AWS tags the bucket at creation.
    """
    import xmltodict
    from moto.s3 import responses

    original = responses.S3Response._bucket_response_put

    def bucket_response_put(self, request, bucket_name, querystring):
        result = original(self, request, bucket_name, querystring)
        if not querystring and self.body:
            configuration = xmltodict.parse(self.body).get("CreateBucketConfiguration") or {}
            tags = (configuration.get("Tags") or {}).get("Tag") or []
            tags = tags if isinstance(tags, list) else [tags]
            if tags:
                self.backend.put_bucket_tagging(bucket_name, {tag["Key"]: tag["Value"] for tag in tags})
        return result

    responses.S3Response._bucket_response_put = bucket_response_put


FIXES = [
    fix_create_bucket_tags,
    fix_s3control_tags_of_encoded_arns,
    fix_route53_query_logging_arn,
    fix_security_group_rule_description,
    fix_replace_network_acl_association_retry,
]


def apply():
    import moto

    if moto.__version__ != MOTO_VERSION:
        raise SystemExit(f"moto_patches.py was written for moto {MOTO_VERSION}, found {moto.__version__}")
    for fix in FIXES:
        fix()
    return [fix.__name__ for fix in FIXES]
