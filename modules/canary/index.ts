import { CloudwatchMetricAlarm } from "@cdktf/provider-aws/lib/cloudwatch-metric-alarm";
import { SyntheticsCanary, type SyntheticsCanaryVpcConfig } from "@cdktf/provider-aws/lib/synthetics-canary";
import { AssetType, TerraformAsset } from "cdktf";
import { Construct } from "constructs";
import { IamServiceRole, type PolicyStatement } from "../iam-role";
import { EncryptionKey } from "../kms-key";
import type { AwsAccount } from "../shared/aws-account";
import { Connections, tcp } from "../shared/connections";
import { ANY_IPV4, PORTS } from "../shared/constants";
import type { Protection } from "../shared/protection";
import { type RunbookSection, withRunbook } from "../shared/runbook";
import { ArtifactBucket } from "./artifacts";
import { canaryBundle } from "./bundle";

const HANDLER = "checks.handler";
/** Canaries publish here, per CanaryName (CloudWatch user guide, "CloudWatch metrics published by canaries"). */
export const CANARY_NAMESPACE = "CloudWatchSynthetics";
/** The alarm fires when runs fail in this many of the last evaluated minutes. */
export const CANARY_ALARM = { periods: 3, datapoints: 2 } as const;
const SECONDS_PER_MINUTE = 60;
/** CreateCanary: a run may take at most 14 minutes (RunConfig.TimeoutInSeconds, 3 to 840). */
const MAX_RUN_SECONDS = 840;

export interface CanaryProps {
  /** Canary name (lower-case letters, digits, `-` and `_`, at most 255) and prefix of its resources. */
  readonly name: string;
  readonly account: AwsAccount;
  readonly region: string;
  /** The host the canary calls over HTTPS, e.g. `taipei.origin.example.com`. */
  readonly host: string;
  /** URL paths it GETs on each run; every answer must be a 2xx. */
  readonly paths: readonly string[];
  /** Synthetics runtime, `syn-nodejs-puppeteer-13.1` or later. */
  readonly runtimeVersion: string;
  /** Minutes between runs (1 to 60). */
  readonly scheduleMinutes: number;
  /** Days Synthetics keeps run records, and the bucket the run artifacts. */
  readonly retentionDays: number;
  /** SNS topic (in this region) the canary's alarm notifies. */
  readonly alarmTopicArn: string;
  /** What a failing canary means here, and where the runbook says what to do. */
  readonly alarm: { readonly meaning: string; readonly runbook: RunbookSection };
  /**
   * How the module guards the artifact bucket and key (modules/shared/protection.ts).
   * @default "retain"
   */
  readonly protection?: Protection;
  /**
   * Runs the canary in these subnets (private, leaving through NAT gateways) with a group of its
   * own that only sends HTTPS: it then calls from the NAT gateways' addresses, which an origin
   * behind the edge admits.
   * @default - outside any VPC, from Synthetics' own addresses
   */
  readonly vpc?: { readonly vpcId: string; readonly subnetIds: readonly string[] };
}

/**
 * A CloudWatch Synthetics canary calling the app from outside over HTTPS on a schedule, its
 * artifacts in an encrypted, private, expiring bucket, a least-privilege execution role, and an
 * alarm that treats missing runs as failures (like the Route 53 health checks).
 */
export class Canary extends Construct {
  readonly canary: SyntheticsCanary;
  readonly alarm: CloudwatchMetricAlarm;

  constructor(scope: Construct, id: string, props: CanaryProps) {
    super(scope, id);
    const { account, name } = props;
    const key = new EncryptionKey(this, "key", {
      alias: `${name}-canary`,
      description: `Encrypts the run artifacts of canary ${name}`,
      account,
      protection: props.protection,
    });
    const artifacts = new ArtifactBucket(this, "artifacts", {
      bucketName: `${name}-canary-${account.id}`,
      kmsKeyArn: key.arn,
      expiryDays: props.retentionDays,
      protection: props.protection,
    });
    const role = this.executionRole(props, artifacts.bucket.arn, key.arn);
    const vpcConfig = props.vpc === undefined ? undefined : this.vpcConfig(name, props.vpc);
    const script = new TerraformAsset(this, "script", { path: canaryBundle(), type: AssetType.FILE });
    this.canary = new SyntheticsCanary(this, "canary", {
      name,
      runtimeVersion: props.runtimeVersion,
      handler: HANDLER,
      zipFile: script.path,
      executionRoleArn: role.arn,
      artifactS3Location: `s3://${artifacts.bucket.bucket}/runs`,
      artifactConfig: { s3Encryption: { encryptionMode: "SSE_KMS", kmsKeyArn: key.arn } },
      schedule: { expression: rate(props.scheduleMinutes) },
      runConfig: {
        timeoutInSeconds: Math.min(props.scheduleMinutes * SECONDS_PER_MINUTE, MAX_RUN_SECONDS),
        environmentVariables: { CHECK_HOST: props.host, CHECK_PATHS: props.paths.join(",") },
      },
      vpcConfig,
      successRetentionPeriod: props.retentionDays,
      failureRetentionPeriod: props.retentionDays,
      startCanary: true,
      deleteLambda: true,
      tags: { Name: name },
      dependsOn: [...role.withPolicies, ...artifacts.ready],
    });
    this.alarm = new CloudwatchMetricAlarm(this, "alarm", {
      alarmName: `${name}-canary-failing`,
      alarmDescription: withRunbook(props.alarm.meaning, props.alarm.runbook),
      namespace: CANARY_NAMESPACE,
      metricName: "SuccessPercent",
      dimensions: { CanaryName: this.canary.name },
      statistic: "Average",
      period: props.scheduleMinutes * SECONDS_PER_MINUTE,
      evaluationPeriods: CANARY_ALARM.periods,
      datapointsToAlarm: CANARY_ALARM.datapoints,
      comparisonOperator: "LessThanThreshold",
      threshold: 100,
      // A canary that stops reporting has stopped watching: as with the health checks, assume the worst.
      treatMissingData: "breaching",
      alarmActions: [props.alarmTopicArn],
      okActions: [props.alarmTopicArn],
    });
  }

  /** Its own group: HTTPS out to anywhere (the app's public name, Synthetics, S3, CloudWatch). */
  private vpcConfig(name: string, vpc: NonNullable<CanaryProps["vpc"]>): SyntheticsCanaryVpcConfig {
    const connections = Connections.forNewGroup(this, {
      prefix: name,
      name: "canary-vpc",
      description: "Canary: HTTPS out through the NAT gateways",
      vpcId: vpc.vpcId,
    });
    connections.allowTo({ cidr: ANY_IPV4 }, tcp(PORTS.https), "HTTPS to the app and AWS APIs");
    return { subnetIds: [...vpc.subnetIds], securityGroupIds: [connections.ref.securityGroupId] };
  }

  /**
   * The role Synthetics runs the canary's Lambda function as (CloudWatch user guide, "Required
   * roles and permissions for canaries"): its own artifacts, its own log groups, its metrics.
   */
  private executionRole(props: CanaryProps, bucketArn: string, keyArn: string): IamServiceRole {
    const { account, region, name } = props;
    const logGroups = `arn:${account.partition}:logs:${region}:${account.id}:log-group:/aws/lambda/cwsyn-${name}-*`;
    return new IamServiceRole(this, "role", {
      name: `${name}-canary`,
      description: `Runs canary ${name}`,
      trust: { principal: { type: "Service", identifiers: ["lambda.amazonaws.com"] }, actions: ["sts:AssumeRole"] },
      statements: [
        { sid: "WriteRunArtifacts", actions: ["s3:PutObject", "s3:GetObject"], resources: [`${bucketArn}/runs/*`] },
        { sid: "LocateArtifactBucket", actions: ["s3:GetBucketLocation"], resources: [bucketArn] },
        { sid: "ListBucketsForArtifacts", actions: ["s3:ListAllMyBuckets"], resources: ["*"] },
        { sid: "EncryptRunArtifacts", actions: ["kms:GenerateDataKey", "kms:Decrypt"], resources: [keyArn] },
        {
          sid: "WriteRunLogs",
          actions: ["logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents"],
          resources: [logGroups, `${logGroups}:log-stream:*`],
        },
        {
          sid: "PublishCanaryMetrics",
          actions: ["cloudwatch:PutMetricData"],
          resources: ["*"],
          conditions: [{ test: "StringEquals", variable: "cloudwatch:namespace", values: [CANARY_NAMESPACE] }],
        },
        ...(props.vpc === undefined ? [] : [vpcNetworkInterfaces(region)]),
      ],
    });
  }
}

/** A Synthetics schedule: `rate(1 minute)`, `rate(5 minutes)`, `rate(1 hour)`. */
export function rate(minutes: number): string {
  if (minutes === 60) return "rate(1 hour)";
  return `rate(${minutes} ${minutes === 1 ? "minute" : "minutes"})`;
}

/**
 * What Lambda needs to attach a function to a VPC (Lambda developer guide, "Giving Lambda
 * functions access to resources in an Amazon VPC": the actions of AWSLambdaVPCAccessExecutionRole).
 * EC2 gives most of them no resource-level scope, so the statement is fenced to the region.
 */
function vpcNetworkInterfaces(region: string): PolicyStatement {
  return {
    sid: "AttachToVpc",
    actions: [
      "ec2:CreateNetworkInterface",
      "ec2:DescribeNetworkInterfaces",
      "ec2:DescribeSubnets",
      "ec2:DeleteNetworkInterface",
      "ec2:AssignPrivateIpAddresses",
      "ec2:UnassignPrivateIpAddresses",
    ],
    resources: ["*"],
    conditions: [{ test: "StringEquals", variable: "aws:RequestedRegion", values: [region] }],
  };
}
