import { DataAwsEc2ManagedPrefixList } from "@cdktf/provider-aws/lib/data-aws-ec2-managed-prefix-list";
import { LbListenerRule } from "@cdktf/provider-aws/lib/lb-listener-rule";
import { Construct } from "constructs";
import { Connections, tcp, type SecurityGroupRef } from "../shared/connections";
import { PORTS } from "../shared/constants";

/**
 * AWS-managed prefix lists (Amazon VPC user guide, "AWS-managed prefix lists"): CloudFront's
 * origin-facing servers (weight 55 of a group's 60 rules, so it gets a group of its own) and the
 * Route 53 health checkers that check resources in `region` (weight 25), both IPv4.
 */
export const CLOUDFRONT_ORIGIN_FACING = "com.amazonaws.global.cloudfront.origin-facing";
export const route53HealthCheckers = (region: string) => `com.amazonaws.${region}.route53-healthchecks`;
/** Every AWS-managed prefix list an ALB in `region` behind the edge admits (`npm run preflight` looks them up). */
export const edgeOnlyPrefixLists = (region: string) => [CLOUDFRONT_ORIGIN_FACING, route53HealthCheckers(region)];
/** An ALB rule takes at most 5 condition values (ELB user guide, "Quotas for your Application Load Balancers"). */
const MAX_CONDITION_VALUES = 5;
/** What a request that did not come through the edge gets. */
const REFUSED = { statusCode: "403", contentType: "text/plain", messageBody: "Forbidden" } as const;
const RULE_PRIORITY = { fromEdge: 10, healthChecks: 20, ownProbes: 30 } as const;

/** An address of the region's own, e.g. a NAT gateway's Elastic IP, named for ids and reviews. */
export interface NamedAddress {
  readonly name: string;
  readonly ip: string;
}

const hostCidr = (address: NamedAddress) => `${address.ip}/32`;

/** How an ALB behind the edge tells the edge's requests from everyone else's. */
export interface EdgeOnlyAccess {
  /** The header the edge adds, and the values the ALB accepts (the origin secret's generations). */
  readonly header: { readonly name: string; readonly values: readonly string[] };
  /** The path Route 53 health checkers request: they cannot send the header. */
  readonly healthCheckPath: string;
  /** Where the region's own probes come from (its canary leaves through the NAT gateways). */
  readonly probeAddresses: readonly NamedAddress[];
}

/** The listener's answer to everyone else, for {@link EdgeOnlyListener}'s caller to set as default. */
export const REFUSE_ACTION = { type: "fixed-response", fixedResponse: REFUSED } as const;

/**
 * Security groups that admit HTTPS only from CloudFront's origin-facing servers, the Route 53
 * health checkers and the region's own probe addresses; no port is open to the internet.
 */
export function edgeOnlyGroups(
  scope: Construct,
  props: { prefix: string; vpcId: string; region: string; probeAddresses: readonly NamedAddress[] },
): SecurityGroupRef[] {
  const managedList = (id: string, name: string) => new DataAwsEc2ManagedPrefixList(scope, id, { name }).id;
  const edge = Connections.forNewGroup(scope, {
    prefix: props.prefix,
    name: "alb-edge",
    description: "Application load balancer: HTTPS from CloudFront origin-facing servers",
    vpcId: props.vpcId,
  });
  edge.allowFrom(
    { prefixListId: managedList("cloudfront-origin-facing", CLOUDFRONT_ORIGIN_FACING), name: "cloudfront" },
    tcp(PORTS.https),
    "HTTPS from the edge",
  );
  const probes = Connections.forNewGroup(scope, {
    prefix: props.prefix,
    name: "alb-probes",
    description: "Application load balancer: HTTPS from Route 53 health checkers and own probes",
    vpcId: props.vpcId,
  });
  probes.allowFrom(
    { prefixListId: managedList("route53-health-checkers", route53HealthCheckers(props.region)), name: "route53" },
    tcp(PORTS.https),
    "HTTPS from Route 53 health checkers",
  );
  for (const address of props.probeAddresses) {
    probes.allowFrom({ cidr: hostCidr(address), name: address.name }, tcp(PORTS.https), "HTTPS from own probes");
  }
  return [edge.ref, probes.ref];
}

/**
 * The HTTPS listener's rules behind the edge: requests carrying the origin secret, the health
 * checkers' path, and the region's own probe addresses are forwarded; the listener's default
 * ({@link REFUSE_ACTION}) refuses the rest.
 */
export class EdgeOnlyListener extends Construct {
  constructor(
    scope: Construct,
    id: string,
    props: { listenerArn: string; targetGroupArn: string; access: EdgeOnlyAccess },
  ) {
    super(scope, id);
    const { listenerArn, targetGroupArn, access } = props;
    const forward = [{ type: "forward", targetGroupArn }];
    new LbListenerRule(this, "from-edge", {
      listenerArn,
      priority: RULE_PRIORITY.fromEdge,
      condition: [{ httpHeader: { httpHeaderName: access.header.name, values: [...access.header.values] } }],
      action: forward,
    });
    new LbListenerRule(this, "health-checks", {
      listenerArn,
      priority: RULE_PRIORITY.healthChecks,
      condition: [{ pathPattern: { values: [access.healthCheckPath] } }],
      action: forward,
    });
    chunks(access.probeAddresses, MAX_CONDITION_VALUES).forEach((addresses, index) => {
      new LbListenerRule(this, `own-probes-${index + 1}`, {
        listenerArn,
        priority: RULE_PRIORITY.ownProbes + index,
        condition: [{ sourceIp: { values: addresses.map(hostCidr) } }],
        action: forward,
      });
    });
  }
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  return Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));
}
