import { messagesOf, type Language } from '../../../shared/messages';
import th from '../messages/th.json';
import en from '../messages/en.json';

/** The open-data module's copy, per language (`src/api/dataset/messages`). */
export const DATASET_MESSAGES = { th, en };

/** The module's words in one language: `datasetText('en')('ckan.not_found')`. */
export const datasetText = (lang: Language) => messagesOf(DATASET_MESSAGES, lang);
