/**
 * A language tag as glossaries and translations write one: `en`, `de`, `pt-BR`, `zh-Hant`. The
 * glossary check holds a pack's `language` to it; the card, a translation's own language.
 */
export const LANGUAGE_TAG = /^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/;
