import fs from 'fs';
import path from 'path';
import { isUtf8 } from 'buffer';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { decodeText, parseCsv, parseXlsx, readSpreadsheet, SpreadsheetError, writeXlsx } from '../../../../plugins/spreadsheet-import/server/src/spreadsheet';

/** The committed fixtures: see tests/fixtures/spreadsheets/README.md for how each was made. */
const FIXTURES = path.resolve(__dirname, '../../../fixtures/spreadsheets');
const fixture = (name: string) => fs.readFileSync(path.join(FIXTURES, name));

const HEADER = [
  'เลขที่ใบแจ้งประเมิน',
  'ปีภาษี',
  'เลขประจำตัวประชาชน',
  'ชื่อผู้เสียภาษี',
  'ที่อยู่ผู้เสียภาษี',
  'หมู่ที่',
  'ประเภทการใช้ประโยชน์',
  'เนื้อที่ (ตารางวา)',
  'มูลค่าที่ดินและสิ่งปลูกสร้าง (บาท)',
  'ค่าภาษี (บาท)',
  'ลดหย่อน (บาท)',
  'กำหนดชำระ',
  'จำนวนงวด',
];

/** What a refusal carries: the error class and its stable code. */
const refusal = (code: string) => expect.objectContaining({ name: 'SpreadsheetError', code });
const thrown = (fn: () => unknown) => {
  try {
    fn();
  } catch (err) {
    return err;
  }
  throw new Error('did not throw');
};

describe('spreadsheet-import: CSV', () => {
  it("reads Thai Excel's plain CSV (Windows-874) to the exact Thai text, quoted commas and doubled quotes included", async () => {
    const bytes = fixture('tax-bills-windows-874.csv');
    // The fixture is what it says: Thai in single bytes, which is not UTF-8.
    expect(isUtf8(bytes)).toBe(false);
    expect(bytes.subarray(0, 3)).toEqual(Buffer.from([0xe0, 0xc5, 0xa2])); // เลข
    expect(decodeText(bytes).encoding).toBe('windows-874');
    const rows = parseCsv(bytes);
    expect(rows).toHaveLength(5);
    expect(rows[0]).toEqual(HEADER);
    expect(rows[1]).toEqual(['CP874-2569-0001', '2569', '3300400123454', 'นางสาวกาญจนา แก้วมณี', '99/1 หมู่ 4, ต.นกออก อ.ปักธงชัย จ.นครราชสีมา', '4', 'อยู่อาศัย', '120', '950000.00', '190.00', '0.00', '30/12/2569', '1']);
    expect(rows[2][3]).toBe('นายสมศักดิ์ ศรีสุข');
    expect(rows[2][8]).toBe('1,200,000.00');
    expect(rows[3].slice(3, 7)).toEqual(['นางบัวผัน ทองคำ', 'ร้าน "ทองคำพาณิชย์" 7 หมู่ 1 ต.นกออก', '1', 'อื่น ๆ']);
    // Thai digits and ฯ (0xF0–0xF9, 0xCF) come through as well.
    expect(rows[4].slice(3, 5)).toEqual(['บริษัท ข้าวหอมมะลิไทย จำกัด', '๑๒๓ ถนนสุขุมวิท แขวงคลองเตย กรุงเทพฯ ๑๐๑๑๐']);
    expect(await readSpreadsheet(bytes, 'ภดส6.csv')).toEqual(rows);
  });

  it('reads UTF-8 with and without the BOM of Excel\'s "CSV UTF-8" the same', () => {
    const text = 'เลขที่ใบแจ้งประเมิน,ชื่อผู้เสียภาษี\r\nA-1,นายสมชาย ใจดี\r\n';
    const withBom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]);
    expect(decodeText(withBom)).toEqual({ text, encoding: 'utf-8' });
    expect(parseCsv(withBom)).toEqual([['เลขที่ใบแจ้งประเมิน', 'ชื่อผู้เสียภาษี'], ['A-1', 'นายสมชาย ใจดี']]);
    expect(parseCsv(Buffer.from(text))).toEqual(parseCsv(withBom));
    expect(parseCsv(`\ufeff${text}`)).toEqual(parseCsv(withBom));
  });

  it('keeps RFC 4180 quoting: a comma, a line break and a doubled quote inside a field; skips blank rows', () => {
    const bytes = Buffer.from('รหัส,หมายเหตุ,ยอด\r\nA1,"บรรทัดแรก, ต่อ\r\nบรรทัดสอง ""อ้าง""",1\r\n\r\n , ,\r\nA2,x,"2,500.00"\nA3,,\n');
    expect(parseCsv(bytes)).toEqual([
      ['รหัส', 'หมายเหตุ', 'ยอด'],
      ['A1', 'บรรทัดแรก, ต่อ\r\nบรรทัดสอง "อ้าง"', '1'],
      ['A2', 'x', '2,500.00'],
      ['A3', '', ''],
    ]);
  });

  it('reads Excel\'s "Unicode text" (UTF-16LE with its BOM, tab-separated)', () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode('รหัส\tชื่อ\r\nA1\tนาย ก, ข\r\n', 'utf-16le')]);
    expect(decodeText(bytes).encoding).toBe('utf-16le');
    expect(parseCsv(bytes)).toEqual([['รหัส', 'ชื่อ'], ['A1', 'นาย ก, ข']]);
  });

  it('refuses bytes that are no text with a stable code, and broken quoting with its line', async () => {
    const garbage = Buffer.from(Array.from({ length: 512 }, (_, i) => (i * 97 + 13) % 256));
    expect(thrown(() => parseCsv(garbage))).toEqual(refusal('encoding'));
    await expect(readSpreadsheet(garbage, 'bills.csv')).rejects.toEqual(refusal('encoding'));
    // A PNG: valid ASCII at the start, then NUL bytes.
    const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
    await expect(readSpreadsheet(png, 'bills.csv')).rejects.toEqual(refusal('encoding'));
    expect(thrown(() => parseCsv(Buffer.from('a,b\r\n1,"2\r\n3,4\r\n')))).toEqual(expect.objectContaining({ code: 'csv', line: expect.any(Number) }));
    expect(thrown(() => parseCsv(garbage))).toBeInstanceOf(SpreadsheetError);
  });
});

describe('spreadsheet-import: XLSX', () => {
  it('reads an XLSX written by LibreOffice Calc: Thai shared strings, numbers and a date column', async () => {
    const rows = await parseXlsx(fixture('tax-bills-libreoffice.xlsx'));
    expect(rows).toEqual([
      HEADER,
      ['LO-2569-0001', '2569', '3109900998875', 'นายประเสริฐ ใจดี', '63 หมู่ 6, ต.นกออก อ.ปักธงชัย จ.นครราชสีมา', '6', 'อยู่อาศัย', '50.5', '180000', '36.5', '0', '2026-12-30', '1'],
      ['LO-2569-0002', '2569', '1101700112233', 'นางสาวสมศรี มั่นคง', '5 หมู่ 4 ต.นกออก อ.ปักธงชัย จ.นครราชสีมา', '4', 'รกร้างว่างเปล่า', '400', '350000', '1050', '0', '2027-01-15', '2'],
      ['LO-2569-0003', '2569', '3600100543218', 'นายชูชาติ ทองคำ', '155 หมู่ 7 ต.นกออก อ.ปักธงชัย จ.นครราชสีมา', '7', 'เกษตรกรรม', '1600', '4200000', '420', '20.25', '2026-12-30', '3'],
    ]);
    // The CSV LibreOffice was given reads the same: what was typed comes back, whatever the cell type.
    expect(rows).toEqual(parseCsv(fixture('tax-bills-libreoffice.source.csv')));
    expect(await readSpreadsheet(fixture('tax-bills-libreoffice.xlsx'), 'upload.bin')).toEqual(rows);
  });

  it('reads every kind of cell of the first worksheet as text', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('ใบแจ้ง');
    sheet.getCell('A1').value = 'รหัส';
    sheet.getCell('B1').value = { richText: [{ text: 'ชื่อ', font: { bold: true } }, { text: '-สกุล' }] };
    sheet.getCell('C1').value = 'ยอด';
    sheet.getCell('D1').value = 'วันที่';
    sheet.getCell('E1').value = 'จ่ายแล้ว';
    sheet.getCell('A2').value = 'A&1 <x>';
    sheet.getCell('B2').value = 'นาย ก';
    sheet.getCell('C2').value = 0.1 + 0.2;
    sheet.getCell('D2').value = new Date(Date.UTC(2026, 11, 30));
    sheet.getCell('D2').numFmt = 'dd/mm/yyyy';
    sheet.getCell('E2').value = true;
    sheet.getCell('C3').value = { formula: 'C2*10', result: 3 };
    sheet.getCell('D3').value = new Date(Date.UTC(2026, 11, 1, 10, 15));
    sheet.getCell('D3').numFmt = 'yyyy-mm-dd hh:mm';
    sheet.getCell('E3').value = { error: '#N/A' };
    sheet.getCell('B4').value = { text: 'เว็บไซต์', hyperlink: 'https://nokok.go.th' };
    sheet.getCell('C4').value = 3109900123453;
    sheet.mergeCells('D4:E4');
    sheet.getCell('D4').value = 'รวม';
    sheet.getCell('A6').value = '   ';
    workbook.addWorksheet('ไม่อ่าน').getCell('A1').value = 'second sheet';
    for (const useSharedStrings of [true, false]) {
      const bytes = Buffer.from(await workbook.xlsx.writeBuffer({ useSharedStrings }));
      expect(await parseXlsx(bytes)).toEqual([
        ['รหัส', 'ชื่อ-สกุล', 'ยอด', 'วันที่', 'จ่ายแล้ว'],
        ['A&1 <x>', 'นาย ก', '0.3', '2026-12-30', 'TRUE'],
        ['', '', '3', '2026-12-01 10:15', '#N/A'],
        ['', 'เว็บไซต์', '3109900123453', 'รวม', ''],
      ]);
    }
  });

  it('reads back what it writes, Thai text and empty cells included, and tells XLSX from CSV by content', async () => {
    const rows = [['รหัส', 'ชื่อ'], ['A&1', 'นาย <ก>'], ['', 'x']];
    const xlsx = await writeXlsx(rows);
    expect(await parseXlsx(xlsx)).toEqual(rows);
    expect(await readSpreadsheet(xlsx, 'upload.bin')).toEqual(rows);
    expect(await readSpreadsheet(Buffer.from('a,b\n1,2\n'), 'x.csv')).toEqual([['a', 'b'], ['1', '2']]);
  });

  it('refuses an Excel 97–2003 file and a zip that is no workbook, each with its own code', async () => {
    const xls = Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(504)]);
    await expect(readSpreadsheet(xls, 'bills.xls')).rejects.toEqual(refusal('xls'));
    const notWorkbook = await writeXlsx([['a']]).then((b) => Buffer.concat([b.subarray(0, 30), Buffer.alloc(100)]));
    await expect(readSpreadsheet(notWorkbook, 'bills.xlsx')).rejects.toEqual(refusal('xlsx'));
    await expect(parseXlsx(Buffer.from('a,b\n'))).rejects.toEqual(refusal('xlsx'));
  });
});
