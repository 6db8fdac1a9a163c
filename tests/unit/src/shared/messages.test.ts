import fs from 'fs';
import path from 'path';
import { catalogueProblems, fill, formatDate, languageOf, messagesOf, placeholdersOf, type Catalogue } from '../../../../src/shared/messages';

const ROOT = path.resolve(__dirname, '..', '..', '..', '..');

/** Every `messages/` folder of the app and the plugins that holds a catalogue. */
function catalogueFolders(dir: string): string[] {
  const found: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (!entry.isDirectory() || entry.name === 'node_modules') continue;
    const full = path.join(dir, entry.name);
    if (entry.name === 'messages' && (fs.existsSync(path.join(full, 'th.json')) || fs.existsSync(path.join(full, 'en.json')))) found.push(full);
    else found.push(...catalogueFolders(full));
  }
  return found;
}

const read = (file: string): Catalogue => (fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as Catalogue) : {});

describe('message catalogues', () => {
  const folders = [...catalogueFolders(path.join(ROOT, 'src')), ...catalogueFolders(path.join(ROOT, 'plugins'))].map((f) => path.relative(ROOT, f));

  it('are found for each module with copy', () => {
    expect(folders).toEqual(expect.arrayContaining(['src/api/complaint/messages', 'src/api/e-form-submission/messages', 'src/api/channel/messages']));
  });

  it.each(folders)('%s: every key in both languages, with the same placeholders', (folder) => {
    const th = read(path.join(ROOT, folder, 'th.json'));
    const en = read(path.join(ROOT, folder, 'en.json'));
    expect(Object.values({ ...th, ...en }).every((v) => typeof v === 'string')).toBe(true);
    expect(catalogueProblems({ th, en })).toEqual([]);
  });

  it('reports a missing key and different placeholders', () => {
    expect(catalogueProblems({ th: { a: 'เรื่อง {code}', b: 'x' }, en: { a: 'Case {code} due {due}' } })).toEqual([
      'a: placeholders differ (th: code; en: code due)',
      'b: missing in en',
    ]);
    expect(catalogueProblems({ th: { a: '{due} {code}' }, en: { a: '{code} {due} {code}' } })).toEqual([]);
  });
});

describe('rendering', () => {
  const t = messagesOf({ th: { hello: 'สวัสดี {name}', due: 'ภายใน {due}' }, en: { hello: 'Hello {name}', due: 'By {due}' } }, 'en');

  it('fills placeholders in one language, and leaves one without a value as written', () => {
    expect(t('hello', { name: 'Somchai' })).toBe('Hello Somchai');
    expect(t('due')).toBe('By {due}');
    expect(fill('{a}{b}{a}', { a: 1, b: 'x' })).toBe('1x1');
    expect(fill('{toString} {constructor}', {})).toBe('{toString} {constructor}');
    expect(placeholdersOf('{code} {due} {code}')).toEqual(['code', 'due']);
  });

  it('takes anything but English as Thai', () => {
    expect([languageOf('en'), languageOf('en-GB'), languageOf('th'), languageOf(null), languageOf(undefined), languageOf('fr'), languageOf('eng')]).toEqual(['en', 'en', 'th', 'th', 'th', 'th', 'th']);
  });

  it('writes dates in the Buddhist era in Thai and day month year in English, in Bangkok time', () => {
    expect(formatDate('2026-12-09T18:00:00Z', 'th')).toBe('10 ธันวาคม 2569');
    expect(formatDate('2026-12-09T18:00:00Z', 'en')).toBe('10 December 2026');
    expect(formatDate(null, 'en')).toBe('-');
  });
});
