/**
 * Univer 0.25.1 rescans whole sheets while the user types. Before each SetRangeValuesMutation,
 * sheets-formula's UpdateFormulaController calls FormulaDataModel.updateFormulaData, which builds the
 * formula data of every sheet of every workbook and the edited sheet's shared-formula map from
 * scratch (110 ms of the Enter key at 100,000 rows), and the engine rebuilds that formula data again
 * before the calculation that follows (60 ms). Both were the longest tasks while typing (`npm run
 * bench -- files`). Here, on this Univer's own model, an edit that neither writes a formula nor
 * overwrites one gets the scan's answer (nothing changes) at once, and the formula data is built by
 * Univer's own initSheetFormulaData from the cells that may hold a formula. Univer 1.0 makes the scan
 * incremental, but its data-validation, table and drawing packages stop at 0.25.1, so every package
 * stays pinned there (docs/DESIGN.md §2).
 */
import {
  type ICellData,
  type IObjectMatrixPrimitiveType,
  IUniverInstanceService,
  type Nullable,
  ObjectMatrix,
  type Univer,
  UniverInstanceType,
  type Workbook,
} from '@univerjs/core';
import { FormulaDataModel, type IFormulaData, initSheetFormulaData } from '@univerjs/engine-formula';

type CellMatrix = IObjectMatrixPrimitiveType<Nullable<ICellData>>;

/** A cell that holds a formula or a shared-formula id (or may: any non-empty `f` or `si`). */
function mayHoldFormula(cell: Nullable<ICellData>): boolean {
  return Boolean(cell?.f) || Boolean(cell?.si);
}

/**
 * True when no cell of the edit writes a formula and none it writes over holds one. Conservative:
 * a missing sheet or anything formula-like answers false, and Univer's scan runs.
 */
export function editTouchesNoFormula(current: Nullable<ObjectMatrix<Nullable<ICellData>>>, cellValue: CellMatrix): boolean {
  if (!current) return false;
  for (const row of Object.keys(cellValue)) {
    const columns = cellValue[Number(row)];
    if (!columns) continue;
    for (const column of Object.keys(columns)) {
      if (mayHoldFormula(columns[Number(column)])) return false;
      if (mayHoldFormula(current.getValue(Number(row), Number(column)))) return false;
    }
  }
  return true;
}

/**
 * The cells of a sheet that may hold a formula (any non-empty `f` or `si`), in the sheet's order:
 * the only cells Univer's formula scan acts on (its isFormulaString / isFormulaId checks cost a type
 * check per cell; this skips the rest with two property reads).
 */
export function formulaCandidates(cells: ObjectMatrix<Nullable<ICellData>>): ObjectMatrix<Nullable<ICellData>> {
  const candidates = new ObjectMatrix<Nullable<ICellData>>();
  const rows = cells.getMatrix();
  for (const row in rows) {
    const columns = rows[row];
    // Object.values first: at 100,000 rows it is twice as quick as walking the keys of every row.
    if (!columns || !Object.values(columns).some(mayHoldFormula)) continue;
    for (const column in columns) {
      const cell = columns[column];
      if (mayHoldFormula(cell)) candidates.setValue(Number(row), Number(column), cell);
    }
  }
  return candidates;
}

/** Installs the shortcut on this Univer's formula model (once per Univer; the model is per instance). */
export function skipFormulaScanForPlainEdits(univer: Univer): void {
  const injector = univer.__getInjector();
  const model = injector.get(FormulaDataModel);
  const units = injector.get(IUniverInstanceService);
  const scan = model.updateFormulaData.bind(model);
  model.updateFormulaData = (unitId, sheetId, cellValue) => {
    // The cells as stored, which is what the scan reads (not getCell, which interceptors decorate).
    const current = units.getUnit<Workbook>(unitId)?.getSheetBySheetId(sheetId)?.getCellMatrix();
    return editTouchesNoFormula(current, cellValue) ? {} : scan(unitId, sheetId, cellValue);
  };
  // The formula data of every sheet, built as Univer builds it, from the candidate cells only: the
  // engine asks for it before every calculation (CurrentConfigService.loadDataLite).
  model.getFormulaData = () => {
    const formulaData: IFormulaData = {};
    for (const workbook of units.getAllUnitsForType<Workbook>(UniverInstanceType.UNIVER_SHEET)) {
      const unitId = workbook.getUnitId();
      formulaData[unitId] = {};
      for (const worksheet of workbook.getSheets())
        initSheetFormulaData(formulaData, unitId, worksheet.getSheetId(), formulaCandidates(worksheet.getCellMatrix()));
    }
    return formulaData;
  };
}
