/** Escapes text for HTML bodies and attribute values: every API string goes through this. */
export const esc = (value: string | number | null | undefined): string =>
  String(value ?? '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Only links that cannot run script: http(s), mailto, tel and same-site paths. */
export const safeUrl = (url: string | null | undefined): string => {
  const s = String(url ?? '').trim();
  return /^(https?:|mailto:|tel:|\/(?!\/)|#)/i.test(s) ? s : '#';
};
