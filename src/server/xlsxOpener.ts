/**
 * Opening a user's .xlsx for the server: in a worker of its own (openWorker.ts) with a heap limit
 * and a time limit, so a file that would take gigabytes or minutes is refused with a message while
 * the server goes on answering. The bounds check of src/files/xlsxBounds.ts refuses the known cases
 * in under a second; these limits catch what no check foresaw.
 */
import type { Locale } from '../core';
import { WorkbookFileError, fileError, inspectXlsx } from '../files/xlsxGuard';
import type { FeatureCount } from '../files/xlsxInventory';
import { startWorker } from './workers';

export interface OpenedXlsx {
  /** The workbook snapshot as JSON text. */
  readonly snapshotText: string;
  readonly notImported: readonly string[];
  readonly held: readonly FeatureCount[];
  readonly lost: readonly FeatureCount[];
}

export interface OpenLimits {
  readonly timeoutMs: number;
  readonly heapMb: number;
}

export const OPEN_LIMITS: OpenLimits = {
  timeoutMs: Number(process.env.SALES_REVIEW_OPEN_TIMEOUT_MS ?? 90_000),
  heapMb: Number(process.env.SALES_REVIEW_OPEN_HEAP_MB ?? 3072),
};

export async function openXlsxBounded(
  bytes: Uint8Array,
  fileName: string,
  locale: Locale,
  limits: OpenLimits = OPEN_LIMITS,
): Promise<OpenedXlsx> {
  // The zip's directory alone refuses what is not a workbook or is a zip bomb, before a worker starts.
  await inspectXlsx(bytes, fileName, locale);
  return new Promise((resolve, reject) => {
    const worker = startWorker('openWorker', {
      workerData: { bytes, fileName, locale },
      resourceLimits: { maxOldGenerationSizeMb: limits.heapMb },
    });
    let settled = false;
    const finish = (outcome: () => void): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      outcome();
    };
    const timer = setTimeout(() => {
      const seconds = Math.round(limits.timeoutMs / 1000);
      finish(() =>
        reject(
          fileError('tooLarge', locale, fileName, locale === 'zh-CN' ? `读取超过 ${seconds} 秒` : `reading it took over ${seconds} s`),
        ),
      );
    }, limits.timeoutMs);
    worker.on('message', (message: OpenedXlsx & { error?: string; fileError?: boolean }) => {
      finish(() => {
        if (message.error === undefined) resolve(message);
        else if (message.fileError) reject(new WorkbookFileError(message.error));
        else reject(fileError('unreadable', locale, fileName, message.error));
      });
    });
    worker.on('error', (error: Error & { code?: string }) => {
      finish(() =>
        reject(
          error.code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? fileError(
                'tooLarge',
                locale,
                fileName,
                locale === 'zh-CN' ? `需要超过 ${limits.heapMb} MB 内存` : `it needs more than ${limits.heapMb} MB of memory`,
              )
            : fileError('unreadable', locale, fileName, error.message),
        ),
      );
    });
    worker.on('exit', (code) => finish(() => reject(fileError('unreadable', locale, fileName, `the reader stopped (${code})`))));
  });
}
