/** `google.script.run` over the server for tests: payloads and replies cross as JSON-like data only, as on Google. */
import type { ScriptRunner } from '../../../src/hosts/sheets/sheetsClient';
import { type ServerReply, createSheetsServer } from '../../../src/hosts/sheets/sheetsServer';
import type { FakeSheets } from './fakeSheets';

/** google.script.run over the server, with a JSON round trip each way (no functions, no Dates, no classes). */
export function scriptRun(fake: FakeSheets): () => ScriptRunner {
  const server = createSheetsServer(fake.services, () => new Date(Date.UTC(2024, 2, 25, 4)));
  return () => {
    let onSuccess: (reply: ServerReply) => void = () => undefined;
    let onFailure: (error: Error) => void = () => undefined;
    const runner: ScriptRunner = {
      withSuccessHandler: (handler) => ((onSuccess = handler), runner),
      withFailureHandler: (handler) => ((onFailure = handler), runner),
      salesReviewServer: (method, payload) => {
        const sent = JSON.parse(JSON.stringify(payload)) as unknown;
        setTimeout(() => {
          try {
            onSuccess(JSON.parse(JSON.stringify(server.handle(method, sent))) as ServerReply);
          } catch (error) {
            onFailure(error as Error);
          }
        }, 0);
      },
    };
    return runner;
  };
}
