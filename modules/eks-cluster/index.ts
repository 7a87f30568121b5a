import { EksCluster as EksClusterResource } from "@cdktf/provider-aws/lib/eks-cluster";
import type { ITerraformDependable } from "cdktf";
import { Construct } from "constructs";
import { EncryptedLogGroup } from "../encrypted-log-group";
import { IamServiceRole, type PolicyStatement, awsManagedPolicyArn } from "../iam-role";
import { EncryptionKey } from "../kms-key";
import type { AwsAccount } from "../shared/aws-account";
import { serviceLinkedRoleArn } from "../shared/service-linked-role";
import type { Peer, PortRange, SecurityGroupRef } from "../shared/connections";
import { ClusterAdmins } from "./access";
import { ClusterAddons, type EksAddonVersions } from "./addons";
import {
  CONTROL_PLANE_LOG_TYPES,
  SYSTEM_SERVICE_ACCOUNTS,
  autoscalerDiscoveryTags,
  type ServiceAccountRef,
} from "./constants";
import { ManagedNodeGroup, type NodeGroupOptions } from "./node-group";
import { loadBalancerControllerStatements } from "./policies/aws-load-balancer-controller";
import { clusterAutoscalerStatements } from "./policies/cluster-autoscaler";
import { ClusterSecurityGroups } from "./security-groups";
import { WorkloadRole, type WorkloadRoleProps } from "./workload-identity";
import { type Protection, protectionSettings } from "../shared/protection";

export type { EksAddonVersions } from "./addons";
export type { ServiceAccountRef } from "./constants";
export type { NodeGroupOptions } from "./node-group";
export type { WorkloadRole } from "./workload-identity";
export { LOAD_BALANCER_CONTROLLER_POLICY_VERSION } from "./policies/aws-load-balancer-controller";

/** What the AWS Auto Scaling service-linked role may do with the node volume key. */
const AUTOSCALING_VOLUME_KEY_ACTIONS = [
  "kms:Encrypt",
  "kms:Decrypt",
  "kms:ReEncrypt*",
  "kms:GenerateDataKey*",
  "kms:DescribeKey",
];

export interface EksClusterProps {
  /** Cluster name, also the prefix of its roles, groups and node groups. */
  readonly name: string;
  /** AWS region code of the cluster. */
  readonly region: string;
  readonly account: AwsAccount;
  /** Kubernetes minor version, e.g. `1.34`. */
  readonly kubernetesVersion: string;
  readonly vpcId: string;
  /** The VPC's CIDR (the nodes' DNS resolver lives there). */
  readonly vpcCidr: string;
  /**
   * TCP ports pods serve to pods on other nodes, besides DNS and the kubelet (pods share their
   * node's security group, so anything else between nodes is closed).
   * @default []
   */
  readonly podToPodPorts?: number[];
  /** Private subnets of the control-plane ENIs and the nodes. */
  readonly subnetIds: string[];
  /** CIDRs that may reach the public API endpoint; empty keeps the endpoint private only. */
  readonly publicAccessCidrs: string[];
  /**
   * IAM role or user ARNs made cluster administrators through access entries.
   * @default []
   */
  readonly adminPrincipalArns?: string[];
  /**
   * Also make the identity that runs Terraform an administrator, so the Helm and Kubernetes
   * providers of the same run can reach the cluster.
   * @default true
   */
  readonly grantTerraformRunnerAdmin?: boolean;
  /** Days the control-plane logs are kept; a CloudWatch Logs retention period. */
  readonly controlPlaneLogRetentionDays: number;
  readonly addonVersions: EksAddonVersions;
  /** Managed node groups by key; the key names the group, so keys must stay stable. */
  readonly nodeGroups: Record<string, NodeGroupOptions>;
  /**
   * How the module guards the cluster (EKS deletion protection) and its KMS keys against deletion
   * (modules/shared/protection.ts).
   * @default "retain"
   */
  readonly protection?: Protection;
}

/** What a workload's Pod Identity role is for and what it may do. */
export interface WorkloadRoleOptions {
  /** The Kubernetes service account its pods run as; only it can assume the role. */
  readonly serviceAccount: ServiceAccountRef;
  /** What runs as the service account, for the role's description. */
  readonly description: string;
  /**
   * Statements of the role's inline policy; modules add theirs later with `grant*(role)`.
   * @default []
   */
  readonly statements?: PolicyStatement[];
  /**
   * Associate the role with the service account here. An EKS add-on associates its own role
   * (its `pod_identity_association`); a second association of the same account fails.
   * @default true
   */
  readonly associate?: boolean;
}

/**
 * What a workload needs from the cluster it runs on: a Pod Identity role, traffic to its pods,
 * and what its release must wait for. Workload constructs take this, not the whole cluster.
 */
export interface IWorkloadCluster {
  /** Adds a Pod Identity role for one service account (aws-cdk's `addServiceAccount`). */
  addWorkloadRole(id: string, options: WorkloadRoleOptions): WorkloadRole;
  /** Admits `ports` from `peer` to the pods (and lets the peer send there). */
  allowFrom(peer: Peer, ports: PortRange, description: string): void;
  /** The pods' security group, for data stores to admit. */
  readonly nodeSecurityGroup: SecurityGroupRef;
  /** Node groups, add-ons and the administrators' access: what a Helm release must wait for. */
  readonly readyForWorkloads: ITerraformDependable[];
}

/**
 * An EKS cluster ready for workloads: private control plane with an allow-listed public
 * endpoint, all control-plane logs in an encrypted group, secrets envelope-encrypted with its
 * own key, access entries instead of aws-auth, managed node groups, managed add-ons in the order
 * nodes need them, and Pod Identity roles for the cluster's controllers. Workloads get theirs
 * from {@link addWorkloadRole}.
 */
export class EksCluster extends Construct implements IWorkloadCluster {
  readonly cluster: EksClusterResource;
  /** How pods get AWS credentials: EKS Pod Identity (no OIDC provider; see docs/decisions.md). */
  readonly workloadIdentity = "pod-identity" as const;
  readonly nodeGroups: Record<string, ManagedNodeGroup> = {};
  readonly addons: ClusterAddons;
  readonly roles: {
    readonly loadBalancerController: WorkloadRole;
    readonly clusterAutoscaler: WorkloadRole;
    readonly ebsCsiDriver: WorkloadRole;
  };
  /** Node groups, add-ons and the administrators' access: what a Helm release must wait for. */
  readonly readyForWorkloads: ITerraformDependable[];
  private readonly securityGroups: ClusterSecurityGroups;
  private readonly clusterName: string;

  constructor(scope: Construct, id: string, props: EksClusterProps) {
    super(scope, id);
    const { account, name } = props;
    this.clusterName = name;
    const guard = protectionSettings(props.protection);

    const logs = new EncryptedLogGroup(this, "control-plane-logs", {
      // EKS writes to exactly this name; creating it first keeps EKS from making an unencrypted one.
      name: `/aws/eks/${name}/cluster`,
      keyAlias: `${name}-eks-control-plane-logs`,
      description: `control-plane logs of EKS cluster ${name}`,
      region: props.region,
      account,
      retentionInDays: props.controlPlaneLogRetentionDays,
      protection: props.protection,
    });
    const secretsKey = new EncryptionKey(this, "secrets-key", {
      alias: `${name}-eks-secrets`,
      description: `Envelope-encrypts Kubernetes secrets of EKS cluster ${name}`,
      account,
      protection: props.protection,
    });
    const clusterRole = new IamServiceRole(this, "cluster-role", {
      name: `${name}-eks-cluster`,
      description: `EKS control plane of ${name}`,
      trust: {
        principal: { type: "Service", identifiers: ["eks.amazonaws.com"] },
        actions: ["sts:AssumeRole", "sts:TagSession"],
      },
      managedPolicies: { cluster: awsManagedPolicyArn(account, "AmazonEKSClusterPolicy") },
      statements: [
        {
          sid: "EnvelopeEncryptSecrets",
          actions: ["kms:Encrypt", "kms:Decrypt", "kms:ListGrants", "kms:DescribeKey"],
          resources: [secretsKey.arn],
        },
      ],
    });
    this.securityGroups = new ClusterSecurityGroups(this, "security-groups", {
      clusterName: name,
      vpcId: props.vpcId,
      vpcCidr: props.vpcCidr,
      podToPodPorts: props.podToPodPorts ?? [],
    });

    const publicEndpoint = props.publicAccessCidrs.length > 0;
    this.cluster = new EksClusterResource(this, "cluster", {
      name,
      version: props.kubernetesVersion,
      roleArn: clusterRole.arn,
      vpcConfig: {
        subnetIds: props.subnetIds,
        securityGroupIds: [this.securityGroups.controlPlane.ref.securityGroupId],
        endpointPrivateAccess: true,
        endpointPublicAccess: publicEndpoint,
        publicAccessCidrs: publicEndpoint ? props.publicAccessCidrs : undefined,
      },
      enabledClusterLogTypes: [...CONTROL_PLANE_LOG_TYPES],
      encryptionConfig: { provider: { keyArn: secretsKey.arn }, resources: ["secrets"] },
      accessConfig: { authenticationMode: "API", bootstrapClusterCreatorAdminPermissions: false },
      // The add-ons below are managed; EKS's unmanaged defaults would conflict with them.
      bootstrapSelfManagedAddons: false,
      // Terraform owns the version. With STANDARD, EKS would upgrade the cluster itself when
      // standard support ends, and every later plan would try to downgrade it; EXTENDED keeps
      // the version until we move it, and config refuses versions out of standard support.
      upgradePolicy: { supportType: "EXTENDED" },
      deletionProtection: guard.deletionProtection,
      dependsOn: [logs.logGroup, ...clusterRole.withPolicies],
    });

    const admins = new ClusterAdmins(this, "admins", {
      clusterName: this.cluster.name,
      account,
      principalArns: props.adminPrincipalArns ?? [],
      includeTerraformRunner: props.grantTerraformRunnerAdmin ?? true,
    });

    // The EBS CSI add-on associates its own role, so the role exists before the add-on.
    const ebsCsiDriver = this.workloadRole("ebs-csi-driver", {
      serviceAccount: SYSTEM_SERVICE_ACCOUNTS.ebsCsiController,
      description: "EBS CSI driver",
      managedPolicies: { ebs: awsManagedPolicyArn(account, "service-role/AmazonEBSCSIDriverPolicy") },
      associate: false,
    });

    this.addons = new ClusterAddons(this, "addons", {
      clusterName: this.cluster.name,
      versions: props.addonVersions,
      roles: { ebsCsiDriver: { roleArn: ebsCsiDriver.arn, serviceAccount: ebsCsiDriver.serviceAccount } },
    });
    const networking = this.addons.addBeforeNodes();

    const nodeRole = new IamServiceRole(this, "node-role", {
      name: `${name}-eks-node`,
      description: `Nodes of EKS cluster ${name}`,
      trust: { principal: { type: "Service", identifiers: ["ec2.amazonaws.com"] }, actions: ["sts:AssumeRole"] },
      managedPolicies: {
        worker: awsManagedPolicyArn(account, "AmazonEKSWorkerNodePolicy"),
        cni: awsManagedPolicyArn(account, "AmazonEKS_CNI_Policy"),
        "ecr-read-only": awsManagedPolicyArn(account, "AmazonEC2ContainerRegistryReadOnly"),
      },
    });
    // Created by the global stack in a fresh account (modules/shared/service-linked-role.ts).
    const autoscalingServiceRole = serviceLinkedRoleArn(account, "autoscaling.amazonaws.com");
    const volumeKey = new EncryptionKey(this, "node-volume-key", {
      alias: `${name}-eks-node-volumes`,
      description: `Encrypts root volumes of the nodes of EKS cluster ${name}`,
      account,
      protection: props.protection,
      // Auto Scaling launches the nodes, so its service-linked role must be able to use the key.
      roleGrants: [
        { roleArn: autoscalingServiceRole, actions: AUTOSCALING_VOLUME_KEY_ACTIONS },
        {
          roleArn: autoscalingServiceRole,
          actions: ["kms:CreateGrant"],
          conditions: [{ test: "Bool", variable: "kms:GrantIsForAWSResource", values: ["true"] }],
        },
      ],
    });
    for (const [key, options] of Object.entries(props.nodeGroups)) {
      this.nodeGroups[key] = new ManagedNodeGroup(this, `node-group-${key}`, {
        ...options,
        clusterName: this.cluster.name,
        name: `${name}-${key}`,
        nodeRoleArn: nodeRole.arn,
        subnetIds: props.subnetIds,
        securityGroupIds: [this.securityGroups.nodes.ref.securityGroupId],
        volumeKeyArn: volumeKey.arn,
        tags: autoscalerDiscoveryTags(name),
        dependsOn: [...nodeRole.withPolicies, ...networking],
      });
    }
    const nodeGroups = Object.values(this.nodeGroups).map((group) => group.nodeGroup);
    const scheduled = this.addons.addAfterNodes(nodeGroups);

    this.roles = {
      loadBalancerController: this.addWorkloadRole("load-balancer-controller", {
        serviceAccount: SYSTEM_SERVICE_ACCOUNTS.loadBalancerController,
        description: "AWS Load Balancer Controller",
        statements: loadBalancerControllerStatements(props.region),
      }),
      clusterAutoscaler: this.addWorkloadRole("cluster-autoscaler", {
        serviceAccount: SYSTEM_SERVICE_ACCOUNTS.clusterAutoscaler,
        description: "Cluster autoscaler",
        statements: clusterAutoscalerStatements(
          name,
          nodeGroups.map((group) => group.arn),
        ),
      }),
      ebsCsiDriver,
    };
    this.readyForWorkloads = [...nodeGroups, ...networking, ...scheduled, ...admins.granted];
  }

  /**
   * A Pod Identity role `<cluster>-<id>` that only `options.serviceAccount` of this cluster can
   * assume, associated with that service account.
   */
  addWorkloadRole(id: string, options: WorkloadRoleOptions): WorkloadRole {
    return this.workloadRole(id, options);
  }

  private workloadRole(
    id: string,
    options: WorkloadRoleOptions & Pick<WorkloadRoleProps, "managedPolicies" | "associate">,
  ): WorkloadRole {
    return new WorkloadRole(this, `${id}-role`, {
      clusterName: this.cluster.name,
      clusterArn: this.cluster.arn,
      roleName: `${this.clusterName}-${id}`,
      description: `${options.description} in EKS cluster ${this.clusterName}`,
      serviceAccount: options.serviceAccount,
      statements: options.statements,
      managedPolicies: options.managedPolicies,
      associate: options.associate,
    });
  }

  get name(): string {
    return this.cluster.name;
  }

  get arn(): string {
    return this.cluster.arn;
  }

  get endpoint(): string {
    return this.cluster.endpoint;
  }

  /** Base64 PEM of the cluster's certificate authority. */
  get certificateAuthorityData(): string {
    return this.cluster.certificateAuthority.get(0).data;
  }

  /** The nodes' (and so the pods') security group, for others to admit traffic from. */
  get nodeSecurityGroup(): SecurityGroupRef {
    return this.securityGroups.nodes.ref;
  }

  /** Admits `ports` from `peer` to the pods (and lets the peer send there). */
  allowFrom(peer: Peer, ports: PortRange, description: string): void {
    this.securityGroups.nodes.allowFrom(peer, ports, description);
  }

  /** Lets the pods send `ports` to `peer` (and admits them there). */
  allowTo(peer: Peer, ports: PortRange, description: string): void {
    this.securityGroups.nodes.allowTo(peer, ports, description);
  }
}
