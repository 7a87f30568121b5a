import type { CloudwatchLogGroup } from "@cdktf/provider-aws/lib/cloudwatch-log-group";
import { DataAwsIamPolicyDocument } from "@cdktf/provider-aws/lib/data-aws-iam-policy-document";
import { FlowLog } from "@cdktf/provider-aws/lib/flow-log";
import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { IamRolePolicy } from "@cdktf/provider-aws/lib/iam-role-policy";
import { Construct } from "constructs";
import { EncryptedLogGroup } from "../encrypted-log-group";
import type { EncryptionKey } from "../kms-key";
import type { AwsAccount } from "../shared/aws-account";

/** Seconds over which flow records are aggregated; 60 is the finest AWS offers. */
const FLOW_LOG_AGGREGATION_SECONDS = 60;

export interface VpcFlowLogsProps {
  readonly name: string;
  readonly region: string;
  readonly account: AwsAccount;
  readonly vpcId: string;
  readonly retentionInDays: number;
  readonly preventDestroy: boolean;
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
      preventDestroy: props.preventDestroy,
    });
    this.logGroup = logs.logGroup;
    this.key = logs.key;

    const trust = new DataAwsIamPolicyDocument(this, "trust", {
      statement: [
        {
          actions: ["sts:AssumeRole"],
          principals: [{ type: "Service", identifiers: ["vpc-flow-logs.amazonaws.com"] }],
          condition: [
            { test: "StringEquals", variable: "aws:SourceAccount", values: [account.id] },
            {
              test: "ArnLike",
              variable: "aws:SourceArn",
              values: [`arn:${account.partition}:ec2:${region}:${account.id}:vpc-flow-log/*`],
            },
          ],
        },
      ],
    });
    const role = new IamRole(this, "role", { name: `${props.name}-flow-logs`, assumeRolePolicy: trust.json });
    const writeLogs = new DataAwsIamPolicyDocument(this, "write-logs", {
      statement: [
        {
          actions: ["logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams"],
          resources: [`${this.logGroup.arn}:*`],
        },
      ],
    });
    new IamRolePolicy(this, "write-logs-policy", { name: "write-flow-logs", role: role.id, policy: writeLogs.json });

    new FlowLog(this, "flow-log", {
      vpcId: props.vpcId,
      trafficType: "ALL",
      logDestinationType: "cloud-watch-logs",
      logDestination: this.logGroup.arn,
      iamRoleArn: role.arn,
      maxAggregationInterval: FLOW_LOG_AGGREGATION_SECONDS,
      tags: { Name: props.name },
    });
  }
}
