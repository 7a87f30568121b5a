import { EksPodIdentityAssociation } from "@cdktf/provider-aws/lib/eks-pod-identity-association";
import type { ITerraformDependable } from "cdktf";
import { Construct } from "constructs";
import { type IGrantee, IamServiceRole, type PolicyStatement, type TrustStatement } from "../iam-role";
import type { ServiceAccountRef } from "./constants";

/** The service principal of EKS Pod Identity. */
export const POD_IDENTITY_PRINCIPAL = "pods.eks.amazonaws.com";

/**
 * Trust for EKS Pod Identity, narrowed by the session tags Pod Identity always sends: only this
 * cluster's pods running as this service account in this namespace can assume the role, even if
 * someone associates the role with another service account.
 */
export function podIdentityTrust(clusterArn: string, serviceAccount: ServiceAccountRef): TrustStatement {
  return {
    principal: { type: "Service", identifiers: [POD_IDENTITY_PRINCIPAL] },
    actions: ["sts:AssumeRole", "sts:TagSession"],
    conditions: [
      { test: "StringEquals", variable: "aws:RequestTag/eks-cluster-arn", values: [clusterArn] },
      { test: "StringEquals", variable: "aws:RequestTag/kubernetes-namespace", values: [serviceAccount.namespace] },
      { test: "StringEquals", variable: "aws:RequestTag/kubernetes-service-account", values: [serviceAccount.name] },
    ],
  };
}

export interface WorkloadRoleProps {
  readonly clusterName: string;
  readonly clusterArn: string;
  readonly roleName: string;
  readonly description: string;
  readonly serviceAccount: ServiceAccountRef;
  /** @default {} */
  readonly managedPolicies?: Record<string, string>;
  /** @default [] */
  readonly statements?: PolicyStatement[];
  /**
   * Create the Pod Identity association here. Add-ons associate their own role instead.
   * @default true
   */
  readonly associate?: boolean;
}

/**
 * An IAM role for one Kubernetes service account, through EKS Pod Identity. Other modules grant
 * it access through their `grant*` methods (it is an {@link IGrantee}).
 */
export class WorkloadRole extends Construct implements IGrantee {
  readonly role: IamServiceRole;
  readonly serviceAccount: ServiceAccountRef;
  private readonly association?: EksPodIdentityAssociation;

  constructor(scope: Construct, id: string, props: WorkloadRoleProps) {
    super(scope, id);
    this.serviceAccount = props.serviceAccount;
    this.role = new IamServiceRole(this, "role", {
      name: props.roleName,
      description: props.description,
      trust: podIdentityTrust(props.clusterArn, props.serviceAccount),
      managedPolicies: props.managedPolicies,
      statements: props.statements,
    });
    if (props.associate ?? true) {
      this.association = new EksPodIdentityAssociation(this, "association", {
        clusterName: props.clusterName,
        namespace: props.serviceAccount.namespace,
        serviceAccount: props.serviceAccount.name,
        roleArn: this.role.arn,
      });
    }
  }

  /**
   * The role with its policies (grants included) and its association: pods started before these
   * exist run without credentials until restarted, so their release waits for this.
   */
  get ready(): ITerraformDependable[] {
    return [...this.role.withPolicies, ...(this.association === undefined ? [] : [this.association])];
  }

  addToPolicy(statement: PolicyStatement): void {
    this.role.addToPolicy(statement);
  }

  get arn(): string {
    return this.role.arn;
  }
}
