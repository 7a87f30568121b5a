import { resolve } from "node:path";
import type { ITerraformDependable } from "cdktf";
import { Construct } from "constructs";
import type { IWorkloadCluster, ServiceAccountRef, WorkloadRole } from "../eks-cluster";
import type { IGrantee } from "../iam-role";
import type { AwsAccount } from "../shared/aws-account";
import { type Peer, tcp } from "../shared/connections";
import { APP_CONTAINER_PORT } from "../shared/constants";
import { type AppPermissions, appStatements } from "./permissions";
import { type AppReleaseParts, type AppReleaseProps, addAppRelease } from "./release";

export type { AppPermissions } from "./permissions";
export type { AppChartValues } from "./values";
export { type AppTelemetry, DEREGISTRATION_PROPAGATION_SECONDS, HPA_TARGETS, appChartValues } from "./release";

/** The app's chart, shipped with the repository. */
export const APP_CHART_DIR = resolve(__dirname, "../../charts/genai-demo");
/** @default service account (and namespace) the app runs as. */
export const DEFAULT_APP_SERVICE_ACCOUNT: ServiceAccountRef = { namespace: "genai-demo", name: "genai-demo" };
/** The app's PostgreSQL user (created in the database with `GRANT rds_iam`; see docs/data.md). */
export const APP_DATABASE_USER = "genai_demo_app";

/** A database the app connects to: the network path and an IAM-token login as a user. */
export interface AppDatabase {
  allowFrom(peer: Peer, description: string): void;
  grantConnect(grantee: IGrantee, databaseUser: string): void;
}

/** A cache the app connects to: the network path and an IAM-token login as its app user. */
export interface AppCache {
  allowFrom(peer: Peer, description: string): void;
  grantConnect(grantee: IGrantee): void;
}

/** The region's load balancer as the app sees it: where requests come from and which target group to join. */
export interface AppLoadBalancer {
  /** The ALB's security group; its requests are admitted to the pods' container port. */
  readonly securityGroup: Peer;
  readonly targetGroupArn: string;
  /** Seconds the ALB lets in-flight requests finish on a deregistered pod. */
  readonly deregistrationDelaySeconds: number;
}

/** How the app is installed on the cluster (the rest of the release's props come from the app). */
export interface AppReleaseOptions extends Pick<
  AppReleaseProps,
  | "image"
  | "springProfile"
  | "replicas"
  | "resources"
  | "vpcCidr"
  | "timeoutSeconds"
  | "telemetry"
  | "helmProvider"
  | "kubernetesProvider"
> {
  /**
   * Directory of the app's chart; copied into the stack's assets so the stack stands alone.
   * @default APP_CHART_DIR (charts/genai-demo)
   */
  readonly chartPath?: string;
  /**
   * What else the pods need before they start, e.g. the load balancer controller whose webhook
   * handles the TargetGroupBinding.
   * @default []
   */
  readonly dependsOn?: ITerraformDependable[];
}

export interface GenAiDemoAppProps {
  /** The cluster the app runs on. */
  readonly cluster: IWorkloadCluster;
  readonly account: AwsAccount;
  /** AWS region code the app runs in. */
  readonly region: string;
  /** Where the app reads its settings and writes its telemetry. */
  readonly permissions: AppPermissions;
  /**
   * The service account the app's pods run as; its namespace is created with the release.
   * @default DEFAULT_APP_SERVICE_ACCOUNT (genai-demo/genai-demo)
   */
  readonly serviceAccount?: ServiceAccountRef;
  readonly loadBalancer: AppLoadBalancer;
  /**
   * The region's database.
   * @default - none (a region without a database of its own)
   */
  readonly database?: AppDatabase;
  readonly cache: AppCache;
  /**
   * The Helm release.
   * @default - none: only the app's AWS side (role, grants, network path) exists
   */
  readonly release?: AppReleaseOptions;
}

/**
 * The GenAI Demo app in one region, everything that is the app's: its Pod Identity role with its
 * own permissions and the grants of the database and cache (IAM tokens, no passwords), the
 * network path ALB -> pods -> data stores, and its Helm release with values built from config
 * (the chart's TargetGroupBinding joins the load balancer's target group).
 */
export class GenAiDemoApp extends Construct {
  readonly role: WorkloadRole;
  readonly release?: AppReleaseParts;

  constructor(scope: Construct, id: string, props: GenAiDemoAppProps) {
    super(scope, id);
    const { cluster, permissions } = props;
    const serviceAccount = props.serviceAccount ?? DEFAULT_APP_SERVICE_ACCOUNT;
    this.role = cluster.addWorkloadRole("app", {
      serviceAccount,
      description: "The GenAI Demo app",
      statements: appStatements(props.account, props.region, permissions),
    });

    // Pods share their node's security group (docs/decisions.md): the nodes are the app's side.
    cluster.allowFrom(props.loadBalancer.securityGroup, tcp(APP_CONTAINER_PORT), "App requests from the ALB");
    props.database?.allowFrom(cluster.nodeSecurityGroup, "PostgreSQL from app pods");
    props.cache.allowFrom(cluster.nodeSecurityGroup, "Cache from app pods");
    props.database?.grantConnect(this.role, APP_DATABASE_USER);
    props.cache.grantConnect(this.role);

    const release = props.release;
    if (release === undefined) return;
    const { chartPath, dependsOn, ...installation } = release;
    this.release = addAppRelease(this, {
      ...installation,
      chartPath: chartPath ?? APP_CHART_DIR,
      serviceAccount,
      region: props.region,
      settings: { parameterPath: permissions.parameterPathPrefix, secretsPrefix: permissions.secretNamePrefix },
      targetGroupArn: props.loadBalancer.targetGroupArn,
      deregistrationDelaySeconds: props.loadBalancer.deregistrationDelaySeconds,
      clusterReady: cluster.readyForWorkloads,
      // Pods started before their role and grants exist run without credentials until restarted.
      releaseDependsOn: [...this.role.ready, ...(dependsOn ?? [])],
    });
  }
}
