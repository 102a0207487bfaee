// Runs every scenario (tests/e2e/scenarios/*.mjs) in one engine, as node:test tests named
// "ENGINE: group › step". A step that needs a capability the engine lacks is registered as skipped
// with "not run in ENGINE: <capability>: <why>", and the closing summary line counts it per engine,
// so nothing is absent silently. Each scenario group gets its own server and a fresh profile.
import { test, before, after } from 'node:test';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { startE2eServer } from './e2e-server.mjs';
import { E2ePage } from './driver.mjs';
import { missingCapability } from './capabilities.mjs';

// No scenario step takes a minute here; one whose browser stops answering fails after this long, and the
// group's teardown and the next groups still run, instead of the run waiting for CI's own limit.
const STEP_TIMEOUT_MS = 180_000;
// A browser that fails two group setups in a row, the second on a fresh launch, is not going to
// run the rest: those groups fail at once, and the run ends in minutes instead of at its step limit.
const GIVE_UP_AFTER_SETUP_FAILURES = 2;

const scenariosDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'scenarios');

export async function loadScenarios() {
  const only = process.env.E2E_ONLY ? new RegExp(process.env.E2E_ONLY) : null;
  const files = readdirSync(scenariosDir).filter((file) => file.endsWith('.mjs')).sort();
  const groups = [];
  for (const file of files) {
    const module = await import(pathToFileURL(path.join(scenariosDir, file)).href);
    for (const scenario of module.scenarios ?? [module.scenario]) {
      if (!only || only.test(scenario.name)) groups.push(scenario);
    }
  }
  return groups;
}

export async function runEngine(engineName) {
  const engineModule = await import(`./engines/${engineName}.mjs`);
  const groups = await loadScenarios();
  const tally = { passed: 0, failed: 0, notRun: [], known: [] };
  const startedAt = Date.now();
  let engine;
  let web;
  let engineSuspect = false; // the last group's setup failed (see the setup below)
  let setupFailuresInARow = 0;

  before(async () => {
    // One server (and its recording proxy, whose address the browser needs at launch) per engine run;
    // each group sets its clock and gets fresh profiles, so no state crosses groups.
    web = await startE2eServer();
    engine = await engineModule.launch({ proxy: web.proxy });
    console.log(`# engine ${engineName}: ${engine.version}`);
  }, { timeout: STEP_TIMEOUT_MS });

  after(async () => {
    await engine?.close();
    await web?.close();
    if (web?.browserTraffic.length) {
      const hosts = [...new Set(web.browserTraffic.map((line) => line.replace(/^CONNECT /, '').replace(/^https?:\/\//, '').split(/[/:]/)[0]))];
      console.log(`# ${engineName}: the browser's own background requests, refused by the proxy: ${web.browserTraffic.length} (${hosts.join(', ')})`);
    }
    const seconds = ((Date.now() - startedAt) / 1000).toFixed(1);
    const why = tally.notRun.length ? ` (${tally.notRun.join('; ')})` : '';
    const knownWhy = tally.known.length ? `, ${tally.known.length} known failure (${tally.known.join('; ')})` : '';
    console.log(`# e2e ${engineName} ${engine?.version ?? ''}: ${tally.passed + tally.failed + tally.known.length} run, ${tally.passed} passed, ${tally.failed} failed${knownWhy}, ${tally.notRun.length} not run${why}; ${seconds} s`);
  }, { timeout: STEP_TIMEOUT_MS });

  for (const group of groups) {
    const context = { engineName };
    let groupFailed = false;
    test(`${engineName}: ${group.name} (setup)`, { timeout: STEP_TIMEOUT_MS }, async () => {
      context.web = web;
      web.setClock(group.clock ?? null);
      web.setOffline(false);
      const firstForeign = web.foreign.length;
      context.foreign = () => web.foreign.slice(firstForeign);
      context.newProfile = async () => {
        const profile = await engine.newProfile();
        await profile.grantClipboard(context.web.origin);
        return {
          ...profile,
          newPage: async () => new E2ePage(await profile.newPage(), { engine: engineName, web: context.web }),
        };
      };
      // Failed until it has finished: a setup stopped by its time limit never reaches a catch.
      groupFailed = true;
      if (setupFailuresInARow >= GIVE_UP_AFTER_SETUP_FAILURES) {
        throw new Error(`not started: the last ${setupFailuresInARow} setups failed, on a relaunched browser too`);
      }
      if (engineSuspect) {
        // The last setup failed: start this group on a freshly launched browser, so one browser
        // that stopped answering costs one group, not every group after it.
        console.log(`# ${engineName}: relaunching the browser after a failed setup`);
        await engine.close().catch((error) => console.log(`# ${engineName}: closing it failed: ${error.message}`));
        engine = await engineModule.launch({ proxy: web.proxy });
        engineSuspect = false;
      }
      engineSuspect = true;
      setupFailuresInARow++;
      context.profile = await context.newProfile();
      context.page = await context.profile.newPage();
      if (group.setup) await group.setup(context);
      engineSuspect = false;
      setupFailuresInARow = 0;
      groupFailed = false;
    });
    for (const step of group.steps) {
      const lacking = missingCapability(engineName, step.needs ?? []);
      const title = `${engineName}: ${group.name} › ${step.name}`;
      if (lacking) {
        tally.notRun.push(`${step.name}: ${lacking}`);
        test(title, { skip: `not run in ${engineName}: ${lacking}` }, () => {});
        continue;
      }
      // A known failure of the app in this engine (a bug on file, not a missing capability): the step
      // still runs, reported as TODO with the reason, and is counted apart; it cannot hide a pass.
      const known = step.knownFailure?.[engineName];
      const options = { timeout: STEP_TIMEOUT_MS, ...(known ? { todo: `KNOWN FAILURE in ${engineName}: ${known}` } : {}) };
      test(title, options, async () => {
        const t0 = Date.now();
        try {
          // `independent` steps set up what they need themselves, so they run after a failure too.
          if (groupFailed && !step.independent) throw new Error('an earlier step of this group failed');
          // Failed until it has finished, as in the setup: a step stopped by its time limit leaves the
          // page in an unknown state, and the steps after it that depend on it fail at once.
          const failedBefore = groupFailed;
          groupFailed = true;
          await step.run(context);
          groupFailed = failedBefore;
          if (known) tally.known.push(`${step.name}: passed although marked known failure`);
          else tally.passed++;
        } catch (error) {
          if (known) tally.known.push(`${step.name}: ${known}`);
          else tally.failed++;
          groupFailed = true;
          throw error;
        } finally {
          if (process.env.E2E_TIMINGS) console.log(`# ${title}: ${Date.now() - t0} ms`);
        }
      });
    }
    test(`${engineName}: ${group.name} (teardown)`, { timeout: STEP_TIMEOUT_MS }, async () => {
      web?.setOffline(false);
      await context.profile?.close();
    });
  }
}
