"""The data tier: Aurora, ElastiCache, DMS and AWS Backup. See __init__.py for what a fix here must say."""

import re


def fix_rds_provisioned_cluster_scaling_configuration():
    """
    moto 5.2.5 returns a ScalingConfigurationInfo (all members empty) for every DB cluster, also
    provisioned ones; the provider then reads a scaling_configuration block the config never set
    and plans to change aws_rds_cluster on every re-plan. AWS returns ScalingConfigurationInfo only
    for clusters with a scaling configuration (Aurora Serverless v1).
    """
    from moto.rds import models

    original = models.DBCluster.scaling_configuration_info

    def scaling_configuration_info(self):
        if not self.scaling_configuration:
            return None
        return original.fget(self)

    models.DBCluster.scaling_configuration_info = property(scaling_configuration_info)


def fix_rds_instance_performance_insights():
    """
    moto 5.2.5 ignores EnablePerformanceInsights, PerformanceInsightsKMSKeyId and
    PerformanceInsightsRetentionPeriod on CreateDBInstance and ModifyDBInstance and returns
    PerformanceInsightsEnabled false, so every aws_rds_cluster_instance with Performance Insights
    plans a change on every re-plan. AWS stores and returns them (retention 7 days by default).
    """
    from moto.rds import models

    settings = {
        "enable_performance_insights": "performance_insights_enabled",
        "performance_insights_kms_key_id": "performance_insights_kms_key_id",
        "performance_insights_retention_period": "performance_insights_retention_period",
    }
    original_init = models.DBInstance.__init__
    original_update = models.DBInstance.update

    def remember(instance, kwargs):
        for given, stored in settings.items():
            if kwargs.get(given) is not None:
                setattr(instance, stored, kwargs[given])
        if getattr(instance, "performance_insights_enabled", False) and not getattr(
            instance, "performance_insights_retention_period", None
        ):
            instance.performance_insights_retention_period = 7

    def __init__(self, *args, **kwargs):
        original_init(self, *args, **kwargs)
        self.performance_insights_enabled = False
        remember(self, kwargs)

    def update(self, *args, **kwargs):
        original_update(self, *args, **kwargs)
        remember(self, kwargs)

    models.DBInstance.__init__ = __init__
    models.DBInstance.update = update


def add_elasticache_parameter_and_user_groups_and_subnet_group_delete():
    """
    moto 5.2.5 implements neither ElastiCache parameter groups (Create/Describe/Modify/Reset/
    DeleteCacheParameterGroup, DescribeCacheParameters) nor user groups (Create/Describe/Modify/
    DeleteUserGroup) nor DeleteCacheSubnetGroup: they fail with a 500, so
    aws_elasticache_parameter_group and aws_elasticache_user_group cannot be created, and no
    aws_elasticache_subnet_group can be destroyed. Plain create, read, update and delete; a user
    group is "active" at once; parameters the caller set are returned with source "user", as
    AWS does. Their tags are kept under their ARNs, which moto's ARN check refused.
    """
    from moto.core.responses import ActionResult, EmptyResult
    from moto.elasticache import models, responses
    from moto.elasticache.exceptions import CacheSubnetGroupNotFound, ElastiCacheException
    from moto.utilities.utils import get_partition

    parameter_groups, user_groups = {}, {}

    # moto finds an error's shape through the module its class lives in.
    class CacheParameterGroupNotFound(ElastiCacheException):
        __module__ = "moto.elasticache.exceptions"
        code = "CacheParameterGroupNotFound"

    class UserGroupNotFound(ElastiCacheException):
        __module__ = "moto.elasticache.exceptions"
        code = "UserGroupNotFound"

    def arn(self, kind, name):
        return f"arn:{get_partition(self.region)}:elasticache:{self.region}:{self.current_account}:{kind}:{name}"

    def tag(self, resource_arn):
        tags = self._get_param("Tags", [])
        if tags:
            self.elasticache_backend.tagging_service.tag_resource(resource_arn, tags)

    def found_parameter_group(self):
        name = self._get_param("CacheParameterGroupName")
        if (self.current_account, self.region, name) not in parameter_groups:
            raise CacheParameterGroupNotFound(f"CacheParameterGroup {name} not found.")
        return parameter_groups[(self.current_account, self.region, name)]

    def create_cache_parameter_group(self):
        name = self._get_param("CacheParameterGroupName")
        group = {
            "CacheParameterGroupName": name,
            "CacheParameterGroupFamily": self._get_param("CacheParameterGroupFamily"),
            "Description": self._get_param("Description"),
            "IsGlobal": False,
            "ARN": arn(self, "parametergroup", name),
            "parameters": {},
        }
        parameter_groups[(self.current_account, self.region, name)] = group
        tag(self, group["ARN"])
        return ActionResult({"CacheParameterGroup": described(group)})

    def described(group):
        return {key: value for key, value in group.items() if key != "parameters"}

    def describe_cache_parameter_groups(self):
        if self._get_param("CacheParameterGroupName"):
            groups = [found_parameter_group(self)]
        else:
            groups = [g for (a, r, _), g in parameter_groups.items() if (a, r) == (self.current_account, self.region)]
        return ActionResult({"CacheParameterGroups": [described(group) for group in groups]})

    def modify_cache_parameter_group(self):
        group = found_parameter_group(self)
        for item in self._get_param("ParameterNameValues", []):
            group["parameters"][item["ParameterName"]] = item["ParameterValue"]
        return ActionResult({"CacheParameterGroupName": group["CacheParameterGroupName"]})

    def reset_cache_parameter_group(self):
        group = found_parameter_group(self)
        if self._get_bool_param("ResetAllParameters"):
            group["parameters"].clear()
        for item in self._get_param("ParameterNameValues", []):
            group["parameters"].pop(item["ParameterName"], None)
        return ActionResult({"CacheParameterGroupName": group["CacheParameterGroupName"]})

    def describe_cache_parameters(self):
        group = found_parameter_group(self)
        parameters = [
            {"ParameterName": name, "ParameterValue": value, "Source": "user", "IsModifiable": True}
            for name, value in group["parameters"].items()
        ]
        return ActionResult({"Parameters": parameters, "CacheNodeTypeSpecificParameters": []})

    def delete_cache_parameter_group(self):
        group = found_parameter_group(self)
        parameter_groups.pop((self.current_account, self.region, group["CacheParameterGroupName"]))
        return EmptyResult()

    def found_user_group(self):
        group_id = self._get_param("UserGroupId")
        if (self.current_account, self.region, group_id) not in user_groups:
            raise UserGroupNotFound(f"User group {group_id} not found.")
        return user_groups[(self.current_account, self.region, group_id)]

    def create_user_group(self):
        group_id = self._get_param("UserGroupId")
        group = {
            "UserGroupId": group_id,
            "Status": "active",
            "Engine": self._get_param("Engine"),
            "UserIds": self._get_param("UserIds", []),
            "MinimumEngineVersion": "6.0",
            "PendingChanges": {},
            "ReplicationGroups": [],
            "ServerlessCaches": [],
            "ARN": arn(self, "usergroup", group_id),
        }
        user_groups[(self.current_account, self.region, group_id)] = group
        tag(self, group["ARN"])
        return ActionResult(group)

    def describe_user_groups(self):
        if self._get_param("UserGroupId"):
            groups = [found_user_group(self)]
        else:
            groups = [g for (a, r, _), g in user_groups.items() if (a, r) == (self.current_account, self.region)]
        return ActionResult({"UserGroups": groups})

    def modify_user_group(self):
        group = found_user_group(self)
        removed = set(self._get_param("UserIdsToRemove", []))
        group["UserIds"] = [u for u in group["UserIds"] if u not in removed] + [
            u for u in self._get_param("UserIdsToAdd", []) if u not in group["UserIds"]
        ]
        if self._get_param("Engine"):
            group["Engine"] = self._get_param("Engine")
        return ActionResult(group)

    def delete_user_group(self):
        group = found_user_group(self)
        user_groups.pop((self.current_account, self.region, group["UserGroupId"]))
        return ActionResult({**group, "Status": "deleting"})

    # Tags of both kinds live under their ARNs, which moto's ARN check must then accept.
    original_init = models.ElastiCacheBackend.__init__

    def __init__(self, region_name, account_id):
        original_init(self, region_name, account_id)
        self.arn_regex = re.compile(
            r"^arn:aws:elasticache:.*:[0-9]*:(cluster|snapshot|subnetgroup|replicationgroup|user|parametergroup|usergroup):.*$"
        )

    models.ElastiCacheBackend.__init__ = __init__

    def delete_cache_subnet_group(self):
        name = self._get_param("CacheSubnetGroupName")
        if self.elasticache_backend.cache_subnet_groups.pop(name, None) is None:
            raise CacheSubnetGroupNotFound(name)
        return EmptyResult()

    for handler in (
        delete_cache_subnet_group,
        create_cache_parameter_group,
        describe_cache_parameter_groups,
        modify_cache_parameter_group,
        reset_cache_parameter_group,
        describe_cache_parameters,
        delete_cache_parameter_group,
        create_user_group,
        describe_user_groups,
        modify_user_group,
        delete_user_group,
    ):
        setattr(responses.ElastiCacheResponse, handler.__name__, handler)


def fix_elasticache_replication_group_members_and_delete():
    """
    moto 5.2.5 names a replication group's member clusters (<id>-001, ...) but registers no such
    cache clusters, so the provider's read after CreateReplicationGroup fails ("Cache cluster
    <id>-001 not found"); it counts members from ReplicasPerNodeGroup only, ignoring
    NumCacheClusters, and returns no reader endpoint; and DeleteReplicationGroup leaves the group "deleting" for ever, so the
    provider's delete waits until it times out. AWS creates the member clusters with the group
    (engine valkey included) and removes group and members once deleted; here both happen at once.
    """
    from moto.elasticache import models

    original_create = models.ElastiCacheBackend.create_replication_group
    original_delete = models.ElastiCacheBackend.delete_replication_group

    def create_replication_group(self, *args, **kwargs):
        group = original_create(self, *args, **kwargs)
        zones = kwargs.get("preferred_cache_cluster_azs") or []
        for index, member in enumerate(group.member_clusters):
            cluster = models.CacheCluster(
                account_id=self.account_id,
                region_name=self.region_name,
                cache_cluster_id=member,
                cache_node_type=group.cache_node_type,
                replication_group_id=group.replication_group_id,
                az_mode="single-az",
                preferred_availability_zone=zones[index] if index < len(zones) else None,
                num_cache_nodes=1,
                engine=group.engine,
                engine_version=group.engine_version,
                cache_parameter_group_name=group.cache_parameter_group_name,
                cache_subnet_group_name=group.cache_subnet_group_name,
                transit_encryption_enabled=group.transit_encryption_enabled,
                network_type=group.network_type,
                ip_discovery=group.ip_discovery,
                snapshot_name=None,
                preferred_maintenance_window=group.preferred_maintenance_window,
                port=kwargs.get("port"),
                notification_topic_arn=group.notification_topic_arn,
                auto_minor_version_upgrade=group.auto_minor_version_upgrade,
                snapshot_retention_limit=group.snapshot_retention_limit,
                snapshot_window=group.snapshot_window,
                auth_token=None,
                outpost_mode=None,
                preferred_outpost_arn=None,
                preferred_availability_zones=None,
                cache_security_group_names=None,
                security_group_ids=group.security_group_ids,
                tags=None,
                snapshot_arns=None,
                preferred_outpost_arns=None,
                log_delivery_configurations=[],
                cache_node_ids_to_remove=None,
                cache_node_ids_to_reboot=None,
            )
            # CacheCluster keeps these only for engine "redis"; valkey members have them too.
            cluster.replication_group_id = group.replication_group_id
            cluster.num_cache_nodes = 1
            # The provider reads these settings of the group from its first member.
            cluster.at_rest_encryption_enabled = group.at_rest_encryption_enabled
            cluster.security_groups = [
                {"SecurityGroupId": group_id, "Status": "active"} for group_id in group.security_group_ids or []
            ]
            if group.cache_parameter_group_name:
                cluster.cache_parameter_group = {
                    "CacheParameterGroupName": group.cache_parameter_group_name,
                    "ParameterApplyStatus": "in-sync",
                }
            self.cache_clusters[member] = cluster
        return group

    def delete_replication_group(self, replication_group_id, retain_primary_cluster):
        group = original_delete(self, replication_group_id, retain_primary_cluster)
        for member in list(group.member_clusters) + [group.primary_cluster_id]:
            self.cache_clusters.pop(member, None)
        self.replication_groups.pop(replication_group_id, None)
        return group

    original_members = models.ReplicationGroup._set_node_members_clusters_disabled

    def _set_node_members_clusters_disabled(self, **kwargs):
        # moto counts members from ReplicasPerNodeGroup only; NumCacheClusters counts them too.
        if not kwargs.get("replicas_per_node_group") and kwargs.get("num_cache_clusters"):
            kwargs["replicas_per_node_group"] = kwargs["num_cache_clusters"] - 1
        original_members(self, **kwargs)
        node_group = kwargs["node_group"]
        node_group["reader_endpoint"] = {"address": node_group["reader_endpoint_address"], "port": self.port}

    models.ReplicationGroup._set_node_members_clusters_disabled = _set_node_members_clusters_disabled
    models.ElastiCacheBackend.create_replication_group = create_replication_group
    models.ElastiCacheBackend.delete_replication_group = delete_replication_group


def fix_dms_replication_task_never_ready():
    """
    moto 5.2.5 leaves a new DMS replication task in "creating" for ever; the provider waits for
    "ready" after CreateReplicationTask, for 20 minutes, and fails. AWS moves a task to "ready"
    once it has checked it; here that happens at once, as with moto's other DMS resources.
    """
    from moto.dms import models

    original = models.FakeReplicationTask.__init__

    def __init__(self, *args, **kwargs):
        original(self, *args, **kwargs)
        self.ready()

    models.FakeReplicationTask.__init__ = __init__


def fix_dms_timestamps_as_epoch_seconds():
    """
    moto 5.2.5 writes the timestamps of DMS replication instances and tasks (InstanceCreateTime,
    ReplicationTaskCreationDate, ...) as ISO 8601 strings; DMS speaks awsJson1_1, whose
    timestamps are epoch seconds, so the provider fails to read CreateReplicationInstance's answer
    ("expected TStamp to be a JSON Number, got string"). Here they are epoch seconds.
    """
    import datetime

    from moto.dms import models

    def as_epoch(value):
        if isinstance(value, dict):
            return {key: epoch_of(key, item) for key, item in value.items()}
        return value

    def epoch_of(key, value):
        if isinstance(value, str) and key.endswith(("Time", "Date")):
            return datetime.datetime.fromisoformat(value).timestamp()
        return as_epoch(value)

    for model in (models.FakeReplicationInstance, models.FakeReplicationTask):
        original = model.to_dict
        model.to_dict = (lambda original: lambda self: as_epoch(original(self)))(original)


def fix_dms_replication_subnet_group_subnets_and_tags():
    """
    moto 5.2.5 drops the subnet ids given to CreateReplicationSubnetGroup and describes every group
    with vpc-12345 and subnet-12345 in us-east-1a, and it keeps the group's tags under its
    identifier, while the provider reads them by the group's ARN (arn:...:dms:<region>:<account>:
    subgrp:<identifier>). Both drift on every re-plan. AWS returns the group's own subnets, their
    VPC and zones, and tags the ARN.
    """
    from moto.dms import models
    from moto.ec2.models import ec2_backends
    from moto.utilities.utils import get_partition

    original_create = models.DatabaseMigrationServiceBackend.create_replication_subnet_group

    def create_replication_subnet_group(
        self, replication_subnet_group_identifier, replication_subnet_group_description, subnet_ids, tags=None
    ):
        group = original_create(
            self, replication_subnet_group_identifier, replication_subnet_group_description, subnet_ids
        )
        group.subnetIds = list(subnet_ids)
        group.ec2_backend = ec2_backends[self.account_id][self.region_name]
        if tags:
            arn = f"arn:{get_partition(self.region_name)}:dms:{self.region_name}:{self.account_id}:subgrp:{replication_subnet_group_identifier}"
            self.tagger.tag_resource(arn, tags)
        return group

    original_to_dict = models.FakeReplicationSubnetGroup.to_dict

    def to_dict(self):
        described = original_to_dict(self)
        backend = getattr(self, "ec2_backend", None)
        if backend is None:
            return described
        subnets = [backend.get_subnet(subnet_id) for subnet_id in self.subnetIds or []]
        described["VpcId"] = subnets[0].vpc_id if subnets else None
        described["Subnets"] = [
            {
                "SubnetIdentifier": subnet.id,
                "SubnetAvailabilityZone": {"Name": subnet.availability_zone},
                "SubnetStatus": "Active",
            }
            for subnet in subnets
        ]
        return described

    models.DatabaseMigrationServiceBackend.create_replication_subnet_group = create_replication_subnet_group
    models.FakeReplicationSubnetGroup.to_dict = to_dict


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


def add_backup_selections():
    """
    moto 5.2.5 implements no backup selections (CreateBackupSelection, GetBackupSelection,
    DeleteBackupSelection, ListBackupSelections), so aws_backup_selection cannot be created: the
    plan then backs nothing up. Plain create, read and delete, kept per plan; AWS answers with
    the selection id, the plan id and the creation date.
    """
    import json
    import time
    import uuid

    from moto.backup import responses
    from moto.backup.exceptions import ResourceNotFoundException

    selections = {}

    def plan_and_selection(self):
        # /backup/plans/<plan id>/selections/[<selection id>]
        parts = self.path.split("?")[0].rstrip("/").split("/")
        plan_id = parts[parts.index("plans") + 1]
        after = parts[parts.index("selections") + 1 :]
        return plan_id, after[0] if after else None

    def found(self):
        plan_id, selection_id = plan_and_selection(self)
        key = (self.current_account, self.region, plan_id, selection_id)
        if key not in selections:
            raise ResourceNotFoundException(msg=f"Failed reading Backup selection {selection_id}")
        return key

    def create_backup_selection(self):
        plan_id, _ = plan_and_selection(self)
        self.backup_backend.get_backup_plan(backup_plan_id=plan_id, version_id=None)
        params = json.loads(self.body)
        selection_id = str(uuid.uuid4())
        selection = {
            "BackupSelection": params["BackupSelection"],
            "SelectionId": selection_id,
            "BackupPlanId": plan_id,
            "CreationDate": time.time(),
            "CreatorRequestId": params.get("CreatorRequestId"),
        }
        selections[(self.current_account, self.region, plan_id, selection_id)] = selection
        return json.dumps({key: selection[key] for key in ("SelectionId", "BackupPlanId", "CreationDate")})

    def get_backup_selection(self):
        return json.dumps(selections[found(self)])

    def delete_backup_selection(self):
        selections.pop(found(self))
        return "{}"

    def list_backup_selections(self):
        plan_id, _ = plan_and_selection(self)
        listed = [
            {
                "SelectionId": selection["SelectionId"],
                "SelectionName": selection["BackupSelection"]["SelectionName"],
                "BackupPlanId": plan_id,
                "CreationDate": selection["CreationDate"],
                "IamRoleArn": selection["BackupSelection"]["IamRoleArn"],
            }
            for (account, region, plan, _), selection in selections.items()
            if (account, region, plan) == (self.current_account, self.region, plan_id)
        ]
        return json.dumps({"BackupSelectionsList": listed})

    for handler in (create_backup_selection, get_backup_selection, delete_backup_selection, list_backup_selections):
        setattr(responses.BackupResponse, handler.__name__, handler)
