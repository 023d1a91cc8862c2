import { Writable } from 'node:stream';
import { createLogger } from '../../src/logging/logger';

/** A real pino logger at debug level whose lines are kept in memory, for scanning what would be logged. */
export function memoryLogger() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(
        ...chunk
          .toString()
          .split('\n')
          .filter((line: string) => line.length > 0),
      );
      done();
    },
  });
  return { logger: createLogger('debug', stream), lines };
}
