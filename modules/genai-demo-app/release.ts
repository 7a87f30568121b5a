import type { HelmProvider } from "@cdktf/provider-helm/lib/provider";
import type { Release } from "@cdktf/provider-helm/lib/release";
import type { KubernetesProvider } from "@cdktf/provider-kubernetes/lib/provider";
import { NamespaceV1 } from "@cdktf/provider-kubernetes/lib/namespace-v1";
import { AssetType, type ITerraformDependable, TerraformAsset } from "cdktf";
import type { Construct } from "constructs";
import type { ServiceAccountRef } from "../eks-cluster";
import { pinnedRelease } from "../shared/helm-release";
import type { AppChartValues, ComputeResources } from "./values";

/** SPEC's autoscaling targets: scale out at 70 % CPU or 80 % memory of the requests. */
export const HPA_TARGETS = { cpuPercent: 70, memoryPercent: 80 } as const;
/** Seconds the HPA waits before scaling in, so a short lull does not drop capacity. */
export const SCALE_DOWN_STABILIZATION_SECONDS = 300;
/**
 * Seconds a stopping pod keeps serving before it shuts down: long enough for the load balancer
 * controller to deregister it and the ALB to stop sending new requests.
 */
export const DEREGISTRATION_PROPAGATION_SECONDS = 15;
/**
 * Pod Security Standard the namespace enforces; the chart's pods satisfy `restricted`
 * (non-root, no privilege escalation, all capabilities dropped, RuntimeDefault seccomp).
 */
export const POD_SECURITY_LEVEL = "restricted";

/**
 * Where the app sends OpenTelemetry data: OTLP over HTTP to ports on its node's address (the
 * CloudWatch agent of the observability add-on listens there on the host network).
 */
export interface AppTelemetry {
  /**
   * Traces: the agent's OTLP/HTTP port, and the share of new traces recorded.
   * @default - no traces exported
   */
  readonly traces?: { readonly port: number; readonly sampleRatio: number };
  /**
   * Metrics: the agent's OTLP/HTTP port for metrics.
   * @default - no metrics exported
   */
  readonly metrics?: { readonly port: number };
}

/** The chart's telemetry values when a signal is off: nothing exported, the fields still valid. */
const TELEMETRY_OFF = { port: 1, sampleRatio: 1 } as const;

export interface AppReleaseProps {
  /** Directory of charts/genai-demo; copied into the stack's assets so the stack stands alone. */
  readonly chartPath: string;
  /** The app's service account; its namespace is created here. */
  readonly serviceAccount: ServiceAccountRef;
  /** The region's image repository URL, and the tag or digest to run. */
  readonly image: { readonly repository: string; readonly tag: string; readonly digest?: string };
  readonly springProfile: string;
  readonly region: string;
  /** SSM parameter path and Secrets Manager name prefix the app reads its settings from. */
  readonly settings: { readonly parameterPath: string; readonly secretsPrefix: string };
  readonly replicas: { readonly min: number; readonly max: number };
  readonly resources: { readonly requests: ComputeResources; readonly limits: ComputeResources };
  /** The regional target group the pods join (through the load balancer controller). */
  readonly targetGroupArn: string;
  /** Seconds the ALB lets in-flight requests finish on a deregistered pod. */
  readonly deregistrationDelaySeconds: number;
  /** Where the ALB's nodes are: the only source the NetworkPolicy admits. */
  readonly vpcCidr: string;
  readonly timeoutSeconds: number;
  /**
   * Where the app sends traces and metrics.
   * @default - nothing exported
   */
  readonly telemetry?: AppTelemetry;
  readonly helmProvider: HelmProvider;
  readonly kubernetesProvider: KubernetesProvider;
  /** The cluster ready for workloads: nodes, networking, API access. */
  readonly clusterReady: ITerraformDependable[];
  /** What the app's pods need besides: their Pod Identity role, the load balancer controller. */
  readonly releaseDependsOn: ITerraformDependable[];
}

/** The chart's values from the release's props. */
export function appChartValues(
  props: Omit<
    AppReleaseProps,
    "chartPath" | "helmProvider" | "kubernetesProvider" | "clusterReady" | "releaseDependsOn" | "timeoutSeconds"
  >,
): AppChartValues {
  return {
    image: { ...props.image, pullPolicy: "IfNotPresent" },
    springProfile: props.springProfile,
    aws: { region: props.region, ...props.settings },
    serviceAccount: { name: props.serviceAccount.name },
    resources: props.resources,
    hpa: {
      minReplicas: props.replicas.min,
      maxReplicas: props.replicas.max,
      targetCpuPercent: HPA_TARGETS.cpuPercent,
      targetMemoryPercent: HPA_TARGETS.memoryPercent,
      scaleDownStabilizationSeconds: SCALE_DOWN_STABILIZATION_SECONDS,
    },
    // With one replica, any PodDisruptionBudget above 0 would block every node drain.
    pdb: { minAvailable: Math.min(1, props.replicas.min - 1) },
    drain: {
      preStopSeconds: DEREGISTRATION_PROPAGATION_SECONDS,
      terminationGracePeriodSeconds: DEREGISTRATION_PROPAGATION_SECONDS + props.deregistrationDelaySeconds,
    },
    targetGroupBinding: { enabled: true, targetGroupArn: props.targetGroupArn },
    networkPolicy: { vpcCidr: props.vpcCidr },
    telemetry: {
      traces: { enabled: props.telemetry?.traces !== undefined, ...(props.telemetry?.traces ?? TELEMETRY_OFF) },
      metrics: {
        enabled: props.telemetry?.metrics !== undefined,
        port: (props.telemetry?.metrics ?? TELEMETRY_OFF).port,
      },
    },
  };
}

/** What the release writes: the namespace, the Helm release and the values it was given. */
export interface AppReleaseParts {
  readonly namespace: NamespaceV1;
  readonly release: Release;
  readonly values: AppChartValues;
}

/**
 * The app in its own namespace (Pod Security `restricted`), installed from the repository's
 * chart with values built from config, atomically: a release that does not become ready within
 * the timeout is rolled back. Written directly into `scope`, so the addresses stay those of the
 * former `AppRelease` construct at the same path.
 */
export function addAppRelease(scope: Construct, props: AppReleaseProps): AppReleaseParts {
  const chart = new TerraformAsset(scope, "chart", { path: props.chartPath, type: AssetType.DIRECTORY });
  const namespace = new NamespaceV1(scope, "namespace", {
    provider: props.kubernetesProvider,
    metadata: {
      name: props.serviceAccount.namespace,
      labels: {
        "pod-security.kubernetes.io/enforce": POD_SECURITY_LEVEL,
        "pod-security.kubernetes.io/warn": POD_SECURITY_LEVEL,
      },
    },
    dependsOn: props.clusterReady,
  });
  const values = appChartValues(props);
  const release = pinnedRelease(scope, "release", {
    name: props.serviceAccount.name,
    namespace: namespace.metadata.name,
    chart: { path: chart.path },
    values,
    timeoutSeconds: props.timeoutSeconds,
    provider: props.helmProvider,
    dependsOn: [...props.clusterReady, ...props.releaseDependsOn],
  });
  return { namespace, release, values };
}
