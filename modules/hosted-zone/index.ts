import { CloudwatchLogResourcePolicy } from "@cdktf/provider-aws/lib/cloudwatch-log-resource-policy";
import { DataAwsIamPolicyDocument } from "@cdktf/provider-aws/lib/data-aws-iam-policy-document";
import { DataAwsRoute53Zone } from "@cdktf/provider-aws/lib/data-aws-route53-zone";
import { Route53QueryLog } from "@cdktf/provider-aws/lib/route53-query-log";
import { Route53Zone } from "@cdktf/provider-aws/lib/route53-zone";
import { Construct } from "constructs";
import { EncryptedLogGroup } from "../encrypted-log-group";
import type { AwsAccount } from "../shared/aws-account";
import { type Protection, protectionSettings } from "../shared/protection";

/** Route 53 delivers query logs only to log groups in us-east-1: the stack's provider must be there. */
export const ROUTE53_QUERY_LOG_REGION = "us-east-1";

/** Create a new public zone, or adopt one that already exists (e.g. a registrar-made zone). */
export type HostedZoneSource = { readonly mode: "create" } | { readonly mode: "adopt"; readonly zoneId: string };

export interface HostedZoneProps {
  /** The zone's apex, e.g. `genai-demo.example.com`. */
  readonly domainName: string;
  /** Whether this stack owns the zone or only looks it up. */
  readonly source: HostedZoneSource;
  /** Account the zone lives in (for the query-log key and resource policy). */
  readonly account: AwsAccount;
  /** Days DNS query logs of a created zone are kept; a CloudWatch Logs retention period. */
  readonly queryLogRetentionDays: number;
  /**
   * How the module guards a created zone and its log key (delegation would have to be redone) against deletion
   * (modules/shared/protection.ts).
   * @default "retain"
   */
  readonly protection?: Protection;
}

/**
 * The public Route 53 zone the failover records live in. A created zone logs every DNS query
 * to a KMS-encrypted log group; an adopted zone is read through a data source, so destroying
 * this stack can never delete it (its owner decides about its logging).
 */
export class HostedZone extends Construct {
  readonly zoneId: string;
  readonly nameServers: string[];
  readonly domainName: string;

  constructor(scope: Construct, id: string, props: HostedZoneProps) {
    super(scope, id);
    const guard = protectionSettings(props.protection);
    this.domainName = props.domainName;
    if (props.source.mode === "adopt") {
      const existing = new DataAwsRoute53Zone(this, "existing", { zoneId: props.source.zoneId, privateZone: false });
      this.zoneId = existing.zoneId;
      this.nameServers = existing.nameServers;
      return;
    }
    const zone = new Route53Zone(this, "zone", {
      name: props.domainName,
      comment: `Public zone of ${props.domainName}; managed by cdktf`,
      forceDestroy: false,
      lifecycle: { preventDestroy: guard.preventDestroy },
    });
    this.zoneId = zone.zoneId;
    this.nameServers = zone.nameServers;
    this.logQueries(zone, props);
  }

  private logQueries(zone: Route53Zone, props: HostedZoneProps): void {
    const { account } = props;
    const logs = new EncryptedLogGroup(this, "query-logs", {
      name: `/aws/route53/${props.domainName}`,
      keyAlias: `route53-query-logs-${props.domainName.replace(/\./g, "-")}`,
      description: `the DNS query logs of ${props.domainName}`,
      region: ROUTE53_QUERY_LOG_REGION,
      account,
      retentionInDays: props.queryLogRetentionDays,
      protection: props.protection,
    });
    const route53MayWrite = new DataAwsIamPolicyDocument(this, "query-log-writer", {
      statement: [
        {
          actions: ["logs:CreateLogStream", "logs:PutLogEvents"],
          resources: [`${logs.arn}:*`],
          principals: [{ type: "Service", identifiers: ["route53.amazonaws.com"] }],
          condition: [
            { test: "StringEquals", variable: "aws:SourceAccount", values: [account.id] },
            { test: "ArnLike", variable: "aws:SourceArn", values: [zone.arn] },
          ],
        },
      ],
    });
    const policy = new CloudwatchLogResourcePolicy(this, "query-log-policy", {
      policyName: `route53-query-logs-${props.domainName}`,
      policyDocument: route53MayWrite.json,
    });
    new Route53QueryLog(this, "query-log", {
      zoneId: zone.zoneId,
      cloudwatchLogGroupArn: logs.logGroup.arn,
      dependsOn: [policy],
    });
  }
}
