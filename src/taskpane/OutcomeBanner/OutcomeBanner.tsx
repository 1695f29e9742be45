/**
 * The one way a tab reports what an action did: a Fluent MessageBar, announced politely for a
 * success and at once (role alert) for a failure.
 */
import { MessageBar, MessageBarBody } from '@fluentui/react-components';

/** What an action did, in the pane's language. */
export interface Outcome {
  readonly intent: 'success' | 'warning' | 'error';
  readonly text: string;
}

export function OutcomeBanner({ outcome }: { readonly outcome: Outcome | null | undefined }) {
  if (!outcome) return null;
  return (
    <MessageBar intent={outcome.intent} role={outcome.intent === 'error' ? 'alert' : 'status'}>
      <MessageBarBody>{outcome.text}</MessageBarBody>
    </MessageBar>
  );
}
