/** What the Excel host receives from its entry: the `Excel` namespace (or a mock) and the display language. */

/** The part of the `Excel` namespace this host uses; the real `Excel` object satisfies it. */
export interface ExcelApi {
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  readonly ConditionalFormatType: { readonly cellValue: Excel.ConditionalFormatType.cellValue | 'CellValue' };
  readonly ChartType: {
    readonly columnClustered: Excel.ChartType.columnClustered | 'ColumnClustered';
    readonly funnel: Excel.ChartType.funnel | 'Funnel';
    readonly line: Excel.ChartType.line | 'Line';
    readonly barClustered: Excel.ChartType.barClustered | 'BarClustered';
  };
}

/** `Office.context.requirements.isSetSupported`. */
export type SetSupport = (name: string, version: string) => boolean;

export interface ExcelWorkbookOptions {
  readonly excel: ExcelApi;
  /** `Office.context.displayLanguage`, e.g. `zh-CN`, `en-US`. */
  readonly displayLanguage: string;
  /**
   * `Office.context.requirements.isSetSupported`: members above this Excel's API sets throw
   * ApiNotFound the moment they are touched, so they are used only where it says yes.
   */
  readonly isSetSupported: SetSupport;
}
