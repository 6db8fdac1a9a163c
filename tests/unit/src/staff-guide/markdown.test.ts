import { headingId, renderMarkdown } from '../../../../src/staff-guide/markdown';

describe('the staff guide Markdown', () => {
  it('gives headings GitHub ids, Thai kept, duplicates numbered, and takes the title from the first level-1 heading', () => {
    expect(headingId('ผู้ดูแลเนื้อหาเว็บไซต์')).toBe('ผู้ดูแลเนื้อหาเว็บไซต์');
    expect(headingId('เข้าสู่ระบบ ภาษา และรหัสผ่าน')).toBe('เข้าสู่ระบบ-ภาษา-และรหัสผ่าน');
    expect(headingId('1. Sign in (**admin**), `now`!')).toBe('1-sign-in-admin-now');
    const r = renderMarkdown('# คู่มือ **เจ้าหน้าที่**\n\n## ขั้นตอน\n\n## ขั้นตอน\n');
    expect(r.title).toBe('คู่มือ เจ้าหน้าที่');
    expect(r.ids).toEqual(['คู่มือ-เจ้าหน้าที่', 'ขั้นตอน', 'ขั้นตอน-1']);
    expect(r.html).toContain('<h1 id="คู่มือ-เจ้าหน้าที่">คู่มือ <strong>เจ้าหน้าที่</strong></h1>');
    expect(r.html).toContain('<h2 id="ขั้นตอน-1">ขั้นตอน</h2>');
  });

  it('renders paragraphs, numbered and bulleted lists, quotes, rules, bold, code, links and images', () => {
    const md = [
      'บรรทัดแรก',
      'ต่อบรรทัดเดียวกัน',
      '',
      '3. กด **บันทึก**',
      '4. ดูภาพ',
      '   ![หน้ารายการ](staff-guide/list.jpg)',
      '',
      '- ข้อ [หนึ่ง](#ถ้าเกิดปัญหา)',
      '* ข้อ `npm test`',
      '',
      '> ห้ามแก้ไข',
      '',
      '---',
    ].join('\n');
    const { html } = renderMarkdown(md, { resolveUrl: (u) => (u.startsWith('staff-guide/') ? `/${u}` : u) });
    expect(html.split('\n')).toEqual([
      '<p>บรรทัดแรก ต่อบรรทัดเดียวกัน</p>',
      '<ol start="3"><li>กด <strong>บันทึก</strong></li><li>ดูภาพ <img src="/staff-guide/list.jpg" alt="หน้ารายการ" loading="lazy"></li></ol>',
      '<ul><li>ข้อ <a href="#ถ้าเกิดปัญหา">หนึ่ง</a></li><li>ข้อ <code>npm test</code></li></ul>',
      '<blockquote><p>ห้ามแก้ไข</p></blockquote>',
      '<hr>',
    ]);
  });

  it('lets no HTML through: text is escaped, code spans are not read as markup, unsafe links go nowhere', () => {
    const { html } = renderMarkdown('<script>alert(1)</script> `**not bold** <b>` [x](javascript:alert(1)) ![y](data:image/png;base64,AA) [z]("onmouseover=alert(1))');
    expect(html).not.toMatch(/<script|<b>|javascript:|data:|"onmouseover/);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('<code>**not bold** &lt;b&gt;</code>');
    expect(html).toContain('<a href="#">x</a>');
    expect(html).toContain('<img src="#" alt="y" loading="lazy">');
  });
});
