/**
 * One `manifest.json` is the source for both browsers. Each build gets only the keys its browser
 * understands, so neither shows "unrecognised key" warnings:
 * - Chromium runs the background as a service worker and ignores `browser_specific_settings`;
 * - Firefox runs it as an event page (`scripts`) and refuses a lone `service_worker`.
 */
export type Target = 'chrome' | 'firefox';

type Json = Record<string, unknown>;

export function manifestFor(base: Json, target: Target, version?: string): Json {
  const out: Json = structuredClone(base);
  if (version) out.version = version;
  const background = out.background as { service_worker?: string; scripts?: string[] } | undefined;
  if (target === 'chrome') {
    delete out.browser_specific_settings;
    if (background) delete background.scripts;
  } else {
    delete out.minimum_chrome_version;
    if (background) delete background.service_worker;
  }
  return out;
}
