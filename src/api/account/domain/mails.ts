import { SIGN_IN_CODE } from '../../../shared/account';

/**
 * The account e-mails, Thai first with English below (one mail for people who read either). The
 * users-permissions templates keep its placeholders (`<%= URL %>`, `<%= CODE %>`, `<%= TOKEN %>`):
 * it fills them when it sends.
 */

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export const confirmationTemplate = (town: string) => ({
  object: `ยืนยันอีเมลบัญชีผู้ใช้ ${town} / Confirm your e-mail address`,
  message: `<p>สวัสดีค่ะ</p>
<p>ขอบคุณที่สมัครบัญชีผู้ใช้เว็บไซต์${escape(town)} กรุณากดลิงก์ด้านล่างเพื่อยืนยันอีเมลของท่าน</p>
<p><a href="<%= URL %>?confirmation=<%= CODE %>"><%= URL %>?confirmation=<%= CODE %></a></p>
<p>หากท่านไม่ได้สมัคร ไม่ต้องทำอะไร บัญชีจะไม่ถูกเปิดใช้</p>
<p>${escape(town)}</p>
<hr>
<p>Thank you for signing up on the website of ${escape(town)}. Please open the link above to confirm your e-mail address. If you did not sign up, you need not do anything.</p>`,
});

export const resetTemplate = (town: string) => ({
  object: `ตั้งรหัสผ่านใหม่ ${town} / Reset your password`,
  message: `<p>สวัสดีค่ะ</p>
<p>มีการขอตั้งรหัสผ่านใหม่สำหรับบัญชีของท่านบนเว็บไซต์${escape(town)} กดลิงก์ด้านล่างเพื่อตั้งรหัสผ่านใหม่</p>
<p><a href="<%= URL %>?code=<%= TOKEN %>"><%= URL %>?code=<%= TOKEN %></a></p>
<p>หากท่านไม่ได้ขอ ไม่ต้องทำอะไร รหัสผ่านเดิมยังใช้ได้</p>
<p>${escape(town)}</p>
<hr>
<p>Someone asked to reset the password of your account on the website of ${escape(town)}. Open the link above to choose a new password. If it was not you, you need not do anything: your password stays the same.</p>`,
});

export const signInCodeMail = (code: string, town: string) => {
  const th = `รหัสเข้าสู่ระบบของท่านคือ ${code} ใช้ได้ภายใน ${SIGN_IN_CODE.minutes} นาที และใช้ได้ครั้งเดียว หากท่านไม่ได้ขอรหัสนี้ ไม่ต้องทำอะไร`;
  const en = `Your sign-in code is ${code}. It works once, within ${SIGN_IN_CODE.minutes} minutes. If you did not ask for it, you need not do anything.`;
  return {
    subject: `รหัสเข้าสู่ระบบ ${code} / Your sign-in code`,
    text: `${th}\n\n${town}\n\n---\n${en}\n`,
    html: `<p>${escape(th)}</p><p>${escape(town)}</p><hr><p>${escape(en)}</p>`,
  };
};
