/** Figures the bench scripts read back from a reindex report as printed (the terminal's `formatReport`, the bot's reply). */

/** How many texts the reindex embedded ("… (12 texts embedded now, …"), or null when the text holds no report. */
export function embeddedNow(report: string): number | null {
  const m = /\((\d+) texts embedded now\b/.exec(report);
  return m ? Number(m[1]) : null;
}
