import { DataAwsRoute53Zone } from "@cdktf/provider-aws/lib/data-aws-route53-zone";
import { Route53Zone } from "@cdktf/provider-aws/lib/route53-zone";
import { Construct } from "constructs";

/** Create a new public zone, or adopt one that already exists (e.g. a registrar-made zone). */
export type HostedZoneSource = { readonly mode: "create" } | { readonly mode: "adopt"; readonly zoneId: string };

export interface HostedZoneProps {
  /** The zone's apex, e.g. `genai-demo.example.com`. */
  readonly domainName: string;
  /** Whether this stack owns the zone or only looks it up. */
  readonly source: HostedZoneSource;
  /**
   * Refuse `terraform destroy` of a created zone (its delegation would have to be redone).
   * @default true
   */
  readonly preventDestroy?: boolean;
}

/**
 * The public Route 53 zone the failover records live in. An adopted zone is read through a data
 * source, so destroying this stack can never delete it.
 */
export class HostedZone extends Construct {
  readonly zoneId: string;
  readonly nameServers: string[];
  readonly domainName: string;

  constructor(scope: Construct, id: string, props: HostedZoneProps) {
    super(scope, id);
    this.domainName = props.domainName;
    if (props.source.mode === "adopt") {
      const existing = new DataAwsRoute53Zone(this, "existing", { zoneId: props.source.zoneId, privateZone: false });
      this.zoneId = existing.zoneId;
      this.nameServers = existing.nameServers;
      return;
    }
    const zone = new Route53Zone(this, "zone", {
      name: props.domainName,
      comment: `Public zone of ${props.domainName}; managed by cdktf`,
      forceDestroy: false,
      lifecycle: { preventDestroy: props.preventDestroy ?? true },
    });
    this.zoneId = zone.zoneId;
    this.nameServers = zone.nameServers;
  }
}
