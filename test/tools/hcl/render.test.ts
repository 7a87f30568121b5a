import { mkdtempSync, readFileSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "@cdktf/hcl2json";
import { describe, expect, it } from "vitest";
import { environments } from "../../../environments";
import { MissingShapeError, PROVIDER_SHAPES, renderHcl } from "../../../tools/hcl";
import { synthesize } from "../../../src/synth";

type Json = unknown;

/**
 * One form for the JSON and the HCL parsed back: no `//` metadata, single blocks unwrapped
 * (JSON may write a single block as an object, hcl2json always writes a list), whitespace in
 * expressions ignored, a reference alone in a template read as the bare reference, and an empty
 * list of blocks the same as none.
 */
function canonical(value: Json): Json {
  if (typeof value === "string") {
    if (!value.includes("${")) return value;
    const compact = value.replace(/\s+/g, "");
    return /^\$\{[\w.\-[\]"]+\}$/.test(compact) ? compact.slice(2, -1) : compact;
  }
  if (Array.isArray(value)) {
    if (value.length === 1 && typeof value[0] === "object" && value[0] !== null && !Array.isArray(value[0])) {
      return canonical(value[0]);
    }
    return value.map(canonical);
  }
  if (typeof value === "object" && value !== null) {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([key, item]) => key !== "//" && !(Array.isArray(item) && item.length === 0))
        .map(([key, item]) => [key, canonical(item)]),
    );
  }
  return value;
}

describe.each(Object.keys(environments))("HCL of the %s stacks", (name) => {
  const outdir = join(mkdtempSync(join(tmpdir(), "genai-hcl-")), "cdktf.out");
  const result = synthesize(
    { GENAI_ENV: name, CDKTF_OUTDIR: outdir },
    { error: () => undefined, warn: () => undefined },
  );

  it.each(result.exitCode === 0 ? readdirSync(join(outdir, "stacks")) : ["(synth failed)"])(
    "%s: describes exactly the configuration of the JSON",
    async (stack) => {
      expect(result.exitCode).toBe(0);
      const json = JSON.parse(readFileSync(join(outdir, "stacks", stack, "cdk.tf.json"), "utf8")) as Record<
        string,
        never
      >;
      const parsedBack = await parse("main.tf", renderHcl(json, PROVIDER_SHAPES));
      expect(canonical(parsedBack)).toEqual(canonical(json));
    },
    30_000,
  );
});

describe("renderHcl", () => {
  const shapes = {
    providers: { helm: {} },
    resources: {
      example_thing: { blocks: { rule: { blocks: { statement: {} } } } },
      helm_release: {},
    },
    data: {},
    ephemeral: { aws_eks_cluster_auth: {} },
  };

  it("writes schema blocks as blocks and everything else, nested attributes included, as attributes", () => {
    const hcl = renderHcl(
      {
        resource: {
          example_thing: { a: { rule: [{ statement: { x: 1 } }, { statement: { x: 2 } }], tags: { Name: "n" } } },
          helm_release: { app: { set: [{ name: "replicas", value: "2" }] } },
        },
      },
      shapes,
    );
    expect(hcl).toContain(
      'resource "example_thing" "a" {\n  rule {\n    statement {\n      x = 1\n    }\n  }\n  rule {',
    );
    expect(hcl).toContain('  tags = {\n    Name = "n"\n  }');
    expect(hcl).toContain('  set = [\n    {\n      name = "replicas"\n      value = "2"\n    },\n  ]');
  });

  it("writes depends_on, provider and ignore_changes as bare references", () => {
    const hcl = renderHcl(
      {
        resource: {
          helm_release: {
            app: {
              depends_on: ["aws_eks_node_group.nodes"],
              provider: "helm.regional",
              lifecycle: { ignore_changes: ["scaling_config[0].desired_size"], prevent_destroy: true },
            },
          },
        },
      },
      shapes,
    );
    expect(hcl).toContain("depends_on = [aws_eks_node_group.nodes]");
    expect(hcl).toContain("provider = helm.regional");
    expect(hcl).toContain("ignore_changes = [scaling_config[0].desired_size]");
    expect(hcl).toContain("prevent_destroy = true");
  });

  it("writes ephemeral resources as ephemeral blocks", () => {
    const hcl = renderHcl(
      { ephemeral: { aws_eks_cluster_auth: { token: { name: "c", depends_on: ["aws_eks_node_group.nodes"] } } } },
      shapes,
    );
    expect(hcl).toContain(
      'ephemeral "aws_eks_cluster_auth" "token" {\n  name = "c"\n  depends_on = [aws_eks_node_group.nodes]\n}',
    );
  });

  it("escapes literal text but copies interpolations as they are", () => {
    const hcl = renderHcl({ output: { o: { value: 'say "hi" ${jsonencode({"a" = "b"})} and $${literal}' } } }, shapes);
    expect(hcl).toContain('value = "say \\"hi\\" ${jsonencode({"a" = "b"})} and $${literal}"');
  });

  it("writes moved blocks with bare addresses, which read back as the JSON's", async () => {
    const json = { moved: [{ from: "aws_iam_role.old_role_0A1B2C3D", to: "aws_iam_role.new_role_4E5F6A7B" }] };
    const hcl = renderHcl(json, shapes);
    expect(hcl).toContain(
      "moved {\n  from = aws_iam_role.old_role_0A1B2C3D\n  to   = aws_iam_role.new_role_4E5F6A7B\n}",
    );
    expect(canonical(await parse("main.tf", hcl))).toEqual(canonical(json));
  });

  it("refuses a type the shapes do not describe", () => {
    expect(() => renderHcl({ resource: { aws_unknown: { x: {} } } }, shapes)).toThrow(MissingShapeError);
  });
});
