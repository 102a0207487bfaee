// Every scenario in tests/e2e/scenarios/ in chromium: node --test tests/e2e/engines/chromium.mjs
import { runEngine } from '../support/engine-runner.mjs';

await runEngine('chromium');
