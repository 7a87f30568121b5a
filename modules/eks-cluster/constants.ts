/** Every control-plane log type EKS can send to CloudWatch; auditors expect all five. */
export const CONTROL_PLANE_LOG_TYPES = ["api", "audit", "authenticator", "controllerManager", "scheduler"] as const;

/** The kubelet's API, which the control plane calls for logs, exec and metrics. */
export const KUBELET_PORT = 10250;
/** Port the AWS Load Balancer Controller's admission webhook listens on in its pods. */
export const LOAD_BALANCER_CONTROLLER_WEBHOOK_PORT = 9443;

/** Root device of the AL2023 EKS-optimized AMIs. */
export const NODE_ROOT_DEVICE = "/dev/xvda";
/** IMDSv2 hop limit 1: the token cannot cross the extra hop into a pod's network namespace. */
export const IMDS_HOP_LIMIT = 1;

/** @default AMI family of managed nodes. */
export const DEFAULT_NODE_AMI_TYPE = "AL2023_x86_64_STANDARD";
/** @default share of a node group replaced at once during a rolling update. */
export const DEFAULT_MAX_UNAVAILABLE_PERCENTAGE = 33;

/** EKS access policy that makes an access entry a cluster administrator. */
export const CLUSTER_ADMIN_ACCESS_POLICY = "AmazonEKSClusterAdminPolicy";

/** A Kubernetes service account, by namespace and name. */
export interface ServiceAccountRef {
  readonly namespace: string;
  readonly name: string;
}

/** Service accounts the official charts and add-ons create. */
export const SYSTEM_SERVICE_ACCOUNTS = {
  loadBalancerController: { namespace: "kube-system", name: "aws-load-balancer-controller" },
  clusterAutoscaler: { namespace: "kube-system", name: "cluster-autoscaler" },
  ebsCsiController: { namespace: "kube-system", name: "ebs-csi-controller-sa" },
} as const satisfies Record<string, ServiceAccountRef>;

/** Tags the cluster autoscaler discovers its node groups' Auto Scaling groups by. */
export function autoscalerDiscoveryTags(clusterName: string): Record<string, string> {
  return { "k8s.io/cluster-autoscaler/enabled": "true", [`k8s.io/cluster-autoscaler/${clusterName}`]: "owned" };
}
