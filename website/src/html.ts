/** Only links that cannot run script: http(s), mailto, tel and same-site paths. */
export const safeUrl = (url: string | null | undefined): string => {
  const s = String(url ?? '').trim();
  return /^(https?:|mailto:|tel:|\/(?!\/)|#)/i.test(s) ? s : '#';
};
