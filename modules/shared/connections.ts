import { SecurityGroup } from "@cdktf/provider-aws/lib/security-group";
import { VpcSecurityGroupEgressRule } from "@cdktf/provider-aws/lib/vpc-security-group-egress-rule";
import { VpcSecurityGroupIngressRule } from "@cdktf/provider-aws/lib/vpc-security-group-ingress-rule";
import { Token } from "cdktf";
import { Construct } from "constructs";

/** A security group as others refer to it: its id, and a short stable name for ids and reviews. */
export interface SecurityGroupRef {
  readonly securityGroupId: string;
  /** Short, stable name used in construct ids, e.g. `alb` or `eks-nodes`. */
  readonly name: string;
}

/** A managed prefix list (e.g. AWS's CloudFront origin-facing ranges), with a short name for ids. */
export interface PrefixListRef {
  readonly prefixListId: string;
  readonly name: string;
}

/** Where a rule's traffic comes from or goes to: a CIDR block, a prefix list or another security group. */
export type Peer = CidrPeer | PrefixListRef | SecurityGroupRef;

/** A CIDR block; a block only known at apply time (an Elastic IP's) needs a `name` for ids. */
export interface CidrPeer {
  readonly cidr: string;
  /** @default the CIDR block itself */
  readonly name?: string;
}

/** Groups are the one kind of peer with rules of its own, so flows to and from them open both ends. */
const isGroup = (peer: Peer): peer is SecurityGroupRef => "securityGroupId" in peer;

/** A protocol and an inclusive port range. */
export interface PortRange {
  readonly protocol: "tcp" | "udp";
  readonly from: number;
  readonly to: number;
}

/** What EC2 accepts in a security group rule's description. */
const RULE_DESCRIPTION = /^[a-zA-Z0-9 ._\-:/()#,@[\]+=;{}!$*]{0,255}$/;

export const tcp = (port: number): PortRange => ({ protocol: "tcp", from: port, to: port });
export const udp = (port: number): PortRange => ({ protocol: "udp", from: port, to: port });
export const tcpRange = (from: number, to: number): PortRange => ({ protocol: "tcp", from, to });

/**
 * The rules of one security group, in the style of aws-cdk's `Connections`: each allowed flow
 * is one `aws_vpc_security_group_{ingress,egress}_rule` with a description, and a flow between
 * two groups opens both ends (our groups have no allow-all egress to fall back on).
 */
export class Connections extends Construct {
  readonly ref: SecurityGroupRef;

  /**
   * A new security group with no rules (Terraform removes AWS's default allow-all egress) and
   * the Connections that write its rules. Named `<prefix>-<name>`.
   */
  static forNewGroup(
    scope: Construct,
    group: { readonly prefix: string; readonly name: string; readonly description: string; readonly vpcId: string },
  ): Connections {
    const fullName = `${group.prefix}-${group.name}`;
    const securityGroup = new SecurityGroup(scope, group.name, {
      name: fullName,
      description: group.description,
      vpcId: group.vpcId,
      tags: { Name: fullName },
    });
    return new Connections(scope, `${group.name}-rules`, { securityGroupId: securityGroup.id, name: group.name });
  }

  constructor(scope: Construct, id: string, ref: SecurityGroupRef) {
    super(scope, id);
    this.ref = ref;
  }

  /** Admits `ports` from `peer`; when the peer is a group, also lets it send here. */
  allowFrom(peer: Peer, ports: PortRange, description: string): void {
    this.rule("in", this.ref, peer, ports, description);
    if (isGroup(peer)) this.rule("out", peer, this.ref, ports, description);
  }

  /** Lets this group send `ports` to `peer`; when the peer is a group, also admits it there. */
  allowTo(peer: Peer, ports: PortRange, description: string): void {
    this.rule("out", this.ref, peer, ports, description);
    if (isGroup(peer)) this.rule("in", peer, this.ref, ports, description);
  }

  /** Lets members of this group reach each other on `ports`. */
  allowWithin(ports: PortRange, description: string): void {
    this.rule("in", this.ref, this.ref, ports, description);
    this.rule("out", this.ref, this.ref, ports, description);
  }

  private rule(direction: "in" | "out", group: SecurityGroupRef, peer: Peer, ports: PortRange, description: string) {
    if (!RULE_DESCRIPTION.test(description)) {
      throw new Error(
        `${this.node.path}: security group rule description "${description}" has characters EC2 refuses (allowed: a-z A-Z 0-9 space ._-:/()#,@[]+=;{}!$*, at most 255)`,
      );
    }
    const Rule = direction === "in" ? VpcSecurityGroupIngressRule : VpcSecurityGroupEgressRule;
    const range = ports.from === ports.to ? `${ports.from}` : `${ports.from}-${ports.to}`;
    const peerName = "cidr" in peer ? (peer.name ?? peer.cidr) : peer.name;
    if (Token.isUnresolved(peerName)) {
      throw new Error(`${this.node.path}: a peer known only at apply time needs a name for its rule's id`);
    }
    const id = `${group.name}-${direction}-${ports.protocol}-${range}-${peerName}`.replace(/[^a-zA-Z0-9-]+/g, "-");
    new Rule(this, id, {
      securityGroupId: group.securityGroupId,
      description,
      ipProtocol: ports.protocol,
      fromPort: ports.from,
      toPort: ports.to,
      ...("cidr" in peer
        ? { cidrIpv4: peer.cidr }
        : isGroup(peer)
          ? { referencedSecurityGroupId: peer.securityGroupId }
          : { prefixListId: peer.prefixListId }),
    });
  }
}
