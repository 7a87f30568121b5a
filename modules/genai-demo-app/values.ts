/**
 * The values of charts/genai-demo, as its values.schema.json defines them. The release builds
 * them here, typed, and Helm checks them against the schema again at install.
 */
export interface AppChartValues {
  readonly image: {
    readonly repository: string;
    readonly tag: string;
    readonly digest?: string;
    readonly pullPolicy: "IfNotPresent" | "Always" | "Never";
  };
  readonly springProfile: string;
  readonly aws: { readonly region: string; readonly parameterPath: string; readonly secretsPrefix: string };
  readonly serviceAccount: { readonly name: string; readonly annotations?: Record<string, string> };
  readonly resources: {
    readonly requests: ComputeResources;
    readonly limits: ComputeResources;
  };
  readonly hpa: {
    readonly minReplicas: number;
    readonly maxReplicas: number;
    readonly targetCpuPercent: number;
    readonly targetMemoryPercent: number;
    readonly scaleDownStabilizationSeconds: number;
  };
  readonly pdb: { readonly minAvailable: number };
  readonly drain: { readonly preStopSeconds: number; readonly terminationGracePeriodSeconds: number };
  readonly targetGroupBinding: { readonly enabled: boolean; readonly targetGroupArn?: string };
  readonly networkPolicy: { readonly vpcCidr: string };
  readonly telemetry: {
    readonly traces: { readonly enabled: boolean; readonly port: number; readonly sampleRatio: number };
    readonly metrics: { readonly enabled: boolean; readonly port: number };
  };
}

export interface ComputeResources {
  readonly cpu: string;
  readonly memory: string;
}
