import crypto from 'crypto';

/** How long a LINE link code lives. */
export const LINK_CODE_MINUTES = 10;

/** A LINE link code as shown to the person and typed into the chat: NOKOK- and six digits. */
export const LINK_CODE_PATTERN = /^NOKOK-\d{6}$/;

/** A fresh code; six random digits (the odds of guessing a live one are what the 10 minutes allow). */
export const newLinkCode = (): string => `NOKOK-${crypto.randomInt(0, 1_000_000).toString().padStart(6, '0')}`;

/**
 * The code a chat message is, if it is exactly one: spaces around it and the case of the letters do
 * not matter (phones capitalise), anything else in the message makes it an ordinary message.
 */
export function linkCodeIn(text: string): string | null {
  const candidate = text.trim().toUpperCase().replace(/\s*-\s*/, '-');
  return LINK_CODE_PATTERN.test(candidate) ? candidate : null;
}

/** What is stored of a code: never the code itself, so a copy of the database links nobody. */
export const hashLinkCode = (code: string, secret: string): string => crypto.createHmac('sha256', secret).update(code).digest('hex');
