"""
Fixes to moto's server for `npm run emulate`, applied when the server starts (see server.py).

Each fix names the moto version it was written against, the symptom with the real
hashicorp/aws provider, and what AWS does; each is small enough to send upstream as is.
Nothing here changes what the product synthesizes: only the emulator is corrected.
One module per area; FIXES lists them in the order they are applied (the CloudWatch protocol
adapter wraps the resend replay, so it must come after it).
"""

from .billing import add_budget_subscribers_and_tags, add_cost_anomaly_monitors_and_subscriptions
from .cloudfront import (
    add_cloudfront_cache_and_response_headers_policies,
    fix_cloudfront_behaviors_with_cache_policy_and_acm_certificate,
    fix_cloudfront_target_origin_of_origin_groups,
)
from .cloudwatch import add_cloudwatch_put_composite_alarm, add_cloudwatch_rpc_v2_cbor
from .data_tier import (
    add_backup_list_recovery_points_by_vault,
    add_backup_selections,
    add_elasticache_parameter_and_user_groups_and_subnet_group_delete,
    fix_backup_list_tags_path,
    fix_dms_replication_subnet_group_subnets_and_tags,
    fix_dms_replication_task_never_ready,
    fix_dms_timestamps_as_epoch_seconds,
    fix_elasticache_replication_group_members_and_delete,
    fix_rds_instance_performance_insights,
    fix_rds_provisioned_cluster_scaling_configuration,
)
from .eks import (
    add_eks_access_entries,
    add_eks_addons_and_pod_identity_associations,
    fix_eks_cluster_settings_not_echoed,
    fix_eks_nodegroup_remote_access_and_update_config,
)
from .network import (
    add_route53_health_checker_prefix_lists,
    fix_launch_template_own_tags_in_template_data,
    fix_replace_network_acl_association_retry,
    fix_route53_query_logging_arn,
    fix_route53_zone_id_prefix,
    fix_security_group_rule_description,
)
from .preflight import (
    add_account_get_region_opt_status,
    add_dms_orderable_replication_instances,
    add_eks_addon_versions_and_cluster_versions,
    add_elasticache_engine_versions_and_reserved_offerings,
    add_preflight_catalogue,
    add_rds_engine_versions_and_orderable_options_from_catalogue,
    answer_ec2_instance_type_offerings_from_catalogue,
)
from .prometheus import add_amp_workspace_key_and_configuration
from .synthetics import add_synthetics_canary_lifecycle
from .storage import fix_create_bucket_tags, fix_s3control_tags_of_encoded_arns
from .transport import replay_answer_to_a_resent_call

MOTO_VERSION = "5.2.5"

FIXES = [
    replay_answer_to_a_resent_call,
    add_cloudwatch_rpc_v2_cbor,
    add_cloudwatch_put_composite_alarm,
    fix_rds_provisioned_cluster_scaling_configuration,
    fix_rds_instance_performance_insights,
    add_elasticache_parameter_and_user_groups_and_subnet_group_delete,
    fix_elasticache_replication_group_members_and_delete,
    fix_dms_replication_task_never_ready,
    fix_dms_timestamps_as_epoch_seconds,
    fix_dms_replication_subnet_group_subnets_and_tags,
    add_backup_list_recovery_points_by_vault,
    add_backup_selections,
    fix_backup_list_tags_path,
    fix_launch_template_own_tags_in_template_data,
    fix_eks_cluster_settings_not_echoed,
    fix_eks_nodegroup_remote_access_and_update_config,
    add_eks_addons_and_pod_identity_associations,
    add_eks_access_entries,
    fix_create_bucket_tags,
    fix_s3control_tags_of_encoded_arns,
    fix_route53_query_logging_arn,
    fix_security_group_rule_description,
    add_route53_health_checker_prefix_lists,
    fix_replace_network_acl_association_retry,
    fix_route53_zone_id_prefix,
    add_budget_subscribers_and_tags,
    add_cost_anomaly_monitors_and_subscriptions,
    add_synthetics_canary_lifecycle,
    add_amp_workspace_key_and_configuration,
    add_cloudfront_cache_and_response_headers_policies,
    fix_cloudfront_target_origin_of_origin_groups,
    fix_cloudfront_behaviors_with_cache_policy_and_acm_certificate,
    # Read-only calls of npm run preflight, answered from a seeded per-account catalogue.
    add_preflight_catalogue,
    add_account_get_region_opt_status,
    answer_ec2_instance_type_offerings_from_catalogue,
    add_rds_engine_versions_and_orderable_options_from_catalogue,
    add_elasticache_engine_versions_and_reserved_offerings,
    add_dms_orderable_replication_instances,
    add_eks_addon_versions_and_cluster_versions,
]


def apply():
    import moto

    if moto.__version__ != MOTO_VERSION:
        raise SystemExit(f"moto_patches was written for moto {MOTO_VERSION}, found {moto.__version__}")
    for fix in FIXES:
        fix()
    return [fix.__name__ for fix in FIXES]
