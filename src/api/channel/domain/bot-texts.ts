/**
 * What the bot says in chat, in Thai (the town's LINE and Messenger audience). These are the
 * defaults: staff reword them on the admin's channels page, `{name}` marks a value filled in.
 */
export const BOT_TEXTS = [
  {
    key: 'welcome',
    label: { th: 'ทักทายเมื่อเพิ่มเพื่อน', en: 'Greeting when someone adds the account' },
    default: 'สวัสดีครับ ยินดีต้อนรับสู่ {town}\nพิมพ์เรื่องที่ต้องการแจ้งหรือร้องเรียนได้เลย ส่งรูปภาพและตำแหน่ง (แชร์โลเคชัน) เพิ่มเติมได้\nพิมพ์ "สถานะ" เพื่อดูความคืบหน้า',
    vars: ['town'],
  },
  {
    key: 'opened',
    label: { th: 'รับเรื่องใหม่ (แจ้งรหัสติดตาม)', en: 'New case opened (gives the tracking code)' },
    default: 'รับเรื่องแล้ว รหัสติดตาม {code}\nกำหนดดำเนินการภายใน {due}\nส่งรายละเอียด รูปภาพ หรือตำแหน่งเพิ่มเติมในแชตนี้ได้เลย\nพิมพ์ "สถานะ" เพื่อดูความคืบหน้า หรือดูที่ {link}',
    vars: ['code', 'due', 'link'],
  },
  { key: 'added', label: { th: 'เพิ่มข้อมูลในเรื่องเดิม', en: 'Added to the open case' }, default: 'เพิ่มข้อมูลในเรื่อง {code} แล้ว', vars: ['code'] },
  { key: 'status', label: { th: 'ตอบคำว่า "สถานะ"', en: 'Answer to "สถานะ" (status)' }, default: 'เรื่อง {code}: {state}\n{link}', vars: ['code', 'state', 'link'] },
  { key: 'noCase', label: { th: 'ถามสถานะแต่ยังไม่มีเรื่อง', en: 'Status asked, no case yet' }, default: 'ยังไม่มีเรื่องที่แจ้งไว้ พิมพ์เรื่องที่ต้องการแจ้งได้เลย', vars: [] },
  { key: 'outsideThailand', label: { th: 'ตำแหน่งอยู่นอกประเทศไทย', en: 'Location outside Thailand' }, default: 'ตำแหน่งนี้อยู่นอกประเทศไทย จึงไม่ได้บันทึก', vars: [] },
  { key: 'photoRefused', label: { th: 'รับรูปภาพไม่ได้', en: 'Photo refused' }, default: 'รับรูปภาพนี้ไม่ได้ กรุณาส่งเป็นไฟล์รูปภาพขนาดไม่เกิน 10 MB', vars: [] },
  { key: 'staffReply', label: { th: 'เจ้าหน้าที่ตอบกลับ', en: 'Staff reply' }, default: 'ตอบกลับเรื่อง {code} จากเทศบาล:\n{text}', vars: ['code', 'text'] },
  { key: 'stateChanged', label: { th: 'เปลี่ยนสถานะ', en: 'Status changed' }, default: 'เรื่อง {code} เปลี่ยนสถานะเป็น "{state}"', vars: ['code', 'state'] },
  { key: 'reasonLine', label: { th: 'บรรทัดเหตุผล (ต่อท้ายเมื่อเปลี่ยนสถานะ)', en: 'Reason line (added to a status change)' }, default: 'หมายเหตุ: {reason}', vars: ['reason'] },
];

export type BotTextKey = (typeof BOT_TEXTS)[number]['key'];

/** Fills a bot text; the app passes the plugin's render, which knows staff's wording. */
export type RenderText = (key: BotTextKey, vars?: Record<string, string | number>) => string;

/** Words that ask for the status instead of adding to the case. */
export const isStatusQuery = (text: string) => /^\s*(สถานะ|ติดตาม|status)\s*$/i.test(text);
