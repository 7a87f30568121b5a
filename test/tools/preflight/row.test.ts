import { describe, expect, it } from "vitest";
import { describeError, guarded, isAccessDenied, pass } from "../../../tools/preflight/row";

/** An error as the AWS SDK throws it: a name and the HTTP status in $metadata. */
function awsError(name: string, message: string, httpStatusCode: number): Error {
  return Object.assign(new Error(message), { name, $metadata: { httpStatusCode } });
}

describe("guarded", () => {
  it("returns the body's rows", async () => {
    const rows = await guarded("c", "r", "x:Y", async () => pass("c", "r", "ok"));
    expect(rows).toEqual([pass("c", "r", "ok")]);
  });

  it("turns a refused permission into a FAIL row naming the action to grant", async () => {
    const rows = await guarded("EKS Kubernetes 1.34", "ap-east-2", "eks:DescribeClusterVersions", () =>
      Promise.reject(awsError("AccessDeniedException", "User is not authorized", 403)),
    );
    expect(rows).toEqual([
      {
        check: "EKS Kubernetes 1.34",
        region: "ap-east-2",
        outcome: "FAIL",
        result: "AccessDeniedException: User is not authorized",
        fix: "grant eks:DescribeClusterVersions (read-only) to the identity running the preflight",
      },
    ]);
  });

  it("turns any other error into a FAIL row that names the call", async () => {
    const [row] = await guarded("c", "r", "ec2:DescribeInstanceTypeOfferings", () =>
      Promise.reject(new Error("connect ETIMEDOUT\nat socket")),
    );
    expect(row!.outcome).toBe("FAIL");
    expect(row!.result).toBe("Error: connect ETIMEDOUT");
    expect(row!.fix).toContain("ec2:DescribeInstanceTypeOfferings failed");
  });
});

describe("isAccessDenied", () => {
  it("knows the services' names for a refusal, and HTTP 403", () => {
    expect(isAccessDenied(awsError("UnauthorizedOperation", "", 400))).toBe(true);
    expect(isAccessDenied(awsError("Whatever", "", 403))).toBe(true);
    expect(isAccessDenied(awsError("ThrottlingException", "", 400))).toBe(false);
    expect(isAccessDenied(undefined)).toBe(false);
  });
});

describe("describeError", () => {
  it("keeps the name and the first line of the message", () => {
    expect(describeError(awsError("NotFound", "", 404))).toBe("NotFound");
    expect(describeError(new TypeError("bad\nstack"))).toBe("TypeError: bad");
    expect(describeError("plain")).toBe("plain");
  });
});
