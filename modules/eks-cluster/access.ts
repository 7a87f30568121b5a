import { DataAwsCallerIdentity } from "@cdktf/provider-aws/lib/data-aws-caller-identity";
import { DataAwsIamSessionContext } from "@cdktf/provider-aws/lib/data-aws-iam-session-context";
import { EksAccessEntry } from "@cdktf/provider-aws/lib/eks-access-entry";
import { EksAccessPolicyAssociation } from "@cdktf/provider-aws/lib/eks-access-policy-association";
import { Construct } from "constructs";
import type { AwsAccount } from "../shared/aws-account";
import { CLUSTER_ADMIN_ACCESS_POLICY } from "./constants";

export interface ClusterAdminsProps {
  readonly clusterName: string;
  readonly account: AwsAccount;
  /** IAM role or user ARNs that administer the cluster. */
  readonly principalArns: string[];
  /** Also make the identity running Terraform an administrator (for the Helm releases). */
  readonly includeTerraformRunner: boolean;
}

/**
 * Cluster administrators as EKS access entries (authentication mode `API`: no aws-auth
 * ConfigMap). The identity running Terraform is found through its session context, so an
 * assumed role is entered as the role, not as a one-off STS session.
 */
export class ClusterAdmins extends Construct {
  constructor(scope: Construct, id: string, props: ClusterAdminsProps) {
    super(scope, id);
    const admins: [string, string][] = props.principalArns.map((arn) => [principalId(arn), arn]);
    if (props.includeTerraformRunner) {
      const caller = new DataAwsCallerIdentity(this, "caller");
      const session = new DataAwsIamSessionContext(this, "terraform-runner-session", { arn: caller.arn });
      admins.push(["terraform-runner", session.issuerArn]);
    }
    for (const [id, principalArn] of admins) {
      const entry = new EksAccessEntry(this, `entry-${id}`, {
        clusterName: props.clusterName,
        principalArn,
        type: "STANDARD",
      });
      new EksAccessPolicyAssociation(this, `admin-${id}`, {
        clusterName: props.clusterName,
        principalArn: entry.principalArn,
        policyArn: `arn:${props.account.partition}:eks::aws:cluster-access-policy/${CLUSTER_ADMIN_ACCESS_POLICY}`,
        accessScope: { type: "cluster" },
      });
    }
  }
}

/** A stable construct id from an ARN: `arn:aws:iam::111122223333:role/ops` -> `111122223333-role-ops`. */
function principalId(arn: string): string {
  return arn
    .split(":")
    .slice(4)
    .join("-")
    .replace(/[^a-zA-Z0-9-]+/g, "-");
}
