import { IamServiceLinkedRole } from "@cdktf/provider-aws/lib/iam-service-linked-role";
import { IamServiceRole, awsManagedPolicyArn } from "../../modules/iam-role";
import { DMS_SERVICE_ROLE_DESCRIPTION, DMS_SERVICE_ROLES } from "../../modules/change-data-capture/constants";
import { replicationLinks } from "../replication-links";
import type { Construct } from "constructs";
import { LINKED_ROLE_SERVICES } from "../../modules/shared/service-linked-role";
import { AlertTopics } from "../../modules/alert-topics";
import { CostGuards } from "../../modules/cost-guards";
import { CANARY_ALARM, Canary } from "../../modules/canary";
import { GlobalDashboard } from "../../modules/dashboards";
import { SloAlarms } from "../../modules/slo-alarms";
import { objectivesOf } from "./objectives";
import { HEALTH_CHECK_PATH } from "../../modules/dns-failover";
import { apiName } from "../dns-names";
import { regionPrefix } from "../resource-names";
import { ENVIRONMENT_TAG } from "../tags";
import type { DnsFailover } from "../../modules/dns-failover";
import { HostedZone } from "../../modules/hosted-zone";
import { ROUTE53_METRICS_REGION } from "../config/aws-regions";
import type { EnvironmentConfig } from "../config/schema";
import { buildCertificateValidation, buildDnsFailover, buildEdge } from "./global/dns";
import type { EdgeDistribution } from "../../modules/edge-distribution";
import { protectionSettings } from "../../modules/shared/protection";
import { PlatformStack } from "./platform-stack";

/**
 * Output names of the global stack. Regional stacks and operators rely on them: renaming one
 * is a breaking change.
 */
export const GLOBAL_OUTPUTS = {
  hostedZoneId: "hosted_zone_id",
  hostedZoneNameServers: "hosted_zone_name_servers",
  criticalTopicArn: "critical_topic_arn",
  warningTopicArn: "warning_topic_arn",
  healthCheckIds: "health_check_ids",
} as const;

/**
 * Things with one copy for all regions: the public hosted zone, the alert topics, the health
 * checks of every region's origin with their alarms, the certificates' validation records and
 * the cost guards (budget and anomaly alerts, which AWS serves from us-east-1 only).
 * It lives in us-east-1, where Route 53 publishes health-check metrics. Everything here is
 * computed from config: it reads nothing from a regional stack.
 */
export class GlobalStack extends PlatformStack {
  readonly hostedZone: HostedZone;
  readonly alerts: AlertTopics;
  readonly failover?: DnsFailover;
  readonly edge?: EdgeDistribution;

  constructor(scope: Construct, id: string, config: EnvironmentConfig) {
    super(scope, id, { config, awsRegion: ROUTE53_METRICS_REGION });
    const name = `${config.project}-${config.name}`;

    this.hostedZone = new HostedZone(this, "hosted-zone", {
      domainName: config.domain.name,
      source: config.domain.hostedZone,
      account: this.account,
      queryLogRetentionDays: config.domain.queryLogRetentionDays,
      protection: this.protection,
    });
    this.alerts = new AlertTopics(this, "alerts", {
      name,
      account: this.account,
      emails: { critical: config.alerts.criticalEmails, warning: config.alerts.warningEmails },
      protection: this.protection,
      allowCostAlerts: true,
    });
    new CostGuards(this, "cost-guards", {
      name,
      scope: { key: ENVIRONMENT_TAG, value: config.name },
      monthlyBudgetUsd: config.costs.monthlyBudgetUsd,
      actualAlertPercent: config.costs.actualAlertPercent,
      forecastAlertPercent: config.costs.forecastAlertPercent,
      anomalyImpactUsd: config.costs.anomalyImpactUsd,
      topicArn: this.alerts.topics.warning!.arn,
    });

    this.createServiceLinkedRoles(config);
    this.createDmsServiceRoles(config);
    const validation = buildCertificateValidation(this, config, this.hostedZone.zoneId);
    this.failover = buildDnsFailover(this, config, this.alerts);
    this.edge = buildEdge(this, config, {
      zoneId: this.hostedZone.zoneId,
      validation,
      account: this.account,
      region: ROUTE53_METRICS_REGION,
      protection: this.protection,
    });
    const edgeAlertPrefix = `${name}-edge`;
    if (this.edge !== undefined) this.edgeSloAlarms(config, edgeAlertPrefix, this.edge);
    this.publicCanary(config, name);
    new GlobalDashboard(this, "dashboard", {
      name,
      account: this.account,
      regions: config.regions.map((region) => ({
        key: region.key,
        awsRegion: region.awsRegion,
        prefix: regionPrefix(config, region.key),
        healthCheckId: this.failover?.healthCheckIds[region.key],
      })),
      edge:
        this.edge === undefined
          ? undefined
          : { distributionId: this.edge.distribution.id, alertPrefix: edgeAlertPrefix },
    });

    this.exportValue(GLOBAL_OUTPUTS.hostedZoneId, this.hostedZone.zoneId, "Route 53 zone of the public domain");
    this.exportValue(
      GLOBAL_OUTPUTS.hostedZoneNameServers,
      this.hostedZone.nameServers,
      "Name servers to delegate the domain to",
    );
    this.exportValue(GLOBAL_OUTPUTS.criticalTopicArn, this.alerts.topics.critical!.arn, "SNS topic for P0/P1 alerts");
    this.exportValue(GLOBAL_OUTPUTS.warningTopicArn, this.alerts.topics.warning!.arn, "SNS topic for warnings");

    this.exportValue(
      GLOBAL_OUTPUTS.healthCheckIds,
      this.failover?.healthCheckIds ?? {},
      "Route 53 health check of each region's origin, by region key",
    );
  }

  /**
   * Burn-rate alerts on the availability SLO as users see it: at the edge, across both regions
   * (CloudFront's metrics live in us-east-1, where this stack is).
   */
  private edgeSloAlarms(config: EnvironmentConfig, alertPrefix: string, edge: EdgeDistribution): void {
    new SloAlarms(this, "edge-slo", {
      name: alertPrefix,
      measuredAt: { distributionId: edge.distribution.id },
      ...objectivesOf(config),
      alerts: config.slo.burnRateAlerts,
      topics: { critical: this.alerts.topics.critical!.arn, warning: this.alerts.topics.warning!.arn },
    });
  }

  /** A canary calling the public API name, as users do: whichever region DNS answers with. */
  private publicCanary(config: EnvironmentConfig, name: string): void {
    const host = apiName(config.domain.name);
    new Canary(this, "canary", {
      name: `${name}-public`,
      account: this.account,
      region: ROUTE53_METRICS_REGION,
      host,
      paths: [HEALTH_CHECK_PATH, config.canaries.readOnlyApiPath],
      runtimeVersion: config.canaries.runtimeVersion,
      scheduleMinutes: config.canaries.scheduleMinutes,
      retentionDays: config.canaries.retentionDays,
      alarmTopicArn: this.alerts.topics.critical!.arn,
      alarm: {
        meaning: `P1: users get no 2xx from https://${host} (health or API) in ${CANARY_ALARM.datapoints} of ${CANARY_ALARM.periods} runs.`,
        runbook: "publicCanary",
      },
      protection: this.protection,
    });
  }

  /**
   * The service-linked roles regional key policies name, which a fresh account lacks. IAM is
   * global, so one stack owns them; `global` deploys before the regions.
   */
  private createServiceLinkedRoles(config: EnvironmentConfig): void {
    for (const service of LINKED_ROLE_SERVICES) {
      if (config.existingServiceLinkedRoles.includes(service)) continue;
      new IamServiceLinkedRole(this, `service-linked-role-${service.split(".")[0]}`, {
        awsServiceName: service,
        description: "Created by genai-demo: regional KMS key policies name it",
        // Deleting it fails while any Auto Scaling group of the account uses it.
        lifecycle: { preventDestroy: protectionSettings(this.protection).preventDestroy },
      });
    }
  }

  /**
   * The roles DMS looks up by fixed name in every account that uses it: `dms-vpc-role` (it
   * refuses to create a replication subnet group without it) and `dms-cloudwatch-logs-role`
   * (task logs). Account-wide, so `global` owns them when the environment replicates with DMS.
   */
  private createDmsServiceRoles(config: EnvironmentConfig): void {
    if (replicationLinks(config).length === 0 || config.existingDmsServiceRoles) return;
    for (const [name, policy] of DMS_SERVICE_ROLES) {
      new IamServiceRole(this, name, {
        name,
        description: DMS_SERVICE_ROLE_DESCRIPTION,
        trust: { principal: { type: "Service", identifiers: ["dms.amazonaws.com"] }, actions: ["sts:AssumeRole"] },
        managedPolicies: { service: awsManagedPolicyArn(this.account, `service-role/${policy}`) },
      });
    }
  }
}
