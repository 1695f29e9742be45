/**
 * The one way a tab reports what an action did: a Fluent MessageBar, announced politely for a
 * success and at once (role alert) for a failure; a title and a list for outcomes with parts
 * (the wizard's write-back: one line per sheet).
 */
import { MessageBar, MessageBarBody, MessageBarTitle, makeStyles, tokens } from '@fluentui/react-components';

/** What an action did, in the pane's language. */
export interface Outcome {
  readonly intent: 'success' | 'warning' | 'error';
  /** The sentence; under a title, a paragraph of its own (may be empty). */
  readonly text: string;
  readonly title?: string;
  /** One line per part, shown as a list. */
  readonly items?: readonly string[];
}

const useStyles = makeStyles({
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  body: { overflowWrap: 'anywhere', whiteSpace: 'normal' },
});

export function OutcomeBanner({ outcome }: { readonly outcome: Outcome | null | undefined }) {
  const styles = useStyles();
  if (!outcome) return null;
  const { intent, text, title, items = [] } = outcome;
  const parts = title !== undefined || items.length > 0;
  return (
    <MessageBar intent={intent} role={intent === 'error' ? 'alert' : 'status'} layout={parts ? 'multiline' : 'auto'}>
      <MessageBarBody className={styles.body}>
        {title !== undefined && <MessageBarTitle>{title}</MessageBarTitle>}
        {parts ? text !== '' && <p>{text}</p> : text}
        {items.length > 0 && (
          <ul className={styles.list}>
            {items.map((item, i) => (
              <li key={i}>{item}</li>
            ))}
          </ul>
        )}
      </MessageBarBody>
    </MessageBar>
  );
}
