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


# The read-only calls of `npm run preflight` (tools/preflight/). AWS answers them from what an
# account and its regions offer, which moto either does not model or models as one static table
# for every account. These answer from a per-account catalogue seeded through
# POST /moto-api/preflight/catalogue (add_preflight_catalogue), in the shapes of AWS's responses,
# so a test can seed an account that offers everything and accounts that each lack one thing.
# An account without a catalogue keeps moto's own behaviour (npm run emulate never seeds one).
PREFLIGHT_CATALOGUES = {}


def _preflight_region(account_id, region):
    """The seeded catalogue of one region of an account: None when the account has none."""
    catalogue = PREFLIGHT_CATALOGUES.get(account_id)
    if catalogue is None:
        return None
    return (catalogue.get("regions") or {}).get(region) or {}


def add_preflight_catalogue():
    """
    Test support, not a fix: POST /moto-api/preflight/catalogue with
    {"accountId": "<12 digits>", "catalogue": {"regions": {"<region>": {...}}}} seeds what that
    account's regions offer (see tools/preflight/fixtures/catalogue.ts for the shape) and answers
    with an access key of that account: moto maps a request to an account by its access key, so a
    client using the key sees that account's catalogue.
    """
    import json

    from moto.iam.models import iam_backends
    from moto.moto_api._internal import urls

    user_name = "preflight"

    def preflight_catalogue(request, full_url, headers):
        if request.method != "POST":
            return 405, {}, json.dumps({"Error": "POST a catalogue"})
        body = json.loads(request.get_data(as_text=True) or "{}")
        account_id = body["accountId"]
        PREFLIGHT_CATALOGUES[account_id] = body["catalogue"]
        iam = iam_backends[account_id]["aws"]
        if user_name not in iam.users:
            iam.create_user(region_name="us-east-1", user_name=user_name)
        # Seeding the same account again keeps its key (IAM allows a user two).
        keys = iam.list_access_keys(user_name) or [iam.create_access_key(user_name)]
        key = keys[0]
        return 200, {}, json.dumps({"accessKeyId": key.access_key_id, "secretAccessKey": key.secret_access_key})

    urls.url_paths["{0}/moto-api/preflight/catalogue"] = preflight_catalogue


def add_account_get_region_opt_status():
    """
    moto 5.2.5: the Account API has no GetRegionOptStatus (404). AWS answers ENABLED_BY_DEFAULT
    for regions launched before 2019, and ENABLED, ENABLING, DISABLING or DISABLED for opt-in
    ones. Here: the catalogue's optInStatus, DISABLED for a region the catalogue does not list,
    and ENABLED_BY_DEFAULT for every region of an account without a catalogue.
    """
    from moto.account import responses, urls
    from moto.core.responses import ActionResult

    def get_region_opt_status(self):
        region_name = self._get_param("RegionName")
        seeded = _preflight_region(self.current_account, region_name)
        if seeded is None:
            status = "ENABLED_BY_DEFAULT"
        else:
            status = seeded.get("optInStatus", "DISABLED")
        return ActionResult({"RegionName": region_name, "RegionOptStatus": status})

    responses.AccountResponse.get_region_opt_status = get_region_opt_status
    urls.url_paths["{0}/getRegionOptStatus$"] = urls.AccountResponse.dispatch


def answer_ec2_instance_type_offerings_from_catalogue():
    """
    moto 5.2.5: DescribeInstanceTypeOfferings answers from one static table per region, the same
    for every account, with no ap-east-2 (Taipei) at all. AWS's offerings differ by account (AZ
    names map to different zones) and region. With a catalogue, its instanceTypeOfferings
    ({"<az>": ["<type>", ...]}) are the offerings, filtered as moto filters its own.
    """
    from moto.ec2.models import instance_types

    original = instance_types.InstanceTypeOfferingBackend.describe_instance_type_offerings

    def describe_instance_type_offerings(self, location_type=None, filters=None):
        seeded = _preflight_region(self.account_id, self.region_name)
        if seeded is None:
            return original(self, location_type, filters)
        location_type = location_type or "region"
        offerings = []
        for zone, types in (seeded.get("instanceTypeOfferings") or {}).items():
            location = self.region_name if location_type == "region" else zone
            offerings += [{"InstanceType": t, "LocationType": location_type, "Location": location} for t in types]
        unique = list({(o["InstanceType"], o["Location"]): o for o in offerings}.values())
        return [o for o in unique if self.matches_filters(o, filters or {}, location_type)]

    instance_types.InstanceTypeOfferingBackend.describe_instance_type_offerings = describe_instance_type_offerings


def add_rds_engine_versions_and_orderable_options_from_catalogue():
    """
    moto 5.2.5: DescribeDBEngineVersions is not implemented, and DescribeOrderableDBInstanceOptions
    answers from one static file for every account and region, ignoring DBInstanceClass. With a
    catalogue, its dbEngineVersions and orderableDbInstanceOptions (AWS's shapes) answer both,
    filtered by Engine, EngineVersion and DBInstanceClass as AWS filters them; without one,
    DescribeDBEngineVersions lists nothing and the orderable options stay moto's.
    """
    from moto.core.responses import ActionResult
    from moto.rds import responses

    original = responses.RDSResponse.describe_orderable_db_instance_options

    def matching(items, params, keys):
        return [item for item in items if all(not params.get(k) or item.get(k) == params.get(k) for k in keys)]

    def describe_db_engine_versions(self):
        seeded = _preflight_region(self.current_account, self.region) or {}
        versions = matching(seeded.get("dbEngineVersions") or [], self.params, ["Engine", "EngineVersion"])
        return ActionResult({"DBEngineVersions": versions})

    def describe_orderable_db_instance_options(self):
        seeded = _preflight_region(self.current_account, self.region)
        if seeded is None:
            return original(self)
        options = matching(
            seeded.get("orderableDbInstanceOptions") or [], self.params, ["Engine", "EngineVersion", "DBInstanceClass"]
        )
        return ActionResult({"OrderableDBInstanceOptions": options})

    responses.RDSResponse.describe_db_engine_versions = describe_db_engine_versions
    responses.RDSResponse.describe_orderable_db_instance_options = describe_orderable_db_instance_options


def add_elasticache_engine_versions_and_reserved_offerings():
    """
    moto 5.2.5 implements neither DescribeCacheEngineVersions nor
    DescribeReservedCacheNodesOfferings. They answer from the catalogue's cacheEngineVersions and
    reservedCacheNodesOfferings (AWS's shapes), filtered by Engine and EngineVersion, and by
    CacheNodeType and ProductDescription, as AWS filters them; without one they list nothing.
    """
    from moto.core.responses import ActionResult
    from moto.elasticache import responses

    def matching(items, request, keys):
        wanted = {key: request._get_param(key) for key in keys}
        return [item for item in items if all(not value or item.get(key) == value for key, value in wanted.items())]

    def describe_cache_engine_versions(self):
        seeded = _preflight_region(self.current_account, self.region) or {}
        versions = matching(seeded.get("cacheEngineVersions") or [], self, ["Engine", "EngineVersion"])
        return ActionResult({"CacheEngineVersions": versions})

    def describe_reserved_cache_nodes_offerings(self):
        seeded = _preflight_region(self.current_account, self.region) or {}
        offerings = matching(
            seeded.get("reservedCacheNodesOfferings") or [], self, ["CacheNodeType", "ProductDescription"]
        )
        return ActionResult({"ReservedCacheNodesOfferings": offerings})

    responses.ElastiCacheResponse.describe_cache_engine_versions = describe_cache_engine_versions
    responses.ElastiCacheResponse.describe_reserved_cache_nodes_offerings = describe_reserved_cache_nodes_offerings


def add_dms_orderable_replication_instances():
    """
    moto 5.2.5 does not implement DescribeOrderableReplicationInstances. It answers from the
    catalogue's orderableReplicationInstances (AWS's shape); AWS takes no filter for this call,
    so neither does this; without a catalogue it lists nothing.
    """
    import json

    from moto.dms import responses

    def describe_orderable_replication_instances(self):
        seeded = _preflight_region(self.current_account, self.region) or {}
        return json.dumps({"OrderableReplicationInstances": seeded.get("orderableReplicationInstances") or []})

    responses.DatabaseMigrationServiceResponse.describe_orderable_replication_instances = (
        describe_orderable_replication_instances
    )


def add_eks_addon_versions_and_cluster_versions():
    """
    moto 5.2.5 implements neither DescribeAddonVersions (GET /addons/supported-versions) nor
    DescribeClusterVersions (GET /cluster-versions); both answer 404. They answer from the
    catalogue's addons and clusterVersions (AWS's shapes): add-ons filtered by addonName, and
    their versions by a compatibility with kubernetesVersion, as AWS filters them; cluster
    versions by clusterVersions. Without a catalogue both list nothing.
    """
    from moto.core.responses import ActionResult
    from moto.eks import responses, urls

    def describe_addon_versions(self):
        seeded = _preflight_region(self.current_account, self.region) or {}
        name, kubernetes = self._get_param("addonName"), self._get_param("kubernetesVersion")
        addons = []
        for addon in seeded.get("addons") or []:
            if name and addon.get("addonName") != name:
                continue
            versions = [
                version
                for version in addon.get("addonVersions") or []
                if not kubernetes
                or any(c.get("clusterVersion") == kubernetes for c in version.get("compatibilities") or [])
            ]
            if versions:
                addons.append({**addon, "addonVersions": versions})
        return ActionResult({"addons": addons})

    def describe_cluster_versions(self):
        seeded = _preflight_region(self.current_account, self.region) or {}
        wanted = self._get_param("clusterVersions") or []
        versions = [v for v in seeded.get("clusterVersions") or [] if not wanted or v.get("clusterVersion") in wanted]
        return ActionResult({"clusterVersions": versions})

    responses.EKSResponse.describe_addon_versions = describe_addon_versions
    responses.EKSResponse.describe_cluster_versions = describe_cluster_versions
    urls.url_paths.update(
        {
            "{0}/addons/supported-versions$": urls.response.dispatch,
            "{0}/cluster-versions$": urls.response.dispatch,
        }
    )


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


def fix_backup_list_tags_path():
    """
    moto 5.2.5: Backup ListTags takes the resource ARN from the second-to-last path segment, which
    holds only when the request path ends with '/'. The SDK sends `GET /tags/<arn>` without it, so
    moto looks up the tags of "tags" and answers none, and every aws_backup_vault and
    aws_backup_plan drifts on tags_all. AWS returns the resource's tags.
    """
    import json
    from urllib.parse import unquote

    from moto.backup import responses

    def list_tags(self):
        resource_arn = unquote(self.path.split("/tags/", 1)[1].split("?", 1)[0].rstrip("/"))
        return json.dumps({"Tags": self.backup_backend.list_tags(resource_arn=resource_arn)})

    responses.BackupResponse.list_tags = list_tags


def add_backup_list_recovery_points_by_vault():
    """
    moto 5.2.5 does not implement Backup ListRecoveryPointsByBackupVault, which the provider calls
    to delete a vault with force_destroy (staging, development), so destroy fails on a 404. moto
    creates no recovery points (it runs no backup jobs), so the true answer is an empty list.
    """
    import json

    from moto.backup import responses, urls

    def list_recovery_points_by_backup_vault(self):
        return json.dumps({"RecoveryPoints": []})

    responses.BackupResponse.list_recovery_points_by_backup_vault = list_recovery_points_by_backup_vault
    urls.url_paths["{0}/backup-vaults/(?P<name>[^/]+)/recovery-points/$"] = urls.response.dispatch


FIXES = [
    add_backup_list_recovery_points_by_vault,
    fix_backup_list_tags_path,
    fix_launch_template_own_tags_in_template_data,
    fix_eks_cluster_settings_not_echoed,
    fix_eks_nodegroup_remote_access_and_update_config,
    add_eks_addons_and_pod_identity_associations,
    fix_create_bucket_tags,
    fix_s3control_tags_of_encoded_arns,
    fix_route53_query_logging_arn,
    fix_security_group_rule_description,
    fix_replace_network_acl_association_retry,
    # Read-only calls of npm run preflight, answered from a seeded per-account catalogue.
    add_preflight_catalogue,
    add_account_get_region_opt_status,
    answer_ec2_instance_type_offerings_from_catalogue,
    add_rds_engine_versions_and_orderable_options_from_catalogue,
    add_elasticache_engine_versions_and_reserved_offerings,
    add_dms_orderable_replication_instances,
    add_eks_addon_versions_and_cluster_versions,
    fix_route53_zone_id_prefix,
]


def apply():
    import moto

    if moto.__version__ != MOTO_VERSION:
        raise SystemExit(f"moto_patches.py was written for moto {MOTO_VERSION}, found {moto.__version__}")
    for fix in FIXES:
        fix()
    return [fix.__name__ for fix in FIXES]
