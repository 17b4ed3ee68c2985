import { useRef, useState } from 'preact/hooks';
import { bundledPacks } from '../core/glossary/bundled';
import type { GlossaryPack } from '../core/glossary/types';
import type { PackError } from '../core/glossary/validate';
import { useApi } from '../ui/api';
import { downloadText, type ChosenFile } from '../ui/files';
import { packProblemText } from '../ui/problem-text';
import { saveProblemText } from '../ui/save-problem';
import { useFocusLater } from '../ui/use-focus-later';
import { Switch } from '../ui/Switch';
import { importUserPack, packFileText } from '../ui/user-packs';
import { ImportButton } from './ImportButton';
import { OutcomeView, type Outcome } from './Outcome';
import { Section } from './Section';
import type { SectionProps } from './section-props';

interface GlossariesSectionProps extends SectionProps {
  /** Null while loading. */
  userPacks: GlossaryPack[] | null;
}

/** Which glossaries are on, and the user's own: import (all or nothing) and remove. */
export function GlossariesSection({ settings, update, userPacks }: GlossariesSectionProps) {
  const api = useApi();
  const t = api.t;
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const disabled = settings.disabledGlossaries;
  const list = useRef<HTMLUListElement>(null);
  const focusLater = useFocusLater();
  // An Undo runs later, from the outcome of an earlier render: it reads what is stored now.
  const now = useRef({ userPacks, disabled });
  now.current = { userPacks, disabled };

  /** “My terms” 1.0.0; a pack stored by an older release may have no version. */
  const packLabel = (pack: GlossaryPack) =>
    pack.version ? t('optGlossaryLabel', [pack.name, pack.version]) : t('optGlossaryLabelNoVersion', pack.name);
  const problemLines = (problems: PackError[]) => problems.map((problem) => packProblemText(t, problem));
  const setOn = (id: string, on: boolean) =>
    update({ disabledGlossaries: on ? disabled.filter((d) => d !== id) : [...disabled, id] });

  const onFile = async (file: ChosenFile) => {
    if (userPacks === null) return;
    const result = importUserPack(file.text, file.name, userPacks, bundledPacks.map((p) => p.id));
    if (!result.ok) {
      setOutcome(result.reason === 'bundled-id'
        ? { kind: 'error', text: t('optGlossaryBundledId', result.id), lines: [] }
        : { kind: 'error', text: t('optGlossaryInvalid', file.name), lines: problemLines(result.errors) });
      return;
    }
    try {
      await api.saveUserGlossaries(result.packs);
    } catch (err) {
      setOutcome({ kind: 'error', text: t('optGlossaryNotSaved', [file.name, saveProblemText(t, err)]), lines: [] });
      return;
    }
    const { pack } = result;
    const count = String(pack.entries.length);
    const old = userPacks.find((p) => p.id === pack.id);
    // The reader knows the glossary by its old name: say which one went and which came, the name once if it stayed.
    const newLabel = old?.name === pack.name && pack.version ? t('optGlossaryVersionLabel', pack.version) : packLabel(pack);
    const text = old ? t('optGlossaryReplaced', [packLabel(old), newLabel, count]) : t('optGlossaryAdded', [pack.name, count]);
    setOutcome({ kind: 'done', text, lines: problemLines(result.warnings), undo: old && (() => void putBack(old)) });
  };

  /**
   * Puts a glossary back as it was before it was removed or replaced: in its old place, or last,
   * whatever else has changed since (here or in another window), and off again if it was.
   */
  const putBack = async (pack: GlossaryPack, at = -1, wasOff = false) => {
    const notSaved = (err: unknown) =>
      setOutcome({ kind: 'error', text: t('optGlossaryNotSaved', [pack.name, saveProblemText(t, err)]), lines: [] });
    // Off first (an id with no glossary yet is harmless), so that no tab marks its terms for a
    // moment in between.
    const off = now.current.disabled;
    if (wasOff && !off.includes(pack.id)) {
      const problem = await update({ disabledGlossaries: [...off, pack.id] });
      if (problem) return notSaved(problem);
    }
    const stored = now.current.userPacks ?? [];
    const i = stored.findIndex((p) => p.id === pack.id);
    const packs = i >= 0 ? stored.map((p) => (p.id === pack.id ? pack : p)) : [...stored];
    if (i < 0) packs.splice(at < 0 ? packs.length : Math.min(at, packs.length), 0, pack);
    try {
      await api.saveUserGlossaries(packs);
    } catch (err) {
      return notSaved(err);
    }
    setOutcome({ kind: 'done', text: t('optGlossaryPutBack', packLabel(pack)), lines: [] });
    // The Undo button goes with the outcome: the focus goes to the glossary put back.
    focusLater(() => list.current?.querySelector<HTMLElement>(`[data-pack=${JSON.stringify(pack.id)}] [role=switch]`));
  };

  const remove = async (pack: GlossaryPack) => {
    try {
      await api.saveUserGlossaries((userPacks ?? []).filter((p) => p.id !== pack.id));
    } catch (err) {
      setOutcome({ kind: 'error', text: t('optGlossaryRemoveNotSaved', [pack.name, saveProblemText(t, err)]), lines: [] });
      return;
    }
    const wasOff = disabled.includes(pack.id);
    if (wasOff) void update({ disabledGlossaries: disabled.filter((d) => d !== pack.id) });
    const at = (userPacks ?? []).indexOf(pack);
    setOutcome({ kind: 'done', text: t('optGlossaryRemoved', pack.name), lines: [], undo: () => void putBack(pack, at, wasOff) });
    // To the switch of the glossary that takes its place, or of the last one left. Found by id:
    // the list may be drawn again only once storage reports the change.
    const all = [...bundledPacks, ...(userPacks ?? [])];
    const left = all.filter((p) => p.id !== pack.id);
    const next = left[Math.min(all.findIndex((p) => p.id === pack.id), left.length - 1)];
    focusLater(() => list.current?.querySelector<HTMLElement>(`[data-pack=${JSON.stringify(next?.id ?? '')}] [role=switch]`));
  };

  const row = (pack: GlossaryPack, imported: boolean) => (
    <li key={pack.id} class="pack" data-pack={pack.id}>
      <Switch
        label={pack.name}
        hint={t(imported ? 'optGlossaryMetaImported' : 'optGlossaryMetaBundled', [String(pack.entries.length), pack.version])}
        checked={!disabled.includes(pack.id)}
        onChange={(on) => setOn(pack.id, on)}
      />
      {pack.description && <p class="pack-description">{pack.description}</p>}
      {imported && (
        <div class="pack-actions">
          <button
            type="button"
            class="button quiet"
            onClick={() => downloadText(document, `${pack.id}.json`, packFileText(pack))}
            aria-label={t('optGlossaryExportLabel', pack.name)}
          >
            {t('optGlossaryExport')}
          </button>
          <button type="button" class="button quiet danger" onClick={() => void remove(pack)} aria-label={t('optGlossaryRemoveLabel', pack.name)}>
            {t('optRemove')}
          </button>
        </div>
      )}
    </li>
  );

  return (
    <Section id="glossaries" title={t('optGlossariesTitle')} intro={t('optGlossariesIntro')}>
      <ul class="pack-list" data-testid="pack-list" ref={list}>
        {bundledPacks.map((pack) => row(pack, false))}
        {(userPacks ?? []).map((pack) => row(pack, true))}
      </ul>
      <div class="actions">
        <ImportButton label={t('optGlossaryImport')} testId="glossary-file" onFile={onFile} />
        <button type="button" class="button quiet" onClick={() => void api.openPage('glossary.html')}>{t('optGlossaryBrowse')}</button>
      </div>
      <p class="hint">{t('optGlossaryImportHint')}</p>
      <OutcomeView outcome={outcome} testId="glossary-outcome" />
    </Section>
  );
}
