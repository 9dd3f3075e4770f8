// Data problems; each one that names a cell is a button that selects that cell in the workbook.
import { Button } from '@fluentui/react-components';
import { useState } from 'react';
import type { Problem } from '../core/types.ts';
import { useStrings } from './i18n.tsx';
import { useStyles } from './styles.ts';

const SHOWN_AT_FIRST = 50;

export interface ProblemsListProps {
  problems: Problem[];
  /** The ledger sheet, for problems that name a cell but no sheet. */
  defaultSheet?: string;
  onSelect(sheet: string, cell: string): void;
}

export function ProblemsList({ problems, defaultSheet, onSelect }: ProblemsListProps) {
  const t = useStrings();
  const s = useStyles();
  const [all, setAll] = useState(false);
  const shown = all ? problems : problems.slice(0, SHOWN_AT_FIRST);
  return (
    <>
      <h3 className={s.subheading}>{t.problems}（{problems.length}）</h3>
      {problems.length === 0 && <p className={s.hint}>{t.problemsNone}</p>}
      <ul className={s.plainList} data-testid="problems">
        {shown.map((p, i) => {
          const sheet = p.sheet ?? defaultSheet;
          const text = (
            <>
              {p.cell && <span className={s.cellRef}>{sheet ? `${sheet}!` : ''}{p.cell}</span>}
              <span className={p.severity === 'error' ? s.failText : undefined}>[{t.severity[p.severity]}]</span> {p.message}
            </>
          );
          return (
            <li key={i}>
              {sheet && p.cell ? (
                <button type="button" className={s.problemButton} title={t.problemSelect} onClick={() => onSelect(sheet, p.cell!)}>
                  {text}
                </button>
              ) : (
                <div className={s.problemText}>{text}</div>
              )}
            </li>
          );
        })}
      </ul>
      {!all && problems.length > SHOWN_AT_FIRST && (
        <Button appearance="subtle" onClick={() => setAll(true)}>{t.showAll(problems.length)}</Button>
      )}
    </>
  );
}
