/** Only links that cannot run script: http(s), mailto, tel and same-site paths. */
export const safeUrl = (url: string | null | undefined): string => {
  const s = String(url ?? '').trim();
  return /^(https?:|mailto:|tel:|\/(?!\/)|#)/i.test(s) ? s : '#';
};

/** A phone number as a `tel:` link: digits and a leading plus only (spaces, dashes and words dropped). */
export const telHref = (phone: string | null | undefined): string => `tel:${String(phone ?? '').replace(/[^\d+]/g, '')}`;
