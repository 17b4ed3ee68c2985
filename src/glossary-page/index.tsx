import { render } from 'preact';
import { ApiContext } from '../ui/api';
import { createPlatformApi } from '../ui/platform-api';
import { applyTheme } from '../ui/theme';
import { GlossaryPage } from './GlossaryPage';
import '../ui/base.css';
import './glossary.css';

const api = createPlatformApi();
applyTheme(document, null);
document.title = api.t('glossaryTitle');
render(
  <ApiContext.Provider value={api}>
    <GlossaryPage />
  </ApiContext.Provider>,
  document.getElementById('app')!,
);
