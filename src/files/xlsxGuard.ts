/**
 * Checks an uploaded or opened .xlsx before any parser unpacks it: empty files, files that are not
 * a zip (a `.txt` renamed `.xlsx`), truncated zips, zip bombs (absurd unpacked size, entry count or
 * compression ratio) and zips that are not spreadsheets. It also lists what the file holds that the
 * web host cannot bring in (charts, pivot tables, macros, images…), so opening says so.
 *
 * Reads only the zip's central directory (JSZip does not inflate until asked).
 */
import JSZip from 'jszip';
import { L, type Locale, type Localized } from '../core';

const XLSX_LIMITS = {
  /** Unpacked size of all entries together. */
  unpackedBytes: 1024 * 1024 * 1024,
  entries: 20_000,
  /** Larger entries may not be compressed more than this (real sheets reach ~100:1). */
  ratio: 1000,
} as const;

export class WorkbookFileError extends Error {
  constructor(
    message: string,
    readonly status = 422,
  ) {
    super(message);
    this.name = 'WorkbookFileError';
  }
}

type Reason = 'empty' | 'notZip' | 'truncated' | 'bomb' | 'notSpreadsheet' | 'unreadable' | 'tooLarge';

const MESSAGES: Readonly<Record<Reason, (file: string, detail?: string) => Localized>> = {
  empty: (f) => L(`“${f}”是空文件(0 字节),不是 Excel 工作簿。`, `"${f}" is empty (0 bytes): it is not an Excel workbook.`),
  notZip: (f) =>
    L(
      `“${f}”不是 .xlsx 工作簿(可能是改了扩展名的其他文件)。请在 Excel 中另存为 .xlsx 后再打开。`,
      `"${f}" is not an .xlsx workbook (perhaps another file renamed). Save it as .xlsx in Excel and open it again.`,
    ),
  truncated: (f) =>
    L(
      `“${f}”已损坏或不完整(可能下载或复制时中断)。请重新获取该文件。`,
      `"${f}" is damaged or incomplete (perhaps a download or copy was cut short). Get the file again.`,
    ),
  bomb: (f, d) =>
    L(
      `“${f}”解压后过大或条目过多(${d}),为安全起见拒绝打开。`,
      `"${f}" unpacks to an absurd size or number of entries (${d}); refused for safety.`,
    ),
  notSpreadsheet: (f) =>
    L(
      `“${f}”是压缩文件,但不是 Excel 工作簿(缺少 xl/workbook.xml)。`,
      `"${f}" is a zip file but not an Excel workbook (it has no xl/workbook.xml).`,
    ),
  unreadable: (f, d) => L(`无法读取“${f}”:${d}`, `Could not read "${f}": ${d}`),
  tooLarge: (f, d) =>
    L(
      `“${f}”超出网页表格能打开的范围(${d}),已拒绝打开;文件本身未被改动。`,
      `"${f}" is beyond what the web spreadsheet can open (${d}), so it was refused; the file itself is unchanged.`,
    ),
};

export function fileError(reason: Reason, locale: Locale, file: string, detail?: string): WorkbookFileError {
  return new WorkbookFileError(MESSAGES[reason](file, detail)[locale]);
}

/** Parts of an .xlsx the web host does not bring in, by zip path. */
const FOREIGN_PARTS: readonly { readonly test: RegExp; readonly label: Record<Locale, string> }[] = [
  { test: /^xl\/charts\/chart\d*\.xml$/i, label: { 'zh-CN': '图表', 'en-US': 'charts' } },
  { test: /^xl\/pivotTables\//i, label: { 'zh-CN': '数据透视表', 'en-US': 'pivot tables' } },
  { test: /^xl\/vbaProject\.bin$/i, label: { 'zh-CN': '宏 (VBA)', 'en-US': 'macros (VBA)' } },
  // PNG pictures come in (the report's charts, src/files/xlsxPictures.ts); other image formats do not.
  { test: /^xl\/media\/.+\.(?!png$)[^./]+$/i, label: { 'zh-CN': '图片(非 PNG)', 'en-US': 'images other than PNG' } },
  // Notes (legacy comments, xl/commentsN.xml) come in as cell notes; threaded comments do not.
  { test: /^xl\/threadedComments\//i, label: { 'zh-CN': '批注(对话)', 'en-US': 'threaded comments' } },
  { test: /^xl\/slicers?\//i, label: { 'zh-CN': '切片器', 'en-US': 'slicers' } },
  { test: /^xl\/externalLinks\//i, label: { 'zh-CN': '外部链接', 'en-US': 'external links' } },
  { test: /^xl\/drawings\/drawing\d*\.xml$/i, label: { 'zh-CN': '形状或绘图', 'en-US': 'shapes and drawings' } },
];

export interface XlsxInspection {
  /** What the file holds that will not be brought in, in the given language (no duplicates). */
  readonly notImported: readonly string[];
  readonly entries: number;
  readonly unpackedBytes: number;
  /** The file has DrawingML parts (pictures or shapes over a sheet). */
  readonly hasDrawings: boolean;
}

interface ZipEntryData {
  readonly uncompressedSize?: number;
  readonly compressedSize?: number;
}

/** Checks the bytes of an .xlsx; throws a WorkbookFileError naming the file when they are not a safe workbook. */
export async function inspectXlsx(bytes: Uint8Array, fileName: string, locale: Locale): Promise<XlsxInspection> {
  if (bytes.length === 0) throw fileError('empty', locale, fileName);
  // A zip starts with a local file header "PK\3\4".
  if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b || bytes[2] !== 0x03 || bytes[3] !== 0x04) {
    throw fileError('notZip', locale, fileName);
  }
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes, { checkCRC32: false });
  } catch {
    throw fileError('truncated', locale, fileName);
  }
  const files = Object.values(zip.files);
  if (files.length > XLSX_LIMITS.entries) throw fileError('bomb', locale, fileName, `${files.length} entries`);
  let unpacked = 0;
  for (const file of files) {
    const data = (file as unknown as { _data?: ZipEntryData })._data;
    const size = data?.uncompressedSize ?? 0;
    const packed = data?.compressedSize ?? 0;
    unpacked += size;
    if (size > 1024 * 1024 && packed > 0 && size / packed > XLSX_LIMITS.ratio) {
      throw fileError('bomb', locale, fileName, `${file.name} ${Math.round(size / packed)}:1`);
    }
  }
  if (unpacked > XLSX_LIMITS.unpackedBytes) throw fileError('bomb', locale, fileName, `${Math.round(unpacked / 1024 / 1024)} MB`);
  if (!zip.file('xl/workbook.xml')) throw fileError('notSpreadsheet', locale, fileName);
  const foreign = new Set<string>();
  const names = files.map((f) => f.name);
  for (const part of FOREIGN_PARTS) {
    if (names.some((name) => part.test.test(name))) foreign.add(part.label[locale]);
  }
  // A drawing that only anchors charts or images is not a shape of its own.
  const shapes = FOREIGN_PARTS[FOREIGN_PARTS.length - 1]?.label[locale];
  if (shapes && foreign.has(shapes) && names.some((name) => /^xl\/(media|charts)\//i.test(name))) {
    foreign.delete(shapes);
  }
  const hasDrawings = names.some((name) => /^xl\/drawings\/drawing\d*\.xml$/i.test(name));
  return { notImported: [...foreign], entries: files.length, unpackedBytes: unpacked, hasDrawings };
}
