import type { EnvironmentInput } from "../src/config/schema";
import { development } from "./development";
import { production } from "./production";
import { staging } from "./staging";

/** The environments `GENAI_ENV` may name. Adding one is a new file plus a line here. */
export const environments: Readonly<Record<string, EnvironmentInput>> = { production, staging, development };
