import type { Construct } from "constructs";
import type { ContainerRepository } from "../../modules/container-registry";
import type { EksCluster } from "../../modules/eks-cluster";
import type { GenAiDemoApp } from "../../modules/genai-demo-app";
import type { Network } from "../../modules/network";
import type { RegionalIngress } from "../../modules/regional-ingress";
import type { EnvironmentConfig, RegionConfig } from "../config/schema";
import { originName } from "../dns-names";
import { regionPrefix } from "../resource-names";
import { PlatformStack } from "./platform-stack";
import { buildRegionalAlerts } from "./regional/alerts";
import { buildApp } from "./regional/app";
import type { RegionContext } from "./regional/context";
import {
  CACHE_GLOBAL_DATASTORE_OUTPUT,
  type DataTier,
  type PrimaryDataOutputs,
  buildDataTier,
  readsPrimaryState,
} from "./regional/data";
import { buildDnsRecords } from "./regional/dns";
import { buildEksCluster } from "./regional/eks";
import { buildIngress } from "./regional/ingress";
import { buildNetwork } from "./regional/network";
import { buildImageRepository } from "./regional/registry";
import { buildCanary, buildContainerInsights, buildDashboard, buildSloAlarms } from "./regional/observability";
import { buildClusterReleases } from "./regional/releases";
import { readGlobalOutputs, readPrimaryOutput } from "./regional/remote-state";

/** Output names of every regional stack (stable: pipelines, operators and later stacks read them). */
export const REGIONAL_OUTPUTS = {
  vpcId: "vpc_id",
  privateSubnetIds: "private_subnet_ids",
  publicSubnetIds: "public_subnet_ids",
  databaseSubnetIds: "database_subnet_ids",
  clusterName: "eks_cluster_name",
  clusterArn: "eks_cluster_arn",
  clusterEndpoint: "eks_cluster_endpoint",
  clusterCertificateAuthority: "eks_cluster_certificate_authority_data",
  workloadIdentity: "eks_workload_identity",
  nodeSecurityGroupId: "eks_node_security_group_id",
  appRoleArn: "app_role_arn",
  loadBalancerControllerRoleArn: "load_balancer_controller_role_arn",
  clusterAutoscalerRoleArn: "cluster_autoscaler_role_arn",
  loadBalancerArn: "alb_arn",
  loadBalancerDnsName: "alb_dns_name",
  targetGroupArn: "app_target_group_arn",
  originName: "origin_name",
  imageRepositoryUrl: "image_repository_url",
  databaseEndpoint: "database_endpoint",
  databaseReaderEndpoint: "database_reader_endpoint",
  cacheEndpoint: "cache_endpoint",
  backupVaultArn: "backup_vault_arn",
} as const;

/**
 * One serving region. It touches only its own region: no provider, state or data source of
 * another region, so it can be planned and deployed while any other region is down.
 */
export class RegionalStack extends PlatformStack {
  readonly region: RegionConfig;
  readonly network: Network;
  readonly eks: EksCluster;
  readonly ingress: RegionalIngress;
  readonly imageRepository: ContainerRepository;
  readonly data: DataTier;
  readonly app: GenAiDemoApp;

  constructor(scope: Construct, config: EnvironmentConfig, region: RegionConfig) {
    super(scope, region.key, { config, awsRegion: region.awsRegion });
    this.region = region;
    const context: RegionContext = {
      scope: this,
      config,
      region,
      account: this.account,
      prefix: regionPrefix(config, region.key),
      protection: this.protection,
    };

    const global = readGlobalOutputs(this, config);
    const fromPrimary = this.readPrimaryDataOutputs();
    this.network = buildNetwork(context);
    this.eks = buildEksCluster(context, this.network);
    const telemetry = buildContainerInsights(context, this.eks);
    const alerts = buildRegionalAlerts(context);
    this.ingress = buildIngress(context, this.network, alerts.warning);
    buildSloAlarms(context, this.ingress, alerts);
    buildCanary(context, this.network, alerts);
    this.data = buildDataTier(context, this.network, alerts, fromPrimary);
    buildDashboard(context, this.ingress, this.data);
    buildDnsRecords(context, this.ingress, global);
    this.imageRepository = buildImageRepository(context);
    const releases = buildClusterReleases(context, this.eks, this.network);
    this.app = buildApp(context, {
      cluster: this.eks,
      ingress: this.ingress,
      data: this.data,
      repository: this.imageRepository,
      releases,
      telemetry: telemetry?.app,
    });
    this.exportOutputs();
  }

  /** A secondary joining the primary's global datastore reads the id AWS gave it. */
  private readPrimaryDataOutputs(): PrimaryDataOutputs | undefined {
    if (this.region.role === "primary" || !readsPrimaryState(this.config)) return undefined;
    return { cacheGlobalDatastoreId: readPrimaryOutput(this, this.config, CACHE_GLOBAL_DATASTORE_OUTPUT) };
  }

  private exportOutputs(): void {
    const ids = (tier: keyof Network["subnets"]) => this.network.subnets[tier].map((subnet) => subnet.id);
    const { roles } = this.eks;
    const outputs: [keyof typeof REGIONAL_OUTPUTS, unknown, string][] = [
      ["vpcId", this.network.vpc.id, "VPC of this region"],
      ["privateSubnetIds", ids("private"), "Subnets of EKS nodes and pods"],
      ["publicSubnetIds", ids("public"), "Subnets of the ALB and NAT gateways"],
      ["databaseSubnetIds", ids("database"), "Subnets of Aurora and Redis"],
      ["clusterName", this.eks.name, "EKS cluster name (aws eks update-kubeconfig --name ...)"],
      ["clusterArn", this.eks.arn, "EKS cluster ARN"],
      ["clusterEndpoint", this.eks.endpoint, "Kubernetes API endpoint"],
      ["clusterCertificateAuthority", this.eks.certificateAuthorityData, "Base64 PEM of the cluster CA"],
      ["workloadIdentity", this.eks.workloadIdentity, "How pods get AWS credentials"],
      ["nodeSecurityGroupId", this.eks.nodeSecurityGroup.securityGroupId, "Security group of nodes and pods"],
      ["appRoleArn", this.app.role.arn, "Pod Identity role of the app's service account"],
      ["loadBalancerControllerRoleArn", roles.loadBalancerController.arn, "Pod Identity role of the AWS LBC"],
      ["clusterAutoscalerRoleArn", roles.clusterAutoscaler.arn, "Pod Identity role of the cluster autoscaler"],
      ["loadBalancerArn", this.ingress.loadBalancer.arn, "The region's ALB"],
      ["loadBalancerDnsName", this.ingress.loadBalancer.dnsName, "DNS name of the region's ALB"],
      ["targetGroupArn", this.ingress.targetGroup.arn, "Target group the app chart's TargetGroupBinding joins"],
      [
        "imageRepositoryUrl",
        this.imageRepository.url,
        "The region's app image repository (CI pushes to the primary's; ECR replicates)",
      ],
      [
        "cacheEndpoint",
        this.data.cache.replicationGroup.primaryEndpointAddress,
        "Cache primary endpoint of this region",
      ],
      ["originName", originName(this.region.key, this.config.domain.name), "This region's own public name"],
    ];
    const { database } = this.data;
    if (database !== undefined) {
      outputs.push(
        ["databaseEndpoint", database.cluster.endpoint, "Aurora cluster endpoint (the writer, in the primary)"],
        ["databaseReaderEndpoint", database.cluster.readerEndpoint, "Aurora reader endpoint of this region"],
      );
    }
    outputs.push(["backupVaultArn", this.data.backup.vault.arn, "This region's AWS Backup vault"]);
    for (const [key, value, description] of outputs) this.exportValue(REGIONAL_OUTPUTS[key], value, description);
    const datastore = this.data.cache.globalDatastoreId;
    if (datastore !== undefined) {
      this.exportValue(
        CACHE_GLOBAL_DATASTORE_OUTPUT,
        datastore,
        "Id AWS gave the cache's global datastore; secondaries join by it",
      );
    }
  }
}
