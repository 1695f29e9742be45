/** The heading row of a finding or action card: its title, an optional badge and its delete button. */
import { Button, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';

const useStyles = makeStyles({
  header: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
  title: { flexGrow: 1 },
});

export interface CardHeadingProps {
  /** The heading's element id: the card is labelled by it. */
  readonly id: string;
  readonly title: string;
  readonly badge?: ReactNode;
  readonly deleteLabel: string;
  readonly onDelete: () => void;
}

export function CardHeading({ id, title, badge, deleteLabel, onDelete }: CardHeadingProps) {
  const styles = useStyles();
  return (
    <div className={styles.header}>
      <Subtitle2 as="h3" id={id} className={styles.title}>
        {title}
      </Subtitle2>
      {badge}
      <Button size="small" appearance="subtle" aria-label={deleteLabel} onClick={onDelete}>
        ✕
      </Button>
    </div>
  );
}
