/**
 * Shows rows done of rows and the rate on one line that rewrites itself, where the output is a terminal;
 * elsewhere (CI logs, pipes) it shows nothing. `done()` ends the line.
 */
export function progressLine(label: string, stream: NodeJS.WriteStream = process.stdout) {
  const started = performance.now();
  let shownAt = 0;
  return {
    update(done: number, total: number): void {
      const now = performance.now();
      if (!stream.isTTY || (now - shownAt < 100 && done < total)) return;
      shownAt = now;
      const rate = done / Math.max((now - started) / 1000, 0.001);
      stream.write(
        `\r${label}: ${done.toLocaleString('en-GB')} of ${total.toLocaleString('en-GB')} items, ` +
          `${Math.round(rate).toLocaleString('en-GB')}/s `,
      );
    },
    done(): void {
      if (stream.isTTY && shownAt > 0) stream.write('\n');
    },
  };
}
