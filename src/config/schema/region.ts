import { z } from "zod";
import { REGION_CAPABILITIES } from "../region-capabilities";
import { awsRegion, issueReporter } from "./common";
import { regionEksSchema } from "./eks";
import { checkAvailabilityZones, regionNetworkFields } from "./network";

/** A stack id becomes part of resource names and the state key: keep it short and DNS-safe. */
const REGION_KEY = /^[a-z][a-z0-9]{1,19}$/;

/** One serving region: its stack id, AWS region, role, network and cluster. */
export const regionSchema = z
  .strictObject({
    /** Stack id and name component, e.g. `taipei`. */
    key: z.string().regex(REGION_KEY, "must be 2-20 lower-case letters or digits, starting with a letter"),
    awsRegion,
    role: z.enum(["primary", "secondary"], { error: () => 'must be "primary" or "secondary"' }),
    ...regionNetworkFields,
    eks: regionEksSchema,
    /**
     * Cross-region features this region offers beyond what src/config/region-capabilities.ts
     * lists (AWS adds regions to features over time). `npm run preflight` checks each against
     * the account.
     * @default []
     */
    assertedCapabilities: z
      .array(z.enum(REGION_CAPABILITIES, { error: () => `must be one of ${REGION_CAPABILITIES.join(", ")}` }))
      .default([]),
  })
  .superRefine((region, ctx) => checkAvailabilityZones(region, issueReporter(ctx)));
