/** What the bot says in chat, in Thai (the town's LINE audience). */
export const BOT = {
  welcome: (town: string) =>
    `สวัสดีครับ ยินดีต้อนรับสู่ ${town}\nพิมพ์เรื่องที่ต้องการแจ้งหรือร้องเรียนได้เลย ส่งรูปภาพและตำแหน่ง (แชร์โลเคชัน) เพิ่มเติมได้\nพิมพ์ "สถานะ" เพื่อดูความคืบหน้า`,
  opened: (code: string, due: string, link: string) =>
    `รับเรื่องแล้ว รหัสติดตาม ${code}\nกำหนดดำเนินการภายใน ${due}\nส่งรายละเอียด รูปภาพ หรือตำแหน่งเพิ่มเติมในแชตนี้ได้เลย\nพิมพ์ "สถานะ" เพื่อดูความคืบหน้า หรือดูที่ ${link}`,
  added: (code: string) => `เพิ่มข้อมูลในเรื่อง ${code} แล้ว`,
  status: (code: string, state: string, link: string) => `เรื่อง ${code}: ${state}\n${link}`,
  noCase: 'ยังไม่มีเรื่องที่แจ้งไว้ พิมพ์เรื่องที่ต้องการแจ้งได้เลย',
  outsideThailand: 'ตำแหน่งนี้อยู่นอกประเทศไทย จึงไม่ได้บันทึก',
  photoRefused: 'รับรูปภาพนี้ไม่ได้ กรุณาส่งเป็นไฟล์รูปภาพขนาดไม่เกิน 10 MB',
  staffReply: (code: string, text: string) => `ตอบกลับเรื่อง ${code} จากเทศบาล:\n${text}`,
  stateChanged: (code: string, state: string, reason?: string) => `เรื่อง ${code} เปลี่ยนสถานะเป็น "${state}"${reason ? `\nหมายเหตุ: ${reason}` : ''}`,
};

/** Words that ask for the status instead of adding to the case. */
export const isStatusQuery = (text: string) => /^\s*(สถานะ|ติดตาม|status)\s*$/i.test(text);
