/**
 * `npm run audit`: a Markdown report per stack of every environment (or the one GENAI_ENV /
 * GENAI_CONFIG selects), plus an index, in audit-report/ (tools/audit/run.ts).
 */
import { writeAuditReport } from "../tools/audit/run";

process.exitCode = writeAuditReport();
