import { EksAddon } from "@cdktf/provider-aws/lib/eks-addon";
import type { ITerraformDependable } from "cdktf";
import { Construct } from "constructs";
import type { ServiceAccountRef } from "./constants";

/** Exact version of each EKS managed add-on the cluster runs. */
export interface EksAddonVersions {
  readonly vpcCni: string;
  readonly coredns: string;
  readonly kubeProxy: string;
  readonly podIdentityAgent: string;
  readonly ebsCsiDriver: string;
}

/**
 * EKS's name for each add-on, and whether nodes need it before they can join (networking and
 * pod credentials) or it needs nodes to schedule on (CoreDNS, the EBS CSI controller).
 */
export const ADDONS: Record<
  keyof EksAddonVersions,
  { readonly name: string; readonly phase: "before-nodes" | "after-nodes" }
> = {
  vpcCni: { name: "vpc-cni", phase: "before-nodes" },
  kubeProxy: { name: "kube-proxy", phase: "before-nodes" },
  podIdentityAgent: { name: "eks-pod-identity-agent", phase: "before-nodes" },
  coredns: { name: "coredns", phase: "after-nodes" },
  ebsCsiDriver: { name: "aws-ebs-csi-driver", phase: "after-nodes" },
};

export interface ClusterAddonsProps {
  readonly clusterName: string;
  readonly versions: EksAddonVersions;
  /** Pod Identity roles of add-ons that call AWS APIs, by add-on. */
  readonly roles: Partial<Record<keyof EksAddonVersions, { roleArn: string; serviceAccount: ServiceAccountRef }>>;
}

/**
 * The managed add-ons in two phases: `addBeforeNodes()` before any node group (nodes need
 * networking to become Ready), `addAfterNodes(nodeGroups)` once there is somewhere to run.
 * Terraform is the source of truth for their configuration, so conflicts are overwritten.
 */
export class ClusterAddons extends Construct {
  readonly addons: Partial<Record<keyof EksAddonVersions, EksAddon>> = {};

  constructor(
    scope: Construct,
    id: string,
    private readonly props: ClusterAddonsProps,
  ) {
    super(scope, id);
  }

  addBeforeNodes(): EksAddon[] {
    return this.addPhase("before-nodes", []);
  }

  addAfterNodes(nodeGroups: ITerraformDependable[]): EksAddon[] {
    return this.addPhase("after-nodes", nodeGroups);
  }

  private addPhase(phase: "before-nodes" | "after-nodes", dependsOn: ITerraformDependable[]): EksAddon[] {
    const keys = (Object.keys(ADDONS) as (keyof EksAddonVersions)[]).filter((key) => ADDONS[key].phase === phase);
    return keys.map((key) => {
      const role = this.props.roles[key];
      const addon = new EksAddon(this, ADDONS[key].name, {
        clusterName: this.props.clusterName,
        addonName: ADDONS[key].name,
        addonVersion: this.props.versions[key],
        resolveConflictsOnCreate: "OVERWRITE",
        resolveConflictsOnUpdate: "OVERWRITE",
        podIdentityAssociation:
          role === undefined ? undefined : [{ roleArn: role.roleArn, serviceAccount: role.serviceAccount.name }],
        dependsOn: dependsOn.length > 0 ? dependsOn : undefined,
      });
      this.addons[key] = addon;
      return addon;
    });
  }
}
