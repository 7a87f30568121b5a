import { DataAwsKmsAlias } from "@cdktf/provider-aws/lib/data-aws-kms-alias";
import { DataAwsRouteTable } from "@cdktf/provider-aws/lib/data-aws-route-table";
import { DataAwsSecretsmanagerSecret } from "@cdktf/provider-aws/lib/data-aws-secretsmanager-secret";
import { DataAwsSecretsmanagerSecrets } from "@cdktf/provider-aws/lib/data-aws-secretsmanager-secrets";
import { DataAwsSecurityGroup } from "@cdktf/provider-aws/lib/data-aws-security-group";
import { DataAwsSubnets } from "@cdktf/provider-aws/lib/data-aws-subnets";
import { DataAwsVpc } from "@cdktf/provider-aws/lib/data-aws-vpc";
import { DataAwsVpcEndpoint } from "@cdktf/provider-aws/lib/data-aws-vpc-endpoint";
import { Fn } from "cdktf";
import type { Construct } from "constructs";
import { ChangeDataCapture } from "../../modules/change-data-capture";
import { CrossRegionPeering } from "../../modules/vpc-peering";
import type { EnvironmentConfig, RegionConfig } from "../config/schema";
import { type ReplicationLink, databaseSubnetCidrs, subnetCidrs } from "../replication-links";
import { globalDataNames, regionPrefix, regionalMasterSecretName } from "../resource-names";
import { PlatformStack } from "./platform-stack";

/** Outputs of a replication link stack. */
export const REPLICATION_OUTPUTS = {
  peeringConnectionId: "peering_connection_id",
  replicationTaskArn: "replication_task_arn",
  replicationInstanceId: "replication_instance_id",
} as const;

/**
 * What a link needs of one regional stack, found by the names that stack gives them (src/
 * resource-names.ts, modules/network): no state read, so the link plans wherever both regions
 * answer.
 */
class RegionalLookups {
  readonly vpc: DataAwsVpc;
  readonly databaseRoutes: DataAwsRouteTable;

  constructor(
    private readonly stack: ReplicationStack,
    private readonly side: "source" | "target",
    readonly prefix: string,
    /** Set on the source side: its data sources read the other region. */
    private readonly region?: string,
  ) {
    const where = region === undefined ? {} : { region };
    this.vpc = new DataAwsVpc(stack, `${side}-vpc`, { ...where, filter: [{ name: "tag:Name", values: [prefix] }] });
    this.databaseRoutes = new DataAwsRouteTable(stack, `${side}-database-routes`, {
      ...where,
      vpcId: this.vpc.id,
      filter: [{ name: "tag:Name", values: [`${prefix}-database`] }],
    });
  }

  databaseSubnetIds(): string[] {
    return new DataAwsSubnets(this.stack, `${this.side}-database-subnets`, {
      ...(this.region === undefined ? {} : { region: this.region }),
      filter: [
        { name: "vpc-id", values: [this.vpc.id] },
        { name: "tag:Tier", values: ["database"] },
      ],
    }).ids;
  }
}

/**
 * One secondary's live copy of the primary's database (`dms-cdc`, docs/data.md): the peering
 * link between the two VPCs, routed only between their database subnets, and the DMS
 * replication instance, endpoints and task in the secondary. A stack of its own, so the
 * secondary's regional stack touches only its own region and deploys while the primary's region
 * is down; this one needs both regions, and depends on both regional stacks, so
 * `cdktf deploy taipei tokyo replication-tokyo` runs it last.
 */
export class ReplicationStack extends PlatformStack {
  readonly link: ReplicationLink;
  readonly peering: CrossRegionPeering;
  readonly replication: ChangeDataCapture;

  constructor(scope: Construct, config: EnvironmentConfig, link: ReplicationLink) {
    super(scope, link.stackId, { config, awsRegion: link.target.awsRegion });
    this.link = link;
    const { source, target } = link;
    const sourceSide = new RegionalLookups(this, "source", regionPrefix(config, source.key), source.awsRegion);
    const targetSide = new RegionalLookups(this, "target", regionPrefix(config, target.key));
    const sourceCidrs = databaseSubnetCidrs(config, source);
    const targetCidrs = databaseSubnetCidrs(config, target);

    this.peering = new CrossRegionPeering(this, "peering", {
      name: `${regionPrefix(config, target.key)}-from-${source.key}`,
      requester: {
        vpcId: targetSide.vpc.id,
        routeTableIds: [targetSide.databaseRoutes.routeTableId],
        destinationCidrs: sourceCidrs,
      },
      accepter: {
        vpcId: sourceSide.vpc.id,
        routeTableIds: [sourceSide.databaseRoutes.routeTableId],
        destinationCidrs: targetCidrs,
      },
      accepterRegion: source.awsRegion,
    });

    const changeDataCapture = config.database.changeDataCapture!;
    const prefix = targetSide.prefix;
    this.replication = new ChangeDataCapture(this, "dms", {
      name: prefix,
      account: this.account,
      region: target.awsRegion,
      vpcId: targetSide.vpc.id,
      subnetIds: targetSide.databaseSubnetIds(),
      source: {
        // The primary's secret replicates to every region (modules/aurora): DMS reads the local
        // replica. Found by listing: the single-secret data source also reads the resource
        // policy, which Secrets Manager answers only in the primary's region.
        secretArn: Fn.one(
          new DataAwsSecretsmanagerSecrets(this, "source-secret", {
            filter: [{ name: "name", values: [globalDataNames(config).masterSecret] }],
          }).arns,
        ),
        databaseName: config.database.databaseName,
        cidrs: sourceCidrs,
      },
      target: {
        secretArn: new DataAwsSecretsmanagerSecret(this, "target-secret", {
          name: regionalMasterSecretName(config, target.key),
        }).arn,
        secretKeyArn: new DataAwsKmsAlias(this, "target-database-key", { name: `alias/${prefix}-aurora` }).targetKeyArn,
        databaseName: config.database.databaseName,
        securityGroup: {
          name: "aurora",
          securityGroupId: new DataAwsSecurityGroup(this, "target-database-group", {
            vpcId: targetSide.vpc.id,
            name: `${prefix}-aurora`,
          }).id,
        },
      },
      secretsEndpoint: {
        dnsName: new DataAwsVpcEndpoint(this, "secrets-endpoint", {
          vpcId: targetSide.vpc.id,
          serviceName: `com.amazonaws.${target.awsRegion}.secretsmanager`,
        }).dnsEntry.get(0).dnsName,
        cidrs: subnetCidrs(config, target, "private"),
      },
      instanceClass: changeDataCapture.instanceClass,
      allocatedStorageGb: changeDataCapture.allocatedStorageGb,
      engineVersion: changeDataCapture.engineVersion,
      multiAz: changeDataCapture.multiAz,
      schemas: changeDataCapture.schemas,
      running: changeDataCapture.running,
      maintenanceWindow: config.database.maintenanceWindow,
      logRetentionDays: config.database.logRetentionDays,
      alarmTopics: {
        warning: this.topicArn(target, prefix, "warning"),
        critical: this.topicArn(target, prefix, "critical"),
      },
      protection: this.protection,
    });

    this.exportValue(REPLICATION_OUTPUTS.peeringConnectionId, this.peering.connectionId, "The peering link's id");
    this.exportValue(
      REPLICATION_OUTPUTS.replicationTaskArn,
      this.replication.task.replicationTaskArn,
      "The DMS task (stop it to promote this region: docs/data.md)",
    );
    this.exportValue(
      REPLICATION_OUTPUTS.replicationInstanceId,
      this.replication.instance.replicationInstanceId,
      "The DMS replication instance",
    );
  }

  /** The regional stack's alert topic (modules/alert-topics names it `<prefix>-<severity>`). */
  private topicArn(region: RegionConfig, prefix: string, severity: "warning" | "critical"): string {
    return `arn:${this.account.partition}:sns:${region.awsRegion}:${this.account.id}:${prefix}-${severity}`;
  }
}
