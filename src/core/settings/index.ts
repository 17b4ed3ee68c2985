export * from './defaults';
export { diffFromDefaults, mergeStored, sameValue, storageChangeFor } from './stored';
export type { StorageChange, StoredSettings } from './stored';
export { SETTINGS_VERSION, VERSION_KEY, migrate } from './migrations';
export { validateSettings } from './validate';
export { exportSettings, parseSettingsImport } from './import-export';
export type { SettingsImport } from './import-export';
export * from './site-rules';
