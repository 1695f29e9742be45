/** A compact, captioned table that wraps instead of scrolling in a 320 px pane. */
import {
  Caption1Strong,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { type ReactNode, useId } from 'react';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, minWidth: 0 },
  table: { width: '100%', tableLayout: 'fixed' },
  cell: { overflowWrap: 'anywhere', whiteSpace: 'normal', paddingTop: tokens.spacingVerticalXXS, paddingBottom: tokens.spacingVerticalXXS },
  first: { width: '42%' },
});

export interface MiniTableProps {
  readonly caption: string;
  readonly headers: readonly string[];
  readonly rows: readonly { readonly key: string; readonly cells: readonly ReactNode[] }[];
}

export function MiniTable({ caption, headers, rows }: MiniTableProps) {
  const styles = useStyles();
  const id = useId();
  return (
    <div className={styles.root}>
      <Caption1Strong id={id}>{caption}</Caption1Strong>
      <Table size="extra-small" className={styles.table} aria-labelledby={id}>
        <TableHeader>
          <TableRow>
            {headers.map((header, i) => (
              <TableHeaderCell key={i} className={i === 0 ? styles.first : undefined}>
                {header}
              </TableHeaderCell>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((row) => (
            <TableRow key={row.key}>
              {row.cells.map((cell, i) => (
                <TableCell key={i} className={styles.cell}>
                  {cell}
                </TableCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
