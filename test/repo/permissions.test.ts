import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/*
 * The manifest asks for exactly the permissions the README justifies, no more and no fewer:
 * a new permission needs a line in "Permissions and privacy" saying why, and a line there for
 * a permission that is gone would mislead.
 */

const root = resolve(__dirname, '../..');
const manifest = JSON.parse(readFileSync(join(root, 'manifest.json'), 'utf8'));
const readme = readFileSync(join(root, 'README.md'), 'utf8');

/** The README's permission table: the first `code` span of each row's first cell, and its reason. */
function justified(): Map<string, string> {
  const section = readme.split(/^## /m).find((s) => s.startsWith('Permissions and privacy')) ?? '';
  const rows = new Map<string, string>();
  for (const line of section.split('\n')) {
    const cells = line.split('|').map((c) => c.trim());
    if (cells.length < 4 || /^-+$/.test(cells[1] ?? '') || cells[1] === 'permission') continue;
    const name = /`([^`]+)`/.exec(cells[1] ?? '')?.[1];
    if (name) rows.set(name, cells[2] ?? '');
  }
  return rows;
}

/** Everything the manifest asks for: API permissions and host permissions alike. */
function requested(): string[] {
  return [
    ...(manifest.permissions ?? []),
    ...(manifest.optional_permissions ?? []),
    ...(manifest.host_permissions ?? []),
    ...(manifest.optional_host_permissions ?? []),
  ];
}

describe('permissions', () => {
  it('are exactly those the README justifies', () => {
    const table = justified();
    expect(table.size).toBeGreaterThan(0);
    expect([...table.keys()].sort()).toEqual([...new Set(requested())].sort());
  });

  it('each come with a reason', () => {
    for (const [name, why] of justified()) expect(why.length, name).toBeGreaterThan(20);
  });

  it('cover every page the content script runs on', () => {
    const hosts: string[] = manifest.host_permissions ?? [];
    for (const script of manifest.content_scripts ?? []) {
      for (const match of script.matches as string[]) expect(hosts, match).toContain(match);
    }
  });
});
