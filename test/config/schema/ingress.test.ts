import { describe, it } from "vitest";
import { type Input, expectSingleProblem, problemsAfter } from "./helpers";

const ingress = (input: Input) => input.ingress;

describe("ingress configuration", () => {
  it.each([99, 2_000_001])("rejects WAF rate limit %i (allowed 100-2,000,000 per 5 minutes)", (limit) => {
    const lines = problemsAfter((input) => (ingress(input).wafRateLimitPer5Minutes = limit));
    expectSingleProblem(lines, "ingress.wafRateLimitPer5Minutes", String(limit), limit < 100 ? />=100/ : /<=2000000/);
  });

  it("rejects a target health-check timeout not shorter than its interval", () => {
    const lines = problemsAfter((input) => (ingress(input).targetHealthCheck.timeoutSeconds = 10));
    expectSingleProblem(
      lines,
      "ingress.targetHealthCheck.timeoutSeconds",
      "10",
      /must be shorter than targetHealthCheck.intervalSeconds \(10\)/,
    );
  });

  it("rejects a healthy threshold ELB does not allow", () => {
    const lines = problemsAfter((input) => (ingress(input).targetHealthCheck.healthyThreshold = 1));
    expectSingleProblem(lines, "ingress.targetHealthCheck.healthyThreshold", "1", />=2/);
  });

  it("rejects a deregistration delay over an hour", () => {
    const lines = problemsAfter((input) => (ingress(input).deregistrationDelaySeconds = 3601));
    expectSingleProblem(lines, "ingress.deregistrationDelaySeconds", "3601", /<=3600/);
  });

  it("rejects an access-log expiry of zero days", () => {
    const lines = problemsAfter((input) => (ingress(input).accessLogExpiryDays = 0));
    expectSingleProblem(lines, "ingress.accessLogExpiryDays", "0", />=1/);
  });
});
