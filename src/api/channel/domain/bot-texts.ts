import { placeholdersOf, type Language, type Vars } from '../../../shared/messages';
import th from '../messages/th.json';
import en from '../messages/en.json';

/** The chat module's copy, per language (`src/api/channel/messages`): the bot's texts (`bot.*`) and what it writes into a case (`case.*`). */
export const CHANNEL_MESSAGES = { th, en };

/** The texts staff may reword on the admin's channels page, with the label they see there. */
const EDITABLE = {
  welcome: { th: 'ทักทายเมื่อเพิ่มเพื่อน', en: 'Greeting when someone adds the account' },
  opened: { th: 'รับเรื่องใหม่ (แจ้งรหัสติดตาม)', en: 'New case opened (gives the tracking code)' },
  added: { th: 'เพิ่มข้อมูลในเรื่องเดิม', en: 'Added to the open case' },
  status: { th: 'ตอบคำว่า "สถานะ"', en: 'Answer to "สถานะ" (status)' },
  noCase: { th: 'ถามสถานะแต่ยังไม่มีเรื่อง', en: 'Status asked, no case yet' },
  outsideThailand: { th: 'ตำแหน่งอยู่นอกประเทศไทย', en: 'Location outside Thailand' },
  photoRefused: { th: 'รับรูปภาพไม่ได้', en: 'Photo refused' },
  staffReply: { th: 'เจ้าหน้าที่ตอบกลับ', en: 'Staff reply' },
  stateChanged: { th: 'เปลี่ยนสถานะ', en: 'Status changed' },
  reasonLine: { th: 'บรรทัดเหตุผล (ต่อท้ายเมื่อเปลี่ยนสถานะ)', en: 'Reason line (added to a status change)' },
} as const;

export type BotTextKey = keyof typeof EDITABLE;

/**
 * What the bot says in chat, in Thai and English (a citizen hears the language their case was filed
 * in; chat cases are Thai). These are the defaults, from the catalogues: staff reword them per
 * language on the admin's channels page, and a text may use the placeholders its default uses.
 */
export const BOT_TEXTS = (Object.keys(EDITABLE) as BotTextKey[]).map((key) => ({
  key,
  label: EDITABLE[key],
  default: { th: th[`bot.${key}`], en: en[`bot.${key}`] },
  vars: placeholdersOf(th[`bot.${key}`]),
}));

/** Fills a bot text in a language; the app passes the plugin's render, which knows staff's wording. */
export type RenderText = (key: BotTextKey, vars?: Vars, lang?: Language) => string;

/** Words that ask for the status instead of adding to the case. */
export const isStatusQuery = (text: string) => /^\s*(สถานะ|ติดตาม|status)\s*$/i.test(text);
