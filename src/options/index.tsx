import { render } from 'preact';
import { ApiContext } from '../ui/api';
import { createPlatformApi } from '../ui/platform-api';
import { applyTheme } from '../ui/theme';
import { Options } from './Options';
import '../ui/base.css';
import './options.css';

const api = createPlatformApi();
applyTheme(document, null);
document.title = api.t('optTitle');
render(
  <ApiContext.Provider value={api}>
    <Options />
  </ApiContext.Provider>,
  document.getElementById('app')!,
);
