import { Lb } from "@cdktf/provider-aws/lib/lb";
import { LbListener } from "@cdktf/provider-aws/lib/lb-listener";
import { LbTargetGroup } from "@cdktf/provider-aws/lib/lb-target-group";
import { Construct } from "constructs";
import type { AwsAccount } from "../shared/aws-account";
import { Connections, tcp, type Peer, type PortRange, type SecurityGroupRef } from "../shared/connections";
import { ANY_IPV4, APP_CONTAINER_PORT, PORTS } from "../shared/constants";
import { AccessLogBucket } from "./access-logs";
import { IngressAlarms } from "./alarms";
import { RegionalCertificate } from "./certificate";
import { WebAcl } from "../web-acl";
import { type EdgeOnlyAccess, EdgeOnlyListener, REFUSE_ACTION, edgeOnlyGroups } from "./edge-only";
import { type Protection, protectionSettings } from "../shared/protection";

/** TLS 1.3, and TLS 1.2 with forward-secret AEAD ciphers only (Security Hub ELB.17 accepts it). */
export const TLS_POLICY = "ELBSecurityPolicy-TLS13-1-2-Res-2021-06";
/** The app's readiness probe: the ALB sends traffic only to pods that say they are ready. */
export const READINESS_PATH = "/actuator/health/readiness";
const ACCESS_LOG_PREFIX = "alb";

/** How the ALB checks app pods. */
export interface TargetHealthCheckOptions {
  readonly intervalSeconds: number;
  readonly timeoutSeconds: number;
  readonly healthyThreshold: number;
  readonly unhealthyThreshold: number;
}

export interface RegionalIngressProps {
  /** Name of the ALB and target group (at most 32 characters) and prefix of the rest. */
  readonly name: string;
  readonly region: string;
  readonly account: AwsAccount;
  readonly vpcId: string;
  /** Public subnets the ALB's nodes live in, one per AZ. */
  readonly publicSubnetIds: string[];
  /**
   * Names the certificate covers, the first its subject. Their validation records must exist
   * (the global stack's `CertificateValidationRecords`).
   */
  readonly certificateNames: string[];
  /**
   * Port the app pods listen on.
   * @default APP_CONTAINER_PORT (8080)
   */
  readonly appPort?: number;
  readonly targetHealthCheck: TargetHealthCheckOptions;
  readonly deregistrationDelaySeconds: number;
  readonly accessLogExpiryDays: number;
  readonly wafRateLimitPer5Minutes: number;
  readonly wafLogRetentionDays: number;
  /** SNS topic in this region the request-path alarms notify (warning severity). */
  readonly alarmTopicArn: string;
  /**
   * Puts the ALB behind the edge: HTTPS only from CloudFront, the Route 53 health checkers and
   * the region's own probes, no HTTP listener, and requests without the origin secret refused.
   * @default - the ALB faces the internet on 443, and on 80 to redirect to HTTPS
   */
  readonly edgeOnly?: EdgeOnlyAccess;
  /**
   * How the module guards the ALB (deletion protection), its log bucket and keys against deletion
   * (modules/shared/protection.ts).
   * @default "retain"
   */
  readonly protection?: Protection;
}

/**
 * The region's front door: an internet-facing ALB in the public subnets with its own security
 * groups, TLS 1.3/1.2 with a DNS-validated certificate, a target group of pod IPs (bound by the
 * app chart's TargetGroupBinding), WAF, access logs and alarms. Alone, it faces the internet and
 * redirects HTTP to HTTPS; behind the edge (`edgeOnly`), only the edge and its checkers reach it.
 */
export class RegionalIngress extends Construct {
  readonly loadBalancer: Lb;
  readonly targetGroup: LbTargetGroup;
  readonly certificate: RegionalCertificate;
  /** The web ACL's CloudWatch metric name (the WebACL dimension of AWS/WAFV2). */
  readonly webAclMetricName: string;
  private readonly connections: Connections;

  constructor(scope: Construct, id: string, props: RegionalIngressProps) {
    super(scope, id);
    const guard = protectionSettings(props.protection);
    const { edgeOnly } = props;
    this.connections = Connections.forNewGroup(this, {
      prefix: props.name,
      name: "alb",
      // EC2 replaces a group whose description changes, and cannot delete one an ALB still uses:
      // this one keeps its first description when the ALB moves behind the edge (its open rules go).
      description: "Application load balancer: HTTP/HTTPS from the internet",
      vpcId: props.vpcId,
    });
    const ingressGroups =
      edgeOnly === undefined
        ? this.openToTheInternet()
        : edgeOnlyGroups(this, {
            prefix: props.name,
            vpcId: props.vpcId,
            region: props.region,
            probeAddresses: edgeOnly.probeAddresses,
          });

    const logs = new AccessLogBucket(this, "access-logs", {
      // Account id keeps the globally unique bucket name ours; 63 characters at most.
      bucketName: `${props.name}-alb-logs-${props.account.id}`,
      account: props.account,
      prefix: ACCESS_LOG_PREFIX,
      expiryDays: props.accessLogExpiryDays,
      protection: props.protection,
    });
    this.loadBalancer = new Lb(this, "load-balancer", {
      name: props.name,
      loadBalancerType: "application",
      internal: false,
      subnets: props.publicSubnetIds,
      securityGroups: [this.connections.ref, ...ingressGroups].map((group) => group.securityGroupId),
      enableDeletionProtection: guard.deletionProtection,
      dropInvalidHeaderFields: true,
      desyncMitigationMode: "strictest",
      accessLogs: { bucket: logs.bucket.bucket, prefix: ACCESS_LOG_PREFIX, enabled: true },
      tags: { Name: props.name },
      dependsOn: logs.ready,
    });

    const check = props.targetHealthCheck;
    this.targetGroup = new LbTargetGroup(this, "app-targets", {
      name: props.name,
      targetType: "ip",
      port: props.appPort ?? APP_CONTAINER_PORT,
      protocol: "HTTP",
      vpcId: props.vpcId,
      deregistrationDelay: String(props.deregistrationDelaySeconds),
      healthCheck: {
        enabled: true,
        path: READINESS_PATH,
        protocol: "HTTP",
        port: "traffic-port",
        matcher: "200",
        interval: check.intervalSeconds,
        timeout: check.timeoutSeconds,
        healthyThreshold: check.healthyThreshold,
        unhealthyThreshold: check.unhealthyThreshold,
      },
      tags: { Name: props.name },
    });

    this.certificate = new RegionalCertificate(this, "certificate", { names: props.certificateNames });
    if (edgeOnly === undefined) {
      new LbListener(this, "http", {
        loadBalancerArn: this.loadBalancer.arn,
        port: PORTS.http,
        protocol: "HTTP",
        defaultAction: [
          { type: "redirect", redirect: { protocol: "HTTPS", port: String(PORTS.https), statusCode: "HTTP_301" } },
        ],
      });
    }
    const https = new LbListener(this, "https", {
      loadBalancerArn: this.loadBalancer.arn,
      port: PORTS.https,
      protocol: "HTTPS",
      sslPolicy: TLS_POLICY,
      certificateArn: this.certificate.validatedArn,
      defaultAction: [
        edgeOnly === undefined ? { type: "forward", targetGroupArn: this.targetGroup.arn } : REFUSE_ACTION,
      ],
    });
    if (edgeOnly !== undefined) {
      new EdgeOnlyListener(this, "edge-only", {
        listenerArn: https.arn,
        targetGroupArn: this.targetGroup.arn,
        access: edgeOnly,
      });
    }

    const waf = new WebAcl(this, "waf", {
      name: props.name,
      protects: `the load balancer of ${props.name}`,
      region: props.region,
      account: props.account,
      resourceArn: this.loadBalancer.arn,
      rateLimitPer5Minutes: props.wafRateLimitPer5Minutes,
      logRetentionDays: props.wafLogRetentionDays,
      protection: props.protection,
    });
    this.webAclMetricName = waf.metricName;
    new IngressAlarms(this, "alarms", {
      name: props.name,
      loadBalancerArnSuffix: this.loadBalancer.arnSuffix,
      targetGroupArnSuffix: this.targetGroup.arnSuffix,
      topicArn: props.alarmTopicArn,
    });
  }

  /** 443 and 80 (redirected) from anywhere, on the ALB's own group; the groups that admit them. */
  private openToTheInternet(): SecurityGroupRef[] {
    this.connections.allowFrom({ cidr: ANY_IPV4 }, tcp(PORTS.https), "HTTPS from the internet");
    this.connections.allowFrom({ cidr: ANY_IPV4 }, tcp(PORTS.http), "HTTP from the internet, redirected to HTTPS");
    return [];
  }

  /** The ALB's security group, for the targets to admit. */
  get securityGroup(): SecurityGroupRef {
    return this.connections.ref;
  }

  /** Lets the ALB send `ports` to `peer` (and admits it there). */
  allowTo(peer: Peer, ports: PortRange, description: string): void {
    this.connections.allowTo(peer, ports, description);
  }
}
