import { useT } from '../ui/api';

export type PageStatusKind = 'loading' | 'no-tab' | 'unavailable' | 'disabled' | 'site-off' | 'not-web' | 'no-terms';

interface PageStatusProps {
  kind: PageStatusKind;
  /** Given where a reload could bring Termlight: a web page opened before it was installed. */
  onReload?: () => void;
  /**
   * Given when the browser's settings keep Termlight off some sites (perhaps this one): asks
   * the user to let it read every site.
   */
  onAllow?: () => void;
}

/** Says plainly why there is no list, instead of showing an empty one. */
export function PageStatus({ kind, onReload, onAllow }: PageStatusProps) {
  const t = useT();
  if (kind === 'unavailable') {
    return (
      <div class="status status-unavailable" role="status" data-testid="page-status" data-kind={kind}>
        <p class="status-title">{t('popupCannotRunTitle')}</p>
        <p>{t('popupCannotRunWhy')}</p>
        {onReload && (
          <p data-testid="reload">
            {t('popupCannotRunReload')}{' '}
            <button type="button" class="link" onClick={onReload}>{t('popupReload')}</button>
          </p>
        )}
        {onAllow && (
          <p data-testid="no-access">
            {t('popupNoAccessWhy')}{' '}
            <button type="button" class="link" onClick={onAllow}>{t('popupAllowAccess')}</button>
          </p>
        )}
      </div>
    );
  }
  const text: Record<Exclude<PageStatusKind, 'unavailable'>, string> = {
    loading: t('popupLoading'),
    'no-tab': t('popupNoTab'),
    disabled: t('popupDisabled'),
    'site-off': t('popupSiteOff'),
    'not-web': t('popupNotWeb'),
    'no-terms': t('popupNoTerms'),
  };
  return <p class="status" role="status" data-testid="page-status" data-kind={kind}>{text[kind]}</p>;
}
