// What each engine can do under automation here, by name. A scenario step lists what it needs; a
// need an engine lacks makes the step "not run" there, with this reason in the summary line.
const LACKS = {
  chromium: {},
  firefox: {
    'cdp-installability': 'installability is reported only by Chromium (CDP Page.getInstallabilityErrors)',
  },
  webkit: {
    'cdp-installability': 'installability is reported only by Chromium (CDP Page.getInstallabilityErrors)',
  },
};

/// The reason `engine` cannot run a step needing `needs`, or null.
export function missingCapability(engine, needs) {
  const reasons = needs.map((need) => LACKS[engine]?.[need]).filter(Boolean);
  return reasons.length ? reasons.join('; ') : null;
}
