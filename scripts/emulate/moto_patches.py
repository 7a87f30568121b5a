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


def fix_eks_cluster_settings_not_echoed():
    """
    moto 5.2.5: CreateCluster drops accessConfig, upgradePolicy, deletionProtection and
    bootstrapSelfManagedAddons, and DescribeCluster returns none of them; the provider then plans
    to replace the cluster (bootstrap_cluster_creator_admin_permissions forces it) on every run.
    AWS echoes them (bootstrapClusterCreatorAdminPermissions only at creation, as here).
    """
    from moto.eks import responses

    original = responses.EKSResponse.create_cluster
    echoed = ["accessConfig", "upgradePolicy", "deletionProtection", "bootstrapSelfManagedAddons"]

    def create_cluster(self):
        result = original(self)
        cluster = self.eks_backend.describe_cluster(name=self._get_param("name"))
        for key in echoed:
            value = self._get_param(key)
            if value is not None:
                setattr(cluster, key, value)
        return result

    responses.EKSResponse.create_cluster = create_cluster


def fix_eks_nodegroup_remote_access_and_update_config():
    """
    moto 5.2.5: CreateNodegroup invents a remoteAccess block (key pair "eksKeypair") when none is
    asked for, and drops updateConfig; both make the provider replace the node group on every
    plan. AWS returns no remoteAccess for a group launched from a template, and the updateConfig
    it was given.
    """
    from moto.eks import responses

    original = responses.EKSResponse.create_nodegroup

    def create_nodegroup(self):
        result = original(self)
        nodegroup = self.eks_backend.describe_nodegroup(
            cluster_name=self._get_param("name"), nodegroup_name=self._get_param("nodegroupName")
        )
        if self._get_param("remoteAccess") is None:
            nodegroup.remote_access = None
        if self._get_param("updateConfig") is not None:
            nodegroup.update_config = self._get_param("updateConfig")
        return result

    responses.EKSResponse.create_nodegroup = create_nodegroup


def add_eks_addons_and_pod_identity_associations():
    """
    moto 5.2.5 implements neither EKS add-ons (CreateAddon, DescribeAddon, DeleteAddon,
    UpdateAddon) nor Pod Identity associations (Create/Describe/Delete/Update
    PodIdentityAssociation): they answer 404. Plain create, read, update and delete, kept per
    cluster; resources are ACTIVE at once, as moto's clusters are.
    """
    import uuid

    from moto.core.responses import ActionResult
    from moto.core.utils import utcnow
    from moto.eks import responses, urls
    from moto.eks.exceptions import ResourceNotFoundException

    addons, associations = {}, {}

    def cluster_arn(self, cluster):
        return self.eks_backend.describe_cluster(name=cluster).arn

    def new_association(self, cluster, namespace, service_account, role_arn, tags=None):
        association_id = "a-" + uuid.uuid4().hex[:17]
        association = {
            "clusterName": cluster,
            "namespace": namespace,
            "serviceAccount": service_account,
            "roleArn": role_arn,
            "associationArn": cluster_arn(self, cluster).replace(":cluster/", ":podidentityassociation/")
            + f"/{association_id}",
            "associationId": association_id,
            "tags": tags or {},
            "createdAt": utcnow(),
            "modifiedAt": utcnow(),
            "disableSessionTags": False,
        }
        associations[(self.region, cluster, association_id)] = association
        return association

    def create_addon(self):
        cluster, name = self._get_param("name"), self._get_param("addonName")
        arn = cluster_arn(self, cluster).replace(":cluster/", ":addon/") + f"/{name}/{uuid.uuid4()}"
        # An add-on's associations are ordinary Pod Identity associations, owned by the add-on;
        # managed add-ons run in kube-system.
        owned = [
            new_association(self, cluster, "kube-system", item["serviceAccount"], item["roleArn"])
            for item in (self._get_param("podIdentityAssociations") or [])
        ]
        addon = {
            "addonName": name,
            "clusterName": cluster,
            "status": "ACTIVE",
            "addonVersion": self._get_param("addonVersion"),
            "addonArn": arn,
            "createdAt": utcnow(),
            "modifiedAt": utcnow(),
            "serviceAccountRoleArn": self._get_param("serviceAccountRoleArn"),
            "tags": self._get_param("tags") or {},
            "configurationValues": self._get_param("configurationValues"),
            "podIdentityAssociations": [association["associationArn"] for association in owned],
        }
        addons[(self.region, cluster, name)] = addon
        return ActionResult({"addon": addon})

    def found_addon(self):
        key = (self.region, self._get_param("name"), self._get_param("addonName"))
        if key not in addons:
            raise ResourceNotFoundException(addonName=key[2], clusterName=key[1], message="No addon found")
        return key

    def describe_addon(self):
        return ActionResult({"addon": addons[found_addon(self)]})

    def update_addon(self):
        addon = addons[found_addon(self)]
        for key in ("addonVersion", "serviceAccountRoleArn", "configurationValues"):
            if self._get_param(key) is not None:
                addon[key] = self._get_param(key)
        addon["modifiedAt"] = utcnow()
        return ActionResult({"update": {"id": str(uuid.uuid4()), "status": "Successful", "type": "AddonUpdate"}})

    def delete_addon(self):
        addon = addons.pop(found_addon(self))
        for arn in addon["podIdentityAssociations"]:
            key = (self.region, addon["clusterName"], arn.rsplit("/", 1)[1])
            associations.pop(key, None)
        return ActionResult({"addon": addon})

    def create_pod_identity_association(self):
        association = new_association(
            self,
            self._get_param("name"),
            self._get_param("namespace"),
            self._get_param("serviceAccount"),
            self._get_param("roleArn"),
            self._get_param("tags"),
        )
        return ActionResult({"association": association})

    def found_association(self):
        key = (self.region, self._get_param("name"), self._get_param("associationId"))
        if key not in associations:
            raise ResourceNotFoundException(associationId=key[2], message="No association found")
        return key

    def describe_pod_identity_association(self):
        return ActionResult({"association": associations[found_association(self)]})

    def update_pod_identity_association(self):
        association = associations[found_association(self)]
        if self._get_param("roleArn") is not None:
            association["roleArn"] = self._get_param("roleArn")
        association["modifiedAt"] = utcnow()
        return ActionResult({"association": association})

    def delete_pod_identity_association(self):
        return ActionResult({"association": associations.pop(found_association(self))})

    for handler in (
        create_addon,
        describe_addon,
        update_addon,
        delete_addon,
        create_pod_identity_association,
        describe_pod_identity_association,
        update_pod_identity_association,
        delete_pod_identity_association,
    ):
        setattr(responses.EKSResponse, handler.__name__, handler)

    dispatch = urls.response.dispatch
    urls.url_paths.update(
        {
            "{0}/clusters/(?P<name>[^/]+)/addons$": dispatch,
            "{0}/clusters/(?P<name>[^/]+)/addons/(?P<addonName>[^/]+)$": dispatch,
            "{0}/clusters/(?P<name>[^/]+)/addons/(?P<addonName>[^/]+)/update$": dispatch,
            "{0}/clusters/(?P<name>[^/]+)/pod-identity-associations$": dispatch,
            "{0}/clusters/(?P<name>[^/]+)/pod-identity-associations/(?P<associationId>[^/]+)$": dispatch,
        }
    )


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


FIXES = [
    fix_launch_template_own_tags_in_template_data,
    fix_eks_cluster_settings_not_echoed,
    fix_eks_nodegroup_remote_access_and_update_config,
    add_eks_addons_and_pod_identity_associations,
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
