import { describe, it } from "vitest";
import { expectSingleProblem, problemsAfter } from "./helpers";

describe("edge configuration", () => {
  it.each([
    ["/static/{js}", /must be a CloudFront path pattern/],
    ["/" + "a".repeat(255), /must be a CloudFront path pattern/],
    ["*", /must not be \* \(the default behavior/],
  ])("refuses the path pattern %s", (pattern, rule) => {
    const lines = problemsAfter((input) => (input.edge!.staticPathPatterns = [pattern]));
    // Long values are shortened in the message: compare the field and rule only.
    expectSingleProblem(
      lines,
      "edge.staticPathPatterns[0]",
      pattern.length > 40 ? null : JSON.stringify(pattern),
      rule,
    );
  });

  it("refuses a pattern given twice, across static and read-only paths", () => {
    const lines = problemsAfter((input) => (input.edge!.readOnlyPathPatterns = ["/static/*"]));
    expectSingleProblem(lines, "edge.readOnlyPathPatterns[0]", '"/static/*"', /must not repeat a path pattern/);
  });

  it.each([
    ["staticCacheSeconds", -1],
    ["staticCacheSeconds", 31_536_001],
  ] as const)("refuses %s = %s (a TTL CloudFront refuses)", (field, value) => {
    const lines = problemsAfter((input) => (input.edge![field] = value));
    expectSingleProblem(lines, `edge.${field}`, String(value), /Too (small|big)/);
  });

  it.each([
    ["connectionTimeoutSeconds", 11],
    ["connectionTimeoutSeconds", 0],
    ["connectionAttempts", 4],
    ["readTimeoutSeconds", 61],
  ] as const)("refuses originFailover.%s = %s (outside CloudFront's limits)", (field, value) => {
    const lines = problemsAfter((input) => (input.edge!.originFailover[field] = value));
    expectSingleProblem(lines, `edge.originFailover.${field}`, String(value), /Too (small|big)/);
  });

  it("refuses a status code an origin group cannot fail over on", () => {
    const lines = problemsAfter((input) => (input.edge!.originFailover.statusCodes = [500, 501] as never));
    expectSingleProblem(
      lines,
      "edge.originFailover.statusCodes[1]",
      "501",
      /must be one of 400, 403, 404, 416, 500, 502, 503, 504/,
    );
  });

  it("refuses a WAF rate limit out of range", () => {
    const lines = problemsAfter((input) => (input.edge!.wafRateLimitPer5Minutes = 50));
    expectSingleProblem(lines, "edge.wafRateLimitPer5Minutes", "50", /Too small/);
  });

  it.each([0, 1.5])("refuses originSecretVersion = %s (a generation is a whole number from 1)", (value) => {
    const lines = problemsAfter((input) => (input.edge!.originSecretVersion = value));
    expectSingleProblem(lines, "edge.originSecretVersion", String(value), /Too small|expected int/);
  });

  it("needs failover: the edge's API origin is the regions' failover name", () => {
    const lines = problemsAfter((input) => {
      input.regions.pop();
      delete input.failover;
    });
    expectSingleProblem(lines, "edge", null, /needs failover/);
  });
});
