import type { TagSection } from '../analysis/reports/label-reports.js';
import { tabwrite } from '../go/tabwriter.js';

/**
 * The `tags` report as Go 1.19's pprof prints it through a right-aligning tabwriter: per key,
 * ` key: Total 6.3MB`, then `  5.0MB (79.11%): 512kB` rows, then a blank line.
 */
export function formatTags(sections: readonly TagSection[]): string {
  let text = '';
  for (const s of sections) {
    text += `${s.key}:\t Total ${s.totalText}\n`;
    for (const row of s.rows) {
      const share = row.percent === null ? '' : ` (${row.percent})`;
      text += ` \t${row.weightText}${share}:\t ${row.value}\n`;
    }
    text += '\n';
  }
  return tabwrite(text, 1, true);
}
