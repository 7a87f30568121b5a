import { z } from "zod";
import type { IssueReporter } from "./common";

/** The HPA's floor and ceiling (SPEC: 2-10); one replica is allowed outside production. */
export const APP_REPLICAS = { min: 1, max: 100 } as const;
/** ECR lifecycle: images kept per repository, and days an untagged image survives. */
export const REGISTRY_LIMITS = { maxImageCount: { min: 1, max: 10_000 }, untaggedExpiryDays: { min: 1, max: 365 } };

/** An OCI tag, as registries accept them. */
const IMAGE_TAG = /^[A-Za-z0-9_][A-Za-z0-9._-]{0,127}$/;
const IMAGE_DIGEST = /^sha256:[a-f0-9]{64}$/;
/** A Spring profile name as the app's `SPRING_PROFILES_ACTIVE` takes it. */
const SPRING_PROFILE = /^[a-z][a-z0-9-]{0,31}$/;
/** Kubernetes CPU quantities: whole or decimal cores, or millicores. */
const CPU_QUANTITY = /^(?:(\d+)m|(\d+(?:\.\d{1,3})?))$/;
/** Kubernetes memory quantities with binary or decimal suffixes, or plain bytes. */
const MEMORY_QUANTITY = /^(\d+)(Ki|Mi|Gi|Ti|k|M|G|T)?$/;
const MEMORY_UNITS: Record<string, number> = {
  "": 1,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
};

/** Millicores of a CPU quantity such as `500m` or `1.5`. */
export function cpuMillicores(quantity: string): number {
  const match = CPU_QUANTITY.exec(quantity);
  if (match === null) throw new Error(`not a CPU quantity: ${quantity}`);
  return match[1] !== undefined ? Number(match[1]) : Math.round(Number(match[2]) * 1000);
}

/** Bytes of a memory quantity such as `128Mi` or `1G`. */
export function memoryBytes(quantity: string): number {
  const match = MEMORY_QUANTITY.exec(quantity);
  if (match === null) throw new Error(`not a memory quantity: ${quantity}`);
  return Number(match[1]) * MEMORY_UNITS[match[2] ?? ""]!;
}

const cpu = z
  .string()
  .regex(CPU_QUANTITY, { error: "must be a Kubernetes CPU quantity such as 250m or 1.5", abort: true })
  .refine((quantity) => cpuMillicores(quantity) > 0, "must be more than 0");
const memory = z
  .string()
  .regex(MEMORY_QUANTITY, { error: "must be a Kubernetes memory quantity such as 128Mi or 1Gi", abort: true })
  .refine((quantity) => memoryBytes(quantity) > 0, "must be more than 0");
const computeResources = z.strictObject({ cpu, memory });
const between = (bounds: { min: number; max: number }) => z.number().int().min(bounds.min).max(bounds.max);

/** The GenAI Demo app as each region's Helm release runs it. */
export const appSchema = z
  .strictObject({
    /**
     * Install the app's Helm release. `false` leaves it out (its namespace, role and image
     * repository stay): for the first deploy of a new environment, before an image exists in
     * the repository that deploy creates (docs/operations.md, "First deploy of a new environment").
     */
    deploy: z.boolean().default(true),
    image: z.strictObject({
      /** Tag in the region's ECR repository; tags there are immutable. */
      tag: z.string().regex(IMAGE_TAG, "must be an image tag: letters, digits, '_', '.', '-', at most 128"),
      /** Pins the exact image; wins over the tag. */
      digest: z.string().regex(IMAGE_DIGEST, "must be an image digest sha256:<64 hex digits>").optional(),
    }),
    /** `SPRING_PROFILES_ACTIVE` of the app. */
    springProfile: z.string().regex(SPRING_PROFILE, "must be a lower-case Spring profile name"),
    /** The HorizontalPodAutoscaler's range. */
    replicas: z.strictObject({ min: between(APP_REPLICAS), max: between(APP_REPLICAS) }),
    /** Requests the scheduler reserves and limits the kubelet enforces, per pod. */
    resources: z.strictObject({ requests: computeResources, limits: computeResources }),
    /** The image repository (one per region, replicated from the primary). */
    registry: z.strictObject({
      /** Images kept per repository, newest first; older ones expire. */
      maxImageCount: between(REGISTRY_LIMITS.maxImageCount),
      /** Days an untagged image (an interrupted push, a replaced manifest) is kept. */
      untaggedExpiryDays: between(REGISTRY_LIMITS.untaggedExpiryDays),
    }),
  })
  .superRefine((app, ctx) => {
    const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: "custom", path, message });
    if (app.replicas.min > app.replicas.max) {
      issue(["replicas", "min"], `must not exceed replicas.max (${app.replicas.max})`);
    }
    const { requests, limits } = app.resources;
    if (cpu.safeParse(requests.cpu).success && cpu.safeParse(limits.cpu).success) {
      if (cpuMillicores(requests.cpu) > cpuMillicores(limits.cpu)) {
        issue(
          ["resources", "requests", "cpu"],
          `must not exceed resources.limits.cpu (${limits.cpu}); Kubernetes refuses the pod`,
        );
      }
    }
    if (memory.safeParse(requests.memory).success && memory.safeParse(limits.memory).success) {
      if (memoryBytes(requests.memory) > memoryBytes(limits.memory)) {
        issue(
          ["resources", "requests", "memory"],
          `must not exceed resources.limits.memory (${limits.memory}); Kubernetes refuses the pod`,
        );
      }
    }
  });

/** A moving tag makes what runs in production unknowable and un-replayable. */
export function checkAppForEnvironment(
  env: { production: boolean; app: { image: { tag: string } } },
  issue: IssueReporter,
): void {
  if (env.production && env.app.image.tag === "latest") {
    issue(["app", "image", "tag"], 'production must pin a release tag or digest, not "latest"');
  }
}
