import {
  HIGHLIGHT_COLORS, HIGHLIGHT_STYLES,
  type HighlightColor, type HighlightStyle, type Settings,
} from '../core/settings/defaults';
import { useT } from './api';
import { ChoiceGroup } from './ChoiceGroup';

const STYLE_KEYS: Record<HighlightStyle, string> = {
  dotted: 'styleDotted',
  solid: 'styleSolid',
  tint: 'styleTint',
  none: 'styleNone',
};

const COLOR_KEYS: Record<HighlightColor, string> = {
  blue: 'colorBlue',
  violet: 'colorViolet',
  green: 'colorGreen',
  amber: 'colorAmber',
  rose: 'colorRose',
  gray: 'colorGray',
};

interface MarkProps {
  style: HighlightStyle;
  color: HighlightColor;
  children: string;
}

/** Text drawn the way the content script would mark it on a page of the current theme. */
export function Mark({ style, color, children }: MarkProps) {
  return <span class={`mark mark-${style}`} style={{ '--hl': `var(--hl-${color})` }}>{children}</span>;
}

type Look = Pick<Settings, 'highlightStyle' | 'highlightColor'>;

interface LookPickerProps {
  look: Look;
  onChange(patch: Partial<Look>): void;
}

/** Highlight style and colour, each choice drawn as it will look, with a preview sentence. */
export function LookPicker({ look, onChange }: LookPickerProps) {
  const t = useT();
  const { highlightStyle: style, highlightColor: color } = look;
  // The sentence is translated whole; the marked term goes where the placeholder was.
  const [before = '', after = ''] = t('lookPreview', '\u0001').split('\u0001');
  return (
    <div class="look">
      <ChoiceGroup<HighlightStyle>
        legend={t('lookStyle')}
        testId="highlight-style"
        value={style}
        onChange={(highlightStyle) => onChange({ highlightStyle })}
        choices={HIGHLIGHT_STYLES.map((value) => ({
          value,
          ariaLabel: t(STYLE_KEYS[value]),
          label: <Mark style={value} color={color}>{t(STYLE_KEYS[value])}</Mark>,
        }))}
      />
      {style === 'none' && (
        <p class="hint" data-testid="look-none-hint">
          {t('lookNoneHint')}
        </p>
      )}
      <ChoiceGroup<HighlightColor>
        legend={t('lookColor')}
        variant="swatches"
        testId="highlight-color"
        value={color}
        onChange={(highlightColor) => onChange({ highlightColor })}
        choices={HIGHLIGHT_COLORS.map((value) => ({
          value,
          ariaLabel: t(COLOR_KEYS[value]),
          label: <span class="swatch" style={{ '--hl': `var(--hl-${value})` }} title={t(COLOR_KEYS[value])} />,
        }))}
      />
      <div class="look-preview">
        <span class="look-preview-caption">{t('lookPreviewLabel')}</span>
        <p data-testid="look-preview">
          {before}
          <Mark style={style} color={color}>{t('lookPreviewTerm')}</Mark>
          {after}
        </p>
      </div>
    </div>
  );
}
