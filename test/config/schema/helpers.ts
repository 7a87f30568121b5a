import { expect } from "vitest";
import { ConfigError } from "../../../src/config/errors";
import { parseEnvironmentConfig } from "../../../src/config/load";
import type { EnvironmentInput } from "../../../src/config/schema";
import { environmentInput } from "../../helpers";

export type Mutable<T> = { -readonly [K in keyof T]: Mutable<T[K]> };
export type Input = Mutable<EnvironmentInput> & Record<string, unknown>;

/** Feeds production with `change` applied and returns the error message lines. */
export function problemsAfter(change: (input: Input) => void, name = "production"): string[] {
  const input = environmentInput(name) as Input;
  change(input);
  try {
    parseEnvironmentConfig(input, `test-source(${name})`);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).message.split("\n").slice(1);
  }
  throw new Error("expected the configuration to be rejected");
}

/**
 * Asserts exactly one problem naming the source, the field path, the value (as JSON; `null` to
 * skip comparing long values) and the rule.
 */
export function expectSingleProblem(lines: string[], path: string, value: string | null, rule: RegExp): void {
  expect(lines).toHaveLength(1);
  const [line] = lines;
  expect(line).toContain("test-source(production)");
  expect(line).toContain(value === null ? `: ${path} = ` : `: ${path} = ${value}:`);
  expect(line).toMatch(rule);
}

export const taipei = (input: Input) => input.regions[0]!;
export const tokyo = (input: Input) => input.regions[1]!;
