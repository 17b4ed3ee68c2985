export { createCardController } from './controller';
export type { CardController, CardControllerOptions, CardSettings, ShowOptions } from './controller';
export type { CardEntry } from './card-view';
export { CARD_MESSAGES } from './strings';
export type { GetMessage } from './strings';
export { removeStaleHosts } from './host';
