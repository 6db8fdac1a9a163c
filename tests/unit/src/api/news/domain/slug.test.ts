import fs from 'fs';
import path from 'path';
import { SLUG_PATTERN, isPlaceholderSlug, isSlugOfTitle, slugify, uniqueSlug, withPreviousSlug, wordStarts } from '../../../../../../src/api/news/domain/slug';

const news = { fallback: 'news' };

describe('slugify', () => {
  it('keeps Thai words, with their marks, and joins words with single hyphens', () => {
    expect(slugify('ขอเชิญร่วมงานลอยกระทง 2569', news)).toBe('ขอเชิญร่วมงานลอยกระทง-2569');
    expect(slugify('  ขอเชิญร่วมงาน "ลอยกระทง" — 2569!! ', news)).toBe('ขอเชิญร่วมงาน-ลอยกระทง-2569');
    expect(slugify('น้ำประปาไม่ไหล หมู่ที่ 3', news)).toBe('น้ำประปาไม่ไหล-หมู่ที่-3');
    // Already composed the way a keyboard types it: NFC changes nothing in Thai.
    expect(slugify('กรุงเทพฯ ๆ', news)).toBe('กรุงเทพฯ-ๆ');
  });

  it('reads Thai and full-width digits as 0-9, lower-cases Latin and drops its accents', () => {
    expect(slugify('ลอยกระทง ๒๕๖๙', news)).toBe('ลอยกระทง-2569');
    expect(slugify('Loy Krathong Festival 2026', news)).toBe('loy-krathong-festival-2026');
    expect(slugify('Café Straße Ｎｏｋ Ok', news)).toBe('cafe-strasse-nok-ok');
    expect(slugify('ราคา ฿100 (รวม VAT)', news)).toBe('ราคา-100-รวม-vat');
  });

  it('drops a Thai mark with no letter before it', () => {
    expect(slugify('ทดสอบ ่ั ข่าว', news)).toBe('ทดสอบ-ข่าว');
  });

  it('is never empty and never only digits', () => {
    expect(slugify('2569', news)).toBe('news-2569');
    expect(slugify('๓', news)).toBe('news-3');
    expect(slugify('1/2/2569', { fallback: 'page' })).toBe('page-1-2-2569');
    expect(slugify('!!! ???', news)).toBe('news');
    expect(slugify('', news)).toBe('news');
    for (const s of [slugify('2569', news), slugify('!!!', news)]) expect(s).toMatch(/[a-z\u0E01-\u0E4E]/);
  });

  it('trims to 80 characters at a word boundary, Thai words included', () => {
    const title = 'ประกาศเทศบาลตำบลนกออก เรื่อง รับสมัครบุคคลเพื่อสรรหาและเลือกสรรเป็นพนักงานจ้างตามภารกิจ ตำแหน่งผู้ช่วยเจ้าพนักงานธุรการ ประจำปีงบประมาณ 2569';
    const slug = slugify(title, news);
    expect(slug.length).toBeLessThanOrEqual(80);
    expect(slug.length).toBeGreaterThan(60);
    // A prefix of the whole slug that ends where a Thai word ends, never inside one.
    const whole = slugify(title, { ...news, maxLength: 1000 });
    expect(whole.startsWith(slug)).toBe(true);
    expect(wordStarts(whole)).toContain(slug.length);
    expect(wordStarts('ขอเชิญร่วมงาน')).toEqual([0, 2, 6, 10]);
    expect(slug).not.toMatch(/-$/);
    // Latin words: at a hyphen.
    expect(slugify('one two three four', { ...news, maxLength: 12 })).toBe('one-two');
    expect(slugify('one two three four', { ...news, maxLength: 13 })).toBe('one-two-three');
    // One word longer than the limit is cut, never between a letter and its marks.
    expect(slugify('a'.repeat(100), news)).toBe('a'.repeat(80));
    expect(slugify('กี่'.repeat(30), { ...news, maxLength: 8 })).toBe('กี่กี่');
  });

  it('gives slugs the schema accepts', () => {
    for (const t of ['ขอเชิญร่วมงานลอยกระทง 2569', 'Café!', '2569', '']) expect(slugify(t, news)).toMatch(SLUG_PATTERN);
    expect('loy-krathong-2569').toMatch(SLUG_PATTERN);
    expect('a b').not.toMatch(SLUG_PATTERN);
    expect('a/b').not.toMatch(SLUG_PATTERN);
  });

  it('is the same pattern as the uid fields of news and pages (the admin and publishing check it)', () => {
    for (const type of ['news/content-types/news-item', 'page/content-types/page']) {
      const file = path.join(__dirname, '../../../../../../src/api', type, 'schema.json');
      const schema = JSON.parse(fs.readFileSync(file, 'utf8')) as { attributes: { slug: { regex: string } } };
      expect(schema.attributes.slug.regex).toBe(SLUG_PATTERN.source);
    }
  });
});

describe('which slugs follow the title', () => {
  it('knows the slug a title gives, with the suffix that kept it unique', () => {
    expect(isSlugOfTitle('ลอยกระทง-2569', 'ลอยกระทง 2569', news)).toBe(true);
    expect(isSlugOfTitle('ลอยกระทง-2569-3', 'ลอยกระทง 2569', news)).toBe(true);
    expect(isSlugOfTitle('loy-krathong', 'ลอยกระทง 2569', news)).toBe(false);
    expect(isSlugOfTitle('ลอยกระทง-2569-x', 'ลอยกระทง 2569', news)).toBe(false);
  });

  it('treats the empty slug, the placeholder and a digits-only slug as nobody’s choice', () => {
    for (const s of ['', '  ', null, undefined, 'news-item', 'news-item-1', 'news-item-12', '3', '2569']) expect(isPlaceholderSlug(s, 'news-item')).toBe(true);
    for (const s of ['news-items', 'news-item-x', 'history', 'loy-krathong-2569']) expect(isPlaceholderSlug(s, 'news-item')).toBe(false);
  });
});

describe('uniqueSlug and withPreviousSlug', () => {
  it('adds -2, -3 on collision', () => {
    expect(uniqueSlug('ข่าว', new Set())).toBe('ข่าว');
    expect(uniqueSlug('ข่าว', new Set(['ข่าว']))).toBe('ข่าว-2');
    expect(uniqueSlug('ข่าว', new Set(['ข่าว', 'ข่าว-2', 'ข่าว-3']))).toBe('ข่าว-4');
  });

  it('remembers the slug left, once, and forgets the one taken back', () => {
    expect(withPreviousSlug(null, 'old', 'new')).toEqual(['old']);
    expect(withPreviousSlug(['a', 'old'], 'old', 'new')).toEqual(['a', 'old']);
    expect(withPreviousSlug(['a', 'new'], 'old', 'new')).toEqual(['a', 'old']);
    expect(withPreviousSlug(['a', 7, ''], '', 'new')).toEqual(['a']);
    expect(withPreviousSlug('junk', 'same', 'same')).toEqual([]);
  });
});
