/**
 * `npm run failover-budget`: the designed failover time per routed name of the selected
 * environment (GENAI_ENV / GENAI_CONFIG), from its synthesized stacks; exits 1 when a name
 * exceeds the RTO (tools/failover-budget.ts).
 */
import { failoverBudget } from "../tools/failover-budget";

process.exitCode = failoverBudget();
