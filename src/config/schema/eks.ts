import { z } from "zod";
import { LOAD_BALANCER_CONTROLLER_POLICY_VERSION } from "../../../modules/eks-cluster/policies/aws-load-balancer-controller";
import { ipv4Cidr, logRetentionDays, type IssueReporter } from "./common";

/**
 * Kubernetes minor versions accepted: EKS standard support only. The floor drops versions AWS
 * bills as extended support (1.33's standard support ended 2026-07-29; 1.34's ends 2026-12-02);
 * the ceiling is the newest release EKS offers that this project has looked at. Move both
 * deliberately, with the add-on pins in environments/shared.ts.
 */
export const MIN_KUBERNETES_MINOR = 34;
export const MAX_KUBERNETES_MINOR = 36;

/** EKS's quota of nodes per managed node group. */
export const MAX_NODES_PER_NODE_GROUP = 450;
/** gp3 volume size limits (GiB); 20 GiB is the smallest disk the EKS-optimized AMIs boot from. */
export const NODE_DISK_GIB = { min: 20, max: 16_384 } as const;

const KUBERNETES_VERSION = /^1\.(\d+)$/;
const ADDON_VERSION = /^v(\d+)\.(\d+)\.(\d+)-eksbuild\.\d+$/;
const OPEN_TO_THE_WORLD = "0.0.0.0/0";
/** An IAM role or user ARN, as access entries take them (no STS assumed-role session ARNs). */
const IAM_PRINCIPAL_ARN = /^arn:aws(-cn|-us-gov)?:iam::\d{12}:(role|user)\/([\w+=,.@-]+\/)*[\w+=,.@-]{1,64}$/;
/** `[prefix/]name` as Kubernetes validates label keys; values are a name or empty. */
const LABEL_KEY =
  /^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\/)?[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$/;
const LABEL_VALUE = /^([A-Za-z0-9][-A-Za-z0-9_.]{0,61})?[A-Za-z0-9]$/;
/** EKS's limit on node group label keys (and values), stricter than Kubernetes'. */
const MAX_LABEL_KEY_LENGTH = 63;
const INSTANCE_TYPE = /^([a-z]+)(\d+)([a-z-]*)\.[a-z0-9]+$/;
/** A node group key becomes part of the node group name (at most 63 characters with the prefix). */
const NODE_GROUP_KEY = /^[a-z][a-z0-9-]{0,18}[a-z0-9]$/;

/** SemVer 2.0.0, as Helm requires of chart versions; exact, since releases are pinned. */
const SEMVER =
  /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?(?:\+[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?$/;
/** A cluster-autoscaler release tag, built per Kubernetes minor: v1.34.2. */
const CLUSTER_AUTOSCALER_TAG = /^v1\.(\d+)\.\d+$/;

/** How the Helm and Kubernetes providers authenticate to the cluster. */
export const PROVIDER_AUTHENTICATION = ["ephemeral-token", "aws-cli-exec"] as const;

/** How long Helm may wait for a release to become ready before rolling it back (seconds). */
export const RELEASE_TIMEOUT_SECONDS = { min: 60, max: 3600 } as const;

/** The AMI families nodes may run; the architecture must match the instance types. */
export const NODE_AMI_TYPES = ["AL2023_x86_64_STANDARD", "AL2023_ARM_64_STANDARD"] as const;

const kubernetesVersion = z
  .string()
  .regex(KUBERNETES_VERSION, { error: "must be a Kubernetes minor version such as 1.34", abort: true })
  .refine((version) => {
    const minor = Number(KUBERNETES_VERSION.exec(version)?.[1]);
    return minor >= MIN_KUBERNETES_MINOR && minor <= MAX_KUBERNETES_MINOR;
  }, `must be between 1.${MIN_KUBERNETES_MINOR} and 1.${MAX_KUBERNETES_MINOR} (EKS standard support; older versions are extended support only or retired)`);

const addonVersion = z
  .string()
  .regex(ADDON_VERSION, "must be an EKS add-on version such as v1.20.4-eksbuild.1 (aws eks describe-addon-versions)");

const chartVersion = z
  .string()
  .regex(SEMVER, "must be an exact SemVer chart version such as 1.12.0 (Helm charts are pinned, not ranges)");

/** Exact versions of the add-on charts each cluster runs, from their official repositories. */
export const addonChartsSchema = z.strictObject({
  /** eks-charts' aws-load-balancer-controller; chart 1.N ships controller v2.N. */
  awsLoadBalancerController: chartVersion,
  /** kubernetes-sigs' metrics-server, which the app's HPA reads. */
  metricsServer: chartVersion,
  clusterAutoscaler: z.strictObject({
    /** kubernetes/autoscaler's cluster-autoscaler chart. */
    chartVersion,
    /** The controller's image tag; built per Kubernetes minor, so it must match the cluster's. */
    imageTag: z.string().regex(CLUSTER_AUTOSCALER_TAG, "must be a cluster-autoscaler release tag such as v1.34.2"),
  }),
});

/** Exact versions of the EKS managed add-ons; each must be offered for the cluster's version. */
export const addonVersionsSchema = z.strictObject({
  vpcCni: addonVersion,
  coredns: addonVersion,
  kubeProxy: addonVersion,
  podIdentityAgent: addonVersion,
  ebsCsiDriver: addonVersion,
});

/** Graviton families carry a `g` in their attribute letters: m7g, c7gn, t4g, r8gd. */
export function isArmInstanceType(instanceType: string): boolean {
  return /g/.test(INSTANCE_TYPE.exec(instanceType)?.[3] ?? "");
}

export const nodeGroupSchema = z
  .strictObject({
    /** EC2 instance types, first one preferred; all of one architecture. */
    instanceTypes: z
      .array(z.string().regex(INSTANCE_TYPE, "must be an EC2 instance type such as m6i.large"))
      .min(1, "must list at least one instance type"),
    capacityType: z.enum(["ON_DEMAND", "SPOT"], { error: () => 'must be "ON_DEMAND" or "SPOT"' }),
    amiType: z.enum(NODE_AMI_TYPES, { error: () => `must be one of ${NODE_AMI_TYPES.join(", ")}` }).optional(),
    minSize: z.number().int().min(0).max(MAX_NODES_PER_NODE_GROUP),
    desiredSize: z.number().int().min(0).max(MAX_NODES_PER_NODE_GROUP),
    maxSize: z.number().int().min(1).max(MAX_NODES_PER_NODE_GROUP),
    diskSizeGiB: z.number().int().min(NODE_DISK_GIB.min).max(NODE_DISK_GIB.max),
    /** Kubernetes labels every node of the group carries. */
    labels: z
      .record(
        z.string(),
        z
          .string()
          .regex(LABEL_VALUE, "label values must be 1-63 letters, digits, '-', '_' or '.' (EKS refuses empty values)"),
      )
      .optional(),
    /** Share of nodes replaced at once during a rolling update. */
    maxUnavailablePercentage: z.number().int().min(1).max(100).optional(),
  })
  .superRefine((group, ctx) => {
    if (!(group.minSize <= group.desiredSize && group.desiredSize <= group.maxSize)) {
      ctx.addIssue({
        code: "custom",
        path: ["desiredSize"],
        message: `node group sizes must satisfy minSize <= desiredSize <= maxSize (got ${group.minSize} <= ${group.desiredSize} <= ${group.maxSize})`,
      });
    }
    for (const key of Object.keys(group.labels ?? {})) {
      if (!LABEL_KEY.test(key) || key.length > MAX_LABEL_KEY_LENGTH) {
        ctx.addIssue({
          code: "custom",
          path: ["labels", key],
          message: `label key "${key}" must be [prefix/]name as Kubernetes allows, at most ${MAX_LABEL_KEY_LENGTH} characters in all (EKS's limit)`,
        });
      }
    }
    const wantsArm = (group.amiType ?? NODE_AMI_TYPES[0]) === "AL2023_ARM_64_STANDARD";
    group.instanceTypes.forEach((type, i) => {
      if (INSTANCE_TYPE.test(type) && isArmInstanceType(type) !== wantsArm) {
        ctx.addIssue({
          code: "custom",
          path: ["instanceTypes", i],
          message: `must be an ${wantsArm ? "ARM (Graviton)" : "x86_64"} instance type to match amiType ${group.amiType ?? NODE_AMI_TYPES[0]}`,
        });
      }
    });
  });

/** One region's cluster. */
export const regionEksSchema = z
  .strictObject({
    kubernetesVersion,
    /**
     * CIDRs allowed to reach the public API endpoint (CI runners, Terraform Cloud agents). Empty
     * means the endpoint is private only.
     */
    publicAccessCidrs: z.array(ipv4Cidr),
    addonVersions: addonVersionsSchema,
    /** Helm charts of the cluster's controllers. */
    charts: addonChartsSchema,
    /** Managed node groups by key; the key is part of the group's name and construct id. */
    nodeGroups: z
      .record(
        z.string().regex(NODE_GROUP_KEY, "node group keys must be 2-20 lower-case letters, digits or dashes"),
        nodeGroupSchema,
      )
      .refine((groups) => Object.keys(groups).length > 0, "needs at least one node group"),
  })
  .superRefine((eks, ctx) => {
    // kube-proxy is built per Kubernetes minor; EKS refuses any other.
    // Checked only for a cluster version that is itself accepted, so one mistake is one problem.
    const clusterMinor = KUBERNETES_VERSION.exec(eks.kubernetesVersion)?.[1];
    const proxy = ADDON_VERSION.exec(eks.addonVersions.kubeProxy);
    const supported = kubernetesVersion.safeParse(eks.kubernetesVersion).success;
    if (supported && clusterMinor !== undefined && proxy !== null && (proxy[1] !== "1" || proxy[2] !== clusterMinor)) {
      ctx.addIssue({
        code: "custom",
        path: ["addonVersions", "kubeProxy"],
        message: `must be a kube-proxy build of the cluster's Kubernetes version ${eks.kubernetesVersion} (v1.${clusterMinor}.x-eksbuild.N)`,
      });
    }
    const autoscaler = CLUSTER_AUTOSCALER_TAG.exec(eks.charts.clusterAutoscaler.imageTag);
    if (supported && autoscaler !== null && autoscaler[1] !== clusterMinor) {
      ctx.addIssue({
        code: "custom",
        path: ["charts", "clusterAutoscaler", "imageTag"],
        message: `must be a cluster-autoscaler release for the cluster's Kubernetes version ${eks.kubernetesVersion} (v1.${clusterMinor}.N); other minors are unsupported`,
      });
    }
    // The controller's IAM policy (modules/eks-cluster/policies) is the one published with its
    // release: an older chart may miss nothing, a newer one may need permissions it lacks.
    const chart = SEMVER.exec(eks.charts.awsLoadBalancerController);
    const policyMinor = /^v2\.(\d+)\./.exec(LOAD_BALANCER_CONTROLLER_POLICY_VERSION)?.[1];
    if (chart !== null && (chart[1] !== "1" || chart[2] !== policyMinor)) {
      ctx.addIssue({
        code: "custom",
        path: ["charts", "awsLoadBalancerController"],
        message: `must be a 1.${policyMinor}.x chart: its controller (v2.${policyMinor}) matches the IAM policy ${LOAD_BALANCER_CONTROLLER_POLICY_VERSION} the cluster grants`,
      });
    }
  });

/** Cluster settings shared by every region of an environment. */
export const kubernetesSchema = z.strictObject({
  /**
   * IAM roles or users given cluster-admin through EKS access entries, besides the identity that
   * runs Terraform.
   */
  adminPrincipalArns: z
    .array(
      z
        .string()
        .regex(
          IAM_PRINCIPAL_ARN,
          "must be an IAM role or user ARN such as arn:aws:iam::111122223333:role/platform-admin",
        ),
    )
    .refine((arns) => new Set(arns).size === arns.length, "must not list a principal twice"),
  /** Days the control-plane logs (all five types) are kept. */
  controlPlaneLogRetentionDays: logRetentionDays,
  /** Seconds Helm waits for each release (the app, the controllers) before it rolls back. */
  releaseTimeoutSeconds: z.number().int().min(RELEASE_TIMEOUT_SECONDS.min).max(RELEASE_TIMEOUT_SECONDS.max),
  /**
   * How the Helm and Kubernetes providers get a token: `ephemeral-token` (default) reads it from
   * Terraform's ephemeral `aws_eks_cluster_auth` and needs no aws CLI (Terraform Cloud's agents);
   * `aws-cli-exec` runs `aws eks get-token` on the runner.
   */
  providerAuthentication: z
    .enum(PROVIDER_AUTHENTICATION, { error: () => `must be one of ${PROVIDER_AUTHENTICATION.join(", ")}` })
    .default("ephemeral-token"),
});

/** Production must not open the API endpoint to the world. */
export function checkEksForEnvironment(
  env: { production: boolean },
  eks: { publicAccessCidrs: string[] },
  issue: IssueReporter,
): void {
  if (env.production && eks.publicAccessCidrs.includes(OPEN_TO_THE_WORLD)) {
    issue(
      ["eks", "publicAccessCidrs"],
      "production must not open the EKS API endpoint to 0.0.0.0/0; list the CI / Terraform Cloud egress CIDRs",
    );
  }
}
