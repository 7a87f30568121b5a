import { describe, expect, it } from "vitest";
import { ClusterProviders, EXEC_API_VERSION } from "../../modules/cluster-providers";
import { fixtureNodeGroup, synthInStack } from "../helpers";

type Document = Record<string, Record<string, unknown>>;

function synthProviders(authentication?: "ephemeral-token" | "aws-cli-exec"): Document {
  const json = synthInStack((stack) => {
    const nodes = fixtureNodeGroup(stack);
    new ClusterProviders(stack, "providers", {
      clusterName: "demo-taipei",
      region: "ap-east-2",
      endpoint: "https://ABC.gr7.ap-east-2.eks.amazonaws.com",
      certificateAuthorityData: "Q0E=",
      authentication,
      tokenAfter: [nodes],
    });
  });
  return JSON.parse(json) as Document;
}

const only = (value: unknown) => (value as Record<string, unknown>[])[0]!;

describe("ClusterProviders with the default ephemeral token", () => {
  const document = synthProviders();
  const auth = document.ephemeral!.aws_eks_cluster_auth as Record<string, Record<string, unknown>>;
  const [[authId, authBlock]] = Object.entries(auth) as [[string, Record<string, unknown>]];
  const token = `\${ephemeral.aws_eks_cluster_auth.${authId}.token}`;

  it("fetches the token ephemerally, and only once the nodes exist", () => {
    expect(authBlock).toEqual({ name: "demo-taipei", depends_on: ["aws_eks_node_group.nodes"] });
  });

  it("gives both providers the endpoint, the decoded CA and the ephemeral token", () => {
    const connection = {
      host: "https://ABC.gr7.ap-east-2.eks.amazonaws.com",
      cluster_ca_certificate: '${base64decode("Q0E=")}',
      token,
    };
    expect(only(document.provider!.helm)).toEqual({ kubernetes: connection });
    expect(only(document.provider!.kubernetes)).toEqual(connection);
  });

  it("writes the token nowhere but the two provider blocks", () => {
    const text = JSON.stringify(document);
    expect(text.split(token)).toHaveLength(3);
    const { provider: _providers, ...rest } = document;
    expect(JSON.stringify(rest)).not.toMatch(/"token"/);
  });
});

describe("ClusterProviders in aws-cli-exec mode", () => {
  const document = synthProviders("aws-cli-exec");
  const exec = {
    api_version: EXEC_API_VERSION,
    command: "aws",
    args: ["eks", "get-token", "--cluster-name", "demo-taipei", "--region", "ap-east-2", "--output", "json"],
  };

  it("runs aws eks get-token for both providers and fetches no ephemeral token", () => {
    expect(document.ephemeral).toBeUndefined();
    expect(only(document.provider!.helm)).toMatchObject({ kubernetes: { exec } });
    expect(only(document.provider!.kubernetes)).toMatchObject({ exec: [exec] });
    expect(JSON.stringify(document.provider)).not.toContain('token":');
  });
});
