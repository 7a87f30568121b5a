/**
 * `npm run bench [-- --runs N] [-- --quick]`: wall time and peak memory of the things engineers
 * wait for (tools/bench.ts).
 */
import { bench } from "../tools/bench";

bench(process.argv.slice(2));
