import { useEffect } from 'preact/hooks';
import { useApi } from '../ui/api';
import { useGlossaries } from '../ui/use-glossaries';
import { useSettings } from '../ui/use-settings';
import { BackupSection } from './BackupSection';
import { CardSection } from './CardSection';
import { GlossariesSection } from './GlossariesSection';
import { HighlightSection } from './HighlightSection';
import { MarkingSection } from './MarkingSection';
import { ShortcutsSection } from './ShortcutsSection';
import { SitesSection } from './SitesSection';

/** Every setting, live: each change is stored at once and every open tab follows it. */
export function Options() {
  const t = useApi().t;
  const { settings, update } = useSettings();
  const { user } = useGlossaries();
  const ready = settings !== null;
  // A link to a section (`options.html#glossaries`) arrives before the sections are drawn, so
  // the browser finds nothing to scroll to: go there once they are.
  useEffect(() => {
    if (ready) goToSection(location.hash.slice(1));
  }, [ready]);
  if (!settings) return <main class="options" aria-busy="true" />;
  const props = { settings, update };
  return (
    <main class="options">
      <header class="page-header">
        <img class="logo" src="icons/icon-48.png" width={32} height={32} alt="" />
        <div>
          <h1 class="page-title">{t('optTitle')}</h1>
          <p class="page-subtitle">{t('optSubtitle')}</p>
        </div>
      </header>
      <HighlightSection {...props} />
      <CardSection {...props} />
      <SitesSection {...props} />
      <MarkingSection {...props} />
      <GlossariesSection {...props} userPacks={user} />
      <ShortcutsSection />
      <BackupSection settings={settings} />
    </main>
  );
}

/** Scrolls to the section named by `id` and puts the focus on its heading, for Tab to go on from. */
function goToSection(id: string): void {
  const heading = id ? document.getElementById(`${id}-title`) : null;
  if (!heading || !heading.parentElement?.matches('section')) return;
  heading.parentElement.scrollIntoView({ block: 'start' });
  heading.focus({ preventScroll: true });
}
