// Every scenario in tests/e2e/scenarios/ in firefox: node --test tests/e2e/engines/firefox.mjs
import { runEngine } from '../support/engine-runner.mjs';

await runEngine('firefox');
