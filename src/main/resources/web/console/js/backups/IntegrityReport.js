// A restore's integrity report for people: every table's rows against the backup, the
// foreign keys without their parent, the conversations whose messages do not add up.
import { computed } from 'vue';
import { t, tCount } from '../../../shared/js/i18n.js';

export function parseReport(text) {
  if (!text) return null;
  try {
    const report = JSON.parse(text);
    return { tables: report.tables || [], keys: report.keys || [], conversations: report.conversations || 0,
      mismatched: report.conversationsNotMatchingTheirMessages || 0 };
  } catch {
    return null;
  }
}

export default {
  name: 'IntegrityReport',
  props: { report: { type: String, default: null } },
  setup(props) {
    const parsed = computed(() => parseReport(props.report));
    const tablePassed = (table) => table.rows === table.expectedRows && table.digestMatches;
    const summary = computed(() => {
      const report = parsed.value;
      if (!report) return null;
      const rows = report.tables.reduce((sum, table) => sum + table.rows, 0);
      const badTables = report.tables.filter((table) => !tablePassed(table));
      const orphans = report.keys.filter((key) => key.orphans > 0);
      return { rows, badTables, orphans, passed: !badTables.length && !orphans.length && !report.mismatched };
    });
    return { parsed, summary, tablePassed, t, tCount };
  },
  template: `
    <div v-if="parsed" class="integrity-report" data-integrity-report>
      <p :class="summary.passed ? 'notice' : 'problem'" data-integrity-summary>
        <strong>{{ summary.passed ? t('backups.report.passed') : t('backups.report.failed') }}</strong>
      </p>
      <ul class="report-facts">
        <li data-report-tables>{{ t('backups.report.tables', { tables: parsed.tables.length, rows: summary.rows }) }}</li>
        <li data-report-keys>{{ summary.orphans.length
          ? t('backups.report.keysBroken', { keys: parsed.keys.length, broken: summary.orphans.length })
          : t('backups.report.keys', { keys: parsed.keys.length }) }}</li>
        <li data-report-conversations>{{ parsed.mismatched
          ? t('backups.report.conversationsBroken', { conversations: parsed.conversations, broken: parsed.mismatched })
          : t('backups.report.conversations', { conversations: parsed.conversations }) }}</li>
      </ul>
      <ul v-if="summary.orphans.length" class="small">
        <li v-for="key in summary.orphans" :key="key.table + key.column">{{ t('backups.report.orphans',
          { orphans: key.orphans, table: key.table, column: key.column, parent: key.parent }) }}</li>
      </ul>
      <details>
        <summary>{{ t('backups.report.perTable') }}</summary>
        <div class="table-wrap">
          <table class="report-table">
            <thead><tr><th>{{ t('backups.report.table') }}</th><th>{{ t('backups.report.expected') }}</th>
              <th>{{ t('backups.report.restored') }}</th><th>{{ t('backups.report.content') }}</th></tr></thead>
            <tbody>
              <tr v-for="table in parsed.tables" :key="table.table" :data-report-table="table.table">
                <td class="small">{{ table.table }}</td><td>{{ table.expectedRows }}</td><td>{{ table.rows }}</td>
                <td><span class="badge" :class="tablePassed(table) ? 'ok' : 'off'">{{ tablePassed(table)
                  ? t('backups.report.same') : t('backups.report.different') }}</span></td>
              </tr>
            </tbody>
          </table>
        </div>
      </details>
    </div>`,
};
