import { Route53Record } from "@cdktf/provider-aws/lib/route53-record";
import { Construct } from "constructs";

/** A load balancer as alias records point at it. */
export interface AliasTarget {
  readonly dnsName: string;
  /** The load balancer's canonical hosted zone (not ours). */
  readonly zoneId: string;
}

export interface FailoverMemberProps {
  /** Our public zone. */
  readonly zoneId: string;
  /** Region key: the set identifier of every member record. */
  readonly regionKey: string;
  /** AWS region code, for the latency record. */
  readonly awsRegion: string;
  readonly role: "primary" | "secondary";
  /** This region's own name, e.g. `taipei.origin.example.com`. */
  readonly originName: string;
  /** Names that fail over, e.g. `api.example.com`. */
  readonly routedNames: string[];
  /** The latency-routed name, e.g. `api-latency.example.com`. */
  readonly latencyName: string;
  /** The `global` stack's health check of this region's origin name. */
  readonly healthCheckId: string;
  readonly target: AliasTarget;
}

/**
 * One region's part of DNS failover: its origin name, and its own member of each failover and
 * latency record (PRIMARY or SECONDARY, set identifier = region key), guarded by the global
 * health check of its origin. Every record is an A alias that also evaluates the ALB's health.
 */
export class FailoverMember extends Construct {
  readonly originRecord: Route53Record;

  constructor(scope: Construct, id: string, props: FailoverMemberProps) {
    super(scope, id);
    const alias = { name: props.target.dnsName, zoneId: props.target.zoneId, evaluateTargetHealth: true };
    this.originRecord = new Route53Record(this, "origin", {
      zoneId: props.zoneId,
      name: props.originName,
      type: "A",
      alias,
    });
    for (const name of props.routedNames) {
      new Route53Record(this, `failover-${name}`, {
        zoneId: props.zoneId,
        name,
        type: "A",
        setIdentifier: props.regionKey,
        failoverRoutingPolicy: { type: props.role === "primary" ? "PRIMARY" : "SECONDARY" },
        healthCheckId: props.healthCheckId,
        alias,
      });
    }
    new Route53Record(this, "latency", {
      zoneId: props.zoneId,
      name: props.latencyName,
      type: "A",
      setIdentifier: props.regionKey,
      latencyRoutingPolicy: { region: props.awsRegion },
      healthCheckId: props.healthCheckId,
      alias,
    });
  }
}

/**
 * A region's records when it serves alone (no failover configured): plain aliases to its ALB
 * for the origin, routed and latency names.
 */
export class SingleRegionRecords extends Construct {
  constructor(
    scope: Construct,
    id: string,
    props: Omit<FailoverMemberProps, "regionKey" | "awsRegion" | "role" | "healthCheckId">,
  ) {
    super(scope, id);
    const alias = { name: props.target.dnsName, zoneId: props.target.zoneId, evaluateTargetHealth: true };
    for (const name of [props.originName, ...props.routedNames, props.latencyName]) {
      new Route53Record(this, name, { zoneId: props.zoneId, name, type: "A", alias });
    }
  }
}
