import { useT } from '../ui/api';

export type PageStatusKind = 'loading' | 'no-tab' | 'unavailable' | 'no-access' | 'disabled' | 'site-off' | 'not-web' | 'no-terms';

interface PageStatusProps {
  kind: PageStatusKind;
  onReload?: () => void;
  /** Asks the user to let Termlight read pages again. */
  onAllow?: () => void;
}

/** Says plainly why there is no list, instead of showing an empty one. */
export function PageStatus({ kind, onReload, onAllow }: PageStatusProps) {
  const t = useT();
  if (kind === 'no-access') {
    return (
      <div class="status status-unavailable" role="status" data-testid="page-status" data-kind={kind}>
        <p class="status-title">{t('popupNoAccessTitle')}</p>
        <p>{t('popupNoAccessWhy')}</p>
        {onAllow && <p><button type="button" class="button" onClick={onAllow}>{t('popupAllowAccess')}</button></p>}
      </div>
    );
  }
  if (kind === 'unavailable') {
    return (
      <div class="status status-unavailable" role="status" data-testid="page-status" data-kind={kind}>
        <p class="status-title">{t('popupCannotRunTitle')}</p>
        <p>{t('popupCannotRunWhy')}</p>
        <p>
          {t('popupCannotRunReload')}{' '}
          {onReload && <button type="button" class="link" onClick={onReload}>{t('popupReload')}</button>}
        </p>
      </div>
    );
  }
  const text: Record<Exclude<PageStatusKind, 'unavailable' | 'no-access'>, string> = {
    loading: t('popupLoading'),
    'no-tab': t('popupNoTab'),
    disabled: t('popupDisabled'),
    'site-off': t('popupSiteOff'),
    'not-web': t('popupNotWeb'),
    'no-terms': t('popupNoTerms'),
  };
  return <p class="status" role="status" data-testid="page-status" data-kind={kind}>{text[kind]}</p>;
}
