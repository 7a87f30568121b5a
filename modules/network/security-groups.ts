import { Construct } from "constructs";
import { Connections, tcp } from "../shared/connections";
import { PORTS } from "../shared/constants";

export interface TierSecurityGroupsProps {
  readonly name: string;
  readonly vpcId: string;
  readonly vpcCidr: string;
}

/**
 * The network-owned security group: the interface endpoints'. It opens only what is named here
 * or added through its {@link Connections}; Terraform removes AWS's default allow-all egress when
 * it creates a group. The ALB's group belongs to the ingress module, the pods' to the EKS module,
 * Aurora's and the cache's to their modules.
 */
export class TierSecurityGroups extends Construct {
  readonly endpoints: Connections;

  constructor(scope: Construct, id: string, props: TierSecurityGroupsProps) {
    super(scope, id);
    const group = (name: string, description: string) =>
      Connections.forNewGroup(this, { prefix: props.name, name, description, vpcId: props.vpcId });
    this.endpoints = group("endpoints", "VPC interface endpoints: HTTPS from inside the VPC");

    this.endpoints.allowFrom({ cidr: props.vpcCidr }, tcp(PORTS.https), "HTTPS to AWS service endpoints from the VPC");
  }
}
