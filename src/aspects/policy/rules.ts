import type { TerraformResource } from "cdktf";
import { PORTS } from "../../../modules/shared/constants";

type Config = Record<string, unknown>;

/** A resource as the rules see it: its construct, type and Terraform arguments (snake_case). */
export interface ResourceView {
  readonly construct: TerraformResource;
  readonly type: string;
  readonly config: Config;
}

export interface PolicyRule {
  readonly id: string;
  readonly description: string;
  /** Only enforced in production. */
  readonly productionOnly?: boolean;
  /** Why `resource` breaks the rule, or undefined when it complies (or the rule does not apply). */
  check(resource: ResourceView, stack: readonly ResourceView[]): string | undefined;
}

const WORLD = ["0.0.0.0/0", "::/0"];
const isSet = (value: unknown) => value !== undefined && value !== null && value !== "" && value !== false;
const first = (value: unknown): Config =>
  Array.isArray(value) ? ((value[0] ?? {}) as Config) : ((value ?? {}) as Config);

/** What "encrypted at rest" means for each kind of data store or log. */
const AT_REST: Record<string, (config: Config, resource: ResourceView, stack: readonly ResourceView[]) => boolean> = {
  aws_cloudwatch_log_group: (config) => isSet(config.kms_key_id),
  aws_sns_topic: (config) => isSet(config.kms_master_key_id),
  aws_s3_bucket: (_config, bucket, stack) =>
    stack.some(
      (other) =>
        other.type === "aws_s3_bucket_server_side_encryption_configuration" &&
        String(other.config.bucket).startsWith(`\${aws_s3_bucket.${bucket.construct.friendlyUniqueId}.`),
    ),
  aws_rds_cluster: (config) => config.storage_encrypted === true,
  aws_rds_global_cluster: (config) => config.storage_encrypted === true,
  aws_db_instance: (config) => config.storage_encrypted === true,
  // A secondary of a global datastore inherits the datastore's encryption (set, and checked, on
  // its primary); AWS refuses the setting on the secondary itself.
  aws_elasticache_replication_group: (config) =>
    config.at_rest_encryption_enabled === true ||
    config.at_rest_encryption_enabled === "true" ||
    (isSet(config.global_replication_group_id) && isSet(config.kms_key_id)),
  aws_ebs_volume: (config) => config.encrypted === true,
  aws_backup_vault: (config) => isSet(config.kms_key_arn),
  aws_ecr_repository: (config) => first(config.encryption_configuration).encryption_type === "KMS",
  aws_launch_template: (config) =>
    ((config.block_device_mappings as Config[] | undefined) ?? []).every(
      (mapping) => first(mapping.ebs).encrypted === "true" || first(mapping.ebs).encrypted === true,
    ),
};

/** Stateful resources and how each is protected from deletion. */
const PROTECTION: Record<string, (resource: ResourceView) => boolean> = {
  aws_kms_key: (resource) => resource.construct.lifecycle?.preventDestroy === true,
  aws_s3_bucket: (resource) => resource.construct.lifecycle?.preventDestroy === true,
  aws_route53_zone: (resource) => resource.construct.lifecycle?.preventDestroy === true,
  aws_ecr_repository: (resource) => resource.construct.lifecycle?.preventDestroy === true,
  aws_eks_cluster: (resource) => resource.config.deletion_protection === true,
  aws_lb: (resource) => resource.config.enable_deletion_protection === true,
  aws_rds_cluster: (resource) =>
    resource.config.deletion_protection === true && resource.construct.lifecycle?.preventDestroy === true,
  aws_rds_global_cluster: (resource) =>
    resource.config.deletion_protection === true && resource.construct.lifecycle?.preventDestroy === true,
  aws_rds_cluster_instance: (resource) => resource.construct.lifecycle?.preventDestroy === true,
  aws_elasticache_replication_group: (resource) => resource.construct.lifecycle?.preventDestroy === true,
  aws_elasticache_global_replication_group: (resource) => resource.construct.lifecycle?.preventDestroy === true,
  // Recovery points outlive the vault's deletion only if Vault Lock refuses it (modules/backup-plan).
  aws_backup_vault: (resource) =>
    resource.construct.lifecycle?.preventDestroy === true && resource.config.force_destroy !== true,
};

/** Resource types whose loss loses data or service: protected in production, never replaced by surprise. */
export const STATEFUL_TYPES: readonly string[] = Object.keys(PROTECTION);

/** The security groups of an `aws_lb`. */
const groupsOf = (loadBalancer: { config: Record<string, unknown> }): string[] =>
  (loadBalancer.config.security_groups as string[] | undefined) ?? [];

export const POLICY_RULES: readonly PolicyRule[] = [
  {
    id: "encryption-at-rest",
    description: "every data store and log is encrypted at rest",
    check: (resource, stack) => {
      const encrypted = AT_REST[resource.type];
      return encrypted === undefined || encrypted(resource.config, resource, stack)
        ? undefined
        : `${resource.type} is not encrypted at rest`;
    },
  },
  {
    id: "encryption-in-transit",
    description: "caches require TLS (a global datastore's secondary inherits its primary's)",
    check: (resource) => {
      if (resource.type !== "aws_elasticache_replication_group") return undefined;
      const { transit_encryption_enabled: tls, global_replication_group_id: datastore } = resource.config;
      return tls === true || tls === "true" || isSet(datastore)
        ? undefined
        : "aws_elasticache_replication_group does not require TLS (transit_encryption_enabled)";
    },
  },
  {
    id: "no-open-ingress",
    description:
      "nothing admits 0.0.0.0/0 or ::/0 except the HTTP/HTTPS of a load balancer not behind the edge (one whose groups admit no prefix list)",
    check: (resource, stack) => {
      if (resource.type !== "aws_vpc_security_group_ingress_rule") return undefined;
      const { cidr_ipv4: v4, cidr_ipv6: v6, from_port: from, to_port: to, security_group_id: group } = resource.config;
      if (!WORLD.includes(String(v4)) && !WORLD.includes(String(v6))) return undefined;
      const opened = `admits ${String(isSet(v4) ? v4 : v6)} on ${String(from)}-${String(to)}`;
      const webPort = from === to && (from === PORTS.http || from === PORTS.https);
      const loadBalancer = stack.find((other) => other.type === "aws_lb" && groupsOf(other).includes(String(group)));
      if (!webPort || loadBalancer === undefined) {
        return `${opened}; only a load balancer's 80/443 may face the internet`;
      }
      const behindEdge = stack.some(
        (other) =>
          other.type === "aws_vpc_security_group_ingress_rule" &&
          isSet(other.config.prefix_list_id) &&
          groupsOf(loadBalancer).includes(String(other.config.security_group_id)),
      );
      return behindEdge
        ? `${opened} on a load balancer behind the edge (its groups admit a prefix list); only the edge may reach it`
        : undefined;
    },
  },
  {
    id: "imdsv2",
    description: "instances require IMDSv2 tokens",
    check: (resource) => {
      if (resource.type !== "aws_launch_template" && resource.type !== "aws_instance") return undefined;
      return first(resource.config.metadata_options).http_tokens === "required"
        ? undefined
        : `${resource.type} does not require IMDSv2 (metadata_options.http_tokens = "required")`;
    },
  },
  {
    id: "deletion-protection",
    description: "stateful resources are protected from deletion in production",
    productionOnly: true,
    check: (resource) => {
      const protectedFromDeletion = PROTECTION[resource.type];
      return protectedFromDeletion === undefined || protectedFromDeletion(resource)
        ? undefined
        : `${resource.type} lacks deletion protection and/or prevent_destroy`;
    },
  },
];
