// Makes sure the browsers the real-browser tests drive are present. On Debian as root it installs
// the missing ones with apt-get; anywhere else it stops at once with one line saying what to install.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const browsers = [
  { name: 'Chromium', path: process.env.TERMLIGHT_CHROMIUM ?? '/usr/bin/chromium', pkg: 'chromium' },
  { name: 'Firefox ESR', path: process.env.TERMLIGHT_FIREFOX ?? '/usr/bin/firefox-esr', pkg: 'firefox-esr' },
];

export function ensureBrowsers() {
  const missing = browsers.filter((b) => !existsSync(b.path));
  if (!missing.length) return;
  const pkgs = missing.map((b) => b.pkg);
  const canApt = process.getuid?.() === 0 && existsSync('/usr/bin/apt-get') && existsSync('/etc/debian_version');
  if (!canApt) {
    console.error(`npm test needs ${missing.map((b) => `${b.name} at ${b.path}`).join(' and ')}: ` +
      `install Debian's ${pkgs.join(' ')} (apt-get install ${pkgs.join(' ')}) or set ` +
      'TERMLIGHT_CHROMIUM / TERMLIGHT_FIREFOX to their executables.');
    process.exit(1);
  }
  console.log(`Installing ${pkgs.join(' and ')} for the browser tests…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...pkgs], { stdio: 'inherit', env });
}

if (import.meta.url === `file://${process.argv[1]}`) ensureBrowsers();
