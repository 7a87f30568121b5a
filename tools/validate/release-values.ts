/**
 * The values a stack hands Helm for a chart shipped with it, made concrete: every Terraform
 * interpolation (known only at apply) is replaced by a well-formed example of what it becomes,
 * so `helm template` can check the stack's real values against the chart's schema.
 */

/** Example values of the attributes the releases interpolate, by resource type and attribute. */
const EXAMPLES: Record<string, (region: string) => string> = {
  "aws_ecr_repository.repository_url": (region) => `111122223333.dkr.ecr.${region}.amazonaws.com/example/images`,
  "aws_lb_target_group.arn": (region) =>
    `arn:aws:elasticloadbalancing:${region}:111122223333:targetgroup/example/0123456789abcdef`,
};

const INTERPOLATION = /\$\{([a-z0-9_]+)\.[A-Za-z0-9_-]+\.([a-z0-9_]+)\}/g;

export class UnknownInterpolationError extends Error {}

/** `values` with each `${type.name.attribute}` replaced by an example for `region`. */
export function concreteValues(values: string, region: string): string {
  const concrete = values.replace(INTERPOLATION, (expression: string, type: string, attribute: string) => {
    const example = EXAMPLES[`${type}.${attribute}`];
    if (example === undefined) {
      throw new UnknownInterpolationError(`no example value for ${expression}: add one to EXAMPLES`);
    }
    return example(region);
  });
  if (concrete.includes("${")) throw new UnknownInterpolationError(`an interpolation is left in ${concrete}`);
  return concrete;
}

interface StackDocument {
  readonly provider?: { readonly aws?: { readonly region?: string }[] };
  readonly resource?: { readonly helm_release?: Record<string, { chart: string; values?: string[] }> };
}

/** Releases of a synthesized stack whose chart ships in its assets, with their concrete values. */
export function localChartReleases(document: StackDocument): { id: string; chart: string; values: string[] }[] {
  const region = document.provider?.aws?.[0]?.region ?? "us-east-1";
  return Object.entries(document.resource?.helm_release ?? {})
    .filter(([, release]) => release.chart.startsWith("assets/"))
    .map(([id, release]) => ({
      id,
      chart: release.chart,
      values: (release.values ?? []).map((values) => concreteValues(values, region)),
    }));
}
