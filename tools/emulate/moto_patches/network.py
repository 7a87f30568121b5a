"""EC2 networking and Route 53. See __init__.py for what a fix here must say."""


def fix_security_group_rule_description():
    """
    moto 5.2.5: DescribeSecurityGroupRules omits Description for a rule that references another
    security group or a prefix list (it reads the description from the CIDR range only, and
    drops the prefix list entry's), so every such aws_vpc_security_group_ingress_rule drifts on
    each plan. AWS returns the description.
    """
    from moto.ec2.models import security_groups

    original_init = security_groups.SecurityGroupRule.__init__

    def __init__(self, *args, **kwargs):
        original_init(self, *args, **kwargs)
        entry = kwargs.get("prefix_list_id") if "prefix_list_id" in kwargs else (args[7] if len(args) > 7 else None)
        self.prefix_list_description = (entry or {}).get("Description")

    def description(self):
        return (
            self.ip_range.get("Description")
            or (self.source_group or {}).get("Description")
            or getattr(self, "prefix_list_description", None)
        )

    security_groups.SecurityGroupRule.__init__ = __init__
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


def fix_launch_template_own_tags_in_template_data():
    """
    moto 5.2.5: CreateLaunchTemplate copies the request's TagSpecifications (the tags of the
    launch template itself, resource type "launch-template") into the template's data, so they
    come back as a tag_specifications block of the first version; the provider then creates a
    new version on every plan, and everything that follows latest_version drifts with it. AWS
    keeps the template's own tags off its data.
    """
    from moto.ec2.responses import launch_templates

    original = launch_templates.LaunchTemplates.create_launch_template

    def create_launch_template(self):
        # Read before the original runs: it extends this very list in place.
        requested = (self._get_param("LaunchTemplateData", {}) or {}).get("TagSpecifications") or []
        asked_for_own = any(spec.get("ResourceType") == "launch-template" for spec in requested)
        result = original(self)
        template = self.ec2_backend.get_launch_template_by_name(self._get_param("LaunchTemplateName"))
        for version in template.versions:
            specifications = version.data.get("TagSpecifications") or []
            own = [spec for spec in specifications if spec.get("ResourceType") == "launch-template"]
            if own and not asked_for_own:
                version.data["TagSpecifications"] = [spec for spec in specifications if spec not in own]
                if not version.data["TagSpecifications"]:
                    del version.data["TagSpecifications"]
        return result

    launch_templates.LaunchTemplates.create_launch_template = create_launch_template


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


def fix_route53_zone_id_prefix():
    """
    moto 5.2.5: new hosted zone ids are 22 random letters and digits (PULQJHI90EVJJOEESDSBNS);
    AWS's always begin with Z (Z0123456789ABCDEFGHIJ), and this project's config refuses an
    adopted zone id without it, so the preflight's fixtures could not adopt an emulated zone.
    Here the first character becomes Z; ids that already begin with Z are left alone.
    """
    from moto.route53 import models

    original = models.create_route53_zone_id

    def create_route53_zone_id(*args, **kwargs):
        zone_id = original(*args, **kwargs)
        return zone_id if zone_id.startswith("Z") else "Z" + zone_id[1:]

    models.create_route53_zone_id = create_route53_zone_id


def add_route53_health_checker_prefix_lists():
    """
    moto 5.2.5: the AWS-managed prefix lists it creates per region omit Route 53's health
    checkers (`com.amazonaws.<region>.route53-healthchecks` and its `ipv6.` twin), so
    data "aws_ec2_managed_prefix_list" finds no list by that name and the plan fails. AWS offers
    both in every region (Amazon VPC user guide, "AWS-managed prefix lists"). The ranges here
    are a few of ip-ranges.json's ROUTE53_HEALTHCHECKS entries; the emulator never routes them.
    """
    from moto.ec2.models import managed_prefixes

    original = managed_prefixes.ManagedPrefixListBackend.create_default_pls
    ranges = {
        "IPv4": ["54.248.220.0/26", "54.250.253.192/26", "54.251.31.128/26", "54.255.254.192/26"],
        "IPv6": ["2406:da14:7ff:f800::/53", "2406:da18:7ff:f800::/53"],
    }

    def create_default_pls(self):
        original(self)
        for infix, family in (("", "IPv4"), ("ipv6.", "IPv6")):
            self._create_aws_managed_prefix_list(
                name=f"com.amazonaws.{self.region_name}.{infix}route53-healthchecks",
                address_family=family,
                entries=[{"Cidr": cidr, "Description": "default"} for cidr in ranges[family]],
            )

    managed_prefixes.ManagedPrefixListBackend.create_default_pls = create_default_pls
