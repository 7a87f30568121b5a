import { SecurityGroup } from "@cdktf/provider-aws/lib/security-group";
import { VpcSecurityGroupEgressRule } from "@cdktf/provider-aws/lib/vpc-security-group-egress-rule";
import { VpcSecurityGroupIngressRule } from "@cdktf/provider-aws/lib/vpc-security-group-ingress-rule";
import { Construct } from "constructs";
import { ANY_IPV4, DNS_PORT, PORTS } from "../shared/constants";

/** Where a rule's traffic comes from or goes to: a CIDR block or another security group. */
export type Peer = { readonly cidr: string } | { readonly securityGroup: SecurityGroup };

/** One allowed flow, always with a description so a reviewer knows why it exists. */
export interface SecurityGroupRule {
  readonly description: string;
  readonly protocol: "tcp" | "udp";
  readonly port: number;
  readonly peer: Peer;
}

export interface TierSecurityGroupsProps {
  readonly name: string;
  readonly vpcId: string;
  readonly vpcCidr: string;
  readonly appPort: number;
}

/**
 * The security groups of the request path: internet -> ALB -> app -> data stores, plus the
 * interface endpoints. Each group opens exactly the flows named here; there is no
 * allow-all rule, and Terraform removes AWS's default allow-all egress on creation.
 */
export class TierSecurityGroups extends Construct {
  readonly alb: SecurityGroup;
  readonly app: SecurityGroup;
  readonly data: SecurityGroup;
  readonly endpoints: SecurityGroup;

  constructor(scope: Construct, id: string, props: TierSecurityGroupsProps) {
    super(scope, id);
    const group = (tier: string, description: string) =>
      new SecurityGroup(this, tier, {
        name: `${props.name}-${tier}`,
        description,
        vpcId: props.vpcId,
        tags: { Name: `${props.name}-${tier}` },
      });
    this.alb = group("alb", "Application load balancer: HTTP/HTTPS from the internet");
    this.app = group("app", "GenAI Demo pods: traffic from the ALB only");
    this.data = group("data", "Aurora and Redis: traffic from the app only");
    this.endpoints = group("endpoints", "VPC interface endpoints: HTTPS from inside the VPC");

    const internet = { cidr: ANY_IPV4 };
    const vpc = { cidr: props.vpcCidr };
    this.allow("in", this.alb, [
      { description: "HTTPS from the internet", protocol: "tcp", port: PORTS.https, peer: internet },
      { description: "HTTP from the internet, redirected to HTTPS", protocol: "tcp", port: PORTS.http, peer: internet },
    ]);
    this.allow("out", this.alb, [
      {
        description: "Forward requests to app pods",
        protocol: "tcp",
        port: props.appPort,
        peer: { securityGroup: this.app },
      },
    ]);

    this.allow("in", this.app, [
      { description: "Requests from the ALB", protocol: "tcp", port: props.appPort, peer: { securityGroup: this.alb } },
    ]);
    this.allow("out", this.app, [
      {
        description: "PostgreSQL to Aurora",
        protocol: "tcp",
        port: PORTS.postgres,
        peer: { securityGroup: this.data },
      },
      { description: "Redis to ElastiCache", protocol: "tcp", port: PORTS.redis, peer: { securityGroup: this.data } },
      { description: "HTTPS to AWS APIs and endpoints", protocol: "tcp", port: PORTS.https, peer: internet },
      { description: "DNS to the VPC resolver (UDP)", protocol: "udp", port: DNS_PORT, peer: vpc },
      { description: "DNS to the VPC resolver (TCP)", protocol: "tcp", port: DNS_PORT, peer: vpc },
    ]);

    this.allow("in", this.data, [
      {
        description: "PostgreSQL from app pods",
        protocol: "tcp",
        port: PORTS.postgres,
        peer: { securityGroup: this.app },
      },
      { description: "Redis from app pods", protocol: "tcp", port: PORTS.redis, peer: { securityGroup: this.app } },
    ]);

    this.allow("in", this.endpoints, [
      { description: "HTTPS to AWS service endpoints from the VPC", protocol: "tcp", port: PORTS.https, peer: vpc },
    ]);
  }

  private allow(direction: "in" | "out", group: SecurityGroup, rules: SecurityGroupRule[]): void {
    const Rule = direction === "in" ? VpcSecurityGroupIngressRule : VpcSecurityGroupEgressRule;
    for (const rule of rules) {
      new Rule(group, ruleId(direction, rule), {
        securityGroupId: group.id,
        description: rule.description,
        ...ruleTarget(rule),
      });
    }
  }
}

function ruleId(direction: string, rule: SecurityGroupRule): string {
  const peer = "cidr" in rule.peer ? rule.peer.cidr : rule.peer.securityGroup.node.id;
  return `${direction}-${rule.protocol}-${rule.port}-${peer.replace(/[^a-zA-Z0-9]+/g, "-")}`;
}

function ruleTarget(rule: SecurityGroupRule) {
  return {
    ipProtocol: rule.protocol,
    fromPort: rule.port,
    toPort: rule.port,
    ...("cidr" in rule.peer ? { cidrIpv4: rule.peer.cidr } : { referencedSecurityGroupId: rule.peer.securityGroup.id }),
  };
}
