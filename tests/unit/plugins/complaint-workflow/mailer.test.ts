import { textToHtml } from '../../../../plugins/complaint-workflow/server/src/services/mailer';

describe("the HTML part of the case engine's plain-text e-mails", () => {
  it('shows what people wrote as text, never as markup', () => {
    const html = textToHtml('ไฟดับ <script>alert("x")</script> & <a href=\'https://evil.example\'>ดู</a>');
    expect(html).toBe(
      '<div style="white-space:pre-wrap">ไฟดับ &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;a href=&#39;https://evil.example&#39;&gt;ดู&lt;/a&gt;</div>'
    );
  });

  it('keeps the line breaks of the text', () => {
    expect(textToHtml('บรรทัดแรก\nบรรทัดสอง')).toBe('<div style="white-space:pre-wrap">บรรทัดแรก\nบรรทัดสอง</div>');
  });
});
