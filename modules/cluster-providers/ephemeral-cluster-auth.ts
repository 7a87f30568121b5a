import { type ITerraformDependable, TerraformElement } from "cdktf";
import { dependable } from "cdktf/lib/tfExpression";
import type { Construct } from "constructs";

/** Terraform's block type and the AWS provider's ephemeral resource type. */
const EPHEMERAL_BLOCK = "ephemeral";
const RESOURCE_TYPE = "aws_eks_cluster_auth";

/**
 * `ephemeral "aws_eks_cluster_auth"`: a short-lived token for the cluster, fetched on every plan
 * and apply and never written to state or plan files (Terraform >= 1.10). cdktf 0.21 has no
 * construct for ephemeral blocks, so this element writes the block itself.
 */
export class EphemeralEksClusterAuth extends TerraformElement {
  private readonly clusterName: string;
  private readonly dependsOn: ITerraformDependable[];

  /**
   * @param props.dependsOn fetch the token only once these exist: it is valid for 15 minutes and
   *   never renewed, so it should be fetched just before the releases that use it, not when the
   *   cluster is created.
   */
  constructor(
    scope: Construct,
    id: string,
    props: { readonly clusterName: string; readonly dependsOn?: ITerraformDependable[] },
  ) {
    super(scope, id, `${EPHEMERAL_BLOCK}.${RESOURCE_TYPE}`);
    this.clusterName = props.clusterName;
    this.dependsOn = props.dependsOn ?? [];
  }

  /** The bearer token, as an expression only provider blocks and other ephemeral contexts may use. */
  get token(): string {
    return `\${${EPHEMERAL_BLOCK}.${RESOURCE_TYPE}.${this.friendlyUniqueId}.token}`;
  }

  override toTerraform(): Record<string, unknown> {
    const dependsOn = this.dependsOn.map((resource) => dependable(resource));
    const body = { name: this.clusterName, ...(dependsOn.length > 0 ? { depends_on: dependsOn } : {}) };
    return { [EPHEMERAL_BLOCK]: { [RESOURCE_TYPE]: { [this.friendlyUniqueId]: body } } };
  }
}
