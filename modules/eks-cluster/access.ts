import { DataAwsCallerIdentity } from "@cdktf/provider-aws/lib/data-aws-caller-identity";
import { DataAwsIamSessionContext } from "@cdktf/provider-aws/lib/data-aws-iam-session-context";
import { EksAccessEntry } from "@cdktf/provider-aws/lib/eks-access-entry";
import { EksAccessPolicyAssociation } from "@cdktf/provider-aws/lib/eks-access-policy-association";
import { Fn, type ITerraformDependable, TerraformIterator, Token } from "cdktf";
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
  /** The administrators' access, complete: what a client of the cluster API waits for. */
  readonly granted: ITerraformDependable[] = [];

  constructor(scope: Construct, id: string, props: ClusterAdminsProps) {
    super(scope, id);
    let principals: string[] = props.principalArns;
    if (props.includeTerraformRunner) {
      const caller = new DataAwsCallerIdentity(this, "caller");
      const session = new DataAwsIamSessionContext(this, "terraform-runner-session", { arn: caller.arn });
      // The runner is often one of the listed admins, and EKS refuses a second entry for the
      // same principal: deduplicate in Terraform, where the runner's ARN is known.
      principals = Token.asList(Fn.distinct(Fn.concat([props.principalArns, [session.issuerArn]])));
    } else if (principals.length === 0) {
      return;
    }
    const each = TerraformIterator.fromList(principals);
    const entries = new EksAccessEntry(this, "entry", {
      forEach: each,
      clusterName: props.clusterName,
      principalArn: each.value,
      type: "STANDARD",
    });
    const admins = TerraformIterator.fromResources(entries);
    const association = new EksAccessPolicyAssociation(this, "cluster-admin", {
      forEach: admins,
      clusterName: props.clusterName,
      principalArn: admins.getString("principal_arn"),
      policyArn: `arn:${props.account.partition}:eks::aws:cluster-access-policy/${CLUSTER_ADMIN_ACCESS_POLICY}`,
      accessScope: { type: "cluster" },
    });
    this.granted.push(entries, association);
  }
}
