import { databaseSubnetCidrs } from "../../src/replication-links";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { Vpc } from "@cdktf/provider-aws/lib/vpc";
import { Testing } from "cdktf";
import { describe, expect, it } from "vitest";
import type { EnvironmentConfig } from "../../src/config/schema";
import { CACHE_GLOBAL_DATASTORE_OUTPUT } from "../../src/stacks/regional/data";
import { REGIONAL_OUTPUTS, RegionalStack } from "../../src/stacks/regional-stack";
import { backupSchedule } from "../../modules/backup-plan";
import { isReadOnlyAction } from "../../modules/iam-role";
import {
  blocksOf,
  environmentConfig,
  statementsBehind,
  osakaInsteadOfTaipei,
  refTo,
  resourcesOf,
  testApp,
} from "../helpers";

type Block = Record<string, unknown>;

function synthRegion(config: EnvironmentConfig, key: string): string {
  const region = config.regions.find((candidate) => candidate.key === key)!;
  return Testing.synth(new RegionalStack(testApp(), config, region));
}

const production = environmentConfig("production");

describe.each([
  { key: "taipei", awsRegion: "ap-east-2", otherKey: "tokyo", otherRegion: "ap-northeast-1" },
  { key: "tokyo", awsRegion: "ap-northeast-1", otherKey: "taipei", otherRegion: "ap-east-2" },
])("RegionalStack $key", ({ key, awsRegion, otherKey, otherRegion }) => {
  const json = synthRegion(production, key);
  const region = production.regions.find((candidate) => candidate.key === key)!;
  const document = JSON.parse(json) as Record<string, Record<string, unknown>>;

  it("deploys into its own region with the required default tags", () => {
    expect(json).toHaveProviderWithProperties(AwsProvider, {
      region: awsRegion,
      default_tags: [{ tags: expect.objectContaining({ Environment: "production", ManagedBy: "cdktf" }) }],
    });
  });

  it("keeps its state under its own key, outside both serving regions", () => {
    expect(document.terraform!.backend).toEqual({
      s3: expect.objectContaining({ key: `genai-demo/production/${key}.tfstate`, region: "ap-southeast-1" }),
    });
  });

  it("builds its VPC from the region's config", () => {
    expect(json).toHaveResourceWithProperties(Vpc, { cidr_block: region.vpcCidr });
    expect(resourcesOf(json, "aws_nat_gateway")).toHaveLength(
      region.natGateways === "per-az" ? region.availabilityZones.length : 1,
    );
  });

  it(`never names ${otherRegion} but as a replication destination: no provider, backend or data source there`, () => {
    const {
      aws_ecr_replication_configuration: replication,
      aws_secretsmanager_secret: secrets,
      aws_backup_plan: backupPlans,
      ...resources
    } = document.resource!;
    const { "primary-state": _primaryState, ...reads } = (document.data!.terraform_remote_state ?? {}) as Block;
    const rest = { ...document, resource: resources, data: { ...document.data, terraform_remote_state: reads } };
    expect(JSON.stringify(rest)).not.toContain(otherRegion);
    expect(JSON.stringify(rest)).not.toContain(otherKey);
    // Replication is a setting of the primary's own registry and secret: the primary lists the
    // others as destinations and calls no API there; a secondary lists nobody.
    const imageDestinations = Object.values((replication ?? {}) as Record<string, Block>).flatMap(
      (config) => (config.replication_configuration as { rule: { destination: Block[] }[] }).rule[0]!.destination,
    );
    const secretReplicas = Object.values((secrets ?? {}) as Record<string, Block>).flatMap(
      (secret) => (secret.replica as Block[] | undefined) ?? [],
    );
    const backupCopies = Object.values((backupPlans ?? {}) as Record<string, Block>).flatMap((plan) =>
      (plan.rule as { copy_action: { destination_vault_arn: string }[] }[]).flatMap((rule) => rule.copy_action),
    );
    const expected = key === "taipei" ? [otherRegion] : [];
    expect(imageDestinations.map((destination) => destination.region)).toEqual(expected);
    expect(secretReplicas.map((replica) => replica.region)).toEqual(expected);
    // Backup copies are started by AWS Backup in this region; the vault ARN is computed from config.
    // Production's regions both write (dms-cdc), so each copies its recovery points to the other.
    expect(backupCopies.map((copy) => copy.destination_vault_arn.split(":")[3])).toEqual([otherRegion]);
  });

  it("runs the controllers once nodes, networking and API access exist, and the app after the load balancer controller", () => {
    const releases = blocksOf(json, "helm_release");
    const byChart = (chart: string) => Object.entries(releases).find(([, release]) => release.chart === chart)!;
    const [controllerId, controller] = byChart("aws-load-balancer-controller");
    const dependsOn = controller.depends_on as string[];
    for (const type of [
      "aws_eks_node_group",
      "aws_eks_addon",
      "aws_eks_access_policy_association",
      "aws_eks_pod_identity_association",
    ]) {
      expect(dependsOn.some((address) => address.startsWith(`${type}.`))).toBe(true);
    }
    const app = Object.values(releases).find((release) => release.name === "genai-demo")!;
    expect(app.depends_on).toContain(`helm_release.${controllerId}`);
    expect(Object.keys(releases)).toHaveLength(4);
  });

  it("gives the app its own region's image, target group and role", () => {
    const app = Object.values(blocksOf(json, "helm_release")).find((release) => release.name === "genai-demo")!;
    expect(JSON.parse((app.values as string[])[0]!)).toMatchObject({
      image: { repository: refTo(json, "aws_ecr_repository", () => true, "repository_url") },
      aws: { region: awsRegion },
      targetGroupBinding: { targetGroupArn: refTo(json, "aws_lb_target_group", () => true, "arn") },
      serviceAccount: {
        name: resourcesOf(json, "aws_eks_pod_identity_association").find((a) => a.namespace === "genai-demo")!
          .service_account,
      },
    });
  });

  it("authenticates to its cluster with an ephemeral token, stored nowhere", () => {
    const [authId] = Object.keys(document.ephemeral!.aws_eks_cluster_auth as Block);
    const token = `\${ephemeral.aws_eks_cluster_auth.${authId}.token}`;
    expect(json.split(token)).toHaveLength(3);
    expect(JSON.stringify({ ...document, provider: undefined })).not.toMatch(/"token"/);
  });

  it("reads global's state and nothing else (no global datastore to join in these regions)", () => {
    const reads = Object.values(document.data!.terraform_remote_state as Record<string, { config: { key: string } }>);
    expect(reads.map((read) => read.config.key)).toEqual(["genai-demo/production/global.tfstate"]);
  });

  it("exports its outputs under the stable names, its own database's endpoints included", () => {
    // Production replicates with DMS, so both regions run a database (snapshot-copy: see below).
    expect(Object.keys(document.output!).sort()).toEqual([...Object.values(REGIONAL_OUTPUTS)].sort());
  });
});

describe("RegionalStack with aws-cli-exec authentication", () => {
  const config = environmentConfig("production", (input) => (input.kubernetes.providerAuthentication = "aws-cli-exec"));
  const json = synthRegion(config, "tokyo");
  const document = JSON.parse(json) as Record<string, Record<string, unknown>>;

  it("runs aws eks get-token for its own cluster and region instead", () => {
    expect(Object.keys(document.ephemeral ?? {})).not.toContain("aws_eks_cluster_auth");
    const [helm] = document.provider!.helm as { kubernetes: { exec: { args: string[] } } }[];
    expect(helm!.kubernetes.exec.args).toEqual(
      expect.arrayContaining([
        "get-token",
        "--region",
        "ap-northeast-1",
        refTo(json, "aws_eks_cluster", () => true, "name"),
      ]),
    );
  });
});

describe("RegionalStack outside production", () => {
  const json = synthRegion(environmentConfig("staging"), "tokyo");

  it("runs one NAT gateway and lets every key and the cluster be destroyed", () => {
    expect(resourcesOf(json, "aws_nat_gateway")).toHaveLength(1);
    const keys = resourcesOf(json, "aws_kms_key");
    expect(keys.length).toBeGreaterThanOrEqual(4);
    expect(keys.every((key) => (key.lifecycle as Record<string, unknown>).prevent_destroy === false)).toBe(true);
    expect(resourcesOf(json, "aws_eks_cluster")[0]!.deletion_protection).toBe(false);
    expect(resourcesOf(json, "aws_lb")[0]!.enable_deletion_protection).toBe(false);
    expect(
      resourcesOf(json, "aws_s3_bucket").every(
        (bucket) => (bucket.lifecycle as Record<string, unknown>).prevent_destroy === false,
      ),
    ).toBe(true);
  });

  it("sizes the cluster from the staging config", () => {
    expect(resourcesOf(json, "aws_eks_node_group")).toEqual([
      expect.objectContaining({
        capacity_type: "SPOT",
        instance_types: ["t3.large", "t3a.large"],
        scaling_config: { min_size: 1, desired_size: 1, max_size: 4 },
      }),
    ]);
  });
});

describe("RegionalStack request path", () => {
  const json = synthRegion(production, "taipei");
  const groupRef = (suffix: string) => {
    const [id] = Object.entries(blocksOf(json, "aws_security_group")).find(
      ([, group]) => group.name === `genai-demo-production-taipei-${suffix}`,
    )!;
    return `\${aws_security_group.${id}.id}`;
  };
  const ingress = resourcesOf(json, "aws_vpc_security_group_ingress_rule");

  it("admits app traffic to the pods only from the ALB, on 8080", () => {
    const fromAlb = ingress.filter((rule) => rule.referenced_security_group_id === groupRef("alb"));
    expect(fromAlb).toEqual([
      expect.objectContaining({ security_group_id: groupRef("eks-nodes"), from_port: 8080, to_port: 8080 }),
    ]);
  });

  it.each([
    ["aurora", 5432],
    ["cache", 6379],
  ])("admits only its port to the %s group, only from the pods and (aurora) Tokyo's DMS subnets", (group, port) => {
    const toData = ingress.filter((rule) => rule.security_group_id === groupRef(group));
    const tokyoDatabaseSubnets = group === "aurora" ? databaseSubnetCidrs(production, production.regions[1]!) : [];
    expect(tokyoDatabaseSubnets.every((cidr) => cidr.startsWith("10.1."))).toBe(true);
    expect(toData).toHaveLength(1 + tokyoDatabaseSubnets.length);
    expect(toData).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          from_port: port,
          to_port: port,
          referenced_security_group_id: groupRef("eks-nodes"),
        }),
        ...tokyoDatabaseSubnets.map((cidr) =>
          expect.objectContaining({ from_port: port, to_port: port, cidr_ipv4: cidr, ip_protocol: "tcp" }),
        ),
      ]),
    );
  });

  it("admits HTTPS to the ALB from each NAT gateway's address, where the region's canary leaves", () => {
    const fromProbes = ingress.filter((rule) => rule.security_group_id === groupRef("alb-probes") && rule.cidr_ipv4);
    expect(fromProbes.map((rule) => rule.cidr_ipv4).sort()).toEqual(
      Object.keys(blocksOf(json, "aws_eip"))
        .map((id) => `\${aws_eip.${id}.public_ip}/32`)
        .sort(),
    );
    expect(fromProbes).toHaveLength(Object.keys(blocksOf(json, "aws_nat_gateway")).length);
    const [canary] = resourcesOf(json, "aws_synthetics_canary");
    const privateSubnets = Object.entries(blocksOf(json, "aws_subnet"))
      .filter(([, subnet]) => (subnet.tags as Record<string, string>).Tier === "private")
      .map(([id]) => `\${aws_subnet.${id}.id}`);
    expect((canary!.vpc_config as Block).subnet_ids).toEqual(privateSubnets);
  });
});

describe.each([
  ["production", "taipei"],
  ["production", "tokyo"],
  ["staging", "taipei"],
  ["staging", "tokyo"],
])("RegionalStack behind the edge (%s %s)", (environment, key) => {
  const config = environmentConfig(environment);
  const json = synthRegion(config, key);

  it("has no security group rule admitting anything from 0.0.0.0/0 or ::/0, and no HTTP listener", () => {
    const open = resourcesOf(json, "aws_vpc_security_group_ingress_rule").filter(
      (rule) => rule.cidr_ipv4 === "0.0.0.0/0" || rule.cidr_ipv6 === "::/0",
    );
    expect(open).toEqual([]);
    expect(resourcesOf(json, "aws_lb_listener").map((listener) => listener.port)).toEqual([443]);
  });

  it("accepts the two origin secret generations global creates, read from this region's replicas", () => {
    const names = Object.values(blocksOf(json, "aws_secretsmanager_secret_version", "data")).map(
      (read) => read.secret_id,
    );
    const version = config.edge!.originSecretVersion;
    expect(names).toEqual([
      `edge/genai-demo-${environment}/origin-verify-v${version}`,
      `edge/genai-demo-${environment}/origin-verify-v${version + 1}`,
    ]);
    const [fromEdge] = resourcesOf(json, "aws_lb_listener_rule").filter(
      (rule) => (rule.condition as Block[])[0]!.http_header !== undefined,
    );
    expect((fromEdge!.condition as Block[])[0]!.http_header).toEqual({
      http_header_name: "X-Origin-Verify",
      values: Object.keys(blocksOf(json, "aws_secretsmanager_secret_version", "data")).map(
        (id) => `\${data.aws_secretsmanager_secret_version.${id}.secret_string}`,
      ),
    });
  });
});

describe("RegionalStack without an edge", () => {
  const json = synthRegion(environmentConfig("development"), "taipei");

  it("faces the internet on 443 and 80 (redirected), on the ALB's group only", () => {
    const open = resourcesOf(json, "aws_vpc_security_group_ingress_rule").filter(
      (rule) => rule.cidr_ipv4 === "0.0.0.0/0",
    );
    const [albGroup] = Object.entries(blocksOf(json, "aws_security_group")).find(([, group]) =>
      String(group.name).endsWith("-alb"),
    )!;
    expect(open.map((rule) => [rule.security_group_id, rule.from_port]).sort()).toEqual(
      [
        [`\${aws_security_group.${albGroup}.id}`, 443],
        [`\${aws_security_group.${albGroup}.id}`, 80],
      ].sort(),
    );
    expect(resourcesOf(json, "aws_lb_listener_rule")).toEqual([]);
  });
});

describe.each(["production", "development"])("RegionalStack IAM (%s)", (name) => {
  const json = synthRegion(environmentConfig(name), "taipei");
  type Statement = {
    actions?: string[];
    resources?: string[];
    effect?: string;
    principals?: { type: string; identifiers: string[] }[];
    condition?: unknown[];
  };
  const statements = Object.values(blocksOf(json, "aws_iam_policy_document", "data")).flatMap(
    (document) => document.statement as Statement[],
  );

  it("allows no write action on * without a condition", () => {
    const offenders = statements.filter(
      (statement) =>
        statement.principals === undefined &&
        statement.resources?.includes("*") &&
        !statement.actions!.every(isReadOnlyAction) &&
        (statement.condition ?? []).length === 0,
    );
    expect(offenders).toEqual([]);
  });

  it("trusts no wildcard principal, and Pod Identity only for a named service account", () => {
    // A Deny for everyone (the buckets' TLS-only rule) grants nothing.
    const trusts = statements.filter((statement) => statement.principals !== undefined && statement.effect !== "Deny");
    expect(trusts.length).toBeGreaterThanOrEqual(6);
    for (const trust of trusts) {
      expect(trust.principals!.flatMap((principal) => principal.identifiers)).not.toContain("*");
      if (trust.principals![0]!.identifiers.includes("pods.eks.amazonaws.com")) {
        const variables = (trust.condition as { variable: string; values: string[] }[]).map((c) => c.variable);
        expect(variables).toEqual(
          expect.arrayContaining(["aws:RequestTag/kubernetes-namespace", "aws:RequestTag/kubernetes-service-account"]),
        );
        for (const condition of trust.condition as { values: string[] }[]) {
          expect(condition.values.some((value) => value.includes("*"))).toBe(false);
        }
      }
    }
  });
});

describe("RegionalStack telemetry", () => {
  it("runs Container Insights with the agent's role associated by the add-on alone", () => {
    const json = synthRegion(production, "taipei");
    const addon = resourcesOf(json, "aws_eks_addon").find(
      (candidate) => candidate.addon_name === "amazon-cloudwatch-observability",
    );
    const role = refTo(
      json,
      "aws_iam_role",
      (candidate) => candidate.name === "genai-demo-production-taipei-cloudwatch-agent",
      "arn",
    );
    expect(addon!.pod_identity_association).toEqual([{ role_arn: role, service_account: "cloudwatch-agent" }]);
    const standalone = resourcesOf(json, "aws_eks_pod_identity_association").filter(
      (association) => association.service_account === "cloudwatch-agent",
    );
    expect(standalone).toEqual([]);
  });
});

describe("RegionalStack traces and Prometheus metrics", () => {
  const json = synthRegion(production, "taipei");
  const addon = resourcesOf(json, "aws_eks_addon").find(
    (candidate) => candidate.addon_name === "amazon-cloudwatch-observability",
  )!;
  const agentConfig = JSON.parse(addon.configuration_values as string).agent.config;
  const release = resourcesOf(json, "helm_release").find((candidate) => candidate.name === "genai-demo")!;
  const appValues = JSON.parse((release.values as string[])[0]!);

  it("has the agent remote-write the app's metrics into the region's own workspace", () => {
    const workspaceId = refTo(
      json,
      "aws_prometheus_workspace",
      (ws) => ws.alias === "genai-demo-production-taipei",
      "id",
    );
    const workspaceArn = refTo(
      json,
      "aws_prometheus_workspace",
      (ws) => ws.alias === "genai-demo-production-taipei",
      "arn",
    );
    expect(agentConfig.metrics.metrics_destinations).toEqual({ amp: { workspace_id: workspaceId } });
    const statements = resourcesOf(json, "aws_iam_role_policy")
      .flatMap((policy) => statementsBehind(json, policy.policy))
      .filter((statement) => ([] as string[]).concat(statement.actions as string[]).includes("aps:RemoteWrite"));
    expect(statements).toEqual([expect.objectContaining({ resources: [workspaceArn] })]);
  });

  it("tells the app exactly the ports the agent listens on", () => {
    const port = (endpoint: string) => Number(endpoint.split(":").pop());
    expect(appValues.telemetry).toEqual({
      traces: {
        enabled: true,
        port: port(agentConfig.traces.traces_collected.otlp.http_endpoint),
        sampleRatio: production.observability!.tracing!.sampleRatio,
      },
      metrics: { enabled: true, port: port(agentConfig.metrics.metrics_collected.otlp.http_endpoint) },
    });
  });

  it("leaves tracing and the workspace out when the environment does", () => {
    const quiet = environmentConfig("production", (input) => {
      delete input.observability!.tracing;
      delete input.observability!.prometheus;
    });
    const synthesized = synthRegion(quiet, "taipei");
    expect(resourcesOf(synthesized, "aws_prometheus_workspace")).toEqual([]);
    const config = JSON.parse(
      resourcesOf(synthesized, "aws_eks_addon").find(
        (candidate) => candidate.addon_name === "amazon-cloudwatch-observability",
      )!.configuration_values as string,
    ).agent.config;
    expect(Object.keys(config)).toEqual(["logs"]);
  });
});

describe("RegionalStack service level objectives", () => {
  it("runs a canary from outside against its own origin name, warning its own topic", () => {
    const json = synthRegion(production, "tokyo");
    const [canary] = resourcesOf(json, "aws_synthetics_canary");
    expect(canary).toMatchObject({
      name: "genai-demo-production-tokyo",
      run_config: { environment_variables: { CHECK_HOST: "tokyo.origin.genai-demo.example.com" } },
    });
    const warning = refTo(
      json,
      "aws_sns_topic",
      (topic) => topic.name === "genai-demo-production-tokyo-warning",
      "arn",
    );
    const [alarm] = resourcesOf(json, "aws_cloudwatch_metric_alarm").filter((candidate) =>
      String(candidate.alarm_name).endsWith("-canary-failing"),
    );
    expect(alarm!.alarm_actions).toEqual([warning]);
  });

  it.each(["taipei", "tokyo"])("%s: pages and tickets on both SLOs, measured at its own load balancer", (key) => {
    const json = synthRegion(production, key);
    const composites = resourcesOf(json, "aws_cloudwatch_composite_alarm");
    expect(composites.map((alarm) => alarm.alarm_name).sort()).toEqual(
      ["availability-page", "availability-ticket", "latency-page", "latency-ticket"].map(
        (suffix) => `genai-demo-production-${key}-slo-${suffix}`,
      ),
    );
    const critical = refTo(
      json,
      "aws_sns_topic",
      (topic) => topic.name === `genai-demo-production-${key}-critical`,
      "arn",
    );
    const page = composites.find((alarm) => String(alarm.alarm_name).endsWith("availability-page"))!;
    expect(page.alarm_actions).toEqual([critical]);
    const loadBalancer = refTo(json, "aws_lb", () => true, "arn_suffix");
    const windows = resourcesOf(json, "aws_cloudwatch_metric_alarm").filter((alarm) =>
      String(alarm.alarm_name).includes("-slo-"),
    );
    expect(windows).toHaveLength(8);
    for (const alarm of windows) {
      for (const query of alarm.metric_query as { metric?: { dimensions: unknown } }[]) {
        if (query.metric) expect(query.metric.dimensions).toEqual({ LoadBalancer: loadBalancer });
      }
    }
  });
});

describe("RegionalStack production vs development", () => {
  const configs = { production: environmentConfig("production"), development: environmentConfig("development") };
  const production = JSON.parse(synthRegion(configs.production, "taipei")) as Document;
  const development = JSON.parse(synthRegion(configs.development, "taipei")) as Document;
  const scaling = (config: EnvironmentConfig) => {
    const [group] = Object.values(config.regions.find((region) => region.key === "taipei")!.eks.nodeGroups);
    return { min_size: group!.minSize, desired_size: group!.desiredSize, max_size: group!.maxSize };
  };
  type Document = { resource: Record<string, Record<string, Record<string, unknown>>> };
  const only = (document: Document, type: string) => Object.values(document.resource[type]!)[0]!;

  it("protects the production cluster and sizes it for production", () => {
    expect(only(production, "aws_eks_cluster").deletion_protection).toBe(true);
    expect(only(development, "aws_eks_cluster").deletion_protection).toBe(false);
    expect(only(production, "aws_eks_node_group").scaling_config).toEqual(scaling(configs.production));
    expect(only(development, "aws_eks_node_group").scaling_config).toEqual(scaling(configs.development));
  });

  it("enters the configured admin in production only, the Terraform runner in both", () => {
    const entries = (document: Document) => String(only(document, "aws_eks_access_entry").for_each);
    expect(configs.production.kubernetes.adminPrincipalArns.length).toBeGreaterThan(0);
    for (const admin of configs.production.kubernetes.adminPrincipalArns) expect(entries(production)).toContain(admin);
    expect(configs.development.kubernetes.adminPrincipalArns).toEqual([]);
    expect(entries(development)).not.toContain("arn:aws:iam::");
    for (const document of [production, development]) expect(entries(document)).toContain("issuer_arn");
  });
});

describe("RegionalStack with Terraform Cloud state", () => {
  it("reads global's and the primary's outputs from their workspaces, and nothing else", () => {
    const config = environmentConfig("production", (input) => {
      input.state = { backend: "cloud", organization: "acme", workspacePrefix: "genai-demo-production" };
      // A global datastore is the one thing a secondary reads from the primary's state.
      input.cache.replication = "global-datastore";
      input.regions[0]!.assertedCapabilities = [
        ...(input.regions[0]!.assertedCapabilities ?? []),
        "elasticache-global-datastore",
      ];
    });
    const document = JSON.parse(synthRegion(config, "tokyo")) as {
      data: { terraform_remote_state: Record<string, { backend: string; config: unknown }> };
    };
    expect(Object.values(document.data.terraform_remote_state)).toEqual([
      { backend: "remote", config: { organization: "acme", workspaces: { name: "genai-demo-production-global" } } },
      { backend: "remote", config: { organization: "acme", workspaces: { name: "genai-demo-production-taipei" } } },
    ]);
  });
});

describe("RegionalStack before its first image", () => {
  const json = synthRegion(
    environmentConfig("production", (input) => (input.app.deploy = false)),
    "taipei",
  );

  it("installs the controllers but leaves the app out, keeping its repository and role", () => {
    expect(
      resourcesOf(json, "helm_release")
        .map((release) => release.name)
        .sort(),
    ).toEqual(["aws-load-balancer-controller", "cluster-autoscaler", "metrics-server"]);
    expect(resourcesOf(json, "kubernetes_namespace_v1")).toEqual([]);
    expect(resourcesOf(json, "aws_ecr_repository")).toHaveLength(1);
    expect(resourcesOf(json, "aws_eks_pod_identity_association").some((a) => a.namespace === "genai-demo")).toBe(true);
  });
});

describe.each([
  { env: "production", protect: true },
  { env: "staging", protect: false },
])("RegionalStack data tier, Taipei + Tokyo ($env)", ({ env, protect }) => {
  const config = environmentConfig(env);
  const { database, cache } = config;
  const taipei = synthRegion(config, "taipei");
  const tokyo = synthRegion(config, "tokyo");
  const only = (json: string, type: string) => resourcesOf(json, type)[0]!;

  it("resolves to the best strategies Taipei allows: DMS change data capture and a cache per region", () => {
    expect(config.database.replication).toBe("dms-cdc");
    expect(config.cache.replication).toBe("per-region");
    for (const json of [taipei, tokyo]) {
      expect(resourcesOf(json, "aws_rds_global_cluster")).toEqual([]);
      expect(resourcesOf(json, "aws_elasticache_global_replication_group")).toEqual([]);
      expect(only(json, "aws_elasticache_replication_group").global_replication_group_id).toBeUndefined();
    }
  });

  it("runs the writer in Taipei and a standalone DMS target in Tokyo, sized and protected from config", () => {
    expect(resourcesOf(taipei, "aws_rds_cluster_instance")).toHaveLength(1 + database.primaryReaders);
    expect(resourcesOf(tokyo, "aws_rds_cluster_instance")).toHaveLength(database.secondaryInstances);
    for (const json of [taipei, tokyo]) {
      expect(only(json, "aws_rds_cluster")).toMatchObject({
        backup_retention_period: database.backupRetentionDays,
        deletion_protection: protect,
        lifecycle: { prevent_destroy: protect, ignore_changes: [] },
      });
      expect(only(json, "aws_rds_cluster").global_cluster_identifier).toBeUndefined();
    }
    // Each writes its own database with its own master secret; Taipei's replicates to Tokyo.
    expect(only(taipei, "aws_secretsmanager_secret").name).toBe(`genai-demo/${env}/database-master`);
    expect(only(tokyo, "aws_secretsmanager_secret")).toMatchObject({
      name: `genai-demo/${env}/tokyo/database-master`,
      replica: [],
    });
    // Only the source decodes its changes for DMS.
    const logicalDecoding = (json: string) =>
      (only(json, "aws_rds_cluster_parameter_group").parameter as Block[]).filter(
        (parameter) => parameter.name === "rds.logical_replication",
      );
    expect(logicalDecoding(taipei)).toEqual([
      { name: "rds.logical_replication", value: "1", apply_method: "pending-reboot" },
    ]);
    expect(logicalDecoding(tokyo)).toEqual([]);
    for (const json of [taipei, tokyo]) {
      expect(only(json, "aws_elasticache_replication_group")).toMatchObject({
        num_cache_clusters: cache.nodes,
        multi_az_enabled: cache.multiAz,
        snapshot_retention_limit: cache.snapshotRetentionDays,
        at_rest_encryption_enabled: "true",
        transit_encryption_enabled: true,
      });
    }
  });

  it("backs up each region's cluster on schedule and copies every recovery point to the other's vault", () => {
    const [rule] = only(taipei, "aws_backup_plan").rule as Block[];
    expect(rule).toMatchObject({
      schedule: backupSchedule(config.backup.frequencyHours),
      lifecycle: { delete_after: config.backup.retentionDays },
    });
    expect(rule!.copy_action).toEqual([
      {
        destination_vault_arn: expect.stringMatching(
          /^arn:\$\{data\.aws_partition\.[^}]+\}:backup:ap-northeast-1:\$\{data\.aws_caller_identity\.[^}]+\}:backup-vault:genai-demo-[a-z]+-tokyo$/,
        ),
        lifecycle: { delete_after: config.backup.retentionDays },
      },
    ]);
    expect(only(tokyo, "aws_backup_vault").name).toBe(`genai-demo-${env}-tokyo`);
    expect(only(taipei, "aws_backup_selection").resources).toEqual([
      refTo(taipei, "aws_rds_cluster", () => true, "arn"),
    ]);
    // Tokyo's own cluster (the DMS target, the writer after a promotion) is backed up too, and
    // copied the other way.
    expect(only(tokyo, "aws_backup_selection").resources).toEqual([refTo(tokyo, "aws_rds_cluster", () => true, "arn")]);
    const [tokyoRule] = only(tokyo, "aws_backup_plan").rule as Block[];
    expect((tokyoRule!.copy_action as Block[]).map((copy) => copy.destination_vault_arn)).toEqual([
      expect.stringMatching(/:backup:ap-east-2:.*:backup-vault:genai-demo-[a-z]+-taipei$/),
    ]);
  });

  it("locks the vaults in production only, and encrypts them with their region's own key", () => {
    for (const json of [taipei, tokyo]) {
      expect(resourcesOf(json, "aws_backup_vault_lock_configuration")).toHaveLength(protect ? 1 : 0);
      expect(only(json, "aws_backup_vault").kms_key_arn).toBe(
        refTo(json, "aws_kms_key", (key) => String(key.description).includes("backup vault"), "arn"),
      );
    }
  });

  it("reports failed backup and copy jobs to the region's warning topic", () => {
    for (const json of [taipei, tokyo]) {
      const pattern = JSON.parse(String(only(json, "aws_cloudwatch_event_rule").event_pattern)) as Block;
      expect(pattern).toMatchObject({ source: ["aws.backup"], detail: { state: ["FAILED", "ABORTED", "EXPIRED"] } });
      expect(only(json, "aws_cloudwatch_event_target").arn).toBe(
        refTo(json, "aws_sns_topic", (topic) => String(topic.name).endsWith("-warning"), "arn"),
      );
    }
  });

  it("publishes each region's settings under its own path", () => {
    const names = (json: string) => resourcesOf(json, "aws_ssm_parameter").map((parameter) => String(parameter.name));
    for (const [key, json] of [
      ["taipei", taipei],
      ["tokyo", tokyo],
    ] as const) {
      expect(names(json)).toContain(`/genai-demo/${env}/${key}/database/endpoint`);
      expect(names(json)).toContain(`/genai-demo/${env}/${key}/cache/endpoint`);
    }
  });

  it("opens the database tiers' NACLs to each other on 5432 only, and Tokyo's to its Secrets Manager endpoint", () => {
    const [taipeiRegion, tokyoRegion] = config.regions;
    const databaseAcl = (json: string) =>
      resourcesOf(json, "aws_network_acl").find((acl) => String((acl.tags as Block).Name).endsWith("-database"))!;
    const rules = (acl: Block, direction: "ingress" | "egress", cidrs: string[]) =>
      (acl[direction] as Block[]).filter((rule) => cidrs.includes(String(rule.cidr_block)));
    const taipeiCidrs = databaseSubnetCidrs(config, taipeiRegion!);
    const tokyoCidrs = databaseSubnetCidrs(config, tokyoRegion!);
    const postgres = { protocol: "tcp", from_port: 5432, to_port: 5432 };
    const returning = { protocol: "tcp", from_port: 1024, to_port: 65535 };
    // Taipei serves Tokyo's database subnets; Tokyo reaches Taipei's.
    expect(rules(databaseAcl(taipei), "ingress", tokyoCidrs)).toEqual(
      tokyoCidrs.map(() => expect.objectContaining(postgres)),
    );
    expect(rules(databaseAcl(taipei), "egress", tokyoCidrs)).toEqual(
      tokyoCidrs.map(() => expect.objectContaining(returning)),
    );
    expect(rules(databaseAcl(tokyo), "egress", taipeiCidrs)).toEqual(
      taipeiCidrs.map(() => expect.objectContaining(postgres)),
    );
    expect(rules(databaseAcl(tokyo), "ingress", taipeiCidrs)).toEqual(
      taipeiCidrs.map(() => expect.objectContaining(returning)),
    );
    const endpoints = resourcesOf(tokyo, "aws_vpc_endpoint").map((endpoint) => endpoint.service_name);
    expect(endpoints).toContain("com.amazonaws.ap-northeast-1.secretsmanager");
    expect(resourcesOf(taipei, "aws_vpc_endpoint").map((endpoint) => endpoint.service_name)).not.toContain(
      "com.amazonaws.ap-east-2.secretsmanager",
    );
  });
});

describe("RegionalStack data tier, Taipei + Tokyo with snapshot-copy chosen", () => {
  const config = environmentConfig("production", (input) => (input.database.replication = "snapshot-copy"));
  const taipei = synthRegion(config, "taipei");
  const tokyo = synthRegion(config, "tokyo");

  it("runs the writer in Taipei only; Tokyo has no database, no link rules and no logical decoding", () => {
    expect(resourcesOf(taipei, "aws_rds_cluster")).toHaveLength(1);
    expect(resourcesOf(tokyo, "aws_rds_cluster")).toEqual([]);
    const names = resourcesOf(tokyo, "aws_ssm_parameter").map((parameter) => String(parameter.name));
    expect(names.some((name) => name.includes("/database/"))).toBe(false);
    const parameters = resourcesOf(taipei, "aws_rds_cluster_parameter_group")[0]!.parameter as Block[];
    expect(parameters.map((parameter) => parameter.name)).not.toContain("rds.logical_replication");
    expect(JSON.stringify(resourcesOf(taipei, "aws_vpc_security_group_ingress_rule"))).not.toContain("10.1.");
  });
});

describe("RegionalStack data tier, Tokyo + Osaka (both offer global databases and datastores)", () => {
  const config = environmentConfig("staging", osakaInsteadOfTaipei);
  const osaka = synthRegion(config, "osaka");
  const tokyo = synthRegion(config, "tokyo");
  const only = (json: string, type: string) => resourcesOf(json, type)[0]!;

  it("resolves to the global database and datastore", () => {
    expect(config.database.replication).toBe("global-database");
    expect(config.cache.replication).toBe("global-datastore");
    expect(only(osaka, "aws_rds_global_cluster").global_cluster_identifier).toBe("genai-demo-staging");
    expect(resourcesOf(osaka, "aws_elasticache_global_replication_group")).toHaveLength(1);
    expect(resourcesOf(tokyo, "aws_rds_global_cluster")).toEqual([]);
  });

  it("joins Tokyo to them: the cluster by name, the cache by the id in the primary's state", () => {
    expect(only(tokyo, "aws_rds_cluster").global_cluster_identifier).toBe("genai-demo-staging");
    const [stateId] = Object.keys(blocksOf(tokyo, "terraform_remote_state", "data")).filter(
      (id) => id !== "global-state",
    );
    expect(only(tokyo, "aws_elasticache_replication_group").global_replication_group_id).toBe(
      `\${data.terraform_remote_state.${stateId}.outputs.${CACHE_GLOBAL_DATASTORE_OUTPUT}}`,
    );
  });
});
