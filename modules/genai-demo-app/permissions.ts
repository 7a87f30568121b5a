import type { PolicyStatement } from "../iam-role";
import type { AwsAccount } from "../shared/aws-account";

/** Where the app may read configuration and write telemetry. */
export interface AppPermissions {
  /** CloudWatch metric namespace the app publishes to, e.g. `GenAIDemo`. */
  readonly metricNamespace: string;
  /** Log group name prefix, e.g. `/aws/genai-demo/`. */
  readonly logGroupPrefix: string;
  /** SSM parameter path prefix, e.g. `/genai-demo/production/`. */
  readonly parameterPathPrefix: string;
  /** Secrets Manager name prefix, e.g. `genai-demo/production/`. */
  readonly secretNamePrefix: string;
}

/**
 * The app's own permissions: its metrics, logs and traces, and read access to its parameters
 * and secrets, decrypted only through SSM and Secrets Manager in its region.
 */
export function appStatements(account: AwsAccount, region: string, permissions: AppPermissions): PolicyStatement[] {
  const arn = (service: string, resource: string) =>
    `arn:${account.partition}:${service}:${region}:${account.id}:${resource}`;
  const logGroups = `log-group:${permissions.logGroupPrefix}*`;
  return [
    {
      sid: "PublishOwnMetrics",
      actions: ["cloudwatch:PutMetricData"],
      // PutMetricData has no resource type; the namespace condition scopes it.
      resources: ["*"],
      conditions: [{ test: "StringEquals", variable: "cloudwatch:namespace", values: [permissions.metricNamespace] }],
    },
    {
      sid: "WriteOwnLogs",
      actions: ["logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams"],
      resources: [arn("logs", logGroups), arn("logs", `${logGroups}:log-stream:*`)],
    },
    {
      sid: "SendTraces",
      actions: [
        "xray:PutTraceSegments",
        "xray:PutTelemetryRecords",
        "xray:GetSamplingRules",
        "xray:GetSamplingTargets",
      ],
      // X-Ray has no resource types for these actions; keep them in this region.
      resources: ["*"],
      conditions: [{ test: "StringEquals", variable: "aws:RequestedRegion", values: [region] }],
    },
    {
      sid: "ReadOwnParameters",
      actions: ["ssm:GetParameter", "ssm:GetParameters", "ssm:GetParametersByPath"],
      resources: [arn("ssm", `parameter${permissions.parameterPathPrefix}*`)],
    },
    {
      sid: "ReadOwnSecrets",
      actions: ["secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret"],
      resources: [arn("secretsmanager", `secret:${permissions.secretNamePrefix}*`)],
    },
    {
      sid: "DecryptThroughSsmAndSecretsManagerOnly",
      actions: ["kms:Decrypt"],
      resources: [arn("kms", "key/*")],
      conditions: [
        {
          test: "StringEquals",
          variable: "kms:ViaService",
          values: [`ssm.${region}.amazonaws.com`, `secretsmanager.${region}.amazonaws.com`],
        },
      ],
    },
  ];
}
