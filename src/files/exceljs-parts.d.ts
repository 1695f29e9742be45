// ExcelJS's part writers (exceljs 4.4.0, pinned), used by xlsxWrite.ts for the parts its streaming
// writer does not write itself. Typed as far as that file uses them.
interface ExcelJsPartWriter {
  prepare(model: object, options?: object): void;
  toXml(model: object): string;
}
declare module 'exceljs/lib/xlsx/xform/core/content-types-xform' {
  const ContentTypesXform: new () => ExcelJsPartWriter;
  export default ContentTypesXform;
}
declare module 'exceljs/lib/xlsx/xform/book/workbook-xform' {
  const WorkbookXform: new () => ExcelJsPartWriter;
  export default WorkbookXform;
}
declare module 'exceljs/lib/xlsx/xform/table/table-xform' {
  const TableXform: new () => ExcelJsPartWriter;
  export default TableXform;
}
declare module 'exceljs/lib/utils/utils' {
  // The reader's date conversion, wrapped by src/files/exactDates.ts.
  const utils: { excelToDate(value: unknown, date1904?: boolean): unknown };
  export default utils;
}
