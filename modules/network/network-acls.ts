import { NetworkAcl, type NetworkAclEgress, type NetworkAclIngress } from "@cdktf/provider-aws/lib/network-acl";
import type { Subnet } from "@cdktf/provider-aws/lib/subnet";
import { Construct } from "constructs";
import { ANY_IPV4, EPHEMERAL_PORTS, PORTS } from "../shared/constants";
import type { SubnetPlan, SubnetTier } from "./subnet-plan";

/** NACL rule numbers start here and step by this much, leaving room to insert rules later. */
const FIRST_RULE_NUMBER = 100;
const RULE_NUMBER_STEP = 10;
const ALL_PROTOCOLS = "-1";
const ALL_PORTS = 0;

/** An allowed flow through a NACL, before rule numbering. */
interface AclRule {
  readonly protocol: "tcp" | typeof ALL_PROTOCOLS;
  readonly cidr: string;
  readonly ports?: { readonly from: number; readonly to: number };
}

/** PostgreSQL between this VPC's database tier and a peered VPC's, by CIDR. */
export interface DatabasePeering {
  /** CIDRs that may open PostgreSQL connections to this database tier (a replication source's peers). */
  readonly servesCidrs: readonly string[];
  /** CIDRs this database tier opens PostgreSQL connections to (a replication target's sources). */
  readonly reachesCidrs: readonly string[];
  /**
   * Whether something in the database tier (a DMS replication instance) calls AWS APIs through
   * the interface endpoints in the private tier (HTTPS out, return traffic in).
   * @default false
   */
  readonly callsServiceEndpoints?: boolean;
}

export interface TierNetworkAclsProps {
  readonly name: string;
  readonly vpcId: string;
  readonly vpcCidr: string;
  readonly subnets: Record<SubnetTier, Subnet[]>;
  /** The CIDRs of `subnets`, known at synth time so the rules read as plain addresses. */
  readonly plan: SubnetPlan;
  /**
   * PostgreSQL across a peering connection, appended after the tier's own rules (rule numbers of
   * the existing rules stay).
   * @default none
   */
  readonly databasePeering?: DatabasePeering;
}

/**
 * Stateless subnet-tier filters under the security groups (defence in depth): the public tier
 * takes web traffic and return traffic from the internet, the private tier takes VPC traffic
 * and return traffic, the database tier takes only PostgreSQL/Redis from the private tier.
 */
export class TierNetworkAcls extends Construct {
  readonly acls: Record<SubnetTier, NetworkAcl>;

  constructor(scope: Construct, id: string, props: TierNetworkAclsProps) {
    super(scope, id);
    const cidrs = (tier: SubnetTier) => props.plan[tier];
    const peering = props.databasePeering;
    const returnTraffic = (cidr: string): AclRule => ({ protocol: "tcp", cidr, ports: EPHEMERAL_PORTS });
    const tcp = (port: number, cidr: string): AclRule => ({ protocol: "tcp", cidr, ports: { from: port, to: port } });
    const all = (cidr: string): AclRule => ({ protocol: ALL_PROTOCOLS, cidr });

    this.acls = {
      public: this.acl(props, "public", {
        ingress: [tcp(PORTS.https, ANY_IPV4), tcp(PORTS.http, ANY_IPV4), returnTraffic(ANY_IPV4), all(props.vpcCidr)],
        egress: [all(ANY_IPV4)],
      }),
      private: this.acl(props, "private", {
        ingress: [all(props.vpcCidr), returnTraffic(ANY_IPV4)],
        egress: [all(ANY_IPV4)],
      }),
      database: this.acl(props, "database", {
        ingress: [
          ...cidrs("private").flatMap((cidr) => [tcp(PORTS.postgres, cidr), tcp(PORTS.redis, cidr)]),
          ...cidrs("database").map(all),
          ...(peering?.servesCidrs ?? []).map((cidr) => tcp(PORTS.postgres, cidr)),
          ...(peering?.reachesCidrs ?? []).map(returnTraffic),
          ...(peering?.callsServiceEndpoints === true ? cidrs("private").map(returnTraffic) : []),
        ],
        egress: [
          ...cidrs("private").map(returnTraffic),
          ...cidrs("database").map(all),
          ...(peering?.servesCidrs ?? []).map(returnTraffic),
          ...(peering?.reachesCidrs ?? []).map((cidr) => tcp(PORTS.postgres, cidr)),
          ...(peering?.callsServiceEndpoints === true ? cidrs("private").map((cidr) => tcp(PORTS.https, cidr)) : []),
        ],
      }),
    };
  }

  private acl(
    props: TierNetworkAclsProps,
    tier: SubnetTier,
    rules: { ingress: AclRule[]; egress: AclRule[] },
  ): NetworkAcl {
    return new NetworkAcl(this, tier, {
      vpcId: props.vpcId,
      subnetIds: props.subnets[tier].map((subnet) => subnet.id),
      ingress: rules.ingress.map(numbered),
      egress: rules.egress.map(numbered),
      tags: { Name: `${props.name}-${tier}` },
    });
  }
}

function numbered(rule: AclRule, index: number): NetworkAclIngress & NetworkAclEgress {
  return {
    ruleNo: FIRST_RULE_NUMBER + index * RULE_NUMBER_STEP,
    action: "allow",
    protocol: rule.protocol,
    cidrBlock: rule.cidr,
    fromPort: rule.ports?.from ?? ALL_PORTS,
    toPort: rule.ports?.to ?? ALL_PORTS,
  };
}
