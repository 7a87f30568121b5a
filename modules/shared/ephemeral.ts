import { type ITerraformDependable, TerraformElement, TerraformStack, Token } from "cdktf";
import { dependable, ref } from "./cdktf-internals";
import type { Construct } from "constructs";

const EPHEMERAL_BLOCK = "ephemeral";

export interface EphemeralResourceProps {
  /** The provider's ephemeral resource type, e.g. `aws_eks_cluster_auth`. */
  readonly type: string;
  /** Its arguments, in Terraform's snake_case. */
  readonly config: Record<string, unknown>;
  /**
   * Open it only once these exist.
   * @default []
   */
  readonly dependsOn?: ITerraformDependable[];
}

/**
 * An `ephemeral` block (Terraform >= 1.10): a value fetched on every plan and apply and never
 * written to state or plan files. cdktf 0.21 has no construct for ephemeral blocks, so this
 * element writes the block itself. Its attributes may be used only where Terraform accepts
 * ephemeral values: provider blocks, write-only arguments, other ephemeral blocks.
 */
export class EphemeralResource extends TerraformElement {
  private readonly props: EphemeralResourceProps;

  constructor(scope: Construct, id: string, props: EphemeralResourceProps) {
    super(scope, id, `${EPHEMERAL_BLOCK}.${props.type}`);
    this.props = props;
  }

  /**
   * `${ephemeral.<type>.<id>.<attribute>}`, as a token: inside `Fn.jsonencode` and other
   * functions it stays a Terraform expression (a plain `${…}` string would be escaped to `$${…}`
   * and sent as literal text).
   */
  attribute(name: string): string {
    return Token.asString(
      ref(`${EPHEMERAL_BLOCK}.${this.props.type}.${this.friendlyUniqueId}.${name}`, TerraformStack.of(this)),
    );
  }

  override toTerraform(): Record<string, unknown> {
    const dependsOn = (this.props.dependsOn ?? []).map((resource) => dependable(resource));
    const body = { ...this.props.config, ...(dependsOn.length > 0 ? { depends_on: dependsOn } : {}) };
    return { [EPHEMERAL_BLOCK]: { [this.props.type]: { [this.friendlyUniqueId]: body } } };
  }
}
