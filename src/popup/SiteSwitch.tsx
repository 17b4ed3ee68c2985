import { useRef, useState } from 'preact/hooks';
import type { Settings } from '../core/settings/defaults';
import { isSiteEnabled, setSiteEnabled, siteKeyOf, type SiteRules } from '../core/settings/site-rules';
import { sameValue } from '../core/settings/stored';
import { useT } from '../ui/api';
import { Switch } from '../ui/Switch';

interface SiteSwitchProps {
  url: string;
  settings: Settings;
  update(patch: Partial<Settings>): void;
}

/**
 * "On this site": changes the site rules as little as possible. A broad rule it had to remove
 * ("*.com") may have kept other sites off too: the note says so and offers to undo it.
 */
export function SiteSwitch({ url, settings, update }: SiteSwitchProps) {
  const t = useT();
  /**
   * The broad rules the last switch removed, the rules before and the rules that left: the note
   * holds only for those.
   */
  const [note, setNote] = useState<{ removed: string[]; before: SiteRules; rules: SiteRules } | null>(null);
  const row = useRef<HTMLDivElement>(null);
  const site = siteKeyOf(url);
  if (site === null) return null;
  const on = isSiteEnabled(url, settings.siteRules);
  const toggle = (next: boolean) => {
    const change = setSiteEnabled(settings.siteRules, url, next);
    // The site's own pattern goes without saying; a wider one ("*.com") is worth a word.
    setNote({ removed: change.removed.filter((pattern) => pattern !== site), before: settings.siteRules, rules: change.rules });
    update({ siteRules: change.rules });
  };
  const undo = () => {
    if (!note) return;
    update({ siteRules: note.before });
    setNote(null);
    // The Undo button goes with the note: the focus goes back to the switch it came from.
    row.current?.querySelector<HTMLElement>('[role="switch"]')?.focus();
  };
  // Any later change to the rules (the switch again, the options page, another device) may put
  // a removed rule back or make the note moot, so it shows only while the rules are as left.
  const shown = note !== null && note.removed.length > 0 && sameValue(note.rules, settings.siteRules) ? note : null;
  return (
    <div class="site" ref={row}>
      <Switch
        label={t('popupOnSite', site)}
        hint={!settings.enabled ? t('popupSiteWhenOn') : settings.siteRules.mode === 'only' ? t('popupOnlyMode') : undefined}
        checked={on}
        disabled={!settings.enabled}
        onChange={toggle}
        testId="site-switch"
      />
      {shown && (
        <p class="note" role="status">
          {t(removedNote(shown.before.mode, shown.removed.length), ruleList(t, shown.removed))}{' '}
          <button type="button" class="link" onClick={undo} data-testid="undo-removed-rules">
            {t('popupUndo')}
          </button>
        </p>
      )}
    </div>
  );
}

/** Rules named in the note, at most; a popup is cut off at 600 px, and the note must fit. */
const NAMED_RULES = 3;

/** The removed rules in quotes: the first few, then how many more. */
function ruleList(t: ReturnType<typeof useT>, rules: readonly string[]): string {
  const named = rules.slice(0, NAMED_RULES).map((p) => `“${p}”`).join(', ');
  const more = rules.length - NAMED_RULES;
  return more > 0 ? t('popupRulesAndMore', [named, String(more)]) : named;
}

/**
 * The note's wording: in "all except" mode the rules removed kept Termlight off the site; in
 * "only" mode they let it run there.
 */
function removedNote(mode: SiteRules['mode'], count: number): string {
  if (mode === 'only') return count > 1 ? 'popupRemovedRulesOn' : 'popupRemovedRuleOn';
  return count > 1 ? 'popupRemovedRulesOff' : 'popupRemovedRuleOff';
}
