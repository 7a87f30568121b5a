/**
 * The override file that points a copy of a synthesized stack at the emulator: every AWS provider
 * block (aliases too), the S3 backend and every remote-state read go to one loopback endpoint
 * with fake credentials and few retries; the helm and kubernetes providers go to the region's
 * emulated Kubernetes API, and releases from remote repositories to their stand-in charts; and `prevent_destroy` and deletion protection are
 * lifted so destroy can be tested. Terraform merges `*_override.tf.json` into the configuration; the synthesized JSON
 * itself is never changed.
 */

type Block = Record<string, unknown>;
export interface StackDocument {
  readonly provider?: Record<string, Block[]>;
  readonly terraform?: {
    readonly backend?: Record<string, Block>;
    readonly required_providers?: Record<string, Block>;
  };
  readonly resource?: Record<string, Record<string, Block>>;
  readonly data?: Record<string, Record<string, Block>>;
}

/** Provider `endpoints` keys of every AWS service the stacks call. */
export const EMULATED_SERVICES = [
  "acm",
  "amp",
  "backup",
  "budgets",
  "ce",
  "cloudfront",
  "cloudwatch",
  "dms",
  "ec2",
  "ecr",
  "eks",
  "elasticache",
  "elbv2",
  "events",
  "iam",
  "kms",
  "logs",
  "rds",
  "route53",
  "s3",
  "s3control",
  "secretsmanager",
  "sns",
  "ssm",
  "sts",
  "synthetics",
  "wafv2",
] as const;

/** Fake credentials; the emulator does not check signatures. */
export const FAKE_CREDENTIALS = { access_key: "emulated", secret_key: "emulated" } as const;
/** A stuck call fails in seconds, not after the SDK's default ten-minute retry budget. */
export const MAX_RETRIES = 2;

/** How the helm and kubernetes providers reach the region's emulated Kubernetes API (kube.ts). */
export interface KubernetesConnection {
  readonly host: string;
  readonly caCertificate: string;
  readonly token: string;
}

export interface EmulatorOverrideOptions {
  /** `http://127.0.0.1:<port>`. */
  readonly endpoint: string;
  /** Where the stack's helm and kubernetes providers connect instead of the EKS cluster. */
  readonly kubernetes?: KubernetesConnection;
  /** `helm_release.<name>` -> the loopback repository serving its stand-in chart (stand-in-charts.ts). */
  readonly chartRepositories?: ReadonlyMap<string, string>;
  /**
   * Provider versions to require instead of the pinned ones (name -> version), when the stack is
   * run in place (cdktf deploy) rather than from a retargeted copy.
   */
  readonly providerVersions?: Readonly<Record<string, string>>;
}

const endpoints = (endpoint: string, services: readonly string[]) =>
  Object.fromEntries(services.map((service) => [service, endpoint]));

/** What an S3 backend or remote-state read needs to talk to the emulator. */
function s3Client(endpoint: string): Block {
  return {
    endpoints: endpoints(endpoint, ["s3", "sts", "dynamodb", "iam"]),
    use_path_style: true,
    skip_credentials_validation: true,
    skip_requesting_account_id: true,
    skip_metadata_api_check: true,
    skip_region_validation: true,
    ...FAKE_CREDENTIALS,
  };
}

/** Addresses (`type.name`) of resources that `prevent_destroy`. */
export function preventDestroyAddresses(document: StackDocument): string[] {
  return Object.entries(document.resource ?? {}).flatMap(([type, blocks]) =>
    Object.entries(blocks)
      .filter(([, block]) => (block.lifecycle as Block | undefined)?.prevent_destroy === true)
      .map(([name]) => `${type}.${name}`),
  );
}

/** Attributes by which AWS refuses to delete a resource, as AWS's APIs name them in Terraform. */
const DELETION_PROTECTION_ATTRIBUTES = ["deletion_protection", "enable_deletion_protection"] as const;

/** `type.name` of resources with deletion protection on, each with the attribute that sets it. */
export function deletionProtectedAddresses(document: StackDocument): Map<string, string> {
  const found = new Map<string, string>();
  for (const [type, blocks] of Object.entries(document.resource ?? {})) {
    for (const [name, block] of Object.entries(blocks)) {
      const attribute = DELETION_PROTECTION_ATTRIBUTES.find((key) => block[key] === true);
      if (attribute !== undefined) found.set(`${type}.${name}`, attribute);
    }
  }
  return found;
}

/** The override document for one stack. */
export function emulatorOverride(document: StackDocument, options: EmulatorOverrideOptions): Block {
  const { endpoint, kubernetes } = options;
  const override: Record<string, Record<string, unknown>> = {};
  const providers: Record<string, Block[]> = {};

  const aws = (document.provider?.aws ?? []).map((block) => ({
    ...(block.alias === undefined ? {} : { alias: block.alias }),
    endpoints: [endpoints(endpoint, EMULATED_SERVICES)],
    ...FAKE_CREDENTIALS,
    skip_credentials_validation: true,
    skip_metadata_api_check: "true",
    skip_region_validation: true,
    s3_use_path_style: true,
    max_retries: MAX_RETRIES,
  }));
  if (aws.length > 0) providers.aws = aws;
  const kubernetesDocumented = [...(document.provider?.kubernetes ?? []), ...(document.provider?.helm ?? [])];
  if (kubernetesDocumented.length > 0 && kubernetes === undefined)
    throw new Error("the stack configures helm or kubernetes providers: give it an emulated Kubernetes API");
  if (kubernetes !== undefined) {
    // The EKS cluster's endpoint and token are replaced; the rest of each block is kept.
    const connection = {
      host: kubernetes.host,
      cluster_ca_certificate: kubernetes.caCertificate,
      token: kubernetes.token,
    };
    const alias = (block: Block) => (block.alias === undefined ? {} : { alias: block.alias });
    const kubernetesBlocks = (document.provider?.kubernetes ?? []).map((block) => ({ ...alias(block), ...connection }));
    const helmBlocks = (document.provider?.helm ?? []).map((block) => ({ ...alias(block), kubernetes: connection }));
    if (kubernetesBlocks.length > 0) providers.kubernetes = kubernetesBlocks;
    if (helmBlocks.length > 0) providers.helm = helmBlocks;
  }
  if (Object.keys(providers).length > 0) override.provider = providers;

  // Local state needs nothing; S3 state goes to the emulator's bucket; anything else is refused.
  const backend = document.terraform?.backend ?? {};
  const kinds = Object.keys(backend).filter((kind) => kind !== "local");
  if (kinds.length > 0) {
    if (backend.s3 === undefined)
      throw new Error(`the emulator needs the s3 or local backend (found ${kinds.join(", ")})`);
    override.terraform = { backend: { s3: { ...backend.s3, ...s3Client(endpoint) } } };
  }
  if (options.providerVersions !== undefined) {
    const required = document.terraform?.required_providers ?? {};
    // Terraform merges required_providers entry by entry, so only the versions change.
    const retargeted = Object.fromEntries(
      Object.entries(required)
        .filter(([name]) => options.providerVersions![name] !== undefined)
        .map(([name, entry]) => [name, { ...entry, version: options.providerVersions![name] }]),
    );
    if (Object.keys(retargeted).length > 0)
      override.terraform = { ...override.terraform, required_providers: retargeted };
  }

  const reads = document.data?.terraform_remote_state ?? {};
  if (Object.keys(reads).length > 0) {
    override.data = {
      terraform_remote_state: Object.fromEntries(
        Object.entries(reads).map(([name, read]) => {
          if (read.backend !== "s3") throw new Error(`remote state ${name}: the emulator needs the s3 backend`);
          return [name, { config: { ...(read.config as Block), ...s3Client(endpoint) } }];
        }),
      ),
    };
  }

  const resource: Record<string, Record<string, Block>> = {};
  const lift = (address: string, attributes: Block) => {
    const [type, name] = address.split(".") as [string, string];
    const named = (resource[type] ??= {});
    named[name] = { ...named[name], ...attributes };
  };
  for (const address of preventDestroyAddresses(document)) lift(address, { lifecycle: { prevent_destroy: false } });
  for (const [address, attribute] of deletionProtectedAddresses(document)) lift(address, { [attribute]: false });
  for (const [address, repository] of options.chartRepositories ?? []) lift(address, { repository });
  if (Object.keys(resource).length > 0) override.resource = resource;
  return override;
}
