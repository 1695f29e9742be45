/**
 * 文件 File (web host): open another workbook of the folder or upload one, download .xlsx or a
 * portable .xlsx, import a CSV or one .xlsx sheet as a new sheet, and the version history with
 * Restore. Everything goes through WorkbookFiles; the file inputs are real inputs behind buttons,
 * so the keyboard reaches every action.
 */
import { Button, Caption1, Dropdown, Field, Option, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import { useRef, useState } from 'react';
import type { Locale } from '../../core';
import type { WorkbookFiles } from '../../workbook/files';
import { OutcomeBanner } from '../OutcomeBanner/OutcomeBanner';
import { fileText } from './strings';
import { useFilePanel } from './useFilePanel';
import { SaveTarget } from './SaveTarget';
import { VersionList } from './VersionList';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, minWidth: 0 },
  group: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'end' },
  hint: { color: tokens.colorNeutralForeground3, overflowWrap: 'anywhere' },
  dropdown: { minWidth: 0, maxWidth: '100%' },
  hidden: { display: 'none' },
});

export interface FilePanelProps {
  readonly locale: Locale;
  readonly files: WorkbookFiles;
}

type PanelState = ReturnType<typeof useFilePanel>;

/** The file an <input type="file"> holds, taken once; the input is cleared so the same file can be picked again. */
const picked = (input: HTMLInputElement | null, take: (file: File) => void) => {
  const file = input?.files?.[0];
  if (file) take(file);
  if (input) input.value = '';
};

/** 打开: another workbook of the folder, or an uploaded copy. */
function OpenBook({ locale, panel }: { readonly locale: Locale; readonly panel: PanelState }) {
  const styles = useStyles();
  const uploadInput = useRef<HTMLInputElement>(null);
  const [chosenBook, setChosenBook] = useState<string | undefined>();
  const busy = panel.busy !== null;
  const others = panel.books?.books.filter((b) => b !== panel.books?.current) ?? [];
  const book = chosenBook ?? others[0];
  return (
    <div className={styles.group}>
      <Subtitle2 as="h2">{fileText(locale, 'open')}</Subtitle2>
      {panel.books && <Caption1 className={styles.hint}>{fileText(locale, 'folder', { folder: panel.books.folder })}</Caption1>}
      {others.length > 0 && (
        <div className={styles.row}>
          <Field label={fileText(locale, 'pick')}>
            <Dropdown
              className={styles.dropdown}
              value={book ?? ''}
              selectedOptions={book ? [book] : []}
              onOptionSelect={(_e, d) => setChosenBook(d.optionValue)}
            >
              {others.map((name) => (
                <Option key={name} value={name}>
                  {name}
                </Option>
              ))}
            </Dropdown>
          </Field>
          <Button disabledFocusable={busy || !book} onClick={() => book && void panel.open(book)}>
            {fileText(locale, 'openButton')}
          </Button>
        </div>
      )}
      <input
        ref={uploadInput}
        className={styles.hidden}
        type="file"
        accept=".xlsx"
        data-testid="upload-input"
        onChange={() => picked(uploadInput.current, (f) => void panel.upload(f, f.name))}
      />
      <Button disabledFocusable={busy} onClick={() => uploadInput.current?.click()}>
        {panel.busy === 'upload' ? fileText(locale, 'busy') : fileText(locale, 'upload')}
      </Button>
      <Caption1 className={styles.hint}>{fileText(locale, 'uploadHint')}</Caption1>
    </div>
  );
}

/** 导入: a CSV or one sheet of a workbook as a new sheet; which sheet, when the file has several. */
function ImportSheet({ locale, panel }: { readonly locale: Locale; readonly panel: PanelState }) {
  const styles = useStyles();
  const importInput = useRef<HTMLInputElement>(null);
  const [chosenSheet, setChosenSheet] = useState<string | undefined>();
  const busy = panel.busy !== null;
  return (
    <div className={styles.group}>
      <Subtitle2 as="h2">{fileText(locale, 'import')}</Subtitle2>
      <input
        ref={importInput}
        className={styles.hidden}
        type="file"
        accept=".csv,.txt,.tsv,.xlsx"
        data-testid="import-input"
        onChange={() => picked(importInput.current, (f) => void panel.importFile(f, f.name))}
      />
      <Button disabledFocusable={busy} onClick={() => importInput.current?.click()}>
        {panel.busy === 'import' ? fileText(locale, 'busy') : fileText(locale, 'importButton')}
      </Button>
      {panel.pendingImport && (
        <div className={styles.row}>
          <Field label={fileText(locale, 'chooseSheet', { file: panel.pendingImport.name })}>
            <Dropdown
              className={styles.dropdown}
              value={chosenSheet ?? panel.pendingImport.sheetNames[0] ?? ''}
              selectedOptions={[chosenSheet ?? panel.pendingImport.sheetNames[0] ?? '']}
              onOptionSelect={(_e, d) => setChosenSheet(d.optionValue)}
            >
              {panel.pendingImport.sheetNames.map((name) => (
                <Option key={name} value={name}>
                  {name}
                </Option>
              ))}
            </Dropdown>
          </Field>
          <Button
            disabledFocusable={busy}
            onClick={() => {
              const pending = panel.pendingImport;
              if (pending) void panel.importFile(pending.file, pending.name, chosenSheet ?? pending.sheetNames[0]);
            }}
          >
            {fileText(locale, 'importSheet')}
          </Button>
        </div>
      )}
      <Caption1 className={styles.hint}>{fileText(locale, 'importHint')}</Caption1>
    </div>
  );
}

export function FilePanel({ locale, files }: FilePanelProps) {
  const styles = useStyles();
  const panel = useFilePanel(files, locale);
  const busy = panel.busy !== null;

  return (
    <section className={styles.root} aria-label={fileText(locale, 'fileTab')}>
      <OutcomeBanner outcome={panel.outcome} />

      <OpenBook locale={locale} panel={panel} />

      <SaveTarget locale={locale} files={files} busy={busy} onChoose={(target) => void panel.setTarget(target)} />

      <div className={styles.group}>
        <Subtitle2 as="h2">{fileText(locale, 'download')}</Subtitle2>
        <div className={styles.row}>
          <Button appearance="primary" disabledFocusable={busy} onClick={() => void panel.download(true)}>
            {panel.busy === 'portable' ? fileText(locale, 'busy') : fileText(locale, 'downloadXlsx')}
          </Button>
          <Button disabledFocusable={busy} onClick={() => void panel.download(false)}>
            {panel.busy === 'download' ? fileText(locale, 'busy') : fileText(locale, 'downloadAddin')}
          </Button>
        </div>
        <Caption1 className={styles.hint}>{fileText(locale, 'portableHint')}</Caption1>
      </div>

      <ImportSheet locale={locale} panel={panel} />

      <div className={styles.group}>
        <div className={styles.row}>
          <Subtitle2 as="h2">{fileText(locale, 'versions')}</Subtitle2>
          <Button size="small" disabledFocusable={busy} onClick={() => void panel.refreshVersions()}>
            {fileText(locale, 'refresh')}
          </Button>
        </div>
        {panel.versions && (
          <VersionList locale={locale} versions={panel.versions} busy={panel.busy} onRestore={(v) => void panel.restore(v)} />
        )}
        <Caption1 className={styles.hint}>{fileText(locale, 'versionsKept')}</Caption1>
      </div>
    </section>
  );
}
