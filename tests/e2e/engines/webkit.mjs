// Every scenario in tests/e2e/scenarios/ in webkit: node --test tests/e2e/engines/webkit.mjs
import { runEngine } from '../support/engine-runner.mjs';

await runEngine('webkit');
