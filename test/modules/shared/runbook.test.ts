import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { RUNBOOK_FILE, RUNBOOK_SECTIONS, withRunbook } from "../../../modules/shared/runbook";
import { headingAnchors, runbookOf } from "../../../src/monitoring/runbooks";

describe("runbook sections", () => {
  const anchors = headingAnchors(readFileSync(RUNBOOK_FILE, "utf8"));

  it.each(Object.entries(RUNBOOK_SECTIONS))("%s is a heading of the runbook (#%s)", (_key, anchor) => {
    expect(anchors.has(anchor)).toBe(true);
  });

  it("end a description with a link the checks read back", () => {
    const description = withRunbook("P0: down everywhere.", "allRegionsUnhealthy");
    expect(description).toBe("P0: down everywhere. Runbook: docs/runbooks.md#every-region-fails-its-health-check");
    expect(runbookOf(description)).toEqual({ file: RUNBOOK_FILE, anchor: RUNBOOK_SECTIONS.allRegionsUnhealthy });
  });
});
