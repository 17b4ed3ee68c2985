import { useEffect, useState } from 'preact/hooks';
import { useApi, type CommandInfo } from '../ui/api';
import { Section } from './Section';

/** The manifest's commands in the order a reader thinks of them; the browser's own last. */
const ORDER = ['toggle-highlighting', 'next-term', 'previous-term', '_execute_action'];
const rank = (name: string) => (ORDER.includes(name) ? ORDER.indexOf(name) : ORDER.length);

/** The current keyboard shortcuts, and the way to the browser's page for changing them. */
export function ShortcutsSection() {
  const api = useApi();
  const t = api.t;
  const [commands, setCommands] = useState<CommandInfo[] | null>(null);
  const [noEditor, setNoEditor] = useState(false);

  useEffect(() => {
    void api.commands().then(
      (list) => setCommands([...list].sort((a, b) => rank(a.name) - rank(b.name))),
      () => setCommands([]),
    );
  }, [api]);

  const describe = (command: CommandInfo) =>
    command.name === '_execute_action' ? t('optShortcutOpenPopup') : command.description || command.name;

  return (
    <Section id="shortcuts" title={t('optShortcutsTitle')} intro={t('optShortcutsIntro')}>
      {commands && (
        <table class="shortcuts" data-testid="shortcuts">
          <tbody>
            {commands.map((command) => (
              <tr key={command.name}>
                <th scope="row">{describe(command)}</th>
                <td>{command.shortcut ? <Keys shortcut={command.shortcut} /> : <span class="muted">{t('optShortcutNone')}</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div class="actions">
        <button type="button" class="button" onClick={() => void api.openShortcutSettings().then((ok) => setNoEditor(!ok))}>
          {t('optShortcutsChange')}
        </button>
      </div>
      {noEditor && <p class="note" role="status">{t('optShortcutsFirefox')}</p>}
    </Section>
  );
}

/** "Alt+Shift+L" as separate keys. */
function Keys({ shortcut }: { shortcut: string }) {
  const keys = shortcut.split('+').filter(Boolean);
  return (
    <span class="keys">
      {keys.map((key, i) => (
        <span key={i}>
          {i > 0 && <span class="plus">+</span>}
          <kbd>{key}</kbd>
        </span>
      ))}
    </span>
  );
}
