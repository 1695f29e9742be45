import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
(async () => { const wb = new ExcelJS.Workbook(); await wb.xlsx.load(readFileSync(process.argv[2]) as any); const c = wb.worksheets[0].getCell('B2'); console.log(JSON.stringify(c.value), c.hyperlink, c.type); })();
