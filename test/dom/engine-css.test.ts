import { describe, expect, it } from 'vitest';
import { contentCss } from '../../src/content/content-css';
import { namesFor } from '../../src/content/engine/look';
import { HIGHLIGHT_COLORS, HIGHLIGHT_PALETTE, HIGHLIGHT_STYLES } from '../../src/core/settings/defaults';

const css = contentCss();

/** The declarations of the rule for `selector`, or null when the stylesheet has none. */
function rule(selector: string): string | null {
  const at = css.indexOf(`${selector} {`);
  if (at < 0) return null;
  return css.slice(css.indexOf('{', at) + 1, css.indexOf('}', at)).trim();
}

describe('content CSS', () => {
  it('has a rule for every look the engine can register, in both forms of painting', () => {
    for (const style of HIGHLIGHT_STYLES) {
      for (const color of HIGHLIGHT_COLORS) {
        for (const tone of ['light', 'dark'] as const) {
          const { terms, current } = namesFor({ style, color }, tone);
          const shade = HIGHLIGHT_PALETTE[color][tone];
          if (terms) {
            expect(rule(`::highlight(${terms})`), terms).toContain(shade);
            expect(rule(`termlight-mark[data-look="${terms}"]`), terms).toContain(shade);
          } else {
            expect(style).toBe('none');
          }
          expect(rule(`::highlight(${current})`), current).toContain(shade);
          expect(rule(`termlight-mark[data-current="${current}"]`), current).toContain(shade);
        }
      }
    }
  });

  it('draws the three styles as a reader would tell them apart', () => {
    expect(rule('::highlight(termlight-dotted-blue-light)')).toMatch(/text-decoration-style: dotted/);
    expect(rule('::highlight(termlight-solid-blue-light)')).toMatch(/text-decoration-style: solid/);
    expect(rule('::highlight(termlight-tint-blue-light)')).toMatch(/background-color: #1f5fcc[0-9a-f]{2}/);
    expect(rule('::highlight(termlight-tint-blue-light)')).not.toMatch(/text-decoration/);
  });

  it('falls back to blue for a colour outside the palette', () => {
    expect(namesFor({ style: 'dotted', color: 'chartreuse' }, 'light').terms).toBe('termlight-dotted-blue-light');
  });
});
