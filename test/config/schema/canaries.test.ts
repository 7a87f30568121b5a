import { describe, expect, it } from "vitest";
import { parseEnvironmentConfig } from "../../../src/config/load";
import { environmentInput } from "../../helpers";
import { expectSingleProblem, problemsAfter } from "./helpers";

describe("canaries configuration", () => {
  it.each([
    ["syn-nodejs-puppeteer-13.0", /13\.1 or later \(the script uses @aws\/synthetics-puppeteer\)/],
    ["syn-nodejs-puppeteer-7.0", /13\.1 or later/],
    ["syn-python-selenium-5.1", /must be a Node.js Puppeteer runtime/],
  ])("refuses runtime %s", (runtime, rule) => {
    const lines = problemsAfter((input) => (input.canaries.runtimeVersion = runtime));
    expectSingleProblem(lines, "canaries.runtimeVersion", JSON.stringify(runtime), rule);
  });

  it.each([0, 61, 1.5])("refuses a schedule of %d minutes (Synthetics runs every 1 to 60)", (minutes) => {
    const lines = problemsAfter((input) => (input.canaries.scheduleMinutes = minutes));
    expectSingleProblem(lines, "canaries.scheduleMinutes", String(minutes), /./);
  });

  it.each(["api/v1/products", "/api/v1/products?token=abc", "/api#top"])("refuses the API path %s", (path) => {
    const lines = problemsAfter((input) => (input.canaries.readOnlyApiPath = path));
    expectSingleProblem(
      lines,
      "canaries.readOnlyApiPath",
      JSON.stringify(path),
      /absolute URL path without query string/,
    );
  });

  it("refuses a retention Synthetics does not take", () => {
    const lines = problemsAfter((input) => (input.canaries.retentionDays = 1025));
    expectSingleProblem(lines, "canaries.retentionDays", "1025", /1024/);
  });

  it("accepts later runtimes and runs every minute unless told otherwise", () => {
    const input = environmentInput("production");
    input.canaries = { ...input.canaries, runtimeVersion: "syn-nodejs-puppeteer-16.1" };
    const config = parseEnvironmentConfig(input, "test");
    expect(config.canaries).toMatchObject({ runtimeVersion: "syn-nodejs-puppeteer-16.1", scheduleMinutes: 1 });
  });
});
