import type { CloudwatchLogGroup } from "@cdktf/provider-aws/lib/cloudwatch-log-group";
import { FlowLog } from "@cdktf/provider-aws/lib/flow-log";
import { Construct } from "constructs";
import { EncryptedLogGroup } from "../encrypted-log-group";
import { IamServiceRole } from "../iam-role";
import type { EncryptionKey } from "../kms-key";
import type { AwsAccount } from "../shared/aws-account";
import { movedFrom, pathInStack } from "../shared/cdktf-internals";
import type { Protection } from "../shared/protection";

/** Seconds over which flow records are aggregated; 60 is the finest AWS offers. */
const FLOW_LOG_AGGREGATION_SECONDS = 60;

export interface VpcFlowLogsProps {
  readonly name: string;
  readonly region: string;
  readonly account: AwsAccount;
  readonly vpcId: string;
  readonly retentionInDays: number;
  /**
   * How the module guards its key and log group against deletion
   * (modules/shared/protection.ts).
   * @default "retain"
   */
  readonly protection?: Protection;
}

/**
 * Records ALL traffic (accepted and rejected) of the VPC into a KMS-encrypted CloudWatch log
 * group, through a role only the VPC Flow Logs service of this account can assume.
 */
export class VpcFlowLogs extends Construct {
  readonly logGroup: CloudwatchLogGroup;
  readonly key: EncryptionKey;

  constructor(scope: Construct, id: string, props: VpcFlowLogsProps) {
    super(scope, id);
    const { account, region } = props;
    const logs = new EncryptedLogGroup(this, "logs", {
      name: `/aws/vpc-flow-logs/${props.name}`,
      keyAlias: `${props.name}-flow-logs`,
      description: `the VPC flow logs of ${props.name}`,
      region,
      account,
      retentionInDays: props.retentionInDays,
      protection: props.protection,
    });
    this.logGroup = logs.logGroup;
    this.key = logs.key;

    const role = new IamServiceRole(this, "writer", {
      name: `${props.name}-flow-logs`,
      description: `VPC Flow Logs of ${props.name} writing to their log group`,
      trust: {
        principal: { type: "Service", identifiers: ["vpc-flow-logs.amazonaws.com"] },
        actions: ["sts:AssumeRole"],
        conditions: [
          { test: "StringEquals", variable: "aws:SourceAccount", values: [account.id] },
          {
            test: "ArnLike",
            variable: "aws:SourceArn",
            values: [`arn:${account.partition}:ec2:${region}:${account.id}:vpc-flow-log/*`],
          },
        ],
      },
      statements: [
        {
          sid: "WriteFlowLogs",
          actions: ["logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams"],
          resources: [`${this.logGroup.arn}:*`],
        },
      ],
    });
    // The role was a bare aws_iam_role at <flow-logs>/role before IamServiceRole wrote it.
    movedFrom(role.role, [...pathInStack(this), "role"]);

    new FlowLog(this, "flow-log", {
      vpcId: props.vpcId,
      trafficType: "ALL",
      logDestinationType: "cloud-watch-logs",
      logDestination: this.logGroup.arn,
      iamRoleArn: role.arn,
      dependsOn: role.withPolicies,
      maxAggregationInterval: FLOW_LOG_AGGREGATION_SECONDS,
      tags: { Name: props.name },
    });
  }
}
