import { describe, expect, it } from "vitest";
import {
  EMULATED_SERVICES,
  FAKE_CREDENTIALS,
  MAX_RETRIES,
  type StackDocument,
  emulatorOverride,
} from "../../../tools/emulate/overrides";

const endpoint = "http://127.0.0.1:4566";
const document: StackDocument = {
  provider: { aws: [{ region: "ap-east-2" }, { alias: "us_east_1", region: "us-east-1" }] },
  terraform: {
    backend: { s3: { bucket: "state", key: "p/e/taipei.tfstate", region: "ap-southeast-1", use_lockfile: true } },
  },
  data: {
    terraform_remote_state: {
      "global-state": {
        backend: "s3",
        config: { bucket: "state", key: "p/e/global.tfstate", region: "ap-southeast-1" },
      },
    },
  },
  resource: {
    aws_kms_key: { key: { lifecycle: { prevent_destroy: true } }, other: { lifecycle: { prevent_destroy: false } } },
    aws_vpc: { vpc: {} },
    aws_rds_cluster: {
      kept: { deletion_protection: true, lifecycle: { prevent_destroy: true } },
      scratch: { deletion_protection: false },
    },
    aws_lb: { ingress: { enable_deletion_protection: true } },
  },
};
const override = emulatorOverride(document, { endpoint }) as Record<string, Record<string, unknown>>;

describe("emulatorOverride", () => {
  it("sends every service of every AWS provider block, aliases included, to the emulator", () => {
    const blocks = override.provider!.aws as Record<string, unknown>[];
    expect(blocks.map((block) => block.alias)).toEqual([undefined, "us_east_1"]);
    for (const block of blocks) {
      const [endpoints] = block.endpoints as Record<string, string>[];
      expect(Object.keys(endpoints!).sort()).toEqual([...EMULATED_SERVICES].sort());
      expect(new Set(Object.values(endpoints!))).toEqual(new Set([endpoint]));
      expect(block).toMatchObject({ ...FAKE_CREDENTIALS, max_retries: MAX_RETRIES, skip_credentials_validation: true });
    }
  });

  it("keeps the S3 backend, with its lockfile, pointed at the emulator", () => {
    const backend = (override.terraform!.backend as Record<string, Record<string, unknown>>).s3!;
    expect(backend).toMatchObject({
      bucket: "state",
      key: "p/e/taipei.tfstate",
      use_lockfile: true,
      use_path_style: true,
    });
    expect(backend.endpoints).toMatchObject({ s3: endpoint, sts: endpoint });
  });

  it("points every remote-state read at the emulator, keeping its key", () => {
    const read = (override.data!.terraform_remote_state as Record<string, { config: Record<string, unknown> }>)[
      "global-state"
    ]!;
    expect(read.config).toMatchObject({ key: "p/e/global.tfstate", use_path_style: true, endpoints: { s3: endpoint } });
  });

  it("lifts prevent_destroy and deletion protection where they are set, and only there", () => {
    expect(override.resource).toEqual({
      aws_kms_key: { key: { lifecycle: { prevent_destroy: false } } },
      aws_rds_cluster: { kept: { lifecycle: { prevent_destroy: false }, deletion_protection: false } },
      aws_lb: { ingress: { enable_deletion_protection: false } },
    });
  });

  it("leaves local state alone and refuses other backends", () => {
    expect(
      emulatorOverride({ terraform: { backend: { local: { path: "x" } } } }, { endpoint }).terraform,
    ).toBeUndefined();
    expect(() => emulatorOverride({ terraform: { backend: { remote: {} } } }, { endpoint })).toThrow(/s3 or local/);
  });
});

describe("emulatorOverride for a stack with Helm releases", () => {
  const eks = {
    host: "${aws_eks_cluster.eks.endpoint}",
    cluster_ca_certificate: "${base64decode(aws_eks_cluster.eks.certificate_authority[0].data)}",
    token: "${ephemeral.aws_eks_cluster_auth.token.token}",
  };
  const regional: StackDocument = {
    provider: { aws: [{ region: "ap-east-2" }], kubernetes: [eks], helm: [{ kubernetes: eks }] },
    terraform: {
      required_providers: { aws: { source: "aws", version: "6.25.0" }, helm: { source: "helm", version: "3.1.1" } },
    },
    resource: {
      helm_release: {
        controller: {
          repository: "https://aws.github.io/eks-charts",
          chart: "aws-load-balancer-controller",
          version: "1.12.0",
        },
        app: { chart: "assets/app/chart" },
      },
    },
  };
  const kubernetes = { host: "https://127.0.0.1:6443", caCertificate: "-----BEGIN CERTIFICATE-----", token: "t0ken" };

  it("refuses to write an override without an emulated Kubernetes API for the providers", () => {
    expect(() => emulatorOverride(regional, { endpoint })).toThrow(/emulated Kubernetes API/);
  });

  it("points the kubernetes provider and the helm provider's connection at the emulated API", () => {
    const result = emulatorOverride(regional, { endpoint, kubernetes }) as Record<string, Record<string, unknown>>;
    const connection = {
      host: kubernetes.host,
      cluster_ca_certificate: kubernetes.caCertificate,
      token: kubernetes.token,
    };
    expect(result.provider!.kubernetes).toEqual([connection]);
    expect(result.provider!.helm).toEqual([{ kubernetes: connection }]);
  });

  it("sends a release from a remote repository to its stand-in, and leaves local charts alone", () => {
    const chartRepositories = new Map([["helm_release.controller", "http://127.0.0.1:9000/aws.github.io_eks-charts"]]);
    const result = emulatorOverride(regional, { endpoint, kubernetes, chartRepositories }) as {
      resource: Record<string, Record<string, Record<string, unknown>>>;
    };
    expect(result.resource.helm_release).toEqual({
      controller: { repository: "http://127.0.0.1:9000/aws.github.io_eks-charts" },
    });
  });

  it("retargets only the versions of the required providers it is given, for stacks run in place", () => {
    const result = emulatorOverride(regional, { endpoint, kubernetes, providerVersions: { aws: "6.47.10" } }) as {
      terraform: { required_providers: Record<string, unknown> };
    };
    expect(result.terraform.required_providers).toEqual({ aws: { source: "aws", version: "6.47.10" } });
  });
});
